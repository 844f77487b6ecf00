"""The report as text (a terminal), Markdown (a pull-request comment) or JSON (tools)."""

from __future__ import annotations

import re
from dataclasses import asdict
from typing import TYPE_CHECKING, Any

from planner.diff.impact import BAD

if TYPE_CHECKING:
    from planner.diff.changes import ChangeSet
    from planner.diff.impact import LayerImpact
    from planner.diff.report import Report

_MD_ESCAPE = re.compile(r"[\\`*_\[\]<>&|~#!@]")
_MD_ENTITY = {"<": "&lt;", ">": "&gt;", "&": "&amp;", "@": "@\u2060"}
MD_LIMIT = 60_000
HIGHLIGHTS_SHOWN = 10
"""How many of the most important changes the summary lists before "... and N more"."""
"""GitHub refuses comments over 65,536 characters; details are cut to stay under this."""


def summary(report: Report) -> list[str]:
    """Short count phrases for the catalogue, e.g. ``['1 obligation removed', '1 obligation renamed']``."""
    c = report.changes
    due = len(c.due_moves)
    counts = [
        (len(c.acts_added), "act added", "acts added"),
        (len(c.acts_removed), "act removed", "acts removed"),
        (len(c.obligations_added), "obligation added", "obligations added"),
        (len(c.obligations_removed), "obligation removed", "obligations removed"),
        (len(c.renamed), "obligation renamed", "obligations renamed"),
        (due, "due date changed", "due dates changed"),
        (len(c.milestones), "milestone moved", "milestones moved"),
        (len(c.fields) - due, "other change", "other changes"),
        (len(c.relations_added), "relation added", "relations added"),
        (len(c.relations_removed), "relation removed", "relations removed"),
    ]
    return [f"{n} {one if n == 1 else many}" for n, one, many in counts if n]


def layer_summary(impact: LayerImpact) -> list[str]:
    """Count phrases for one layer, e.g. ``['1 moved stage', '1 package formed or split']``."""
    n = impact.counts()
    words = [
        ("moved", "moved stage", "moved stage"),
        ("status", "changed status", "changed status"),
        ("entered", "entered the roadmap", "entered the roadmap"),
        ("left", "left the roadmap", "left the roadmap"),
        ("changed", "changed what it requires", "changed what they require"),
        ("packages", "package formed or split", "packages formed or split"),
        ("new_blockers", "new blocker", "new blockers"),
        ("resolved_blockers", "blocker gone", "blockers gone"),
    ]
    return [f"{n[k]} {one if n[k] == 1 else many}" for k, one, many in words if n[k]]


def to_dict(report: Report) -> dict[str, Any]:
    """The report as JSON-ready data (render with sorted keys)."""
    return {
        "old": report.old,
        "new": report.new,
        "as_of": report.as_of.isoformat(),
        "changed": not report.empty,
        "summary": summary(report),
        "catalogue": asdict(report.changes),
        "impact": {
            i.layer: {**asdict(i), "summary": layer_summary(i), "counts": i.counts()} for i in report.impact
        },
    }


def render(report: Report, fmt: str) -> str:
    """The report as ``text`` (terminals), ``md`` (a pull-request comment) or ``json`` (tools)."""
    import json

    if fmt == "json":
        return json.dumps(to_dict(report), indent=2, sort_keys=True, ensure_ascii=False) + "\n"
    return render_markdown(report) if fmt == "md" else render_text(report)


def _sections(c: ChangeSet) -> list[tuple[str, str, list[str]]]:
    """The catalogue changes as (title, text marker, lines)."""
    return [
        (title, mark, lines)
        for title, mark, lines in (
            ("Acts added", "+ ", [f"{n.id}: {n.title}" for n in c.acts_added]),
            ("Acts removed", "- ", [f"{n.id}: {n.title}" for n in c.acts_removed]),
            ("Obligations added", "+ ", [f"{n.id}: {n.title}" for n in c.obligations_added]),
            ("Obligations removed", "- ", [f"{n.id}: {n.title}" for n in c.obligations_removed]),
            ("Obligations renamed", "", [f"{r.old} renamed to {r.new}: {r.title}" for r in c.renamed]),
            ("Milestones moved", "", [m.message for m in c.milestones]),
            ("Changes", "", [f.message for f in c.fields]),
            ("Relations added", "+ ", [r.message for r in c.relations_added]),
            ("Relations removed", "- ", [r.message for r in c.relations_removed]),
        )
        if lines
    ]


def _impact_lines(impact: LayerImpact) -> list[tuple[str, tuple[str, ...]]]:
    """(line, why) pairs for one layer: items (why = their reasons in the new plan), packages, blockers."""
    lines = [(i.message, i.reasons) for i in impact.items]
    lines += [(p.message, ()) for p in impact.packages]
    lines += [(b.message, ()) for b in impact.blockers]
    return lines


def render_text(report: Report) -> str:
    """The report for a terminal."""
    head = f"planner diff: {report.old} -> {report.new} (roadmaps as of {report.as_of})"
    if report.empty:
        return f"{head}\n\nNo differences.\n"
    out = [head, "", f"Catalogue: {', '.join(summary(report)) or 'no changes'}"]
    for title, mark, lines in _sections(report.changes):
        out += ["", title, *(f"  {mark}{line}" for line in lines)]
    out += ["", f"Roadmap impact (as of {report.as_of})"]
    for impact in report.impact:
        if impact.empty:
            continue
        out.append(f"{impact.layer}: {', '.join(layer_summary(impact))}")
        for line, why in _impact_lines(impact):
            out.append(f"  {line}")
            out += [f"    {'why: ' if n == 0 else '     '}{reason}" for n, reason in enumerate(why)]
    unchanged = [i.layer for i in report.impact if i.empty]
    if unchanged:
        out.append(f"unchanged: {', '.join(unchanged)}")
    return "\n".join(out) + "\n"


def md_escape(text: str) -> str:
    """Catalogue text made inert in Markdown: no markup, no HTML, no @mentions, one line.

    Example:
        >>> md_escape("<b>*x*</b> @team")
        '&lt;b&gt;\\\\*x\\\\*&lt;/b&gt; @\u2060team'
    """
    flat = " ".join(text.split())
    return _MD_ESCAPE.sub(lambda m: _MD_ENTITY.get(m.group(), "\\" + m.group()), flat)


def _highlights(report: Report) -> list[str]:
    """The most important changes first: new problems, due dates, milestones, removals, moves."""
    c = report.changes
    worse = [
        f"{i.layer}: {i.message}"
        for imp in report.impact
        for i in imp.items
        if i.new_status in BAD and i.old_status != i.new_status
    ]
    moved = [
        f"{i.layer}: {i.message}" for imp in report.impact for i in imp.items if i.old_stage and i.new_stage
    ]
    seen = set(worse)
    moved = [m for m in moved if m not in seen]
    return [
        *worse,
        *(f.message for f in c.due_moves),
        *(m.message for m in c.milestones),
        *(f"removed: {n.id} ({n.title})" for n in (*c.acts_removed, *c.obligations_removed)),
        *moved,
        *(f"{b.layer}: {b.message}" for imp in report.impact for b in imp.blockers if b.kind == "new"),
    ]


def render_markdown(report: Report) -> str:
    """The report as a pull-request comment: a short summary first, the details folded.

    Catalogue text is escaped (:func:`md_escape`); the only HTML is our own fixed
    ``<details>``/``<summary>`` markup. Long details are cut so the comment stays postable.
    """
    for cap in (500, 100, 20):
        text = _markdown(report, cap)
        if len(text) <= MD_LIMIT:
            break
    return text


def _markdown(report: Report, cap: int) -> str:
    e = md_escape
    out = [f"### planner diff: `{report.old.replace('`', '')}` → `{report.new.replace('`', '')}`", ""]
    if report.empty:
        return "\n".join([*out, "No differences in the catalogue or in any roadmap.", ""])
    out.append(f"**Catalogue:** {e(', '.join(summary(report)))}")
    changed = [f"{i.layer}: {', '.join(layer_summary(i))}" for i in report.impact if not i.empty]
    unchanged = [i.layer for i in report.impact if i.empty]
    roadmaps = "; ".join([*changed, *([f"unchanged: {', '.join(unchanged)}"] if unchanged else [])])
    out += ["", f"**Roadmaps as of {report.as_of}:** {e(roadmaps)}", ""]
    top = _highlights(report)
    if top:
        out += ["**Most important:**", "", *(f"- {e(line)}" for line in top[:HIGHLIGHTS_SHOWN])]
        if len(top) > HIGHLIGHTS_SHOWN:
            out.append(f"- … and {len(top) - HIGHLIGHTS_SHOWN} more below")
        out.append("")

    def capped(lines: list[str]) -> list[str]:
        more = len(lines) - cap
        return lines[:cap] + (
            [f"- … {more} more: run `planner diff` locally to see them"] if more > 0 else []
        )

    def fold(title: str, lines: list[str]) -> None:
        out.extend([f"<details><summary>{e(title)}</summary>", "", *lines, "</details>", ""])

    sections = _sections(report.changes)
    body = []
    for title, _, lines in sections:
        body += [f"**{e(title)}**", "", *capped([f"- {e(line)}" for line in lines]), ""]
    fold(f"Catalogue changes ({sum(len(lines) for _, _, lines in sections)})", body)
    for impact in report.impact:
        if impact.empty:
            continue
        lines = [
            f"- {e(line)}" + (", because:" if why else "") + "".join(f"\n  - {e(r)}" for r in why)
            for line, why in _impact_lines(impact)
        ]
        fold(f"Roadmap {impact.layer}: {', '.join(layer_summary(impact))}", [*capped(lines), ""])
    return "\n".join(out)
