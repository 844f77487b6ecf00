"""Page contexts of what the plan says: home, layer roadmaps, the whole government, analysis.

Roadmap rows wrap the items of :class:`planner.view.RoadmapView` (the same items every roadmap
format prints) and add only the links a page needs.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, ClassVar

from planner.site.context import (
    Count,
    Download,
    Link,
    Local,
    ObligationRef,
    Page,
    Picture,
    Prose,
    SourceRow,
)

if TYPE_CHECKING:
    from planner.view import Item
    from planner.view import Stage as ViewStage


@dataclass(frozen=True)
class WaitRef:
    """What a roadmap item waits on."""

    kind: str
    obligation: ObligationRef
    layer: str


@dataclass(frozen=True)
class ItemRow:
    """One item of a roadmap view as a page shows it: the view's own item, and its links.

    A template reaches every field of the item as ``row.item.<field>``; the properties below
    are the ones the templates print as text.
    """

    item: Item
    obligation: ObligationRef
    layer: Link
    package: Link | None
    waits_on: tuple[WaitRef, ...]
    themes: tuple[str, ...] = ()
    """Ids of the obligation's themes and its act's (what the layer page filters on)."""

    @property
    def status(self) -> str:
        """The item's status."""
        return self.item.status

    @property
    def due(self) -> str | None:
        """The item's due date as ISO text (what the templates' ``date`` filter reads)."""
        return self.item.due.isoformat() if self.item.due else None

    @property
    def stage(self) -> str:
        """The id of the stage the item is listed in."""
        return self.item.stage

    @property
    def reasons(self) -> tuple[str, ...]:
        """Why the item sits where it does, in the page's language."""
        return self.item.reasons


BACKLOG = ("overdue", "unassessed")
"""Statuses of work already behind (or not yet assessed): folded away on a layer page."""


@dataclass(frozen=True)
class RecurringRow:
    """A recurring duty due in a stage, as a light line linking to the duty's page."""

    obligation: ObligationRef
    date: str
    """The occurrence's date as ISO text."""
    label: str
    """The entry in words: the duty's title, the period, how often."""
    note: str
    """The person-days it takes and where the duty itself stands."""


@dataclass(frozen=True)
class Stage:
    """A stage of a roadmap view with its items as rows."""

    stage: ViewStage
    items: tuple[ItemRow, ...]
    recurring: tuple[RecurringRow, ...] = ()
    """The recurring duties due in the stage (each refers to its own item)."""

    @property
    def backlog(self) -> tuple[ItemRow, ...]:
        """The rows that are behind or unassessed (shown folded)."""
        return tuple(row for row in self.items if row.status in BACKLOG)

    @property
    def current(self) -> tuple[ItemRow, ...]:
        """The other rows (shown open)."""
        return tuple(row for row in self.items if row.status not in BACKLOG)

    @property
    def id(self) -> str:
        """The stage's id, e.g. ``2027-Q1``."""
        return self.stage.id

    @property
    def start(self) -> str:
        """Its first day as ISO text."""
        return self.stage.start.isoformat()

    @property
    def end(self) -> str:
        """Its last day as ISO text."""
        return self.stage.end.isoformat()


@dataclass(frozen=True)
class Choice:
    """An option of a filter: the value rows carry, and its name."""

    value: str
    text: Local


@dataclass(frozen=True)
class FindingRow:
    """A finding of the plan (overdue, blocked, at risk, ...), its message in English."""

    kind: str
    obligation: ObligationRef
    layer: Link
    message: str


@dataclass(frozen=True)
class LayerCard:
    """A layer as listed on the home and government pages."""

    link: Link
    organisations: int
    obligations: int
    counts: tuple[Count, ...]


@dataclass(frozen=True)
class PackageCard:
    """A joint work package as listed on other pages."""

    link: Link
    members: int
    acts: int
    due: str | None
    effort_saved: float


@dataclass(frozen=True)
class DueRow:
    """An obligation with its due date and the layers that plan it."""

    obligation: ObligationRef
    due: str
    layers: tuple[Link, ...]


@dataclass(frozen=True)
class CrossDependency:
    """An obligation that waits on another layer's facility."""

    facility: ObligationRef
    provider: Link
    provider_stage: str
    waiting: ObligationRef
    waiting_layer: Link
    waiting_stage: str


@dataclass(frozen=True)
class ChainRow:
    """A critical chain of prerequisites."""

    target: ObligationRef
    due: str
    slack: int
    chain: tuple[ObligationRef, ...]
    reasons: tuple[str, ...]


@dataclass(frozen=True)
class BlockerRow:
    """A facility other layers wait on."""

    facility: ObligationRef
    providers: tuple[Link, ...]
    waiting: tuple[ObligationRef, ...]
    waiting_layers: tuple[Link, ...]
    organisations: int
    reasons: tuple[str, ...]


@dataclass(frozen=True)
class ConflictRow:
    """Two obligations in tension."""

    a: ObligationRef
    b: ObligationRef
    rationale: Local
    layers: tuple[Link, ...]


@dataclass(frozen=True)
class KeystoneRow:
    """An obligation that unlocks many others."""

    obligation: ObligationRef
    dependants: int
    earliest: str | None


@dataclass(frozen=True)
class HomePage(Page):
    """The home page: what the tool is, what is due next, what is overdue, the biggest packages."""

    TEMPLATE: ClassVar[str] = "home.html"
    acts: int
    obligations: int
    layers: tuple[LayerCard, ...]
    due_next: tuple[DueRow, ...]
    overdue: tuple[DueRow, ...]
    overdue_obligations: int
    overdue_items: int
    packages: tuple[PackageCard, ...]
    themes: tuple[Link, ...]


@dataclass(frozen=True)
class LayerPage(Page):
    """One layer's roadmap: stages, packages, reasons, findings, timeline and downloads."""

    TEMPLATE: ClassVar[str] = "layer.html"
    id: str
    description: Prose | None
    organisations: int
    organisations_source: SourceRow | None
    capacity: float | None
    counts: tuple[Count, ...]
    stages: tuple[Stage, ...]
    packages: tuple[PackageCard, ...]
    findings: tuple[FindingRow, ...]
    timeline: Picture
    downloads: tuple[Download, ...]
    filter_themes: tuple[Choice, ...] = ()
    filter_acts: tuple[Choice, ...] = ()
    filter_statuses: tuple[Count, ...] = ()
    """The statuses of the rows in its stages, with how many rows have each."""


@dataclass(frozen=True)
class GovernmentPage(Page):
    """The whole government: swimlanes per layer, cross-layer dependencies, all findings."""

    TEMPLATE: ClassVar[str] = "government.html"
    layers: tuple[LayerCard, ...]
    stage_ids: tuple[str, ...]
    matrix: tuple[tuple[Link, tuple[int, ...]], ...]
    picture: Picture
    cross_layer: tuple[CrossDependency, ...]
    findings: tuple[FindingRow, ...]
    counts: tuple[Count, ...]
    downloads: tuple[Download, ...]


@dataclass(frozen=True)
class AnalysisPage(Page):
    """Critical chains, blockers, conflicts, keystones and packages."""

    TEMPLATE: ClassVar[str] = "analysis.html"
    chains: tuple[ChainRow, ...]
    blockers: tuple[BlockerRow, ...]
    conflicts: tuple[ConflictRow, ...]
    keystones: tuple[KeystoneRow, ...]
    packages: tuple[PackageCard, ...]
    findings: tuple[str, ...]
