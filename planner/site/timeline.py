"""Time pictures: a Gantt chart of one layer's roadmap and swimlanes for the whole government.

Both share one horizontal axis: a column per stage, plus a narrow "earlier" gutter on the left
for due dates before the first stage (overdue work) and a "later" gutter on the right for due
dates after the last, so a 2018 deadline does not squeeze the next two years into a sliver.
Status is written on each bar as well as coloured. How each part looks is named by a class
the site's stylesheet styles (see :mod:`planner.site.svg`): :data:`CLASSES` lists them.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass

from planner.site.palette import STATUSES
from planner.site.svg import arrow_marker, esc, fit, frame, num

TEXTS = ("gutter", "stage", "asof", "row", "bar", "year", "lane", "count", "arrow")
"""The kinds of text in a time picture, each drawn by class ``t-KIND``."""
CLASSES = (
    *(f"t-{kind}" for kind in TEXTS),
    *(f"s-{status}" for status in STATUSES),  # a bar in the colour of its status
    "shade",  # every other row or lane
    "rule",  # a line between columns, a lane's baseline
    "asof",  # the as-of line
    "due",  # a due date's diamond
    "e-needs-facility",  # a wait on another lane
)
"""The classes the time pictures use (the stylesheet styles them)."""


@dataclass(frozen=True)
class Span:
    """A stage on the axis."""

    id: str
    start: dt.date
    end: dt.date


@dataclass(frozen=True)
class Axis:
    """Where stages and dates go horizontally."""

    spans: tuple[Span, ...]
    left: float
    column: float
    gutter: float = 64.0

    @property
    def first(self) -> float:
        """x of the first stage column."""
        return self.left + self.gutter

    @property
    def right(self) -> float:
        """x just after the "later" gutter."""
        return self.first + len(self.spans) * self.column + self.gutter

    def stage_x(self, index: int) -> float:
        """x where stage `index` starts."""
        return self.first + index * self.column

    def date_x(self, day: dt.date) -> float:
        """x of a date: inside its stage, or the middle of a gutter when outside every stage.

        >>> axis = Axis((Span("Q1", dt.date(2027, 1, 1), dt.date(2027, 3, 31)),), left=0, column=90)
        >>> axis.date_x(dt.date(2027, 1, 1)), axis.date_x(dt.date(2020, 5, 1)), axis.date_x(dt.date(2030, 1, 1))
        (64.0, 32.0, 186.0)
        """
        if day < self.spans[0].start:
            return self.left + self.gutter / 2
        for i, span in enumerate(self.spans):
            if day <= span.end:
                share = (day - span.start).days / ((span.end - span.start).days + 1)
                return self.stage_x(i) + share * self.column
        return self.right - self.gutter / 2

    def header(self, y: float, earlier: str, later: str) -> list[str]:
        """Stage names above the columns and the gutter names, with column rules."""
        out = [
            _text(self.left + self.gutter / 2, y, earlier, "gutter"),
            _text(self.right - self.gutter / 2, y, later, "gutter"),
        ]
        for i, span in enumerate(self.spans):
            out.append(_text(self.stage_x(i) + self.column / 2, y, span.id, "stage"))
        return out

    def rules(self, top: float, bottom: float) -> list[str]:
        """Vertical lines between columns."""
        xs = [self.first + i * self.column for i in range(len(self.spans) + 1)]
        return [f'<path d="M{num(x)} {num(top)}V{num(bottom)}" class="rule"/>' for x in xs]


def _text(x: float, y: float, text: str, kind: str) -> str:
    """A text of one of the :data:`TEXTS` kinds."""
    return f'<text x="{num(x)}" y="{num(y)}" class="t-{kind}">{esc(text)}</text>'


def _diamond(x: float, y: float, r: float = 5.5) -> str:
    return f'<path d="M{num(x)} {num(y - r)}l{num(r)} {num(r)}-{num(r)} {num(r)}-{num(r)}-{num(r)}z" class="due"/>'


def _as_of_line(axis: Axis, as_of: dt.date, top: float, bottom: float, label: str) -> list[str]:
    """The as-of date as a dashed line from `top` to `bottom`, labelled just above `top`."""
    x = axis.date_x(as_of)
    return [
        f'<path d="M{num(x)} {num(top - 12)}V{num(bottom)}" class="asof"/>',
        _text(x + 4, top - 3, label, "asof"),
    ]


@dataclass(frozen=True)
class Row:
    """One obligation in a Gantt chart."""

    label: str
    href: str
    stage: int
    status: str
    status_label: str
    due: dt.date | None
    tooltip: str


ROW_H, LABEL_W = 20.0, 300.0


def gantt(
    rows: Sequence[Row],
    spans: Sequence[Span],
    as_of: dt.date,
    *,
    ident: str,
    title: str,
    desc: str,
    words: dict[str, str],
) -> str:
    """A Gantt chart: one row per obligation, its stage as a bar, its due date as a diamond.

    Args:
        rows: the rows, in roadmap order.
        spans: the stages.
        as_of: drawn as a vertical line.
        ident: an id unique in the page.
        title, desc: the accessible name and description.
        words: ``earlier``, ``later`` and ``as_of`` (the line's label) in the page's language.
    """
    column = max(76.0, min(140.0, 700.0 / max(1, len(spans))))
    axis = Axis(tuple(spans), left=LABEL_W, column=column)
    top = 44.0
    height = top + len(rows) * ROW_H + 10
    body = axis.header(16, words["earlier"], words["later"])
    for i, row in enumerate(rows):
        y = top + i * ROW_H
        body.append(_gantt_row(axis, row, y, shade=i % 2 == 0))
    body += axis.rules(top, height - 8)
    body += _as_of_line(axis, as_of, top, height - 8, words["as_of"])
    return frame(ident, axis.right + 8, height, title, desc, body)


def _gantt_row(axis: Axis, row: Row, y: float, shade: bool) -> str:
    parts = []
    if shade:
        parts.append(
            f'<rect x="0" y="{num(y)}" width="{num(axis.right + 8)}" height="{num(ROW_H)}" class="shade"/>'
        )
    parts.append(
        f'<a href="{esc(row.href)}" tabindex="-1">'
        + _text(6, y + 14, fit(row.label, LABEL_W - 12, 12), "row")
        + "</a>"
    )
    x = axis.stage_x(row.stage)
    parts.append(
        f'<rect x="{num(x + 3)}" y="{num(y + 3)}" width="{num(axis.column - 6)}" height="{num(ROW_H - 6)}" '
        f'rx="3" class="s-{row.status}"/>'
    )
    parts.append(_text(x + axis.column / 2, y + 14, fit(row.status_label, axis.column - 10, 11), "bar"))
    if row.due is not None:
        dx = axis.date_x(row.due)
        parts.append(_diamond(dx, y + ROW_H / 2))
        if row.due < axis.spans[0].start or row.due > axis.spans[-1].end:
            parts.append(_text(dx + 8, y + 14, str(row.due.year), "year"))
    return f"<g><title>{esc(row.tooltip)}</title>{''.join(parts)}</g>"


@dataclass(frozen=True)
class Lane:
    """One layer in the swimlanes: per stage its item count per status, and its due dates."""

    id: str
    label: str
    href: str
    cells: tuple[dict[str, int], ...]
    dues: tuple[dt.date, ...]


@dataclass(frozen=True)
class Arrow:
    """Items of one lane and stage that wait on a facility of another lane and stage."""

    from_lane: int
    from_stage: int
    to_lane: int
    to_stage: int
    count: int


LANE_H, LANE_LABEL_W, BAR_Y, BAR_H = 104.0, 150.0, 26.0, 22.0


def swimlanes(
    lanes: Sequence[Lane],
    spans: Sequence[Span],
    as_of: dt.date,
    arrows: Sequence[Arrow],
    *,
    ident: str,
    title: str,
    desc: str,
    words: dict[str, str],
) -> str:
    """Swimlanes: a lane per layer, a column per stage, cross-layer waits as arrows.

    Each cell holds a bar split by status (its length relative to the fullest cell) with the
    counts written in it (its tooltip names the status by ``words["status-<status>"]``); each lane's due dates sit as diamonds on its baseline, the ones
    before the first stage counted in the "earlier" gutter.
    """
    column = max(110.0, min(170.0, 760.0 / max(1, len(spans))))
    axis = Axis(tuple(spans), left=LANE_LABEL_W, column=column)
    top = 44.0
    height = top + len(lanes) * LANE_H + 8
    most = max((sum(c.values()) for lane in lanes for c in lane.cells), default=0) or 1
    body = [f"<defs>{arrow_marker(ident, 'needs-facility')}</defs>"]
    body += axis.header(16, words["earlier"], words["later"])
    for i, lane in enumerate(lanes):
        body.append(_lane(axis, lane, top + i * LANE_H, most, shade=i % 2 == 0, words=words))
    body += axis.rules(top, height - 8)
    body += _as_of_line(axis, as_of, top, height - 8, words["as_of"])
    body += _arrows(ident, axis, arrows, top)
    return frame(ident, axis.right + 8, height, title, desc, body)


def _lane(axis: Axis, lane: Lane, y: float, most: int, shade: bool, words: dict[str, str]) -> str:
    parts = []
    if shade:
        parts.append(
            f'<rect x="0" y="{num(y)}" width="{num(axis.right + 8)}" height="{num(LANE_H)}" class="shade"/>'
        )
    parts.append(
        f'<a href="{esc(lane.href)}" tabindex="-1">{_text(8, y + BAR_Y + 15, lane.label, "lane")}</a>'
    )
    for s, cell in enumerate(lane.cells):
        total = sum(cell.values())
        if not total:
            continue
        x = axis.stage_x(s) + 6
        full = (axis.column - 40) * total / most
        for status in STATUSES:
            n = cell.get(status, 0)
            if not n:
                continue
            w = full * n / total
            parts.append(
                f'<rect x="{num(x)}" y="{num(y + BAR_Y)}" width="{num(max(w, 1.5))}" height="{num(BAR_H)}" '
                f'class="s-{status}"><title>{n} {esc(words.get(f"status-{status}", status))}</title></rect>'
            )
            if w >= 20:
                parts.append(_text(x + w / 2, y + BAR_Y + 15, str(n), "bar"))
            x += w
        parts.append(_text(x + 4, y + BAR_Y + 15, f"{total}", "count"))
    base = y + LANE_H - 24
    parts.append(f'<path d="M{num(axis.left)} {num(base)}H{num(axis.right)}" class="rule"/>')
    earlier = sum(1 for d in lane.dues if d < axis.spans[0].start)
    later = sum(1 for d in lane.dues if d > axis.spans[-1].end)
    for day in sorted(set(lane.dues)):
        if axis.spans[0].start <= day <= axis.spans[-1].end:
            parts.append(_diamond(axis.date_x(day), base))
    for n, x in ((earlier, axis.left + axis.gutter / 2), (later, axis.right - axis.gutter / 2)):
        if n:
            parts.append(_diamond(x - 10, base) + _text(x - 2, base + 4, str(n), "count"))
    return f"<g>{''.join(parts)}</g>"


def _arrows(ident: str, axis: Axis, arrows: Sequence[Arrow], top: float) -> list[str]:
    """Cross-lane arrows from the bottom (or top) of the providing cell to the waiting cell.

    Arrows leaving one cell, or entering one, are spread a little so they stay apart; each
    is labelled with its count beside its head.
    """
    leaving: dict[tuple[int, int], int] = {}
    entering: dict[tuple[int, int], int] = {}
    out = []
    for arrow in arrows:
        k_out = leaving.setdefault((arrow.from_lane, arrow.from_stage), 0)
        k_in = entering.setdefault((arrow.to_lane, arrow.to_stage), 0)
        leaving[(arrow.from_lane, arrow.from_stage)] += 1
        entering[(arrow.to_lane, arrow.to_stage)] += 1
        x1 = axis.stage_x(arrow.from_stage) + min(axis.column - 10, axis.column * 0.5 + k_out * 9)
        x2 = axis.stage_x(arrow.to_stage) + min(axis.column - 10, 14 + k_in * 22)
        down = arrow.to_lane > arrow.from_lane
        from_top = top + arrow.from_lane * LANE_H
        to_top = top + arrow.to_lane * LANE_H
        y1 = from_top + (BAR_Y + BAR_H + 2 if down else BAR_Y - 2)
        y2 = to_top + (BAR_Y - 3 if down else BAR_Y + BAR_H + 3)
        bend = (y2 - y1) * 0.5
        d = f"M{num(x1)} {num(y1)}C{num(x1)} {num(y1 + bend)} {num(x2)} {num(y2 - bend)} {num(x2)} {num(y2)}"
        label_y = y2 - 6 if down else y2 + 14
        out.append(
            f'<g><path d="{d}" class="e-needs-facility" marker-end="url(#{esc(ident)}-arrow-needs-facility)"/>'
            f"{_text(x2 + 6, label_y, str(arrow.count), 'arrow')}</g>"
        )
    return out
