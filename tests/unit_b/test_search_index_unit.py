"""Running the search indexer on the pages built in memory, with a stand-in for Pagefind."""

from __future__ import annotations

from pathlib import Path

import pytest

from planner.site.search_index import BUNDLE, IndexerFailed, disabled, executable, index_site

# A stand-in for Pagefind: lists the pages it was given into one file of the bundle, and writes
# one of Pagefind's ready-made interfaces, which the site does not use.
FAKE = """#!/bin/sh
site="$2"
mkdir -p "$site/{bundle}/sub"
(cd "$site" && find . -type f -not -path './{bundle}/*' | sort) > "$site/{bundle}/sub/pages.txt"
echo ui > "$site/{bundle}/pagefind-ui.js"
"""


def fake(tmp_path: Path, script: str) -> str:
    path = tmp_path / "pagefind"
    path.write_text(script)
    path.chmod(0o755)
    return str(path)


PAGES = {"nl/index.html": b"<html lang=nl>", "en/a/b.html": b"<html lang=en>", "data/plan.json": b"{}"}


def test_only_the_html_pages_reach_the_indexer(tmp_path):
    index, missing = index_site(PAGES, fake(tmp_path, FAKE.format(bundle=BUNDLE)))
    assert missing is None
    assert index[f"{BUNDLE}/nl/00/sub/pages.txt"] == b"./nl/index.html\n"
    assert index[f"{BUNDLE}/en/00/sub/pages.txt"] == b"./en/a/b.html\n"


def test_pagefinds_own_interfaces_are_left_out(tmp_path):
    index, _ = index_site(PAGES, fake(tmp_path, FAKE.format(bundle=BUNDLE)))
    assert sorted(index) == [
        f"{BUNDLE}/en/00/sub/pages.txt",
        f"{BUNDLE}/en/shards.json",
        f"{BUNDLE}/nl/00/sub/pages.txt",
        f"{BUNDLE}/nl/shards.json",
    ]


def test_an_indexer_that_succeeds_without_an_index_has_failed(tmp_path):
    with pytest.raises(IndexerFailed, match="Pagefind failed: exit 0"):
        index_site(PAGES, fake(tmp_path, "#!/bin/sh\nexit 0\n"))


def test_the_last_line_the_indexer_printed_is_the_reason(tmp_path):
    script = "#!/bin/sh\necho 'Running' ; echo 'first' >&2 ; echo 'Error: disk full' >&2 ; exit 3\n"
    with pytest.raises(IndexerFailed, match=r"^Pagefind failed: Error: disk full$"):
        index_site(PAGES, fake(tmp_path, script))


def test_an_indexer_that_cannot_run_is_an_error_naming_it(tmp_path):
    missing = tmp_path / "no-such-pagefind"
    with pytest.raises(IndexerFailed, match=r"^cannot run Pagefind \("):
        index_site(PAGES, str(missing))


def test_an_empty_variable_disables_the_index_quietly(monkeypatch):
    monkeypatch.setenv("PLANNER_PAGEFIND", "")
    assert disabled()
    assert index_site(PAGES) == ({}, None)


def test_the_variable_names_the_binary(monkeypatch, tmp_path):
    monkeypatch.setenv("PLANNER_PAGEFIND", str(tmp_path / "pf"))
    assert not disabled()
    assert executable() == str(tmp_path / "pf")
