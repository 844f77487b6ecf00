"""The site writer on its own: small in-memory sites written, kept, swapped and checked."""

from __future__ import annotations

import os
import sys
from pathlib import Path

import pytest

from planner.errors import DifferenceFound, UsageError
from planner.site import MARKER
from planner.site.writer import (
    Difference,
    check_site,
    compare,
    existing_files,
    write_site,
    write_stream,
)


def site(**pages: str) -> dict[str, bytes]:
    """A tiny built site: the marker plus `pages` (``a__b`` stands for ``a/b``)."""
    files = {MARKER: b"built\n"}
    files.update({name.replace("__", "/"): text.encode() for name, text in pages.items()})
    return files


def test_existing_files_lists_nested_files_as_sorted_posix_paths(tmp_path):
    (tmp_path / "b").mkdir()
    (tmp_path / "b" / "z.txt").write_text("z")
    (tmp_path / "a.txt").write_text("a")
    assert existing_files(tmp_path) == ["a.txt", "b/z.txt"]


def test_existing_files_of_a_missing_folder_is_empty(tmp_path):
    assert existing_files(tmp_path / "nowhere") == []


def test_difference_is_false_when_nothing_differs():
    assert not Difference()
    assert Difference(extra=("x",))


def test_difference_lines_list_changed_then_missing_then_extra():
    diff = Difference(changed=("c",), missing=("m",), extra=("e",))
    assert diff.lines() == ["changed: c", "missing: m", "extra: e"]


def test_compare_sorts_each_kind_of_difference(tmp_path):
    write_site(tmp_path / "out", site(b="1", a="1", keep="same", old="x"))
    diff = compare(tmp_path / "out", {**site(b="2", a="2", keep="same"), "new": b"n"})
    assert diff == Difference(changed=("a", "b"), missing=("new",), extra=("old",))


def test_check_site_raises_difference_found_with_one_line_per_file(tmp_path):
    write_site(tmp_path / "out", site(page="old"))
    with pytest.raises(DifferenceFound) as info:
        check_site(tmp_path / "out", site(page="new", added="x"))
    assert "2 file(s) differ" in str(info.value)


def test_check_site_passes_silently_on_an_identical_folder(tmp_path):
    write_site(tmp_path / "out", site(page="same"))
    check_site(tmp_path / "out", site(page="same"))


def test_write_site_creates_a_missing_folder_with_exactly_the_files(tmp_path):
    report = write_site(tmp_path / "out", site(index="home", docs__page="doc"))
    assert existing_files(tmp_path / "out") == [MARKER, "docs/page", "index"]
    assert (tmp_path / "out" / "docs" / "page").read_text() == "doc"
    assert report.written == (MARKER, "docs/page", "index")


def test_rewriting_the_same_site_leaves_every_file_and_its_inode(tmp_path):
    write_site(tmp_path / "out", site(index="home"))
    before = (tmp_path / "out" / "index").stat().st_ino
    report = write_site(tmp_path / "out", site(index="home"))
    assert (report.written, report.removed, report.unchanged) == ((), (), 2)
    assert (tmp_path / "out" / "index").stat().st_ino == before


def test_an_unchanged_file_is_carried_over_when_another_changes(tmp_path):
    write_site(tmp_path / "out", site(index="home", other="one"))
    before = (tmp_path / "out" / "index").stat().st_ino
    report = write_site(tmp_path / "out", site(index="home", other="two"))
    assert report.written == ("other",)
    assert (tmp_path / "out" / "index").stat().st_ino == before
    assert (tmp_path / "out" / "other").read_text() == "two"


def test_a_file_no_longer_built_is_reported_removed_and_gone(tmp_path):
    write_site(tmp_path / "out", site(index="home", stale="x"))
    report = write_site(tmp_path / "out", site(index="home"))
    assert report.removed == ("stale",)
    assert not (tmp_path / "out" / "stale").exists()


def test_write_stream_keeps_a_file_given_as_none_without_reading_it(tmp_path):
    write_site(tmp_path / "out", site(index="home", big="kept bytes"))
    write_stream(tmp_path / "out", [*site(index="new").items(), ("big", None)])
    assert (tmp_path / "out" / "big").read_text() == "kept bytes"
    assert (tmp_path / "out" / "index").read_text() == "new"


def test_write_stream_refuses_to_keep_a_file_the_old_site_lacks_and_leaves_it(tmp_path):
    write_site(tmp_path / "out", site(index="home"))
    with pytest.raises(UsageError, match="cannot keep 'ghost'"):
        write_stream(tmp_path / "out", [*site(index="new").items(), ("ghost", None)])
    assert (tmp_path / "out" / "index").read_text() == "home"


def test_a_failing_stream_leaves_the_old_site_and_no_temporary_folder(tmp_path):
    write_site(tmp_path / "out", site(index="home"))

    def files():
        yield "index", b"half"
        raise RuntimeError("render failed")

    with pytest.raises(RuntimeError):
        write_stream(tmp_path / "out", files())
    assert (tmp_path / "out" / "index").read_text() == "home"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["out"]


def test_leftovers_of_an_interrupted_build_are_removed(tmp_path):
    (tmp_path / ".out.build-123").mkdir()
    (tmp_path / ".out.old-456").mkdir()
    write_site(tmp_path / "out", site(index="home"))
    assert sorted(p.name for p in tmp_path.iterdir()) == ["out"]


def test_the_folder_keeps_its_permissions_across_a_rebuild(tmp_path):
    write_site(tmp_path / "out", site(index="home"))
    os.chmod(tmp_path / "out", 0o750)
    write_site(tmp_path / "out", site(index="changed"))
    assert (tmp_path / "out").stat().st_mode & 0o777 == 0o750


def test_a_symlinked_outdir_is_written_through_to_its_target(tmp_path):
    (tmp_path / "real").mkdir()
    (tmp_path / "link").symlink_to(tmp_path / "real")
    write_site(tmp_path / "link", site(index="home"))
    assert (tmp_path / "link").is_symlink()
    assert (tmp_path / "real" / "index").read_text() == "home"


def test_an_outdir_in_a_missing_parent_is_a_usage_error(tmp_path):
    with pytest.raises(UsageError, match="does not exist"):
        write_site(tmp_path / "no" / "out", site(index="home"))
    assert not (tmp_path / "no").exists()


def test_the_file_system_root_is_refused_as_outdir():
    with pytest.raises(UsageError, match="choose a folder of its own"):
        write_site(Path("/"), site(index="home"))


def test_a_path_leaving_the_site_is_refused_before_anything_is_written(tmp_path):
    with pytest.raises(UsageError):
        write_site(tmp_path / "out", {**site(index="home"), "../escape": b"x"})
    assert not (tmp_path / "out").exists()
    assert not (tmp_path / "escape").exists()


def test_where_hard_links_fail_an_unchanged_file_is_copied_with_its_time(tmp_path, monkeypatch):
    write_site(tmp_path / "out", site(index="home", other="one"))
    os.utime(tmp_path / "out" / "index", (1_000_000_000, 1_000_000_000))

    def no_links(*args, **kwargs):  # type: ignore[no-untyped-def]
        raise OSError("links are not supported here")

    monkeypatch.setattr(os, "link", no_links)
    write_site(tmp_path / "out", site(index="home", other="two"))
    assert (tmp_path / "out" / "index").read_text() == "home"
    assert (tmp_path / "out" / "index").stat().st_mtime == 1_000_000_000


def test_where_paths_cannot_be_swapped_in_one_step_the_site_is_replaced_in_two(tmp_path, monkeypatch):
    write_site(tmp_path / "out", site(index="home", stale="x"))
    monkeypatch.setattr(sys, "platform", "darwin")  # no renameat2: two renames instead
    report = write_site(tmp_path / "out", site(index="new"))
    assert report.removed == ("stale",)
    assert (tmp_path / "out" / "index").read_text() == "new"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["out"]
