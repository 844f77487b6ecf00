"""Page contexts of what the catalogue says: acts, obligations, themes, packages, search, languages."""

from __future__ import annotations

from dataclasses import dataclass
from typing import ClassVar

from planner.site.context import ExternalLink, Link, Local, ObligationRef, Page, Picture, Prose, SourceRow
from planner.site.plan_context import ItemRow


@dataclass(frozen=True)
class HistoryRow:
    """An earlier or disputed date of a milestone."""

    date: str
    by: str
    note: Local | None = None


@dataclass(frozen=True)
class MilestoneRow:
    """A dated milestone of an act."""

    id: str
    kind: str
    date: str
    status: str
    article: str | None
    applies: Local | None
    note: Prose | None
    source: SourceRow | None
    history: tuple[HistoryRow, ...]
    disputed: tuple[HistoryRow, ...]


@dataclass(frozen=True)
class AmendmentRow:
    """An act that amends this one (or a proposal to)."""

    id: str
    title: Local
    status: str
    date: str | None
    celex: str | None
    summary: Prose | None
    link: Link | None


@dataclass(frozen=True)
class RoleRow:
    """An obligation and the role a layer has in it."""

    obligation: ObligationRef
    role: str


@dataclass(frozen=True)
class LayerObligations:
    """The obligations of one act that concern one layer."""

    layer: Link
    rows: tuple[RoleRow, ...]


@dataclass(frozen=True)
class RelationRow:
    """A relation of an obligation, seen from that obligation (kind as read from it)."""

    kind: str
    other: ObligationRef
    rationale: Local
    degree: str | None = None


@dataclass(frozen=True)
class ActRelation:
    """How many relations tie an act to another act, per kind, and through which obligations."""

    act: Link
    kind: str
    pairs: tuple[tuple[ObligationRef, ObligationRef], ...]


@dataclass(frozen=True)
class ActCard:
    """An act as listed on the acts page and theme pages."""

    link: Link
    kind: str
    status: str
    celex: str | None
    obligations: int


@dataclass(frozen=True)
class ThemeCard:
    """A theme as listed on the themes page."""

    link: Link
    acts: int
    obligations: int


@dataclass(frozen=True)
class SearchEntry:
    """One act or obligation in the search list and index."""

    kind: str
    id: str
    href: str
    title: Local
    context: str


@dataclass(frozen=True)
class ActsPage(Page):
    """Every act."""

    TEMPLATE: ClassVar[str] = "acts.html"
    acts: tuple[ActCard, ...]


@dataclass(frozen=True)
class ActPage(Page):
    """One act: identity, milestones, obligations per layer, relations to other acts."""

    TEMPLATE: ClassVar[str] = "act.html"
    id: str
    kind: str
    status: str
    full_title: Local
    celex: str | None
    eurlex: str | None
    eli: ExternalLink | None
    note: Prose | None
    themes: tuple[Link, ...]
    milestones: tuple[MilestoneRow, ...]
    amendments: tuple[AmendmentRow, ...]
    transposes: tuple[Link, ...]
    transposed_by: tuple[Link, ...]
    transposition_note: Prose | None
    obligations: tuple[ObligationRef, ...]
    per_layer: tuple[LayerObligations, ...]
    relations: tuple[ActRelation, ...]
    picture: Picture | None
    sources: tuple[SourceRow, ...]


@dataclass(frozen=True)
class ObligationPage(Page):
    """One obligation: what it asks, when, of whom, its relations and its place in the roadmaps."""

    TEMPLATE: ClassVar[str] = "obligation.html"
    id: str
    act: Link
    articles: tuple[str, ...]
    description: Prose | None
    due: str | None
    milestone: Link | None
    effort: float | None
    effort_rationale: Local | None
    roles: tuple[tuple[Link, str], ...]
    themes: tuple[Link, ...]
    relations: tuple[RelationRow, ...]
    placements: tuple[ItemRow, ...]
    package: Link | None
    sources: tuple[SourceRow, ...]
    voluntary: bool = False
    """Participation is voluntary: `due` is the date the policy applies from, not a deadline."""


@dataclass(frozen=True)
class ThemesPage(Page):
    """Every theme."""

    TEMPLATE: ClassVar[str] = "themes.html"
    themes: tuple[ThemeCard, ...]


@dataclass(frozen=True)
class ThemePage(Page):
    """One theme: its acts and obligations and how those acts depend on each other."""

    TEMPLATE: ClassVar[str] = "theme.html"
    id: str
    description: Prose | None
    acts: tuple[ActCard, ...]
    obligations: tuple[ObligationRef, ...]
    act_relations: tuple[tuple[Link, str, Link, int], ...]
    picture: Picture | None


@dataclass(frozen=True)
class PackagePage(Page):
    """One joint work package."""

    TEMPLATE: ClassVar[str] = "package.html"
    id: str
    members: tuple[ObligationRef, ...]
    acts: tuple[Link, ...]
    layers: tuple[Link, ...]
    due: str | None
    driver: ObligationRef | None
    effort_separate: float
    effort_joint: float
    effort_saved: float
    overlaps: tuple[tuple[ObligationRef, RelationRow], ...]
    placements: tuple[ItemRow, ...]
    picture: Picture | None


@dataclass(frozen=True)
class SearchPage(Page):
    """The search page: the whole list (works without JavaScript) and where Pagefind's script is."""

    TEMPLATE: ClassVar[str] = "search.html"
    entries: tuple[SearchEntry, ...]
    bundle: str
    """Pagefind's script, from the site's root (not the language's)."""


@dataclass(frozen=True)
class LanguageChoice:
    """One language of a site in several: where it starts and what it is called, in itself."""

    lang: str
    name: str
    href: str
    site_name: str
    prompt: str


@dataclass(frozen=True)
class LanguagesPage(Page):
    """The root page of a site in several languages: a choice of language."""

    TEMPLATE: ClassVar[str] = "languages.html"
    choices: tuple[LanguageChoice, ...]
