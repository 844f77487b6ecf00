"""Read a filled-in baseline workbook back (layout in :mod:`planner.organisation.workbook`).

Every bad cell is reported at once, each at its sheet and cell, naming the field, the bad value
and what is allowed. Labels are accepted in either language, and states also by their ids.
"""

from __future__ import annotations

import datetime as dt
import math
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any

from pydantic import ValidationError

from planner.checks import unknown
from planner.errors import DataError, UsageError
from planner.i18n import LANGS
from planner.models import Answer, Question, QuestionType
from planner.organisation.model import REQUIRED_FIELDS, STATE_FIELDS, OrganisationFile, State, StateEntry
from planner.organisation.workbook import (
    INPUT_FIELDS,
    MAX_BYTES,
    QUESTION_COLUMNS,
    STATUS_COLUMNS,
    STATUS_HEADER_ROW,
    CellProblem,
    sheet_name,
    state_label,
    word,
)
from planner.reading import printable, shown

if TYPE_CHECKING:
    from planner.catalogue import Catalogue

Row = tuple[Any, ...]

PERCENT_MAX = 100
"""The highest percentage an in-progress state can give."""


def is_empty(value: Any) -> bool:
    """Whether a cell holds nothing (or only spaces)."""
    return value is None or (isinstance(value, str) and not value.strip())


def as_date(value: Any) -> dt.date:
    """A date cell, or a text in ISO form.

    Raises:
        ValueError: neither.
    """
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    if isinstance(value, str):
        try:
            return dt.date.fromisoformat(value.strip())
        except ValueError:
            pass
    raise ValueError(f"{shown(value)} is not a date; give a date cell or YYYY-MM-DD")


def as_number(value: Any) -> int | float:
    """A number cell, or a text that is a number; a whole float becomes an int.

    Raises:
        ValueError: not a number.
    """
    number: Any = value
    if isinstance(value, str):
        try:
            number = float(value.strip().replace(",", "."))
        except ValueError:
            number = None
    if isinstance(number, bool) or not isinstance(number, int | float) or not math.isfinite(number):
        raise ValueError(f"{shown(value)} is not a number")
    return int(number) if float(number).is_integer() else float(number)


def as_percent(value: Any) -> int:
    """A whole number from 0 to 100.

    Raises:
        ValueError: anything else.
    """
    try:
        number = as_number(value)
    except ValueError:
        number = -1
    if not isinstance(number, int) or not 0 <= number <= PERCENT_MAX:
        raise ValueError(f"{shown(value)} is not a whole number from 0 to 100")
    return number


def as_text(value: Any) -> str:
    """A cell as text: numbers without a needless ``.0``, dates in ISO form."""
    if isinstance(value, dt.datetime | dt.date):
        return (value.date() if isinstance(value, dt.datetime) else value).isoformat()
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value).strip()


PARSERS: dict[str, Callable[[Any], Any]] = {
    "since": as_date,
    "percent": as_percent,
    "until": as_date,
    "decision": as_text,
    "reason": as_text,
    "note": as_text,
}


def labels(words: Callable[[str], list[str]], values: dict[str, Any]) -> dict[str, Any]:
    """`values` by their labels in every language, folded to lower case."""
    found: dict[str, Any] = {}
    for lang in LANGS:
        for label, value in zip(words(lang), values.values(), strict=True):
            found.setdefault(label.casefold(), value)
    return {**{k.casefold(): v for k, v in values.items()}, **found}


class WorkbookReader:
    """One workbook being read: its problems, collected with their cells."""

    def __init__(self, path: Path, cat: Catalogue) -> None:
        self.path, self.cat = path, cat
        self.problems: list[CellProblem] = []
        self.lang = LANGS[0]
        self.states = labels(lambda lang: [state_label(lang, s) for s in State], {s.value: s for s in State})

    def add(self, sheet: str, row: int, col: int, message: str) -> None:
        """Record a problem at one cell (row and column 1-based); a sheet of "" is the whole file."""
        self.problems.append(CellProblem(str(self.path), row, col, printable(message), sheet=sheet))

    def sheet(self, book: Any, key: str) -> Any:
        """The sheet `key` under its name in either language; the language found is the workbook's."""
        for lang in LANGS:
            name = sheet_name(lang, key)
            if name in book.sheetnames:
                if key == "questions":
                    self.lang = lang
                return book[name]
        names = " or ".join(repr(sheet_name(lang, key)) for lang in LANGS)
        self.add("", 0, 0, f"the workbook has no sheet {names}; make one with `planner assess`")
        return None

    def read(self, book: Any) -> OrganisationFile | None:
        """The organisation file the workbook holds, or None when it has problems."""
        questions, status = self.sheet(book, "questions"), self.sheet(book, "status")
        if questions is None or status is None:
            return None
        answers: dict[str, Answer] = {}
        if self.in_place(questions, 1, QUESTION_COLUMNS):
            answers = self.answers(questions)
        top = list(status.iter_rows(min_row=1, max_row=3, max_col=2, values_only=True))
        name, layer, capacity = self.heading(status.title, [(*r, None, None)[:2] for r in top])
        states: dict[str, StateEntry] = {}
        if self.in_place(status, STATUS_HEADER_ROW, STATUS_COLUMNS):
            rows = status.iter_rows(
                min_row=STATUS_HEADER_ROW + 1, max_col=len(STATUS_COLUMNS), values_only=True
            )
            states = self.status(status.title, layer, rows)
        if self.problems:
            return None
        try:
            return OrganisationFile(
                organisation=name, layer=layer, answers=answers, capacity=capacity, status=states
            )
        except ValidationError as exc:  # every field was checked above; this is the last guard
            self.add(status.title, 1, 1, f"the workbook does not make an organisation file: {exc}")
            return None

    def in_place(self, sheet: Any, row: int, columns: tuple[str, ...]) -> bool:
        """Whether the header row still reads as written (a moved column would be misread).

        Only the first header out of place is reported: the ones after it follow from it.
        """
        cells = next(sheet.iter_rows(min_row=row, max_row=row, max_col=len(columns), values_only=True), ())
        cells = (*cells, *[None] * len(columns))
        for col, (name, value) in enumerate(zip(columns, cells, strict=False), start=1):
            expected = [word(lang, f"col_{name}") for lang in LANGS]
            if is_empty(value) or as_text(value).casefold() not in {e.casefold() for e in expected}:
                message = (
                    f"header: {shown(value)} stands where {expected[LANGS.index(self.lang)]!r} belongs; "
                    "keep the columns where `planner assess` put them"
                )
                self.add(sheet.title, row, col, message)
                return False
        return True

    def heading(self, sheet: str, top: list[Row]) -> tuple[str, str, float | None]:
        """The organisation's name, the layer id and the capacity at the top of the Status sheet."""
        top = [*top, *[(None, None)] * 3][:3]
        name = "" if is_empty(top[0][1]) else as_text(top[0][1])
        if not name:
            self.add(sheet, 1, 2, "organisation: empty; fill in the name of the organisation")
        layer = "" if is_empty(top[1][1]) else as_text(top[1][1])
        if layer not in self.cat.layers:
            self.add(sheet, 2, 2, unknown("layer", "layer", layer, list(self.cat.layers)))
        capacity: float | None = None
        if not is_empty(top[2][1]):
            try:
                capacity = float(as_number(top[2][1]))
            except ValueError:
                capacity = 0
            if capacity <= 0:
                allowed = "person-days per quarter, a number above 0 (empty: the layer's default)"
                self.add(sheet, 3, 2, f"capacity: {shown(top[2][1])} is not {allowed}")
        return name, layer, capacity

    def answers(self, sheet: Any) -> dict[str, Answer]:
        """The answers on the Questions sheet; an empty answer is left to the layer's default."""
        column = QUESTION_COLUMNS.index("answer")
        found: dict[str, Answer] = {}
        for row, read in enumerate(sheet.iter_rows(min_row=2, values_only=True), start=2):
            cells = (*read, *[None] * len(QUESTION_COLUMNS))
            qid, value = cells[0], cells[column]
            if is_empty(value):
                continue
            question = self.cat.questions.get(as_text(qid)) if not is_empty(qid) else None
            if question is None:
                known = list(self.cat.questions)
                self.add(sheet.title, row, 1, unknown("answers", "question", as_text(qid or ""), known))
            elif question.id in found:
                self.add(sheet.title, row, 1, f"answers: question {question.id!r} is answered twice")
            else:
                try:
                    found[question.id] = self.answer(question, value)
                except ValueError as exc:
                    self.add(sheet.title, row, column + 1, f"answers.{question.id}: {exc}")
        return found

    def answer(self, question: Question, value: Any) -> Answer:
        """One answer of the right type for its question.

        Raises:
            ValueError: the answer does not fit the question.
        """
        if question.type is QuestionType.NUMBER:
            number = as_number(value) if not isinstance(value, bool) else -1
            if number < 0:
                raise ValueError(f"{shown(value)} is not a number, 0 or more")
            return number
        if question.type is QuestionType.BOOL:
            if isinstance(value, bool):
                return value
            options = labels(
                lambda lang: [word(lang, "yes"), word(lang, "no")], {"true": True, "false": False}
            )
            allowed = [word(self.lang, "yes"), word(self.lang, "no")]
        else:
            options = labels(
                lambda lang: [c.text.get(lang) for c in question.choices],
                {c.id: c.id for c in question.choices},
            )
            allowed = [c.text.get(self.lang) for c in question.choices]
        key = as_text(value).casefold()
        if key not in options:
            raise ValueError(f"{shown(value)} is not one of: {', '.join(allowed)}")
        chosen: bool | str = options[key]
        return chosen

    def status(self, sheet: str, layer: str, rows: Any) -> dict[str, StateEntry]:
        """The state of every obligation whose row is filled in."""
        found: dict[str, StateEntry] = {}
        seen: dict[str, int] = {}
        for row, read in enumerate(rows, start=STATUS_HEADER_ROW + 1):
            cells = (*read, *[None] * len(STATUS_COLUMNS))[: len(STATUS_COLUMNS)]
            inputs = dict(zip(("state", *INPUT_FIELDS), cells[5:], strict=True))
            if all(is_empty(v) for v in inputs.values()):
                continue
            oid = "" if is_empty(cells[0]) else as_text(cells[0])
            if not self.known_obligation(sheet, row, oid, layer):
                continue
            if oid in seen:
                self.add(
                    sheet, row, 1, f"status: obligation {oid!r} is given twice (first in row {seen[oid]})"
                )
                continue
            seen[oid] = row
            entry = self.entry(sheet, row, oid, inputs)
            if entry is not None:
                found[oid] = entry
        return found

    def known_obligation(self, sheet: str, row: int, oid: str, layer: str) -> bool:
        """Whether `oid` is a duty of the layer; a problem at the id's cell when not."""
        ob = self.cat.obligations.get(oid)
        if ob is None:
            self.add(sheet, row, 1, unknown("status", "obligation", oid, list(self.cat.obligations)))
        elif layer in self.cat.layers and oid not in {o.id for o in self.cat.obligations_for(layer)}:
            self.add(sheet, row, 1, f"status: obligation {oid!r} is not a duty of {layer}")
        else:
            return True
        return False

    def entry(self, sheet: str, row: int, oid: str, inputs: dict[str, Any]) -> StateEntry | None:
        """One row's state with the fields it takes, every bad cell reported."""
        col = {name: i for i, name in enumerate(STATUS_COLUMNS, start=1)}
        where = f"status.{oid}"
        raw = inputs.pop("state")
        state = None if is_empty(raw) else self.states.get(as_text(raw).casefold())
        allowed = ", ".join(state_label(self.lang, s) for s in State)
        if state is None:
            what = "empty, but the row is filled in" if is_empty(raw) else f"{shown(raw)} is not a state"
            self.add(sheet, row, col["state"], f"{where}.state: {what}; choose one of: {allowed}")
            return None
        given: dict[str, Any] = {}
        label = state_label(self.lang, state)
        problems = len(self.problems)
        for name, value in inputs.items():
            if is_empty(value):
                if name in REQUIRED_FIELDS.get(state, ()):
                    self.add(sheet, row, col[name], f"{where}.{name}: empty; state {label!r} needs it")
            elif name != "note" and name not in STATE_FIELDS[state]:
                takes = ", ".join(sorted(STATE_FIELDS[state])) or "no field but note"
                message = (
                    f"{where}.{name}: {shown(value)} does not go with state {label!r}, which takes {takes}"
                )
                self.add(sheet, row, col[name], message)
            else:
                try:
                    given[name] = PARSERS[name](value)
                except ValueError as exc:
                    self.add(sheet, row, col[name], f"{where}.{name}: {exc}")
        if len(self.problems) > problems:
            return None
        try:
            return StateEntry(state=state, **given)
        except ValidationError as exc:  # the checks above mirror the model; this is the last guard
            self.add(sheet, row, col["state"], f"{where}: {exc.errors()[0]['msg']}")
            return None


def read_workbook(path: Path, cat: Catalogue) -> OrganisationFile:
    """Open and read a workbook; see :func:`planner.organisation.workbook.load_workbook_organisation`.

    Raises:
        UsageError: the file does not exist.
        DataError: every problem, located as ``PATH:SHEET!CELL`` (or ``PATH`` for the file).
    """
    import openpyxl

    if not path.is_file():
        raise UsageError(f"file {str(path)!r} does not exist")
    reader = WorkbookReader(path, cat)
    size = path.stat().st_size
    if size > MAX_BYTES:
        reader.add("", 0, 0, f"the workbook is {size} bytes; at most {MAX_BYTES} are read")
        raise DataError(list(reader.problems))
    try:
        book = openpyxl.load_workbook(path, data_only=True)
    except Exception as exc:  # an untrusted file: whatever openpyxl trips over is a data problem
        reader.add("", 0, 0, f"not a workbook that can be read ({type(exc).__name__}: {exc})")
        raise DataError(list(reader.problems)) from None
    try:
        org = reader.read(book)
    finally:
        book.close()
    if org is None:
        raise DataError(list(reader.problems))
    return org
