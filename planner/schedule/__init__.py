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
from typing import TYPE_CHECKING

from planner.errors import UsageError
from planner.schedule.groups import _groups
from planner.schedule.items import DEFAULT_EFFORT, _dependencies, build_items
from planner.schedule.loads import EPSILON
from planner.schedule.model import NO_DUE, STATUSES, Deps, Finding, Item, Key, Plan
from planner.schedule.periods import STAGE_SIZES, period_bounds, period_index
from planner.schedule.place import _latest_starts, _place_all, _stage_loads
from planner.schedule.status import FINDING_ORDER, _explain

if TYPE_CHECKING:
    from planner.analysis import Package
    from planner.catalogue import Catalogue
    from planner.models import Progress

__all__ = [
    "DEFAULT_EFFORT",
    "EPSILON",
    "FINDING_ORDER",
    "NO_DUE",
    "STAGE_SIZES",
    "STATUSES",
    "Deps",
    "Finding",
    "Item",
    "Key",
    "Plan",
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
    groups, group_of, graph = _groups(items, deps, packages or [], findings)
    _latest_starts(graph, groups, due_stages)
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
    scenario = cat.scenario.id if cat.scenario else None
    plan = Plan(as_of, stage_size, first, items, findings, caps, _stage_loads(groups, items), scenario)
    _explain(plan, cat, deps, groups, group_of, due_stages)
    return plan
