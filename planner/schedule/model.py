"""What a plan is made of: items, findings, the plan itself, and groups of items.

An item is one obligation for one layer; a group is what the scheduler places in one stage
(a joint work package's members in one layer, or a single item).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from enum import StrEnum
from typing import TYPE_CHECKING

from planner.schedule.periods import period_bounds

if TYPE_CHECKING:
    from planner.organisation.profile import Profile


class Status(StrEnum):
    """An item's status; the value is the code in the JSON contract."""

    PLANNED = "planned"
    AT_RISK = "at-risk"
    OVERDUE = "overdue"
    BLOCKED = "blocked"
    UNASSESSED = "unassessed"
    DEFERRED = "deferred"
    DONE = "done"
    IN_PLACE = "in-place"
    NOT_APPLICABLE = "not-applicable"

    def __repr__(self) -> str:  # shown as its code, as in the JSON
        return repr(self.value)


class Rule(StrEnum):
    """What decided an item's stage."""

    EARLIEST = "earliest"
    AFTER_DEPENDENCY = "after-dependency"
    PACKAGE = "package"
    CAPACITY = "capacity"
    DEADLINE_FORCED = "deadline-forced"

    def __repr__(self) -> str:  # shown as its code
        return repr(self.value)


STATUSES = tuple(Status)
"""Every status an item can have, in the order roadmaps count them."""
SETTLED = frozenset({Status.DONE, Status.IN_PLACE, Status.NOT_APPLICABLE, Status.UNASSESSED})
"""Statuses the scheduler does not place: nothing left to do, or not known whether anything is.

An ``unassessed`` item (already due, state unknown) is shown in the first stage as work to
assess; it takes no capacity, and what waits on it starts after that stage (if it is not in
place, it must come first)."""
OFF_PLAN = frozenset({Status.DONE, Status.IN_PLACE, Status.NOT_APPLICABLE})
"""Statuses listed beside the plan rather than in a stage."""
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
    status: str = Status.PLANNED
    stage: int | None = None
    package: str | None = None
    rule: str = ""
    reasons: list[str] = field(default_factory=list)
    waits_on: list[tuple[str, str, str]] = field(default_factory=list)  # (kind, obligation, layer)
    done_on: dt.date | None = None
    state: str | None = None  # the organisation's state, if it assessed the obligation
    nature: str = "one-off"
    span: int = 1  # stages the work takes, from `stage` on
    lead_time_months: float = 0.0
    not_before: dt.date | None = None  # a deferral's date
    delivery: dt.date | None = None  # a collective's delivery the work waits on (planned, not there yet)
    provider: str | None = None  # who delivers it: the collective's id
    occurrences: list[dt.date] = field(default_factory=list)  # a recurring duty's dates in the horizon
    # person-days each occurrence takes (the catalogue's effort, less what collectives cover);
    # None when the catalogue gives no effort: the occurrences are shown but reserve nothing
    occurrence_effort: float | None = None
    # the person-days the plan places for the item's own work: its effort, less its share of
    # its joint work package's saving (the group's effort shared in proportion to the efforts)
    placed_effort: float = 0.0

    @property
    def settled(self) -> bool:
        """Whether the scheduler leaves the item where it is (see :data:`SETTLED`)."""
        return self.status in SETTLED

    @property
    def applicable(self) -> bool:
        """Whether the duty applies to the organisation planned for."""
        return self.status != Status.NOT_APPLICABLE

    @property
    def end(self) -> int | None:
        """The last stage the work takes."""
        return None if self.stage is None else self.stage + self.span - 1

    @property
    def key(self) -> tuple[str, str]:
        """(obligation, layer): unique within a plan."""
        return (self.obligation, self.layer)

    def in_setup(self, stage: int) -> bool:
        """Whether relative `stage` lies in the span of the item's own planned work.

        For a recurring duty that work is setting it up: an occurrence dated in that span is
        part of the setup effort, so the workload counts it once (in the setup), not twice.
        An item the scheduler does not place (:data:`SETTLED`) has no span of work.
        """
        end = self.end
        return not self.settled and end is not None and self.stage is not None and self.stage <= stage <= end


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
    profiles: dict[str, Profile] = field(default_factory=dict)
    package_days: dict[tuple[str, str], float] = field(default_factory=dict)
    """Per (joint work package, layer), the person-days the plan places for its open members:
    what they take done together, less than their own efforts added up when the package saves."""

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
class Group:
    """Items scheduled together (a package's members in one layer, or a single item)."""

    id: str
    layer: str
    keys: list[Key]
    effort: float
    latest: int = NO_DUE
    due_stage: int = NO_DUE
    # the latest start that also sets a recurring duty up by its first coming occurrence (and
    # what waits on it in time for that): it orders placing, but never forces a stage over capacity
    target: int = NO_DUE
    # what decided the earliest stage: (kind, the item waited on, the member that waits on it)
    binding: tuple[str, Key, Key] | None = None
    ratio: float = 1.0  # the package's joint effort over its separate effort
    span: int = 1  # stages the group's work takes
    not_before: int = 0  # the first stage a deferral allows


def half_days(days: float) -> float:
    """Person-days rounded to half a day: what a planner can allot (and what roadmaps show).

    >>> half_days(2.26), half_days(0.1), half_days(3.0)
    (2.5, 0.5, 3.0)
    """
    return 0.0 if days <= 0 else max(0.5, round(days * 2) / 2)


def item_name(key: Key, layer: str) -> str:
    """An item's obligation, with its layer when that is not `layer`."""
    return key[0] if key[1] == layer else f"{key[0]} ({key[1]})"
