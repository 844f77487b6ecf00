"""Invariants of the scheduler on random acyclic catalogues (hypothesis).

The catalogues are built in memory from planner.models objects: a dozen obligations with random
roles over two or three layers, ``requires`` and ``needs_facility`` only towards earlier
obligations (so the catalogue stays acyclic), random overlaps (so random packages), due dates
around the planning date, efforts, capacities, progress, and per layer an organisation that
assessed some duties as not started (so that a duty already due is known to be overdue rather
than unassessed). Each test states one rule of the
issue and checks it on every item, computed from the catalogue rather than from the scheduler.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st

from planner.analysis import Package, packages
from planner.catalogue import Catalogue
from planner.graph import build_graph
from planner.models import (
    PLANNED_ROLES,
    Act,
    ActKind,
    Degree,
    Layer,
    Obligation,
    Overlap,
    Progress,
    ProgressEntry,
    Relation,
    Role,
    Text,
)
from planner.organisation.model import State, StateEntry
from planner.organisation.profile import Profile
from planner.roadmap import PlanContext, roadmap
from planner.schedule import OFF_PLAN, SETTLED, STAGE_SIZES, STATUSES, Item, Plan, period_index, schedule

AS_OF = dt.date(2026, 11, 28)
LAYERS = ("rijk", "provincies", "gemeenten")
EPS = 1e-6
FAST = settings(max_examples=75, deadline=None)
Key = tuple[str, str]


@dataclass
class Case:
    """A random catalogue, planned."""

    cat: Catalogue
    pkgs: list[Package]
    progress: Progress
    profiles: dict[str, Profile]
    plan: Plan

    def due_stage(self, item: Item) -> int | None:
        if item.due is None:
            return None
        size = self.plan.stage_size
        return period_index(item.due, size) - period_index(AS_OF, size)


# Strategies are built once: building them inside the draw loop costs more than scheduling.
PICKS = st.lists(st.integers(0, 10**6), max_size=3)
ROLES = {
    ids: st.dictionaries(st.sampled_from(ids), st.sampled_from(list(Role)), min_size=1)
    for ids in (LAYERS[:2], LAYERS)
}
DUES = st.none() | st.integers(-200, 500).map(lambda d: AS_OF + dt.timedelta(days=d))
# a crowded catalogue: everything due within months and little room, so due dates force overloads
CROWDED_DUES = st.integers(0, 200).map(lambda d: AS_OF + dt.timedelta(days=d))
EFFORTS = st.none() | st.sampled_from([0.5, 1.0, 2.0, 3.0])
CAPACITIES = st.none() | st.sampled_from([1.0, 2.0, 3.0])
DEGREES = st.sampled_from(list(Degree))
WHY = Text(en="because")


def _earlier(draw: st.DrawFn, ids: list[str], i: int) -> list[str]:
    """Up to three of the obligations before the i-th: edges only point back, so no cycles."""
    return sorted({ids[k % i] for k in draw(PICKS)}) if i else []


@st.composite
def cases(draw: st.DrawFn) -> Case:
    layer_ids = draw(st.sampled_from([LAYERS[:2], LAYERS]))
    crowded = draw(st.booleans())
    n_acts = draw(st.integers(1, 3))
    ids = [f"a{i % n_acts}.o{i}" for i in range(draw(st.integers(1, 12)))]
    obligations = [
        Obligation(
            id=oid,
            title=Text(en=oid),
            roles=draw(ROLES[layer_ids]),
            due=draw(CROWDED_DUES if crowded else DUES),
            effort=draw(EFFORTS),
            requires=tuple(Relation(to=t, rationale=WHY) for t in _earlier(draw, ids, i)),
            needs_facility=tuple(Relation(to=t, rationale=WHY) for t in _earlier(draw, ids, i)),
            overlaps=tuple(
                Overlap(to=t, rationale=WHY, degree=draw(DEGREES)) for t in _earlier(draw, ids, i)
            ),
        )
        for i, oid in enumerate(ids)
    ]
    layers = {
        lid: Layer(id=lid, name=Text(en=lid), organisations=1, capacity=1.0 if crowded else draw(CAPACITIES))
        for lid in layer_ids
    }
    acts = {
        f"a{k}": Act(
            id=f"a{k}",
            kind=ActKind.NATIONAL_ACT,
            title=Text(en=f"a{k}"),
            obligations=tuple(o for o in obligations if o.act == f"a{k}"),
        )
        for k in range(n_acts)
    }
    cat = Catalogue(
        root=Path("."),
        layers=layers,
        themes={},
        acts=acts,
        obligations={o.id: o for act in acts.values() for o in act.obligations},
    )
    done = {ids[k % len(ids)] for k in draw(PICKS)}
    progress = Progress(
        layer=draw(st.none() | st.sampled_from(layer_ids)),
        done=tuple(ProgressEntry(obligation=o) for o in sorted(done)),
    )
    started = {ids[k % len(ids)] for k in draw(st.lists(st.integers(0, 10**6), max_size=12))}
    profiles = {
        lid: Profile(
            lid,
            capacity=layers[lid].capacity,
            states={o: StateEntry(state=State.NOT_STARTED) for o in sorted(started)},
        )
        for lid in layer_ids
    }
    pkgs = packages(build_graph(cat), cat)
    size = draw(st.sampled_from(list(STAGE_SIZES)))
    plan = schedule(cat, AS_OF, stage_size=size, packages=pkgs, progress=[progress], profiles=profiles)
    return Case(cat, pkgs, progress, profiles, plan)


def planners(cat: Catalogue, oid: str) -> list[str]:
    """Layers that plan an obligation, from the catalogue."""
    return sorted(lay for lay, role in cat.obligations[oid].roles.items() if role in PLANNED_ROLES)


def waits(case: Case, item: Item) -> list[Item]:
    """What an item must come after, from the rules of the issue (settled work imposes nothing).

    A prerequisite counts in the item's own layer only (another layer's duty imposes nothing);
    a facility counts wherever it is planned.
    """
    ob = case.cat.obligations[item.obligation]
    keys: list[Key] = [(rel.to, item.layer) for rel in ob.requires if (rel.to, item.layer) in case.plan.items]
    for rel in ob.needs_facility:
        keys += [(rel.to, lay) for lay in planners(case.cat, rel.to)]
    return [case.plan.items[k] for k in keys if case.plan.items[k].status not in OFF_PLAN]


def open_items(case: Case) -> list[Item]:
    return [i for i in case.plan.items.values() if i.status not in SETTLED]


def split_keys(case: Case) -> set[Key]:
    return {(f.obligation, f.layer) for f in case.plan.findings if f.kind == "package-split"}


def mates(case: Case, item: Item) -> list[Item]:
    """The open members of the item's package in its layer and stage (itself when alone)."""
    if item.package is None:
        return [item]
    return [
        i
        for i in open_items(case)
        if i.package == item.package and i.layer == item.layer and i.stage == item.stage
    ]


def group_effort(case: Case, group: list[Item]) -> float:
    """Effort of items done as one package: the package's saving share, never below the largest."""
    efforts = [i.effort for i in group]
    if len(group) == 1:
        return efforts[0]
    pkg = next(p for p in case.pkgs if p.id == group[0].package)
    ratio = pkg.effort_joint / pkg.effort_separate if pkg.effort_separate else 1.0
    return max(sum(efforts) * ratio, *efforts)


def own_earliest(case: Case, item: Item) -> int:
    """The stage after the last stage of everything the item waits on."""
    return max([0, *((w.stage or 0) + w.span for w in waits(case, item))])


@FAST
@given(cases())
def test_every_planned_role_is_on_the_roadmap_exactly_once(case):
    expected = {(o, lay) for o in case.cat.obligations for lay in planners(case.cat, o)}
    assert set(case.plan.items) == expected
    ctx = PlanContext(case.cat, case.plan, tuple(case.pkgs))
    for layer in case.cat.layers:
        data = roadmap(ctx, layer)
        listed = [(i["obligation"], i["layer"]) for s in data["stages"] for i in s["items"]]
        listed += [(i["obligation"], i["layer"]) for i in data["off_plan"]]
        assert sorted(listed) == sorted(k for k in expected if k[1] == layer)
    for item in case.plan.items.values():
        assert (item.stage is None) == (item.status in OFF_PLAN)
        assert item.stage is None or item.stage >= 0


@FAST
@given(cases())
def test_prerequisites_and_facilities_sit_strictly_earlier(case):
    for item in open_items(case):
        for dep in waits(case, item):
            assert dep.stage is not None and item.stage is not None
            assert dep.stage < item.stage, (dep.key, item.key)


@FAST
@given(cases())
def test_package_members_share_a_stage_unless_the_split_is_reported(case):
    split = split_keys(case)
    for pkg in case.pkgs:
        members = [i for i in open_items(case) if i.obligation in pkg.members]
        for item in members:
            assert item.package == pkg.id
        for layer in case.cat.layers:
            in_layer = [i for i in members if i.layer == layer]
            if not any(i.key in split for i in in_layer):
                assert len({i.stage for i in in_layer}) <= 1, [i.key for i in in_layer]


@FAST
@given(cases())
def test_capacity_holds_unless_a_capacity_finding_names_the_stage(case):
    plan, split = case.plan, split_keys(case)
    reported = set()  # the stages a capacity finding names, each with the load the plan holds there
    for f in plan.findings:
        if f.kind == "capacity":
            for named in f.message.args["stages"]:
                reported.add((f.layer, named.args["stage"]))
                stage = next(s for s in range(-1, 200) if plan.stage_id(s) == named.args["stage"])
                assert named.args["load"] == round(plan.load[(f.layer, stage)], 1)
    for layer in case.cat.layers:
        cells: dict[int, list[Item]] = {}
        for item in open_items(case):
            if item.layer == layer:  # work that spans stages is in each of them
                for stage in range(item.stage or 0, (item.stage or 0) + item.span):
                    cells.setdefault(stage, []).append(item)
        for stage, cell in cells.items():
            load = plan.load[(layer, stage)]
            if not any(i.key in split for i in cell):  # the load is the cell's groups' effort, spread
                groups: dict[object, list[Item]] = {}
                for i in cell:
                    groups.setdefault(i.package if len(mates(case, i)) > 1 else i.key, []).append(i)
                spread = sum(group_effort(case, g) / g[0].span for g in groups.values())
                assert abs(load - spread) < EPS
            capacity = plan.capacity[layer]
            if capacity is not None and load > capacity + EPS:
                assert (layer, plan.stage_id(stage)) in reported, (layer, stage, load)


@FAST
@given(cases())
def test_no_item_is_later_than_its_waits_its_package_and_capacity_make_it(case):
    plan, split = case.plan, split_keys(case)
    for item in open_items(case):
        together = mates(case, item)
        earliest = max(own_earliest(case, m) for m in together)
        stage = item.stage or 0
        assert stage >= earliest
        assert item.rule in ("earliest", "after-dependency", "package", "capacity", "deadline-forced")
        if item.rule in ("earliest", "after-dependency", "package"):
            assert stage == earliest, item.key
        if item.rule == "capacity" and item.key not in split:
            capacity = plan.capacity[item.layer]
            effort = group_effort(case, together)
            per = effort / item.span
            for earlier in range(earliest, stage):  # every earlier start met a full stage in its span
                loads = [plan.load.get((item.layer, s), 0.0) for s in range(earlier, earlier + item.span)]
                assert capacity is not None and any(
                    load > 0 and load + per > capacity + EPS / 10 for load in loads
                )
        due = case.due_stage(item)
        if due is not None and item.due is not None and item.due >= AS_OF and stage > due:
            assert earliest > due, f"{item.key} is late ({stage} > {due}) though it could start in {earliest}"


@FAST
@given(cases())
def test_every_status_but_planned_names_its_cause(case):
    plan = case.plan
    messages = {(f.kind, f.obligation, f.layer): f.message for f in plan.findings}
    for item in plan.items.values():
        assert item.status in STATUSES
        due = case.due_stage(item)
        if item.status == "done":
            assert item.reasons[-1].endswith("according to the progress file")
            continue
        past_due = item.due is not None and item.due < AS_OF
        assessed = item.obligation in case.profiles[item.layer].states
        assert (item.status == "overdue") == (past_due and assessed)
        assert (item.status == "unassessed") == (past_due and not assessed)
        if item.status == "unassessed":
            assert (item.stage, item.reasons[-1]) == (
                0,
                f"applies since {item.due}; assess whether it is in place",
            )
            continue
        end = (item.stage or 0) + item.span - 1
        if item.status == "planned" and due is not None:
            assert end <= due
        if item.status == "at-risk":
            assert due is not None and end > due
        if item.status in ("at-risk", "blocked", "overdue"):
            message = messages[(item.status, item.obligation, item.layer)]
            assert message in item.reasons
            named = [o for o in case.cat.obligations if o in message]
            assert named or item.status == "overdue" or item.span > 1, message
            if item.status == "overdue":
                assert str(item.due) in message


@settings(max_examples=25, deadline=None)
@given(cases())
def test_the_same_catalogue_gives_the_same_plan(case):
    size = case.plan.stage_size
    again = schedule(
        case.cat, AS_OF, stage_size=size, packages=case.pkgs, progress=[case.progress], profiles=case.profiles
    )
    assert again == case.plan
