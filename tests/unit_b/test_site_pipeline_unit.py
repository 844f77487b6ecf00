"""The build stream: everything made the first time, then only what an edit touches."""

from __future__ import annotations

import datetime as dt
import shutil
from pathlib import Path

import pytest

from planner.loading import load_catalogue
from planner.site import MARKER
from planner.site.build import BuildOptions
from planner.site.incremental import MANIFEST, UNKEYED, read_manifest
from planner.site.pipeline import stream_site
from planner.site.writer import write_stream

from ..conftest import MINIMAL

OPTIONS = BuildOptions(dt.date(2026, 11, 28), langs=("en",), search=False)


@pytest.fixture
def built(tmp_path: Path) -> tuple[Path, Path]:
    """(a writable catalogue, the site built from it)."""
    cat = tmp_path / "cat"
    shutil.copytree(MINIMAL, cat)
    out = tmp_path / "site"
    write_stream(out, stream_site(load_catalogue(cat), OPTIONS, stamp="s"))
    return cat, out


def remade(cat: Path, out: Path) -> set[str]:
    """The files a rebuild over `out` makes anew (the rest it carries over)."""
    stream = stream_site(load_catalogue(cat), OPTIONS, read_manifest(out), stamp="s", old_root=out)
    return {path for path, data in stream if data is not None}


def test_a_first_build_makes_every_file_once():
    paths = [
        path for path, data in stream_site(load_catalogue(MINIMAL), OPTIONS, stamp="s") if data is not None
    ]
    assert len(paths) == len(set(paths))
    assert {"index.html", "acts/act-a.html", MANIFEST, MARKER, *UNKEYED} <= set(paths)


def test_the_marker_records_the_size_of_every_other_file():
    files = dict(stream_site(load_catalogue(MINIMAL), OPTIONS, stamp="s"))
    lines = files[MARKER].decode().splitlines()
    start = lines.index("inputs s")
    recorded = dict(reversed(line.split(" ", 1)) for line in lines[start + 2 :])
    assert lines[start + 1] == f"files {len(files) - 1}"
    assert recorded == {path: str(len(data)) for path, data in files.items() if path != MARKER}


def test_without_a_stamp_the_marker_records_no_inputs():
    marker = dict(stream_site(load_catalogue(MINIMAL), OPTIONS))[MARKER]
    assert b"inputs " not in marker


def test_an_unchanged_catalogue_remakes_no_page(built):
    made = remade(*built)
    assert not [p for p in made if not p.startswith((".", "assets/"))]  # only the closing files
    assert {MANIFEST, MARKER} <= made


def test_an_edited_title_remakes_its_pages_and_not_an_unrelated_act(built):
    cat, out = built
    path = cat / "act-b.yaml"
    path.write_text(path.read_text().replace("Connect to the platform", "Connect to the national platform"))
    made = remade(cat, out)
    assert {"obligations/act-b.connect.html", "acts/act-b.html"} <= made
    assert "obligations/act-a.inventory.html" not in made


def test_a_previous_build_of_other_options_is_not_reused(built):
    cat, out = built
    other = BuildOptions(dt.date(2026, 12, 1), langs=("en",), search=False)
    stream = stream_site(load_catalogue(cat), other, read_manifest(out), stamp="s", old_root=out)
    assert all(data is not None for _, data in stream)
