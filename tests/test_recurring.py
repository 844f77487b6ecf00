"""Recurring duties in each period of the plan: one light entry per occurrence, in the stage of its date.

The duty itself stays one item; each coming date up to the horizon is listed in its stage,
refers to that item, and counts its per-occurrence effort in that stage's workload.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import json
from pathlib import Path

import pytest

from planner.formats import render_roadmap
from planner.loading import load_catalogue
from planner.organisation.model import OrganisationFile
from planner.organisation.profile import organisation_profile
from planner.roadmap import PlanContext, build_plan
from planner.view import RoadmapView, build_view
from tests.act_r import ACT_R_HEAD

AS_OF = dt.date(2026, 11, 28)
ACT = (
    ACT_R_HEAD
    + """\
  - id: act-r.report
    title: {en: Report yearly, nl: Rapporteer jaarlijks}
    roles: {gemeenten: addressee}
    due: 2025-08-15
    EFFORT
    nature: recurring
    recurrence: {every: year}
"""
)


@pytest.fixture
def root(catalogue_with) -> Path:  # type: ignore[no-untyped-def]
    return catalogue_with({"act-r.yaml": ACT.replace("EFFORT", "effort_days: 4")})


def ctx_of(root: Path, status: dict[str, object] | None = None) -> PlanContext:
    cat = load_catalogue(root)
    profile = None
    if status is not None:
        org = OrganisationFile.model_validate(
            {"organisation": "Proef", "layer": "gemeenten", "status": status}
        )
        profile = organisation_profile(cat, org)
    return build_plan(cat, AS_OF, organisation=profile)


def view_of(root: Path, lang: str = "en", **kw: object) -> RoadmapView:
    return build_view(ctx_of(root, **kw), "gemeenten", lang)  # type: ignore[arg-type]


IN_PLACE = {"act-r.report": {"state": "in-place", "since": "2025-08-15"}}


def occurrences(view: RoadmapView) -> dict[str, list[str]]:
    return {s.id: [o.date.isoformat() for o in s.recurring] for s in view.stages if s.recurring}


def test_each_occurrence_in_the_horizon_is_listed_in_the_stage_of_its_date(root):
    assert occurrences(view_of(root)) == {
        "2027-Q3": ["2027-08-15"],
        "2028-Q3": ["2028-08-15"],
        "2029-Q3": ["2029-08-15"],
    }


def test_the_stages_run_on_to_the_last_occurrence(root):
    assert view_of(root).stages[-1].id == "2029-Q3"


def test_an_occurrence_refers_to_the_duty_s_own_item(root):
    view = view_of(root, status=IN_PLACE)
    first = view.stages[3].recurring[0]
    assert (first.obligation, first.item_status, first.item_stage) == ("act-r.report", "in-place", None)
    assert [i.obligation for i in view.off_plan if i.obligation == "act-r.report"] == ["act-r.report"]


def test_an_occurrence_is_labelled_with_its_period_and_how_often(root):
    nl = view_of(root, "nl").stages[3].recurring[0]
    assert nl.label == "Rapporteer jaarlijks 2027 (terugkerend, elk jaar)"


def test_the_per_occurrence_effort_is_counted_in_its_stage_s_workload(root):
    ctx = ctx_of(root, status=IN_PLACE)  # in place: only the occurrences take time
    load = {(s.stage, s.layer): s.days for s in build_view(ctx, "gemeenten").load}
    assert load[("2027-Q3", "gemeenten")] == 4.0
    assert ("2027-Q2", "gemeenten") not in load


def test_without_a_catalogue_effort_an_occurrence_is_shown_but_reserves_nothing(catalogue_with):
    root = catalogue_with({"act-r.yaml": ACT.replace("    EFFORT\n", "")})
    view = view_of(root, status=IN_PLACE)
    assert view.stages[3].recurring[0].effort_days is None
    assert not [s for s in view.load if s.stage == "2027-Q3"]


def test_a_duty_that_does_not_apply_has_no_occurrences(root):
    view = view_of(root, status={"act-r.report": {"state": "not-applicable", "reason": "no"}})
    assert occurrences(view) == {}


def test_the_json_lists_each_stage_s_occurrences_and_is_valid(root):
    import jsonschema

    from planner.schema import roadmap_schema

    data = json.loads(render_roadmap("json", view_of(root, status=IN_PLACE)))  # type: ignore[arg-type]
    by_stage = {s["id"]: s["recurring"] for s in data["stages"]}
    assert by_stage["2027-Q3"] == [
        {
            "obligation": "act-r.report",
            "layer": "gemeenten",
            "date": "2027-08-15",
            "every": "year",
            "effort_days": 4.0,
            "item_stage": None,
            "item_status": "in-place",
            "in_setup": False,
            "at_risk": False,
        }
    ]
    assert by_stage["2026-Q4"] == []
    jsonschema.validate(data, roadmap_schema())


def test_the_markdown_stage_has_a_light_line_per_occurrence(root):
    md = render_roadmap("md", view_of(root, status=IN_PLACE))
    assert isinstance(md, str)
    section = md[md.index("## Stage 2027-Q3") : md.index("## Stage 2027-Q4")]
    assert "**Recurring in this stage**" in section
    assert (
        "- 2027-08-15: Report yearly 2027 (recurring, every year) (`act-r.report`); "
        "4 person-days; the duty itself: in place" in section
    )


def test_the_csv_has_a_row_per_occurrence_without_a_status(root):
    text = render_roadmap("csv", view_of(root, status=IN_PLACE))
    assert isinstance(text, str)
    rows = [r for r in csv.DictReader(io.StringIO(text.lstrip("\ufeff"))) if r["Id"] == "act-r.report"]
    assert [(r["Stage"], r["Due"], r["Status"], r["Effort (person-days)"]) for r in rows] == [
        ("2027-Q3", "2027-08-15", "", "4"),
        ("2028-Q3", "2028-08-15", "", "4"),
        ("2029-Q3", "2029-08-15", "", "4"),
    ]


def test_the_calendar_keeps_one_event_with_an_rrule(root):
    import icalendar

    text = render_roadmap("ics", view_of(root, status=IN_PLACE))
    assert isinstance(text, str)
    found = [e for e in icalendar.Calendar.from_ical(text).walk("VEVENT") if "act-r.report" in str(e["UID"])]
    assert len(found) == 1 and "RRULE" in found[0]


def test_the_workbook_plan_sheet_has_the_occurrence_rows_too(root):
    import openpyxl

    from planner.formats.rows import COLUMNS

    data = render_roadmap("xlsx", view_of(root, status=IN_PLACE))
    assert isinstance(data, bytes)
    sheet = openpyxl.load_workbook(io.BytesIO(data))["Roadmap"]
    title, due = COLUMNS.index("title"), COLUMNS.index("due")
    found = [(r[title], r[due].date()) for r in sheet.iter_rows(min_row=2, values_only=True) if r[title]]
    assert ("Report yearly 2028 (recurring, every year)", dt.date(2028, 8, 15)) in found


def test_the_board_sees_the_recurring_load_of_each_year(root):
    from planner.view.board import board

    assert board(view_of(root, status=IN_PLACE)).recurring == ((2027, 4.0), (2028, 4.0), (2029, 4.0))


def test_the_board_summary_says_the_recurring_work_per_year(root):
    md = render_roadmap("md", view_of(root, status=IN_PLACE))
    assert isinstance(md, str)
    assert "- Recurring work per year, in person-days (the duties that come back, in place or not): " in md
    assert "2027: 4, 2028: 4, 2029: 4." in md


def test_the_site_layer_page_lists_the_occurrences_in_their_stage(root):
    from planner.analysis import analyse
    from planner.graph import build_graph
    from planner.site import plan_pages
    from planner.site.refs import View
    from planner.site.render import SiteInfo, render_page

    ctx = ctx_of(root, status=IN_PLACE)
    view = View(ctx, analyse(build_graph(ctx.catalogue), ctx.catalogue, AS_OF), "en")
    page = plan_pages.layer_page(view, "gemeenten")
    [row] = next(s for s in page.stages if s.id == "2028-Q3").recurring
    assert (row.obligation.id, row.date, row.label) == (
        "act-r.report",
        "2028-08-15",
        "Report yearly 2028 (recurring, every year)",
    )
    html = render_page(page, SiteInfo("en", ("en",), "", AS_OF.isoformat(), "test"))
    assert (
        "Report yearly 2028 (recurring, every year)" in html
        and "4 person-days; the duty itself: in place" in html
    )


# a year's lead time: the duty (known to be behind) is set up over 2026-Q4..2027-Q3, so its
# 2027-08-15 occurrence falls in that span and the 2028 and 2029 ones after it
NOT_STARTED = {"act-r.report": {"state": "not-started"}}


@pytest.fixture
def setup_root(catalogue_with) -> Path:  # type: ignore[no-untyped-def]
    return catalogue_with({"act-r.yaml": ACT.replace("EFFORT", "effort_days: 4\n    lead_time_months: 12")})


def test_an_occurrence_during_the_setup_is_marked_in_setup(setup_root):
    view = view_of(setup_root, status=NOT_STARTED)
    [item] = [i for i in view.items if i.obligation == "act-r.report"]
    assert (item.start, item.end) == ("2026-Q4", "2027-Q3")
    marks = {o.date.isoformat(): o.in_setup for s in view.stages for o in s.recurring}
    assert marks == {"2027-08-15": True, "2028-08-15": False, "2029-08-15": False}


def test_an_occurrence_during_the_setup_is_not_counted_again_in_the_workload(setup_root):
    def loads(status: dict[str, object]) -> dict[str, float]:
        return {s.stage: s.days for s in view_of(setup_root, status=status).load if s.layer == "gemeenten"}

    with_duty = loads(NOT_STARTED)
    without = loads({"act-r.report": {"state": "not-applicable", "reason": "for the comparison"}})
    added = {s: with_duty.get(s, 0.0) - without.get(s, 0.0) for s in ("2027-Q3", "2028-Q3")}
    # the setup's 4 days spread over its four stages (1 in 2027-Q3, the occurrence part of it); 2028: 4
    assert added == {"2027-Q3": 1.0, "2028-Q3": 4.0}


def test_the_board_s_recurring_work_per_year_leaves_out_the_occurrence_in_setup(setup_root):
    from planner.view.board import board

    assert board(view_of(setup_root, status=NOT_STARTED)).recurring == ((2028, 4.0), (2029, 4.0))


def test_the_markdown_says_an_occurrence_is_part_of_the_setup(setup_root):
    md = render_roadmap("md", view_of(setup_root, status=NOT_STARTED))
    assert isinstance(md, str)
    assert (
        "(`act-r.report`); 4 person-days; the duty itself: overdue, 2026-Q4; part of setting the duty up"
        in md
    )


def test_the_json_marks_the_occurrence_in_setup_and_is_valid(setup_root):
    import jsonschema

    from planner.schema import roadmap_schema

    data = json.loads(render_roadmap("json", view_of(setup_root, status=NOT_STARTED)))  # type: ignore[arg-type]
    marks = [(o["date"], o["in_setup"]) for s in data["stages"] for o in s["recurring"]]
    assert marks == [("2027-08-15", True), ("2028-08-15", False), ("2029-08-15", False)]
    jsonschema.validate(data, roadmap_schema())
