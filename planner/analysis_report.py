"""The analysis as text or Markdown, in Dutch or English."""

from __future__ import annotations

import functools
from typing import TYPE_CHECKING

from planner.analysis import Analysis
from planner.i18n import format_number, gettext, ngettext
from planner.messages import render as say

if TYPE_CHECKING:
    from planner.catalogue import Catalogue

HEADINGS = {
    "title": ("site", "analysis"),
    "as_of": ("shared", "as_of"),
    "layer": ("shared", "layer"),
    "packages": ("shared", "packages"),
    "findings": ("shared", "findings"),
    "chains": ("site", "chains"),
    "blockers": ("site", "blockers"),
    "conflicts": ("site", "conflicts"),
    "keystones": ("site", "keystones"),
    "none": ("site", "none"),
}
"""Each heading of the report as (vocabulary, key): the site's analysis page says the same."""

CONTEXT = "analysis"
"""The vocabulary (gettext ``msgctxt``) of the report's own phrases in :mod:`planner.i18n`."""


def _counted(lang: str, key: str, n: int) -> str:
    """A count with its noun in the form that fits: "1 onderdeel", "3 onderdelen"."""
    return ngettext(lang, CONTEXT, key, n, n=n)


def render(analysis: Analysis, cat: Catalogue, lang: str = "en", markdown: bool = False) -> str:
    """The analysis as readable text (or Markdown with `markdown=True`)."""
    t = {name: gettext(lang, context, key) for name, (context, key) in HEADINGS.items()}
    say_n = functools.partial(_counted, lang)
    phrase = functools.partial(gettext, lang, CONTEXT)

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
            f"{bullet}{p.id}: {p.name[lang]} — {say_n('members_n', len(p.members))}, "
            f"{phrase('due_on', due=p.due or '-')}, "
            f"{phrase('saved_of', saved=format_number(p.effort_saved, lang), separate=format_number(p.effort_separate, lang))}"
        )
        lines += [f"    {title(m)}" for m in p.members]
        lines += [f"    · {say(r, lang)}" for r in p.reasons]
    sections.append((t["packages"], lines))
    lines = []
    for c in analysis.chains:
        lines.append(
            f"{bullet}{title(c.target)}: {phrase('due_on', due=c.due)}, {phrase('slack_is', slack=c.slack)}"
        )
        lines += [f"    · {say(r, lang)}" for r in c.reasons]
    sections.append((t["chains"], lines))
    lines = []
    for b in analysis.blockers:
        lines.append(
            f"{bullet}{title(b.facility)} [{', '.join(b.providers)}]: "
            f"{say_n('waiting_n', b.organisations_waiting)} ({', '.join(b.waiting_layers)})"
        )
        lines += [f"    · {say(r, lang)}" for r in b.reasons]
    sections.append((t["blockers"], lines))
    lines = []
    for conflict in analysis.conflicts:
        lines.append(f"{bullet}{title(conflict.a)} <> {title(conflict.b)}")
        lines.append(f"    · {say(conflict.rationale, lang)}")
    sections.append((t["conflicts"], lines))
    lines = []
    for k in analysis.keystones:
        lines.append(f"{bullet}{title(k.obligation)}: {say_n('dependants_n', k.dependants)}")
        lines += [f"    · {say(r, lang)}" for r in k.reasons]
    sections.append((t["keystones"], lines))
    if analysis.findings:
        sections.append((t["findings"], [f"{bullet}{say(f, lang)}" for f in analysis.findings]))
    for heading, body in sections:
        out += ["", f"{h2}{heading}", ""]
        out += body or [t["none"]]
    return "\n".join(out) + "\n"
