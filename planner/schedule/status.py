"""Statuses and reasons: why each item sits where it sits, and what a reader must act on."""

from __future__ import annotations

import datetime as dt
import functools
from collections.abc import Callable
from typing import TYPE_CHECKING

from planner.messages import Msg, Seq
from planner.schedule.loads import EPSILON
from planner.schedule.model import (
    OFF_PLAN,
    Deps,
    Finding,
    Group,
    Item,
    Key,
    Plan,
    Rule,
    Status,
    half_days,
    item_name,
)
from planner.schedule.periods import period_index

if TYPE_CHECKING:
    from planner.catalogue import Catalogue

FINDING_ORDER = ("overdue", "blocked", "at-risk", "deferred", "capacity", "package-split")
"""Findings are listed by kind in this order: what is already late first."""

CHAIN_SHOWN = 8
"""How many links of a chain of waiting items a reason names at most."""


def explain_plan(
    plan: Plan,
    cat: Catalogue,
    deps: Deps,
    *,
    groups: dict[str, Group],
    group_of: dict[Key, str],
    due_stages: dict[Key, int],
) -> None:
    """Statuses and reasons: every status other than planned names its cause."""
    items = plan.items
    stage_id = functools.cache(plan.stage_id)  # a few stages, named for every item and what it waits on
    ordered = sorted(items.items())
    for key, item in ordered:
        if item.settled:
            continue
        waits = [(kind, items[dep]) for kind, dep in deps.get(key, []) if items[dep].status not in OFF_PLAN]
        item.waits_on = [(kind, d.obligation, d.layer) for kind, d in waits]
        _placement_reasons(plan, item, waits, groups[group_of[key]], stage_id)
        _timing(plan, item, waits, (groups, group_of), due_stage=due_stages[key], stage_id=stage_id)
        _before_setup(plan, item, groups[group_of[key]], stage_id)
    _undelivered(plan, cat, ordered)
    plan.findings.sort(key=lambda f: (FINDING_ORDER.index(f.kind), f.obligation, f.layer, f.message))


StageName = Callable[[int | None], str | None]
"""Names a relative stage (``Plan.stage_id``, cached)."""


def _placement_reasons(
    plan: Plan, item: Item, waits: list[tuple[str, Item]], group: Group, stage_id: StageName
) -> None:
    """Add the reasons for the item's stage: what it waits on, its package, capacity, its span."""
    stage_name = stage_id(item.stage)
    if item.rule == Rule.EARLIEST and not waits:
        item.reasons.append(Msg("start-now", stage=stage_name))
    for kind, dep in sorted(waits, key=lambda w: (w[1].stage or 0, w[1].obligation, w[1].layer)):
        where = stage_id(dep.stage)
        if kind == "requires":
            item.reasons.append(Msg("after-prerequisite", obligation=dep.obligation, stage=where))
        else:
            item.reasons.append(
                Msg("after-facility", layer=dep.layer, obligation=dep.obligation, stage=where)
            )
    others = [k[0] for k in group.keys if k != item.key]
    if others:
        # in the half days the roadmaps show: the members' effort_days, and what the workload counts
        apart = sum(half_days(plan.items[k].effort) for k in group.keys)
        if half_days(group.effort) < apart - EPSILON:  # the members' own efforts add up to more
            item.reasons.append(
                Msg(
                    "together-saving",
                    others=Seq(others),
                    package=item.package,
                    joint=half_days(group.effort),
                    apart=apart,
                )
            )
        else:
            item.reasons.append(Msg("together", others=Seq(others), package=item.package))
    if item.rule == Rule.PACKAGE and group.binding is not None:
        _, dep_key, member = group.binding
        item.reasons.append(
            Msg(
                "package-starts",
                package=item.package,
                stage=stage_name,
                dep=item_name(dep_key, item.layer),
                dep_stage=stage_id(plan.items[dep_key].stage),
                member=member[0],
            )
        )
    if item.rule == Rule.CAPACITY:
        item.reasons.append(Msg("stages-full", layer=item.layer, capacity=plan.capacity.get(item.layer)))
    if item.rule == Rule.DEADLINE_FORCED:
        item.reasons.append(Msg("deadline-forced", stage=stage_name))
    if item.span > 1:
        item.reasons.append(
            Msg(
                "spans",
                span=item.span,
                start=stage_name,
                end=stage_id(item.end),
                months=item.lead_time_months,
            )
        )


def _timing(
    plan: Plan,
    item: Item,
    waits: list[tuple[str, Item]],
    grouping: tuple[dict[str, Group], dict[Key, str]],
    *,
    due_stage: int,
    stage_id: StageName,
) -> None:
    """Set the item's status against its due date (deferred, overdue, late or in time) and say why."""
    stage_name = stage_id(item.stage)
    if item.not_before is not None:
        _deferred(plan, item)
    elif item.due is not None and item.due < plan.as_of:
        _flag(plan, item, Status.OVERDUE, Msg("overdue", due=item.due, as_of=plan.as_of))
        item.reasons.append(Msg("catch-up", due=item.due, start=stage_name, end=stage_id(item.end)))
    elif item.end is not None and item.end > due_stage:
        status, cause = _late_cause(plan, item, waits, *grouping)
        due_name = stage_id(due_stage)
        _flag(
            plan, item, status, Msg("late", cause=cause, due=item.due, due_stage=due_name, stage=stage_name)
        )
    elif item.due is not None:
        item.reasons.append(Msg("in-time", due=item.due))


def occurrences_before_setup(plan: Plan, item: Item) -> list[dt.date]:
    """The coming dates of a recurring duty that fall in a stage before its setup starts.

    Each is a recurring deliverable of a duty not yet set up: the scheduler aims to set the duty
    up by its first occurrence (:func:`~planner.schedule.place.latest_starts`); these are the
    ones its prerequisites, capacity or a deferral did not allow it to meet.
    """
    if item.settled or item.stage is None:
        return []
    start = item.stage
    return [d for d in item.occurrences if period_index(d, plan.stage_size) - plan.first < start]


def _before_setup(plan: Plan, item: Item, group: Group, stage_id: StageName) -> None:
    """Flag a recurring duty whose setup starts after one of its occurrences, and say why."""
    early = occurrences_before_setup(plan, item)
    if not early:
        return
    message = Msg(
        "occurrence-before-setup",
        dates=Seq(early),
        start=stage_id(item.stage),
        end=stage_id(item.end),
        cause=_setup_cause(plan, item, group, stage_id),
    )
    if item.status == Status.PLANNED:  # overdue, blocked or deferred say more; this is told as well
        item.status = Status.AT_RISK
    item.reasons.append(message)
    plan.findings.append(Finding(Status.AT_RISK, item.obligation, item.layer, message))


def _setup_cause(plan: Plan, item: Item, group: Group, stage_id: StageName) -> Msg:
    """Why a recurring duty's setup cannot start before its first coming occurrence."""
    if item.not_before is not None and group.not_before == item.stage:
        return Msg("setup-deferred", until=item.not_before)
    if item.delivery is not None and item.provider is not None and group.not_before == item.stage:
        return Msg("setup-delivery", collective=item.provider, date=item.delivery)
    if item.rule == Rule.CAPACITY:
        return Msg("stages-full", layer=item.layer, capacity=plan.capacity.get(item.layer))
    if group.binding is not None:
        dep = group.binding[1]
        return Msg("setup-waits", name=item_name(dep, item.layer), stage=stage_id(plan.items[dep].end))
    return Msg("no-room", layer=item.layer)


def _deferred(plan: Plan, item: Item) -> None:
    """A deferred item: its own status, and a finding when the deferral passes the due date."""
    item.status = Status.DEFERRED
    if item.due is not None and item.not_before is not None and item.due < item.not_before:
        # the deferral's own sentence, added when the item was built (reasons follow it since)
        entry = next((r for r in item.reasons if getattr(r, "key", None) == "deferred"), None)
        decision = entry.args.get("decision", "") if isinstance(entry, Msg) else ""
        message = Msg("deferred-past-due", until=item.not_before, due=item.due, decision=decision)
        plan.findings.append(Finding("deferred", item.obligation, item.layer, message))


def _flag(plan: Plan, item: Item, status: str, message: str) -> None:
    """Give `item` a status other than planned, with its cause as reason and finding."""
    item.status = status
    item.reasons.append(message)
    plan.findings.append(Finding(status, item.obligation, item.layer, message))


def _late_cause(
    plan: Plan,
    item: Item,
    waits: list[tuple[str, Item]],
    groups: dict[str, Group],
    group_of: dict[Key, str],
) -> tuple[str, str]:
    """Why an item sits after its due stage: (``blocked`` or ``at-risk``, a sentence).

    The cause is the chain of what decided each stage, followed back from the item: its own
    latest prerequisite or facility, else the one its joint work package waits on.
    """
    group = groups[group_of[item.key]]
    if item.delivery is not None and item.provider is not None and group.not_before == item.stage:
        return Status.BLOCKED, Msg(
            "late-provider", provider=item.provider, collective=item.provider, date=item.delivery
        )
    if group.binding is None and group.span > 1:  # the work is longer than the time left
        return Status.AT_RISK, Msg(
            "too-long", span=group.span, start=plan.stage_id(item.stage), end=plan.stage_id(item.end)
        )
    if group.binding is None:  # cannot happen while due dates force capacity; kept as a guard
        return Status.AT_RISK, Msg("no-room", layer=item.layer)
    kind, first, member = group.binding
    bound = plan.items[first].stage
    own = [(k, d.key) for k, d in waits if d.stage == bound]
    if own:
        (kind, first), via = own[0], ""
    else:
        via = Msg("via-package", package=item.package, member=member[0])
    if kind == "needs-facility" and first[1] != item.layer:
        return Status.BLOCKED, Msg(
            "blocked-late", layer=first[1], obligation=first[0], stage=plan.stage_id(bound), via=via
        )
    chain = [Msg("in-stage", name=item_name(first, item.layer), stage=plan.stage_id(bound))]
    node = groups.get(group_of.get(first, ""))
    while node is not None and node.binding is not None and len(chain) < CHAIN_SHOWN:
        waited = node.binding[1]
        chain.append(
            Msg("in-stage", name=item_name(waited, item.layer), stage=plan.stage_id(plan.items[waited].stage))
        )
        node = groups.get(group_of.get(waited, ""))
    return Status.AT_RISK, Msg("at-risk-chain", chain=Seq(chain, " after "), via=via)


def _undelivered(plan: Plan, cat: Catalogue, ordered: list[tuple[Key, Item]]) -> None:
    """Block items whose facility no layer plans (or a scenario removed).

    `ordered` is the plan's items sorted by key, as :func:`explain_plan` has sorted them already.
    """
    delivered = {k[0] for k in plan.items}
    removed = {c.obligation for c in cat.scenario.changes if c.remove} if cat.scenario else set()
    for _, item in ordered:
        if item.settled:
            continue
        for rel in cat.obligations[item.obligation].needs_facility:
            if rel.to in delivered:
                continue
            why = Msg("no-provider")
            if cat.scenario and rel.to in removed:
                why = Msg("scenario-removes", scenario=cat.scenario.id)
            message = Msg("blocked-missing", obligation=rel.to, why=why)
            if item.status == Status.OVERDUE:  # overdue says more; the missing facility is still told
                item.reasons.append(message)
                plan.findings.append(Finding("blocked", item.obligation, item.layer, message))
            else:
                _flag(plan, item, Status.BLOCKED, message)
