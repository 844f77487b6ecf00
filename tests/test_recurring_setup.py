"""A recurring duty is set up before it recurs, or its occurrence before the setup is flagged.

The scheduler aims to set a recurring duty up by its first coming occurrence (a target that
orders placing, never a due date that forces a stage over capacity). When its prerequisites,
capacity or a deferral make that impossible, each occurrence before the setup is ``at_risk``
and the duty's reasons and findings say why, in both languages.
"""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest

from planner.formats import render_roadmap
from planner.loading import load_catalogue
from planner.organisation.model import OrganisationFile
from planner.organisation.profile import organisation_profile
from planner.roadmap import build_plan
from planner.view import RoadmapView, build_view
from tests.act_r import ACT_R_HEAD

AS_OF = dt.date(2026, 11, 28)
HEAD = ACT_R_HEAD
# the baseline takes a year (2026-Q4 to 2027-Q3); the report it enables recurs every August
WAITS = (
    HEAD
    + """\
  - id: act-r.base
    title: {en: Set up the baseline, nl: Richt de basis in}
    roles: {gemeenten: addressee}
    due: 2025-01-01
    effort_days: 4
    lead_time_months: 12
  - id: act-r.report
    title: {en: Report yearly, nl: Rapporteer jaarlijks}
    roles: {gemeenten: addressee}
    due: 2025-08-15
    effort_days: 4
    nature: recurring
    recurrence: {every: year}
    requires:
      - to: act-r.base
        rationale: {en: The report is on the baseline., nl: Het verslag gaat over de basis.}
"""
)
# two one-off duties due 2027-Q3 and a baseline due only in 2028: placed by due date alone the
# baseline would wait for the one-off duties, and the report that needs it would come after
# its first occurrence (May 2027, 2027-Q2)
FULL = (
    HEAD
    + """\
  - id: act-r.one
    title: {en: Do one thing, nl: Doe een ding}
    roles: {gemeenten: addressee}
    due: 2027-09-30
    effort_days: 6
  - id: act-r.two
    title: {en: Do another thing, nl: Doe nog een ding}
    roles: {gemeenten: addressee}
    due: 2027-09-30
    effort_days: 6
  - id: act-r.base
    title: {en: Set up the baseline, nl: Richt de basis in}
    roles: {gemeenten: addressee}
    due: 2028-12-31
    effort_days: 5
  - id: act-r.report
    title: {en: Report yearly, nl: Rapporteer jaarlijks}
    roles: {gemeenten: addressee}
    due: 2028-12-31
    effort_days: 4
    nature: recurring
    recurrence: {every: year, first: 2027-05-15}
    requires:
      - to: act-r.base
        rationale: {en: The report is on the baseline., nl: Het verslag gaat over de basis.}
"""
)
NOT_STARTED = {"act-r.base": {"state": "not-started"}, "act-r.report": {"state": "not-started"}}
# the minimal catalogue's own gemeenten duties are left out, so only act-r takes capacity
LEFT_OUT = {
    oid: {"state": "not-applicable", "reason": "not part of this test"}
    for oid in ("act-a.inventory", "act-a.assess", "act-b.connect")
}


def view_of(
    root: Path, status: dict[str, object], lang: str = "en", capacity: float | None = None
) -> RoadmapView:
    cat = load_catalogue(root)
    org: dict[str, object] = {"organisation": "Proef", "layer": "gemeenten", "status": status}
    if capacity is not None:
        org["capacity"] = capacity
    profile = organisation_profile(cat, OrganisationFile.model_validate(org))
    return build_view(build_plan(cat, AS_OF, organisation=profile), "gemeenten", lang)


def report(view: RoadmapView):  # type: ignore[no-untyped-def]
    return next(i for i in view.items if i.obligation == "act-r.report")


@pytest.fixture
def waits_root(catalogue_with) -> Path:  # type: ignore[no-untyped-def]
    return catalogue_with({"act-r.yaml": WAITS})


@pytest.fixture
def full_root(catalogue_with) -> Path:  # type: ignore[no-untyped-def]
    return catalogue_with({"act-r.yaml": FULL})


def test_a_prerequisite_that_ends_after_the_first_occurrence_flags_that_occurrence_at_risk(waits_root):
    view = view_of(waits_root, NOT_STARTED)
    assert (report(view).start, report(view).end) == ("2027-Q4", "2027-Q4")
    flags = {o.date.isoformat(): o.at_risk for s in view.stages for o in s.recurring}
    assert flags == {"2027-08-15": True, "2028-08-15": False, "2029-08-15": False}


def test_the_duty_says_why_its_setup_comes_after_the_occurrence(waits_root):
    item = report(view_of(waits_root, NOT_STARTED))
    assert (
        "at risk: a recurring deliverable falls due on 2027-08-15, before the duty is set up "
        "(2027-Q4 to 2027-Q4): the setup waits on act-r.base, planned until 2027-Q3"
    ) in item.reasons


def test_the_reason_is_in_dutch_on_a_dutch_roadmap(waits_root):
    item = report(view_of(waits_root, NOT_STARTED, lang="nl"))
    assert (
        "in gevaar: een terugkerende oplevering valt op 2027-08-15, voordat de plicht is ingericht "
        "(2027-Q4 tot 2027-Q4): het inrichten wacht op act-r.base, gepland tot en met 2027-Q3"
    ) in item.reasons


def test_the_occurrence_before_the_setup_is_an_at_risk_finding(waits_root):
    view = view_of(waits_root, NOT_STARTED)
    kinds = [f.kind for f in view.findings if f.obligation == "act-r.report"]
    assert kinds == ["overdue", "at-risk"]


def test_the_markdown_marks_the_occurrence_before_the_setup(waits_root):
    md = render_roadmap("md", view_of(waits_root, NOT_STARTED))
    assert isinstance(md, str)
    assert "the duty itself: overdue, 2027-Q4; at risk: due before the duty is set up" in md


def test_the_json_flags_the_occurrence_and_is_valid(waits_root):
    import jsonschema

    from planner.schema import roadmap_schema

    data = json.loads(render_roadmap("json", view_of(waits_root, NOT_STARTED)))  # type: ignore[arg-type]
    flags = [(o["date"], o["at_risk"]) for s in data["stages"] for o in s["recurring"]]
    assert flags == [("2027-08-15", True), ("2028-08-15", False), ("2029-08-15", False)]
    jsonschema.validate(data, roadmap_schema())


def test_the_setup_and_its_prerequisite_go_before_the_first_occurrence_when_capacity_allows(full_root):
    view = view_of(full_root, LEFT_OUT, capacity=10)
    starts = {i.obligation: i.start for i in view.items if i.obligation.startswith("act-r.")}
    # the report is set up before May 2027 and the one-off duties still meet 2027-Q3, within capacity
    assert starts == {
        "act-r.base": "2026-Q4",
        "act-r.report": "2027-Q1",
        "act-r.one": "2027-Q1",
        "act-r.two": "2027-Q2",
    }
    assert not any(o.at_risk for s in view.stages for o in s.recurring)
    assert all(s.days <= 10 for s in view.load)


def test_a_deferral_past_the_first_occurrence_flags_it_and_says_so(full_root):
    deferred = {"act-r.report": {"state": "deferred", "until": "2027-07-01", "decision": "B&W 2026-11"}}
    view = view_of(full_root, {**LEFT_OUT, **deferred}, capacity=10)
    item = report(view)
    assert item.status == "deferred"
    assert [o.date.isoformat() for s in view.stages for o in s.recurring if o.at_risk] == ["2027-05-15"]
    assert item.reasons[-1].endswith(": the setup is deferred until 2027-07-01")


SAME_STAGE = (
    HEAD
    + """\
  - id: act-r.report
    title: {en: Report yearly, nl: Rapporteer jaarlijks}
    roles: {gemeenten: addressee}
    due: 2027-12-31
    effort_days: 3
    nature: recurring
    recurrence: {every: year, first: 2026-12-15}
"""
)


def test_the_setup_may_take_the_stage_its_own_occurrence_reserves(catalogue_with):
    # 3 days reserved for the December occurrence and 3 for the setup exceed 4 a quarter, but the
    # occurrence is part of the setup in that stage: the stage holds 3, and the setup fits there
    view = view_of(catalogue_with({"act-r.yaml": SAME_STAGE}), LEFT_OUT, capacity=4)
    assert report(view).start == "2026-Q4"
    [first, *_] = [o for s in view.stages for o in s.recurring]
    assert (first.date.isoformat(), first.in_setup, first.at_risk) == ("2026-12-15", True, False)
    assert {s.stage: s.days for s in view.load}["2026-Q4"] == 3.0
