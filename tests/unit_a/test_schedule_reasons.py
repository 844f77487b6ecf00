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


def capacity_findings(p):  # type: ignore[no-untyped-def]
    """(obligation, [(stage, load), ...], cause key) of each capacity finding."""
    return sorted(
        (
            f.obligation,
            [(m.args["stage"], m.args["load"]) for m in f.message.args["stages"]],
            f.message.args["cause"].key,
        )
        for f in p.findings
        if f.kind == "capacity"
    )


def test_a_capacity_finding_gives_the_load_the_finished_plan_places_in_the_stage():
    # three duties of 3 days due in 2026-Q4, capacity 4: x.b and x.c are both forced in; the
    # finding of x.b gives the 9 days the stage holds in the end, not the 6 when x.b was placed
    due = {oid: ob(effort_days=3, due="2026-12-31") for oid in ("x.a", "x.b", "x.c")}
    p = plan(catalogue(due, layers={"rijk": 4}))
    assert p.load["rijk", 0] == 9.0
    assert [f.message for f in p.findings if f.obligation == "x.b"] == [
        "rijk needs more than its capacity of 4 person-days in 2026-Q4 (9 planned), because the due date forces it"
    ]
    assert capacity_findings(p) == [
        ("x.b", [("2026-Q4", 9.0)], "cause-due-date"),
        ("x.c", [("2026-Q4", 9.0)], "cause-due-date"),
    ]


def test_a_capacity_finding_of_spanning_work_names_every_stage_over_capacity():
    # x.q4 fills half of 2026-Q4; x.big (4 a stage over three stages) is forced in from 2026-Q4
    # (6 there); x.q1 is then forced into 2027-Q1 (6 there too): x.big's work is over
    # capacity in both stages, and its finding names both, each with its load
    p = plan(
        catalogue(
            {
                "x.q4": ob(effort_days=2, due="2026-12-31"),
                "x.big": ob(effort_days=12, lead_time_months=9, due="2027-06-30"),
                "x.q1": ob(effort_days=2, due="2027-03-31"),
            },
            layers={"rijk": 4},
        )
    )
    assert (stage_of(p, "x.big"), stage_of(p, "x.q1")) == ("2026-Q4", "2027-Q1")
    assert capacity_findings(p) == [
        ("x.big", [("2026-Q4", 6.0), ("2027-Q1", 6.0)], "cause-due-date"),
        ("x.q1", [("2027-Q1", 6.0)], "cause-due-date"),
    ]


def test_a_stage_over_capacity_through_recurring_work_alone_is_reported():
    # a yearly duty of 5 days against a capacity of 4: every year's occurrence after the setup is
    # over capacity (the setup, 2026-Q4 to 2027-Q1, holds the first one: 2.5 days a stage)
    recurring = ob(effort_days=5, nature="recurring", recurrence={"every": "year", "first": "2027-02-01"})
    p = plan(catalogue({"x.r": recurring}, layers={"rijk": 4}))
    assert capacity_findings(p) == [
        ("x.r", [("2028-Q1", 5.0), ("2029-Q1", 5.0)], "cause-recurring"),
    ]
    assert (stage_of(p, "x.r"), p.load["rijk", 1]) == ("2026-Q4", 2.5)


def test_a_plan_names_its_stages_from_the_planning_date():
    p = plan(catalogue({"x.a": ob()}), stage_size="year")
    assert p.stage_bounds(1) == ("2027", dt.date(2027, 1, 1), dt.date(2027, 12, 31))
    assert (p.stage_id(None), stage_of(p, "x.a")) == (None, "2026")
