"""The scheduler's rules, each on a catalogue of two to five obligations written out in the test."""

from __future__ import annotations

import datetime as dt

import pytest

from planner.errors import UsageError
from planner.schedule import FINDING_ORDER, Item, schedule
from planner.schedule.model import Rule, Status
from tests.unit_a.builders import AS_OF, catalogue, keys, ob, plan, profile, stage_of


def _status(p, oid, layer="rijk"):  # type: ignore[no-untyped-def]
    return p.items[oid, layer].status


def test_a_stage_size_other_than_quarter_half_or_year_is_a_usage_error():
    with pytest.raises(UsageError, match="month"):
        schedule(catalogue({"x.a": ob()}), AS_OF, stage_size="month")


def test_an_item_without_waits_starts_in_the_stage_holding_the_planning_date():
    p = plan(catalogue({"x.a": ob()}))
    assert stage_of(p, "x.a") == "2026-Q4"
    assert keys(p.items["x.a", "rijk"].reasons) == ["start-now"]


def test_a_dependant_of_spanning_work_starts_after_its_last_stage():
    p = plan(catalogue({"x.a": ob(lead_time_months=6), "x.b": ob(requires=("x.a",))}))
    assert (stage_of(p, "x.a"), stage_of(p, "x.b")) == ("2026-Q4", "2027-Q2")


def test_half_year_stages_halve_the_stages_a_lead_time_takes():
    p = plan(catalogue({"x.a": ob(lead_time_months=6), "x.b": ob(requires=("x.a",))}), stage_size="half")
    assert (stage_of(p, "x.a"), stage_of(p, "x.b")) == ("2026-H2", "2027-H1")


def test_the_capacity_of_a_quarter_is_doubled_for_half_year_stages():
    p = plan(
        catalogue({"x.a": ob(effort_days=3), "x.b": ob(effort_days=3)}, layers={"rijk": 3}), stage_size="half"
    )
    assert p.capacity["rijk"] == 6
    assert stage_of(p, "x.a") == stage_of(p, "x.b") == "2026-H2"


def test_capacity_pushes_the_item_with_the_later_due_date_to_the_next_stage():
    cat = catalogue(
        {"x.a": ob(effort_days=2, due="2028-01-01"), "x.b": ob(effort_days=2, due="2027-06-30")},
        layers={"rijk": 3},
    )
    p = plan(cat)
    assert (stage_of(p, "x.b"), stage_of(p, "x.a")) == ("2026-Q4", "2027-Q1")
    assert p.items["x.a", "rijk"].rule == Rule.CAPACITY
    assert "stages-full" in keys(p.items["x.a", "rijk"].reasons)


def test_a_capacity_given_as_an_option_overrides_the_organisation_s():
    cat = catalogue({"x.a": ob(effort_days=2), "x.b": ob(effort_days=2)})
    p = plan(cat, profiles={"rijk": profile(capacity=10.0)}, capacity={"rijk": 2.0})
    assert p.capacity["rijk"] == 2.0
    assert {stage_of(p, "x.a"), stage_of(p, "x.b")} == {"2026-Q4", "2027-Q1"}


def test_the_organisation_s_capacity_is_used_without_an_option():
    cat = catalogue({"x.a": ob(effort_days=2)}, layers={"rijk": 1})
    assert plan(cat, profiles={"rijk": profile(capacity=7.0)}).capacity["rijk"] == 7.0


def test_without_a_capacity_everything_ready_starts_at_once():
    cat = catalogue({f"x.a{i}": ob(effort_days=100) for i in range(4)})
    assert {stage_of(plan(cat), f"x.a{i}") for i in range(4)} == {"2026-Q4"}


def test_a_due_date_forces_work_over_capacity_and_reports_the_stage():
    cat = catalogue(
        {"x.a": ob(effort_days=3, due="2026-12-31"), "x.b": ob(effort_days=3, due="2026-12-31")},
        layers={"rijk": 4},
    )
    p = plan(cat)
    assert stage_of(p, "x.a") == stage_of(p, "x.b") == "2026-Q4"
    assert [f.kind for f in p.findings] == ["capacity"]
    assert {p.items[k, "rijk"].rule for k in ("x.a", "x.b")} == {Rule.EARLIEST, Rule.DEADLINE_FORCED}


def test_work_larger_than_a_stage_is_spread_evenly_over_the_stages_it_needs():
    p = plan(catalogue({"x.a": ob(effort_days=9)}, layers={"rijk": 4}))
    assert p.items["x.a", "rijk"].span == 3
    assert [p.load["rijk", s] for s in range(3)] == [3.0, 3.0, 3.0]


def test_a_recurring_duty_reserves_capacity_in_the_stages_it_comes_back():
    recurring = ob(effort_days=3, nature="recurring", recurrence={"every": "year", "first": "2026-12-01"})
    p = plan(catalogue({"x.r": recurring, "x.a": ob(effort_days=2)}, layers={"rijk": 4}))
    assert stage_of(p, "x.a") == "2027-Q1"
    assert p.load["rijk", 0] == 3.0


def test_package_members_share_one_stage_and_the_joint_effort():
    cat = catalogue({"x.a": ob(effort_days=4, overlaps=("y.b",)), "y.b": ob(effort_days=4)})
    p = plan(cat)
    a, b = p.items["x.a", "rijk"], p.items["y.b", "rijk"]
    assert a.package is not None and a.package == b.package
    assert a.stage == b.stage
    # the same work: 4 days planned for the two, and each member says so against its own 4 + 4
    (together,) = [r for r in a.reasons if r.key == "together-saving"]
    assert (together.args["joint"], together.args["apart"], p.load["rijk", 0]) == (4.0, 8.0, 4.0)


def test_a_package_waits_for_the_prerequisite_of_one_member_and_says_so():
    cat = catalogue({"x.p": ob(), "x.a": ob(requires=("x.p",), overlaps=("y.b",)), "y.b": ob()})
    p = plan(cat)
    assert stage_of(p, "y.b") == "2027-Q1"
    assert p.items["y.b", "rijk"].rule == "package"
    assert "package-starts" in keys(p.items["y.b", "rijk"].reasons)


def test_a_deferred_item_starts_in_the_stage_of_its_until_date():
    own = profile(states={"x.a": {"state": "deferred", "until": "2027-08-15", "decision": "board"}})
    p = plan(catalogue({"x.a": ob()}), profiles={"rijk": own})
    assert stage_of(p, "x.a") == "2027-Q3"
    assert _status(p, "x.a") == Status.DEFERRED


def test_a_deferral_past_the_due_date_is_a_finding_naming_the_decision():
    own = profile(states={"x.a": {"state": "deferred", "until": "2027-08-15", "decision": "B&W 12 Nov"}})
    p = plan(catalogue({"x.a": ob(due="2027-03-31")}), profiles={"rijk": own})
    assert [(f.kind, f.message.args["decision"]) for f in p.findings] == [("deferred", "B&W 12 Nov")]


def test_a_deferral_within_the_due_date_raises_no_finding():
    own = profile(states={"x.a": {"state": "deferred", "until": "2027-01-15", "decision": "board"}})
    assert plan(catalogue({"x.a": ob(due="2027-12-31")}), profiles={"rijk": own}).findings == []


def test_a_known_late_duty_is_overdue_and_caught_up_from_the_first_stage():
    own = profile(states={"x.a": {"state": "not-started"}})
    p = plan(catalogue({"x.a": ob(due="2025-01-01")}), profiles={"rijk": own})
    assert (_status(p, "x.a"), stage_of(p, "x.a")) == (Status.OVERDUE, "2026-Q4")
    assert [f.kind for f in p.findings] == ["overdue"]
    assert "catch-up" in keys(p.items["x.a", "rijk"].reasons)


def test_a_voluntary_duty_past_its_date_is_planned_not_overdue_and_says_it_has_no_deadline():
    own = profile(states={"x.a": {"state": "not-started"}})
    p = plan(catalogue({"x.a": ob(due="2025-01-01", voluntary=True)}), profiles={"rijk": own})
    item = p.items["x.a", "rijk"]
    assert (item.status, item.due, p.findings) == (Status.PLANNED, None, [])
    assert keys(item.reasons)[0] == "voluntary"


def test_what_waits_on_an_unassessed_duty_starts_after_the_first_stage():
    p = plan(catalogue({"x.a": ob(due="2025-01-01"), "x.b": ob(requires=("x.a",))}))
    assert _status(p, "x.a") == Status.UNASSESSED
    assert stage_of(p, "x.b") == "2027-Q1"


def test_what_waits_on_a_done_duty_starts_at_once():
    own = profile(states={"x.a": {"state": "done"}})
    p = plan(catalogue({"x.a": ob(), "x.b": ob(requires=("x.a",))}), profiles={"rijk": own})
    assert stage_of(p, "x.b") == "2026-Q4"
    assert p.items["x.b", "rijk"].waits_on == []


def test_a_chain_too_long_for_its_due_date_is_at_risk_and_names_the_chain():
    cat = catalogue(
        {"x.a": ob(), "x.b": ob(requires=("x.a",)), "x.c": ob(requires=("x.b",), due="2027-03-31")}
    )
    p = plan(cat)
    assert _status(p, "x.c") == Status.AT_RISK
    message = p.items["x.c", "rijk"].reasons[-1]
    assert message.key == "late" and message.args["cause"].key == "at-risk-chain"


def test_work_longer_than_the_time_left_is_at_risk_as_too_long():
    p = plan(catalogue({"x.a": ob(lead_time_months=9, due="2027-03-31")}))
    assert _status(p, "x.a") == Status.AT_RISK
    assert p.items["x.a", "rijk"].reasons[-1].args["cause"].key == "too-long"


def test_an_item_late_only_because_another_layer_delivers_late_is_blocked():
    cat = catalogue(
        {
            "x.f": ob(roles={"rijk": "provider"}, due="2027-09-30"),
            "x.p": ob(roles={"rijk": "provider"}),
            "x.u": ob(roles={"gemeenten": "addressee"}, needs=("x.f",), due="2027-03-31"),
        },
        layers={"rijk": None, "gemeenten": None},
    )
    own = profile(states={"x.f": {"state": "deferred", "until": "2027-07-01", "decision": "budget"}})
    p = plan(cat, profiles={"rijk": own})
    assert _status(p, "x.u", "gemeenten") == Status.BLOCKED
    assert p.items["x.u", "gemeenten"].reasons[-1].args["cause"].key == "blocked-late"


def test_an_item_whose_facility_no_layer_plans_is_blocked():
    cat = catalogue(
        {"x.f": ob(roles={"gemeenten": "supervisor"}), "x.u": ob(needs=("x.f",))},
        layers={"rijk": None, "gemeenten": None},
    )
    p = plan(cat)
    assert _status(p, "x.u") == Status.BLOCKED
    assert p.items["x.u", "rijk"].reasons[-1].key == "blocked-missing"


def test_an_item_in_time_says_by_when():
    p = plan(catalogue({"x.a": ob(due="2027-12-31")}))
    assert (_status(p, "x.a"), keys(p.items["x.a", "rijk"].reasons)[-1]) == (Status.PLANNED, "in-time")


def test_findings_are_listed_overdue_first():
    own = profile(states={"x.late": {"state": "not-started"}})
    cat = catalogue(
        {
            "x.late": ob(due="2025-01-01"),
            "x.u": ob(needs=("x.none",)),
            "x.none": ob(roles={"rijk": "supervisor"}),
        }
    )
    kinds = [f.kind for f in plan(cat, profiles={"rijk": own}).findings]
    assert kinds == sorted(kinds, key=FINDING_ORDER.index) and kinds[0] == "overdue"


def test_a_layer_s_items_are_listed_by_stage_then_id():
    cat = catalogue({"x.c": ob(), "x.b": ob(requires=("x.c",)), "x.a": ob()})
    assert [i.obligation for i in plan(cat).for_layer("rijk")] == ["x.a", "x.c", "x.b"]


def test_an_item_s_last_stage_follows_from_its_span():
    item = Item("x.a", "x", "rijk", None, 1.0, stage=2, span=3)
    assert item.end == 4
    assert Item("x.a", "x", "rijk", None, 1.0).end is None


def test_the_scenario_applied_is_named_in_the_plan():
    scenario = {
        "id": "later",
        "title": {"en": "later"},
        "changes": [{"obligation": "x.a", "due": "2028-01-01"}],
    }
    cat = catalogue({"x.a": ob(due="2027-01-01")}, acts={"x": {"scenarios": [scenario]}}).with_scenario(
        "later"
    )
    p = plan(cat)
    assert (p.scenario, p.items["x.a", "rijk"].due) == ("later", dt.date(2028, 1, 1))


def test_a_deferred_item_returns_to_the_plan_after_its_until_date():
    own = profile(states={"x.a": {"state": "deferred", "until": "2025-01-01", "decision": "board"}})
    p = plan(catalogue({"x.a": ob(due="2027-06-30")}), profiles={"rijk": own})
    assert (_status(p, "x.a"), stage_of(p, "x.a")) == (Status.PLANNED, "2026-Q4")


def test_a_lapsed_deferral_of_a_duty_already_due_is_overdue():
    own = profile(states={"x.a": {"state": "deferred", "until": "2025-01-01", "decision": "board"}})
    p = plan(catalogue({"x.a": ob(due="2025-06-01")}), profiles={"rijk": own})
    assert _status(p, "x.a") == Status.OVERDUE
    assert [f.kind for f in p.findings] == ["overdue"]


def test_a_deferral_until_the_planning_date_itself_still_holds():
    own = profile(states={"x.a": {"state": "deferred", "until": AS_OF.isoformat(), "decision": "board"}})
    assert _status(plan(catalogue({"x.a": ob()}), profiles={"rijk": own}), "x.a") == Status.DEFERRED


@pytest.mark.parametrize(("size", "scale"), [("quarter", 1), ("half", 2), ("year", 4)])
def test_a_quarterly_capacity_is_scaled_to_the_stage_length(size, scale):
    assert (
        plan(catalogue({"x.a": ob()}, layers={"rijk": 10.0}), stage_size=size).capacity["rijk"]
        == 10.0 * scale
    )


def test_a_capacity_option_of_none_lifts_the_organisation_s_limit():
    cat = catalogue({"x.a": ob(effort_days=5), "x.b": ob(effort_days=5)})
    p = plan(cat, profiles={"rijk": profile(capacity=5.0)}, capacity={"rijk": None})
    assert (p.capacity["rijk"], stage_of(p, "x.a"), stage_of(p, "x.b")) == (None, "2026-Q4", "2026-Q4")


def test_a_progress_file_s_done_wins_over_the_organisation_s_state():
    from planner.models import Progress, ProgressEntry

    own = profile(states={"x.a": {"state": "not-started"}})
    done = Progress(layer="rijk", done=(ProgressEntry(obligation="x.a"),))
    p = plan(catalogue({"x.a": ob(due="2025-01-01")}), profiles={"rijk": own}, progress=[done])
    assert (_status(p, "x.a"), p.findings) == (Status.DONE, [])
