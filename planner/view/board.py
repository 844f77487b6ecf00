"""The board summary: what an organisation's board needs to adopt a plan, derived from the view.

It answers, in this order: what applies and why not the rest; what is in place; what the next
twelve months hold; the backlog (duties already due: to assess, or known to be behind) and when
it is cleared; the recurring work per year; the workload per stage against capacity; what the plan waits on from other layers;
and the defaults (assumptions) it rests on. The Markdown and HTML roadmaps print it first.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from planner.dates import add_months
from planner.schedule.model import half_days
from planner.schedule.periods import period_bounds, period_index
from planner.view.model import Assumption, Item, RoadmapView, StageLoad

NEXT_MONTHS = 12
"""How far ahead the board's "next" list looks."""


@dataclass(frozen=True)
class Board:
    """The board summary of one layer's (or organisation's) roadmap."""

    organisation: str | None
    applicable: int
    """How many duties apply (every item but the not-applicable ones)."""
    not_applicable: tuple[Item, ...]
    in_place: tuple[Item, ...]
    """Duties done or in place."""
    next_items: tuple[Item, ...]
    """Work starting in the stages of `next_stages`: those that end within :data:`NEXT_MONTHS`."""
    next_days: float
    """Person-days the workload table plans in the stages of `next_stages` (whole days: the
    efforts are estimates), not the full effort of the items that start then."""
    next_stages: tuple[str, str] | None
    """The first and last stage of the window both `next_items` and `next_days` are for."""
    next_capacity: float | None
    """The capacity of those stages, when the view plans one layer with a capacity; else None."""
    unassessed: tuple[Item, ...]
    overdue: tuple[Item, ...]
    backlog_cleared: str | None
    load: tuple[StageLoad, ...]
    over_capacity: tuple[StageLoad, ...]
    waits: tuple[tuple[Item, str, str], ...]
    """(item, obligation waited on, its layer) for each wait on another layer."""
    assumptions: tuple[Assumption, ...]
    recurring: tuple[tuple[int, float], ...] = ()
    """Per calendar year in the plan's horizon, the person-days of the recurring duties due in it."""
    unassessed_days: float = 0.0
    """The person-days of the `unassessed` duties: the workload leaves them out (they take no
    capacity until assessed), so the plan is not complete while there are any."""
    filters: tuple[tuple[str, str], ...] = ()
    """The ``--theme``/``--act`` filters of the view: `load`, `over_capacity` and `next_days` are
    still the whole plan's (capacity is shared by all its work), the items are the filtered ones."""
    shown_load: tuple[StageLoad, ...] = ()
    """With `filters`, per row of `load` the person-days the items shown take of it."""
    name: str = ""
    """Whom the plan is for: the organisation, else the layer's name."""

    @property
    def shown_days(self) -> float:
        """The person-days the filtered items take in the stages of `load`, in half days as efforts are shown."""
        return half_days(sum(s.days for s in self.shown_load))


def recurring_per_year(view: RoadmapView) -> tuple[tuple[int, float], ...]:
    """The person-days the recurring duties take per calendar year, years in order.

    An occurrence without a catalogue effort counts for nothing, nor does one dated while the
    duty is being set up (``in_setup``: its days are in the setup work); a year without any is left out.
    """
    years: dict[int, float] = {}
    for stage in view.stages:
        for o in stage.recurring:
            if not o.in_setup:
                years[o.date.year] = years.get(o.date.year, 0.0) + (o.effort_days or 0.0)
    return tuple(sorted(years.items()))


def stage_days(view: RoadmapView) -> dict[str, float]:
    """Per stage id, the person-days the view's workload plans in it, every layer of the view summed.

    The one per-stage figure every format shows: the items' work spread over the stages it
    spans plus the recurring duties' occurrences (each person-day once), as in ``workload``.
    A stage with no work is left out.
    """
    days: dict[str, float] = {}
    for load in view.load:
        days[load.stage] = days.get(load.stage, 0.0) + load.days
    return {stage: round(total, 1) for stage, total in days.items()}


def next_window(as_of: dt.date, horizon: dt.date, size: str) -> tuple[str, ...]:
    """The ids of the stages from the one holding `as_of` to the last one that ends by `horizon`.

    Example:
        >>> next_window(dt.date(2026, 12, 7), dt.date(2027, 12, 7), "quarter")
        ('2026-Q4', '2027-Q1', '2027-Q2', '2027-Q3')
        >>> next_window(dt.date(2026, 12, 7), dt.date(2027, 12, 7), "year")
        ('2026',)
    """
    out = []
    index = period_index(as_of, size)
    while (bounds := period_bounds(index, size))[2] <= horizon:
        out.append(bounds[0])
        index += 1
    return tuple(out)


def board(view: RoadmapView) -> Board:
    """The board summary of `view`.

    Example:
        >>> from planner import api
        >>> from pathlib import Path
        >>> cat = api.load(Path("tests/data/minimal"))
        >>> b = board(api.roadmap(cat, "gemeenten", as_of=dt.date(2026, 11, 28)))
        >>> b.organisation, len(b.overdue)  # without an organisation file nothing is known to be behind
        (None, 0)
    """
    horizon = add_months(view.as_of, NEXT_MONTHS)
    planned = [i for s in view.stages for i in s.items]
    # the items counted and the days summed for "the next twelve months" are those of one window
    window = next_window(view.as_of, horizon, view.stage_size)
    nexts = tuple(i for i in planned if i.status != "unassessed" and i.start in window)
    soon = [s for s in view.load if s.stage in window]
    capacities = {s.capacity for s in soon}
    per_stage = capacities.pop() if len(capacities) == 1 else None
    one_layer = len({s.layer for s in soon}) == 1
    return Board(
        organisation=view.organisation,
        applicable=sum(1 for i in view.items if i.applicable),
        not_applicable=tuple(i for i in view.off_plan if not i.applicable),
        in_place=tuple(i for i in view.off_plan if i.applicable),
        next_items=nexts,
        next_days=round(sum(s.days for s in soon)),
        next_stages=(window[0], window[-1]) if window else None,
        next_capacity=round(len(window) * per_stage) if one_layer and per_stage is not None else None,
        unassessed=tuple(i for i in planned if i.status == "unassessed"),
        overdue=tuple(i for i in planned if i.status == "overdue"),
        backlog_cleared=view.backlog_cleared,
        load=view.load,
        over_capacity=tuple(s for s in view.load if s.capacity is not None and s.days > s.capacity + 1e-9),
        waits=tuple((i, w.obligation, w.layer) for i in planned for w in i.waits_on if w.layer != i.layer),
        assumptions=view.assumptions,
        recurring=recurring_per_year(view),
        unassessed_days=round(sum(i.effort_days for i in planned if i.status == "unassessed")),
        filters=view.filters,
        shown_load=view.shown_load,
        name=view.organisation or view.layer_name,
    )
