"""The roadmap as CSV that a spreadsheet opens with a double-click, in the view's language.

The dialect follows the language, because Excel reads a CSV file with the list separator and
decimal mark of the computer's regional settings:

* ``nl``: fields separated by ``;``, decimal comma (``0,5``), as Dutch-locale Excel expects;
* ``en``: fields separated by ``,``, decimal point (``0.5``).

Both start with a UTF-8 byte order mark, without which Excel reads UTF-8 as the local code page
(``vóór`` becomes ``vÃ³Ã³r``), and end lines in ``\\n``. Dates are ISO 8601 (``2027-01-01``),
which Excel takes as a date in every locale. Scripts read the JSON, which has the codes.
"""

from __future__ import annotations

import csv
import io
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from planner.formats.rows import COLUMNS, header, neutralise, rows

if TYPE_CHECKING:
    from planner.view import RoadmapView

BOM = "\ufeff"


@dataclass(frozen=True)
class Dialect:
    """How one language's spreadsheets read CSV."""

    delimiter: str
    decimal: str


DIALECTS = {"nl": Dialect(";", ","), "en": Dialect(",", ".")}
"""The CSV dialect of each output language."""


def cell(value: Any, decimal: str = ".") -> str:
    """One CSV cell: empty for None, numbers without a needless `.0`, text neutralised.

    >>> cell(None), cell(2.0), cell(0.5), cell(0.5, ","), cell("-1")
    ('', '2', '0.5', '0,5', "'-1")
    """
    if value is None:
        return ""
    if isinstance(value, float):
        return f"{value:g}".replace(".", decimal)
    return neutralise(str(value))


def render(view: RoadmapView) -> str:
    """The roadmap view as CSV text: a byte order mark, a header row, quoted only where needed."""
    dialect = DIALECTS[view.lang]
    buffer = io.StringIO()
    buffer.write(BOM)
    writer = csv.writer(buffer, delimiter=dialect.delimiter, lineterminator="\n")
    writer.writerow(header(view.lang))
    for row in rows(view):
        writer.writerow([cell(row[column], dialect.decimal) for column in COLUMNS])
    return buffer.getvalue()
