"""The workbook's plan sheet from hand-built views: typed cells, inert text, stable bytes."""

from __future__ import annotations

import datetime as dt
import io

import openpyxl

from planner.formats import xlsx
from planner.formats.rows import COLUMNS
from planner.view.model import Assumption, StageLoad

from .builders import item, stage, view


def plan_row(v, row: int = 2):  # type: ignore[no-untyped-def]
    book = openpyxl.load_workbook(io.BytesIO(xlsx.render(v)))
    sheet = book.worksheets[1]
    return {column: sheet.cell(row=row, column=i + 1) for i, column in enumerate(COLUMNS)}


def test_dates_are_real_dates_and_effort_a_number():
    cells = plan_row(view(stage([item(due=dt.date(2027, 3, 1), effort=2.5)])))
    assert cells["due"].value == dt.datetime(2027, 3, 1)
    assert cells["stage_start"].value == dt.datetime(2026, 10, 1)
    assert cells["effort"].value == 2.5


def test_a_missing_due_date_is_an_empty_cell():
    assert plan_row(view(stage([item(due=None)])))["due"].value is None


def test_a_title_that_looks_like_a_formula_is_text_with_a_quote_prefix():
    cell = plan_row(view(stage([item(title='=HYPERLINK("https://evil")')])))["title"]
    assert cell.data_type == "s"
    assert cell.value == '=HYPERLINK("https://evil")'
    assert cell.quotePrefix


def test_an_ordinary_title_has_no_quote_prefix():
    assert not plan_row(view(stage([item(title="Register")])))["title"].quotePrefix


def test_the_same_view_gives_the_same_bytes():
    v = view(stage([item(due=dt.date(2027, 3, 1))]))
    assert xlsx.render(v) == xlsx.render(v)


def test_another_as_of_date_gives_other_bytes():
    items = stage([item()])
    assert xlsx.render(view(items)) != xlsx.render(view(items, as_of=dt.date(2026, 12, 1)))


def test_a_row_is_never_taller_than_excel_allows():
    assert xlsx.row_height({"reasons": "word " * 10000}) == xlsx.MAX_ROW_HEIGHT


def test_a_row_of_short_text_is_one_line_high():
    assert xlsx.row_height({"title": "short"}) == xlsx.row_height({})


def sheet_rows(v, index: int) -> list[tuple]:  # type: ignore[no-untyped-def, type-arg]
    book = openpyxl.load_workbook(io.BytesIO(xlsx.render(v)))
    return list(book.worksheets[index].iter_rows(values_only=True))


def test_the_workload_sheet_lists_days_against_capacity_per_stage_and_layer():
    load = (StageLoad("2026-Q4", "gemeenten", 12.5, 10.0), StageLoad("2027-Q1", "rijk", 3.0, None))
    rows = sheet_rows(view(load=load), 2)
    assert rows[1:] == [("2026-Q4", "Municipalities", 12.5, 10), ("2027-Q1", "Central government", 3, "—")]


def test_a_stage_over_capacity_is_marked_in_the_overdue_colour():
    load = (StageLoad("2026-Q4", "gemeenten", 12.5, 10.0), StageLoad("2027-Q1", "gemeenten", 5.0, 10.0))
    book = openpyxl.load_workbook(io.BytesIO(xlsx.render(view(load=load))))
    sheet = book.worksheets[2]
    over, under = sheet.cell(row=2, column=3), sheet.cell(row=3, column=3)
    assert over.fill.fgColor.rgb.endswith(xlsx.STATUS_FILL["overdue"].lstrip("#"))
    assert over.fill.fgColor.rgb != under.fill.fgColor.rgb


def test_an_assumption_that_looks_like_a_formula_stays_text():
    assumption = Assumption("capacity", "gemeenten", "=1+1", "@SUM(A1)")
    book = openpyxl.load_workbook(io.BytesIO(xlsx.render(view(assumptions=(assumption,)))))
    value, why = book.worksheets[3].cell(row=2, column=3), book.worksheets[3].cell(row=2, column=4)
    assert (value.value, value.data_type, value.quotePrefix) == ("=1+1", "s", True)
    assert (why.value, why.quotePrefix) == ("@SUM(A1)", True)
