"""The roadmap as an Excel workbook a board secretary can print: a summary sheet, then the plan.

The plan sheet is an Excel table (filter buttons, banded rows) with a frozen header, wrapped
text, real dates, one colour per status, and a print set-up of landscape A4, fit to the page
width, the header repeated on every page and page numbers in the footer. Headers, values and
sheet names are in the view's language (see :mod:`planner.formats.rows`).

Every text cell is written with ``write_string``, so nothing becomes a formula, and a text
that a spreadsheet would read as a formula on editing carries Excel's quote prefix (the
stored form of a typed leading ``'``). The workbook's created date comes from the as-of
date and xlsxwriter stamps zip members with a fixed date, so the same roadmap gives the same
bytes.

Person-day figures are number cells (a spreadsheet adds them up) with the number format
``#,##0.0#``, which Excel shows in the reader's own locale (``124,4`` in Dutch, ``124.4`` in
English). Each is stored as the decimal it means (:func:`~planner.formats.xlsx_summary.figure`: ``8.2``, not the
``8.199999999999999`` a float's 16 digits would write).
"""

from __future__ import annotations

import datetime as dt
import io
from typing import TYPE_CHECKING, Any

from planner.formats import xlsx_sheets, xlsx_summary
from planner.formats.labels import text
from planner.formats.rows import COLUMNS, DATE_COLUMNS, LONG_COLUMNS, NUMBER_COLUMNS, header, is_risky, rows
from planner.formats.xlsx_summary import LINE_HEIGHT, NUMBER_FORMAT, figure, lines
from planner.i18n import gettext

if TYPE_CHECKING:
    from planner.view import RoadmapView

WIDTHS = {
    "stage": 8,
    "stage_start": 11,
    "stage_end": 11,
    "layer": 13,
    "obligation": 22,
    "act": 16,
    "title": 32,
    "articles": 14,
    "role": 13,
    "due": 12,
    "status": 12,
    "package": 20,
    "effort": 9,
    "nature": 12,
    "reasons": 38,
}
"""Each column's width in characters; longer text wraps. The printed columns add up to about
190 characters, so a landscape A4 page holds them at a readable scale."""
FOLDED = frozenset({"stage_start", "stage_end", "obligation"})
"""Columns folded away (an outline group: the ``+`` above the sheet shows them), so they are
not printed: the stage says when, and the id is for the site and ``planner explain``."""
MAX_ROW_HEIGHT = 409.0
"""Excel's highest row."""

STATUS_FILL = {
    "planned": "#E2EFDA",
    "at-risk": "#FFE699",
    "overdue": "#F8CBAD",
    "blocked": "#D9D2E9",
    "done": "#DDEBF7",
    "unassessed": "#EDEDED",
    "deferred": "#FCE4D6",
    "in-place": "#DDEBF7",
    "not-applicable": "#F2F2F2",
}
"""The fill of a status cell: light, so black text on it keeps WCAG AA contrast when printed."""

A4 = 9
"""Excel's paper size code for A4."""


def row_height(row: dict[str, Any]) -> float:
    """The height that shows every line of a row's wrapped text.

    >>> row_height({"title": "x" * 70, "reasons": "short"})
    26.0
    """
    most = max([1, *(lines(str(row[c]), WIDTHS[c]) for c in LONG_COLUMNS if row.get(c))])
    return min(LINE_HEIGHT * most, MAX_ROW_HEIGHT)


def page_setup(sheet: Any, title: str, lang: str, repeat_header: bool) -> None:
    """Landscape A4, fit to the page width, page numbers in the footer."""
    sheet.set_landscape()
    sheet.set_paper(A4)
    sheet.fit_to_pages(1, 0)  # one page wide, as many pages tall as needed
    sheet.set_margins(left=0.5, right=0.5, top=0.6, bottom=0.7)
    # `&` starts a code in Excel headers and footers: a catalogue title must not inject one
    footer = gettext(lang, "workbook", "footer").format(title=title.replace("&", "&&"))
    sheet.set_footer(footer)
    if repeat_header:
        sheet.repeat_rows(0)


class Styles:
    """The cell formats of one workbook, made once."""

    def __init__(self, book: Any) -> None:
        base = {"valign": "top", "font_size": 10}
        self.header = book.add_format({**base, "bold": True, "text_wrap": True, "bottom": 1})
        self.text = book.add_format(base)
        self.wrap = book.add_format({**base, "text_wrap": True})
        self.date = book.add_format({**base, "num_format": "yyyy-mm-dd"})
        self.number = book.add_format({**base, "num_format": NUMBER_FORMAT})
        self.bold_number = book.add_format({**base, "bold": True, "num_format": NUMBER_FORMAT})
        self.quoted = book.add_format({**base, "quote_prefix": True})
        self.quoted_wrap = book.add_format({**base, "quote_prefix": True, "text_wrap": True})
        self.title = book.add_format({"bold": True, "font_size": 14})
        self.bold = book.add_format({**base, "bold": True})
        self.over_number = book.add_format(
            {
                **base,
                "bg_color": STATUS_FILL["overdue"],
                "border": 1,
                "border_color": "#BFBFBF",
                "num_format": NUMBER_FORMAT,
            }
        )
        self.status = {
            status: book.add_format({**base, "bg_color": colour, "border": 1, "border_color": "#BFBFBF"})
            for status, colour in sorted(STATUS_FILL.items())
        }

    def for_text(self, column: str, value: str, status: str | None = None) -> Any:
        """The format of a text cell."""
        if status is not None and status in self.status:
            return self.status[status]
        if is_risky(value):
            return self.quoted_wrap if column in LONG_COLUMNS else self.quoted
        return self.wrap if column in LONG_COLUMNS else self.text


def _plan_sheet(book: Any, styles: Styles, view: RoadmapView) -> None:
    lang = view.lang
    sheet = book.add_worksheet(gettext(lang, "workbook", "plan_sheet"))
    table = rows(view)
    titles = header(lang)
    for col, column in enumerate(COLUMNS):
        folded = {"level": 1, "hidden": True} if column in FOLDED else {}
        sheet.set_column(col, col, WIDTHS[column], None, folded)
    sheet.set_row(0, LINE_HEIGHT * 2)  # headers wrap over two lines at most
    for r, row in enumerate(table, start=1):
        sheet.set_row(r, row_height(row))
        for col, column in enumerate(COLUMNS):
            value = row[column]
            if value is None or value == "":
                sheet.write_blank(r, col, None, styles.text)
            elif column in DATE_COLUMNS:
                sheet.write_datetime(r, col, dt.datetime.fromisoformat(value), styles.date)
            elif column in NUMBER_COLUMNS:
                sheet.write_number(r, col, figure(value), styles.number)
            else:
                status = row["status_code"] if column == "status" else None
                sheet.write_string(r, col, str(value), styles.for_text(column, str(value), status))
    sheet.add_table(
        0,
        0,
        max(len(table), 1),
        len(COLUMNS) - 1,
        {
            "name": gettext(lang, "workbook", "plan_table"),
            "style": "Table Style Light 1",
            "columns": [{"header": title, "header_format": styles.header} for title in titles],
        },
    )
    sheet.freeze_panes(1, 0)
    page_setup(sheet, text(lang, "title", name=view.display_name), lang, repeat_header=True)


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
            "title": text(lang, "title", name=view.display_name),
            "subject": f"{text(lang, 'as_of')} {as_of.isoformat()}",
            "comments": text(lang, "generated_plain", command=view.command("xlsx")),
            "author": "planner",
            "created": dt.datetime(as_of.year, as_of.month, as_of.day),
        }
    )
    styles = Styles(book)
    summary = xlsx_summary.write(book, styles, view)
    page_setup(summary, text(lang, "title", name=view.display_name), lang, repeat_header=False)
    summary.fit_to_pages(1, 1)  # the summary is one page
    _plan_sheet(book, styles, view)
    for sheet in (
        xlsx_sheets.write_workload(book, styles, view),
        xlsx_sheets.write_assumptions(book, styles, view),
        xlsx_sheets.write_questions(book, styles, view),
    ):
        page_setup(sheet, text(lang, "title", name=view.display_name), lang, repeat_header=True)
    book.close()
    return buffer.getvalue()
