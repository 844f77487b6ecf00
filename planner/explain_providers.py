"""What an item waits on from a provider: a collective's facility still to be delivered, and its date.

An item waits on a provider when its own work waits for a planned collective (the facility it
delivers, or an arrangement covering the duty), or when it needs another item that a collective
delivers. `planner explain` says which provider, which facility, the expected delivery date and
that the item waits on it; under a scenario also how far the delivery and the item move compared
with the plan without the scenario.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from planner.dates import months_between
from planner.i18n import gettext, ngettext

if TYPE_CHECKING:
    from planner.roadmap import PlanContext
    from planner.schedule import Item, Key


def _waited(ctx: PlanContext, item: Item) -> list[tuple[str, Key, Item]]:
    """The items whose delivery by a provider `item` waits on: itself first, then what it needs."""
    out: list[tuple[str, Key, Item]] = []
    if item.provider is not None and item.delivery is not None:
        out.append(("self", item.key, item))
    for kind, oid, layer in item.waits_on:
        other = ctx.plan.items.get((oid, layer))
        if other is not None and other.provider is not None and other.delivery is not None:
            out.append((kind, (oid, layer), other))
    return out


def providers(
    ctx: PlanContext, item: Item, lang: str, baseline: PlanContext | None = None
) -> list[dict[str, Any]]:
    """The provider deliveries `item` waits on, each with its facts and the sentence that says it.

    Args:
        ctx: the plan the item is in (with a scenario applied, if any).
        item: the item explained.
        lang: the language of titles and sentences.
        baseline: the same plan without the scenario, to say how far things move under it.

    Returns:
        One record per delivery waited on: ``collective``, ``provider``, ``title``, ``facility``
        (the obligation delivered, or the item's own when the collective covers part of it) and
        ``facility_layer``, ``kind`` (``self``, ``requires`` or ``needs-facility``), ``status``,
        ``delivery``, ``confirmed``, ``covers`` (the collective takes over part of the item's own
        duty rather than delivering a facility) and ``text`` (sentences);
        under a scenario with a baseline also ``delivery_without``, ``stage_without``.
    """
    cat, plan = ctx.catalogue, ctx.plan
    out = []
    for kind, key, other in _waited(ctx, item):
        coll = cat.collectives.get(other.provider or "")
        if coll is None or other.delivery is None:
            continue
        record: dict[str, Any] = {
            "collective": coll.id,
            "provider": coll.provider,
            "title": coll.title.get(lang),
            "facility": key[0],
            "facility_layer": key[1],
            "kind": kind,
            "status": coll.status.value,
            "delivery": other.delivery.isoformat(),
            "confirmed": coll.delivery_confirmed,
        }
        values = {
            "provider": coll.provider,
            "title": coll.title.get(lang),
            "collective": coll.id,
            "facility": key[0],
            "date": other.delivery.isoformat(),
            "stage": plan.stage_id(item.stage) or "-",
            "state": gettext(lang, "explain", f"delivery_{coll.status.value}"),
        }
        # the item is the facility the collective delivers, or a duty it takes over part of, or
        # it needs a facility the collective delivers
        own = kind == "self" and key[0] in coll.delivers
        record["covers"] = kind == "self" and not own
        first = "provider_covers" if record["covers"] else "provider_delivers"
        sentences = [gettext(lang, "explain", first, **values)]
        if not coll.delivery_confirmed:
            sentences.append(gettext(lang, "explain", "provider_unconfirmed"))
        then = "provider_is_delivery" if own else "provider_waits"
        sentences.append(gettext(lang, "explain", then, **values))
        if baseline is not None and plan.scenario:
            sentences.append(_moved(record, ctx, baseline, item, key=key, lang=lang))
        record["text"] = " ".join(sentences)
        out.append(record)
    return out


def _moved(
    record: dict[str, Any], ctx: PlanContext, baseline: PlanContext, item: Item, *, key: Key, lang: str
) -> str:
    """How far the delivery and the item move under the scenario; fills the record's ``*_without``."""
    plan = ctx.plan
    before_item = baseline.plan.items.get(item.key)
    before_other = baseline.plan.items.get(key)
    before = before_other.delivery if before_other is not None else None
    stage_before = before_item.stage if before_item is not None else None
    record["delivery_without"] = before.isoformat() if before else None
    record["stage_without"] = baseline.plan.stage_id(stage_before)
    after = plan.items[key].delivery
    months = months_between(before, after) if before and after else 0
    stages = (item.stage or 0) - (stage_before or 0)
    values: dict[str, Any] = {
        "scenario": plan.scenario,
        "before": record["delivery_without"] or "-",
        "after": after.isoformat() if after else "-",
        "stage_before": record["stage_without"] or "-",
        "stage_after": plan.stage_id(item.stage) or "-",
    }
    if months == 0 and stages == 0:
        return gettext(lang, "explain", "scenario_no_move", **values)
    values["months_text"] = _shift(lang, "months", months)
    values["stages_text"] = _shift(lang, "stages", stages)
    return gettext(lang, "explain", "scenario_moves", **values)


def _shift(lang: str, unit: str, n: int) -> str:
    """A move of `n` months or stages in words: later, earlier, or the same.

    >>> _shift("en", "stages", 4), _shift("nl", "months", -1), _shift("en", "months", 0)
    ('4 stages later', '1 maand eerder', 'the same date')
    """
    if n == 0:
        return gettext(lang, "explain", f"{unit}_same")
    return ngettext(lang, "explain", f"{unit}_later" if n > 0 else f"{unit}_earlier", abs(n), n=abs(n))
