"""The workload, assumptions and questions sheets of the roadmap workbook.

Workload: per stage and layer the person-days planned against the capacity (a cell over the
capacity in the overdue colour). Assumptions: the defaults the plan used where the organisation
said nothing (a question's default answer, the layer's capacity), each with its rationale.
Questions: every profile question with the answer used, whether the organisation gave it or the
layer's default stood in, the default's rationale, the article, and the duties it switched off.
Catalogue text is written as text, never as a formula.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from planner.formats.xlsx_summary import LINE_HEIGHT, figure, lines, whole_plan_note
from planner.i18n import gettext

if TYPE_CHECKING:
    from planner.view import RoadmapView


def _w(lang: str, key: str) -> str:
    return gettext(lang, "workbook", key)


def new_sheet(book: Any, styles: Any, lang: str, name: str, columns: tuple[tuple[str, int], ...]) -> Any:
    """A worksheet named by the ``<name>_sheet`` word, with its columns' widths and the header
    row of their ``<name>_<key>`` words."""
    sheet = book.add_worksheet(_w(lang, f"{name}_sheet"))
    for col, (key, width) in enumerate(columns):
        sheet.set_column(col, col, width)
        sheet.write_string(0, col, _w(lang, f"{name}_{key}"), styles.header)
    return sheet


def write_workload(book: Any, styles: Any, view: RoadmapView) -> Any:
    """The workload sheet: stage, layer, person-days planned, capacity.

    The person-days are the whole plan's, which shares the capacity; a filtered workbook adds a
    column with what its items take of them, and a note below the table saying so.
    """
    lang = view.lang
    columns = (("stage", 10), ("layer", 18), ("days", 14), ("capacity", 14))
    sheet = new_sheet(book, styles, lang, "workload", (*columns, *((("shown", 16),) if view.filters else ())))
    for r, shown in enumerate(view.shown_load, start=1):
        sheet.write_number(r, 4, figure(shown.days), styles.number)
    if view.filters:
        sheet.write_string(len(view.load) + 2, 0, whole_plan_note(view), styles.text)
    for r, load in enumerate(view.load, start=1):
        over = load.capacity is not None and load.days > load.capacity
        sheet.write_string(r, 0, load.stage, styles.text)
        sheet.write_string(r, 1, view.names.get(load.layer, load.layer), styles.text)
        sheet.write_number(r, 2, figure(load.days), styles.over_number if over else styles.number)
        if load.capacity is None:
            sheet.write_string(r, 3, "—", styles.text)
        else:
            sheet.write_number(r, 3, figure(load.capacity), styles.number)
    sheet.freeze_panes(1, 0)
    return sheet


def write_assumptions(book: Any, styles: Any, view: RoadmapView) -> Any:
    """The assumptions sheet: what the plan took as given, and why."""
    lang = view.lang
    sheet = new_sheet(
        book, styles, lang, "assumptions", (("subject", 28), ("layer", 18), ("value", 22), ("why", 80))
    )
    for r, a in enumerate(view.assumptions, start=1):
        for col, value in enumerate((a.subject, view.names.get(a.layer, a.layer), a.value, a.rationale)):
            sheet.write_string(r, col, value, styles.for_text("reasons" if col == 3 else "title", value))
    sheet.freeze_panes(1, 0)
    return sheet


QUESTION_COLUMNS = (
    ("question", 18),
    ("layer", 14),
    ("text", 40),
    ("answer", 16),
    ("origin", 14),
    ("rationale", 50),
    ("article", 30),
    ("switches_off", 36),
)
"""The questions sheet's columns (their header is ``questions_<key>``) and widths in characters."""


def write_questions(book: Any, styles: Any, view: RoadmapView) -> Any:
    """The questions sheet: each question, the answer used and where it came from, what it switched off."""
    lang = view.lang
    sheet = new_sheet(book, styles, lang, "questions", QUESTION_COLUMNS)
    for r, q in enumerate(view.questions, start=1):
        values = (
            q.id,
            view.names.get(q.layer, q.layer),
            q.text,
            q.answer,
            _w(lang, "questions_answered" if q.answered else "questions_defaulted"),
            q.rationale,
            q.article,
            "\n".join(q.switches_off),
        )
        # spreadsheets do not grow a row for wrapped text by themselves
        most = max(lines(v, w) for v, (_, w) in zip(values, QUESTION_COLUMNS, strict=True))
        sheet.set_row(r, min(LINE_HEIGHT * most, 409.0))
        for col, value in enumerate(values):  # every text wraps; catalogue text stays text
            if value:
                sheet.write_string(r, col, value, styles.for_text("title", value))
            else:
                sheet.write_blank(r, col, None, styles.text)
    sheet.freeze_panes(1, 0)
    sheet.autofilter(0, 0, max(len(view.questions), 1), len(QUESTION_COLUMNS) - 1)
    return sheet
