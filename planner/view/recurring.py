"""Recurring duties in each period of the plan: one light entry per occurrence, in its stage.

A recurring duty (the annual ENSIA accountability, the yearly Woo paragraph) is one item of the
plan; its coming dates up to the plan's horizon (:data:`planner.schedule.items.HORIZON_YEARS`)
are listed in the stages that hold them, each referring to that item, with the person-days it
takes in that stage's workload. So a board sees the recurring load of every year.

An occurrence dated while the duty is still being set up (in the span of its own planned item)
is part of that setup work: it is marked ``in_setup`` and the workload counts it once, in the setup.
One dated before the setup starts (the scheduler aims to set a duty up by its first occurrence,
but prerequisites, capacity or a deferral may not allow it) is marked ``at_risk``.
"""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING

from planner.i18n import gettext
from planner.schedule import OFF_PLAN, period_bounds, period_index
from planner.schedule.model import half_days
from planner.view.model import Occurrence

if TYPE_CHECKING:
    from planner.roadmap import PlanContext
    from planner.schedule import Item as PlanItem


def period_label(date: dt.date, every: str) -> str:
    """The period an occurrence is for, as people name it: the year, half, quarter or month.

    >>> period_label(dt.date(2027, 8, 15), "year"), period_label(dt.date(2027, 8, 15), "quarter")
    ('2027', '2027-Q3')
    >>> period_label(dt.date(2027, 8, 15), "half"), period_label(dt.date(2027, 8, 15), "month")
    ('2027-H2', '2027-08')
    """
    if every == "month":
        return f"{date.year}-{date.month:02d}"
    return period_bounds(period_index(date, every), every)[0]


def occurrences_by_stage(ctx: PlanContext, items: list[PlanItem], lang: str) -> dict[int, list[Occurrence]]:
    """Per relative stage, the occurrences of the recurring duties among `items`, by date then id.

    Args:
        ctx: the plan with its catalogue.
        items: the plan items the view shows (only those with occurrences contribute).
        lang: the language of the titles and labels.
    """
    plan, cat = ctx.plan, ctx.catalogue
    out: dict[int, list[Occurrence]] = {}
    for item in items:
        ob = cat.obligations[item.obligation]
        if not item.occurrences or ob.recurrence is None:
            continue
        every = ob.recurrence.every.value
        title = ob.title.get(lang)
        how = f"{gettext(lang, 'nature', 'recurring')}, {gettext(lang, 'period', every)}"
        days = None if item.occurrence_effort is None else half_days(item.occurrence_effort)
        item_stage = None if item.status in OFF_PLAN else plan.stage_id(item.stage)
        for date in item.occurrences:
            stage = period_index(date, plan.stage_size) - plan.first
            label = gettext(
                lang, "roadmap", "occurrence_label", title=title, period=period_label(date, every), how=how
            )
            out.setdefault(stage, []).append(
                Occurrence(
                    item.obligation,
                    item.layer,
                    date,
                    every,
                    days,
                    item_stage,
                    item.status,
                    title,
                    label,
                    in_setup=item.in_setup(stage),
                    at_risk=item_stage is not None and item.stage is not None and stage < item.stage,
                )
            )
    for listed in out.values():
        listed.sort(key=lambda o: (o.date, o.obligation, o.layer))
    return out
