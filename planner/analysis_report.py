"""The analysis as text or Markdown, in Dutch or English."""

from __future__ import annotations

from typing import TYPE_CHECKING

from planner.analysis import Analysis
from planner.messages import render as say

if TYPE_CHECKING:
    from planner.catalogue import Catalogue

LABELS = {
    "en": {
        "title": "Coherence analysis",
        "as_of": "As of",
        "layer": "Layer",
        "packages": "Joint work packages",
        "chains": "Critical chains",
        "blockers": "Cross-layer blockers",
        "conflicts": "Conflicts that need a policy decision",
        "keystones": "Keystones",
        "findings": "Findings",
        "none": "None.",
        "members": "members",
        "due": "due",
        "saved": "effort saved",
        "of": "of",
        "slack": "slack (quarters)",
        "waiting": "organisations waiting",
        "dependants": "dependants",
    },
    "nl": {
        "title": "Samenhanganalyse",
        "as_of": "Peildatum",
        "layer": "Bestuurslaag",
        "packages": "Gezamenlijke werkpakketten",
        "chains": "Kritieke ketens",
        "blockers": "Blokkades tussen bestuurslagen",
        "conflicts": "Spanningen die een beleidskeuze vragen",
        "keystones": "Sleutelverplichtingen",
        "findings": "Bevindingen",
        "none": "Geen.",
        "members": "onderdelen",
        "due": "uiterlijk",
        "saved": "bespaarde inspanning",
        "of": "van",
        "slack": "speling (kwartalen)",
        "waiting": "wachtende organisaties",
        "dependants": "afhankelijke verplichtingen",
    },
}


def render(analysis: Analysis, cat: Catalogue, lang: str = "en", markdown: bool = False) -> str:
    """The analysis as readable text (or Markdown with `markdown=True`)."""
    t = LABELS[lang]

    def title(ob_id: str) -> str:
        ob = cat.obligations.get(ob_id)
        return f"{ob_id} ({ob.title.get(lang)})" if ob else ob_id

    h1, h2, bullet = ("# ", "## ", "- ") if markdown else ("", "", "  - ")
    out = [f"{h1}{t['title']}", "", f"{t['as_of']}: {analysis.as_of}"]
    if analysis.layer:
        out.append(f"{t['layer']}: {analysis.layer}")
    sections: list[tuple[str, list[str]]] = []
    lines = []
    for p in analysis.packages:
        lines.append(
            f"{bullet}{p.id}: {p.name[lang]} — {len(p.members)} {t['members']}, {t['due']} {p.due or '-'}, "
            f"{t['saved']} {p.effort_saved:g} {t['of']} {p.effort_separate:g}"
        )
        lines += [f"    {title(m)}" for m in p.members]
        lines += [f"    · {say(r, lang)}" for r in p.reasons]
    sections.append((t["packages"], lines))
    lines = []
    for c in analysis.chains:
        lines.append(f"{bullet}{title(c.target)}: {t['due']} {c.due}, {t['slack']} {c.slack}")
        lines += [f"    · {say(r, lang)}" for r in c.reasons]
    sections.append((t["chains"], lines))
    lines = []
    for b in analysis.blockers:
        lines.append(
            f"{bullet}{title(b.facility)} [{', '.join(b.providers)}]: "
            f"{b.organisations_waiting} {t['waiting']} ({', '.join(b.waiting_layers)})"
        )
        lines += [f"    · {say(r, lang)}" for r in b.reasons]
    sections.append((t["blockers"], lines))
    lines = []
    for conflict in analysis.conflicts:
        lines.append(f"{bullet}{title(conflict.a)} <> {title(conflict.b)}")
        lines.append(f"    · {conflict.rationale}")
    sections.append((t["conflicts"], lines))
    lines = []
    for k in analysis.keystones:
        lines.append(f"{bullet}{title(k.obligation)}: {k.dependants} {t['dependants']}")
        lines += [f"    · {say(r, lang)}" for r in k.reasons]
    sections.append((t["keystones"], lines))
    if analysis.findings:
        sections.append((t["findings"], [f"{bullet}{f}" for f in analysis.findings]))
    for heading, body in sections:
        out += ["", f"{h2}{heading}", ""]
        out += body or [t["none"]]
    return "\n".join(out) + "\n"
