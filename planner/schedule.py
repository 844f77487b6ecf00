"""Staged roadmaps: every obligation of every layer placed in one calendar stage.

The whole government is scheduled at once, so a layer's roadmap is a slice of one consistent
plan: an item that needs another layer's facility sits after the stage in which that layer
delivers it. The unit of planning is an *item*: one obligation for one layer.

Rules, in order of strength:

1. a prerequisite (``requires``) or facility (``needs_facility``) sits in a strictly earlier
   stage than what waits on it;
2. members of one joint work package sit in the same stage (per layer), unless a prerequisite
   between them (direct, or through other work) makes that impossible: then the package is
   split into parts that can each share a stage, and the split is reported;
3. the latest start is propagated backwards from due dates through prerequisite chains, and
   among ready items the earliest latest-start goes first; an item is placed as early as its
   prerequisites and the layer's capacity allow, and never after its due stage when a
   placement in time exists;
4. with a capacity, no stage holds more effort than the layer can carry, unless a due date
   forces it (reported).

The schedule is near-linear in the number of items: one pass to group, one topological pass
for latest starts, one heap-ordered pass to place, where the first stage with room is found
in a segment tree of stage loads (O(log stages)) rather than by walking stage after stage.
"""

from __future__ import annotations

import datetime as dt
import heapq
from collections import defaultdict
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

import networkx as nx

from planner.errors import UsageError
from planner.messages import Msg, Seq
from planner.models import PLANNED_ROLES

if TYPE_CHECKING:
    from planner.analysis import Package
    from planner.catalogue import Catalogue
    from planner.models import Progress

STAGE_SIZES = {"quarter": 3, "half": 6, "year": 12}
STATUSES = ("planned", "at-risk", "overdue", "blocked", "done")
DEFAULT_EFFORT = 1.0
NO_DUE = 10**9
"""The due stage of an item without a due date: later than any real stage."""
EPSILON = 1e-9
"""Efforts are decimals: 0.1 + 0.2 must still fit a capacity of 0.3."""
FINDING_ORDER = ("overdue", "blocked", "at-risk", "capacity", "package-split")

Key = tuple[str, str]
"""An item's key: (obligation id, layer id)."""
Deps = dict[Key, list[tuple[str, Key]]]
"""For each item, what it waits on: (``requires`` or ``needs-facility``, item key)."""


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
    keys: list[Key]
    effort: float
    latest: int = NO_DUE
    due_stage: int = NO_DUE
    # what decided the earliest stage: (kind, the item waited on, the member that waits on it)
    binding: tuple[str, Key, Key] | None = None
    ratio: float = 1.0  # the package's joint effort over its separate effort


def _joint_effort(efforts: list[float], ratio: float) -> float:
    """Members done as one piece of work save a share of their efforts, never below the largest."""
    return max(sum(efforts) * ratio, max(efforts)) if efforts else 0.0


def build_items(cat: Catalogue, progress: list[Progress] | None = None) -> dict[tuple[str, str], Item]:
    """Every (obligation, layer) pair with a planned role, marked done from progress files."""
    done: dict[Key, dt.date | None] = {}
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
                done_on = item.done_on
                item.reasons.append(Msg("done-on", date=done_on) if done_on else Msg("done"))
            items[(oid, layer)] = item
    return items


def _dependencies(cat: Catalogue, items: dict[Key, Item]) -> Deps:
    """For each item, what it waits on: (kind, item key), without repeats.

    A prerequisite the layer plans itself is its own item; one it does not plan (or a facility)
    is waited for from every layer that plans it, and counts as another layer's facility.
    """
    layers_of: dict[str, list[str]] = defaultdict(list)
    for oid, layer in items:
        layers_of[oid].append(layer)
    deps: Deps = {}
    for key, item in items.items():
        ob = cat.obligations[item.obligation]
        waits: dict[Key, str] = {}
        for kind, rels in (("requires", ob.requires), ("needs-facility", ob.needs_facility)):
            for rel in rels:
                if kind == "requires" and (rel.to, item.layer) in items:
                    waits.setdefault((rel.to, item.layer), kind)
                    continue
                for layer in layers_of.get(rel.to, []):
                    waits.setdefault((rel.to, layer), "needs-facility" if layer != item.layer else kind)
        waits.pop(key, None)  # the loader reports an obligation that waits on itself
        if waits:
            deps[key] = [(kind, dep) for dep, kind in waits.items()]
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
            overrides each layer's ``capacity`` in the catalogue.
        progress: progress files; their obligations are ``done`` and not planned.

    Returns:
        The plan, with a status, a stage and reasons for every item.

    Raises:
        UsageError: `stage_size` is not a known stage length.

    Example:
        >>> from planner.loading import load_catalogue
        >>> from pathlib import Path
        >>> cat = load_catalogue(Path("tests/data/minimal"))
        >>> plan = schedule(cat, dt.date(2026, 11, 28))
        >>> [(o, layer, plan.stage_id(i.stage)) for (o, layer), i in sorted(plan.items.items())][:3]
        [('act-a.assess', 'gemeenten', '2027-Q1'), ('act-a.assess', 'rijk', '2027-Q1'), ('act-a.inventory', 'gemeenten', '2026-Q4')]
    """
    if stage_size not in STAGE_SIZES:
        raise UsageError(f"stage size {stage_size!r} is not one of: {', '.join(STAGE_SIZES)}")
    items = build_items(cat, progress)
    deps = _dependencies(cat, items)
    first = period_index(as_of, stage_size)
    caps = {lid: layer.capacity for lid, layer in cat.layers.items()}
    caps.update(capacity or {})
    findings: list[Finding] = []
    due_stages = {
        key: NO_DUE if item.due is None else period_index(item.due, stage_size) - first
        for key, item in items.items()
    }
    groups, group_of = _groups(items, deps, packages or [], findings)
    graph = _group_graph(groups, group_of, deps)
    order = list(nx.topological_sort(graph))
    for gid in reversed(order):  # latest start, propagated backwards through what waits on it
        group = groups[gid]
        group.due_stage = min(due_stages[k] for k in group.keys)
        group.latest = min([group.due_stage, *(groups[s].latest - 1 for s in graph.successors(gid))])
    _place_all(
        graph,
        groups,
        group_of,
        items,
        deps,
        caps,
        due_stages,
        findings,
        lambda s: period_bounds(first + s, stage_size)[0],
    )
    load: dict[tuple[str, int], float] = defaultdict(float)
    for group in groups.values():
        load[(group.layer, items[group.keys[0]].stage or 0)] += group.effort
    scenario = cat.scenario.id if cat.scenario else None
    plan = Plan(as_of, stage_size, first, items, findings, caps, dict(sorted(load.items())), scenario)
    _explain(plan, cat, deps, groups, group_of, due_stages)
    return plan


def _group_graph(groups: dict[str, _Group], group_of: dict[Key, str], deps: Deps) -> nx.DiGraph:
    """Groups with an edge from what is waited on to what waits (done items impose nothing)."""
    graph = nx.DiGraph()
    graph.add_nodes_from(sorted(groups))
    for key, waits in deps.items():
        for _, dep in waits:
            if key in group_of and dep in group_of:
                graph.add_edge(group_of[dep], group_of[key])
    return graph


def _place_all(
    graph: nx.DiGraph,
    groups: dict[str, _Group],
    group_of: dict[Key, str],
    items: dict[Key, Item],
    deps: Deps,
    caps: dict[str, float | None],
    due_stages: dict[Key, int],
    findings: list[Finding],
    stage_name: Callable[[int], str],
) -> None:
    """Place every group: ready groups by latest start, each in its first stage with room."""
    loads = {layer: _Loads(cap) for layer, cap in caps.items() if cap is not None}
    indegree = {gid: graph.in_degree(gid) for gid in graph}
    ready = [(groups[g].latest, groups[g].due_stage, g) for g, n in indegree.items() if n == 0]
    heapq.heapify(ready)
    while ready:
        _, _, gid = heapq.heappop(ready)
        group = groups[gid]
        earliest, own = _earliest(group, items, deps)
        # A package never makes a member late that could be on time on its own: such members
        # are planned ahead of the rest of the package, and the split is reported.
        ahead = (
            [k for k in group.keys if own[k][0] <= due_stages[k] < earliest] if len(group.keys) > 1 else []
        )
        for key in ahead:
            _plan_ahead(
                key, group, groups, group_of, items, own[key], due_stages[key], loads, findings, stage_name
            )
        if ahead:
            earliest, own = _earliest(group, items, deps)
        # the latest start keeps what waits on it in time; when that is lost already, the due
        # dates of its own members that can still be met are kept
        deadline: int | None = group.latest
        if group.latest < earliest:
            deadline = min((due_stages[k] for k in group.keys if due_stages[k] >= earliest), default=None)
        stage, rule = earliest, "earliest"
        if group.layer in loads:
            stage, rule = loads[group.layer].place(group.effort, earliest, deadline)
            _capacity_finding(group, stage, rule, loads[group.layer], items, findings, stage_name)
        for key in group.keys:
            items[key].stage = stage
            items[key].rule = rule
            if rule == "earliest" and group.binding is not None:
                items[key].rule = "after-dependency" if own[key][0] == earliest else "package"
        for succ in graph.successors(gid):
            indegree[succ] -= 1
            if indegree[succ] == 0:
                heapq.heappush(ready, (groups[succ].latest, groups[succ].due_stage, succ))


def _earliest(
    group: _Group, items: dict[Key, Item], deps: Deps
) -> tuple[int, dict[Key, tuple[int, tuple[str, Key, Key] | None]]]:
    """The first stage a group can start in, and per member its own first stage and binding.

    Sets ``group.binding`` to what decides the group's earliest stage.
    """
    earliest = 0
    group.binding = None
    own: dict[Key, tuple[int, tuple[str, Key, Key] | None]] = {}
    for key in group.keys:
        first, binding = 0, None
        for kind, dep in deps.get(key, []):
            placed = items[dep].stage
            if items[dep].status == "done" or placed is None:
                continue
            if placed + 1 > first:
                first, binding = placed + 1, (kind, dep, key)
        own[key] = (first, binding)
        if first > earliest:
            earliest, group.binding = first, binding
    return earliest, own


def _plan_ahead(
    key: Key,
    group: _Group,
    groups: dict[str, _Group],
    group_of: dict[Key, str],
    items: dict[Key, Item],
    own: tuple[int, tuple[str, Key, Key] | None],
    due_stage: int,
    loads: dict[str, _Loads],
    findings: list[Finding],
    stage_name: Callable[[int], str],
) -> None:
    """Take a member out of its package group and place it on its own, in time."""
    first, binding = own
    group.keys.remove(key)
    group.effort = _joint_effort([items[k].effort for k in group.keys], group.ratio)
    single = _Group(f"{key[0]}@{key[1]}", key[1], [key], items[key].effort, binding=binding)
    groups[single.id] = single
    group_of[key] = single.id
    stage, rule = first, "earliest"
    if key[1] in loads:
        stage, rule = loads[key[1]].place(single.effort, first, due_stage)
        _capacity_finding(single, stage, rule, loads[key[1]], items, findings, stage_name)
    items[key].stage = stage
    items[key].rule = "after-dependency" if rule == "earliest" and binding is not None else rule
    findings.append(
        Finding(
            "package-split",
            key[0],
            key[1],
            Msg(
                "ahead-of-package",
                obligation=key[0],
                stage=stage_name(stage),
                package=items[key].package,
                layer=key[1],
                due=items[key].due,
            ),
        )
    )


def _capacity_finding(
    group: _Group,
    stage: int,
    rule: str,
    loads: _Loads,
    items: dict[Key, Item],
    findings: list[Finding],
    stage_name: Callable[[int], str],
) -> None:
    """Report a stage pushed over capacity, by a due date or by a group too big for any stage."""
    if rule != "deadline-forced" and group.effort <= (loads.capacity + EPSILON):
        return
    name = stage_name(stage)
    what = items[group.keys[0]].package if len(group.keys) > 1 else group.keys[0][0]
    cause = (
        Msg("cause-due-date")
        if rule == "deadline-forced"
        else Msg("cause-too-big", what=what, effort=group.effort)
    )
    findings.append(
        Finding(
            "capacity",
            group.keys[0][0],
            group.layer,
            Msg(
                "over-capacity",
                layer=group.layer,
                load=loads.load(stage),
                stage=name,
                capacity=loads.capacity,
                cause=cause,
            ),
        )
    )


class _Loads:
    """Effort placed per stage for one layer with a capacity: a growable min-segment tree.

    ``place`` finds the first stage from `earliest` with room in O(log stages): full stages are
    skipped by the tree, never walked one by one. Efforts differ, so whether a stage is "full"
    depends on what is placed: a union-find over full stages would still walk the stages that
    are partly filled; the tree answers "first stage with load at most capacity - effort" exactly.

    >>> loads = _Loads(2.0)
    >>> [loads.place(1.0, 0, None)[0] for _ in range(5)]
    [0, 0, 1, 1, 2]
    >>> loads.place(1.0, 0, 1)
    (0, 'deadline-forced')
    >>> loads.place(3.0, 0, None)  # too big for any stage: an empty one
    (3, 'capacity')
    """

    def __init__(self, capacity: float) -> None:
        self.capacity = capacity
        self.size = 1
        self.tree = [0.0, 0.0]

    def _grow(self, stage: int) -> None:
        if stage < self.size:
            return
        size = self.size
        while size <= stage:
            size *= 2
        tree = [0.0] * (2 * size)
        tree[size : size + self.size] = self.tree[self.size :]
        for i in range(size - 1, 0, -1):
            tree[i] = min(tree[2 * i], tree[2 * i + 1])
        self.size, self.tree = size, tree

    def load(self, stage: int) -> float:
        """The effort placed in `stage`."""
        return self.tree[self.size + stage] if stage < self.size else 0.0

    def add(self, stage: int, effort: float) -> None:
        """Add `effort` to `stage`."""
        self._grow(stage)
        i = self.size + stage
        self.tree[i] += effort
        while i > 1:
            i //= 2
            self.tree[i] = min(self.tree[2 * i], self.tree[2 * i + 1])

    def first_at_most(self, start: int, limit: float) -> int:
        """The first stage from `start` whose load is at most `limit` (stages past the tree are empty)."""
        if start >= self.size:
            return start
        found = self._search(1, 0, self.size, start, limit)
        return self.size if found is None else found

    def _search(self, node: int, lo: int, hi: int, start: int, limit: float) -> int | None:
        if hi <= start or self.tree[node] > limit:
            return None
        if hi - lo == 1:
            return lo
        mid = (lo + hi) // 2
        left = self._search(2 * node, lo, mid, start, limit)
        return left if left is not None else self._search(2 * node + 1, mid, hi, start, limit)

    def least_loaded(self, lo: int, hi: int) -> int:
        """The least loaded stage in [lo, hi], the earliest of equals."""
        self._grow(hi)
        best = float("inf")
        left, right = lo + self.size, hi + self.size + 1
        while left < right:
            if left & 1:
                best, left = min(best, self.tree[left]), left + 1
            if right & 1:
                right -= 1
                best = min(best, self.tree[right])
            left, right = left // 2, right // 2
        return self.first_at_most(lo, best)

    def place(self, effort: float, earliest: int, deadline: int | None) -> tuple[int, str]:
        """Put `effort` in the first stage from `earliest` with room, or force it in by `deadline`.

        Returns:
            The stage and the rule that chose it: ``earliest``, ``capacity`` (later stages
            because earlier ones were full) or ``deadline-forced`` (over capacity).
        """
        # an effort larger than the capacity fits no stage: it gets an empty one to itself
        limit = self.capacity - effort + EPSILON if effort <= self.capacity + EPSILON else 0.0
        stage = self.first_at_most(earliest, limit)
        rule = "earliest" if stage == earliest else "capacity"
        if deadline is not None and earliest <= deadline < stage:
            stage, rule = self.least_loaded(earliest, deadline), "deadline-forced"
        self.add(stage, effort)
        return stage, rule


def _groups(
    items: dict[Key, Item],
    deps: Deps,
    packages: list[Package],
    findings: list[Finding],
) -> tuple[dict[str, _Group], dict[Key, str]]:
    """One group per package and layer (members not done), else one group per open item.

    Every member item carries its package id. A package whose members wait on each other
    (directly, or through other work) cannot share one stage: it is split into parts by how
    deep each member sits in the chain, and the split is reported. Linear in items and edges.
    """
    by_obligation: dict[str, list[Key]] = defaultdict(list)
    for key in items:
        by_obligation[key[0]].append(key)
    groups: dict[str, _Group] = {}
    group_of: dict[Key, str] = {}
    ratio_of: dict[str, float] = {}
    for pkg in packages:
        ratio_of[pkg.id] = pkg.effort_joint / pkg.effort_separate if pkg.effort_separate else 1.0
        by_layer: dict[str, list[Key]] = defaultdict(list)
        for member in pkg.members:
            for key in by_obligation.get(member, []):
                if items[key].package is None:  # an obligation sits in one package only
                    items[key].package = pkg.id
                    if items[key].status != "done":
                        by_layer[key[1]].append(key)
        for layer, keys in sorted(by_layer.items()):
            if len(keys) > 1:
                _add_group(groups, group_of, items, f"{pkg.id}@{layer}", sorted(keys), ratio_of[pkg.id])
    for key, item in items.items():
        if key not in group_of and item.status != "done":
            _add_group(groups, group_of, items, f"{key[0]}@{key[1]}", [key], 1.0)
    graph = _group_graph(groups, group_of, deps)
    for component in nx.strongly_connected_components(graph):
        gid = next(iter(component))
        if len(component) == 1 and not graph.has_edge(gid, gid):
            continue
        packed = sorted(g for g in component if len(groups[g].keys) > 1)
        if packed:
            _split(packed, component, groups, group_of, items, deps, ratio_of, findings)
    return groups, group_of


def _add_group(
    groups: dict[str, _Group],
    group_of: dict[Key, str],
    items: dict[Key, Item],
    gid: str,
    keys: list[Key],
    ratio: float,
) -> None:
    efforts = [items[k].effort for k in keys]
    groups[gid] = _Group(gid, keys[0][1], keys, _joint_effort(efforts, ratio), ratio=ratio)
    for key in keys:
        group_of[key] = gid


def _split(
    packed: list[str],
    component: set[str],
    groups: dict[str, _Group],
    group_of: dict[Key, str],
    items: dict[Key, Item],
    deps: Deps,
    ratio_of: dict[str, float],
    findings: list[Finding],
) -> None:
    """Split the package groups of one cycle of groups by depth, and report each split.

    Every wait inside the cycle goes from a shallower item to a deeper one, so parts of one
    depth can share a stage and the groups no longer wait on each other in a circle.
    """
    inside = {k for g in component for k in groups[g].keys}
    sub = nx.DiGraph()
    sub.add_nodes_from(sorted(inside))
    sub.add_edges_from((dep, k) for k in sorted(inside) for _, dep in deps.get(k, []) if dep in inside)
    depth: dict[Key, int] = {}
    for node in nx.topological_sort(sub):
        depth[node] = max((depth[p] + 1 for p in sub.predecessors(node)), default=0)
    for gid in packed:
        group = groups[gid]
        parts: dict[int, list[Key]] = defaultdict(list)
        for key in group.keys:
            parts[depth[key]].append(key)
        if len(parts) < 2:
            continue
        del groups[gid]
        package = items[group.keys[0]].package
        for level, keys in sorted(parts.items()):
            _add_group(groups, group_of, items, f"{gid}#{level + 1}", keys, ratio_of.get(package or "", 1.0))
        members = set(group.keys)
        causes = [_split_cause(k, members, sub, depth, items) for k in group.keys if depth[k] > 0]
        shown = Seq([*causes[:3], *(["..."] if len(causes) > 3 else [])], "; ")
        message = Msg("package-split", package=package, layer=group.layer, causes=shown, parts=len(parts))
        for key in group.keys:
            findings.append(Finding("package-split", key[0], key[1], message))


def _split_cause(
    key: Key, members: set[Key], sub: nx.DiGraph, depth: dict[Key, int], items: dict[Key, Item]
) -> Msg:
    """`key` needs a fellow member first (perhaps through other work), in words."""
    chain: list[Key] = []
    node = key
    while depth[node] > 0:
        node = min(p for p in sub.predecessors(node) if depth[p] == depth[node] - 1)
        chain.append(node)
        if node in members:
            between = [_name(k, key[1]) for k in chain[:-1]]
            if between:
                return Msg("needs-first-through", obligation=key[0], other=node[0], between=Seq(between))
            return Msg("needs-first", obligation=key[0], other=node[0])
    return Msg(
        "waits-with-package",
        obligation=key[0],
        chain=Seq([_name(k, key[1]) for k in chain]),
        package=items[chain[-1]].package,
    )


def _name(key: Key, layer: str) -> str:
    """An item's obligation, with its layer when that is not `layer`."""
    return key[0] if key[1] == layer else f"{key[0]} ({key[1]})"


def _explain(
    plan: Plan,
    cat: Catalogue,
    deps: Deps,
    groups: dict[str, _Group],
    group_of: dict[Key, str],
    due_stages: dict[Key, int],
) -> None:
    """Statuses and reasons: every status other than planned names its cause."""
    items = plan.items
    for key, item in sorted(items.items()):
        if item.status == "done":
            continue
        group = groups[group_of[key]]
        stage_name = plan.stage_id(item.stage)
        waits = [(kind, items[dep]) for kind, dep in deps.get(key, []) if items[dep].status != "done"]
        item.waits_on = [(kind, d.obligation, d.layer) for kind, d in waits]
        if item.rule == "earliest" and not waits:
            item.reasons.append(Msg("start-now", stage=stage_name))
        for kind, dep in sorted(waits, key=lambda w: (w[1].stage or 0, w[1].obligation, w[1].layer)):
            where = plan.stage_id(dep.stage)
            if kind == "requires":
                item.reasons.append(Msg("after-prerequisite", obligation=dep.obligation, stage=where))
            else:
                item.reasons.append(
                    Msg("after-facility", layer=dep.layer, obligation=dep.obligation, stage=where)
                )
        others = [k[0] for k in group.keys if k != key]
        if others:
            item.reasons.append(Msg("together", others=Seq(others), package=item.package))
        if item.rule == "package" and group.binding is not None:
            _, dep_key, member = group.binding
            item.reasons.append(
                Msg(
                    "package-starts",
                    package=item.package,
                    stage=stage_name,
                    dep=_name(dep_key, item.layer),
                    dep_stage=plan.stage_id(items[dep_key].stage),
                    member=member[0],
                )
            )
        if item.rule == "capacity":
            item.reasons.append(Msg("stages-full", layer=item.layer, capacity=plan.capacity.get(item.layer)))
        if item.rule == "deadline-forced":
            item.reasons.append(Msg("deadline-forced", stage=stage_name))
        if item.due is not None and item.due < plan.as_of:
            _flag(plan, item, "overdue", Msg("overdue", due=item.due, as_of=plan.as_of))
        elif item.stage is not None and item.stage > due_stages[key]:
            status, cause = _late_cause(plan, item, waits, groups, group_of)
            due_name = plan.stage_id(due_stages[key])
            _flag(
                plan,
                item,
                status,
                Msg("late", cause=cause, due=item.due, due_stage=due_name, stage=stage_name),
            )
        elif item.due is not None:
            item.reasons.append(Msg("in-time", due=item.due))
    _undelivered(plan, cat)
    plan.findings.sort(key=lambda f: (FINDING_ORDER.index(f.kind), f.obligation, f.layer, f.message))


def _flag(plan: Plan, item: Item, status: str, message: str) -> None:
    """Give `item` a status other than planned, with its cause as reason and finding."""
    item.status = status
    item.reasons.append(message)
    plan.findings.append(Finding(status, item.obligation, item.layer, message))


def _late_cause(
    plan: Plan,
    item: Item,
    waits: list[tuple[str, Item]],
    groups: dict[str, _Group],
    group_of: dict[Key, str],
) -> tuple[str, str]:
    """Why an item sits after its due stage: (``blocked`` or ``at-risk``, a sentence).

    The cause is the chain of what decided each stage, followed back from the item: its own
    latest prerequisite or facility, else the one its joint work package waits on.
    """
    group = groups[group_of[item.key]]
    if group.binding is None:  # cannot happen while due dates force capacity; kept as a guard
        return "at-risk", Msg("no-room", layer=item.layer)
    kind, first, member = group.binding
    bound = plan.items[first].stage
    own = [(k, d.key) for k, d in waits if d.stage == bound]
    if own:
        (kind, first), via = own[0], ""
    else:
        via = Msg("via-package", package=item.package, member=member[0])
    if kind == "needs-facility" and first[1] != item.layer:
        return "blocked", Msg(
            "blocked-late", layer=first[1], obligation=first[0], stage=plan.stage_id(bound), via=via
        )
    chain = [Msg("in-stage", name=_name(first, item.layer), stage=plan.stage_id(bound))]
    node = groups.get(group_of.get(first, ""))
    while node is not None and node.binding is not None and len(chain) < 8:
        waited = node.binding[1]
        chain.append(
            Msg("in-stage", name=_name(waited, item.layer), stage=plan.stage_id(plan.items[waited].stage))
        )
        node = groups.get(group_of.get(waited, ""))
    return "at-risk", Msg("at-risk-chain", chain=Seq(chain, " after "), via=via)


def _undelivered(plan: Plan, cat: Catalogue) -> None:
    """Block items whose facility no layer plans (or a scenario removed)."""
    delivered = {k[0] for k in plan.items}
    removed = {c.obligation for c in cat.scenario.changes if c.remove} if cat.scenario else set()
    for _, item in sorted(plan.items.items()):
        if item.status == "done":
            continue
        for rel in cat.obligations[item.obligation].needs_facility:
            if rel.to in delivered:
                continue
            why = Msg("no-provider")
            if cat.scenario and rel.to in removed:
                why = Msg("scenario-removes", scenario=cat.scenario.id)
            message = Msg("blocked-missing", obligation=rel.to, why=why)
            if item.status == "overdue":  # overdue says more; the missing facility is still told
                item.reasons.append(message)
                plan.findings.append(Finding("blocked", item.obligation, item.layer, message))
            else:
                _flag(plan, item, "blocked", message)
