"""The Pagefind search index: made at build time, the same bytes for the same pages, a clear
warning without the indexer. (Searching it in a browser: tests/test_site_browser_pages.py.)"""

from __future__ import annotations

import datetime as dt
import gzip
import os
from pathlib import Path

import pytest

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
    entry = index["pagefind/pagefind-entry.json"].decode()
    assert '"nl":' in entry and '"en":' in entry
    assert "pagefind/pagefind.js" in index
    assert not any(path.startswith("pagefind/pagefind-ui") for path in index)  # its own UI is not used
    assert sum(1 for path in index if path.startswith("pagefind/filter/")) == 2 * 3  # layer, status, theme


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
