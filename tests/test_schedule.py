"""The scheduler on tiny hand-written catalogues, each expectation worked out by hand.

Every test plans as of 2026-11-28, so with quarters stage 0 is 2026-Q4, then 2027-Q1, 2027-Q2 ...
"""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path
from typing import Any

import pytest

from planner.errors import UsageError
from planner.loading import load_catalogue, load_progress
from planner.organisation.model import State, StateEntry
from planner.organisation.profile import Profile
from planner.roadmap import PlanContext, build_plan, roadmap

from .conftest import invoke, write_tree

AS_OF = dt.date(2026, 11, 28)


def write_catalogue(
    root: Path,
    obligations: dict[str, dict[str, Any]],
    *,
    capacity: dict[str, float] | None = None,
    milestones: dict[str, dict[str, str]] | None = None,
    scenarios: dict[str, list[dict[str, Any]]] | None = None,
) -> Path:
    """Write a catalogue folder from a compact description and return it.

    Args:
        root: the folder to write into.
        obligations: per obligation id (``act.name``, the act is made from the prefix) a dict
            with ``roles`` ("rijk gemeenten": addressee of each, or {layer: role}) and any of
            ``due``, ``milestone``, ``effort``, ``requires``, ``facility``, ``overlaps`` (lists
            of obligation ids).
        capacity: per layer its capacity in layers.yaml.
        milestones: per act id {milestone id: date}.
        scenarios: per act id its scenarios, as in the YAML.
    """
    layers = [
        {"id": lid, "name": {"en": lid}, "organisations": n, "capacity": (capacity or {}).get(lid)}
        for lid, n in (("rijk", 1), ("gemeenten", 342))
    ]
    files = {
        "layers.yaml": json.dumps({"layers": layers}),
        "themes.yaml": json.dumps({"themes": [{"id": "t", "name": {"en": "T"}}]}),
    }
    acts: dict[str, list[dict[str, Any]]] = {}
    for number, (oid, spec) in enumerate(obligations.items(), start=1):
        roles = spec["roles"]
        ob: dict[str, Any] = {
            "id": oid,
            "title": {"en": f"Title of {oid}"},
            "articles": [f"Art. {number}"],
            "roles": roles if isinstance(roles, dict) else dict.fromkeys(roles.split(), "addressee"),
        }
        for key in ("due", "milestone", "effort"):
            if key in spec:
                ob[key] = spec[key]
        for key, field in (
            ("requires", "requires"),
            ("facility", "needs_facility"),
            ("overlaps", "overlaps"),
        ):
            if spec.get(key):
                ob[field] = [{"to": to, "rationale": {"en": "because"}} for to in spec[key]]
        acts.setdefault(oid.split(".")[0], []).append(ob)
    for aid in sorted(set(acts) | set(milestones or {})):
        act: dict[str, Any] = {
            "id": aid,
            "kind": "national-act",
            "title": {"en": f"Act {aid}"},
            "sources": {"law": {"url": f"https://example.org/{aid}", "title": f"Act {aid}"}},
            "milestones": [
                {"id": mid, "kind": "application", "date": date, "article": "Art. 99", "source": "law"}
                for mid, date in (milestones or {}).get(aid, {}).items()
            ],
            "obligations": acts.get(aid, []),
        }
        if scenarios and aid in scenarios:
            act["scenarios"] = scenarios[aid]
        files[f"{aid}.yaml"] = json.dumps(act)
    return write_tree(root, files)


def plan(root: Path, **options: Any) -> PlanContext:
    """The whole-government plan of a catalogue folder as of AS_OF."""
    return build_plan(load_catalogue(root), options.pop("as_of", AS_OF), **options)


def not_started(layer: str, *obligations: str, capacity: float | None = None) -> Profile:
    """An organisation of `layer` that assessed `obligations` as not started (so known to be behind)."""
    states = {o: StateEntry(state=State.NOT_STARTED) for o in obligations}
    return Profile(layer, "Org", states=states, capacity=capacity)


def stages(ctx: PlanContext, layer: str = "rijk") -> dict[str, str | None]:
    """Obligation id → stage id of one layer's items."""
    return {i.obligation: ctx.plan.stage_id(i.stage) for i in ctx.plan.for_layer(layer)}


def findings(ctx: PlanContext, kind: str) -> list[tuple[str, str, str]]:
    """(obligation, layer, message) of the plan's findings of one kind."""
    return [(f.obligation, f.layer, f.message) for f in ctx.plan.findings if f.kind == kind]


CHAIN = {
    "x.a": {"roles": "rijk"},
    "x.b": {"roles": "rijk", "requires": ["x.a"]},
    "x.c": {"roles": "rijk", "requires": ["x.b"]},
}


# --- prerequisites and deadlines ---------------------------------------------------------------


def test_chain_lands_in_three_consecutive_stages(tmp_path):
    ctx = plan(write_catalogue(tmp_path, CHAIN))
    assert stages(ctx) == {"x.a": "2026-Q4", "x.b": "2027-Q1", "x.c": "2027-Q2"}
    assert [ctx.plan.items[(o, "rijk")].rule for o in ("x.a", "x.b", "x.c")] == [
        "earliest",
        "after-dependency",
        "after-dependency",
    ]


def test_chain_items_without_due_dates_are_planned(tmp_path):
    ctx = plan(write_catalogue(tmp_path, CHAIN))
    assert {i.status for i in ctx.plan.items.values()} == {"planned"}
    assert ctx.plan.findings == []


def test_unreachable_deadline_is_at_risk_naming_the_chain(tmp_path):
    chain = {**CHAIN, "x.c": {**CHAIN["x.c"], "due": "2027-02-15"}}
    ctx = plan(write_catalogue(tmp_path, chain))
    item = ctx.plan.items[("x.c", "rijk")]
    message = (
        "at risk: its prerequisite chain cannot finish earlier: x.b in 2027-Q1 after x.a in 2026-Q4; "
        "due 2027-02-15 (2027-Q1), planned 2027-Q2"
    )
    assert (item.status, ctx.plan.stage_id(item.stage)) == ("at-risk", "2027-Q2")
    assert item.reasons[-1] == message
    assert findings(ctx, "at-risk") == [("x.c", "rijk", message)]


def test_deadline_in_the_last_possible_stage_is_in_time(tmp_path):
    chain = {**CHAIN, "x.c": {**CHAIN["x.c"], "due": "2027-04-01"}}
    item = plan(write_catalogue(tmp_path, chain)).plan.items[("x.c", "rijk")]
    assert (item.status, item.reasons[-1]) == ("planned", "due 2027-04-01: in time")


def test_item_due_before_as_of_without_assessment_is_unassessed(tmp_path):
    ctx = plan(write_catalogue(tmp_path, {"x.a": {"roles": "rijk", "due": "2026-06-30"}}))
    item = ctx.plan.items[("x.a", "rijk")]
    assert (item.status, ctx.plan.stage_id(item.stage)) == ("unassessed", "2026-Q4")
    assert item.reasons[-1] == "applies since 2026-06-30; assess whether it is in place"
    assert findings(ctx, "overdue") == []


def test_item_due_before_as_of_known_not_started_is_overdue(tmp_path):
    root = write_catalogue(tmp_path, {"x.a": {"roles": "rijk", "due": "2026-06-30"}})
    ctx = plan(root, organisation=not_started("rijk", "x.a"))
    item = ctx.plan.items[("x.a", "rijk")]
    assert (item.status, ctx.plan.stage_id(item.stage)) == ("overdue", "2026-Q4")
    assert "overdue: due 2026-06-30, before 2026-11-28" in item.reasons
    assert findings(ctx, "overdue") == [("x.a", "rijk", "overdue: due 2026-06-30, before 2026-11-28")]


def test_item_due_later_in_the_as_of_stage_is_not_overdue(tmp_path):
    ctx = plan(write_catalogue(tmp_path, {"x.a": {"roles": "rijk", "due": "2026-12-15"}}))
    assert ctx.plan.items[("x.a", "rijk")].status == "planned"


def test_latest_start_is_propagated_back_to_an_undated_prerequisite(tmp_path):
    # capacity 1: p.prep has no date of its own but p.goal (due 2027-Q1) needs it, so it goes
    # before o.other (due 2027-Q2); without propagation o.other would take 2026-Q4
    root = write_catalogue(
        tmp_path,
        {
            "o.other": {"roles": "rijk", "due": "2027-06-30"},
            "p.goal": {"roles": "rijk", "due": "2027-03-31", "requires": ["p.prep"]},
            "p.prep": {"roles": "rijk"},
        },
        capacity={"rijk": 1},
    )
    ctx = plan(root)
    assert stages(ctx) == {"p.prep": "2026-Q4", "p.goal": "2027-Q1", "o.other": "2027-Q2"}
    assert {i.status for i in ctx.plan.items.values()} == {"planned"}


# --- roles ---------------------------------------------------------------------------------------


def test_every_planning_role_gets_one_item_and_supervisors_none(tmp_path):
    roles = {"rijk": "supervisor", "gemeenten": "co-responsible"}
    root = write_catalogue(tmp_path, {"x.a": {"roles": roles}, "x.b": {"roles": {"rijk": "provider"}}})
    assert sorted(plan(root).plan.items) == [("x.a", "gemeenten"), ("x.b", "rijk")]


# --- joint work packages -----------------------------------------------------------------------


def test_package_spanning_two_acts_shares_a_stage(tmp_path):
    # alone y.fria could start in 2026-Q4, but x.dpia waits on x.inventory, so both go to 2027-Q1
    root = write_catalogue(
        tmp_path,
        {
            "x.inventory": {"roles": "rijk"},
            "x.dpia": {"roles": "rijk", "requires": ["x.inventory"], "overlaps": ["y.fria"]},
            "y.fria": {"roles": "rijk"},
        },
    )
    ctx = plan(root)
    assert stages(ctx) == {"x.inventory": "2026-Q4", "x.dpia": "2027-Q1", "y.fria": "2027-Q1"}
    fria = ctx.plan.items[("y.fria", "rijk")]
    assert (fria.package, fria.rule) == ("pkg-x.dpia", "package")
    assert "together with x.dpia in joint work package pkg-x.dpia" in fria.reasons


def test_package_never_makes_a_member_late_that_could_be_on_time(tmp_path):
    # together, the package would wait for x.inventory (2026-Q4) and land in 2027-Q1, after
    # y.fria's due quarter; y.fria can start now, so it is planned ahead of its package
    root = write_catalogue(
        tmp_path,
        {
            "x.inventory": {"roles": "rijk"},
            "x.dpia": {"roles": "rijk", "requires": ["x.inventory"], "overlaps": ["y.fria"]},
            "y.fria": {"roles": "rijk", "due": "2026-12-31"},
        },
    )
    ctx = plan(root)
    fria = ctx.plan.items[("y.fria", "rijk")]
    assert stages(ctx) == {"x.inventory": "2026-Q4", "y.fria": "2026-Q4", "x.dpia": "2027-Q1"}
    assert (fria.status, fria.package) == ("planned", "pkg-x.dpia")
    assert findings(ctx, "package-split") == [
        (
            "y.fria",
            "rijk",
            "y.fria is planned in 2026-Q4, ahead of the rest of pkg-x.dpia for rijk, to meet its due date 2026-12-31",
        )
    ]


def test_member_late_in_any_case_stays_with_its_package_and_names_it(tmp_path):
    # y.fria is overdue either way: it stays with its package, and the cause names the package
    root = write_catalogue(
        tmp_path,
        {
            "x.inventory": {"roles": "rijk"},
            "x.dpia": {"roles": "rijk", "requires": ["x.inventory"], "overlaps": ["y.fria"]},
            "y.fria": {"roles": "rijk", "requires": ["x.inventory"], "due": "2026-12-31"},
        },
    )
    fria = plan(root).plan.items[("y.fria", "rijk")]
    assert (fria.status, fria.stage, fria.package) == ("at-risk", 1, "pkg-x.dpia")
    assert fria.reasons[-1] == (
        "at risk: its prerequisite chain cannot finish earlier: x.inventory in 2026-Q4; "
        "due 2026-12-31 (2026-Q4), planned 2027-Q1"
    )


def test_package_whose_members_depend_on_each_other_is_split_and_reported(tmp_path):
    root = write_catalogue(
        tmp_path,
        {"x.a": {"roles": "rijk", "overlaps": ["x.b"]}, "x.b": {"roles": "rijk", "requires": ["x.a"]}},
    )
    ctx = plan(root)
    assert stages(ctx) == {"x.a": "2026-Q4", "x.b": "2027-Q1"}
    message = "pkg-x.a cannot be done in one stage by rijk: x.b needs x.a first; it is planned in 2 parts, the prerequisite first"
    assert findings(ctx, "package-split") == [("x.a", "rijk", message), ("x.b", "rijk", message)]


def test_split_keeps_independent_members_together(tmp_path):
    # x.c does not depend on x.a or x.b, so it stays with the first part
    root = write_catalogue(
        tmp_path,
        {
            "x.a": {"roles": "rijk", "overlaps": ["x.b", "x.c"]},
            "x.b": {"roles": "rijk", "requires": ["x.a"], "overlaps": ["x.c"]},
            "x.c": {"roles": "rijk"},
        },
    )
    assert stages(plan(root)) == {"x.a": "2026-Q4", "x.c": "2026-Q4", "x.b": "2027-Q1"}


def test_package_members_through_other_work_are_split(tmp_path):
    # x.b waits on x.mid, which waits on x.a: the package cannot share a stage
    root = write_catalogue(
        tmp_path,
        {
            "x.a": {"roles": "rijk", "overlaps": ["x.b"]},
            "x.b": {"roles": "rijk", "requires": ["x.mid"]},
            "x.mid": {"roles": "rijk", "requires": ["x.a"]},
        },
    )
    ctx = plan(root)
    assert stages(ctx) == {"x.a": "2026-Q4", "x.mid": "2027-Q1", "x.b": "2027-Q2"}
    assert findings(ctx, "package-split")[0][2] == (
        "pkg-x.a cannot be done in one stage by rijk: x.b needs x.a first (through x.mid); "
        "it is planned in 2 parts, the prerequisite first"
    )


# --- capacity ------------------------------------------------------------------------------------

URGENCY = {
    "cap.alpha": {"roles": "rijk", "due": "2027-12-31", "effort": 1},
    "cap.beta": {"roles": "rijk", "due": "2027-06-30", "effort": 1},
    "cap.gamma": {"roles": "rijk", "due": "2027-03-31", "effort": 1},
}


def test_capacity_takes_the_most_urgent_first(tmp_path):
    ctx = plan(write_catalogue(tmp_path, URGENCY, capacity={"rijk": 2}))
    assert stages(ctx) == {"cap.beta": "2026-Q4", "cap.gamma": "2026-Q4", "cap.alpha": "2027-Q1"}
    alpha = ctx.plan.items[("cap.alpha", "rijk")]
    assert (alpha.rule, alpha.status) == ("capacity", "planned")
    assert "earlier stages are full for rijk (capacity 2)" in alpha.reasons
    assert ctx.plan.findings == []


def test_capacity_option_overrides_the_layer_file(tmp_path):
    ctx = plan(write_catalogue(tmp_path, URGENCY), capacity=2, capacity_layer="rijk")
    assert stages(ctx)["cap.alpha"] == "2027-Q1"
    assert ctx.plan.capacity == {"rijk": 2, "gemeenten": None}


def test_deadline_forces_an_overload_and_reports_it(tmp_path):
    same_day = {oid: {**spec, "due": "2026-12-31"} for oid, spec in URGENCY.items()}
    ctx = plan(write_catalogue(tmp_path, same_day, capacity={"rijk": 2}))
    assert set(stages(ctx).values()) == {"2026-Q4"}
    assert ctx.plan.load[("rijk", 0)] == 3
    assert ctx.plan.items[("cap.gamma", "rijk")].rule == "deadline-forced"
    assert findings(ctx, "capacity") == [
        (
            "cap.gamma",
            "rijk",
            "rijk needs more than its capacity of 2 person-days in 2026-Q4 (3 planned), because the due date forces it",
        )
    ]


def test_package_keeps_the_due_dates_it_still_can_meet(tmp_path):
    # p.a (due 2026-Q4) is lost: it needs p.pre, placed in 2026-Q4. p.b (due 2027-Q2) can still
    # be met, so the package is forced into 2027-Q1 although the overdue chain f.one -> f.two
    # fills 2027-Q1 and 2027-Q2 first; the first free stage, 2027-Q3, would make p.b late too.
    root = write_catalogue(
        tmp_path,
        {
            "f.one": {"roles": "rijk", "due": "2026-01-01", "effort": 2, "requires": ["p.pre"]},
            "f.two": {"roles": "rijk", "due": "2026-01-01", "effort": 2, "requires": ["f.one"]},
            "p.pre": {"roles": "rijk", "effort": 1},
            "p.a": {
                "roles": "rijk",
                "due": "2026-12-31",
                "effort": 1,
                "requires": ["p.pre"],
                "overlaps": ["p.b"],
            },
            "p.b": {"roles": "rijk", "due": "2027-06-30", "effort": 1},
        },
        capacity={"rijk": 2},
    )
    ctx = plan(root, organisation=not_started("rijk", "f.one", "f.two", capacity=2))
    assert stages(ctx) == {
        "p.pre": "2026-Q4",
        "f.one": "2027-Q1",
        "p.a": "2027-Q1",
        "p.b": "2027-Q1",
        "f.two": "2027-Q2",
    }
    assert [ctx.plan.items[(o, "rijk")].status for o in ("p.a", "p.b")] == ["at-risk", "planned"]
    assert findings(ctx, "capacity") == [
        (
            "p.a",
            "rijk",
            "rijk needs more than its capacity of 2 person-days in 2027-Q1 (3.5 planned), because the due date forces it",
        )
    ]


def test_work_larger_than_a_stage_s_capacity_is_spread_over_the_stages_it_needs(tmp_path):
    root = write_catalogue(
        tmp_path,
        {"x.big": {"roles": "rijk", "effort": 3}, "x.small": {"roles": "rijk", "effort": 1}},
        capacity={"rijk": 2},
    )
    ctx = plan(root)
    big = ctx.plan.items[("x.big", "rijk")]
    assert (ctx.plan.stage_id(big.stage), ctx.plan.stage_id(big.end)) == ("2026-Q4", "2027-Q1")
    assert [ctx.plan.load[("rijk", s)] for s in (0, 1)] == [1.5, 1.5]
    assert stages(ctx)["x.small"] == "2027-Q2"  # 1.5 + 1 would pass the capacity of 2
    assert findings(ctx, "capacity") == []


# --- facilities across layers ------------------------------------------------------------------

FACILITY = {
    "f.prep": {"roles": "rijk"},
    "f.platform": {"roles": {"rijk": "provider"}, "requires": ["f.prep"]},
    "g.connect": {"roles": "gemeenten", "facility": ["f.platform"]},
}


def test_item_starts_after_the_stage_another_layer_delivers_its_facility(tmp_path):
    ctx = plan(write_catalogue(tmp_path, FACILITY))
    assert stages(ctx, "rijk") == {"f.prep": "2026-Q4", "f.platform": "2027-Q1"}
    assert stages(ctx, "gemeenten") == {"g.connect": "2027-Q2"}
    connect = ctx.plan.items[("g.connect", "gemeenten")]
    assert connect.waits_on == [("needs-facility", "f.platform", "rijk")]
    assert "after facility delivered by rijk: f.platform in 2027-Q1" in connect.reasons


def test_facility_delivered_too_late_blocks_the_item(tmp_path):
    spec = {**FACILITY, "g.connect": {**FACILITY["g.connect"], "due": "2027-03-31"}}
    ctx = plan(write_catalogue(tmp_path, spec))
    message = (
        "blocked: waits on rijk to deliver f.platform in 2027-Q1, too late for its due date; "
        "due 2027-03-31 (2027-Q1), planned 2027-Q2"
    )
    assert ctx.plan.items[("g.connect", "gemeenten")].status == "blocked"
    assert findings(ctx, "blocked") == [("g.connect", "gemeenten", message)]


def test_facility_no_layer_delivers_blocks_the_item(tmp_path):
    spec = {**FACILITY, "f.platform": {"roles": {"rijk": "supervisor"}}}
    ctx = plan(write_catalogue(tmp_path, spec))
    connect = ctx.plan.items[("g.connect", "gemeenten")]
    assert (connect.status, ctx.plan.stage_id(connect.stage)) == ("blocked", "2026-Q4")
    assert connect.reasons[-1] == "blocked: needs f.platform, but no layer is planned to deliver it"


def test_facility_a_scenario_removes_blocks_the_item(tmp_path):
    drop = [
        {
            "id": "drop",
            "title": {"en": "No platform"},
            "changes": [{"obligation": "f.platform", "remove": True}],
        }
    ]
    root = write_catalogue(tmp_path, FACILITY, scenarios={"f": drop})
    ctx = build_plan(load_catalogue(root).with_scenario("drop"), AS_OF)
    connect = ctx.plan.items[("g.connect", "gemeenten")]
    assert (connect.status, connect.reasons[-1]) == (
        "blocked",
        "blocked: needs f.platform, but scenario drop removes it",
    )


def test_layer_roadmaps_are_slices_of_one_plan(tmp_path):
    ctx = plan(write_catalogue(tmp_path, FACILITY))
    whole = {
        (i["obligation"], i["layer"]): s["id"] for s in roadmap(ctx, "all")["stages"] for i in s["items"]
    }
    gemeenten = roadmap(ctx, "gemeenten")
    assert [(i["obligation"], s["id"]) for s in gemeenten["stages"] for i in s["items"]] == [
        ("g.connect", whole[("g.connect", "gemeenten")])
    ]
    assert [s["id"] for s in gemeenten["stages"]] == ["2026-Q4", "2027-Q1", "2027-Q2"]


def test_roadmap_of_unknown_layer_is_a_usage_error(tmp_path):
    ctx = plan(write_catalogue(tmp_path, CHAIN))
    with pytest.raises(UsageError) as err:
        roadmap(ctx, "gemeente")
    assert (
        str(err.value) == "unknown layer 'gemeente' (did you mean 'gemeenten'?); known: all, rijk, gemeenten"
    )


# --- progress ------------------------------------------------------------------------------------


def test_done_items_are_not_planned_and_free_what_waits_on_them(tmp_path):
    root = write_catalogue(tmp_path / "cat", CHAIN)
    write_tree(tmp_path, {"progress.yaml": "done:\n  - obligation: x.a\n    done: 2026-09-01\n"})
    cat = load_catalogue(root)
    ctx = build_plan(cat, AS_OF, progress=[load_progress(tmp_path / "progress.yaml", cat)])
    done = ctx.plan.items[("x.a", "rijk")]
    assert (done.status, done.stage, done.rule) == ("done", None, "done")
    assert done.reasons == ["done on 2026-09-01 according to the progress file"]
    assert stages(ctx) == {"x.a": None, "x.b": "2026-Q4", "x.c": "2027-Q1"}


def test_progress_of_one_layer_leaves_other_layers_planned(tmp_path):
    root = write_catalogue(tmp_path / "cat", {"x.a": {"roles": "rijk gemeenten"}})
    write_tree(tmp_path, {"progress.yaml": "layer: rijk\ndone:\n  - obligation: x.a\n"})
    cat = load_catalogue(root)
    ctx = build_plan(cat, AS_OF, progress=[load_progress(tmp_path / "progress.yaml", cat)])
    assert ctx.plan.items[("x.a", "rijk")].status == "done"
    assert ctx.plan.items[("x.a", "gemeenten")].status == "planned"


def test_unknown_id_in_progress_file_is_exit_1_with_its_place(runner, tmp_path, monkeypatch):
    root = write_catalogue(tmp_path / "cat", CHAIN)
    write_tree(tmp_path, {"progress.yaml": "done:\n  - obligation: x.nope\n"})
    monkeypatch.chdir(tmp_path)
    result = invoke(
        runner,
        "--catalog",
        str(root),
        "roadmap",
        "rijk",
        "--as-of",
        "2026-11-28",
        "--progress",
        "progress.yaml",
    )
    assert result.exit_code == 1
    assert result.stderr.startswith(
        "progress.yaml:2:17: error: done[0].obligation: unknown obligation 'x.nope'"
    )
    assert "Traceback" not in result.output


# --- scenarios -----------------------------------------------------------------------------------

SCENARIO = {
    "m.x": {"roles": "rijk", "milestone": "application", "effort": 1},
    "n.y": {"roles": "rijk", "due": "2027-03-31", "effort": 1},
}
EARLY = [
    {
        "id": "early",
        "title": {"en": "Apply m sooner"},
        "source": "law",
        "changes": [{"milestone": "application", "date": "2026-12-31"}],
    }
]


def scenario_catalogue(root: Path) -> Path:
    return write_catalogue(
        root,
        SCENARIO,
        capacity={"rijk": 1},
        milestones={"m": {"application": "2027-06-30"}},
        scenarios={"m": EARLY},
    )


def test_without_scenario_the_milestone_date_counts(tmp_path):
    ctx = plan(scenario_catalogue(tmp_path))
    assert stages(ctx) == {"n.y": "2026-Q4", "m.x": "2027-Q1"}
    assert roadmap(ctx, "rijk")["scenario"] is None


def test_scenario_moving_a_milestone_moves_the_item(tmp_path):
    cat = load_catalogue(scenario_catalogue(tmp_path)).with_scenario("early")
    ctx = build_plan(cat, AS_OF)
    assert stages(ctx) == {"m.x": "2026-Q4", "n.y": "2027-Q1"}
    assert ctx.plan.items[("m.x", "rijk")].due == dt.date(2026, 12, 31)
    assert roadmap(ctx, "rijk")["scenario"] == "early"


def test_scenario_option_on_the_command_line_says_which(runner, tmp_path):
    root = scenario_catalogue(tmp_path)
    args = ("--catalog", str(root), "roadmap", "rijk", "--as-of", "2026-11-28", "--format", "json")
    result = invoke(runner, *args, "--scenario", "early")
    assert result.exit_code == 0
    data = json.loads(result.stdout)
    assert data["scenario"] == "early"
    assert [i["obligation"] for i in data["stages"][0]["items"]] == ["m.x"]


# --- stage lengths -------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("size", "expected"),
    [
        ("quarter", {"x.a": "2026-Q4", "x.b": "2027-Q1", "x.c": "2027-Q2"}),
        ("half", {"x.a": "2026-H2", "x.b": "2027-H1", "x.c": "2027-H2"}),
        ("year", {"x.a": "2026", "x.b": "2027", "x.c": "2028"}),
    ],
)
def test_stage_lengths(tmp_path, size, expected):
    assert stages(plan(write_catalogue(tmp_path, CHAIN), stage_size=size)) == expected


def test_half_year_stages_have_calendar_bounds(tmp_path):
    data = roadmap(plan(write_catalogue(tmp_path, CHAIN), stage_size="half"), "rijk")
    assert [(s["id"], s["start"], s["end"]) for s in data["stages"]] == [
        ("2026-H2", "2026-07-01", "2026-12-31"),
        ("2027-H1", "2027-01-01", "2027-06-30"),
        ("2027-H2", "2027-07-01", "2027-12-31"),
    ]


def test_year_stages_need_a_year_per_link_of_a_chain(tmp_path):
    # x.c due 2027-11-15: three quarters fit before it, three years do not
    chain = {**CHAIN, "x.c": {**CHAIN["x.c"], "due": "2027-11-15"}}
    root = write_catalogue(tmp_path, chain)
    assert plan(root).plan.items[("x.c", "rijk")].status == "planned"
    item = plan(root, stage_size="year").plan.items[("x.c", "rijk")]
    assert (item.status, item.reasons[-1]) == (
        "at-risk",
        "at risk: its prerequisite chain cannot finish earlier: x.b in 2027 after x.a in 2026; "
        "due 2027-11-15 (2027), planned 2028",
    )


def test_unknown_stage_length_is_a_usage_error(tmp_path):
    with pytest.raises(UsageError) as err:
        plan(write_catalogue(tmp_path, CHAIN), stage_size="month")
    assert str(err.value) == "--stage: 'month' is not one of: quarter, half, year"


def test_an_overdue_member_is_caught_up_ahead_of_a_package_that_waits(tmp_path):
    # the package waits for x.inventory (2026-Q4) and lands in 2027-Q1; y.old is overdue and
    # could start now, so its catch-up does not wait for the package
    root = write_catalogue(
        tmp_path,
        {
            "x.inventory": {"roles": "rijk"},
            "x.dpia": {"roles": "rijk", "requires": ["x.inventory"], "overlaps": ["y.old"]},
            "y.old": {"roles": "rijk", "due": "2025-01-01"},
        },
    )
    ctx = plan(root, organisation=not_started("rijk", "y.old"))
    assert stages(ctx) == {"x.inventory": "2026-Q4", "y.old": "2026-Q4", "x.dpia": "2027-Q1"}
    assert ctx.plan.items[("y.old", "rijk")].status == "overdue"
    assert findings(ctx, "package-split") == [
        (
            "y.old",
            "rijk",
            "y.old is overdue (due 2025-01-01) and is caught up in 2026-Q4, ahead of the rest of "
            "pkg-x.dpia for rijk, which waits longer",
        )
    ]


def test_a_duty_that_does_not_apply_is_off_the_plan_with_its_question(tmp_path):
    root = write_catalogue(tmp_path, {"x.a": {"roles": "gemeenten", "due": "2027-06-30"}})
    (root / "questions.yaml").write_text(
        "questions:\n- id: q\n  text: {en: Q?}\n  type: bool\n  article: Art. 1\n"
        "  defaults: {gemeenten: {answer: false, rationale: {en: 'Assumption: most do not.'}}}\n"
    )
    act = root / "x.yaml"
    act.write_text(
        act.read_text().replace('"roles"', '"applies_if": {"question": "q", "equals": true}, "roles"')
    )
    item = plan(root).plan.items[("x.a", "gemeenten")]
    assert (item.status, item.stage) == ("not-applicable", None)
    assert item.reasons[-1].startswith("does not apply on the assumed answer for gemeenten: q = no")
