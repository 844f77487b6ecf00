"""`planner explain`: why an item sits where it sits, in words."""

from __future__ import annotations

from typing import Any

from planner.errors import NotFoundError
from planner.roadmap import PlanContext


def explain(ctx: PlanContext, obligation: str, layer: str | None = None) -> list[dict[str, Any]]:
    """For each layer that plans `obligation` (or just `layer`), the facts behind its placement.

    Raises:
        NotFoundError: the obligation is unknown, or not on that layer's roadmap.
    """
    cat, plan = ctx.catalogue, ctx.plan
    if obligation not in cat.obligations:
        raise NotFoundError(f"no obligation has the id {obligation!r}{cat.hint(obligation)}")
    ob = cat.obligations[obligation]
    keys = sorted(k for k in plan.items if k[0] == obligation and (layer is None or k[1] == layer))
    if not keys:
        roles = ", ".join(f"{k}: {v.value}" for k, v in sorted(ob.roles.items()))
        where = f"layer {layer!r}" if layer else "any layer"
        raise NotFoundError(f"{obligation} is not on the roadmap of {where} (roles: {roles})")
    milestone = cat.milestone_of(ob)
    act = cat.acts[ob.act]
    milestone_source = cat.source(act.id, milestone.source) if milestone else None
    sources = [cat.source(ob.act, key) for key in ob.sources]
    package = next((p for p in ctx.packages if obligation in p.members), None)
    out = []
    for key in keys:
        item = plan.items[key]
        dependants = sorted(
            (
                (kind, other)
                for other in plan.items.values()
                for kind, o, lay in other.waits_on
                if (o, lay) == key
            ),
            key=lambda w: (w[1].stage or 0, w[1].obligation, w[1].layer),
        )
        out.append(
            {
                "obligation": obligation,
                "layer": item.layer,
                "title": ob.title.model_dump(exclude_none=True),
                "scenario": plan.scenario,
                "stage": plan.stage_id(item.stage),
                "status": item.status,
                "due": item.due.isoformat() if item.due else None,
                "due_from": {
                    "act": act.id,
                    "act_title": (act.short or act.title).get("en"),
                    "articles": list(ob.articles),
                    "milestone": milestone.id if milestone else None,
                    "milestone_article": milestone.article if milestone else None,
                    "milestone_status": milestone.status.value if milestone else None,
                    "milestone_source": milestone_source.url if milestone_source else None,
                    "sources": list(dict.fromkeys(s.url or s.title for s in sources if s is not None)),
                },
                "waits_on": [
                    {
                        "kind": k,
                        "obligation": o,
                        "layer": lay,
                        "stage": plan.stage_id(plan.items[(o, lay)].stage),
                        "status": plan.items[(o, lay)].status,
                    }
                    for k, o, lay in item.waits_on
                ],
                "waited_on_by": [
                    {"kind": k, "obligation": d.obligation, "layer": d.layer, "stage": plan.stage_id(d.stage)}
                    for k, d in dependants
                ],
                "package": item.package,
                "package_members": list(package.members) if package and item.package == package.id else [],
                "rule": item.rule,
                "rule_text": RULES.get(item.rule, item.rule),
                "reasons": list(item.reasons),
            }
        )
    return out


RULES = {
    "earliest": "placed in the first stage it can start in",
    "after-dependency": "placed in the first stage after what it waits on",
    "package": "placed with its joint work package, which waits on work of another member",
    "capacity": "moved later because earlier stages were full",
    "deadline-forced": "placed above capacity because its due date forces it",
    "done": "done according to the progress file",
}


def explain_text(records: list[dict[str, Any]]) -> str:
    """The records of :func:`explain` as readable English text."""
    lines: list[str] = []
    for r in records:
        src = r["due_from"]
        lines.append(f"{r['obligation']} for {r['layer']}: {r['title'].get('en') or r['title'].get('nl')}")
        lines.append(f"  stage:    {r['stage'] or '-'} ({r['status']})")
        if r["scenario"]:
            lines.append(f"  scenario: {r['scenario']}")
        lines.append(f"  rule:     {r['rule_text']}")
        due = r["due"] or "no due date"
        origin = (
            f"milestone {src['milestone']}"
            + (
                f" ({src['milestone_article']}, {src['milestone_status']})"
                if src["milestone_article"]
                else ""
            )
            if src["milestone"]
            else "its own due date"
        )
        lines.append(f"  due:      {due}, from {src['act_title']} {', '.join(src['articles'])}; {origin}")
        for s in src["sources"]:
            lines.append(f"  source:   {s}")
        for w in r["waits_on"]:
            lines.append(
                f"  waits on: {w['obligation']} ({w['layer']}, {w['kind']}) in {w['stage'] or '-'} [{w['status']}]"
            )
        for d in r["waited_on_by"]:
            lines.append(f"  unlocks:  {d['obligation']} ({d['layer']}) in {d['stage'] or '-'}")
        if r["package"]:
            members = ", ".join(m for m in r["package_members"] if m != r["obligation"])
            lines.append(f"  package:  {r['package']}" + (f" (with {members})" if members else ""))
        for reason in r["reasons"]:
            lines.append(f"  because:  {reason}")
        lines.append("")
    return "\n".join(lines)
