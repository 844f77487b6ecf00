"""A roadmap: one layer's slice (or the whole government's) of the schedule, as plain data.

:func:`build_plan` runs the analysis and the scheduler once; :func:`roadmap` cuts the view for
a layer (or ``all``) and returns the JSON contract of DESIGN.md as a dict, which every output
format renders from. The same catalogue, options and as-of date give the same dict.
"""

from __future__ import annotations

import datetime as dt
import json
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from planner.errors import UsageError
from planner.messages import render

if TYPE_CHECKING:
    from planner.analysis import Package
    from planner.catalogue import Catalogue
    from planner.models import Progress
    from planner.schedule import Item, Plan

ALL = "all"


@dataclass(frozen=True)
class PlanContext:
    """A plan together with what it was made from, for rendering and explaining."""

    catalogue: Catalogue
    plan: Plan
    packages: tuple[Package, ...]


def build_plan(
    cat: Catalogue,
    as_of: dt.date,
    *,
    stage_size: str = "quarter",
    capacity: float | None = None,
    capacity_layer: str | None = None,
    progress: list[Progress] | None = None,
) -> PlanContext:
    """Analyse and schedule the whole catalogue once.

    Args:
        cat: the catalogue, with a scenario applied if any.
        as_of: the planning date.
        stage_size: quarter, half or year.
        capacity: effort points per organisation per stage, overriding the layer file, for
            `capacity_layer` (or for every layer when that is None or ``all``).
        capacity_layer: which layer the override applies to.
        progress: progress files.
    """
    from planner.analysis import packages as find_packages
    from planner.graph import build_graph
    from planner.schedule import STAGE_SIZES, schedule

    if stage_size not in STAGE_SIZES:
        raise UsageError(f"--stage: {stage_size!r} is not one of: {', '.join(STAGE_SIZES)}")
    overrides: dict[str, float | None] = {}
    if capacity is not None:
        targets = list(cat.layers) if capacity_layer in (None, ALL) else [capacity_layer]
        overrides = {lid: capacity for lid in targets}
    pkgs = find_packages(build_graph(cat), cat)
    plan = schedule(cat, as_of, stage_size=stage_size, packages=pkgs, capacity=overrides, progress=progress)
    return PlanContext(cat, plan, tuple(pkgs))


def _item_dict(ctx: PlanContext, item: Item, lang: str) -> dict[str, Any]:
    cat = ctx.catalogue
    ob = cat.obligations[item.obligation]
    act = cat.acts[item.act]
    return {
        "obligation": item.obligation,
        "act": item.act,
        "layer": item.layer,
        "title": ob.title.get(lang),
        "act_title": (act.short or act.title).get(lang),
        "articles": list(ob.articles),
        "role": ob.roles[item.layer].value,
        "due": item.due.isoformat() if item.due else None,
        "milestone": ob.milestone,
        "effort": item.effort,
        "status": item.status,
        "package": item.package,
        "waits_on": [{"kind": k, "obligation": o, "layer": lay} for k, o, lay in item.waits_on],
        "rule": item.rule,
        "reasons": [render(r, lang) for r in item.reasons],
        "done": item.done_on.isoformat() if item.done_on else None,
    }


def roadmap(ctx: PlanContext, layer: str, lang: str = "nl") -> dict[str, Any]:
    """The roadmap of one layer (or ``all``) as the JSON contract.

    Raises:
        UsageError: the layer is unknown.
    """
    cat, plan = ctx.catalogue, ctx.plan
    if layer != ALL and layer not in cat.layers:
        from planner.catalogue import did_you_mean

        raise UsageError(
            f"unknown layer {layer!r}{did_you_mean(layer, list(cat.layers))}; known: all, {', '.join(cat.layers)}"
        )
    items = plan.for_layer(None if layer == ALL else layer)
    # done items have no stage of their own: they are listed in the first one
    by_stage: dict[int, list[Item]] = {}
    for item in items:
        by_stage.setdefault(item.stage or 0, []).append(item)
    stages = []
    for index in range(max(by_stage, default=0) + 1):
        sid, start, end = plan.stage_bounds(index)
        stage_items = by_stage.get(index, [])
        stage_items.sort(key=lambda i: (i.due or dt.date.max, i.package or "", i.obligation, i.layer))
        stages.append(
            {
                "id": sid,
                "start": start.isoformat(),
                "end": end.isoformat(),
                "items": [_item_dict(ctx, i, lang) for i in stage_items],
            }
        )
    wanted = {(i.obligation, i.layer) for i in items}
    findings = [
        {"kind": f.kind, "obligation": f.obligation, "layer": f.layer, "message": render(f.message, lang)}
        for f in plan.findings
        if (f.obligation, f.layer) in wanted
    ]
    pkg_ids = {i.package for i in items if i.package}
    packages = [
        {
            "id": p.id,
            "name": p.name[lang],
            "members": list(p.members),
            "due": p.due,
            "effort_saved": p.effort_saved,
        }
        for p in ctx.packages
        if p.id in pkg_ids
    ]
    counts = {
        s: sum(1 for i in items if i.status == s)
        for s in ("planned", "at-risk", "overdue", "blocked", "done")
    }
    return {
        "layer": layer,
        "as_of": plan.as_of.isoformat(),
        "stage": plan.stage_size,
        "scenario": plan.scenario,
        "lang": lang,
        "capacity": {k: v for k, v in sorted(plan.capacity.items()) if layer in (ALL, k)},
        "summary": counts,
        "stages": stages,
        "packages": packages,
        "findings": findings,
    }


def to_json(data: dict[str, Any]) -> str:
    """The roadmap dict as stable JSON text."""
    return json.dumps(data, indent=2, ensure_ascii=False, sort_keys=False) + "\n"
