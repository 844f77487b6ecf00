"""Build the roadmap view of one layer (or ``all``) from a plan, once, for every format and page."""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING

from planner.errors import UsageError
from planner.messages import render
from planner.roadmap import ALL, PlanContext
from planner.schedule import OFF_PLAN, STATUSES, period_index
from planner.schedule.model import half_days
from planner.view.model import (
    Assumption,
    Finding,
    Item,
    LayerName,
    Package,
    Recurrence,
    RoadmapView,
    Stage,
    StageLoad,
    Wait,
)
from planner.view.questions import question_uses
from planner.view.recurring import occurrences_by_stage

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
        applicable=item.applicable,
        state=item.state,
        nature=item.nature,
        start=None if item.status in OFF_PLAN else ctx.plan.stage_id(item.stage),
        end=None if item.status in OFF_PLAN else ctx.plan.stage_id(item.end),
        effort_days=half_days(item.effort),
        lead_time_months=item.lead_time_months,
        occurrences=tuple(item.occurrences),
        # --- the kind of duty (issue 16) ---
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
        if item.status not in OFF_PLAN:
            by_stage.setdefault(item.stage or 0, []).append(item)
    # the stages run on to the stage the last work ends in (work spans stages), and to the last
    # occurrence of a recurring duty in the plan's horizon
    ends = [i.end for i in items if i.status not in OFF_PLAN and i.end is not None]
    recurring = occurrences_by_stage(ctx, items, lang)
    stages = []
    for index in range(max([*by_stage, *ends, *recurring], default=0) + 1):
        sid, start, end = plan.stage_bounds(index)
        listed = sorted(
            by_stage.get(index, []),
            key=lambda i: (i.due or dt.date.max, i.package or "", i.obligation, i.layer),
        )
        entries = tuple(item_from_plan(ctx, i, sid, lang) for i in listed)
        stages.append(Stage(sid, start, end, entries, tuple(recurring.get(index, []))))
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


def build_view(
    ctx: PlanContext, layer: str, lang: str = "nl", *, theme: str | None = None, act: str | None = None
) -> RoadmapView:
    """The roadmap view of one layer (or ``all``) in `lang`, optionally of one theme or act only.

    The plan is the whole plan either way (a filter only chooses what is shown), so a filtered
    roadmap places every item where the full one does.

    Raises:
        UsageError: the layer, theme or act is unknown.
    """
    check_layer(ctx, layer)
    cat, plan = ctx.catalogue, ctx.plan
    _check_filter("--theme", theme, list(cat.themes))
    _check_filter("--act", act, list(cat.acts))
    items = [
        i
        for i in plan.for_layer(None if layer == ALL else layer)
        if (act is None or i.act == act)
        and (
            theme is None or theme in cat.obligations[i.obligation].themes or theme in cat.acts[i.act].themes
        )
    ]
    filters = tuple((opt, v) for opt, v in (("--theme", theme), ("--act", act)) if v is not None)
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
        packages=_packages(ctx, items, lang, pkg_ids),
        findings=tuple(
            Finding(f.kind, f.obligation, f.layer, render(f.message, lang))
            for f in plan.findings
            if (f.obligation, f.layer) in wanted
        ),
        organisation=_organisation(ctx, layer),
        load=_loads(ctx, layer),
        backlog_cleared=plan.stage_id(
            max((i.end for i in items if i.status == "overdue" and i.end is not None), default=None)
        ),
        assumptions=_assumptions(ctx, layer, lang),
        off_plan=tuple(
            item_from_plan(ctx, i, plan.stage_id(0) or "", lang)
            for i in sorted(items, key=lambda i: (i.status, i.obligation, i.layer))
            if i.status in OFF_PLAN
        ),
        layer_name=layer_name(ctx, layer, lang),
        scenario_title=scenario.title.get(lang) if scenario is not None and plan.scenario else None,
        layers=tuple(LayerName(lid, layer_name(ctx, lid, lang)) for lid in cat.layers),
        options=(*ctx.options, *filters),
        questions=question_uses(ctx, layer, lang),
        filters=filters,
        shown_load=_shown_loads(ctx, layer, items) if filters else (),
    )


def _shown_loads(ctx: PlanContext, layer: str, items: list[PlanItem]) -> tuple[StageLoad, ...]:
    """Per row of the view's workload, the person-days that `items` (the filtered ones) take of it.

    As the plan counts its load (:func:`planner.schedule.place.stage_loads`): the effort the plan
    places for an item (its share of its package's, :attr:`~planner.schedule.Item.placed_effort`)
    spread over the stages it spans, and each occurrence of a recurring duty that is not part of
    its setup. So the rows of a set of filters that split the items add up to the whole load.
    """
    plan = ctx.plan
    days: dict[tuple[str, int], float] = {}
    for item in items:
        if not item.settled and item.stage is not None:
            for stage in range(item.stage, item.stage + item.span):
                days[(item.layer, stage)] = (
                    days.get((item.layer, stage), 0.0) + item.placed_effort / item.span
                )
        for date in item.occurrences if item.occurrence_effort else ():
            stage = period_index(date, plan.stage_size) - plan.first
            if not item.in_setup(stage):
                cell = (item.layer, stage)
                days[cell] = days.get(cell, 0.0) + (item.occurrence_effort or 0.0)
    return tuple(
        StageLoad(
            plan.stage_id(stage) or "", lid, round(days.get((lid, stage), 0.0), 1), plan.capacity.get(lid)
        )
        for (lid, stage), _ in sorted(plan.load.items())
        if layer in (ALL, lid) and stage >= 0
    )


def _packages(ctx: PlanContext, items: list[PlanItem], lang: str, ids: set[str]) -> tuple[Package, ...]:
    """The joint work packages of the view's items, each with its open members' days apart and together."""
    layers = {i.layer for i in items}
    apart: dict[str, float] = {}
    for item in ctx.plan.items.values():  # every member in the view's layers, as planned_days
        if item.package in ids and item.layer in layers and not item.settled:
            apart[item.package] = apart.get(item.package, 0.0) + half_days(item.effort)
    return tuple(
        Package(
            p.id,
            p.name[lang],
            tuple(p.members),
            p.due,
            p.effort_saved,
            members_days=apart.get(p.id, 0.0),
            planned_days=half_days(
                sum(d for (pid, lid), d in ctx.plan.package_days.items() if pid == p.id and lid in layers)
            ),
        )
        for p in ctx.packages
        if p.id in ids
    )


def _check_filter(option: str, value: str | None, known: list[str]) -> None:
    if value is not None and value not in known:
        from planner.catalogue import did_you_mean

        raise UsageError(f"{option}: unknown id {value!r}{did_you_mean(value, known)}")


def _organisation(ctx: PlanContext, layer: str) -> str | None:
    profile = ctx.plan.profiles.get(layer)
    return profile.name if profile is not None else None


def _loads(ctx: PlanContext, layer: str) -> tuple[StageLoad, ...]:
    plan = ctx.plan
    return tuple(
        StageLoad(plan.stage_id(stage) or "", lid, round(days, 1), plan.capacity.get(lid))
        for (lid, stage), days in sorted(plan.load.items())
        if layer in (ALL, lid) and stage >= 0
    )


def _assumptions(ctx: PlanContext, layer: str, lang: str) -> tuple[Assumption, ...]:
    """The default answers and capacities the plan used for the view's layers."""
    from planner.i18n import format_number, gettext

    cat = ctx.catalogue
    out: list[Assumption] = []
    for lid, profile in sorted(ctx.plan.profiles.items()):
        if layer not in (ALL, lid):
            continue
        for qid in sorted(profile.assumed):
            default = cat.questions[qid].defaults[lid]
            out.append(Assumption(qid, lid, _answer_text(default.answer, lang), default.rationale.get(lang)))
        if profile.capacity_assumed and profile.capacity is not None:
            rationale = cat.layers[lid].capacity_rationale
            out.append(
                Assumption(
                    "capacity",
                    lid,
                    gettext(lang, "plan", "days-per-quarter", days=format_number(profile.capacity, lang)),
                    rationale.get(lang) if rationale else "",
                )
            )
    return tuple(out)


def _answer_text(answer: object, lang: str) -> str:
    from planner.i18n import gettext

    if isinstance(answer, bool):
        return gettext(lang, "plan", "yes" if answer else "no")
    return str(answer)
