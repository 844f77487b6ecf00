"""What a reader of a roadmap needs first, derived from a :class:`~planner.view.model.RoadmapView`.

The Markdown and HTML roadmaps both print these, so they say the same things: the next due
dates, overdue work per act, problems with their cause, waits on other layers, and each
stage's items split into per-layer swimlanes. The records hold the view's own items; nothing
here escapes (each format escapes for itself).
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass

from planner.formats.labels import text
from planner.schedule import OFF_PLAN
from planner.view.model import Finding, Item, RoadmapView, Stage

NEXT_DATES = 3
"""How many upcoming due dates the summary lists."""

PROBLEM_ORDER = ("blocked", "at-risk")


@dataclass(frozen=True)
class DueEntry:
    """One obligation due on a date, with the layers that still owe it."""

    obligation: str
    title: str
    layers: tuple[str, ...]
    statuses: tuple[str, ...]


@dataclass(frozen=True)
class DueDate:
    """The obligations due on one upcoming date."""

    date: str
    entries: tuple[DueEntry, ...]


@dataclass(frozen=True)
class OverdueAct:
    """How much of one act is overdue."""

    act: str
    act_title: str
    count: int
    oldest: str


@dataclass(frozen=True)
class Problem:
    """An at-risk or blocked item and the sentence that says why."""

    item: Item
    layer_name: str
    cause: str


@dataclass(frozen=True)
class CrossWait:
    """An item that waits on another layer's work."""

    item: Item
    layer_name: str
    on: str
    on_title: str
    on_layer: str
    on_layer_name: str
    on_stage: str | None


@dataclass(frozen=True)
class Lane:
    """The items of one layer within a stage (the only lane of a single-layer roadmap)."""

    layer: str
    name: str
    items: tuple[Item, ...]


@dataclass(frozen=True)
class StageLanes:
    """A stage with its items in swimlanes."""

    stage: Stage
    lanes: tuple[Lane, ...]
    continuing: tuple[Item, ...] = ()
    """Work started in an earlier stage that runs on into this one (it spans stages)."""


@dataclass(frozen=True)
class Summary:
    """Everything the Markdown and HTML roadmaps print beyond the view itself, in print order."""

    view: RoadmapView
    title: str
    scenario: str
    next_due: tuple[DueDate, ...]
    overdue: tuple[OverdueAct, ...]
    overdue_total: int
    problems: tuple[Problem, ...]
    waits: tuple[CrossWait, ...]
    stages: tuple[StageLanes, ...]
    findings: tuple[Finding, ...]
    """The findings other than ``overdue`` (those are summed up under overdue work)."""
    overdue_findings: int


def upcoming(view: RoadmapView) -> list[Item]:
    """The items with open work due on or after the as-of date, by due date, obligation and layer.

    Work that is done, in place or does not apply to the organisation is left out: a board
    reading "next due dates" reads them as what is still to do.
    """
    found = [i for i in view.items if i.status not in OFF_PLAN and i.due is not None and i.due >= view.as_of]
    return sorted(found, key=lambda i: (i.due or view.as_of, i.obligation, i.layer))


def next_due(view: RoadmapView) -> tuple[DueDate, ...]:
    """The first :data:`NEXT_DATES` due dates on or after the as-of date with open work."""
    by_date: dict[str, dict[str, list[Item]]] = defaultdict(lambda: defaultdict(list))
    for item in upcoming(view):
        by_date[(item.due or view.as_of).isoformat()][item.obligation].append(item)
    out = []
    for date in sorted(by_date)[:NEXT_DATES]:
        entries = []
        for oid, owed in sorted(by_date[date].items()):
            owed.sort(key=lambda i: i.layer)
            layers = tuple(view.names.get(i.layer, i.layer) for i in owed)
            entries.append(DueEntry(oid, owed[0].title, layers, tuple(sorted({i.status for i in owed}))))
        out.append(DueDate(date, tuple(entries)))
    return tuple(out)


def overdue(view: RoadmapView) -> tuple[OverdueAct, ...]:
    """Overdue items per act, the act with the oldest overdue due date first."""
    by_act: dict[str, list[Item]] = defaultdict(list)
    for item in view.items:
        if item.status == "overdue":
            by_act[item.act].append(item)
    rows = [
        OverdueAct(act, late[0].act_title, len(late), min(i.due.isoformat() for i in late if i.due))
        for act, late in by_act.items()
    ]
    # the longest-standing duties first: they are the ones a progress file most likely settles
    return tuple(sorted(rows, key=lambda r: (r.oldest, r.act)))


def problems(view: RoadmapView) -> tuple[Problem, ...]:
    """Blocked, then at-risk items, each with its finding's message (else its last reason)."""
    causes = {(f.kind, f.obligation, f.layer): f.message for f in view.findings}
    out = []
    for item in view.items:
        if item.status not in PROBLEM_ORDER:
            continue
        cause = causes.get((item.status, item.obligation, item.layer)) or (
            item.reasons[-1] if item.reasons else ""
        )
        out.append(Problem(item, view.names.get(item.layer, item.layer), cause))
    out.sort(key=lambda p: (PROBLEM_ORDER.index(p.item.status), p.item.obligation, p.item.layer))
    return tuple(out)


def cross_waits(view: RoadmapView) -> tuple[CrossWait, ...]:
    """Every wait of an item on another layer's item, by stage."""
    names = view.names
    out = [
        CrossWait(
            item,
            names.get(item.layer, item.layer),
            wait.obligation,
            wait.title,
            wait.layer,
            names.get(wait.layer, wait.layer),
            wait.stage,
        )
        for item in view.items
        for wait in item.waits_on
        if wait.layer != item.layer
    ]
    out.sort(key=lambda w: (w.item.stage, w.item.obligation, w.item.layer, w.on, w.on_layer))
    return tuple(out)


def lanes(view: RoadmapView) -> tuple[StageLanes, ...]:
    """Each stage's items split per layer, lanes in catalogue order, and the work running on into it."""
    order = [layer.id for layer in view.layers]
    index = {stage.id: n for n, stage in enumerate(view.stages)}
    out = []
    for n, stage in enumerate(view.stages):
        earlier = (i for s in view.stages[:n] for i in s.items)
        continuing = tuple(i for i in earlier if i.end is not None and index.get(i.end, -1) >= n)
        by_layer: dict[str, list[Item]] = defaultdict(list)
        for item in stage.items:
            by_layer[item.layer].append(item)
        ranked = sorted(by_layer, key=lambda lay: (order.index(lay) if lay in order else len(order), lay))
        out.append(
            StageLanes(
                stage,
                tuple(Lane(lay, view.names.get(lay, lay), tuple(by_layer[lay])) for lay in ranked),
                continuing,
            )
        )
    return tuple(out)


def scenario_text(view: RoadmapView) -> str:
    """What scenario the roadmap is for, always said (none is said too)."""
    if view.scenario is None or view.scenario_title is None:
        return text(view.lang, "no_scenario")
    return f"{view.scenario_title} ({view.scenario})"


def summarise(view: RoadmapView) -> Summary:
    """The summary records of a view, for the Markdown and HTML roadmaps."""
    findings = tuple(f for f in view.findings if f.kind != "overdue")
    return Summary(
        view=view,
        title=text(
            view.lang,
            "title",
            name=view.display_name,
        ),
        scenario=scenario_text(view),
        next_due=next_due(view),
        overdue=overdue(view),
        overdue_total=sum(1 for i in view.items if i.status == "overdue"),
        problems=problems(view),
        waits=cross_waits(view),
        stages=lanes(view),
        findings=findings,
        overdue_findings=len(view.findings) - len(findings),
    )
