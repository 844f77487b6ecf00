"""Staged roadmaps: every obligation of every layer placed in one calendar stage.

The whole government is scheduled at once, so a layer's roadmap is a slice of one consistent
plan: an item that needs another layer's facility sits after the stage in which that layer
delivers it. The unit of planning is an *item*: one obligation for one layer.

Rules, in order of strength (each shown on a tiny catalogue of :mod:`planner.schedule.demo`,
planned as of 2026-11-28, so stage 0 is 2026-Q4):

1. a prerequisite (``requires``) or facility (``needs_facility``) sits in a strictly earlier
   stage than what waits on it (a prerequisite only within its own layer):

   >>> from planner.schedule.demo import stages, status, tiny
   >>> stages(tiny({"x.a": {}, "x.b": {"requires": ["x.a"]}}))
   {'x.a': '2026-Q4', 'x.b': '2027-Q1'}

2. members of one joint work package sit in the same stage (per layer), unless a prerequisite
   between them makes that impossible (the package is split, and that is reported), or a member
   would be late with the package but on time alone, or is overdue and held up (it goes ahead):

   >>> stages(tiny({"x.i": {}, "x.d": {"requires": ["x.i"], "overlaps": ["y.f"]}, "y.f": {}}))
   {'x.i': '2026-Q4', 'x.d': '2027-Q1', 'y.f': '2027-Q1'}

3. the latest start is propagated backwards from due dates through prerequisite chains, and
   among ready items the earliest latest-start goes first; an item is placed as early as its
   prerequisites and the layer's capacity allow, and never after its due stage when a
   placement in time exists:

   >>> stages(tiny({"c.late": {"due": "2027-12-31"}, "c.soon": {"due": "2027-03-31"}}, capacity=1))
   {'c.soon': '2026-Q4', 'c.late': '2027-Q1'}

4. with a capacity (person-days a quarter), no stage holds more than the layer can carry unless
   a due date forces it (reported); work larger than a stage's capacity, or with a lead time
   longer than a stage, spans several stages:

   >>> plan = tiny({"x.big": {"effort": 3}}, capacity=2)
   >>> plan.items["x.big", "rijk"].span, [plan.load["rijk", s] for s in (0, 1)]
   (2, [1.5, 1.5])

5. a duty already due whose state the organisation did not give is ``unassessed`` (shown in the
   first stage, no capacity taken), not ``overdue``; ``overdue`` means known not done:

   >>> status(tiny({"x.old": {"due": "2020-01-01"}}), "x.old")
   'unassessed'

6. a recurring duty still to set up is set up by its first coming occurrence when capacity
   allows (a target that orders placing, never a due date that forces a stage over capacity);
   an occurrence it cannot precede is flagged at risk, with why.

The schedule is near-linear in the number of items: one pass to group, one topological pass
for latest starts, one heap-ordered pass to place, where the first stage with room is found
in a segment tree of stage loads (O(log stages)) rather than by walking stage after stage.

The package follows that pipeline, one module per thing made:

- :mod:`~planner.schedule.periods`: calendar stages (quarters, halves, years) and their ids;
- :mod:`~planner.schedule.model`: items, findings, the plan, and groups of items;
- :mod:`~planner.schedule.items`: the items of a catalogue and what each waits on;
- :mod:`~planner.schedule.groups`: package groups, split where members wait on each other;
- :mod:`~planner.schedule.loads`: the stage loads of a layer with a capacity;
- :mod:`~planner.schedule.place`: latest starts, and every group placed in a stage;
- :mod:`~planner.schedule.status`: statuses, reasons and findings.
"""

from __future__ import annotations

import datetime as dt
import math
from typing import TYPE_CHECKING

from planner.errors import UsageError
from planner.schedule.groups import make_groups
from planner.schedule.items import DEFAULT_EFFORT, build_items, dependencies
from planner.schedule.loads import EPSILON, StageLoads
from planner.schedule.model import (
    NO_DUE,
    OFF_PLAN,
    SETTLED,
    STATUSES,
    Deps,
    Finding,
    Group,
    Item,
    Key,
    Plan,
    Rule,
    Status,
)
from planner.schedule.periods import STAGE_SIZES, period_bounds, period_index
from planner.schedule.place import Placing, capacity_findings, latest_starts, place_all, stage_loads
from planner.schedule.status import FINDING_ORDER, explain_plan

if TYPE_CHECKING:
    from planner.analysis import Package
    from planner.catalogue import Catalogue
    from planner.models import Progress
    from planner.organisation.profile import Profile

__all__ = [
    "DEFAULT_EFFORT",
    "EPSILON",
    "FINDING_ORDER",
    "NO_DUE",
    "OFF_PLAN",
    "SETTLED",
    "STAGE_SIZES",
    "STATUSES",
    "Deps",
    "Finding",
    "Item",
    "Key",
    "Plan",
    "Rule",
    "Status",
    "build_items",
    "period_bounds",
    "period_index",
    "schedule",
]


def schedule(
    cat: Catalogue,
    as_of: dt.date,
    *,
    stage_size: str = "quarter",
    packages: list[Package] | None = None,
    capacity: dict[str, float | None] | None = None,
    progress: list[Progress] | None = None,
    profiles: dict[str, Profile] | None = None,
) -> Plan:
    """Schedule every obligation of every layer into calendar stages.

    Args:
        cat: the catalogue (with a scenario applied, if any).
        as_of: the date the plan is made on; stage 0 is the period holding it.
        stage_size: ``quarter``, ``half`` or ``year``.
        packages: joint work packages (from :func:`planner.analysis.packages`).
        capacity: person-days per organisation per quarter, by layer (None = unlimited);
            overrides the profile's capacity.
        progress: progress files; their obligations are ``done`` and not planned.
        profiles: per layer the organisation planned for (its answers, states and capacity);
            a layer without one is planned as its typical organisation.

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
    from planner.organisation.profile import layer_profile

    profiles = {lid: (profiles or {}).get(lid) or layer_profile(cat, lid) for lid in cat.layers}
    items = build_items(cat, progress, profiles, as_of, stage_size)
    deps = dependencies(cat, items)
    first = period_index(as_of, stage_size)
    per_quarter = {lid: p.capacity for lid, p in profiles.items()}
    per_quarter.update(capacity or {})
    scale = STAGE_SIZES[stage_size] / 3
    caps = {lid: None if c is None else c * scale for lid, c in per_quarter.items()}
    findings: list[Finding] = []
    due_stages = {
        key: NO_DUE if item.due is None else period_index(item.due, stage_size) - first
        for key, item in items.items()
    }
    groups, group_of, graph = make_groups(items, deps, packages or [], findings)
    for group in groups.values():
        cap = caps.get(group.layer)
        if cap:  # work larger than a stage's capacity is spread over more stages
            group.span = max(group.span, math.ceil(group.effort / cap - EPSILON))
        befores = [d for k in group.keys for d in (items[k].not_before, items[k].delivery) if d is not None]
        group.not_before = max([0, *(period_index(d, stage_size) - first for d in befores)])
    occurrences = _occurrence_stages(items, stage_size, first)
    loads = {lid: StageLoads(c) for lid, c in caps.items() if c is not None}
    # every occurrence is reserved up front; placing a duty's setup takes its own back and returns
    # those outside the span it is placed in (the ones inside are part of the setup)
    for (lid, stage), effort in _recurring_loads(items, occurrences, in_setup=True).items():
        if lid in loads:
            loads[lid].add(stage, effort)
    latest_starts(graph, groups, due_stages, _setup_by(items, stage_size, first))
    placing = Placing(
        graph,
        groups,
        group_of,
        items,
        deps,
        loads,
        due_stages,
        findings,
        lambda s: period_bounds(first + s, stage_size)[0],
        occurrences,
    )
    place_all(placing)
    scenario = cat.scenario.id if cat.scenario else None
    load = stage_loads(groups, items, _recurring_loads(items, occurrences, in_setup=False))
    capacity_findings(placing, load)  # with the loads the finished plan holds
    plan = Plan(as_of, stage_size, first, items, findings, caps, load, scenario, profiles)
    plan.package_days = _package_days(groups, items)
    _placed_efforts(groups, items)
    explain_plan(plan, cat, deps, groups=groups, group_of=group_of, due_stages=due_stages)
    return plan


def _package_days(groups: dict[str, Group], items: dict[Key, Item]) -> dict[tuple[str, str], float]:
    """Per (package, layer), the effort of the groups its members were placed in (parts and all)."""
    days: dict[tuple[str, str], float] = {}
    for group in groups.values():
        package = items[group.keys[0]].package
        if package is not None:
            days[(package, group.layer)] = days.get((package, group.layer), 0.0) + group.effort
    return dict(sorted(days.items()))


def _placed_efforts(groups: dict[str, Group], items: dict[Key, Item]) -> None:
    """Set each placed item's share of its group's effort, in proportion to the members' own efforts.

    The shares of a group add up to what the plan places for it, so the items of a filtered
    roadmap add up to their part of the workload, package savings included.
    """
    for group in groups.values():
        total = sum(items[k].effort for k in group.keys)
        for key in group.keys:
            items[key].placed_effort = group.effort * items[key].effort / total if total > 0 else 0.0


def _setup_by(items: dict[Key, Item], stage_size: str, first: int) -> dict[Key, int]:
    """Per recurring duty still to set up, the relative stage of its first coming occurrence.

    Its setup should be done by then: an occurrence before the setup is a recurring
    deliverable of a duty that is not yet set up (reported as at risk when it cannot be helped).
    """
    return {
        key: period_index(item.occurrences[0], stage_size) - first
        for key, item in items.items()
        if item.occurrences and not item.settled
    }


def _occurrence_stages(items: dict[Key, Item], stage_size: str, first: int) -> dict[Key, list[int]]:
    """Per recurring item that reserves workload, the relative stage of each of its occurrences.

    A duty that does not apply has no occurrences, and one without a catalogue effort reserves nothing.
    """
    return {
        key: [period_index(date, stage_size) - first for date in item.occurrences]
        for key, item in items.items()
        if item.status != Status.NOT_APPLICABLE and item.occurrence_effort and item.occurrences
    }


def _recurring_loads(
    items: dict[Key, Item], occurrences: dict[Key, list[int]], *, in_setup: bool
) -> dict[tuple[str, int], float]:
    """The person-days recurring duties take in each stage, by layer.

    Each occurrence takes its item's ``occurrence_effort`` in the stage holding its date. With
    `in_setup` False, an occurrence inside the span of its duty's own planned work is left out:
    it is part of that setup effort (:meth:`Item.in_setup`), already in the stage's load.
    """
    load: dict[tuple[str, int], float] = {}
    for key, stages in occurrences.items():
        item = items[key]
        effort = item.occurrence_effort or 0.0
        for stage in stages:
            if in_setup or not item.in_setup(stage):
                load[(item.layer, stage)] = load.get((item.layer, stage), 0.0) + effort
    return load
