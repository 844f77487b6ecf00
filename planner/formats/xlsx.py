"""The roadmap as an Excel workbook: the CSV rows with real dates, a frozen header and a filter.

Every text cell is written with ``write_string``, so nothing becomes a formula, and a text
that a spreadsheet would read as a formula on editing carries Excel's quote prefix (the
stored form of a typed leading ``'``). The workbook's created date comes from the as-of
date and xlsxwriter stamps zip members with a fixed date, so the same roadmap gives the same
bytes.
"""

from __future__ import annotations

import datetime as dt
import io
from typing import TYPE_CHECKING, Any

from planner.formats.labels import text
from planner.formats.rows import COLUMNS, DATE_COLUMNS, NUMBER_COLUMNS, is_risky, rows

if TYPE_CHECKING:
    from planner.view import RoadmapView

WIDTH_CAP = {"title": 60, "reasons": 80, "articles": 30}
"""Widest a column is made (in characters); text wraps past it in Excel."""
DEFAULT_CAP = 40
DATE_WIDTH = 11


def _width(column: str, values: list[Any]) -> float:
    if column in DATE_COLUMNS:
        return DATE_WIDTH
    longest = max([len(column), *(len(str(v)) for v in values if v is not None)])
    return min(longest + 2, WIDTH_CAP.get(column, DEFAULT_CAP))


def render(view: RoadmapView) -> bytes:
    """The roadmap view as the bytes of an .xlsx file; identical for identical input."""
    import xlsxwriter

    buffer = io.BytesIO()
    book = xlsxwriter.Workbook(
        buffer,
        {
            "in_memory": True,
            # belt and braces: the writers below never guess a cell type anyway
            "strings_to_formulas": False,
            "strings_to_numbers": False,
            "strings_to_urls": False,
        },
    )
    as_of, lang = view.as_of, view.lang
    book.set_properties(
        {
            "title": text(lang, "title", name=view.layer_name),
            "subject": f"{text(lang, 'as_of')} {as_of.isoformat()}",
            "comments": text(lang, "generated_plain", command=view.command("xlsx")),
            "author": "planner",
            "created": dt.datetime(as_of.year, as_of.month, as_of.day),
        }
    )
    sheet = book.add_worksheet("Roadmap")
    header = book.add_format({"bold": True, "bottom": 1})
    date = book.add_format({"num_format": "yyyy-mm-dd"})
    quoted = book.add_format({"quote_prefix": True})
    table = rows(view)
    for col, column in enumerate(COLUMNS):
        sheet.write_string(0, col, column, header)
        sheet.set_column(col, col, _width(column, [r[column] for r in table]))
    for r, row in enumerate(table, start=1):
        for col, column in enumerate(COLUMNS):
            value = row[column]
            if value is None or value == "":
                sheet.write_blank(r, col, None)
            elif column in DATE_COLUMNS:
                sheet.write_datetime(r, col, dt.datetime.fromisoformat(value), date)
            elif column in NUMBER_COLUMNS:
                sheet.write_number(r, col, float(value))
            elif is_risky(str(value)):
                sheet.write_string(r, col, str(value), quoted)
            else:
                sheet.write_string(r, col, str(value))
    sheet.freeze_panes(1, 0)
    sheet.autofilter(0, 0, len(table), len(COLUMNS) - 1)
    book.close()
    return buffer.getvalue()
