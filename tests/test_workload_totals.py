"""One plan, one set of workload figures: Markdown, HTML, XLSX and JSON give the same person-days.

The board's workload per stage (the items' work spread over the stages it spans, plus the
recurring duties' occurrences) is the figure every format shows; the workbook's summary sheet
does not add up item efforts of its own.
"""

from __future__ import annotations

import io
import json
import re

import pytest

from planner import api
from planner.view import RoadmapView
from tests.examples_view import gemeente_example_view

openpyxl = pytest.importorskip("openpyxl")


@pytest.fixture(scope="module")
def view() -> RoadmapView:
    return gemeente_example_view()


def json_days(view: RoadmapView) -> dict[str, float]:
    text = api.render(view, "json")
    assert isinstance(text, str)
    return {w["stage"]: w["days"] for w in json.loads(text)["workload"]}


def md_days(view: RoadmapView) -> dict[str, float]:
    text = api.render(view, "md")
    assert isinstance(text, str)
    table = text.split("### Workload per stage against capacity\n\n", 1)[1].split("\n\n", 1)[0]
    rows = [[c.strip() for c in line.strip("|").split("|")] for line in table.splitlines()[2:]]
    return {row[0]: float(row[2]) for row in rows}


def html_days(view: RoadmapView) -> dict[str, float]:
    text = api.render(view, "html")
    assert isinstance(text, str)
    table = text.split('<table class="load">', 1)[1].split("</table>", 1)[0]
    rows = re.findall(r'<tr><td>([^<]+)</td><td class="num">([^<]+)</td>', table)
    return {stage: float(days) for stage, days in rows}


def workbook(view: RoadmapView):  # type: ignore[no-untyped-def]
    data = api.render(view, "xlsx")
    assert isinstance(data, bytes)
    return openpyxl.load_workbook(io.BytesIO(data))


def summary_rows(view: RoadmapView) -> list[tuple[object, ...]]:
    """The summary sheet's stage table: one row per stage."""
    ids = {s.id for s in view.stages}
    return [row for row in workbook(view)["Summary"].iter_rows(values_only=True) if row[0] in ids]


def summary_total(view: RoadmapView) -> object:
    """The person-days of the summary sheet's total row under the stage table."""
    rows = list(workbook(view)["Summary"].iter_rows(values_only=True))
    last = max(n for n, row in enumerate(rows) if row[0] == view.stages[-1].id)
    assert rows[last + 1][0] == "Total"
    return rows[last + 1][4]


def test_the_summary_sheet_shows_the_board_s_days_per_stage(view):
    got = {str(row[0]): row[4] for row in summary_rows(view) if row[4]}
    assert got == json_days(view)


def test_the_summary_sheet_days_include_the_recurring_work(view):
    # a stage with no item of its own still carries the recurring duties due in it
    only_recurring = [s.id for s in view.stages if not s.items and any(o.effort_days for o in s.recurring)]
    assert only_recurring
    got = {str(row[0]): row[4] for row in summary_rows(view)}
    assert all(got[s] > 0 for s in only_recurring)


def test_md_html_xlsx_and_json_give_the_same_workload_total(view):
    expected = round(sum(json_days(view).values()), 1)
    total = summary_total(view)
    sheet = workbook(view)["Workload"]
    per_row = [row[2] for row in sheet.iter_rows(min_row=2, values_only=True)]
    got = {
        "md": round(sum(md_days(view).values()), 1),
        "html": round(sum(html_days(view).values()), 1),
        "xlsx summary": total,
        "xlsx workload": round(sum(per_row), 1),
    }
    assert got == dict.fromkeys(got, expected)
