"""The roadmap as Markdown for policy staff: summary first, then stages, packages and findings.

Dutch by default, English with ``lang="en"``. The output is CommonMark with GFM tables.
Catalogue text is untrusted: :func:`inline` escapes everything that could start markup or
break a table row, so a title can never become a link, a tag, a heading or an extra column.
"""

from __future__ import annotations

import re
from functools import partial
from typing import TYPE_CHECKING

from planner.formats.labels import (
    FINDING,
    STAGE_SIZE,
    STATUS,
    board_filtered,
    occurrence_note,
    over_stage,
    recurring_years,
    text,
)
from planner.i18n import format_number
from planner.view.summary import Lane, StageLanes, Summary, summarise

if TYPE_CHECKING:
    from planner.view import RoadmapView, Stage
    from planner.view.board import Board

_SPECIAL = re.compile(r"([\\`*_\[\]<>|#&~!])")
_SPACE = re.compile(r"\s+")


def inline(value: object) -> str:
    """Catalogue text made safe for one line of Markdown (also inside a table cell).

    Line breaks become spaces and every character that can start markup or split a cell
    is backslash-escaped (CommonMark allows that escape for any ASCII punctuation).

    >>> inline("a | b\\n<script>")
    'a \\\\| b \\\\<script\\\\>'
    """
    flat = _SPACE.sub(" ", str(value)).strip()
    return _SPECIAL.sub(r"\\\1", flat)


def code(value: str) -> str:
    """An id as inline code (ids are kebab-case with dots: no backtick can occur)."""
    return f"`{value.replace('`', '')}`"


def _table(header: list[str], rows: list[list[str]]) -> list[str]:
    lines = ["| " + " | ".join(header) + " |", "|" + "|".join("---" for _ in header) + "|"]
    lines += ["| " + " | ".join(cell or " " for cell in row) + " |" for row in rows]
    return lines


def _summary(d: Summary) -> list[str]:
    t = partial(text, d.view.lang)
    out = [f"## {t('summary')}", ""]
    rows = [[STATUS[d.view.lang][s], str(n)] for s, n in d.view.counts]
    rows += [[f"**{t('total')}**", f"**{len(d.view.items)}**"]]
    out += [*_table([t("status"), t("count")], rows), ""]

    out += [f"### {t('next_due')}", ""]
    if not d.next_due:
        out += [t("no_next_due"), ""]
    for due in d.next_due:
        out.append(f"- **{due.date}**")
        for entry in due.entries:
            who = f" — {inline(', '.join(entry.layers))}" if d.view.is_all else ""
            late = [s for s in entry.statuses if s != "planned"]
            flag = f" ({', '.join(STATUS[d.view.lang][s] for s in late)})" if late else ""
            out.append(f"  - {inline(entry.title)} ({code(entry.obligation)}){who}{flag}")
    if d.next_due:
        out.append("")

    out += [f"### {t('overdue')}", ""]
    if not d.overdue:
        out += [t("none_overdue"), ""]
    else:
        out += [t("overdue_intro", count=d.overdue_total), ""]
        rows = [[f"{inline(a.act_title)} ({code(a.act)})", str(a.count), a.oldest] for a in d.overdue]
        out += [*_table([t("act"), t("items"), t("oldest_due")], rows), "", t("progress_hint"), ""]

    out += [f"### {t('problems')}", ""]
    if not d.problems:
        out += [t("none_problems"), ""]
    else:
        for p in d.problems:
            who = f", {inline(p.layer_name)}" if d.view.is_all else ""
            label = STATUS[d.view.lang][p.item.status]
            out.append(
                f"- **{label}**: {inline(p.item.title)} ({code(p.item.obligation)}{who}): {inline(p.cause)}"
            )
        out.append("")

    out += _waits(d)
    return out


def _waits(d: Summary) -> list[str]:
    """The summary's section on waits for other layers (the whole government points to its own section)."""
    t = partial(text, d.view.lang)
    out = [f"### {t('waits')}", ""]
    if d.view.is_all:
        out += [
            t(
                "waits_see",
                count=len({(w.item.obligation, w.item.layer) for w in d.waits}),
                section=f"*{t('cross')}*",
            )
            if d.waits
            else t("none_waits"),
            "",
        ]
    elif not d.waits:
        out += [t("none_waits"), ""]
    else:
        for w in d.waits:
            out.append(
                f"- {inline(w.item.title)} ({code(w.item.obligation)}, {w.item.stage}) {t('waits_on')} "
                f"{inline(w.on_layer_name)}: {inline(w.on_title)} ({code(w.on)}, {w.on_stage or t('none')})"
            )
        out.append("")
    return out


def _board(view: RoadmapView) -> list[str]:
    """The board summary (a layer's or organisation's roadmap only)."""
    from planner.view.board import board

    b = board(view)
    t = partial(text, view.lang)
    out = [f"## {t('board_heading')}", ""]
    if b.organisation:
        out += [t("board_for", name=inline(b.organisation)), ""]
    if b.filters:  # the items are filtered, the workload is the whole plan's
        out += [inline(board_filtered(view.lang, b)), ""]
    total = b.applicable + len(b.not_applicable)
    out += [f"- {t('board_applies', applicable=b.applicable, total=total, na=len(b.not_applicable))}"]
    out += [f"- {t('board_in_place', count=len(b.in_place))}"]
    if b.next_stages is None:
        out += [f"- {t('board_next', count=len(b.next_items))}"]
    else:
        first, last = b.next_stages
        out += [f"- {t('board_next_window', count=len(b.next_items), first=first, last=last)}"]
        if b.next_capacity is None:
            out += [f"- {t('board_next_days', days=b.next_days, first=first, last=last)}"]
        else:
            cap = b.next_capacity
            out += [f"- {t('board_next_capacity', days=b.next_days, first=first, last=last, capacity=cap)}"]
    unassessed = t("board_unassessed", count=len(b.unassessed))
    if b.unassessed:  # the workload leaves them out: say so, with their days
        unassessed += " " + t("board_unassessed_left_out", days=format_number(b.unassessed_days, view.lang))
    out += [f"- {unassessed}"]
    if b.overdue:
        out += [f"- {t('board_overdue', count=len(b.overdue), stage=b.backlog_cleared or t('none'))}"]
    if b.over_capacity:
        stages = ", ".join(over_stage(view.lang, s) for s in b.over_capacity)
        out += [f"- {t('board_over_capacity', stages=stages)}"]
    if b.recurring:
        out += [f"- {t('board_recurring', years=recurring_years(view.lang, b.recurring))}"]
    out += [f"- {t('board_waits', count=len(b.waits))}", ""]
    if b.not_applicable:
        out += [f"### {t('board_na_heading')}", ""]
        rows = [
            [code(i.obligation), inline(i.title), inline(i.reasons[-1] if i.reasons else "")]
            for i in b.not_applicable
        ]
        out += [*_table([t("obligation"), t("title_col"), t("reasons")], rows), ""]
    out += _board_load(view, b)
    if b.assumptions:
        out += [f"### {t('board_assumptions_heading')}", ""]
        rows = [
            [code(a.subject), inline(view.names.get(a.layer, a.layer)), inline(a.value), inline(a.rationale)]
            for a in b.assumptions
        ]
        out += [*_table([t("board_subject"), t("layer"), t("board_value"), t("board_why")], rows), ""]
    return out


def _board_load(view: RoadmapView, b: Board) -> list[str]:
    """The board's workload table: the whole plan's, with what a filtered view's duties take of it."""
    t = partial(text, view.lang)
    out: list[str] = []
    if b.load:
        out += [f"### {t('board_load_heading')}", ""]
        if b.filters:
            out += [t("board_load_whole", name=inline(b.name)), ""]
        rows = [
            [
                s.stage,
                inline(view.names.get(s.layer, s.layer)),
                format_number(s.days, view.lang),
                t("none") if s.capacity is None else format_number(s.capacity, view.lang),
            ]
            for s in b.load
        ]
        heads = [t("stage"), t("layer"), t("board_days"), t("board_capacity")]
        if b.filters:  # what the filtered duties take of each stage's whole load
            rows = [
                [*row, format_number(shown.days, view.lang)]
                for row, shown in zip(rows, b.shown_load, strict=True)
            ]
            heads.append(t("board_days_shown"))
        out += [*_table(heads, rows), ""]
    return out


def _off_plan(view: RoadmapView) -> list[str]:
    """Duties not planned: done, in place or not applicable, with why."""
    t = partial(text, view.lang)
    if not view.off_plan:
        return []
    header = [t("obligation"), t("title_col"), t("status"), t("reasons")]
    rows = [
        [code(i.obligation), inline(i.title), STATUS[view.lang][i.status], inline("; ".join(i.reasons))]
        for i in view.off_plan
    ]
    return [f"## {t('off_plan_heading')}", "", *_table(header, rows), ""]


def _lane_table(d: Summary, lane: Lane) -> list[str]:
    t = partial(text, d.view.lang)
    header = [t("obligation"), t("title_col"), t("act"), t("due"), t("status"), t("package"), t("reasons")]
    rows = [
        [
            code(r.obligation),
            inline(r.title),
            inline(r.act_title),
            r.due.isoformat() if r.due else t("none"),
            STATUS[d.view.lang][r.status],
            code(r.package) if r.package else t("none"),
            inline("; ".join(r.reasons)),
        ]
        for r in lane.items
    ]
    return _table(header, rows)


def _stage(d: Summary, stage: StageLanes) -> list[str]:
    s = stage.stage
    out = [f"## {text(d.view.lang, 'stage_heading', id=s.id, start=s.start, end=s.end)}", ""]
    if not stage.lanes and not s.recurring:
        return [*out, _empty_stage(d.view.lang, stage), ""]
    for lane in stage.lanes:
        if d.view.is_all:
            out += [f"### {inline(lane.name)}", ""]
        out += [*_lane_table(d, lane), ""]
    return out + _recurring(d.view, s)


def _empty_stage(lang: str, stage: StageLanes) -> str:
    """A stage where no work starts: said so, with the work started earlier that runs on into it."""
    if not stage.continuing:
        return text(lang, "empty_stage")
    work = ", ".join(f"{code(i.obligation)} ({i.start} – {i.end})" for i in stage.continuing)
    return f"{text(lang, 'continuing_stage')} {work}."


def _recurring(view: RoadmapView, stage: Stage) -> list[str]:
    """The recurring duties due in a stage: one light line each, referring to the duty's own item."""
    if not stage.recurring:
        return []
    out = [f"**{text(view.lang, 'recurring_heading')}**", ""]
    for o in stage.recurring:
        who = f" — {inline(view.names.get(o.layer, o.layer))}" if view.is_all else ""
        out.append(
            f"- {o.date}: {inline(o.label)} ({code(o.obligation)}){who}; {occurrence_note(view.lang, o)}"
        )
    return [*out, ""]


def _cross(d: Summary) -> list[str]:
    t = partial(text, d.view.lang)
    out = [f"## {t('cross')}", ""]
    if not d.waits:
        return [*out, t("none_waits"), ""]
    header = [t("obligation"), t("layer"), t("stage"), t("waits_on_col"), t("from_layer"), t("delivered_in")]
    rows = [
        [
            f"{code(w.item.obligation)} {inline(w.item.title)}",
            inline(w.layer_name),
            w.item.stage,
            f"{code(w.on)} {inline(w.on_title)}",
            inline(w.on_layer_name),
            w.on_stage or t("none"),
        ]
        for w in d.waits
    ]
    return [*out, *_table(header, rows), ""]


def _packages(d: Summary) -> list[str]:
    t = partial(text, d.view.lang)
    out = [f"## {t('packages')}", ""]
    if not d.view.packages:
        return [*out, t("none_packages"), ""]
    rows = [
        [
            code(p.id),
            inline(p.name),
            ", ".join(code(m) for m in p.members),
            p.due or t("none"),
            format_number(p.effort_saved, d.view.lang),
            format_number(p.members_days, d.view.lang),
            format_number(p.planned_days, d.view.lang),
        ]
        for p in d.view.packages
    ]
    header = [
        t("package"),
        t("name"),
        t("members"),
        t("due"),
        t("saved"),
        t("members_days"),
        t("planned_days"),
    ]
    return [*out, *_table(header, rows), ""]


def _findings(d: Summary) -> list[str]:
    t = partial(text, d.view.lang)
    out = [f"## {t('findings')}", ""]
    if d.overdue_findings:
        out += [t("overdue_findings", count=d.overdue_findings, section=f"*{t('overdue')}*"), ""]
    if not d.findings and not d.overdue_findings:
        out += [t("none_findings"), ""]
    for f in d.findings:
        who = f" ({inline(f.layer)})" if d.view.is_all else ""
        label = FINDING[d.view.lang].get(f.kind, f.kind)
        out.append(f"- **{label}**: {code(f.obligation)}{who}: {inline(f.message)}")
    if d.findings:
        out.append("")
    return out


def render_summary(d: Summary) -> str:
    """Markdown text of a summarised roadmap view."""
    t = partial(text, d.view.lang)
    out = [
        f"# {inline(d.title)}",
        "",
        f"{t('as_of')}: **{d.view.as_of}** · {t('scenario')}: {inline(d.scenario)} · "
        f"{t('stages')}: {STAGE_SIZE[d.view.lang].get(d.view.stage_size, d.view.stage_size)}",
        "",
        f"*{t('generated', command=d.view.command('md'))}*",
        "",
    ]
    if not d.view.is_all:
        out += _board(d.view)
    out += _summary(d)
    for stage in d.stages:
        out += _stage(d, stage)
    out += _off_plan(d.view)
    if d.view.is_all:
        out += _cross(d)
    out += _packages(d)
    out += _findings(d)
    while out and out[-1] == "":
        out.pop()
    return "\n".join(out) + "\n"


def render(view: RoadmapView) -> str:
    """The roadmap view as Markdown text ending in one newline."""
    return render_summary(summarise(view))
