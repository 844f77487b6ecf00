"""Invariants of the whole plan on random small catalogues (hypothesis, derandomized)."""

from __future__ import annotations

import datetime as dt
from typing import Any

from hypothesis import given
from hypothesis import strategies as st

from planner.graph import build_graph
from planner.schedule.model import OFF_PLAN
from tests.unit_a.builders import PROPERTY, catalogue, ob, plan

DUES = [None, "2025-06-30", "2026-12-31", "2027-06-30", "2028-12-31"]


@st.composite
def catalogues(draw: Any) -> dict[str, dict[str, Any]]:
    """Five to eight obligations over two layers; relations only to earlier ones (acyclic)."""
    n = draw(st.integers(5, 8))
    ids = [f"{'xy'[i % 2]}.o{i}" for i in range(n)]
    spec: dict[str, dict[str, Any]] = {}
    for i, oid in enumerate(ids):
        earlier = ids[:i]
        pick = st.lists(st.sampled_from(earlier), max_size=2, unique=True) if earlier else st.just([])
        roles = draw(
            st.sampled_from(
                [
                    {"rijk": "addressee"},
                    {"gemeenten": "addressee"},
                    {"rijk": "provider", "gemeenten": "addressee"},
                ]
            )
        )
        spec[oid] = ob(
            roles=roles,
            requires=tuple(draw(pick)),
            overlaps=tuple(draw(pick)),
            needs=tuple(draw(pick)),
            effort_days=draw(st.sampled_from([1, 2, 5])),
            lead_time_months=draw(st.sampled_from([0, 0, 4])),
            **({"due": d} if (d := draw(st.sampled_from(DUES))) else {}),
        )
    return spec


LAYERS = {"rijk": 4.0, "gemeenten": None}


@PROPERTY
@given(spec=catalogues(), seed=st.randoms(use_true_random=False))
def test_the_order_obligations_are_written_in_does_not_change_the_plan(spec, seed):
    order = list(spec)
    seed.shuffle(order)
    first = plan(catalogue(spec, layers=LAYERS))
    second = plan(catalogue({k: spec[k] for k in order}, layers=LAYERS))
    assert {k: (i.stage, i.status) for k, i in first.items.items()} == {
        k: (i.stage, i.status) for k, i in second.items.items()
    }


@PROPERTY
@given(spec=catalogues())
def test_every_open_item_starts_after_everything_it_waits_on_has_ended(spec):
    p = plan(catalogue(spec, layers=LAYERS))
    for item in p.items.values():
        if item.stage is None or item.status in OFF_PLAN:
            continue
        for _, oid, layer in item.waits_on:
            dep = p.items[oid, layer]
            assert dep.end is not None and dep.end < item.stage


@PROPERTY
@given(spec=catalogues())
def test_the_graph_holds_one_edge_per_relation(spec):
    cat = catalogue(spec, layers=LAYERS)
    relation_kinds = {"requires", "overlaps", "conflicts", "needs-facility"}
    g = build_graph(cat)
    assert sum(1 for *_, k in g.edges(keys=True) if k in relation_kinds) == len(cat.relations)


@PROPERTY
@given(spec=catalogues())
def test_without_packages_the_stage_loads_add_up_to_the_open_effort(spec):
    alone = {oid: {**fields, "overlaps": []} for oid, fields in spec.items()}
    p = plan(catalogue(alone, layers=LAYERS))
    open_effort = sum(i.effort for i in p.items.values() if i.layer == "rijk" and not i.settled)
    loaded = sum(v for (layer, _), v in p.load.items() if layer == "rijk")
    assert abs(open_effort - loaded) < 1e-6


@PROPERTY
@given(
    first=st.dates(min_value=dt.date(2018, 1, 1), max_value=dt.date(2030, 12, 31)),
    as_of=st.dates(min_value=dt.date(2024, 1, 1), max_value=dt.date(2032, 12, 31)),
    every=st.sampled_from(["year", "half", "quarter", "month"]),
)
def test_a_recurring_duty_s_dates_lie_between_the_planning_date_and_the_horizon_one_period_apart(
    first, as_of, every
):
    from planner.dates import add_months
    from planner.models import Period
    from planner.schedule import build_items

    fields = ob(nature="recurring", recurrence={"every": every, "first": first.isoformat()})
    dates = build_items(catalogue({"x.a": fields}), as_of=as_of)["x.a", "rijk"].occurrences
    assert all(as_of <= d <= add_months(as_of, 36) for d in dates)
    step = Period(every).months
    assert all(
        add_months(first, round(((d.year - first.year) * 12 + d.month - first.month) / step) * step) == d
        for d in dates
    )
    if first <= as_of:  # a series already running has a date in every period of the horizon
        assert len(dates) >= 36 // step


STATES = st.sampled_from(
    [
        None,
        {"state": "not-started"},
        {"state": "in-progress", "percent": 50},
        {"state": "done"},
        {"state": "deferred", "until": "2025-06-30", "decision": "d"},
        {"state": "deferred", "until": "2027-09-30", "decision": "d"},
    ]
)


@PROPERTY
@given(spec=catalogues(), data=st.data())
def test_statuses_follow_what_the_organisation_said_and_the_dates(spec, data):
    from planner.schedule.model import Status
    from tests.unit_a.builders import AS_OF, profile

    states = {oid: s for oid in spec if (s := data.draw(STATES)) is not None}
    rijk = profile(states={oid: s for oid, s in states.items() if "rijk" in spec[oid]["roles"]})
    p = plan(catalogue(spec, layers=LAYERS), profiles={"rijk": rijk})
    for (oid, layer), item in p.items.items():
        given_state = states.get(oid) if layer == "rijk" else None
        if item.status == Status.UNASSESSED:
            assert given_state is None and item.due is not None and item.due < AS_OF
        if item.status == Status.OVERDUE:
            assert given_state is not None and item.due is not None and item.due < AS_OF
        if item.status == Status.DEFERRED:
            assert given_state is not None and given_state["until"] >= AS_OF.isoformat()
        if given_state is not None and given_state["state"] == "done":
            assert item.status == Status.DONE
