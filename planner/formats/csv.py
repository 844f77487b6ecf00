"""The roadmap as CSV that a spreadsheet opens with a double-click, in the view's language.

The dialect follows the language, because Excel reads a CSV file with the list separator and
decimal mark of the computer's regional settings:

* ``nl``: fields separated by ``;``, decimal comma (``0,5``), as Dutch-locale Excel expects;
* ``en``: fields separated by ``,``, decimal point (``0.5``).

Which columns are numbers is decided per column (:data:`~planner.formats.rows.NUMBER_COLUMNS`,
the person-days): such a cell is written in the language's number form without a thousands
separator (``1234,5``), so Excel reads a number; every other cell is text, and the figures in
its sentences are written as the language writes them (:func:`planner.i18n.format_number`).

Both start with a UTF-8 byte order mark, without which Excel reads UTF-8 as the local code page
(``vóór`` becomes ``vÃ³Ã³r``), and end lines in ``\\n``. Dates are ISO 8601 (``2027-01-01``),
which Excel takes as a date in every locale. Scripts read the JSON, which has the codes.
"""

from __future__ import annotations

import csv
import io
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from planner.formats.rows import COLUMNS, NUMBER_COLUMNS, header, neutralise, rows
from planner.i18n import format_number

if TYPE_CHECKING:
    from planner.view import RoadmapView

BOM = "\ufeff"


@dataclass(frozen=True)
class Dialect:
    """How one language's spreadsheets read CSV."""

    delimiter: str


DIALECTS = {"nl": Dialect(";"), "en": Dialect(",")}
"""The CSV dialect of each output language; its decimal mark is the one CLDR gives the language."""


def cell(value: Any, lang: str | None = None) -> str:
    """One CSV cell: empty for None, numbers without a needless `.0`, text neutralised.

    With `lang` a number is written as that language's spreadsheets read one (decimal comma
    in Dutch, no thousands separator); without it, as Python writes it (machine CSV).

    >>> cell(None), cell(2.0), cell(0.5), cell(1234.5, "nl"), cell(1234.5, "en"), cell("-1")
    ('', '2', '0.5', '1234,5', '1234.5', "'-1")
    """
    if value is None:
        return ""
    if isinstance(value, float):
        return f"{value:g}" if lang is None else format_number(value, lang, grouping=False)
    return neutralise(str(value))


def render(view: RoadmapView) -> str:
    """The roadmap view as CSV text: a byte order mark, a header row, quoted only where needed."""
    dialect = DIALECTS[view.lang]
    buffer = io.StringIO()
    buffer.write(BOM)
    writer = csv.writer(buffer, delimiter=dialect.delimiter, lineterminator="\n")
    writer.writerow(header(view.lang))
    for row in rows(view):
        writer.writerow([_cell(row[column], column, view.lang) for column in COLUMNS])
    return buffer.getvalue()


def _cell(value: Any, column: str, lang: str) -> str:
    """A roadmap cell: a number column's figure in `lang`'s number form, any other value as text."""
    if column in NUMBER_COLUMNS and isinstance(value, int | float) and not isinstance(value, bool):
        return cell(float(value), lang)
    return cell(value)
