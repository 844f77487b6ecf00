"""The roadmap as CSV: a header row and one row per item, UTF-8 with `\\n` line ends."""

from __future__ import annotations

import csv
import io
from typing import Any

from planner.formats.rows import COLUMNS, neutralise, rows
from planner.roadmap import PlanContext


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


def render(data: dict[str, Any], ctx: PlanContext, lang: str) -> str:
    """The roadmap as CSV text.

    Args:
        data: the dict of :func:`planner.roadmap.roadmap` (titles already in `lang`).
        ctx: the plan it was cut from (unused: every column comes from `data`).
        lang: the language of the titles; the header row is the same in every language, so
            scripts can rely on it.

    Returns:
        CSV text with a header row, quoted only where needed.
    """
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerow(COLUMNS)
    for row in rows(data):
        writer.writerow([cell(row[column]) for column in COLUMNS])
    return buffer.getvalue()
