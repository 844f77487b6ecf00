"""A build holds no more than it must: the search index's pages go to a folder as they are made,
and a load lets go of the node trees it made to locate problems."""

from __future__ import annotations

from pathlib import Path

import pytest

from planner.reading import SourceFile
from planner.site import pipeline, search_index
from planner.site.incremental import Entry

FAKE_PAGEFIND = """#!/bin/sh
# lists the pages it was given, as the one file of its "index"
site="$2"
mkdir -p "$site/pagefind"
(cd "$site" && find . -name '*.html' | sort > pagefind/pages.txt && cat $(find . -name '*.html' | sort) > pagefind/all.txt)
"""


@pytest.fixture
def fake(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    binary = tmp_path / "pagefind"
    binary.write_text(FAKE_PAGEFIND)
    binary.chmod(0o755)
    monkeypatch.setenv("PLANNER_PAGEFIND", str(binary))
    return binary


def test_search_pages_are_written_to_a_folder_as_they_come(fake):
    search = pipeline.SearchPages(True, ("en",))
    search.add("en/a.html", b"<p>a</p>")
    assert search.root is not None and (search.root / "en/a.html").read_bytes() == b"<p>a</p>"
    search.close()


def test_search_index_reads_kept_pages_from_the_old_site_and_the_fixed_pages(fake, tmp_path):
    old = tmp_path / "old"
    (old / "en").mkdir(parents=True)
    (old / "en/kept.html").write_bytes(b"<p>kept</p>")
    search = pipeline.SearchPages(True, ("en",), old_root=old)
    search.add("en/made.html", b"<p>made</p>")
    search.add("en/roadmap.json", b"{}")  # not a page: not indexed
    entries = {p: Entry(None, p, 1) for p in ("en/kept.html", "en/made.html", "en/roadmap.json")}
    made = search.index({"index.html": b"<p>root</p>"}, entries, "g")
    search.close()
    assert made.files["pagefind/en/00/pages.txt"] == b"./en/kept.html\n./en/made.html\n./index.html\n"
    assert made.files["pagefind/en/00/all.txt"] == b"<p>kept</p><p>made</p><p>root</p>"


def test_a_shard_whose_pages_did_not_change_is_carried_over(fake, tmp_path):
    pages = {f"en/p{i}.html": Entry(None, f"k{i}", 1) for i in range(600)}  # three shards
    first = pipeline.SearchPages(True, ("en",))
    for path in pages:
        first.add(path, b"<p></p>")
    made = first.index({}, pages, "g")
    first.close()
    assert len(made.shards) == 3 and not made.carried
    edited = {**pages, "en/p7.html": Entry(None, "changed", 1)}
    again = pipeline.SearchPages(True, ("en",), made.shards, tmp_path)
    again.add("en/p7.html", b"<p>changed</p>")
    for path in pages:  # the previous site, as the next build finds it
        (tmp_path / path).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / path).write_bytes(b"<p></p>")
    redone = again.index({}, edited, "g")
    again.close()
    remade = {name for name in made.shards if f"pagefind/{name}/pages.txt" in redone.files}
    assert len(remade) == 1 and b"./en/p7.html" in redone.files[f"pagefind/{min(remade)}/pages.txt"]
    kept = {p for name, shard in made.shards.items() if name not in remade for p in shard.files}
    assert set(redone.carried) == kept and len(kept) == 2 * 2  # two shards of two files each


def test_search_folder_is_removed_when_closed(fake):
    search = pipeline.SearchPages(True, ("en",))
    root = search.root
    assert root is not None and root.parent.is_dir()
    search.close()
    assert not root.parent.exists()


def test_no_search_makes_no_folder_and_says_nothing(fake, capsys):
    search = pipeline.SearchPages(False, ("en",))
    search.add("en/a.html", b"<p>a</p>")
    assert search.root is None and search.index({}, {}, "g").files == {}
    assert capsys.readouterr().err == ""


def test_missing_pagefind_is_said_once_at_the_end(monkeypatch, capsys):
    monkeypatch.delenv("PLANNER_PAGEFIND", raising=False)
    monkeypatch.setattr(search_index, "executable", lambda: None)
    search = pipeline.SearchPages(True, ("en",))
    search.add("en/a.html", b"<p>a</p>")
    assert search.index({}, {}, "g").files == {}
    assert capsys.readouterr().err == search_index.MISSING + "\n"


def test_a_released_source_file_locates_a_later_problem_again(tmp_path):
    src = SourceFile(tmp_path / "act.yaml", text="id: a\ntitle:\n  en: A\n")
    src.add(["id"], "first")
    src.release()
    src.add(["title", "en"], "second")
    assert [(p.line, p.col) for p in src.problems] == [(1, 5), (3, 7)]
