"""Why an item sits where it sits: the sentence keys the plan gives, and the findings' places."""

from __future__ import annotations

import datetime as dt

from planner.schedule.model import Rule
from tests.unit_a.builders import catalogue, keys, ob, plan, stage_of


def test_work_that_spans_stages_says_from_when_to_when():
    p = plan(catalogue({"x.a": ob(lead_time_months=5)}))
    (spans,) = [r for r in p.items["x.a", "rijk"].reasons if r.key == "spans"]
    assert (spans.args["start"], spans.args["end"], spans.args["span"]) == ("2026-Q4", "2027-Q1", 2)


def test_a_prerequisite_is_named_with_the_stage_it_sits_in():
    p = plan(catalogue({"x.a": ob(), "x.b": ob(requires=("x.a",))}))
    (after,) = p.items["x.b", "rijk"].reasons
    assert (after.key, after.args["obligation"], after.args["stage"]) == (
        "after-prerequisite",
        "x.a",
        "2026-Q4",
    )


def test_a_facility_of_another_layer_is_named_with_its_layer():
    cat = catalogue(
        {"x.f": ob(roles={"gemeenten": "provider"}), "x.u": ob(needs=("x.f",))},
        layers={"rijk": None, "gemeenten": None},
    )
    (after,) = plan(cat).items["x.u", "rijk"].reasons
    assert (after.key, after.args["layer"]) == ("after-facility", "gemeenten")


def test_reasons_for_several_waits_come_in_order_of_their_stages():
    cat = catalogue({"x.a": ob(), "x.z": ob(requires=("x.a",)), "x.b": ob(requires=("x.z", "x.a"))})
    reasons = plan(cat).items["x.b", "rijk"].reasons
    assert [r.args["obligation"] for r in reasons] == ["x.a", "x.z"]


def test_an_item_records_what_it_waits_on_by_kind_and_layer():
    p = plan(catalogue({"x.a": ob(), "x.b": ob(requires=("x.a",))}))
    assert p.items["x.b", "rijk"].waits_on == [("requires", "x.a", "rijk")]


def test_a_forced_stage_says_it_was_forced():
    cat = catalogue(
        {"x.a": ob(effort_days=3, due="2026-12-31"), "x.b": ob(effort_days=3, due="2026-12-31")},
        layers={"rijk": 4},
    )
    p = plan(cat)
    forced = [i for i in p.items.values() if i.rule == Rule.DEADLINE_FORCED]
    assert len(forced) == 1 and "deadline-forced" in keys(forced[0].reasons)


def test_a_capacity_finding_of_spanning_work_names_its_most_loaded_stage():
    # a yearly duty reserves 3 in 2027-Q1; x.big (4 a stage over three stages) is forced in from
    # 2026-Q4, so 2027-Q1 holds 7 and is the stage reported, not the first one
    recurring = ob(effort_days=3, nature="recurring", recurrence={"every": "year", "first": "2027-02-01"})
    big = ob(effort_days=12, lead_time_months=9, due="2027-06-30")
    p = plan(catalogue({"x.r": recurring, "x.big": big}, layers={"rijk": 4}))
    (finding,) = [f for f in p.findings if f.kind == "capacity"]
    assert (stage_of(p, "x.big"), finding.message.args["stage"], finding.message.args["load"]) == (
        "2026-Q4",
        "2027-Q1",
        7.0,
    )


def test_a_plan_names_its_stages_from_the_planning_date():
    p = plan(catalogue({"x.a": ob()}), stage_size="year")
    assert p.stage_bounds(1) == ("2027", dt.date(2027, 1, 1), dt.date(2027, 12, 31))
    assert (p.stage_id(None), stage_of(p, "x.a")) == (None, "2026")
