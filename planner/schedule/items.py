"""The unit of planning: one item per obligation and layer that plans it, and what each waits on.

An item starts from the obligation (due date, effort, nature) and is then fitted to the profile
of the organisation planned for (:class:`~planner.organisation.profile.Profile`): whether the
duty applies, what the organisation has in place, what it deferred, how far it got.
"""

from __future__ import annotations

import datetime as dt
import math
from collections import defaultdict
from typing import TYPE_CHECKING

from planner.dates import add_months
from planner.messages import Msg
from planner.models import PLANNED_ROLES, Nature
from planner.organisation.model import State
from planner.organisation.profile import Profile, applies, layer_profile
from planner.schedule.model import Deps, Item, Key, Status
from planner.schedule.periods import STAGE_SIZES

if TYPE_CHECKING:
    from planner.catalogue import Catalogue
    from planner.models import Change, Obligation, Progress

DEFAULT_EFFORT = 1.0
"""The effort (person-days) of an obligation whose catalogue entry gives none."""
HORIZON_YEARS = 3
"""How far ahead a recurring duty's dates are listed and its workload reserved."""


def build_items(
    cat: Catalogue,
    progress: list[Progress] | None = None,
    profiles: dict[str, Profile] | None = None,
    as_of: dt.date | None = None,
    stage_size: str = "quarter",
) -> dict[tuple[str, str], Item]:
    """Every (obligation, layer) pair with a planned role, fitted to each layer's profile.

    Args:
        cat: the catalogue (with a scenario applied, if any).
        progress: progress files; one that names no layer marks an obligation done for every layer.
        profiles: per layer the profile planned for; a layer without one is planned as its
            typical organisation (:func:`~planner.organisation.profile.layer_profile`).
        as_of: the planning date: a duty due before it whose state is unknown is ``unassessed``.
        stage_size: the stage length, which sets how many stages a lead time spans.

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
    done = _done_by_progress(cat, progress)
    profiles = {lid: (profiles or {}).get(lid) or layer_profile(cat, lid) for lid in cat.layers}
    items = {}
    for oid, ob in cat.obligations.items():
        for layer, role in sorted(ob.roles.items()):
            if role not in PLANNED_ROLES:
                continue
            item = Item(oid, ob.act, layer, cat.deadline(ob), float(ob.effort_estimate or DEFAULT_EFFORT))
            if ob.voluntary:
                since = cat.due(ob)
                item.reasons.append(Msg("voluntary", since=since) if since else Msg("voluntary-undated"))
            item.nature = (ob.nature or Nature.ONE_OFF).value
            item.lead_time_months = float(ob.lead_time_months or 0)
            item.span = max(1, math.ceil(item.lead_time_months / STAGE_SIZES[stage_size] - 1e-9))
            if (oid, layer) in done:
                item.status, item.done_on, item.rule = Status.DONE, done[(oid, layer)], "done"
                item.reasons.append(Msg("done-on", date=item.done_on) if item.done_on else Msg("done"))
            else:
                profile = profiles.get(layer) or Profile(layer)
                if not _delivered(item, cat):
                    _fit(item, ob, profile, cat, as_of)
                if not item.settled:
                    _collectives(item, cat, profile, as_of)
            replaced = cat.replacement(oid)
            if replaced is not None:
                item.reasons.append(_replaced_reason(cat, replaced))
            if cat.scenario is not None and cat.amends(oid):
                item.reasons.append(Msg("amended", scenario=cat.scenario.id))
            if as_of is not None and ob.recurrence is not None and item.applicable:
                item.occurrences = _occurrences(ob, item.due, as_of)
                item.occurrence_effort = _occurrence_effort(ob, item, cat, profiles.get(layer))
            items[(oid, layer)] = item
    return items


def _replaced_reason(cat: Catalogue, change: Change) -> Msg:
    """What replaces a duty from which date, in the scenario applied."""
    scenario = cat.scenario.id if cat.scenario else ""
    if change.by is None:
        return Msg("replaced-from", date=change.replaced, scenario=scenario)
    return Msg("replaced-by", date=change.replaced, by=change.by, scenario=scenario)


def _done_by_progress(cat: Catalogue, progress: list[Progress] | None) -> dict[Key, dt.date | None]:
    done: dict[Key, dt.date | None] = {}
    for prog in progress or []:
        for entry in prog.done:
            ob = cat.obligations.get(entry.obligation)
            if ob is None:
                continue
            for layer in ob.roles:
                if prog.layer is None or prog.layer == layer:
                    done[(entry.obligation, layer)] = entry.done
    return done


def _fit(item: Item, ob: Obligation, profile: Profile, cat: Catalogue, as_of: dt.date | None) -> None:
    """Fit an open item to the profile: applicability first, then the organisation's state."""
    entry = profile.states.get(item.obligation)
    item.state = entry.state.value if entry else None
    if entry is not None and entry.state is State.NOT_APPLICABLE:
        _settle(item, Status.NOT_APPLICABLE, Msg("na-by-hand", reason=entry.reason))
        return
    verdict = applies(ob, profile)
    if verdict is False and ob.applies_if is not None:
        _settle(item, Status.NOT_APPLICABLE, _condition_reason(ob, profile, cat))
        return
    if entry is not None and entry.state in (State.IN_PLACE, State.DONE):
        continuing = item.nature != Nature.ONE_OFF.value and entry.state is State.IN_PLACE
        status = Status.IN_PLACE if continuing else Status.DONE
        item.done_on = entry.since
        _settle(item, status, Msg(f"{status}-since", date=entry.since) if entry.since else Msg(status))
        return
    if entry is not None and entry.state is State.IN_PROGRESS and entry.percent:
        item.effort *= 1 - entry.percent / 100
        item.reasons.append(Msg("in-progress", percent=entry.percent))
    if entry is not None and entry.state is State.DEFERRED:
        item.reasons.append(Msg("deferred", until=entry.until, decision=entry.decision))
        if as_of is None or entry.until is None or entry.until >= as_of:
            item.not_before = entry.until  # a deferral that has lapsed puts the duty back on the plan
    if entry is None and as_of is not None and item.due is not None and item.due < as_of:
        item.stage, item.span = 0, 1  # assessed in the first stage; what waits on it comes after
        _settle(item, Status.UNASSESSED, Msg("unassessed", due=item.due))


def _delivered(item: Item, cat: Catalogue) -> bool:
    """Settle a facility that an existing collective delivers as in place; whether it was."""
    from planner.house.model import DeliveryStatus
    from planner.house.use import delivering

    made = delivering(cat, item.obligation)
    if made is None or made.status is not DeliveryStatus.EXISTS:
        return False
    item.done_on = made.delivery
    who = {"provider": made.provider, "collective": made.id}
    _settle(
        item,
        Status.IN_PLACE,
        Msg("delivered-by", date=made.delivery, **who)
        if made.delivery
        else Msg("delivered-by-undated", **who),
    )
    return True


def _collectives(item: Item, cat: Catalogue, profile: Profile, as_of: dt.date | None) -> None:
    """What collective arrangements change for an open item.

    A facility that a collective delivers and that exists is in place; one still to come waits
    for its delivery date. A duty that the organisation's collectives cover keeps only the part
    left to the organisation, and waits for a planned collective's delivery.
    """
    from planner.house.model import DeliveryStatus
    from planner.house.use import covering, delivering, remaining_share, used_collectives

    made = delivering(cat, item.obligation)
    if made is not None and made.delivery is not None:
        # the provider's own programme delivers it on its date: the plan holds the date, not the work
        item.delivery, item.provider = made.delivery, made.id
        item.effort, item.span, item.lead_time_months = 0.0, 1, 0.0
        item.reasons.append(
            Msg("delivery-expected", provider=made.provider, collective=made.id, date=made.delivery)
        )
    used = used_collectives(cat, item.layer, profile.collectives)
    # two arrangements may provide the same part: the smallest share counts, as in the house view
    item.effort *= remaining_share(used, item.obligation)
    for coll, cov in covering(used, item.obligation):
        share = cov.remaining.share
        item.reasons.append(
            Msg("covered-by", provider=coll.provider, collective=coll.id, percent=round(100 * share))
        )
        coming = coll.delivery if coll.status is not DeliveryStatus.EXISTS else None
        if coming is not None and (as_of is None or coming > as_of):
            if item.delivery is None or coming > item.delivery:
                item.delivery, item.provider = coming, coll.id
            item.reasons.append(
                Msg("waits-collective", provider=coll.provider, collective=coll.id, date=coming)
            )


def _settle(item: Item, status: str, reason: str) -> None:
    item.status, item.rule = status, status
    item.reasons.append(reason)


def _condition_reason(ob: Obligation, profile: Profile, cat: Catalogue) -> Msg:
    """Why a duty does not apply: the question(s), the answer, the article, and whether assumed."""
    cond = ob.applies_if
    assert cond is not None  # only called for a conditional duty
    asked = list(dict.fromkeys(cond.questions()))
    answers = [Msg("answer-is", question=q, answer=_answer(profile.answers.get(q))) for q in asked]
    assumed = [q for q in asked if q in profile.assumed]
    where = cond.article or ", ".join(ob.articles)
    if assumed:
        return Msg("na-assumed", answers=_seq(answers), article=where, layer=profile.layer)
    return Msg("na-answered", answers=_seq(answers), article=where)


def _answer(value: object) -> object:
    if isinstance(value, bool):
        return Msg("yes" if value else "no")
    return "?" if value is None else value


def _seq(values: list[Msg]) -> object:
    from planner.messages import Seq

    return Seq(values, "; ")


def _occurrence_effort(ob: Obligation, item: Item, cat: Catalogue, profile: Profile | None) -> float | None:
    """The person-days one occurrence of a recurring duty takes, None when the catalogue gives none.

    That is the catalogue's effort per occurrence, less the share the organisation's collectives
    cover (:func:`~planner.house.use.remaining_share`).

    Progress on the duty (``in-progress`` percent) is progress on setting it up, not on every
    coming occurrence, so it does not lower this.
    """
    from planner.house.use import remaining_share, used_collectives

    if ob.effort_estimate is None:
        return None
    used = used_collectives(cat, item.layer, profile.collectives if profile is not None else None)
    return float(ob.effort_estimate) * remaining_share(used, item.obligation)


def _occurrences(ob: Obligation, due: dt.date | None, as_of: dt.date) -> list[dt.date]:
    """A recurring duty's dates from `as_of` to the horizon.

    Example:
        >>> from planner.models import Obligation
        >>> ob = Obligation.model_validate({"id": "a.b", "title": {"en": "x"}, "roles": {"rijk": "addressee"},
        ...     "nature": "recurring", "recurrence": {"every": "year", "first": "2025-07-01"}})
        >>> _occurrences(ob, None, dt.date(2026, 12, 7))
        [datetime.date(2027, 7, 1), datetime.date(2028, 7, 1), datetime.date(2029, 7, 1)]
    """
    assert ob.recurrence is not None
    first = ob.recurrence.first or due
    if first is None:
        return []
    step = ob.recurrence.every.months
    end = add_months(as_of, 12 * HORIZON_YEARS)  # a leap day's horizon ends on 28 February
    dates: list[dt.date] = []
    k = 0
    while True:
        date = add_months(first, k * step)
        if date > end:
            return dates
        if date >= as_of:
            dates.append(date)
        k += 1


def dependencies(cat: Catalogue, items: dict[Key, Item]) -> Deps:
    """For each item, what it waits on: (kind, item key), without repeats.

    A prerequisite (``requires``) is waited for in the item's own layer only: when the layer
    does not plan the prerequisite, it is another layer's duty and imposes nothing here. A
    facility (``needs_facility``) is waited for from every layer that provides it.
    """
    layers_of: dict[str, list[str]] = defaultdict(list)
    for oid, layer in items:
        layers_of[oid].append(layer)
    deps: Deps = {}
    for key, item in items.items():
        ob = cat.obligations[item.obligation]
        waits: dict[Key, str] = {}
        for rel in ob.requires:
            if (rel.to, item.layer) in items:
                waits.setdefault((rel.to, item.layer), "requires")
        for rel in ob.needs_facility:
            for layer in layers_of.get(rel.to, []):
                waits.setdefault((rel.to, layer), "needs-facility" if layer != item.layer else "requires")
        waits.pop(key, None)  # the loader reports an obligation that waits on itself
        if waits:
            deps[key] = [(kind, dep) for dep, kind in waits.items()]
    return deps
