"""The list scheduler: every group placed in a stage, by latest start.

Each group goes in the first stage its prerequisites and its layer's capacity allow; placing
raises its own findings (a stage over capacity, a member planned ahead of its package).
"""

from __future__ import annotations

import heapq
from collections import defaultdict
from collections.abc import Callable

import networkx as nx

from planner.messages import Msg
from planner.schedule.groups import _joint_effort
from planner.schedule.loads import EPSILON, _Loads
from planner.schedule.model import NO_DUE, OFF_PLAN, Deps, Finding, Item, Key, _Group


def _latest_starts(graph: nx.DiGraph, groups: dict[str, _Group], due_stages: dict[Key, int]) -> None:
    """Set each group's due stage and latest start, propagated backwards through what waits on it."""
    for gid in reversed(list(nx.topological_sort(graph))):
        group = groups[gid]
        group.due_stage = min(due_stages[k] for k in group.keys)
        # the work must end in its due stage, and before anything that waits on it starts
        group.latest = min(
            [
                group.due_stage - group.span + 1,
                *(groups[s].latest - group.span for s in graph.successors(gid)),
            ]
        )


def _place_all(
    graph: nx.DiGraph,
    groups: dict[str, _Group],
    group_of: dict[Key, str],
    items: dict[Key, Item],
    deps: Deps,
    loads: dict[str, _Loads],
    due_stages: dict[Key, int],
    findings: list[Finding],
    stage_name: Callable[[int], str],
) -> None:
    """Place every group: ready groups by latest start, each in its first stage with room."""
    indegree = {gid: graph.in_degree(gid) for gid in graph}
    ready = [(groups[g].latest, groups[g].due_stage, g) for g, n in indegree.items() if n == 0]
    heapq.heapify(ready)
    while ready:
        _, _, gid = heapq.heappop(ready)
        group = groups[gid]
        earliest, own = _earliest(group, items, deps)
        earliest = max(earliest, group.not_before)
        # A package never makes a member late that could be on time on its own, nor holds up
        # the catch-up of a member already overdue: such members are planned ahead of the rest
        # of the package, and the split is reported.
        ahead = (
            [
                k
                for k in group.keys
                if own[k][0] <= due_stages[k] < earliest or (own[k][0] < earliest and due_stages[k] < 0)
            ]
            if len(group.keys) > 1
            else []
        )
        if len(ahead) == len(group.keys):  # held back by a deferral of the package, not by a member
            ahead = []
        if ahead:
            # the member that decides `earliest` is never ahead, so the rest is never empty
            taken = set(ahead)
            group.keys = [k for k in group.keys if k not in taken]
            group.effort = _joint_effort([items[k].effort for k in group.keys], group.ratio)
            for key in ahead:
                _plan_ahead(
                    key, groups, group_of, items, own[key], due_stages[key], loads, findings, stage_name
                )
            earliest, own = _earliest(group, items, deps)
        # the latest start keeps what waits on it in time; when that is lost already, the due
        # dates of its own members that can still be met are kept
        deadline: int | None = group.latest
        if group.latest < earliest:
            # a due date still ahead is kept; when the work's length misses it anyway, start now
            still = [due_stages[k] for k in group.keys if earliest <= due_stages[k] < NO_DUE]
            deadline = max(earliest, min(still) - group.span + 1) if still else None
        stage, rule = earliest, "earliest"
        if group.layer in loads:
            stage, rule = loads[group.layer].place(group.effort, earliest, deadline, group.span)
            _capacity_finding(group, stage, rule, loads[group.layer], items, findings, stage_name)
        for key in group.keys:
            items[key].stage = stage
            items[key].span = group.span
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
            end = items[dep].end
            if items[dep].status in OFF_PLAN or end is None:  # an unassessed one is assessed first
                continue
            if end + 1 > first:
                first, binding = end + 1, (kind, dep, key)
        own[key] = (first, binding)
        if first > earliest:
            earliest, group.binding = first, binding
    return earliest, own


def _plan_ahead(
    key: Key,
    groups: dict[str, _Group],
    group_of: dict[Key, str],
    items: dict[Key, Item],
    own: tuple[int, tuple[str, Key, Key] | None],
    due_stage: int,
    loads: dict[str, _Loads],
    findings: list[Finding],
    stage_name: Callable[[int], str],
) -> None:
    """Place a member taken out of its package group on its own, in time."""
    first, binding = own
    single = _Group(
        f"{key[0]}@{key[1]}", key[1], [key], items[key].effort, binding=binding, span=items[key].span
    )
    groups[single.id] = single
    group_of[key] = single.id
    stage, rule = first, "earliest"
    if key[1] in loads:
        stage, rule = loads[key[1]].place(single.effort, first, due_stage - single.span + 1, single.span)
        _capacity_finding(single, stage, rule, loads[key[1]], items, findings, stage_name)
    items[key].stage = stage
    items[key].rule = "after-dependency" if rule == "earliest" and binding is not None else rule
    findings.append(
        Finding(
            "package-split",
            key[0],
            key[1],
            Msg(
                "catch-up-ahead" if due_stage < 0 else "ahead-of-package",
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
    """Report a stage pushed over capacity, by a due date or by a group too big for any stage.

    Work that spans stages is reported in the most loaded stage it takes.
    """
    if rule != "deadline-forced" and group.effort / group.span <= (loads.capacity + EPSILON):
        return
    stage = max(range(stage, stage + group.span), key=lambda s: (loads.load(s), -s))
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


def _stage_loads(
    groups: dict[str, _Group], items: dict[Key, Item], recurring: dict[tuple[str, int], float]
) -> dict[tuple[str, int], float]:
    """The effort (person-days) each layer has placed in each stage, sorted by layer and stage.

    A group's effort is spread evenly over the stages it spans; recurring work comes on top.
    """
    load: dict[tuple[str, int], float] = defaultdict(float, recurring)
    for group in groups.values():
        first = items[group.keys[0]].stage or 0
        for stage in range(first, first + group.span):
            load[(group.layer, stage)] += group.effort / group.span
    return dict(sorted(load.items()))
