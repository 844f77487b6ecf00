"""Build the roadmap view of one layer (or ``all``) from a plan, once, for every format and page."""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING

from planner.errors import UsageError
from planner.messages import render
from planner.roadmap import ALL, PlanContext
from planner.schedule import STATUSES
from planner.view.model import Finding, Item, LayerName, Package, Recurrence, RoadmapView, Stage, Wait

if TYPE_CHECKING:
    from planner.models import Obligation
    from planner.schedule import Item as PlanItem


def _waits(ctx: PlanContext, item: PlanItem, lang: str) -> tuple[Wait, ...]:
    cat, plan = ctx.catalogue, ctx.plan
    out = []
    for kind, oid, layer in item.waits_on:
        other = plan.items.get((oid, layer))
        ob = cat.obligations.get(oid)
        title = ob.title.get(lang) if ob else oid
        out.append(Wait(kind, oid, layer, title, plan.stage_id(other.stage) if other else None))
    return tuple(out)


def item_from_plan(ctx: PlanContext, item: PlanItem, stage: str, lang: str) -> Item:
    """The view of one planned item: the one place that says where each item field comes from.

    Args:
        ctx: the plan with its catalogue.
        item: the scheduler's item.
        stage: the id of the stage the view lists it in.
        lang: the language of titles and reasons.
    """
    ob = ctx.catalogue.obligations[item.obligation]
    act = ctx.catalogue.acts[item.act]
    origin = None if item.due is None else "obligation" if ob.due is not None else "milestone"
    return Item(
        obligation=item.obligation,
        act=item.act,
        layer=item.layer,
        title=ob.title.get(lang),
        act_title=(act.short or act.title).get(lang),
        articles=tuple(ob.articles),
        role=ob.roles[item.layer].value,
        due=item.due,
        milestone=ob.milestone,
        effort=item.effort,
        status=item.status,
        package=item.package,
        waits_on=_waits(ctx, item, lang),
        rule=item.rule,
        reasons=tuple(render(r, lang) for r in item.reasons),
        done_on=item.done_on,
        stage=stage,
        due_origin=origin,
        # --- the kind of duty (issue 16) ---
        nature=ob.nature.value if ob.nature is not None else None,
        recurrence=_recurrence(ob, item.due),
    )


def _recurrence(ob: Obligation, due: dt.date | None) -> Recurrence | None:
    """The view of an obligation's recurrence; its first date falls back to the item's due date."""
    if ob.recurrence is None:
        return None
    return Recurrence(ob.recurrence.every.value, ob.recurrence.first or due)


def _stages(ctx: PlanContext, items: list[PlanItem], lang: str) -> tuple[Stage, ...]:
    plan = ctx.plan
    # done items have no stage of their own: they are listed in the first one
    by_stage: dict[int, list[PlanItem]] = {}
    for item in items:
        by_stage.setdefault(item.stage or 0, []).append(item)
    stages = []
    for index in range(max(by_stage, default=0) + 1):
        sid, start, end = plan.stage_bounds(index)
        listed = sorted(
            by_stage.get(index, []),
            key=lambda i: (i.due or dt.date.max, i.package or "", i.obligation, i.layer),
        )
        stages.append(Stage(sid, start, end, tuple(item_from_plan(ctx, i, sid, lang) for i in listed)))
    return tuple(stages)


def layer_name(ctx: PlanContext, layer: str, lang: str) -> str:
    """The catalogue's name of a layer in `lang` (``all`` is named by a fixed phrase)."""
    from planner.formats.labels import layer_name as name

    return name(ctx, layer, lang)


def check_layer(ctx: PlanContext, layer: str) -> None:
    """Refuse a layer the catalogue does not have.

    Raises:
        UsageError: the layer is unknown (with a suggestion).
    """
    layers = list(ctx.catalogue.layers)
    if layer != ALL and layer not in layers:
        from planner.catalogue import did_you_mean

        raise UsageError(
            f"unknown layer {layer!r}{did_you_mean(layer, layers)}; known: all, {', '.join(layers)}"
        )


def build_view(ctx: PlanContext, layer: str, lang: str = "nl") -> RoadmapView:
    """The roadmap view of one layer (or ``all``) in `lang`.

    Raises:
        UsageError: the layer is unknown.
    """
    check_layer(ctx, layer)
    cat, plan = ctx.catalogue, ctx.plan
    items = plan.for_layer(None if layer == ALL else layer)
    wanted = {(i.obligation, i.layer) for i in items}
    pkg_ids = {i.package for i in items if i.package}
    scenario = cat.scenario
    return RoadmapView(
        layer=layer,
        as_of=plan.as_of,
        stage_size=plan.stage_size,
        scenario=plan.scenario,
        lang=lang,
        capacity=tuple((k, v) for k, v in sorted(plan.capacity.items()) if layer in (ALL, k)),
        counts=tuple((s, sum(1 for i in items if i.status == s)) for s in STATUSES),
        stages=_stages(ctx, items, lang),
        packages=tuple(
            Package(p.id, p.name[lang], tuple(p.members), p.due, p.effort_saved)
            for p in ctx.packages
            if p.id in pkg_ids
        ),
        findings=tuple(
            Finding(f.kind, f.obligation, f.layer, render(f.message, lang))
            for f in plan.findings
            if (f.obligation, f.layer) in wanted
        ),
        organisation=None,
        layer_name=layer_name(ctx, layer, lang),
        scenario_title=scenario.title.get(lang) if scenario is not None and plan.scenario else None,
        layers=tuple(LayerName(lid, layer_name(ctx, lid, lang)) for lid in cat.layers),
    )
