"""The report: the catalogue's change set and every layer's roadmap impact, together."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import TYPE_CHECKING

from planner.diff.changes import ChangeSet, compare_catalogues
from planner.diff.impact import LayerImpact, compare_roadmaps
from planner.diff.sources import Side

if TYPE_CHECKING:
    from planner.roadmap import PlanContext


@dataclass(frozen=True)
class Report:
    """The whole diff: catalogue changes and the impact on each layer's roadmap."""

    old: str
    new: str
    as_of: dt.date
    changes: ChangeSet
    impact: tuple[LayerImpact, ...]

    @property
    def empty(self) -> bool:
        """Whether nothing changed at all."""
        return self.changes.empty and all(i.empty for i in self.impact)


def diff(
    old: Side, new: Side, as_of: dt.date, layer: str | None = None, made_old: PlanContext | None = None
) -> Report:
    """Compare two catalogues and their roadmaps at `as_of`.

    Example:
        >>> from pathlib import Path
        >>> from planner.loading import load_catalogue
        >>> cat = load_catalogue(Path("tests/data/minimal"))
        >>> diff(Side("a", cat), Side("b", cat), dt.date(2026, 1, 15)).empty
        True
    """
    changes = compare_catalogues(old.catalogue, new.catalogue)
    rename = {r.old: r.new for r in changes.renamed}
    impact = compare_roadmaps(old.catalogue, new.catalogue, as_of, rename, layer=layer, made_old=made_old)
    return Report(old.label, new.label, as_of, changes, impact)
