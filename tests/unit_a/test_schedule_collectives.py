"""Collective arrangements in the plan: a share of the work taken over, and deliveries waited for."""

from __future__ import annotations

import datetime as dt

from planner.house.model import Collective
from planner.house.use import covering, delivering, remaining_share, used_collectives
from planner.schedule import build_items
from planner.schedule.model import Status
from tests.unit_a.builders import AS_OF, catalogue, collective, keys, ob, plan, profile, stage_of


def _item(cat, oid="x.a", **options):  # type: ignore[no-untyped-def]
    return build_items(cat, as_of=AS_OF, **options)[oid, "rijk"]


def test_a_default_arrangement_leaves_each_organisation_its_remaining_share():
    cat = catalogue({"x.a": ob(effort_days=10)}, collectives=(collective("c", {"x.a": 0.3}),))
    item = _item(cat)
    assert item.effort == 3.0
    assert item.reasons[-1].key == "covered-by" and item.reasons[-1].args["percent"] == 30


def test_two_arrangements_covering_one_duty_leave_the_smallest_share_not_the_product():
    cat = catalogue(
        {"x.a": ob(effort_days=10)},
        collectives=(collective("c", {"x.a": 0.5}), collective("d", {"x.a": 0.8})),
    )
    assert _item(cat).effort == 10 * remaining_share(cat.collectives.values(), "x.a") == 5.0


def test_an_arrangement_the_organisation_declines_leaves_the_whole_effort():
    cat = catalogue({"x.a": ob(effort_days=10)}, collectives=(collective("c", {"x.a": 0.3}),))
    item = _item(cat, profiles={"rijk": profile(collectives={"c": False})})
    assert (item.effort, keys(item.reasons)) == (10.0, [])


def test_an_arrangement_not_default_for_the_layer_counts_only_when_chosen():
    coll = collective("c", {"x.a": 0.3}, default_for=[])
    cat = catalogue({"x.a": ob(effort_days=10)}, collectives=(coll,))
    assert _item(cat).effort == 10.0
    assert _item(cat, profiles={"rijk": profile(collectives={"c": True})}).effort == 3.0


def test_a_covered_duty_waits_for_a_planned_arrangement_s_delivery():
    coll = collective("c", {"x.a": 0.5}, status="planned", delivery="2027-05-01")
    p = plan(catalogue({"x.a": ob(effort_days=2)}, collectives=(coll,)))
    assert (stage_of(p, "x.a"), p.items["x.a", "rijk"].provider) == ("2027-Q2", "c")


def test_a_facility_an_existing_arrangement_delivers_is_in_place():
    coll = collective("c", delivers=["x.f"], delivery="2024-01-01")
    cat = catalogue({"x.f": ob(roles={"rijk": "provider"})}, collectives=(coll,))
    item = _item(cat, "x.f")
    assert (item.status, item.done_on, item.reasons[-1].key) == (
        Status.IN_PLACE,
        dt.date(2024, 1, 1),
        "delivered-by",
    )


def test_a_facility_a_planned_arrangement_delivers_takes_no_work_but_holds_the_date():
    coll = collective("c", delivers=["x.f"], status="planned", delivery="2027-08-01")
    cat = catalogue(
        {"x.f": ob(roles={"rijk": "provider"}, effort_days=30), "x.u": ob(needs=("x.f",))},
        collectives=(coll,),
    )
    p = plan(cat)
    assert (p.items["x.f", "rijk"].effort, stage_of(p, "x.f"), stage_of(p, "x.u")) == (
        0.0,
        "2027-Q3",
        "2027-Q4",
    )


def test_an_arrangement_delivered_too_late_for_the_due_date_blocks_the_duty():
    coll = collective("c", {"x.a": 0.5}, status="planned", delivery="2027-08-01")
    p = plan(catalogue({"x.a": ob(due="2027-03-31")}, collectives=(coll,)))
    item = p.items["x.a", "rijk"]
    assert item.status == Status.BLOCKED
    assert item.reasons[-1].args["cause"].key == "late-provider"


def test_a_delay_moves_the_delivery_and_marks_it_unconfirmed():
    coll = Collective.model_validate(collective("c", {"x.a": 0.5}, status="planned", delivery="2027-01-31"))
    later = coll.delayed(1)
    assert (later.delivery, later.delivery_confirmed, coll.delivery_confirmed) == (
        dt.date(2027, 2, 28),
        False,
        True,
    )


def test_a_delay_of_an_arrangement_without_a_date_changes_nothing():
    coll = Collective.model_validate(collective("c", {"x.a": 0.5}, status="proposed"))
    assert coll.delayed(6) is coll


def test_used_collectives_follow_the_choices_over_the_defaults():
    cat = catalogue(
        {"x.a": ob()},
        collectives=(collective("c", {"x.a": 0.5}), collective("d", {"x.a": 0.5}, default_for=[])),
    )
    assert [c.id for c in used_collectives(cat, "rijk")] == ["c"]
    assert [c.id for c in used_collectives(cat, "rijk", {"c": False, "d": True})] == ["d"]
    assert used_collectives(cat, "gemeenten") == ()


def test_a_duty_nothing_covers_keeps_all_of_its_effort():
    cat = catalogue({"x.a": ob(), "x.b": ob()}, collectives=(collective("c", {"x.a": 0.5}),))
    assert (remaining_share(cat.collectives.values(), "x.b"), covering(cat.collectives.values(), "x.b")) == (
        1.0,
        [],
    )


def test_delivering_finds_the_arrangement_that_is_a_facility_s_delivery():
    cat = catalogue({"x.f": ob(roles={"rijk": "provider"})}, collectives=(collective("c", delivers=["x.f"]),))
    assert (delivering(cat, "x.f").id, delivering(cat, "x.g")) == ("c", None)  # type: ignore[union-attr]


YEARLY = {"nature": "recurring", "recurrence": {"every": "year", "first": "2027-03-01"}}


def test_each_occurrence_of_a_covered_recurring_duty_takes_the_remaining_share():
    cat = catalogue(
        {"x.r": ob(effort_days=10, **YEARLY)},
        collectives=(collective("c", {"x.r": 0.5}), collective("d", {"x.r": 0.8})),
    )
    assert _item(cat, "x.r").occurrence_effort == 5.0


def test_progress_on_setting_up_a_recurring_duty_does_not_lower_each_occurrence():
    own = profile(states={"x.r": {"state": "in-progress", "percent": 50}})
    item = _item(catalogue({"x.r": ob(effort_days=10, **YEARLY)}), "x.r", profiles={"rijk": own})
    assert (item.effort, item.occurrence_effort) == (5.0, 10.0)


def test_a_recurring_duty_without_a_catalogue_effort_reserves_no_capacity():
    p = plan(catalogue({"x.r": ob(**YEARLY)}, layers={"rijk": 4}))
    assert p.items["x.r", "rijk"].occurrences and p.items["x.r", "rijk"].occurrence_effort is None
    # only the duty's own work, in its first stage: its yearly dates (2027-Q1, ...) reserve nothing
    assert p.load == {("rijk", 0): p.items["x.r", "rijk"].effort}
