"""Typed page contexts: everything a template may read, as frozen dataclasses.

Each page type has one context class naming its template. Templates read nothing else (the
environment's undefined is strict), so a test can check what a page will say by checking its
context, without parsing HTML. Paths in contexts are relative to the language root
(``acts/ai-act.html``); the renderer turns them into links relative to the page.

Catalogue text is carried as :class:`Local` (plain text) or :class:`Prose` (rendered Markdown),
each knowing the language it is in, so a page can mark text that falls back to the other
language.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import ClassVar


@dataclass(frozen=True)
class Local:
    """Catalogue text as shown on a page: in the page's language, or visibly in the other."""

    text: str
    lang: str
    fallback: bool = False


@dataclass(frozen=True)
class Prose:
    """Catalogue Markdown, rendered safely (see :mod:`planner.site.markdown`)."""

    html: str
    lang: str
    fallback: bool = False


@dataclass(frozen=True)
class Link:
    """A link inside the site: a path from the language root, with its text."""

    href: str
    text: Local


@dataclass(frozen=True)
class ExternalLink:
    """A link to an outside source, its URL already checked to be http(s)."""

    url: str
    text: str


@dataclass(frozen=True)
class Picture:
    """An inline SVG picture with its caption and where the same information is as text."""

    id: str
    svg: str
    caption: str
    text_href: str


@dataclass(frozen=True)
class Download:
    """A roadmap file in the site."""

    fmt: str
    href: str
    text: str


@dataclass(frozen=True)
class ObligationRef:
    """An obligation as listed on other pages."""

    id: str
    href: str
    title: Local
    act: str
    act_title: Local
    due: str | None


@dataclass(frozen=True)
class Count:
    """A labelled number, e.g. a status and how many items have it."""

    key: str
    count: int


@dataclass(frozen=True)
class WaitRef:
    """What a roadmap item waits on."""

    kind: str
    obligation: ObligationRef
    layer: str


@dataclass(frozen=True)
class ItemRow:
    """One obligation on one layer's roadmap."""

    obligation: ObligationRef
    layer: Link
    stage: str
    status: str
    due: str | None
    package: Link | None
    waits_on: tuple[WaitRef, ...]
    reasons: tuple[str, ...]


@dataclass(frozen=True)
class Stage:
    """A roadmap stage with its items."""

    id: str
    start: str
    end: str
    items: tuple[ItemRow, ...]


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
class SourceRow:
    """A source of facts: its key, title, link and when it was read."""

    key: str
    title: str
    url: str | None
    accessed: str | None


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
class Page:
    """What every page has: where it goes, its title (also its one h1) and its menu section."""

    TEMPLATE: ClassVar[str] = ""
    path: str
    title: Local
    section: str


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


@dataclass(frozen=True)
class LayerPage(Page):
    """One layer's roadmap: stages, packages, reasons, findings, timeline and downloads."""

    TEMPLATE: ClassVar[str] = "layer.html"
    id: str
    description: Prose | None
    organisations: int
    organisations_note: Prose | None
    capacity: float | None
    counts: tuple[Count, ...]
    stages: tuple[Stage, ...]
    packages: tuple[PackageCard, ...]
    findings: tuple[FindingRow, ...]
    timeline: Picture
    downloads: tuple[Download, ...]


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
class AnalysisPage(Page):
    """Critical chains, blockers, conflicts, keystones and packages."""

    TEMPLATE: ClassVar[str] = "analysis.html"
    chains: tuple[ChainRow, ...]
    blockers: tuple[BlockerRow, ...]
    conflicts: tuple[ConflictRow, ...]
    keystones: tuple[KeystoneRow, ...]
    packages: tuple[PackageCard, ...]
    findings: tuple[str, ...]


@dataclass(frozen=True)
class SearchPage(Page):
    """The search page: the whole list (works without JavaScript) and the index the script reads."""

    TEMPLATE: ClassVar[str] = "search.html"
    entries: tuple[SearchEntry, ...]
    index_json: str = field(repr=False)


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


def relative_url(page: str, target: str) -> str:
    """A link from the file `page` to `target`, both relative to the same root.

    Only the path is made relative; a ``#fragment`` stays, and a bare fragment is returned as
    it is. Outside addresses never come here: they are :class:`ExternalLink`. Pure string
    work (no file system, no current folder), since a build makes hundreds of thousands.

    >>> relative_url("acts/ai-act.html", "obligations/ai-act.fria.html#nl")
    '../obligations/ai-act.fria.html#nl'
    >>> relative_url("index.html", "acts/ai-act.html"), relative_url("acts/a.html", "acts/a.html#x")
    ('acts/ai-act.html', '#x')
    >>> relative_url("nl/acts/a.html", "assets/site.css"), relative_url("nl/acts/a.html", "nl/acts/b.html")
    ('../../assets/site.css', 'b.html')
    """
    path, _, fragment = target.partition("#")
    if not path:
        return target
    if path == page and fragment:
        return f"#{fragment}"
    here = page.split("/")[:-1]
    there = path.split("/")
    common = 0
    while common < len(here) and common < len(there) - 1 and here[common] == there[common]:
        common += 1
    rel = "/".join([".."] * (len(here) - common) + there[common:])
    return f"{rel}#{fragment}" if fragment else rel
