"""Joint work packages in the plan: members kept together, and the exceptions that take one ahead."""

from __future__ import annotations

from planner.schedule.model import Status
from tests.unit_a.builders import catalogue, ob, plan, profile, stage_of

# y.b can start in 2027-Q2 at the earliest (after y.q and y.p); x.a alone could start at once
HELD_UP = {"y.q": ob(), "y.p": ob(requires=("y.q",)), "y.b": ob(requires=("y.p",))}


def _split_findings(p):  # type: ignore[no-untyped-def]
    return [(f.obligation, f.message.key) for f in p.findings if f.kind == "package-split"]


def test_a_member_on_time_alone_but_late_with_its_package_goes_ahead_and_it_is_reported():
    p = plan(catalogue({**HELD_UP, "x.a": ob(due="2027-03-31", overlaps=("y.b",))}))
    assert (stage_of(p, "x.a"), stage_of(p, "y.b")) == ("2026-Q4", "2027-Q2")
    assert p.items["x.a", "rijk"].status == Status.PLANNED
    assert _split_findings(p) == [("x.a", "ahead-of-package")]


def test_a_member_that_is_late_either_way_stays_with_its_package():
    late_alone = {"w.first": ob(), "x.a": ob(due="2026-12-31", overlaps=("y.b",), requires=("w.first",))}
    p = plan(catalogue({**HELD_UP, **late_alone}))
    assert stage_of(p, "x.a") == stage_of(p, "y.b")
    assert _split_findings(p) == []


def test_an_overdue_member_is_caught_up_ahead_of_a_package_that_waits():
    own = profile(states={"x.a": {"state": "not-started"}})
    p = plan(catalogue({**HELD_UP, "x.a": ob(due="2025-01-01", overlaps=("y.b",))}), profiles={"rijk": own})
    assert stage_of(p, "x.a") == "2026-Q4"
    assert _split_findings(p) == [("x.a", "catch-up-ahead")]


def test_a_package_without_a_due_date_keeps_its_members_together():
    p = plan(catalogue({**HELD_UP, "x.a": ob(overlaps=("y.b",))}))
    assert stage_of(p, "x.a") == stage_of(p, "y.b") == "2027-Q2"
    assert p.items["x.a", "rijk"].rule == "package"


def test_a_member_taken_ahead_still_respects_the_layer_s_capacity():
    cat = catalogue(
        {
            **HELD_UP,
            "z.busy": ob(effort_days=2, due="2026-12-31"),
            "x.a": ob(due="2027-03-31", overlaps=("y.b",), effort_days=2),
        },
        layers={"rijk": 2},
    )
    p = plan(cat)
    assert (stage_of(p, "z.busy"), stage_of(p, "x.a")) == ("2026-Q4", "2027-Q1")


def test_a_package_member_late_because_of_a_fellow_s_prerequisite_names_the_package():
    late_alone = {"w.first": ob(), "x.a": ob(due="2026-12-31", overlaps=("y.b",), requires=("w.first",))}
    p = plan(catalogue({**HELD_UP, **late_alone}))
    item = p.items["x.a", "rijk"]
    assert item.status == Status.AT_RISK
    assert item.reasons[-1].args["cause"].args["via"].key == "via-package"


def test_an_overdue_duty_whose_facility_nobody_plans_stays_overdue_and_is_also_reported_blocked():
    own = profile(states={"x.u": {"state": "not-started"}})
    cat = catalogue({"x.f": ob(roles={"rijk": "supervisor"}), "x.u": ob(due="2025-01-01", needs=("x.f",))})
    p = plan(cat, profiles={"rijk": own})
    assert p.items["x.u", "rijk"].status == Status.OVERDUE
    assert sorted(f.kind for f in p.findings) == ["blocked", "overdue"]


def test_a_member_whose_own_work_would_end_after_its_due_date_anyway_stays_with_its_package():
    # x.a alone would run 2026-Q4..2027-Q2, past its due date 2026-12-31: it is not "on time
    # alone", so it is not taken ahead with a sentence that claims it meets its due date
    p = plan(catalogue({**HELD_UP, "x.a": ob(due="2026-12-31", overlaps=("y.b",), lead_time_months=9)}))
    assert stage_of(p, "x.a") == stage_of(p, "y.b")
    assert _split_findings(p) == []


def test_spanning_work_that_fits_before_its_due_date_alone_still_goes_ahead():
    p = plan(catalogue({**HELD_UP, "x.a": ob(due="2027-03-31", overlaps=("y.b",), lead_time_months=6)}))
    assert (stage_of(p, "x.a"), p.stage_id(p.items["x.a", "rijk"].end)) == ("2026-Q4", "2027-Q1")
    assert _split_findings(p) == [("x.a", "ahead-of-package")]
