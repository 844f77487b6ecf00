"""Page contexts for what the plan says: home, layer roadmaps, the whole government, analysis.

Roadmap pages read the roadmap views of :func:`planner.view.build_view`, the same views the
downloadable files are rendered from, so a page and its downloads agree.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter, defaultdict
from typing import TYPE_CHECKING

from planner.formats.labels import occurrence_note
from planner.roadmap import ALL
from planner.site import timeline
from planner.site.context import Count, Download, Local, Picture, relative_url
from planner.site.i18n import labels, long_date, term
from planner.site.palette import STATUSES
from planner.site.plan_context import (
    AnalysisPage,
    BlockerRow,
    ChainRow,
    Choice,
    ConflictRow,
    CrossDependency,
    DueRow,
    FindingRow,
    GovernmentPage,
    HomePage,
    KeystoneRow,
    LayerCard,
    LayerPage,
    RecurringRow,
    Stage,
)
from planner.site.refs import View, page_path

if TYPE_CHECKING:
    from planner.view import Item, RoadmapView

DOWNLOAD_FORMATS = ("md", "json", "csv", "xlsx", "ics")
"""The roadmap files the site offers, each made by :func:`planner.formats.render_roadmap`."""
HOME_ROWS = 8
HOME_PACKAGES = 5


def download_path(layer: str, fmt: str) -> str:
    """Where a roadmap file goes (from the language root).

    >>> download_path("gemeenten", "xlsx")
    'roadmaps/gemeenten.xlsx'
    """
    return f"roadmaps/{layer}.{fmt}"


def downloads(view: View, layer: str, name: str) -> tuple[Download, ...]:
    """The roadmap files of one layer (or ``all``), for its page."""
    t = labels(view.lang)
    return tuple(
        Download(fmt, download_path(layer, fmt), t["download_of"].format(name=name, format=t[f"fmt_{fmt}"]))
        for fmt in DOWNLOAD_FORMATS
    )


def _items(roadmap: RoadmapView) -> list[tuple[int, Item]]:
    """Each item of a view with the position of its stage (the timelines draw by position)."""
    return [(i, item) for i, stage in enumerate(roadmap.stages) for item in stage.items]


def layer_card(view: View, layer_id: str) -> LayerCard:
    """A layer with its roadmap's status counts."""
    roadmap = view.roadmaps[layer_id]
    layer = view.cat.layers[layer_id]
    return LayerCard(view.layer_link(layer_id), layer.organisations, len(roadmap.items), view.counts(roadmap))


ALREADY_DUE = ("overdue", "unassessed")
"""Statuses of duties that already apply and are not known to be in place: the home page lists them."""


def home_page(view: View) -> HomePage:
    """The home page."""
    t = labels(view.lang)
    items = _items(view.roadmaps[ALL])
    upcoming: dict[str, list[str]] = defaultdict(list)
    late: dict[str, list[str]] = defaultdict(list)
    for _, item in items:
        if item.due and item.due >= view.as_of and item.status != "done":
            upcoming[item.obligation].append(item.layer)
        if item.status in ALREADY_DUE:
            late[item.obligation].append(item.layer)

    def rows(found: dict[str, list[str]], latest_first: bool) -> tuple[DueRow, ...]:
        # sorting is stable, also in reverse: equal dates keep the id order
        dated = sorted(sorted(found), key=lambda o: view.ob(o).due or "", reverse=latest_first)
        return tuple(
            DueRow(
                view.ob(o),
                view.ob(o).due or "",
                tuple(view.layer_link(lid) for lid in view.cat.layers if lid in found[o]),
            )
            for o in dated[:HOME_ROWS]
        )

    return HomePage(
        "index.html",
        view.plain(t["site_name"]),
        "home",
        len(view.cat.acts),
        len(view.cat.obligations),
        tuple(layer_card(view, lid) for lid in view.cat.layers),
        rows(upcoming, latest_first=False),
        rows(late, latest_first=True),
        len(late),
        sum(1 for _, item in items if item.status in ALREADY_DUE),
        tuple(view.package_card(p) for p in view.ctx.packages[:HOME_PACKAGES]),
        tuple(view.theme_link(th) for th in view.cat.themes),
    )


def findings(view: View, roadmap: RoadmapView) -> tuple[FindingRow, ...]:
    """The findings of a roadmap view, with links."""
    return tuple(
        FindingRow(f.kind, view.ob(f.obligation), view.layer_link(f.layer), f.message)
        for f in roadmap.findings
    )


def _spans(roadmap: RoadmapView) -> list[timeline.Span]:
    return [timeline.Span(s.id, s.start, s.end) for s in roadmap.stages]


def _words(view: View) -> dict[str, str]:
    t = labels(view.lang)
    return {
        "earlier": t["earlier"],
        "later": t["later"],
        "as_of": f"{t['as_of']} {long_date(view.as_of.isoformat(), view.lang)}",
        **{f"status-{s}": term("status", s, view.lang) for s in STATUSES},
    }


def layer_page(view: View, layer_id: str) -> LayerPage:
    """One layer's roadmap page."""
    t = labels(view.lang)
    layer = view.cat.layers[layer_id]
    data = view.roadmaps[layer_id]
    path = page_path("layer", layer_id)
    name = view.local(layer.name)
    stages = tuple(
        Stage(
            s,
            tuple(view.item_row(i) for i in s.items),
            tuple(
                RecurringRow(
                    view.ob(o.obligation), o.date.isoformat(), o.label, occurrence_note(view.lang, o)
                )
                for o in s.recurring
            ),
        )
        for s in data.stages
    )
    rows = []
    for index, item in _items(data):
        ref = view.ob(item.obligation)
        status = term("status", item.status, view.lang)
        due = item.due.isoformat() if item.due else t["no_due"]
        rows.append(
            timeline.Row(
                ref.title.text,
                relative_url(path, ref.href),
                index,
                item.status,
                status,
                item.due,
                f"{ref.title.text} ({ref.id}): {status}, {item.stage}, {t['due'].lower()} {due}",
            )
        )
    spans = _spans(data)
    title = f"{t['timeline']}: {name.text}"
    desc = t["picture_rows"].format(rows=len(rows), stages=len(spans), start=spans[0].id, end=spans[-1].id)
    drawing = timeline.gantt(
        rows, spans, view.as_of, ident="picture-timeline", title=title, desc=desc, words=_words(view)
    )
    return LayerPage(
        path,
        name,
        "government",
        layer_id,
        view.prose(layer.description),
        layer.organisations,
        # organisations_note says how the count was checked: for reviewers, not the public page
        view.source("layers", layer.source),
        view.plan.capacity.get(layer_id),
        view.counts(data),
        stages,
        tuple(view.package_card(view.packages[p.id]) for p in data.packages),
        findings(view, data),
        Picture("picture-timeline", drawing, t["timeline_caption"], "#roadmap"),
        downloads(view, layer_id, name.text),
        *filter_choices(view, stages),
    )


def filter_choices(
    view: View, stages: tuple[Stage, ...]
) -> tuple[tuple[Choice, ...], tuple[Choice, ...], tuple[Count, ...]]:
    """The themes, acts and statuses the rows of a layer page have, in fixed order, for its filters."""
    rows = [row for stage in stages for row in stage.items]
    themes = {th for row in rows for th in row.themes}
    acts = {row.obligation.act for row in rows}
    statuses = Counter(row.status for row in rows)
    return (
        tuple(Choice(th, view.theme_link(th).text) for th in view.cat.themes if th in themes),
        tuple(Choice(a, view.act_title(a)) for a in view.cat.acts if a in acts),
        tuple(Count(st, statuses[st]) for st in STATUSES if statuses[st]),
    )


def _swimlane_drawing(
    view: View,
    data: RoadmapView,
    cells: dict[str, list[Counter[str]]],
    dues: dict[str, list[dt.date]],
    arrows: Counter[tuple[int, int, int, int]],
    path: str,
) -> str:
    """The whole government's swimlanes: a lane per layer, its items per stage, its due dates,
    and an arrow per cross-layer facility wait."""
    t = labels(view.lang)
    lanes = [
        timeline.Lane(
            lid,
            view.local(view.cat.layers[lid].name).text,
            relative_url(path, page_path("layer", lid)),
            tuple(dict(c) for c in cells[lid]),
            tuple(sorted(dues[lid])),
        )
        for lid in view.cat.layers
    ]
    drawn = [timeline.Arrow(*key, count=n) for key, n in sorted(arrows.items())]
    spans = _spans(data)
    desc = t["picture_lanes"].format(lanes=len(lanes), stages=len(spans), arrows=len(drawn))
    return timeline.swimlanes(
        lanes,
        spans,
        view.as_of,
        drawn,
        ident="picture-swimlanes",
        title=t["swimlanes"],
        desc=desc,
        words=_words(view),
    )


def government_page(view: View) -> GovernmentPage:
    """The whole government: swimlanes, cross-layer dependencies and every finding."""
    t = labels(view.lang)
    data = view.roadmaps[ALL]
    items = _items(data)
    stage_of = {(item.obligation, item.layer): index for index, item in items}
    stage_ids = tuple(s.id for s in data.stages)
    lane_index = {lid: i for i, lid in enumerate(view.cat.layers)}
    cells: dict[str, list[Counter[str]]] = {lid: [Counter() for _ in stage_ids] for lid in view.cat.layers}
    dues: dict[str, list[dt.date]] = defaultdict(list)
    arrows: Counter[tuple[int, int, int, int]] = Counter()
    cross = []
    for index, item in items:
        cells[item.layer][index][item.status] += 1
        if item.due and item.status != "done":
            dues[item.layer].append(item.due)
        for wait in item.waits_on:
            if wait.kind != "needs-facility" or wait.layer == item.layer:
                continue
            from_stage = stage_of[(wait.obligation, wait.layer)]
            arrows[(lane_index[wait.layer], from_stage, lane_index[item.layer], index)] += 1
            cross.append(
                CrossDependency(
                    view.ob(wait.obligation),
                    view.layer_link(wait.layer),
                    stage_ids[from_stage],
                    view.ob(item.obligation),
                    view.layer_link(item.layer),
                    item.stage,
                )
            )
    path = "government.html"
    drawing = _swimlane_drawing(view, data, cells, dues, arrows, path)
    matrix = tuple(
        (view.layer_link(lid), tuple(sum(c.values()) for c in cells[lid])) for lid in view.cat.layers
    )
    cross.sort(
        key=lambda c: (c.provider_stage, c.facility.id, c.waiting_stage, c.waiting.id, c.waiting_layer.href)
    )
    return GovernmentPage(
        path,
        view.plain(t["government"]),
        "government",
        tuple(layer_card(view, lid) for lid in view.cat.layers),
        stage_ids,
        matrix,
        Picture("picture-swimlanes", drawing, t["swimlanes_caption"], "#stages"),
        tuple(cross),
        findings(view, data),
        view.counts(data),
        downloads(view, ALL, t["government"].lower()),
    )


def analysis_page(view: View) -> AnalysisPage:
    """Critical chains, blockers, conflicts, keystones and packages."""
    t = labels(view.lang)
    result = view.analysis
    return AnalysisPage(
        "analysis.html",
        view.plain(t["analysis"]),
        "analysis",
        tuple(
            ChainRow(
                view.ob(c.target), c.due, c.slack, tuple(view.ob(o) for o in c.chain), view.say(c.reasons)
            )
            for c in result.chains
        ),
        tuple(
            BlockerRow(
                view.ob(b.facility),
                tuple(view.layer_link(lid) for lid in b.providers),
                tuple(view.ob(w) for w in b.waiting),
                tuple(view.layer_link(lid) for lid in b.waiting_layers),
                b.organisations_waiting,
                view.say(b.reasons),
            )
            for b in result.blockers
        ),
        tuple(
            ConflictRow(
                view.ob(c.a),
                view.ob(c.b),
                _conflict_rationale(view, c.a, c.b),
                tuple(view.layer_link(lid) for lid in c.layers),
            )
            for c in result.conflicts
        ),
        tuple(
            KeystoneRow(view.ob(k.obligation), k.dependants, k.earliest_dependant_due)
            for k in result.keystones
        ),
        tuple(view.package_card(p) for p in view.ctx.packages),
        view.say(result.findings),
    )


def _conflict_rationale(view: View, a: str, b: str) -> Local:
    """The rationale of a conflict in the page's language (the analysis keeps only one)."""
    for owner, other in ((a, b), (b, a)):
        for rel in view.cat.obligations[owner].conflicts:
            if rel.to == other:
                return view.local(rel.rationale)
    return view.plain("")
