"""Output safety: paths stay inside the output folder, and `-o` replaces a file atomically.

(HTML escaping and CSV formula neutralisation are tested with the formats.)
"""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest

from planner import output
from planner.errors import UsageError
from planner.output import safe_join

from .conftest import MINIMAL, invoke


@pytest.mark.parametrize(
    "relative",
    [
        "../x",
        "../../etc/passwd",
        "acts/../../x",
        "acts/./../../x",
        "/etc/passwd",
        "//server/share",
        "",
        "acts\\..\\..\\x",
        "C:evil",
        "ok\x00.html",
    ],
)
def test_safe_join_refuses_paths_that_leave_the_folder(relative: str) -> None:
    with pytest.raises(UsageError, match="outside the output folder"):
        safe_join(Path("/site"), relative)


@pytest.mark.parametrize("relative", ["index.html", "acts/ai-act.html", "nl/acts/ai-act.nl.md", "a..b/c"])
def test_safe_join_keeps_paths_inside_the_folder(relative: str) -> None:
    joined = safe_join(Path("/site"), relative)
    assert joined == Path("/site") / relative
    assert os.path.commonpath(["/site", os.path.normpath(joined)]) == "/site"


def roadmap_to(runner, path: str):  # type: ignore[no-untyped-def]
    return invoke(
        runner,
        "--catalog",
        str(MINIMAL),
        "roadmap",
        "gemeenten",
        "--as-of",
        "2026-12-01",
        "--format",
        "json",
        "-o",
        path,
    )


def test_output_replaces_an_existing_file_atomically(runner, tmp_path, monkeypatch) -> None:
    monkeypatch.chdir(tmp_path)
    (tmp_path / "roadmap.json").write_text("old roadmap\n", encoding="utf-8")
    with open(tmp_path / "roadmap.json", encoding="utf-8") as reader:
        result = roadmap_to(runner, "roadmap.json")
        # A reader of the old file still sees it whole: the new file was renamed over it, not
        # written into it.
        assert reader.read() == "old roadmap\n"
    assert result.exit_code == 0
    assert json.loads((tmp_path / "roadmap.json").read_text(encoding="utf-8"))["layer"] == "gemeenten"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["roadmap.json"]  # no temporary file left


def test_unchanged_output_is_not_rewritten(runner, tmp_path, monkeypatch) -> None:
    monkeypatch.chdir(tmp_path)
    assert roadmap_to(runner, "roadmap.json").exit_code == 0
    before = (tmp_path / "roadmap.json").stat()
    assert roadmap_to(runner, "roadmap.json").exit_code == 0
    after = (tmp_path / "roadmap.json").stat()
    assert (after.st_ino, after.st_mtime_ns) == (before.st_ino, before.st_mtime_ns)


def test_output_into_a_missing_folder_is_a_usage_error(runner, tmp_path, monkeypatch) -> None:
    monkeypatch.chdir(tmp_path)
    result = roadmap_to(runner, "missing/roadmap.json")
    assert result.exit_code == 2
    assert result.output == ("error: cannot write 'missing/roadmap.json': folder 'missing' does not exist\n")
    assert list(tmp_path.iterdir()) == []


def test_output_onto_a_folder_is_a_usage_error(runner, tmp_path, monkeypatch) -> None:
    monkeypatch.chdir(tmp_path)
    (tmp_path / "roadmap.json").mkdir()
    result = roadmap_to(runner, "roadmap.json")
    assert result.exit_code == 2
    assert result.output.startswith("error: cannot write 'roadmap.json': ")
    assert [p.name for p in tmp_path.iterdir()] == ["roadmap.json"]


def test_an_interrupted_write_leaves_the_old_file_and_no_temporary(tmp_path, monkeypatch) -> None:
    target = tmp_path / "roadmap.md"
    target.write_text("old\n", encoding="utf-8")

    def interrupted(src: str, dst: str) -> None:
        raise KeyboardInterrupt

    monkeypatch.setattr(output.os, "replace", interrupted)
    with pytest.raises(KeyboardInterrupt):
        output.write_text(target, "new\n")
    assert target.read_text(encoding="utf-8") == "old\n"
    assert [p.name for p in tmp_path.iterdir()] == ["roadmap.md"]
