"""The workload and assumptions sheets of the roadmap workbook.

Workload: per stage and layer the person-days planned against the capacity (a cell over the
capacity in the overdue colour). Assumptions: the defaults the plan used where the organisation
said nothing (a question's default answer, the layer's capacity), each with its rationale.
Catalogue text is written as text, never as a formula.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from planner.i18n import gettext

if TYPE_CHECKING:
    from planner.view import RoadmapView


def _w(lang: str, key: str) -> str:
    return gettext(lang, "workbook", key)


def write_workload(book: Any, styles: Any, view: RoadmapView) -> Any:
    """The workload sheet: stage, layer, person-days planned, capacity."""
    lang = view.lang
    sheet = book.add_worksheet(_w(lang, "workload_sheet"))
    for col, (key, width) in enumerate((("stage", 10), ("layer", 18), ("days", 14), ("capacity", 14))):
        sheet.set_column(col, col, width)
        sheet.write_string(0, col, _w(lang, f"workload_{key}"), styles.header)
    for r, load in enumerate(view.load, start=1):
        over = load.capacity is not None and load.days > load.capacity
        sheet.write_string(r, 0, load.stage, styles.text)
        sheet.write_string(r, 1, view.names.get(load.layer, load.layer), styles.text)
        sheet.write_number(r, 2, load.days, styles.status["overdue"] if over else styles.number)
        if load.capacity is None:
            sheet.write_string(r, 3, "—", styles.text)
        else:
            sheet.write_number(r, 3, load.capacity, styles.number)
    sheet.freeze_panes(1, 0)
    return sheet


def write_assumptions(book: Any, styles: Any, view: RoadmapView) -> Any:
    """The assumptions sheet: what the plan took as given, and why."""
    lang = view.lang
    sheet = book.add_worksheet(_w(lang, "assumptions_sheet"))
    for col, (key, width) in enumerate((("subject", 28), ("layer", 18), ("value", 22), ("why", 80))):
        sheet.set_column(col, col, width)
        sheet.write_string(0, col, _w(lang, f"assumptions_{key}"), styles.header)
    for r, a in enumerate(view.assumptions, start=1):
        for col, value in enumerate((a.subject, view.names.get(a.layer, a.layer), a.value, a.rationale)):
            sheet.write_string(r, col, value, styles.for_text("reasons" if col == 3 else "title", value))
    sheet.freeze_panes(1, 0)
    return sheet
