"""The roadmap as CSV: a header row and one row per item, UTF-8 with `\\n` line ends."""

from __future__ import annotations

import csv
import io
from typing import TYPE_CHECKING, Any

from planner.formats.rows import COLUMNS, neutralise, rows

if TYPE_CHECKING:
    from planner.view import RoadmapView


def cell(value: Any) -> str:
    """One CSV cell: empty for None, numbers without a needless `.0`, text neutralised.

    >>> cell(None), cell(2.0), cell(0.5), cell("-1")
    ('', '2', '0.5', "'-1")
    """
    if value is None:
        return ""
    if isinstance(value, float):
        return f"{value:g}"
    return neutralise(str(value))


def render(view: RoadmapView) -> str:
    """The roadmap view as CSV text, with a header row, quoted only where needed.

    Titles are in the view's language; the header row is the same in every language, so
    scripts can rely on it.
    """
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerow(COLUMNS)
    for row in rows(view):
        writer.writerow([cell(row[column]) for column in COLUMNS])
    return buffer.getvalue()
