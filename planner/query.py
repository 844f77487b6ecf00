"""Queries on a loaded catalogue: the rows of `planner list` and the records of `planner show`.

Each query returns plain data (lists and dicts of JSON-ready values); :func:`table` and
:func:`show_text` turn that data into terminal text.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from planner.catalogue import Catalogue
from planner.models import Act, Milestone, Obligation, cited

SHORTEST_CUT = 10
"""A table's last column is cut to the terminal width only if that leaves more than this many characters."""

KINDS = ("acts", "obligations", "layers", "themes", "scenarios", "collectives", "questions")


def _iso(value: dt.date | None) -> str | None:
    return value.isoformat() if value else None


def _matches(cat: Catalogue, ob: Obligation, layer: str | None, theme: str | None, act: str | None) -> bool:
    if act is not None and ob.act != act:
        return False
    if layer is not None and layer not in ob.roles:
        return False
    return theme is None or theme in ob.themes or theme in cat.acts[ob.act].themes


def list_rows(
    cat: Catalogue,
    kind: str,
    *,
    layer: str | None = None,
    theme: str | None = None,
    act: str | None = None,
    lang: str = "en",
) -> list[dict[str, Any]]:
    """The rows of `planner list KIND`, filtered, in catalogue order."""
    if kind == "scenarios":
        return scenario_rows(cat, act=act, lang=lang)
    if kind == "collectives":
        return collective_rows(cat, layer=layer, lang=lang)
    if kind == "questions":
        return question_rows(cat, layer=layer, lang=lang)
    obs = [o for o in cat.obligations.values() if _matches(cat, o, layer, theme, act)]
    if kind == "obligations":
        return [
            {
                "id": o.id,
                "act": o.act,
                "due": _iso(cat.due(o)),
                "roles": ", ".join(f"{k}:{v.value}" for k, v in sorted(o.roles.items())),
                "title": o.title.get(lang),
            }
            for o in obs
        ]
    if kind == "acts":
        return _act_rows(cat, obs, layer=layer, theme=theme, act=act, lang=lang)
    if kind == "layers":
        return [
            {
                "id": lid,
                "name": layer_.name.get(lang),
                "organisations": layer_.organisations,
                "obligations": sum(1 for o in obs if lid in o.roles),
            }
            for lid, layer_ in cat.layers.items()
            if layer is None or lid == layer
        ]
    return [
        {
            "id": tid,
            "name": t.name.get(lang),
            "acts": sum(1 for a in cat.acts.values() if tid in a.themes),
            "obligations": sum(1 for o in obs if tid in o.themes),
        }
        for tid, t in cat.themes.items()
        if theme is None or tid == theme
    ]


def _act_rows(
    cat: Catalogue,
    obs: list[Obligation],
    *,
    layer: str | None,
    theme: str | None,
    act: str | None,
    lang: str,
) -> list[dict[str, Any]]:
    """The rows of `planner list acts`: with a layer or theme filter, only acts with matching duties
    (or, for a theme alone, acts of that theme)."""
    counts: dict[str, int] = {}
    for o in obs:
        counts[o.act] = counts.get(o.act, 0) + 1
    filtered = layer is not None or theme is not None
    return [
        {
            "id": a.id,
            "kind": a.kind.value,
            "celex": a.celex,
            "status": a.status.value,
            "obligations": counts.get(a.id, 0),
            "title": (a.short or a.title).get(lang),
        }
        for a in cat.acts.values()
        if (act is None or a.id == act)
        and (not filtered or counts.get(a.id) or (theme is not None and theme in a.themes and layer is None))
    ]


def scenario_rows(cat: Catalogue, *, act: str | None = None, lang: str = "en") -> list[dict[str, Any]]:
    """The rows of `planner list scenarios`: each scenario with what it changes, sorted by id."""
    rows = []
    for sid, (owner, sc) in sorted(cat.scenarios().items()):
        if act is not None and owner.id != act:
            continue
        rows.append(
            {
                "id": sid,
                "act": owner.id,
                "status": sc.status.value,
                "changes": _describe_changes(sc.changes),
                "source": sc.source,
                "title": sc.title.get(lang),
            }
        )
    return rows


def question_rows(cat: Catalogue, *, layer: str | None = None, lang: str = "en") -> list[dict[str, Any]]:
    """The rows of `planner list questions`: each profile question, its type, article, how many
    duties it decides, and the default answer per layer (each an assumption; `--layer`: one)."""
    uses: dict[str, int] = {}
    for ob in cat.obligations.values():
        for qid in set(ob.applies_if.questions()) if ob.applies_if is not None else ():
            uses[qid] = uses.get(qid, 0) + 1
    rows = []
    for qid, q in cat.questions.items():
        defaults = {lid: d.answer for lid, d in q.defaults.items() if layer is None or lid == layer}
        rows.append(
            {
                "id": qid,
                "type": q.type.value,
                "article": cited(q.article, lang),
                "duties": uses.get(qid, 0),
                "defaults": ", ".join(f"{lid}: {_answer(a)}" for lid, a in defaults.items()),
                "text": q.text.get(lang),
            }
        )
    return rows


def _answer(value: object) -> str:
    if isinstance(value, bool):
        return "yes" if value else "no"
    return str(value)


def collective_rows(cat: Catalogue, *, layer: str | None = None, lang: str = "en") -> list[dict[str, Any]]:
    """The rows of `planner list collectives`, in file order (`--layer`: those serving it)."""
    return [
        {
            "id": cid,
            "provider": c.provider,
            "status": c.status.value,
            "delivery": _delivery(c),
            "layers": ", ".join(c.layers),
            "covers": ", ".join(
                [*(f"{oid} (delivers)" for oid in c.delivers), *(cov.obligation for cov in c.covers)]
            ),
            "title": c.title.get(lang),
        }
        for cid, c in cat.collectives.items()
        if layer is None or layer in c.layers
    ]


def _delivery(coll: Any) -> str | None:
    if coll.delivery is None:
        return None
    date: str = coll.delivery.isoformat()
    return date + ("" if coll.delivery_confirmed else " (unconfirmed)")


def _describe_changes(changes: Any) -> str:
    """'milestone entry-into-force 2026-04-01; 11 obligation dates; 1 obligation(s) amended; collective nl-wallet +12 months'."""
    parts = []
    for ch in changes:
        if ch.milestone is not None:
            parts.append(f"milestone {ch.milestone} {ch.date}")
        elif ch.collective is not None:
            parts.append(f"collective {ch.collective} +{ch.delay_months} months")
    dated = sum(1 for ch in changes if ch.due is not None)
    replaced = sorted({(str(ch.replaced), ch.by or "") for ch in changes if ch.replaced is not None})
    removed = sum(1 for ch in changes if ch.obligation is not None and ch.remove)
    amended = sum(1 for ch in changes if ch.amend is not None)
    if dated:
        parts.append(f"{dated} obligation date(s)")
    if removed:
        parts.append(f"{removed} obligation(s) removed")
    if amended:
        parts.append(f"{amended} obligation(s) amended")
    for date, by in replaced:
        count = sum(1 for ch in changes if str(ch.replaced) == date and (ch.by or "") == by)
        parts.append(f"{count} obligation(s) replaced from {date}" + (f" by {by}" if by else ""))
    return "; ".join(parts)


def table(rows: list[dict[str, Any]], width: int = 120) -> str:
    """Rows as an aligned text table; the last column is cut to fit `width`.

    Example:
        >>> print(table([{"id": "a", "n": 1}, {"id": "bb", "n": None}]))
        id  n
        a   1
        bb  -
    """
    if not rows:
        return "(nothing matches)"
    cols = list(rows[0])
    cells = [[("-" if r[c] is None else str(r[c])) for c in cols] for r in rows]
    widths = [max(len(c), *(len(row[i]) for row in cells)) for i, c in enumerate(cols)]
    lines = []
    for row in [cols, *cells]:
        parts = [cell.ljust(widths[i]) for i, cell in enumerate(row[:-1])]
        last = row[-1]
        used = sum(w + 2 for w in widths[:-1])
        if used + len(last) > width and width - used > SHORTEST_CUT:
            last = last[: width - used - 1] + "…"
        lines.append("  ".join([*parts, last]).rstrip())
    return "\n".join(lines)


def _relations_of(cat: Catalogue, ob: Obligation) -> dict[str, list[dict[str, Any]]]:
    out: dict[str, list[dict[str, Any]]] = {}
    for kind, rels in (
        ("requires", ob.requires),
        ("overlaps", ob.overlaps),
        ("conflicts", ob.conflicts),
        ("needs_facility", ob.needs_facility),
    ):
        for rel in rels:
            item = {"to": rel.to, "rationale": rel.rationale.model_dump(exclude_none=True)}
            if getattr(rel, "degree", None):
                item["degree"] = rel.degree.value  # type: ignore[attr-defined]
            out.setdefault(kind, []).append(item)
    incoming: list[dict[str, Any]] = []
    for kind, owner, target in cat.iter_relations():
        if target == ob.id:
            incoming.append({"from": owner.id, "kind": kind})
    if incoming:
        out["incoming"] = incoming
    return out


def describe(cat: Catalogue, item_id: str) -> dict[str, Any]:
    """The record `planner show ID` prints, for an act, obligation, layer or theme.

    Raises:
        NotFoundError: nothing has that id.
    """
    item = cat.get(item_id)
    if isinstance(item, Act):
        data = item.model_dump(mode="json", exclude_none=True, exclude={"obligations"})
        data["type"] = "act"
        data["obligations"] = [
            {"id": o.id, "due": _iso(cat.due(o)), "roles": {k: v.value for k, v in o.roles.items()}}
            for o in item.obligations
        ]
        return data
    data = item.model_dump(mode="json", exclude_none=True)
    if isinstance(item, Obligation):
        data["type"] = "obligation"
        data["act"] = item.act
        data["due_date"] = _iso(cat.due(item))
        data["relations"] = _relations_of(cat, item)
        for key in ("requires", "overlaps", "conflicts", "needs_facility"):
            data.pop(key, None)
        sources = cat.sources.get(item.act, {})
        data["sources"] = [
            {"key": k, **sources[k].model_dump(mode="json", exclude_none=True)} for k in item.sources
        ]
    else:
        data["type"] = "layer" if item_id in cat.layers else "theme"
    return data


def show_text(cat: Catalogue, item_id: str, lang: str = "en") -> str:
    """`planner show ID` as readable text."""
    item = cat.get(item_id)
    if isinstance(item, Act):
        return _act_text(cat, item, lang)
    if isinstance(item, Obligation):
        return _obligation_text(cat, item, lang)
    lines = [f"{item_id}: {item.name.get(lang)}"]
    if item.description:
        lines.append(item.description.get(lang))
    return "\n".join(lines)


def _milestone_lines(cat: Catalogue, act: Act, m: Milestone, lang: str) -> list[str]:
    """One milestone of `planner show ACT`: date, kind, status, id, then its history and source."""
    lines = [
        f"  {m.date}  {m.kind.value:16} {m.status.value:9} {m.id}" + (f"  [{m.article}]" if m.article else "")
    ]
    if m.applies:
        lines.append(f"              {m.applies.get(lang)}")
    lines += [f"              was {h.date}, moved by {h.changed_by}" for h in m.history]
    lines += [f"              disputed: {d.date} according to {d.source}" for d in m.disputed]
    source = cat.source(act.id, m.source)
    if source and source.url:
        lines.append(f"              source: {source.url}")
    return lines


def _act_text(cat: Catalogue, act: Act, lang: str) -> str:
    lines = [f"{act.id}: {(act.short or act.title).get(lang)}", act.title.get(lang), ""]
    for label, value in (
        ("kind", act.kind.value),
        ("status", act.status.value),
        ("CELEX", act.celex),
        ("ELI", act.eli),
        ("themes", ", ".join(act.themes)),
        ("transposes", ", ".join(act.transposes)),
    ):
        if value:
            lines.append(f"  {label + ':':12}{value}")
    if act.transposition:
        t = act.transposition
        national = ", ".join(t.national_acts) or "none recorded"
        lines.append(f"  {'transposed:':12}{national}")
        if t.note:
            lines.append(f"  {'':12}{t.note.get(lang)}" + (f" (as of {t.as_of})" if t.as_of else ""))
    if act.milestones:
        lines += ["", "Milestones:"]
        for m in sorted(act.milestones, key=lambda m: (m.date, m.id)):
            lines += _milestone_lines(cat, act, m, lang)
    if act.amendments:
        lines += ["", "Amendments:"]
        for a in act.amendments:
            lines.append(
                f"  {a.id} ({a.status.value}{', ' + str(a.date) if a.date else ''}): {a.title.get(lang)}"
            )
    if act.obligations:
        lines += ["", "Obligations:"]
        for o in act.obligations:
            due = cat.due(o)
            roles = ", ".join(f"{k}:{v.value}" for k, v in sorted(o.roles.items()))
            lines.append(f"  {o.id}  due {due or '-'}  {roles}")
            lines.append(f"      {o.title.get(lang)}")
    if act.scenarios:
        lines += ["", "Scenarios (not law; apply with --scenario):"]
        for s in act.scenarios:
            lines.append(f"  {s.id} ({s.status.value}): {s.title.get(lang)}")
    return "\n".join(lines)


def _obligation_text(cat: Catalogue, ob: Obligation, lang: str) -> str:
    milestone = cat.milestone_of(ob)
    due = cat.due(ob)
    lines = [f"{ob.id}: {ob.title.get(lang)}", f"  act:        {ob.act}"]
    if ob.articles:
        lines.append(f"  articles:   {', '.join(ob.articles)}")
    lines.append(f"  due:        {due or '-'}" + (f" (milestone {milestone.id})" if milestone else ""))
    lines.append("  roles:      " + ", ".join(f"{k}: {v.value}" for k, v in sorted(ob.roles.items())))
    if ob.effort_estimate:
        lines.append(
            f"  effort:     {ob.effort_estimate:g}"
            + (f" ({ob.effort_rationale.get(lang)})" if ob.effort_rationale else "")
        )
    if ob.themes:
        lines.append(f"  themes:     {', '.join(ob.themes)}")
    if ob.description:
        lines += ["", "  " + ob.description.get(lang).replace("\n", "\n  ")]
    rels = _relations_of(cat, ob)
    if rels:
        lines += ["", "Relations:"]
        for kind, items in rels.items():
            for item in items:
                if kind == "incoming":
                    lines.append(f"  {item['kind']} from {item['from']}")
                else:
                    degree = f" ({item['degree']})" if "degree" in item else ""
                    text = item["rationale"].get(lang) or next(iter(item["rationale"].values()))
                    lines.append(f"  {kind} {item['to']}{degree}: {text}")
    sources = cat.sources.get(ob.act, {})
    if ob.sources:
        lines += ["", "Sources:"]
        for key in ob.sources:
            src = sources.get(key)
            if src:
                lines.append(f"  [{key}] {src.title}" + (f" <{src.url}>" if src.url else ""))
    return "\n".join(lines)
