"""The unit of planning: one item per obligation and layer that plans it, and what each waits on."""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from typing import TYPE_CHECKING

from planner.messages import Msg
from planner.models import PLANNED_ROLES
from planner.schedule.model import Deps, Item, Key

if TYPE_CHECKING:
    from planner.catalogue import Catalogue
    from planner.models import Progress

DEFAULT_EFFORT = 1.0
"""The effort of an obligation whose catalogue entry gives none."""


def build_items(cat: Catalogue, progress: list[Progress] | None = None) -> dict[tuple[str, str], Item]:
    """Every (obligation, layer) pair with a planned role, marked done from progress files.

    Args:
        cat: the catalogue (with a scenario applied, if any).
        progress: progress files; one that names no layer marks an obligation done for every layer.

    Returns:
        The items by (obligation, layer), in the catalogue's obligation order, layers sorted.

    Example:
        >>> from planner.loading import load_catalogue
        >>> from pathlib import Path
        >>> items = build_items(load_catalogue(Path("tests/data/minimal")))
        >>> sorted(items)[:3]
        [('act-a.assess', 'gemeenten'), ('act-a.assess', 'rijk'), ('act-a.inventory', 'gemeenten')]
        >>> items["act-a.assess", "rijk"].effort, items["act-a.assess", "rijk"].status
        (2.0, 'planned')
    """
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
            item = Item(oid, ob.act, layer, cat.due(ob), float(ob.effort_estimate or DEFAULT_EFFORT))
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
