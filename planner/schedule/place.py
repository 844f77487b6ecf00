"""The list scheduler: every group placed in a stage, by latest start.

Each group goes in the first stage its prerequisites and its layer's capacity allow; placing
raises its own findings (a member planned ahead of its package), and records the placements
over capacity, reported once the plan is complete with its final loads.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable
from dataclasses import dataclass, field

import networkx as nx

from planner.messages import Msg, Seq
from planner.schedule.groups import joint_effort
from planner.schedule.loads import EPSILON, StageLoads
from planner.schedule.model import NO_DUE, OFF_PLAN, Deps, Finding, Group, Item, Key, Rule


def latest_starts(
    graph: nx.DiGraph,
    groups: dict[str, Group],
    due_stages: dict[Key, int],
    setup_by: dict[Key, int] | None = None,
) -> None:
    """Set each group's due stage, latest start and target, propagated backwards through what waits on it.

    `setup_by` gives, per recurring duty still to set up, the relative stage of its first coming
    occurrence: its setup should end by then (the occurrence then falls in or after the setup),
    and so should what it waits on. That is a target, not a due date: it puts the work earlier
    in the order of placing, within capacity (:func:`place_all`).
    """
    setup_by = setup_by or {}
    for gid in reversed(list(nx.topological_sort(graph))):
        group = groups[gid]
        group.due_stage = min(due_stages[k] for k in group.keys)
        successors = list(graph.successors(gid))
        # the work must end in its due stage, and before anything that waits on it starts
        group.latest = min(
            [group.due_stage - group.span + 1, *(groups[s].latest - group.span for s in successors)]
        )
        group.target = min(
            [
                group.latest,
                *(setup_by[k] - group.span + 1 for k in group.keys if k in setup_by),
                *(groups[s].target - group.span for s in successors),
            ]
        )


@dataclass
class Placing:
    """What placing reads and changes, held once instead of passed along to every step.

    Attributes:
        graph: the groups and what waits on what (an edge runs from prerequisite to dependant).
        groups: every group by id; placing adds a group for a member planned ahead of its package.
        group_of: each item's group id.
        items: every item; placing sets their stage, span and rule.
        deps: what each item waits on.
        loads: per layer with a capacity, its stage loads.
        due_stages: each item's due stage.
        findings: the plan's findings; placing adds capacity and package-split findings.
        stage_name: a relative stage's id, for messages.
        occurrences: per recurring item that reserves workload, the relative stages of its
            occurrences (reserved in `loads` before placing; a duty's own are lifted while its
            setup is placed, and those in its span stay lifted).
        overloads: placements over capacity, reported by :func:`capacity_findings` at the end.
    """

    graph: nx.DiGraph
    groups: dict[str, Group]
    group_of: dict[Key, str]
    items: dict[Key, Item]
    deps: Deps
    loads: dict[str, StageLoads]
    due_stages: dict[Key, int]
    findings: list[Finding]
    stage_name: Callable[[int], str]
    occurrences: dict[Key, list[int]] = field(default_factory=dict)
    overloads: list[Overload] = field(default_factory=list)


def place_all(state: Placing) -> None:
    """Place every group: ready groups by latest start, each in its first stage with room.

    "Ready" is networkx's lexicographical topological order: among groups whose prerequisites
    are placed, the one with the earliest target (the latest start, or earlier to set a recurring
    duty up before its first coming occurrence), then latest start, due stage and id, goes first.
    """
    groups = state.groups
    order = nx.lexicographical_topological_sort(
        state.graph, key=lambda g: (groups[g].target, groups[g].latest, groups[g].due_stage, g)
    )
    for gid in list(order):
        _place(state, groups[gid])


def _ahead(
    group: Group,
    own: dict[Key, tuple[int, Binding]],
    earliest: int,
    due_stages: dict[Key, int],
    items: dict[Key, Item],
) -> list[Key]:
    """Members to plan ahead of their package: on time alone but late with it, or overdue and held up.

    A package never makes a member late that could be on time on its own (its work, all the
    stages it spans, done by its due stage), nor holds up the catch-up of a member already
    overdue; a package held back by its own deferral keeps them all.
    """
    if len(group.keys) <= 1:  # a group of one holds nothing back
        return []
    ahead = [
        k
        for k in group.keys
        if own[k][0] + items[k].span - 1 <= due_stages[k] < earliest
        or (own[k][0] < earliest and due_stages[k] < 0)
    ]
    return [] if len(ahead) == len(group.keys) else ahead


def _place(state: Placing, group: Group) -> None:
    """Place one group in its first stage with room, after everything it waits on."""
    items, due_stages = state.items, state.due_stages
    earliest, own = _earliest(group, items, state.deps)
    earliest = max(earliest, group.not_before)
    ahead = _ahead(group, own, earliest, due_stages, items)
    if ahead:
        # the member that decides `earliest` is never ahead, so the rest is never empty
        taken = set(ahead)
        group.keys = [k for k in group.keys if k not in taken]
        group.effort = joint_effort([items[k].effort for k in group.keys], group.ratio)
        for key in ahead:
            _plan_ahead(state, key, own[key], due_stages[key])
        earliest, own = _earliest(group, items, state.deps)
    # the latest start keeps what waits on it in time; when that is lost already, the due
    # dates of its own members that can still be met are kept
    deadline: int | None = group.latest
    if group.latest < earliest:
        # a due date still ahead is kept; when the work's length misses it anyway, start now
        still = [due_stages[k] for k in group.keys if earliest <= due_stages[k] < NO_DUE]
        deadline = max(earliest, min(still) - group.span + 1) if still else None
    stage, rule = earliest, Rule.EARLIEST
    if group.layer in state.loads:
        for key in group.keys:
            _reserve_occurrences(state, key, -1.0)
        stage, rule = state.loads[group.layer].place(group.effort, earliest, deadline, group.span)
        _capacity_finding(state, group, stage, rule)
    for key in group.keys:
        items[key].stage = stage
        items[key].span = group.span
        items[key].rule = rule
        if rule == Rule.EARLIEST and group.binding is not None:
            items[key].rule = Rule.AFTER_DEPENDENCY if own[key][0] == earliest else "package"
        if group.layer in state.loads:
            _reserve_occurrences(state, key, 1.0)


def _reserve_occurrences(state: Placing, key: Key, sign: float) -> None:
    """Take back (`sign` -1) a duty's occurrence reservations before placing its own work, or put
    back (`sign` 1) the ones outside the span it was placed in.

    An occurrence in that span is part of setting the duty up (:meth:`Item.in_setup`): its
    person-days are in the setup effort, so its reservation must neither count twice nor keep
    the setup out of the occurrence's own stage. Before placing, the item has no stage, so
    every reservation is taken back; after, only those outside its span return.
    """
    item, loads = state.items[key], state.loads.get(key[1])
    if loads is None or not item.occurrence_effort:
        return
    for stage in state.occurrences.get(key, []):
        if not item.in_setup(stage):
            loads.add(stage, sign * item.occurrence_effort)


Binding = tuple[str, Key, Key] | None
"""What decides an item's first stage: (kind, the item waited on, the member that waits), or None."""


def _earliest(group: Group, items: dict[Key, Item], deps: Deps) -> tuple[int, dict[Key, tuple[int, Binding]]]:
    """The first stage a group can start in, and per member its own first stage and binding.

    Sets ``group.binding`` to what decides the group's earliest stage.
    """
    earliest = 0
    group.binding = None
    own: dict[Key, tuple[int, Binding]] = {}
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


def _plan_ahead(state: Placing, key: Key, own: tuple[int, Binding], due_stage: int) -> None:
    """Place a member taken out of its package group on its own, in time."""
    items = state.items
    first, binding = own
    single = Group(
        f"{key[0]}@{key[1]}", key[1], [key], items[key].effort, binding=binding, span=items[key].span
    )
    state.groups[single.id] = single
    state.group_of[key] = single.id
    stage, rule = first, Rule.EARLIEST
    if key[1] in state.loads:
        _reserve_occurrences(state, key, -1.0)
        stage, rule = state.loads[key[1]].place(
            single.effort, first, due_stage - single.span + 1, single.span
        )
        _capacity_finding(state, single, stage, rule)
    items[key].stage = stage
    items[key].rule = Rule.AFTER_DEPENDENCY if rule == Rule.EARLIEST and binding is not None else rule
    if key[1] in state.loads:
        _reserve_occurrences(state, key, 1.0)
    state.findings.append(
        Finding(
            "package-split",
            key[0],
            key[1],
            Msg(
                "catch-up-ahead" if due_stage < 0 else "ahead-of-package",
                obligation=key[0],
                stage=state.stage_name(stage),
                package=items[key].package,
                layer=key[1],
                due=items[key].due,
            ),
        )
    )


@dataclass(frozen=True)
class Overload:
    """Work placed over its layer's capacity: by a due date, or too big for any stage.

    Recorded when placed; the finding is written once the plan is complete
    (:func:`capacity_findings`), with the loads the plan finally holds.
    """

    key: Key
    """The first member of the group placed: the item the finding is about."""
    layer: str
    first: int
    span: int
    cause: Msg


def _capacity_finding(state: Placing, group: Group, stage: int, rule: str) -> None:
    """Record a placement that may push stages over capacity: due-date forced, or too big for a stage."""
    loads, items = state.loads[group.layer], state.items
    if rule != Rule.DEADLINE_FORCED and group.effort / group.span <= (loads.capacity + EPSILON):
        return
    what = items[group.keys[0]].package if len(group.keys) > 1 else group.keys[0][0]
    cause = (
        Msg("cause-due-date")
        if rule == Rule.DEADLINE_FORCED
        else Msg("cause-too-big", what=what, effort=group.effort)
    )
    state.overloads.append(Overload(group.keys[0], group.layer, stage, group.span, cause))


def capacity_findings(state: Placing, load: dict[tuple[str, int], float]) -> None:
    """Report every stage over capacity with the load the finished plan places there.

    Each overload names every stage of its span that the plan holds over capacity (after the
    catch-up and the recurring work), each with its load; an overload whose stages all fit in
    the end is not reported. A stage over capacity through recurring duties alone (their
    occurrences are reserved before anything is placed) is reported on the duty with the
    largest occurrence there.
    """
    named: set[tuple[str, int]] = set()

    def over(layer: str, stages: list[int]) -> list[int]:
        cap = state.loads[layer].capacity
        return [s for s in stages if load.get((layer, s), 0.0) > cap + EPSILON]

    def report(key: Key, stages: list[int], cause: Msg) -> None:
        named.update((key[1], s) for s in stages)
        each = [
            Msg("stage-load", stage=state.stage_name(s), load=round(load[(key[1], s)], 1)) for s in stages
        ]
        message = Msg(
            "over-capacity",
            layer=key[1],
            stages=Seq(each),
            capacity=state.loads[key[1]].capacity,
            cause=cause,
        )
        state.findings.append(Finding("capacity", key[0], key[1], message))

    for o in state.overloads:
        stages = over(o.layer, list(range(o.first, o.first + o.span)))
        if stages:
            report(o.key, stages, o.cause)
    recurring: dict[Key, list[int]] = defaultdict(list)
    for (layer, stage), key in sorted(_largest_occurrences(state).items()):
        if layer in state.loads and (layer, stage) not in named and over(layer, [stage]):
            recurring[key].append(stage)
    for key, stages in sorted(recurring.items()):
        report(key, stages, Msg("cause-recurring"))


def _largest_occurrences(state: Placing) -> dict[tuple[str, int], Key]:
    """Per (layer, stage), the recurring duty whose occurrence takes the most there (then by key)."""
    best: dict[tuple[str, int], tuple[float, Key]] = {}
    for key, stages in sorted(state.occurrences.items()):
        item = state.items[key]
        effort = item.occurrence_effort or 0.0
        for stage in stages:
            cell = (key[1], stage)
            if not item.in_setup(stage) and (cell not in best or effort > best[cell][0]):
                best[cell] = (effort, key)
    return {cell: key for cell, (_, key) in best.items()}


def stage_loads(
    groups: dict[str, Group], items: dict[Key, Item], recurring: dict[tuple[str, int], float]
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
