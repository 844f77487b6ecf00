"""What a scenario does to every layer's roadmap, for the house view and the scenario pages.

The catalogue as adopted is planned against the catalogue with the scenario applied (the
diff of :mod:`planner.diff`); per layer the items that move to another stage or change
status are listed, and counted: how many moved, and how many became at risk, overdue or
blocked, the statuses a coordinator must act on; and how many now require something else (a
scenario that amends a duty), with the person-days of the items listed before and after.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from planner.catalogue import Catalogue
    from planner.diff.impact import ItemChange
    from planner.roadmap import PlanContext

WATCHED = ("at-risk", "overdue", "blocked")
"""The statuses a layer's items can newly get that the house view counts."""


@dataclass(frozen=True)
class LayerShift:
    """One layer's roadmap under the scenario, against the catalogue as adopted."""

    layer: str
    moved: int
    became: tuple[tuple[str, int], ...]
    """(status, how many items newly have it) for each of :data:`WATCHED`."""
    shifts: tuple[ItemChange, ...]
    """The items that moved, changed status or now require something else, as the diff reports them."""
    changed: int = 0
    """How many items now require something else (their duty amended)."""
    days: tuple[float, float] = (0.0, 0.0)
    """Person-days (one organisation of the layer) of the items listed, before and after."""


def scenario_impact(
    base: Catalogue, scenario_id: str, as_of: dt.date, made_old: PlanContext | None = None
) -> tuple[LayerShift, ...]:
    """Per layer what `scenario_id` moves or changes, as of `as_of`.

    Args:
        base: the catalogue as adopted (no scenario applied).
        scenario_id: the scenario to apply.
        as_of: the planning date of both plans.
        made_old: the plan of `base` when it is already made (the site's own).

    Raises:
        NotFoundError: no scenario has that id.
    """
    from planner.diff import diff
    from planner.diff.sources import Side

    report = diff(
        Side("catalogue", base), Side(scenario_id, base.with_scenario(scenario_id)), as_of, made_old=made_old
    )
    out = []
    for impact in report.impact:
        shifts = impact.items
        moved = sum(1 for s in shifts if s.old_stage and s.new_stage and s.old_stage != s.new_stage)
        became = tuple(
            (status, sum(1 for s in shifts if s.new_status == status and s.old_status != status))
            for status in WATCHED
        )
        changed = sum(1 for s in shifts if s.changed)
        days = (sum(s.old_effort or 0.0 for s in shifts), sum(s.new_effort or 0.0 for s in shifts))
        out.append(LayerShift(impact.layer, moved, became, shifts, changed, days))
    return tuple(out)
