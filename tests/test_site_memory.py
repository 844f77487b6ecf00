"""A build holds no more than it must: the search index's pages go to a folder as they are made,
and a load lets go of the node trees it made to locate problems."""

from __future__ import annotations

from pathlib import Path

import pytest

from planner.reading import SourceFile
from planner.site import pipeline, search_index

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
    search = pipeline.SearchPages(True)
    search.add("en/a.html", b"<p>a</p>", None)
    assert search.root is not None and (search.root / "en/a.html").read_bytes() == b"<p>a</p>"
    search.close()


def test_search_index_reads_kept_pages_from_the_old_site_and_the_fixed_pages(fake, tmp_path):
    old = tmp_path / "old"
    (old / "en").mkdir(parents=True)
    (old / "en/kept.html").write_bytes(b"<p>kept</p>")
    search = pipeline.SearchPages(True)
    search.add("en/kept.html", None, old)
    search.add("en/made.html", b"<p>made</p>", old)
    search.add("en/roadmap.json", b"{}", old)  # not a page: not indexed
    index = search.index({"index.html": b"<p>root</p>"})
    search.close()
    assert index["pagefind/pages.txt"] == b"./en/kept.html\n./en/made.html\n./index.html\n"
    assert index["pagefind/all.txt"] == b"<p>kept</p><p>made</p><p>root</p>"


def test_search_folder_is_removed_when_closed(fake):
    search = pipeline.SearchPages(True)
    root = search.root
    assert root is not None and root.parent.is_dir()
    search.close()
    assert not root.parent.exists()


def test_no_search_makes_no_folder_and_says_nothing(fake, capsys):
    search = pipeline.SearchPages(False)
    search.add("en/a.html", b"<p>a</p>", None)
    assert search.root is None and search.index({}) == {}
    assert capsys.readouterr().err == ""


def test_missing_pagefind_is_said_once_at_the_end(monkeypatch, capsys):
    monkeypatch.delenv("PLANNER_PAGEFIND", raising=False)
    monkeypatch.setattr(search_index, "executable", lambda: None)
    search = pipeline.SearchPages(True)
    search.add("en/a.html", b"<p>a</p>", None)
    assert search.index({}) == {}
    assert capsys.readouterr().err == search_index.MISSING + "\n"


def test_a_released_source_file_locates_a_later_problem_again(tmp_path):
    src = SourceFile(tmp_path / "act.yaml", text="id: a\ntitle:\n  en: A\n")
    src.add(["id"], "first")
    src.release()
    src.add(["title", "en"], "second")
    assert [(p.line, p.col) for p in src.problems] == [(1, 5), (3, 7)]
