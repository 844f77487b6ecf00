"""Which facts of the catalogue rest on a primary source, and how many do.

A *fact* is an act's identity (title, CELEX, ELI: its ``source``), a milestone (its ``source``)
or an obligation (its ``sources``). It is *primary* when at least one of its sources is on a host
listed in ``primary-sources.yaml`` and it carries no ``primary_source_gap`` waiver: a waived fact
is by definition one nobody could yet source primarily, so it never counts as primary.
:mod:`planner.checks_profile` reports the facts that are not; :func:`primary_share` counts them.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

from planner.catalogue import Catalogue
from planner.models import Act, PrimarySourceGap

IDENTITY, MILESTONE, OBLIGATION = "identity", "milestone", "obligation"
"""The kinds of fact, in the order they are counted and reported."""


@dataclass(frozen=True)
class Fact:
    """One sourced fact of an act.

    Attributes:
        kind: ``identity``, ``milestone`` or ``obligation``.
        act: the id of the act it belongs to.
        id: the act's, milestone's or obligation's id.
        loc: where it is written in the act file (the path to its source field).
        keys: the source keys it cites.
        waiver: its reviewed ``primary_source_gap``, if any.
    """

    kind: str
    act: str
    id: str
    loc: tuple[str | int, ...]
    keys: tuple[str, ...]
    waiver: PrimarySourceGap | None


def facts(act: Act) -> Iterator[Fact]:
    """Every sourced fact of an act: its identity, then its milestones, then its obligations.

    Example:
        >>> from planner.models import Act
        >>> act = Act.model_validate({"id": "a", "kind": "national-act", "title": {"en": "A"}, "source": "s"})
        >>> [(f.kind, f.id, f.loc, f.keys) for f in facts(act)]
        [('identity', 'a', ('source',), ('s',))]
    """
    if act.source:
        yield Fact(IDENTITY, act.id, act.id, ("source",), (act.source,), act.primary_source_gap)
    for i, m in enumerate(act.milestones):
        if m.source:
            yield Fact(
                MILESTONE, act.id, m.id, ("milestones", i, "source"), (m.source,), m.primary_source_gap
            )
    for i, ob in enumerate(act.obligations):
        if ob.sources:
            loc = ("obligations", i, "sources")
            yield Fact(OBLIGATION, act.id, ob.id, loc, tuple(ob.sources), ob.primary_source_gap)


def cites_primary(cat: Catalogue, act: Act, keys: tuple[str, ...]) -> bool:
    """Whether any of the sources `keys` of `act` is on a primary host."""
    return any(cat.is_primary(act.sources[k]) for k in keys if k in act.sources)


def is_primary(cat: Catalogue, fact: Fact) -> bool:
    """Whether a fact counts as primary: a primary source cited, and no waiver."""
    return fact.waiver is None and cites_primary(cat, cat.acts[fact.act], fact.keys)


@dataclass(frozen=True)
class Share:
    """How many facts of one kind there are, how many are primary and how many are waived."""

    kind: str
    total: int
    primary: int
    waived: int

    @property
    def percent(self) -> float:
        """The primary share in percent (100 for no facts at all), rounded to one decimal."""
        return round(100 * self.primary / self.total, 1) if self.total else 100.0


def primary_share(cat: Catalogue) -> dict[str, Share]:
    """Per kind of fact (identity, milestone, obligation) its primary share.

    An act, milestone or obligation without any source counts as a fact that is not primary.

    Example:
        >>> from pathlib import Path
        >>> from planner.loading import load_catalogue
        >>> share = primary_share(load_catalogue(Path("tests/data/minimal")))
        >>> share["milestone"].total, share["milestone"].primary, share["milestone"].waived
        (3, 3, 0)
    """
    counts = {kind: [0, 0, 0] for kind in (IDENTITY, MILESTONE, OBLIGATION)}
    for act in cat.acts.values():
        found = list(facts(act))
        counts[IDENTITY][0] += 1
        counts[MILESTONE][0] += len(act.milestones)
        counts[OBLIGATION][0] += len(act.obligations)
        for fact in found:
            counts[fact.kind][1] += is_primary(cat, fact)
            counts[fact.kind][2] += fact.waiver is not None
    return {kind: Share(kind, *numbers) for kind, numbers in counts.items()}
