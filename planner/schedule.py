"""Staged roadmaps: every obligation of every layer placed in one calendar stage.

The whole government is scheduled at once, so a layer's roadmap is a slice of one consistent
plan: an item that needs another layer's facility sits after the stage in which that layer
delivers it. The unit of planning is an *item*: one obligation for one layer.

Rules, in order of strength:

1. a prerequisite (``requires``) or facility (``needs_facility``) sits in a strictly earlier
   stage than what waits on it;
2. members of one joint work package sit in the same stage (per layer), unless a prerequisite
   between them makes that impossible;
3. the latest start is propagated backwards from due dates through prerequisite chains, and
   among ready items the earliest latest-start goes first; an item is placed as early as its
   prerequisites and the layer's capacity allow, and never after its due stage when a
   placement in time exists;
4. with a capacity, no stage holds more effort than the layer can carry, unless a due date
   forces it (reported).
"""

from __future__ import annotations

import datetime as dt
import heapq
from collections import defaultdict
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

import networkx as nx

from planner.models import PLANNED_ROLES

if TYPE_CHECKING:
    from planner.analysis import Package
    from planner.catalogue import Catalogue
    from planner.models import Progress

STAGE_SIZES = {"quarter": 3, "half": 6, "year": 12}
STATUSES = ("planned", "at-risk", "overdue", "blocked", "done")
DEFAULT_EFFORT = 1.0


def period_index(date: dt.date, size: str) -> int:
    """A running number of the calendar period (quarter, half or year) holding `date`.

    >>> period_index(dt.date(2026, 11, 28), "quarter") - period_index(dt.date(2026, 10, 1), "quarter")
    0
    >>> period_index(dt.date(2027, 1, 1), "half") - period_index(dt.date(2026, 12, 31), "half")
    1
    """
    months = STAGE_SIZES[size]
    return (date.year * 12 + date.month - 1) // months


def period_bounds(index: int, size: str) -> tuple[str, dt.date, dt.date]:
    """The id, first and last day of period `index`.

    >>> period_bounds(period_index(dt.date(2026, 11, 28), "quarter"), "quarter")
    ('2026-Q4', datetime.date(2026, 10, 1), datetime.date(2026, 12, 31))
    >>> period_bounds(period_index(dt.date(2027, 8, 2), "half"), "half")[0]
    '2027-H2'
    >>> period_bounds(period_index(dt.date(2027, 8, 2), "year"), "year")[0]
    '2027'
    """
    months = STAGE_SIZES[size]
    first = index * months
    year, month = divmod(first, 12)
    start = dt.date(year, month + 1, 1)
    end_year, end_month = divmod(first + months, 12)
    end = dt.date(end_year, end_month + 1, 1) - dt.timedelta(days=1)
    n = month // months + 1
    label = {"quarter": f"{year}-Q{n}", "half": f"{year}-H{n}", "year": f"{year}"}[size]
    return label, start, end


@dataclass
class Item:
    """One obligation on one layer's roadmap."""

    obligation: str
    act: str
    layer: str
    due: dt.date | None
    effort: float
    status: str = "planned"
    stage: int | None = None
    package: str | None = None
    rule: str = ""
    reasons: list[str] = field(default_factory=list)
    waits_on: list[tuple[str, str, str]] = field(default_factory=list)  # (kind, obligation, layer)
    done_on: dt.date | None = None

    @property
    def key(self) -> tuple[str, str]:
        """(obligation, layer): unique within a plan."""
        return (self.obligation, self.layer)


@dataclass
class Finding:
    """Something a reader must act on: overdue, at-risk, blocked, capacity, package split."""

    kind: str
    obligation: str
    layer: str
    message: str


@dataclass
class Plan:
    """The whole-government schedule."""

    as_of: dt.date
    stage_size: str
    first: int
    items: dict[tuple[str, str], Item]
    findings: list[Finding]
    capacity: dict[str, float | None]
    load: dict[tuple[str, int], float]
    scenario: str | None = None

    def stage_bounds(self, stage: int) -> tuple[str, dt.date, dt.date]:
        """Id, start and end of relative stage number `stage` (0 = the stage holding as-of)."""
        return period_bounds(self.first + stage, self.stage_size)

    def stage_id(self, stage: int | None) -> str | None:
        """The id of a relative stage, e.g. '2027-Q1'."""
        return None if stage is None else self.stage_bounds(stage)[0]

    def for_layer(self, layer: str | None) -> list[Item]:
        """The items of one layer (all layers with None), in a stable order."""
        items = [i for i in self.items.values() if layer is None or i.layer == layer]
        return sorted(items, key=lambda i: (i.stage if i.stage is not None else -1, i.layer, i.obligation))


@dataclass
class _Group:
    """Items scheduled together (a package's members in one layer, or a single item)."""

    id: str
    layer: str
    keys: list[tuple[str, str]]
    effort: float
    latest: int = 10**9
    due_stage: int = 10**9


def build_items(cat: Catalogue, progress: list[Progress] | None = None) -> dict[tuple[str, str], Item]:
    """Every (obligation, layer) pair with a planned role, marked done from progress files."""
    done: dict[tuple[str, str], dt.date | None] = {}
    for prog in progress or []:
        for entry in prog.done:
            ob = cat.obligations.get(entry.obligation)
            if ob is None:
                continue
            for layer in ob.roles:
                if prog.layer is None or prog.layer == layer:
                    done[(entry.obligation, layer)] = entry.done
    items = {}
    for oid, ob in cat.obligations.items():
        for layer, role in sorted(ob.roles.items()):
            if role not in PLANNED_ROLES:
                continue
            item = Item(oid, ob.act, layer, cat.due(ob), float(ob.effort or DEFAULT_EFFORT))
            if (oid, layer) in done:
                item.status, item.done_on, item.rule = "done", done[(oid, layer)], "done"
                when = f" on {item.done_on}" if item.done_on else ""
                item.reasons.append(f"done{when} according to the progress file")
            items[(oid, layer)] = item
    return items


def _dependencies(
    cat: Catalogue, items: dict[tuple[str, str], Item]
) -> dict[tuple[str, str], list[tuple[str, tuple[str, str]]]]:
    """For each item, what it waits on: (kind, item key)."""
    layers_of: dict[str, list[str]] = defaultdict(list)
    for oid, layer in items:
        layers_of[oid].append(layer)
    deps: dict[tuple[str, str], list[tuple[str, tuple[str, str]]]] = defaultdict(list)
    for key, item in items.items():
        ob = cat.obligations[item.obligation]
        for kind, rels in (("requires", ob.requires), ("needs-facility", ob.needs_facility)):
            for rel in rels:
                if rel.to not in cat.obligations:
                    continue
                if kind == "requires" and (rel.to, item.layer) in items:
                    deps[key].append((kind, (rel.to, item.layer)))
                else:  # another layer's work: wait for every layer that delivers it
                    for layer in layers_of.get(rel.to, []):
                        deps[key].append(("needs-facility" if layer != item.layer else kind, (rel.to, layer)))
    return deps


def schedule(
    cat: Catalogue,
    as_of: dt.date,
    *,
    stage_size: str = "quarter",
    packages: list[Package] | None = None,
    capacity: dict[str, float | None] | None = None,
    progress: list[Progress] | None = None,
) -> Plan:
    """Schedule every obligation of every layer into calendar stages.

    Args:
        cat: the catalogue (with a scenario applied, if any).
        as_of: the date the plan is made on; stage 0 is the period holding it.
        stage_size: ``quarter``, ``half`` or ``year``.
        packages: joint work packages (from :func:`planner.analysis.packages`).
        capacity: effort points per organisation per stage, by layer (None = unlimited);
            defaults to each layer's ``capacity`` in the catalogue.
        progress: progress files; their obligations are ``done`` and not planned.

    Returns:
        The plan, with a status, a stage and reasons for every item.

    Example:
        >>> from planner.loading import load_catalogue
        >>> from pathlib import Path
        >>> cat = load_catalogue(Path("tests/data/minimal"))
        >>> plan = schedule(cat, dt.date(2026, 11, 28))
        >>> [(o, layer, plan.stage_id(i.stage)) for (o, layer), i in sorted(plan.items.items())][:3]
        [('act-a.assess', 'gemeenten', '2027-Q1'), ('act-a.assess', 'rijk', '2027-Q1'), ('act-a.inventory', 'gemeenten', '2026-Q4')]
    """
    items = build_items(cat, progress)
    deps = _dependencies(cat, items)
    first = period_index(as_of, stage_size)
    caps = {lid: layer.capacity for lid, layer in cat.layers.items()}
    caps.update(capacity or {})
    findings: list[Finding] = []

    def due_stage(item: Item) -> int:
        if item.due is None:
            return 10**9
        return period_index(item.due, stage_size) - first

    groups, group_of = _groups(items, deps, packages or [], findings)
    # group precedence graph (done items impose nothing: they are finished)
    gdeps: dict[str, set[str]] = defaultdict(set)
    graph = nx.DiGraph()
    graph.add_nodes_from(groups)
    for key, waits in deps.items():
        if items[key].status == "done":
            continue
        for _, dep in waits:
            if items[dep].status != "done" and group_of[dep] != group_of[key]:
                gdeps[group_of[key]].add(group_of[dep])
                graph.add_edge(group_of[dep], group_of[key])
    order = list(nx.lexicographical_topological_sort(graph))
    for gid in order:
        group = groups[gid]
        group.due_stage = min(due_stage(items[k]) for k in group.keys)
    for gid in reversed(order):  # latest start, propagated backwards
        group = groups[gid]
        latest = group.due_stage
        for succ in graph.successors(gid):
            latest = min(latest, groups[succ].latest - 1)
        group.latest = latest

    load: dict[tuple[str, int], float] = defaultdict(float)
    placed: dict[str, int] = {}
    indegree = {gid: graph.in_degree(gid) for gid in order}
    ready = [(groups[g].latest, groups[g].due_stage, g) for g in order if indegree[g] == 0]
    heapq.heapify(ready)
    while ready:
        _, _, gid = heapq.heappop(ready)
        group = groups[gid]
        earliest, because = 0, None
        for dep_gid in sorted(gdeps[gid]):
            if placed[dep_gid] + 1 > earliest:
                earliest, because = placed[dep_gid] + 1, dep_gid
        stage, rule = _place(group, earliest, caps.get(group.layer), load)
        if because is not None and rule == "earliest":
            rule = "after-dependency"
        placed[gid] = stage
        load[(group.layer, stage)] += group.effort
        for key in group.keys:
            items[key].stage = stage
            items[key].rule = rule
        if rule == "deadline-forced":
            findings.append(
                Finding(
                    "capacity",
                    group.keys[0][0],
                    group.layer,
                    f"{group.layer} needs {load[(group.layer, stage)]:g} effort points in "
                    f"{period_bounds(first + stage, stage_size)[0]}, more than its capacity of "
                    f"{caps.get(group.layer):g}, because the due date forces it",
                )
            )
        for succ in sorted(graph.successors(gid)):
            indegree[succ] -= 1
            if indegree[succ] == 0:
                heapq.heappush(ready, (groups[succ].latest, groups[succ].due_stage, succ))
    plan = Plan(
        as_of, stage_size, first, items, findings, caps, dict(load), cat.scenario.id if cat.scenario else None
    )
    _explain(plan, cat, deps, groups, group_of, due_stage)
    return plan


def _groups(
    items: dict[tuple[str, str], Item],
    deps: dict[tuple[str, str], list[tuple[str, tuple[str, str]]]],
    packages: list[Package],
    findings: list[Finding],
) -> tuple[dict[str, _Group], dict[tuple[str, str], str]]:
    """One group per package and layer (members not done), else one group per item.

    A package whose members depend on each other (directly or through other items) cannot
    share a stage; it is split back into single items and reported.
    """
    group_of: dict[tuple[str, str], str] = {}
    groups: dict[str, _Group] = {}
    for pkg in packages:
        by_layer: dict[str, list[tuple[str, str]]] = defaultdict(list)
        for member in pkg.members:
            for key, item in items.items():
                if key[0] == member and item.status != "done":
                    by_layer[item.layer].append(key)
        for layer, keys in sorted(by_layer.items()):
            if len(keys) < 2:
                continue
            gid = f"{pkg.id}@{layer}"
            ratio = pkg.effort_joint / pkg.effort_separate if pkg.effort_separate else 1.0
            groups[gid] = _Group(gid, layer, sorted(keys), sum(items[k].effort for k in keys) * ratio)
            for key in keys:
                group_of[key] = gid
                items[key].package = pkg.id
    for key, item in items.items():
        if key not in group_of:
            gid = f"{key[0]}@{key[1]}"
            groups[gid] = _Group(gid, key[1], [key], item.effort)
            group_of[key] = gid
    # Split packages that would create a cycle (a member needs another member first).
    while True:
        graph = nx.DiGraph()
        graph.add_nodes_from(groups)
        for key, waits in deps.items():
            for _, dep in waits:
                if items[key].status != "done" and items[dep].status != "done":
                    graph.add_edge(group_of[dep], group_of[key])
        cyclic = [g for g in groups if graph.has_edge(g, g)]
        cyclic += [g for comp in nx.strongly_connected_components(graph) if len(comp) > 1 for g in comp]
        cyclic = sorted({g for g in cyclic if len(groups[g].keys) > 1})
        if not cyclic:
            return groups, group_of
        for gid in cyclic:
            group = groups.pop(gid)
            for key in group.keys:
                single = f"{key[0]}@{key[1]}"
                groups[single] = _Group(single, key[1], [key], items[key].effort)
                group_of[key] = single
                findings.append(
                    Finding(
                        "package-split",
                        key[0],
                        key[1],
                        f"{items[key].package} cannot be done in one stage by {key[1]}: one of its "
                        "members needs another first, so the prerequisite comes first",
                    )
                )


def _place(
    group: _Group, earliest: int, capacity: float | None, load: dict[tuple[str, int], float]
) -> tuple[int, str]:
    """The stage for a group: the first from `earliest` with room; forced in time if needed."""
    if capacity is None:
        return earliest, "earliest"
    budget = capacity
    stage = earliest
    # stages are few (a decade of quarters); overloaded stages are skipped without re-checking
    while (
        load.get((group.layer, stage), 0.0) + group.effort > budget
        and load.get((group.layer, stage), 0.0) > 0
    ):
        if stage >= group.latest >= earliest:
            best = min(range(earliest, group.latest + 1), key=lambda s: (load.get((group.layer, s), 0.0), s))
            return best, "deadline-forced"
        stage += 1
    return stage, ("earliest" if stage == earliest else "capacity")


def _explain(
    plan: Plan,
    cat: Catalogue,
    deps: dict[tuple[str, str], list[tuple[str, tuple[str, str]]]],
    groups: dict[str, _Group],
    group_of: dict[tuple[str, str], str],
    due_stage: object,
) -> None:
    """Statuses and reasons: every status other than planned names its cause."""
    items = plan.items
    for key, item in sorted(items.items()):
        if item.status == "done":
            continue
        stage_name = plan.stage_id(item.stage)
        waits = [(kind, items[dep]) for kind, dep in deps.get(key, []) if items[dep].status != "done"]
        item.waits_on = [(kind, d.obligation, d.layer) for kind, d in waits]
        if item.rule in ("earliest",) and not waits:
            item.reasons.append(f"in {stage_name}: nothing it waits on is open, so it can start now")
        for kind, dep in sorted(waits, key=lambda w: (w[1].stage or 0, w[1].obligation)):
            what = "prerequisite" if kind == "requires" else f"facility delivered by {dep.layer}"
            item.reasons.append(f"after {what} {dep.obligation} in {plan.stage_id(dep.stage)}")
        if item.package:
            others = [k[0] for k in groups[group_of[key]].keys if k != key]
            if others:
                item.reasons.append(f"together with {', '.join(others)} in joint work package {item.package}")
        if item.rule == "capacity":
            item.reasons.append(
                f"earlier stages are full for {item.layer} (capacity {plan.capacity.get(item.layer):g})"
            )
        if item.rule == "deadline-forced":
            item.reasons.append(f"placed in {stage_name} above capacity because its due date forces it")
        ds = due_stage(item)  # type: ignore[operator]
        if item.due is not None and item.due < plan.as_of:
            item.status = "overdue"
            item.reasons.append(f"overdue: due {item.due}, before {plan.as_of}")
            plan.findings.append(
                Finding(
                    "overdue",
                    item.obligation,
                    item.layer,
                    f"{item.obligation} ({item.layer}) was due {item.due}",
                )
            )
        elif item.stage is not None and item.stage > ds:
            binding = [(kind, d) for kind, d in waits if d.stage is not None and d.stage + 1 == item.stage]
            facility = [d for kind, d in binding if kind == "needs-facility" and d.layer != item.layer]
            if facility:
                d = facility[0]
                item.status = "blocked"
                msg = (
                    f"blocked: waits on {d.layer} to deliver {d.obligation} in {plan.stage_id(d.stage)}, "
                    f"too late for its due date {item.due}"
                )
            else:
                item.status = "at-risk"
                chain = [d.obligation for _, d in binding]
                cause = (
                    f"its prerequisite chain ({', '.join(chain)}) cannot finish earlier"
                    if chain
                    else f"{item.layer} has no capacity left in time"
                )
                msg = f"at risk: {cause}; due {item.due} ({plan.stage_id(ds)}), planned {stage_name}"
            item.reasons.append(msg)
            plan.findings.append(Finding(item.status, item.obligation, item.layer, msg))
        if item.due is not None and item.status == "planned":
            item.reasons.append(f"due {item.due}: in time")
    delivered = {k[0] for k in items}
    for _, item in sorted(items.items()):
        ob = cat.obligations[item.obligation]
        for rel in ob.needs_facility:
            if rel.to in cat.obligations and rel.to not in delivered:
                item.status = "blocked" if item.status == "planned" else item.status
                msg = f"blocked: needs {rel.to}, which no layer is planned to deliver"
                item.reasons.append(msg)
                plan.findings.append(Finding("blocked", item.obligation, item.layer, msg))
    plan.findings.sort(
        key=lambda f: (
            ("overdue", "blocked", "at-risk", "capacity", "package-split").index(f.kind),
            f.obligation,
            f.layer,
        )
    )
