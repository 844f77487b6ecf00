"""The Pagefind search index: made at build time, the same bytes for the same pages, a clear
warning without the indexer. (Searching it in a browser: tests/test_site_browser_pages.py.)"""

from __future__ import annotations

import datetime as dt
import gzip
import os
import shutil
from pathlib import Path

import pytest

from planner import api
from planner.loading import load_catalogue
from planner.site import search_canon, search_index
from planner.site.build import BuildOptions, build_site

from .conftest import MINIMAL, invoke

AS_OF = dt.date(2026, 11, 28)
README = Path(__file__).parent.parent / "README.md"


@pytest.fixture(scope="module")
def pages() -> dict[str, bytes]:
    return build_site(load_catalogue(MINIMAL), BuildOptions(AS_OF, search=False))


@pytest.fixture(scope="module")
def pagefind() -> str:
    with pytest.MonkeyPatch.context() as patch:
        patch.delenv("PLANNER_PAGEFIND")
        found = search_index.executable()
    if found is None:
        if os.environ.get("CI"):
            pytest.fail("Pagefind is not installed; CI installs it with the test extras")
        pytest.skip("Pagefind is not installed: pip install 'planner[search]'")
    return found


def test_the_index_has_both_languages_and_the_filters(pages, pagefind):
    index, missing = search_index.index_site(pages, pagefind)
    assert missing is None
    assert '"nl":' in index["pagefind/nl/00/pagefind-entry.json"].decode()
    assert '"en":' in index["pagefind/en/00/pagefind-entry.json"].decode()
    assert "pagefind/nl/00/pagefind.js" in index and "pagefind/en/00/pagefind.js" in index
    assert not any("pagefind-ui" in path for path in index)  # its own UI is not used
    assert sum(1 for path in index if "/filter/" in path) == 2 * 3  # layer, status, theme


def test_the_same_pages_give_the_same_index(pages, pagefind):
    first, _ = search_index.index_site(pages, pagefind)
    second, _ = search_index.index_site(pages, pagefind)
    assert first == second


def test_filter_values_are_sorted():
    blob = gzip.compress(search_canon.SIGNATURE + search_canon.encode(["layer", [["b", [1]], ["a", [0, 2]]]]))
    out = search_canon.canonical({"pagefind/filter/nl_0000000.pf_filter": blob})
    (path, data), *_ = out.items()
    assert search_canon.decode(gzip.decompress(data)[len(search_canon.SIGNATURE) :]) == [
        "layer",
        [["a", [0, 2]], ["b", [1]]],
    ]
    assert path.startswith("pagefind/filter/nl_") and path != "pagefind/filter/nl_0000000.pf_filter"


@pytest.mark.parametrize(
    "value", [0, 23, 24, 255, 256, 65536, 2**32, -1, "é", b"\x00", [], {"a": [1]}, None, True]
)
def test_cbor_round_trip(value):
    assert search_canon.decode(search_canon.encode(value)) == value


def test_without_pagefind_the_site_is_built_and_the_build_says_why(pages, monkeypatch):
    monkeypatch.delenv("PLANNER_PAGEFIND")
    monkeypatch.setattr(search_index, "executable", lambda: None)
    assert search_index.index_site(pages) == ({}, search_index.MISSING)


def test_the_warning_is_documented_word_for_word():
    assert search_index.MISSING in README.read_text(encoding="utf-8")


def test_the_build_command_prints_the_warning(runner, tmp_path, monkeypatch):
    monkeypatch.delenv("PLANNER_PAGEFIND")
    monkeypatch.setattr(search_index, "executable", lambda: None)
    result = invoke(
        runner, "--catalog", str(MINIMAL), "build", str(tmp_path / "site"), "--as-of", "2026-11-28"
    )
    assert result.exit_code == 0
    assert search_index.MISSING in result.stderr
    assert (tmp_path / "site" / "nl" / "search.html").is_file()


def test_a_failing_indexer_is_an_error_without_a_traceback(pages, tmp_path):
    broken = tmp_path / "pagefind"
    broken.write_text("#!/bin/sh\necho 'Error: no pages' >&2\nexit 1\n")
    broken.chmod(0o755)
    with pytest.raises(search_index.IndexerFailed, match="Pagefind failed: Error: no pages"):
        search_index.index_site(pages, str(broken))


def tree(root: Path) -> dict[str, bytes]:
    """Every file under `root` with its bytes."""
    return {p.relative_to(root).as_posix(): p.read_bytes() for p in sorted(root.rglob("*")) if p.is_file()}


def inodes(root: Path) -> dict[str, int]:
    """The index files under `root` and their inodes (a file carried over is linked: same inode)."""
    return {
        p.relative_to(root).as_posix(): p.stat().st_ino for p in (root / "pagefind").rglob("*") if p.is_file()
    }


def test_an_edit_re_indexes_only_its_shard_and_equals_a_fresh_build(pagefind, tmp_path, monkeypatch):
    monkeypatch.setenv("PLANNER_PAGEFIND", pagefind)
    catalogue = tmp_path / "regulations"
    shutil.copytree(README.parent / "regulations", catalogue)
    site, fresh = tmp_path / "site", tmp_path / "fresh"
    api.build_site(load_catalogue(catalogue), site, as_of=AS_OF)
    before = inodes(site)
    act = catalogue / "ai-act.yaml"  # its English note is on its English page only
    act.write_text(
        act.read_text().replace("\n  en: >-\n    The AI Act", "\n  en: >-\n    Edited: the AI Act", 1)
    )
    api.build_site(load_catalogue(catalogue), site, as_of=AS_OF)
    api.build_site(load_catalogue(catalogue), fresh, as_of=AS_OF)
    assert tree(site) == tree(fresh)
    after = inodes(site)
    remade = {
        path.split("/")[2]
        for path, inode in after.items()
        if before.get(path) != inode and path.count("/") > 2
    }
    assert len(remade) == 1 and all(
        path.startswith("pagefind/en/") for path, inode in after.items() if before.get(path) != inode
    )
    assert (
        len({path.split("/")[2] for path in after if path.startswith("pagefind/en/") and path.count("/") > 2})
        > 1
    )
