"""The baseline workbook of `planner assess`: a layer's questions and duties, filled in in Excel.

This module holds the layout and reads a filled-in workbook back as an organisation file;
:mod:`planner.organisation.workbook_write` writes it. The layout is a contract:

- sheet *Instructions* (``Toelichting``): what to fill in, and the fields each state takes;
- sheet *Questions* (``Vragen``): one question a row from row 2, its id in column A and the
  answer in column F (empty: the layer's default applies);
- sheet *Status*: the organisation's name in B1, the layer id in B2, the capacity in B3
  (empty: the layer's default), a header in row 5 and one obligation a row from row 6, its id
  in column A and its state, since, percent, until, decision, reason and note in F to L;
- a hidden sheet *Lists* (``Lijsten``) that holds the drop-down lists.

Sheet names and labels follow the language chosen (Dutch by default); reading accepts both.
Catalogue text is written as inert text (never a formula), and the same catalogue, layer,
language and file name give the same bytes: the document dates are fixed and so are the zip
members' dates.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from planner.errors import Problem, display_path
from planner.i18n import gettext
from planner.organisation.model import State

if TYPE_CHECKING:
    from planner.catalogue import Catalogue
    from planner.organisation.model import OrganisationFile

CONTEXT = "assess"
"""The vocabulary (gettext ``msgctxt``) of the workbook's words."""

QUESTION_COLUMNS = ("id", "question", "type", "default", "rationale", "answer")
STATUS_COLUMNS = (
    "id",
    "act",
    "title",
    "due",
    "nature",
    "state",
    "since",
    "percent",
    "until",
    "decision",
    "reason",
    "note",
)
INPUT_FIELDS = STATUS_COLUMNS[6:]
"""The Status columns after the state, each a field of :class:`StateEntry`."""
STATUS_HEADER_ROW = 5
NAME_CELL, LAYER_CELL, CAPACITY_CELL = "B1", "B2", "B3"
FIXED_TIME = dt.datetime(2000, 1, 1)
"""The workbook's created and modified dates: fixed, so the same input gives the same bytes."""
ZIP_TIME = (1980, 1, 1, 0, 0, 0)

WIDTHS = {
    "id": 34,
    "question": 60,
    "type": 12,
    "default": 22,
    "rationale": 60,
    "answer": 22,
    "act": 22,
    "title": 50,
    "due": 12,
    "nature": 20,
    "state": 20,
    "since": 12,
    "percent": 10,
    "until": 12,
    "decision": 24,
    "reason": 30,
    "note": 40,
}


def word(lang: str, key: str, **values: Any) -> str:
    """A word of the workbook in `lang`."""
    return gettext(lang, CONTEXT, key, **values)


def sheet_name(lang: str, sheet: str) -> str:
    """The name of `sheet` (``instructions``, ``questions``, ``status``, ``lists``) in `lang`."""
    return word(lang, f"sheet_{sheet}")


def state_label(lang: str, state: State) -> str:
    """The drop-down label of a state in `lang`."""
    return word(lang, f"state_{state.value}")


MAX_BYTES = 10 * 1024 * 1024
"""The largest workbook read (a filled-in baseline of the whole catalogue is some 40 KB)."""


@dataclass(frozen=True)
class CellProblem(Problem):
    """A problem in a workbook: `line` is the row and `col` the column of the cell on `sheet`.

    Example:
        >>> CellProblem("baseline.xlsx", 14, 6, "state: 'klaar' is not a state", sheet="Status").format()
        "baseline.xlsx:Status!F14: error: state: 'klaar' is not a state"
    """

    sheet: str = ""

    def format(self, cwd: Path | None = None) -> str:
        """`PATH:SHEET!CELL: error: MESSAGE`, or `PATH: error: MESSAGE` for the file as a whole."""
        where = display_path(self.path, cwd)
        if self.sheet:
            where = f"{where}:{self.sheet}!{column_letter(self.col)}{self.line}"
        return f"{where}: {self.severity}: {self.message}"

    def __lt__(self, other: object) -> bool:
        if not isinstance(other, CellProblem):
            return NotImplemented
        mine = (self.path, self.sheet, self.line, self.col, self.message)
        return mine < (other.path, other.sheet, other.line, other.col, other.message)


def column_letter(col: int) -> str:
    """The letters of a 1-based column number.

    Example:
        >>> column_letter(1), column_letter(12), column_letter(28)
        ('A', 'L', 'AB')
    """
    letters = ""
    while col > 0:
        col, rest = divmod(col - 1, 26)
        letters = chr(ord("A") + rest) + letters
    return letters


def load_workbook_organisation(path: Path, cat: Catalogue) -> OrganisationFile:
    """Read a filled-in baseline workbook as an organisation file, checked against the catalogue.

    Raises:
        DataError: every bad cell, located as ``PATH:SHEET!CELL``.
    """
    from planner.organisation.workbook_read import read_workbook

    return read_workbook(path, cat)
