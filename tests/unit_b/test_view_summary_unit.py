"""What a reader needs first, from hand-built views: next dates, overdue work, problems, waits, lanes."""

from __future__ import annotations

import datetime as dt

from planner.view import Finding, Wait
from planner.view.summary import (
    NEXT_DATES,
    cross_waits,
    lanes,
    next_due,
    overdue,
    problems,
    scenario_text,
    summarise,
)

from .builders import AS_OF, item, stage, view


def day(n: int) -> dt.date:
    return AS_OF + dt.timedelta(days=n)


def test_only_the_next_few_due_dates_of_open_work_are_listed():
    items = [item(f"a.d{n}", due=day(n)) for n in range(1, NEXT_DATES + 3)]
    dates = [d.date for d in next_due(view(stage(items)))]
    assert dates == [day(n).isoformat() for n in range(1, NEXT_DATES + 1)]


def test_done_work_and_past_dates_are_not_next():
    v = view(
        stage(
            [
                item("a.done", due=day(1), status="done"),
                item("a.past", due=day(-1)),
                item("a.next", due=day(2)),
            ]
        )
    )
    assert [e.obligation for d in next_due(v) for e in d.entries] == ["a.next"]


def test_duties_that_do_not_apply_or_are_in_place_are_not_next():
    v = view(
        stage(
            [
                item("a.na", due=day(1), status="not-applicable"),
                item("a.ready", due=day(1), status="in-place"),
                item("a.next", due=day(2), status="unassessed"),
            ]
        )
    )
    assert [e.obligation for d in next_due(v) for e in d.entries] == ["a.next"]


def test_one_obligation_due_for_two_layers_is_one_entry_naming_both():
    v = view(
        stage([item("a.x", due=day(3), layer="rijk"), item("a.x", due=day(3), layer="gemeenten")]),
        layer="all",
    )
    ((entry,),) = [d.entries for d in next_due(v)]
    assert entry.layers == ("Municipalities", "Central government")


def test_overdue_work_is_summed_per_act_oldest_first():
    items = [
        item("b.x", due=dt.date(2024, 1, 1), status="overdue"),
        item("a.x", due=dt.date(2025, 1, 1), status="overdue"),
        item("a.y", due=dt.date(2023, 6, 1), status="overdue"),
        item("c.x", due=dt.date(2020, 1, 1)),
    ]
    rows = overdue(view(stage(items)))
    assert [(r.act, r.count, r.oldest) for r in rows] == [("a", 2, "2023-06-01"), ("b", 1, "2024-01-01")]


def test_blocked_problems_come_before_at_risk_ones_with_their_finding_as_cause():
    items = [item("a.risk", status="at-risk", reasons=("last reason",)), item("a.stuck", status="blocked")]
    findings = (Finding("blocked", "a.stuck", "gemeenten", "waits on the platform"),)
    found = problems(view(stage(items), findings=findings))
    assert [(p.item.obligation, p.cause) for p in found] == [
        ("a.stuck", "waits on the platform"),
        ("a.risk", "last reason"),
    ]


def test_only_waits_on_another_layer_are_cross_waits():
    waits = (
        Wait("needs-facility", "a.platform", "rijk", title="Platform", stage=None),
        Wait("requires", "a.first", "gemeenten", title="First", stage="2026-Q4"),
    )
    (wait,) = cross_waits(view(stage([item("a.x", waits_on=waits)])))
    assert (wait.on, wait.on_layer_name, wait.on_stage) == ("a.platform", "Central government", None)


def test_lanes_follow_the_catalogues_layer_order():
    v = view(
        stage([item("a.x", layer="gemeenten"), item("a.y", layer="rijk"), item("a.z", layer="gemeenten")])
    )
    ((first, second),) = [s.lanes for s in lanes(v)]
    assert (first.layer, [i.obligation for i in first.items]) == ("rijk", ["a.y"])
    assert (second.layer, [i.obligation for i in second.items]) == ("gemeenten", ["a.x", "a.z"])


def test_a_scenario_is_named_with_its_id_and_no_scenario_is_said_too():
    assert scenario_text(view(scenario="delay", scenario_title="Delay")) == "Delay (delay)"
    assert scenario_text(view()) != ""


def test_overdue_findings_are_summed_up_not_listed():
    findings = (
        Finding("overdue", "a.x", "gemeenten", "late"),
        Finding("conflict", "a.y", "gemeenten", "tension"),
    )
    s = summarise(view(findings=findings))
    assert [f.kind for f in s.findings] == ["conflict"]
    assert s.overdue_findings == 1
