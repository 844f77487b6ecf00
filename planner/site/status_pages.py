"""The site page of ``planner status DIR``: where the house stands, as a heat map.

Rows are the obligations (grouped by act), columns the layers that sent organisation files.
Each cell holds the counts as text (in order, behind, open, not applicable, unassessed) and is
tinted by the group that is largest; a bar drawn in plain SVG shows the shares. Nothing needs a
script: the page works offline. Organisation names come from the files and are escaped like all
catalogue text (autoescaping templates).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import ClassVar

from planner.house.status import BEHIND_STATES, UNASSESSED, Cell, HouseStatus
from planner.organisation.model import State
from planner.site.context import Link, ObligationRef, Page
from planner.site.refs import View

STATUS_PAGE = "status.html"
GROUPS = ("in-order", "behind", "open", "not-applicable", "unassessed")
"""The groups a cell counts, in the order the page shows them."""
TIE_ORDER = ("behind", "unassessed", "open", "in-order", "not-applicable")
"""When two groups are equally large, the tint shows the one a coordinator must see first."""


@dataclass(frozen=True)
class Segment:
    """One group's part of a cell's bar, in percent of its width."""

    group: str
    x: float
    width: float


@dataclass(frozen=True)
class HeatCell:
    """One obligation in one layer: the reporting organisations per group."""

    counts: tuple[tuple[str, int], ...]
    """(group, count) in the order of :data:`GROUPS`."""
    organisations: int
    tone: str
    """The largest group (ties: :data:`TIE_ORDER`): the cell's tint."""
    bar: tuple[Segment, ...]


@dataclass(frozen=True)
class HeatRow:
    """An obligation and its cell per layer column (None: the layer does not implement it)."""

    obligation: ObligationRef
    cells: tuple[HeatCell | None, ...]


@dataclass(frozen=True)
class HeatGroup:
    """The rows of one act."""

    act: Link
    rows: tuple[HeatRow, ...]


@dataclass(frozen=True)
class LayerShare:
    """How many organisations of a layer sent a file, and the share of their duties assessed."""

    layer: Link
    reporting: int
    total: int
    assessed: str
    """A whole percentage, e.g. ``"42%"``; empty when the layer sent no file."""


@dataclass(frozen=True)
class BehindDuty:
    """A duty an organisation is known not to have done although it was due."""

    obligation: str
    due: str
    state: str
    """The state in the page's language."""


@dataclass(frozen=True)
class BehindRow:
    """An organisation and the duties it is behind on, earliest due first.

    One row per organisation, not per duty: 387 organisations can be behind on thousands of
    duties, and the page must stay readable (the full list is in ``planner status``'s CSV/XLSX).
    """

    organisation: str
    layer: Link
    duties: tuple[BehindDuty, ...]


@dataclass(frozen=True)
class StatusPage(Page):
    """The heat map of a folder of organisation files."""

    TEMPLATE: ClassVar[str] = "status.html"
    groups: tuple[str, ...]
    columns: tuple[Link, ...]
    layers: tuple[LayerShare, ...]
    heat: tuple[HeatGroup, ...]
    behind: tuple[BehindRow, ...]


def group_counts(cell: Cell, as_of_passed: bool) -> dict[str, int]:
    """A cell's state counts folded into the page's groups.

    *Behind* are the organisations that assessed a duty already due as not done; the same
    states before the due date are *open*.

    >>> import datetime as dt
    >>> counts = {"not-started": 2, "in-progress": 1, "in-place": 3, "done": 0, "not-applicable": 1,
    ...           "deferred": 0, "unassessed": 4}
    >>> group_counts(Cell("gemeenten", "x.y", dt.date(2025, 1, 1), counts), True)
    {'in-order': 3, 'behind': 3, 'open': 0, 'not-applicable': 1, 'unassessed': 4}
    """
    not_done = sum(cell.counts[s] for s in BEHIND_STATES)
    return {
        "in-order": cell.counts[State.IN_PLACE.value] + cell.counts[State.DONE.value],
        "behind": not_done if as_of_passed else 0,
        "open": 0 if as_of_passed else not_done,
        "not-applicable": cell.counts[State.NOT_APPLICABLE.value],
        "unassessed": cell.counts[UNASSESSED],
    }


def heat_cell(counts: dict[str, int]) -> HeatCell:
    """The cell for grouped counts: its tint and its bar (shares rounded to 0.01 percent).

    >>> cell = heat_cell({"in-order": 1, "behind": 1, "open": 0, "not-applicable": 0, "unassessed": 2})
    >>> cell.tone, [(s.group, s.x, s.width) for s in cell.bar]
    ('unassessed', [('in-order', 0.0, 25.0), ('behind', 25.0, 25.0), ('unassessed', 50.0, 50.0)])
    """
    total = sum(counts.values())
    tone = max(TIE_ORDER, key=lambda g: (counts[g], -TIE_ORDER.index(g))) if total else "none"
    bar: list[Segment] = []
    x = 0.0
    for group in GROUPS:
        if counts[group] and total:
            width = round(100 * counts[group] / total, 2)
            bar.append(Segment(group, round(x, 2), width))
            x += width
    return HeatCell(tuple((g, counts[g]) for g in GROUPS), total, tone, tuple(bar))


def _percent(share: float) -> str:
    return f"{round(share * 100)}%"


def status_page(view: View, status: HouseStatus) -> StatusPage:
    """The heat map page for an aggregated folder of organisation files, in the view's language."""
    from planner.i18n import gettext

    cat = view.cat
    columns = [c.layer for c in status.layers if c.reporting]
    cells = {(c.obligation, c.layer): c for c in status.cells}
    by_act: dict[str, list[HeatRow]] = {}
    for oid, ob in cat.obligations.items():
        row = [cells.get((oid, layer)) for layer in columns]
        if not any(row):
            continue
        heat = tuple(
            heat_cell(group_counts(c, c.due is not None and c.due < status.as_of)) if c else None for c in row
        )
        by_act.setdefault(ob.act, []).append(HeatRow(view.ob(oid), heat))
    layers = tuple(
        LayerShare(view.layer_link(c.layer), c.reporting, c.total, _layer_assessed(status, c.layer))
        for c in status.layers
    )
    by_org: dict[tuple[str, str, str], list[BehindDuty]] = {}
    for b in status.behind:  # sorted by layer, organisation, due date
        duty = BehindDuty(b.obligation, b.due.isoformat(), gettext(view.lang, "house_status", b.state))
        by_org.setdefault((b.layer, b.organisation, b.source), []).append(duty)
    behind = tuple(
        BehindRow(name, view.layer_link(layer), tuple(duties)) for (layer, name, _), duties in by_org.items()
    )
    return StatusPage(
        STATUS_PAGE,
        view.plain(gettext(view.lang, "house_status", "title")),
        "status",
        GROUPS,
        tuple(view.layer_link(layer) for layer in columns),
        layers,
        tuple(HeatGroup(view.act_link(act), tuple(rows)) for act, rows in by_act.items()),
        behind,
    )


def _layer_assessed(status: HouseStatus, layer: str) -> str:
    """The share of a layer's organisation × duty pairs that have a state ("" without files)."""
    cells = [c for c in status.cells if c.layer == layer]
    total = sum(c.organisations for c in cells)
    if not total:
        return ""
    return _percent(sum(c.organisations - c.counts[UNASSESSED] for c in cells) / total)
