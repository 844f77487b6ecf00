"""What a plan is made of: items, findings, the plan itself, and groups of items.

An item is one obligation for one layer; a group is what the scheduler places in one stage
(a joint work package's members in one layer, or a single item).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from planner.schedule.periods import period_bounds

STATUSES = ("planned", "at-risk", "overdue", "blocked", "done")
"""Every status an item can have."""
NO_DUE = 10**9
"""The due stage of an item without a due date: later than any real stage."""

Key = tuple[str, str]
"""An item's key: (obligation id, layer id)."""
Deps = dict[Key, list[tuple[str, Key]]]
"""For each item, what it waits on: (``requires`` or ``needs-facility``, item key)."""


@dataclass
class Item:
    """One obligation on one layer's roadmap."""

    obligation: str
    act: str
    layer: str
    due: dt.date | None
    effort: float
    status: str = "planned"
    stage: int | None = None
    package: str | None = None
    rule: str = ""
    reasons: list[str] = field(default_factory=list)
    waits_on: list[tuple[str, str, str]] = field(default_factory=list)  # (kind, obligation, layer)
    done_on: dt.date | None = None

    @property
    def key(self) -> tuple[str, str]:
        """(obligation, layer): unique within a plan."""
        return (self.obligation, self.layer)


@dataclass
class Finding:
    """Something a reader must act on: overdue, at-risk, blocked, capacity, package split."""

    kind: str
    obligation: str
    layer: str
    message: str


@dataclass
class Plan:
    """The whole-government schedule."""

    as_of: dt.date
    stage_size: str
    first: int
    items: dict[tuple[str, str], Item]
    findings: list[Finding]
    capacity: dict[str, float | None]
    load: dict[tuple[str, int], float]
    scenario: str | None = None

    def stage_bounds(self, stage: int) -> tuple[str, dt.date, dt.date]:
        """Id, start and end of relative stage number `stage` (0 = the stage holding as-of)."""
        return period_bounds(self.first + stage, self.stage_size)

    def stage_id(self, stage: int | None) -> str | None:
        """The id of a relative stage, e.g. '2027-Q1'."""
        return None if stage is None else self.stage_bounds(stage)[0]

    def for_layer(self, layer: str | None) -> list[Item]:
        """The items of one layer (all layers with None), in a stable order."""
        items = [i for i in self.items.values() if layer is None or i.layer == layer]
        return sorted(items, key=lambda i: (i.stage if i.stage is not None else -1, i.layer, i.obligation))


@dataclass
class _Group:
    """Items scheduled together (a package's members in one layer, or a single item)."""

    id: str
    layer: str
    keys: list[Key]
    effort: float
    latest: int = NO_DUE
    due_stage: int = NO_DUE
    # what decided the earliest stage: (kind, the item waited on, the member that waits on it)
    binding: tuple[str, Key, Key] | None = None
    ratio: float = 1.0  # the package's joint effort over its separate effort


def _name(key: Key, layer: str) -> str:
    """An item's obligation, with its layer when that is not `layer`."""
    return key[0] if key[1] == layer else f"{key[0]} ({key[1]})"
