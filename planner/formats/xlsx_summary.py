"""The summary sheet of the roadmap workbook: what the plan is, then counts by status and stage.

A board reads this page first: the layer, the as-of date, the scenario and the command that made
the workbook; how many obligations have each status (in the status colours of the plan sheet);
how many fall in each stage with the person-days planned there (the board's workload figures:
the whole plan's, with a column for what the items shown take when the workbook is filtered);
and the next due dates.
"""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from typing import TYPE_CHECKING, Any

from planner.formats.labels import filter_words, text
from planner.formats.rows import is_risky
from planner.i18n import gettext
from planner.labels import STATUS
from planner.view.board import stage_days
from planner.view.summary import scenario_text, upcoming

if TYPE_CHECKING:
    from planner.view import RoadmapView

LINE_HEIGHT = 13.0
"""Points per line of 10-point text."""

NUMBER_FORMAT = "#,##0.0#"
"""The number format of a person-day cell: one decimal at least, two at most, thousands grouped."""


def figure(value: float, places: int = 2) -> Decimal:
    """A person-day figure as the decimal it means, for a number cell.

    xlsxwriter writes a float with 16 significant digits, so ``8.2`` would be stored as
    ``8.199999999999999``; the shortest decimal of the rounded value is written as it is.
    The planner rounds loads to a tenth and planned work to half a day already; `places`
    only cuts off a float's noise.

    >>> figure(8.2), figure(75.4), figure(12.25), figure(120.0), figure(0.1 + 0.2)
    (Decimal('8.2'), Decimal('75.4'), Decimal('12.25'), Decimal('120'), Decimal('0.3'))
    """
    exact = Decimal(repr(round(float(value), places)))
    return exact.quantize(Decimal(1)) if exact == exact.to_integral_value() else exact


def lines(value: str, width: float) -> int:
    r"""How many lines `value` takes when wrapped in a column `width` characters wide.

    A rough count (10-point text in widths of 11-point digits; letters are narrower than
    digits, less a little for word breaks): Excel and LibreOffice do not grow a row for wrapped text by themselves.

    >>> lines("x" * 70, 32), lines("", 32), lines("a\nb", 32)
    (2, 1, 2)
    """
    per_line = max(1, int(width * 1.2))
    return sum(max(1, -(-len(part) // per_line)) for part in value.split("\n"))


NEXT_DUE = 10
"""How many upcoming due dates the summary lists."""
WIDTHS = (44, 14, 14, 14, 14)


def _date(day: dt.date) -> dt.datetime:
    return dt.datetime(day.year, day.month, day.day)


def _string(sheet: Any, row: int, col: int, value: str, styles: Any, fmt: Any = None) -> None:
    sheet.write_string(row, col, value, styles.quoted if is_risky(value) else fmt or styles.text)


def _heading(sheet: Any, row: int, words: list[str], styles: Any) -> None:
    for col, word in enumerate(words):
        sheet.write_string(row, col, word, styles.header)


def _about(sheet: Any, styles: Any, view: RoadmapView) -> int:
    lang = view.lang
    sheet.write_string(0, 0, text(lang, "title", name=view.display_name), styles.title)
    facts = [
        (gettext(lang, "workbook", "as_of"), None),
        (gettext(lang, "workbook", "scenario"), scenario_text(view)),
        (gettext(lang, "workbook", "made_with"), view.command("xlsx")),
    ]
    for row, (label, value) in enumerate(facts, start=2):
        sheet.write_string(row, 0, label, styles.bold)
        if value is None:
            sheet.write_datetime(row, 1, _date(view.as_of), styles.date)
        else:
            _string(sheet, row, 1, value, styles)
    return 2 + len(facts) + 1


def _by_status(sheet: Any, styles: Any, view: RoadmapView, row: int) -> int:
    lang = view.lang
    sheet.write_string(row, 0, gettext(lang, "workbook", "by_status"), styles.bold)
    _heading(sheet, row + 1, [gettext(lang, "column", "status"), gettext(lang, "column", "count")], styles)
    row += 2
    for status, count in view.counts:
        sheet.write_string(row, 0, STATUS[lang][status], styles.status.get(status, styles.text))
        sheet.write_number(row, 1, count, styles.text)
        row += 1
    sheet.write_string(row, 0, gettext(lang, "workbook", "total"), styles.bold)
    sheet.write_number(row, 1, sum(count for _, count in view.counts), styles.bold)
    return row + 2


def _by_stage(sheet: Any, styles: Any, view: RoadmapView, row: int) -> int:
    """Per stage its items and the person-days planned in it: the board's workload figures
    (:func:`~planner.view.board.stage_days`), the items' spread work and the recurring duties
    together, not a sum of the efforts of the items that start in it."""
    lang = view.lang
    sheet.write_string(row, 0, gettext(lang, "workbook", "by_stage"), styles.bold)
    columns = [gettext(lang, "column", c) for c in ("stage", "stage_start", "stage_end", "count")]
    shown = [gettext(lang, "workbook", "workload_shown")] if view.filters else []
    _heading(sheet, row + 1, [*columns, gettext(lang, "workbook", "workload_days"), *shown], styles)
    row += 2
    days = stage_days(view)
    own = shown_days(view)
    for stage in view.stages:
        sheet.write_string(row, 0, stage.id, styles.text)
        sheet.write_datetime(row, 1, _date(stage.start), styles.date)
        sheet.write_datetime(row, 2, _date(stage.end), styles.date)
        sheet.write_number(row, 3, len(stage.items), styles.text)
        sheet.write_number(row, 4, figure(days.get(stage.id, 0.0)), styles.number)
        if view.filters:
            sheet.write_number(row, 5, figure(own.get(stage.id, 0.0)), styles.number)
        row += 1
    sheet.write_string(row, 0, gettext(lang, "workbook", "total"), styles.bold)
    sheet.write_number(row, 3, sum(len(stage.items) for stage in view.stages), styles.bold)
    total = sum(days.get(stage.id, 0.0) for stage in view.stages)
    sheet.write_number(row, 4, figure(total, 1), styles.bold_number)
    if view.filters:  # the items are filtered, the person-days are the whole plan's
        shown_total = sum(own.get(stage.id, 0.0) for stage in view.stages)
        sheet.write_number(row, 5, figure(shown_total, 1), styles.bold_number)
        row += 1
        _string(sheet, row, 0, whole_plan_note(view), styles)
    return row + 2


def shown_days(view: RoadmapView) -> dict[str, float]:
    """Per stage id, the person-days the filtered items take (every layer of the view summed)."""
    days: dict[str, float] = {}
    for load in view.shown_load:
        days[load.stage] = days.get(load.stage, 0.0) + load.days
    return {stage: round(total, 1) for stage, total in days.items()}


def whole_plan_note(view: RoadmapView) -> str:
    """That a filtered workbook's person-days are the whole plan's, and the last column the filtered items'."""
    name = view.organisation or view.layer_name
    return gettext(view.lang, "workbook", "whole_plan_note", filters=filter_words(view.filters), name=name)


def _next_due(sheet: Any, styles: Any, view: RoadmapView, row: int) -> int:
    lang = view.lang
    first = upcoming(view)[:NEXT_DUE]
    sheet.write_string(row, 0, gettext(lang, "workbook", "next_due"), styles.bold)
    columns = ("title", "due", "layer", "status")
    _heading(sheet, row + 1, [gettext(lang, "column", c) for c in columns], styles)
    row += 2
    for item in first:
        sheet.set_row(row, LINE_HEIGHT * lines(item.title, WIDTHS[0]))
        _string(sheet, row, 0, item.title, styles, styles.wrap)
        sheet.write_datetime(row, 1, _date(item.due or view.as_of), styles.date)
        sheet.write_string(row, 2, view.names.get(item.layer, item.layer), styles.text)
        sheet.write_string(row, 3, STATUS[lang][item.status], styles.status.get(item.status, styles.text))
        row += 1
    return row


def write(book: Any, styles: Any, view: RoadmapView) -> Any:
    """Add the summary sheet to `book` (as the first sheet) and return it."""
    sheet = book.add_worksheet(gettext(view.lang, "workbook", "summary_sheet"))
    for col, size in enumerate(WIDTHS):
        sheet.set_column(col, col, size)
    row = _about(sheet, styles, view)
    row = _by_status(sheet, styles, view, row)
    row = _by_stage(sheet, styles, view, row)
    _next_due(sheet, styles, view, row)
    return sheet
