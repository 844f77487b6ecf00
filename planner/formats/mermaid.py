"""The roadmap as a Mermaid gantt chart: each item a bar over its stage, due dates as milestones.

Sections are layers for ``all`` and acts otherwise. Bars of overdue, at-risk and blocked items
are tagged ``crit``, finished ones ``done``. Due dates before the first stage are not drawn
(they would stretch the time axis over years); their items are already tagged ``crit``.
Catalogue text is cleaned of what the gantt grammar reads as syntax by the neutraliser the
flowchart shares (:func:`planner.mermaid_text.neutralise`).
"""

from __future__ import annotations

import re
from collections import defaultdict
from typing import TYPE_CHECKING, Any

from planner.formats.labels import text
from planner.mermaid_text import neutralise

if TYPE_CHECKING:
    from planner.view import Item, RoadmapView, Stage

CRIT = frozenset({"overdue", "at-risk", "blocked"})

# Words the gantt lexer takes as a statement when a line starts with them (case-insensitive),
# and a date, which it takes as a date token.
_KEYWORD = re.compile(
    r"(?i)^(gantt|dateformat|inclusiveenddates|topaxis|axisformat|tickinterval|includes|excludes|"
    r"todaymarker|weekday|title|accdescription|accdescr|acctitle|section|click|href|call|\d{4}-\d\d-\d\d)"
)
_ID = re.compile(r"[^a-z0-9]+")


def clean(value: str) -> str:
    """Text usable as a gantt task or section name.

    Characters the grammar treats as syntax (``:`` starts task data, ``#`` and ``%`` start
    comments, ``;`` ends a statement) and angle brackets become spaces; a name that would
    read as a keyword gets a leading dash.

    >>> clean("Art. 5: notify; #1 <b>")
    'Art. 5 notify 1 b'
    >>> clean("Section 3 duties")
    '– Section 3 duties'
    """
    flat = neutralise(value)
    return f"– {flat}" if _KEYWORD.match(flat) else flat


def task_id(*parts: str) -> str:
    """A task id from ids: lower-case letters, digits and underscores only.

    >>> task_id("t", "act-a.assess", "gemeenten")
    't_act_a_assess_gemeenten'
    """
    return "_".join(_ID.sub("_", p.lower()).strip("_") for p in parts)


def _sections(view: RoadmapView) -> dict[tuple[Any, ...], list[tuple[Stage, Item]]]:
    """Items per section: per layer (in catalogue order) for ``all``, else per act."""
    order = [layer.id for layer in view.layers]
    sections: dict[tuple[Any, ...], list[tuple[Stage, Item]]] = defaultdict(list)
    for stage in view.stages:
        for item in stage.items:
            if view.is_all:
                rank = order.index(item.layer) if item.layer in order else len(order)
                key: tuple[Any, ...] = (rank, item.layer, view.names.get(item.layer, item.layer))
            else:
                key = (item.act, item.act, item.act_title)
            sections[key].append((stage, item))
    return sections


def render(view: RoadmapView) -> str:
    """The roadmap view as Mermaid gantt source, with a comment naming the command that made it."""
    lang = view.lang
    first = view.stages[0].start if view.stages else view.as_of
    sections = _sections(view)
    title = f"{text(lang, 'title', name=view.layer_name)} ({view.as_of.isoformat()})"
    # the comment follows `gantt`: older Mermaid versions detect the diagram type on line one
    lines = [
        "gantt",
        f"    %% {text(lang, 'generated_plain', command=view.command('mermaid'))}",
        f"    title {clean(title)}",
        "    dateFormat YYYY-MM-DD",
        "    axisFormat %Y-%m",
        "    inclusiveEndDates",
    ]
    for key in sorted(sections):
        lines.append(f"    section {clean(key[-1])}")
        dues: dict[str, list[Item]] = defaultdict(list)
        for stage, item in sections[key]:
            tags = ["crit"] if item.status in CRIT else ["done"] if item.status == "done" else []
            ident = task_id("t", item.obligation, item.layer)
            data_part = ", ".join([*tags, ident, stage.start.isoformat(), stage.end.isoformat()])
            lines.append(f"    {clean(item.title)} :{data_part}")
            if item.due is not None and item.due >= first:
                dues[item.due.isoformat()].append(item)
        for due in sorted(dues):
            late = any(i.status in CRIT for i in dues[due])
            tags = ["milestone", *(["crit"] if late else [])]
            ident = task_id("m", key[1], due)
            label = clean(f"{text(lang, 'due')} {due}")
            lines.append(f"    {label} :{', '.join([*tags, ident, due, '0d'])}")
    return "\n".join(lines) + "\n"
