"""What a reader of a roadmap needs first: the roadmap dict digested for the Markdown and HTML formats.

:func:`digest` turns the JSON-contract dict of :func:`planner.roadmap.roadmap` into plain,
typed records (counts, next due dates, overdue work per act, problems with their cause,
cross-layer waits, stages split into per-layer swimlanes). Both text formats render the same
records, so they say the same things. Nothing here escapes: each format escapes for itself.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from typing import Any

from planner.formats.labels import FINDING, STATUS, command_line, layer_name, scenario_text, text
from planner.roadmap import ALL, PlanContext
from planner.schedule import STATUSES

NEXT_DATES = 3
"""How many upcoming due dates the summary lists."""

PROBLEM_ORDER = ("blocked", "at-risk")


@dataclass(frozen=True)
class Row:
    """One item of a stage, ready to print."""

    obligation: str
    title: str
    act: str
    act_title: str
    layer: str
    due: str | None
    status: str
    status_label: str
    package: str | None
    reasons: tuple[str, ...]


@dataclass(frozen=True)
class Lane:
    """The items of one layer within a stage (the only lane of a single-layer roadmap)."""

    layer: str
    name: str
    rows: tuple[Row, ...]


@dataclass(frozen=True)
class Stage:
    """A calendar stage with its swimlanes."""

    id: str
    start: str
    end: str
    lanes: tuple[Lane, ...]


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

    obligation: str
    title: str
    layer: str
    layer_name: str
    status: str
    status_label: str
    cause: str


@dataclass(frozen=True)
class Wait:
    """An item that waits on another layer's work."""

    obligation: str
    title: str
    layer: str
    layer_name: str
    stage: str
    on: str
    on_title: str
    on_layer: str
    on_layer_name: str
    on_stage: str | None


@dataclass(frozen=True)
class PackageView:
    """A joint work package."""

    id: str
    name: str
    members: tuple[str, ...]
    due: str | None
    effort_saved: float


@dataclass(frozen=True)
class FindingView:
    """A finding with its kind in words."""

    kind: str
    kind_label: str
    obligation: str
    layer: str
    message: str


@dataclass(frozen=True)
class Digest:
    """Everything the Markdown and HTML roadmaps print, in print order."""

    lang: str
    layer: str
    is_all: bool
    title: str
    as_of: str
    scenario: str
    stage_size: str
    command: str
    counts: tuple[tuple[str, str, int], ...]
    total: int
    next_due: tuple[DueDate, ...]
    overdue: tuple[OverdueAct, ...]
    overdue_total: int
    problems: tuple[Problem, ...]
    waits: tuple[Wait, ...]
    stages: tuple[Stage, ...]
    packages: tuple[PackageView, ...]
    findings: tuple[FindingView, ...]
    overdue_findings: int


def _items(data: dict[str, Any]) -> list[dict[str, Any]]:
    return [item for stage in data["stages"] for item in stage["items"]]


def _next_due(items: list[dict[str, Any]], as_of: str, names: dict[str, str]) -> tuple[DueDate, ...]:
    upcoming: dict[str, dict[str, list[dict[str, Any]]]] = defaultdict(lambda: defaultdict(list))
    for item in items:
        if item["status"] != "done" and item["due"] is not None and item["due"] >= as_of:
            upcoming[item["due"]][item["obligation"]].append(item)
    out = []
    for date in sorted(upcoming)[:NEXT_DATES]:
        entries = []
        for oid, owed in sorted(upcoming[date].items()):
            owed.sort(key=lambda i: i["layer"])
            entries.append(
                DueEntry(
                    oid,
                    owed[0]["title"],
                    tuple(names.get(i["layer"], i["layer"]) for i in owed),
                    tuple(sorted({i["status"] for i in owed})),
                )
            )
        out.append(DueDate(date, tuple(entries)))
    return tuple(out)


def _overdue(items: list[dict[str, Any]]) -> tuple[OverdueAct, ...]:
    by_act: dict[str, list[dict[str, Any]]] = defaultdict(list)
    for item in items:
        if item["status"] == "overdue":
            by_act[item["act"]].append(item)
    rows = [
        OverdueAct(act, late[0]["act_title"], len(late), min(i["due"] for i in late))
        for act, late in by_act.items()
    ]
    # the longest-standing duties first: they are the ones a progress file most likely settles
    return tuple(sorted(rows, key=lambda r: (r.oldest, r.act)))


def _problems(
    items: list[dict[str, Any]], data: dict[str, Any], names: dict[str, str], lang: str
) -> tuple[Problem, ...]:
    causes = {(f["kind"], f["obligation"], f["layer"]): f["message"] for f in data["findings"]}
    out = []
    for item in items:
        if item["status"] not in PROBLEM_ORDER:
            continue
        key = (item["status"], item["obligation"], item["layer"])
        cause = causes.get(key) or (item["reasons"][-1] if item["reasons"] else "")
        out.append(
            Problem(
                item["obligation"],
                item["title"],
                item["layer"],
                names.get(item["layer"], item["layer"]),
                item["status"],
                STATUS[lang][item["status"]],
                cause,
            )
        )
    out.sort(key=lambda p: (PROBLEM_ORDER.index(p.status), p.obligation, p.layer))
    return tuple(out)


def _waits(data: dict[str, Any], ctx: PlanContext, names: dict[str, str], lang: str) -> tuple[Wait, ...]:
    cat, plan = ctx.catalogue, ctx.plan
    out = []
    for stage in data["stages"]:
        for item in stage["items"]:
            for dep in item["waits_on"]:
                if dep["layer"] == item["layer"]:
                    continue
                other = plan.items.get((dep["obligation"], dep["layer"]))
                ob = cat.obligations.get(dep["obligation"])
                out.append(
                    Wait(
                        item["obligation"],
                        item["title"],
                        item["layer"],
                        names.get(item["layer"], item["layer"]),
                        stage["id"],
                        dep["obligation"],
                        ob.title.get(lang) if ob else dep["obligation"],
                        dep["layer"],
                        names.get(dep["layer"], dep["layer"]),
                        plan.stage_id(other.stage) if other else None,
                    )
                )
    out.sort(key=lambda w: (w.stage, w.obligation, w.layer, w.on, w.on_layer))
    return tuple(out)


def _row(item: dict[str, Any], lang: str) -> Row:
    return Row(
        item["obligation"],
        item["title"],
        item["act"],
        item["act_title"],
        item["layer"],
        item["due"],
        item["status"],
        STATUS[lang][item["status"]],
        item["package"],
        tuple(item["reasons"]),
    )


def _stages(data: dict[str, Any], order: list[str], names: dict[str, str], lang: str) -> tuple[Stage, ...]:
    out = []
    for stage in data["stages"]:
        by_layer: dict[str, list[Row]] = defaultdict(list)
        for item in stage["items"]:
            by_layer[item["layer"]].append(_row(item, lang))
        lanes = tuple(
            Lane(layer, names.get(layer, layer), tuple(by_layer[layer]))
            for layer in sorted(
                by_layer, key=lambda lay: (order.index(lay) if lay in order else len(order), lay)
            )
        )
        out.append(Stage(stage["id"], stage["start"], stage["end"], lanes))
    return tuple(out)


def digest(data: dict[str, Any], ctx: PlanContext, lang: str, fmt: str) -> Digest:
    """The roadmap dict digested for a human-readable format.

    Args:
        data: the dict of :func:`planner.roadmap.roadmap`.
        ctx: the plan it was cut from (for layer names and the stages of other layers' work).
        lang: ``nl`` or ``en``, for the fixed words.
        fmt: the format being rendered, for the command line printed in the header.

    Returns:
        The records the Markdown and HTML roadmaps print.
    """
    order = list(ctx.catalogue.layers)
    names = {lid: layer_name(ctx, lid, lang) for lid in order}
    items = _items(data)
    findings = [f for f in data["findings"] if f["kind"] != "overdue"]
    return Digest(
        lang=lang,
        layer=data["layer"],
        is_all=data["layer"] == ALL,
        title=text(lang, "title", name=layer_name(ctx, data["layer"], lang)),
        as_of=data["as_of"],
        scenario=scenario_text(ctx, data, lang),
        stage_size=data["stage"],
        command=command_line(data, fmt),
        counts=tuple((s, STATUS[lang][s], int(data["summary"].get(s, 0))) for s in STATUSES),
        total=len(items),
        next_due=_next_due(items, data["as_of"], names),
        overdue=_overdue(items),
        overdue_total=sum(1 for i in items if i["status"] == "overdue"),
        problems=_problems(items, data, names, lang),
        waits=_waits(data, ctx, names, lang),
        stages=_stages(data, order, names, lang),
        packages=tuple(
            PackageView(p["id"], p["name"], tuple(p["members"]), p["due"], float(p["effort_saved"]))
            for p in data["packages"]
        ),
        findings=tuple(
            FindingView(
                f["kind"], FINDING[lang].get(f["kind"], f["kind"]), f["obligation"], f["layer"], f["message"]
            )
            for f in findings
        ),
        overdue_findings=len(data["findings"]) - len(findings),
    )
