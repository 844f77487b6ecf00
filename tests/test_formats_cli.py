"""Command-line papercuts: `--catalog` after the command, full disks, shell completion."""

from __future__ import annotations

import os
import stat
import subprocess
import sys
from pathlib import Path

import pytest

from .conftest import MINIMAL, invoke

FULL = Path("/dev/full")
needs_dev_full = pytest.mark.skipif(
    not (FULL.exists() and stat.S_ISCHR(FULL.stat().st_mode)), reason="needs Linux's /dev/full"
)


def planner(*args: str, env: dict[str, str] | None = None, **kwargs):  # type: ignore[no-untyped-def]
    """Run the installed planner in a subprocess, as a shell would."""
    kwargs.setdefault("stdout", subprocess.PIPE)
    return subprocess.run(
        [sys.executable, "-m", "planner", *args],
        stderr=subprocess.PIPE,
        text=True,
        env={**os.environ, "PLANNER_CATALOG": "", **(env or {})},
        check=False,
        **kwargs,
    )


@pytest.mark.parametrize(
    "args",
    [
        ["list", "layers", "--catalog", str(MINIMAL)],
        ["list", "--catalog", str(MINIMAL), "layers"],
        ["list", "layers", f"--catalog={MINIMAL}"],
    ],
)
def test_catalog_after_the_command_means_the_same_as_before(runner, args):
    before = invoke(runner, "--catalog", str(MINIMAL), "list", "layers")
    after = invoke(runner, *args)
    assert after.exit_code == 0
    assert after.stdout == before.stdout


def test_catalog_given_twice_with_different_folders_is_a_usage_error(runner):
    result = invoke(runner, "--catalog", str(MINIMAL), "list", "--catalog", "elsewhere")
    assert result.exit_code == 2
    assert (
        result.stderr
        == f"error: --catalog given more than once, with different folders: {MINIMAL}, elsewhere\n"
    )


def test_catalog_without_a_folder_is_a_usage_error(runner):
    result = invoke(runner, "list", "--catalog")
    assert result.exit_code == 2
    assert result.stderr == "error: --catalog needs a folder\n"


def test_nothing_after_a_double_dash_is_moved():
    from planner.cli import hoist_catalog

    assert hoist_catalog(["fmt", "--", "--catalog", "x"]) == ["fmt", "--", "--catalog", "x"]


@needs_dev_full
def test_a_full_disk_on_standard_output_is_one_line_and_exit_1():
    with FULL.open("w") as full:
        result = planner("--catalog", str(MINIMAL), "roadmap", "all", "--as-of", "2026-11-28", stdout=full)
    assert result.returncode == 1
    assert result.stderr == "error: cannot write the output: No space left on device\n"


@needs_dev_full
def test_a_full_disk_on_an_output_file_is_one_line_and_leaves_the_device_alone():
    result = planner("--catalog", str(MINIMAL), "roadmap", "all", "--format", "xlsx", "-o", str(FULL))
    assert result.returncode == 1
    assert result.stderr == f"error: cannot write {str(FULL)!r}: No space left on device\n"
    assert stat.S_ISCHR(FULL.stat().st_mode)  # not replaced by a regular file


def test_an_output_symlink_is_followed_not_replaced(runner, tmp_path):
    target = tmp_path / "real.md"
    target.write_text("old", encoding="utf-8")
    link = tmp_path / "link.md"
    link.symlink_to(target)
    result = invoke(runner, "--catalog", str(MINIMAL), "roadmap", "gemeenten", "-o", str(link))
    assert result.exit_code == 0
    assert link.is_symlink()
    assert target.read_text(encoding="utf-8").startswith("#")


def test_an_output_symlink_to_a_device_writes_into_the_device(runner, tmp_path):
    link = tmp_path / "null"
    link.symlink_to(os.devnull)
    result = invoke(runner, "--catalog", str(MINIMAL), "roadmap", "gemeenten", "-o", str(link))
    assert result.exit_code == 0
    assert link.is_symlink() and stat.S_ISCHR(Path(os.devnull).stat().st_mode)


SCRIPT = Path(sys.executable).parent / "planner"
needs_script = pytest.mark.skipif(not SCRIPT.exists(), reason="needs the installed `planner` script")


@needs_script
def test_bash_completion_completes_a_command():
    env = {"_PLANNER_COMPLETE": "complete_bash", "COMP_WORDS": "planner roa", "COMP_CWORD": "1"}
    result = subprocess.run(
        [str(SCRIPT)],
        capture_output=True,
        text=True,
        env={**os.environ, **env},
        check=False,
    )
    assert result.stdout.split() == ["roadmap"]


@needs_script
def test_zsh_completion_completes_a_format():
    env = {"_PLANNER_COMPLETE": "complete_zsh", "_TYPER_COMPLETE_ARGS": "planner roadmap all --format m"}
    result = subprocess.run(
        [str(SCRIPT)],
        capture_output=True,
        text=True,
        env={**os.environ, **env},
        check=False,
    )
    assert '"md"' in result.stdout and '"mermaid"' in result.stdout and '"csv"' not in result.stdout


@pytest.mark.parametrize("shell", ["bash", "zsh", "fish"])
def test_show_completion_prints_a_script_for_the_shell(runner, shell):
    result = invoke(runner, "--show-completion", shell)
    assert result.exit_code == 0
    assert "_PLANNER_COMPLETE" in result.stdout or "_planner" in result.stdout.lower()
