"""Shared test helpers: tiny catalogue trees written into tmp_path, and a CLI runner."""

from __future__ import annotations

import shutil
from collections.abc import Callable
from pathlib import Path

import pytest
from typer.testing import CliRunner

DATA = Path(__file__).parent / "data"
MINIMAL = DATA / "minimal"


def write_tree(root: Path, files: dict[str, str]) -> Path:
    """Write `{relative path: text}` under root and return root."""
    for rel, text in files.items():
        path = root / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
    return root


@pytest.fixture(scope="session", autouse=True)
def no_search_index():  # type: ignore[no-untyped-def]
    """Builds in tests make no Pagefind index (seconds each, and it changes file counts).

    The search tests make one on purpose (tests/test_site_search.py).
    """
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("PLANNER_PAGEFIND", "")
        yield


@pytest.fixture
def minimal(tmp_path: Path) -> Path:
    """A writable copy of tests/data/minimal."""
    dest = tmp_path / "cat"
    shutil.copytree(MINIMAL, dest)
    return dest


@pytest.fixture
def catalogue_with(minimal: Path) -> Callable[[dict[str, str]], Path]:
    """The minimal catalogue with some files replaced or added."""

    def make(files: dict[str, str]) -> Path:
        return write_tree(minimal, files)

    return make


@pytest.fixture
def runner() -> CliRunner:
    """A CLI runner with a fixed terminal width."""
    return CliRunner(env={"COLUMNS": "100", "PLANNER_CATALOG": ""})


def invoke(runner: CliRunner, *args: str):  # type: ignore[no-untyped-def]
    """Run the planner CLI in-process."""
    from planner.cli import app

    return runner.invoke(app, list(args), catch_exceptions=False)
