"""`planner house` in Markdown, JSON and HTML.

Every sum is printed with its terms (organisations × person-days × share provided), so a reader
can check it. Catalogue text is untrusted: Markdown escapes it, the HTML page is rendered from
the Markdown with raw HTML off, JSON carries it as plain strings. Same inputs, same bytes.
"""

from __future__ import annotations

import json
from functools import partial
from typing import TYPE_CHECKING, Any

from planner.formats.md import code, inline
from planner.house.view import CANDIDATE_SHARE, HouseView

if TYPE_CHECKING:
    from planner.house.impact import LayerShift
from planner.i18n import format_number, gettext

FORMATS = ("md", "json", "html")


def _w(lang: str, key: str, **values: Any) -> str:
    return gettext(lang, "house", key, **values)


def _n(value: float) -> str:
    """A person-day figure rounded to a whole day, with a thin separator of thousands."""
    return f"{round(value):,}".replace(",", "\u202f")


def to_data(view: HouseView) -> dict[str, Any]:
    """The house view as JSON-ready data (ids and numbers; the same in every language)."""
    return {
        "as_of": view.as_of,
        "scenario": view.scenario,
        "days_without": round(view.days_without, 1),
        "days_with": round(view.days_with, 1),
        "foundations": [
            {
                "collective": f.collective.id,
                "provider": f.collective.provider,
                "status": f.collective.status.value,
                "delivery": f.collective.delivery.isoformat() if f.collective.delivery else None,
                "delivery_confirmed": f.collective.delivery_confirmed,
                "stage": f.stage,
                "users": [{"layer": u.layer, "organisations": u.organisations} for u in f.users],
                "savings": [
                    {
                        "obligation": s.obligation,
                        "layer": s.layer,
                        "organisations": s.organisations,
                        "effort_days": s.effort,
                        "share_provided": round(s.provided, 4),
                        "days": round(s.days, 1),
                    }
                    for s in f.savings
                ],
                "days_saved": round(f.days_saved, 1),
            }
            for f in view.foundations
        ],
        "candidates": [
            {
                "obligation": c.obligation,
                "organisations": c.organisations,
                "effort_days": c.effort,
                "days_separate": round(c.days_separate, 1),
                "days_saved": round(c.days_saved, 1),
                "share_assumed": CANDIDATE_SHARE,
            }
            for c in view.candidates
        ],
        "decisions": [
            {"kind": d.kind, "subject": d.subject, "other": d.other, "layer": d.layer, "text": d.text}
            for d in view.decisions
        ],
    }


def impact_data(impact: tuple[LayerShift, ...]) -> list[dict[str, Any]]:
    """A scenario's impact per layer as JSON-ready data."""
    return [
        {
            "layer": lay.layer,
            "moved": lay.moved,
            "became": dict(lay.became),
            "changed": lay.changed,
            "days_before": lay.days[0],
            "days_after": lay.days[1],
            "items": [
                {
                    "obligation": s.obligation,
                    "old_stage": s.old_stage,
                    "old_status": s.old_status,
                    "new_stage": s.new_stage,
                    "new_status": s.new_status,
                    "changed": list(s.changed),
                    "old_effort_days": s.old_effort,
                    "new_effort_days": s.new_effort,
                }
                for s in lay.shifts
            ],
        }
        for lay in impact
    ]


def render_json(view: HouseView) -> str:
    data = to_data(view)
    if view.scenario:
        data["impact"] = impact_data(view.impact)
    return json.dumps(data, indent=2, ensure_ascii=False) + "\n"


def impact_md(impact: tuple[LayerShift, ...], layer_names: dict[str, str], lang: str) -> list[str]:
    """A scenario's impact as Markdown lines: a count table, then per layer what moves or changes.

    `layer_names` gives each layer's name in `lang` (Markdown-escaped already).
    """
    from planner.labels import STATUS

    w = partial(_w, lang)
    words = STATUS[lang]
    head = (
        [
            w("layer"),
            w("moved"),
            *(w("became", status=words[s]) for s, _ in impact[0].became),
            w("changed"),
            w("impact_days"),
        ]
        if impact
        else []
    )
    rows = [
        [
            layer_names.get(lay.layer, lay.layer),
            str(lay.moved),
            *(str(n) for _, n in lay.became),
            str(lay.changed),
            f"{_num(lay.days[0], lang)} → {_num(lay.days[1], lang)}",
        ]
        for lay in impact
    ]
    out = [*_table(head, rows), ""] if impact else []
    for lay in impact:
        out += [f"### {layer_names.get(lay.layer, lay.layer)}", ""]
        if not lay.shifts:
            out += [w("scenario_unchanged"), ""]
            continue
        table = [
            [
                code(s.obligation) + (f" ({w('changed_mark')})" if s.changed else ""),
                f"{s.old_stage or '—'}, {words.get(s.old_status, s.old_status) if s.old_status else '—'}",
                f"{s.new_stage or '—'}, {words.get(s.new_status, s.new_status) if s.new_status else '—'}",
                f"{_num(s.old_effort, lang)} → {_num(s.new_effort, lang)}",
            ]
            for s in lay.shifts
        ]
        out += [*_table([w("obligation"), w("was"), w("becomes"), w("item_days")], table), ""]
    return out


def _num(value: float | None, lang: str) -> str:
    """Person-days as written in the impact tables: to a tenth, no trailing zeros, a dash for none."""
    return "—" if value is None else format_number(round(value, 1), lang)


def _table(header: list[str], rows: list[list[str]]) -> list[str]:
    lines = ["| " + " | ".join(header) + " |", "|" + "|".join("---" for _ in header) + "|"]
    return lines + ["| " + " | ".join(c or " " for c in row) + " |" for row in rows]


def render_md(view: HouseView, lang: str) -> str:
    """The house view as Markdown: foundations, the house's person-days, candidates, decisions."""
    w = partial(_w, lang)
    out = [f"# {w('title')}", "", f"{w('as_of')}: **{view.as_of}**", ""]
    out += [f"*{w('made_with', command=command(view, 'md', lang))}*", ""]
    if view.scenario:
        out += [f"## {w('impact_title', id=code(view.scenario))}", "", w("impact_intro"), ""]
        out += impact_md(view.impact, {s.layer: s.layer for s in view.impact}, lang)
    out += _foundations_md(view, lang)
    out += _days_md(view, lang)
    out += _candidates_md(view, lang)
    out += _decisions_md(view, lang)
    return "\n".join(out).rstrip("\n") + "\n"


def _foundations_md(view: HouseView, lang: str) -> list[str]:
    """The foundations section: one table row per foundation, with its users and days saved."""
    w = partial(_w, lang)
    out = [f"## {w('foundations')}", "", w("foundations_intro"), ""]
    rows = []
    for f in view.foundations:
        users = ", ".join(f"{u.layer} ({u.organisations})" for u in f.users) or "—"
        when = f.stage or (f.collective.delivery.isoformat() if f.collective.delivery else "—")
        sure = "" if f.collective.delivery_confirmed else f" ({w('unconfirmed')})"
        rows.append(
            [
                code(f.collective.id),
                inline(f.collective.title.get(lang)),
                inline(f.collective.provider),
                w(f"status_{f.collective.status.value}"),
                when + sure,
                users,
                _n(f.days_saved),
            ]
        )
    return [
        *out,
        *_table([w(k) for k in ("id", "name", "provider", "status", "delivery", "users", "saved")], rows),
        "",
    ]


def _days_md(view: HouseView, lang: str) -> list[str]:
    """The person-days section: the house's total with and without, and each foundation's sum."""
    w = partial(_w, lang)
    out = [f"## {w('days')}", ""]
    out += [
        w(
            "days_total",
            without=_n(view.days_without),
            with_=_n(view.days_with),
            saved=_n(view.days_without - view.days_with),
        ),
        "",
    ]
    out += [w("days_overlap"), ""]
    for f in view.foundations:
        if not f.savings:
            continue
        out += [f"### {code(f.collective.id)} {inline(f.collective.title.get(lang))}", ""]
        terms = [
            [
                code(s.obligation),
                s.layer,
                f"{s.organisations} × {format_number(s.effort, lang)} × {format_number(round(s.provided, 2), lang)}",
                _n(s.days),
            ]
            for s in f.savings
        ]
        terms.append([f"**{w('sum')}**", "", "", f"**{_n(f.days_saved)}**"])
        out += [*_table([w("obligation"), w("layer"), w("formula"), w("saved")], terms), ""]
    return out


def _candidates_md(view: HouseView, lang: str) -> list[str]:
    """The candidates section: duties many organisations do apart, with the days a foundation would save."""
    w = partial(_w, lang)
    out = [f"## {w('candidates')}", "", w("candidates_intro", share=f"{CANDIDATE_SHARE:.0%}"), ""]
    rows = [
        [
            code(c.obligation),
            ", ".join(f"{u.layer} ({u.organisations})" for u in c.users),
            f"{c.organisations} × {format_number(c.effort, lang)} = {_n(c.days_separate)}",
            f"({c.organisations} − 1) × {format_number(c.effort, lang)} × {format_number(CANDIDATE_SHARE, lang)} = {_n(c.days_saved)}",
        ]
        for c in view.candidates
    ]
    if not rows:
        return [*out, w("none"), ""]
    return [*out, *_table([w("obligation"), w("users"), w("separate"), w("saved")], rows), ""]


def _decisions_md(view: HouseView, lang: str) -> list[str]:
    """The decisions section: one bullet per conflict, blocker or provider question."""
    w = partial(_w, lang)
    out = [f"## {w('decisions')}", ""]
    if not view.decisions:
        out += [w("none"), ""]
    for d in view.decisions:
        other = (
            f" ↔ {code(d.other)}"
            if d.kind == "conflict" and d.other
            else f" ({inline(d.other)})"
            if d.other
            else ""
        )
        where = f" [{d.layer}]" if d.layer else ""
        out.append(f"- **{w('decision_' + d.kind)}**: {code(d.subject)}{other}{where}: {inline(d.text)}")
    return out


def command(view: HouseView, fmt: str, lang: str) -> str:
    """The command that makes this output."""
    scenario = f" --scenario {view.scenario}" if view.scenario else ""
    return f"planner house --as-of {view.as_of}{scenario} --format {fmt} --lang {lang}"


def render_html(view: HouseView, lang: str) -> str:
    """The house view as one self-contained HTML page (from the Markdown, raw HTML disabled)."""
    from html import escape

    from markdown_it import MarkdownIt

    body = MarkdownIt("commonmark", {"html": False}).enable("table").render(render_md(view, lang))
    title = escape(_w(lang, "title"))
    return (
        f'<!DOCTYPE html>\n<html lang="{lang}">\n<head>\n<meta charset="utf-8">\n'
        '<meta name="viewport" content="width=device-width, initial-scale=1">\n'
        f"<title>{title}</title>\n<style>body{{font-family:system-ui,sans-serif;max-width:72rem;margin:auto;padding:1rem}}"
        "table{border-collapse:collapse;display:block;overflow-x:auto}td,th{border:1px solid #6b7785;padding:.25rem .5rem}</style>\n"
        f"</head>\n<body>\n{body}</body>\n</html>\n"
    )


def render(view: HouseView, fmt: str, lang: str) -> str:
    """The house view in `fmt`."""
    if fmt == "json":
        return render_json(view)
    if fmt == "html":
        return render_html(view, lang)
    return render_md(view, lang)
