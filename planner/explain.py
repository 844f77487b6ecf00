"""`planner explain`: why an item sits where it sits, in words."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from planner.errors import NotFoundError
from planner.explain_providers import providers
from planner.labels import STATUS, vocabulary
from planner.messages import render
from planner.roadmap import PlanContext

if TYPE_CHECKING:
    from planner.catalogue import Catalogue
    from planner.models import Obligation
    from planner.schedule.model import Item, Key, Plan


def explain(
    ctx: PlanContext,
    obligation: str,
    layer: str | None = None,
    lang: str = "en",
    baseline: PlanContext | None = None,
) -> list[dict[str, Any]]:
    """For each layer that plans `obligation` (or just `layer`), the facts behind its placement.

    Args:
        ctx: the plan (with a scenario applied, if any).
        obligation: the obligation id.
        layer: only this layer's item.
        lang: the language of titles and sentences.
        baseline: the same plan without the scenario; with it, a provider's delivery says how
            far it and the item move under the scenario.

    Raises:
        NotFoundError: the obligation is unknown, or not on that layer's roadmap.
    """
    cat, plan = ctx.catalogue, ctx.plan
    keys = _planned_keys(ctx, obligation, layer)
    ob = cat.obligations[obligation]
    package = next((p for p in ctx.packages if obligation in p.members), None)
    out = []
    for key in keys:
        item = plan.items[key]
        out.append(
            {
                "obligation": obligation,
                "layer": item.layer,
                "title": ob.title.model_dump(exclude_none=True),
                "scenario": plan.scenario,
                "stage": plan.stage_id(item.stage),
                "status": item.status,
                "due": item.due.isoformat() if item.due else None,
                "due_from": _due_from(cat, ob, lang),
                "waits_on": _waits_on(plan, item),
                "waited_on_by": _waited_on_by(plan, key),
                "package": item.package,
                "package_members": list(package.members) if package and item.package == package.id else [],
                "rule": item.rule,
                "rule_text": RULES[lang].get(item.rule, item.rule),
                "reasons": [render(r, lang) for r in item.reasons],
                "providers": providers(ctx, item, lang, baseline),
            }
        )
    return out


def _planned_keys(ctx: PlanContext, obligation: str, layer: str | None) -> list[Key]:
    """The plan's keys of `obligation` (only `layer`'s when given), in order.

    Raises:
        NotFoundError: the obligation is unknown, or not on that layer's roadmap.
    """
    cat, plan = ctx.catalogue, ctx.plan
    if obligation not in cat.obligations:
        raise NotFoundError(f"no obligation has the id {obligation!r}{cat.hint(obligation)}")
    keys = sorted(k for k in plan.items if k[0] == obligation and (layer is None or k[1] == layer))
    if not keys:
        ob = cat.obligations[obligation]
        roles = ", ".join(f"{k}: {v.value}" for k, v in sorted(ob.roles.items()))
        where = f"layer {layer!r}" if layer else "any layer"
        raise NotFoundError(f"{obligation} is not on the roadmap of {where} (roles: {roles})")
    return keys


def _due_from(cat: Catalogue, ob: Obligation, lang: str) -> dict[str, Any]:
    """Where the obligation's due date comes from: its act, articles, milestone and sources."""
    milestone = cat.milestone_of(ob)
    act = cat.acts[ob.act]
    milestone_source = cat.source(act.id, milestone.source) if milestone else None
    sources = [cat.source(ob.act, key) for key in ob.sources]
    return {
        "act": act.id,
        "act_title": (act.short or act.title).get(lang),
        "articles": list(ob.articles),
        "milestone": milestone.id if milestone else None,
        "milestone_article": milestone.article if milestone else None,
        "milestone_status": milestone.status.value if milestone else None,
        "milestone_source": milestone_source.url if milestone_source else None,
        "sources": list(dict.fromkeys(s.url or s.title for s in sources if s is not None)),
    }


def _waits_on(plan: Plan, item: Item) -> list[dict[str, Any]]:
    """The items `item` waits on, each with its stage and status."""
    return [
        {
            "kind": k,
            "obligation": o,
            "layer": lay,
            "stage": plan.stage_id(plan.items[(o, lay)].stage),
            "status": plan.items[(o, lay)].status,
        }
        for k, o, lay in item.waits_on
    ]


def _waited_on_by(plan: Plan, key: Key) -> list[dict[str, Any]]:
    """The items that wait on the item `key`, by stage, obligation and layer."""
    dependants = sorted(
        (
            (kind, other)
            for other in plan.items.values()
            for kind, o, lay in other.waits_on
            if (o, lay) == key
        ),
        key=lambda w: (w[1].stage or 0, w[1].obligation, w[1].layer),
    )
    return [
        {"kind": k, "obligation": d.obligation, "layer": d.layer, "stage": plan.stage_id(d.stage)}
        for k, d in dependants
    ]


RULES = vocabulary("rule")
"""Per language, what each placement rule means (the ``rule`` vocabulary of :mod:`planner.i18n`)."""

LEGAL = vocabulary("legal")
"""Per language, the names of a milestone's legal status."""

WORDS = vocabulary("explain")
"""Per language, the labels and small words of the text form (the ``explain`` vocabulary)."""


TEXT_LABELS = (
    "stage",
    "scenario",
    "rule",
    "due",
    "source",
    "waits_on",
    "unlocks",
    "package",
    "because",
    "provider",
)
"""The row labels of the text form, which are aligned to the longest of them."""


def explain_text(records: list[dict[str, Any]], lang: str = "en") -> str:
    """The records of :func:`explain` as readable text in `lang`."""
    w = WORDS[lang]
    width = max(len(w[label]) for label in TEXT_LABELS) + 2
    lines: list[str] = []
    for r in records:
        lines += _record_text(r, lang, width)
        lines.append("")
    return "\n".join(lines)


def _record_text(r: dict[str, Any], lang: str, width: int) -> list[str]:
    """One record of :func:`explain` as a title line and labelled rows, labels padded to `width`."""
    w = WORDS[lang]
    src = r["due_from"]
    title = r["title"].get(lang) or r["title"].get("en") or r["title"].get("nl")
    lines = [f"{r['obligation']} {w['for']} {r['layer']}: {title}"]

    def row(label: str, text: str) -> None:
        lines.append(f"  {(w[label] + ':').ljust(width)}{text}")

    row("stage", f"{r['stage'] or '-'} ({STATUS[lang].get(r['status'], r['status'])})")
    if r["scenario"]:
        row("scenario", r["scenario"])
    row("rule", r["rule_text"])
    articles = ", ".join(src["articles"])
    row("due", f"{r['due'] or w['no_due']}, {w['from']} {src['act_title']} {articles}; {_origin(src, lang)}")
    for source in src["sources"]:
        row("source", source)
    for d in r["waits_on"]:
        row(
            "waits_on",
            f"{d['obligation']} ({d['layer']}, {w.get(d['kind'], d['kind'])}) {w['in']} {d['stage'] or '-'} "
            f"[{STATUS[lang].get(d['status'], d['status'])}]",
        )
    for d in r["waited_on_by"]:
        row("unlocks", f"{d['obligation']} ({d['layer']}) {w['in']} {d['stage'] or '-'}")
    if r["package"]:
        members = ", ".join(m for m in r["package_members"] if m != r["obligation"])
        row("package", r["package"] + (f" ({w['with']} {members})" if members else ""))
    for reason in r["reasons"]:
        row("because", reason)
    for p in r["providers"]:
        row("provider", p["text"])
    return lines


def _origin(src: dict[str, Any], lang: str) -> str:
    """Where a due date comes from in words: the milestone (article, legal status) or the duty's own date."""
    w = WORDS[lang]
    if not src["milestone"]:
        return str(w["own_date"])
    detail = (
        f" ({src['milestone_article']}, {LEGAL[lang].get(src['milestone_status'], src['milestone_status'])})"
        if src["milestone_article"]
        else ""
    )
    return f"{w['milestone']} {src['milestone']}{detail}"
