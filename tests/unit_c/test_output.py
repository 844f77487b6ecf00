"""Unit tests of planner.output: atomic writes that leave nothing half-written, and safe joins."""

from __future__ import annotations

import errno
import os
import stat
from pathlib import Path, PurePosixPath

import pytest
from hypothesis import given, seed, settings
from hypothesis import strategies as st

from planner import output
from planner.errors import OutputError, UsageError
from planner.output import safe_join, write_bytes, write_text


def test_a_new_file_is_written_and_reported_changed(tmp_path):
    target = tmp_path / "roadmap.md"
    assert write_text(target, "# Roadmap\n") is True
    assert target.read_text(encoding="utf-8") == "# Roadmap\n"


def test_identical_bytes_are_reported_unchanged(tmp_path):
    target = tmp_path / "roadmap.md"
    target.write_bytes("één\n".encode())
    assert write_text(target, "één\n") is False


def test_different_bytes_replace_the_file(tmp_path):
    target = tmp_path / "roadmap.md"
    target.write_text("old\n", encoding="utf-8")
    assert write_bytes(target, b"new\n") is True
    assert target.read_bytes() == b"new\n"


def test_text_is_written_as_utf8(tmp_path):
    target = tmp_path / "r.md"
    write_text(target, "Overijssel – één\n")
    assert target.read_bytes() == "Overijssel – één\n".encode()


def test_rewriting_keeps_the_mode_of_the_existing_file(tmp_path):
    target = tmp_path / "r.md"
    target.write_text("old\n", encoding="utf-8")
    target.chmod(0o640)
    write_text(target, "new\n")
    assert stat.S_IMODE(target.stat().st_mode) == 0o640


def test_a_new_file_gets_the_mode_of_a_plain_open(tmp_path):
    previous = os.umask(0o027)
    try:
        write_text(tmp_path / "r.md", "x\n")
    finally:
        os.umask(previous)
    assert stat.S_IMODE((tmp_path / "r.md").stat().st_mode) == 0o640


def test_writing_through_a_symlink_replaces_its_target_and_keeps_the_link(tmp_path):
    real = tmp_path / "real.md"
    real.write_text("old\n", encoding="utf-8")
    link = tmp_path / "link.md"
    link.symlink_to(real)
    write_text(link, "new\n")
    assert link.is_symlink()
    assert real.read_text(encoding="utf-8") == "new\n"


def test_a_device_is_written_in_place_not_replaced():
    assert write_text(Path(os.devnull), "discarded\n") is True
    assert stat.S_ISCHR(Path(os.devnull).stat().st_mode)


def test_a_full_disk_is_an_output_error_and_the_old_file_stays(tmp_path, monkeypatch):
    target = tmp_path / "r.md"
    target.write_text("old\n", encoding="utf-8")

    class FullDisk:
        def __init__(self, fd: int, mode: str) -> None:
            os.close(fd)

        def __enter__(self):  # type: ignore[no-untyped-def]
            return self

        def __exit__(self, *exc: object) -> None:
            return None

        def write(self, data: bytes) -> int:
            raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(output.os, "fdopen", FullDisk)
    with pytest.raises(OutputError, match="No space left on device"):
        write_text(target, "new\n")
    assert target.read_text(encoding="utf-8") == "old\n"
    assert [p.name for p in tmp_path.iterdir()] == ["r.md"]


def test_a_folder_that_cannot_be_written_is_a_usage_error(tmp_path, monkeypatch):
    def refused(**kwargs: object) -> tuple[int, str]:
        raise PermissionError(errno.EACCES, "Permission denied")

    monkeypatch.setattr(output.tempfile, "mkstemp", refused)
    with pytest.raises(UsageError, match="Permission denied"):
        write_text(tmp_path / "r.md", "x\n")
    assert list(tmp_path.iterdir()) == []


def test_a_missing_folder_is_a_usage_error_naming_it(tmp_path):
    with pytest.raises(UsageError, match="does not exist"):
        write_text(tmp_path / "missing" / "r.md", "x\n")
    assert list(tmp_path.iterdir()) == []


def test_a_folder_in_the_way_is_a_usage_error(tmp_path):
    (tmp_path / "r.md").mkdir()
    with pytest.raises(UsageError, match=r"r\.md"):
        write_text(tmp_path / "r.md", "x\n")
    assert (tmp_path / "r.md").is_dir()


def test_a_file_name_without_folder_is_written_in_the_current_folder(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    write_text(Path("r.md"), "x\n")
    assert (tmp_path / "r.md").read_text(encoding="utf-8") == "x\n"


SEGMENTS = st.sampled_from(["acts", "..", ".", "a..b", "ai-act.html", "nl", "", "C:", "x\\y", "\x00"])


@seed(20261207)
@settings(deadline=None, max_examples=50)
@given(st.lists(SEGMENTS, min_size=0, max_size=5), st.booleans())
def test_safe_join_never_lands_outside_the_root(segments, absolute):
    relative = ("/" if absolute else "") + "/".join(segments)
    root = PurePosixPath("/site")
    try:
        joined = safe_join(Path("/site"), relative)
    except UsageError:
        return
    assert os.path.commonpath([str(root), os.path.normpath(joined)]) == str(root)


def test_a_file_in_place_of_the_folder_is_a_usage_error(tmp_path):
    (tmp_path / "site").write_text("not a folder\n", encoding="utf-8")
    with pytest.raises(UsageError, match="site"):
        write_text(tmp_path / "site" / "r.md", "x\n")
    assert (tmp_path / "site").read_text(encoding="utf-8") == "not a folder\n"
