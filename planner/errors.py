"""One exception hierarchy; :mod:`planner.cli` turns it into exit codes in one place."""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

EXIT_OK = 0
EXIT_DATA = 1
EXIT_USAGE = 2
EXIT_DIFFERENT = 3


@dataclass(frozen=True, order=True)
class Problem:
    """One problem found in the input, with its place.

    Problems sort by file, line and column so reports are stable.
    """

    path: str
    line: int
    col: int
    message: str
    severity: str = "error"

    def format(self, cwd: Path | None = None) -> str:
        """The contract line `PATH:LINE:COL: error: MESSAGE`."""
        return f"{display_path(self.path, cwd)}:{self.line}:{self.col}: {self.severity}: {self.message}"

    @property
    def is_error(self) -> bool:
        """Whether this problem is an error (not a warning)."""
        return self.severity == "error"


def display_path(path: str | os.PathLike[str], cwd: Path | None = None) -> str:
    """`path` relative to the current directory where that is shorter, else as given."""
    p = Path(path)
    try:
        rel = os.path.relpath(p, cwd or Path.cwd())
    except ValueError:  # another drive on Windows
        return str(p)
    return rel if len(rel) <= len(str(p)) or not p.is_absolute() else str(p)


class PlannerError(Exception):
    """Base of every error the CLI reports without a traceback."""

    exit_code = EXIT_DATA

    def lines(self) -> list[str]:
        """The lines to print on stderr."""
        return [f"error: {self}"]


class DataError(PlannerError):
    """The input data has problems the user can fix."""

    def __init__(self, problems: list[Problem]) -> None:
        self.problems = sorted(problems)
        super().__init__(f"{sum(p.is_error for p in self.problems)} problem(s) in the input")

    def lines(self) -> list[str]:
        return [p.format() for p in self.problems]


class UsageError(PlannerError):
    """The command was called wrongly (unknown id, bad option value, missing folder)."""

    exit_code = EXIT_USAGE


class OutputError(PlannerError):
    """The output could not be written (a full disk, an I/O error): exit 1, one line, no traceback."""


class NotFoundError(UsageError):
    """An id given on the command line does not exist."""


class DifferenceFound(PlannerError):
    """`--check` or `--exit-code` found differences (exit 3)."""

    exit_code = EXIT_DIFFERENT

    def __init__(self, what: str, items: list[str]) -> None:
        self.items = items
        super().__init__(what)

    def lines(self) -> list[str]:
        return [str(self), *(f"  {item}" for item in self.items)]
