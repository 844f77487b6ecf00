"""The loaded catalogue: validated models, indexed, with every reference resolved."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from dataclasses import dataclass, field, replace
from functools import cached_property
from pathlib import Path
from typing import TYPE_CHECKING

from planner.errors import NotFoundError, Problem, UsageError
from planner.models import (
    PLANNED_ROLES,
    Act,
    Amend,
    Change,
    Layer,
    Milestone,
    Nature,
    Obligation,
    PrimaryHost,
    Question,
    RelationEdge,
    RelationKind,
    Scenario,
    Source,
    Theme,
    relations_of,
)

if TYPE_CHECKING:
    from planner.house.model import Collective


@dataclass(frozen=True)
class Catalogue:
    """A whole catalogue, as loaded from one folder.

    Attributes:
        root: the folder it was loaded from.
        layers: layers by id, in file order.
        themes: themes by id, in file order.
        acts: acts by id, sorted by id.
        obligations: obligations by id, grouped by act (acts sorted by id, file order within).
        paths: the file each act came from.
        sources: per file key (`layers`, `themes` or an act id) its sources by key.
        warnings: non-fatal problems found while loading.
        scenario: the scenario applied, if any.
        questions: the profile questions by id (``questions.yaml``), in file order.
        primary_hosts: the publishers whose pages count as primary sources, by host.
        collectives: the collective arrangements (``collectives.yaml``) by id, in file order.
    """

    root: Path
    layers: dict[str, Layer]
    themes: dict[str, Theme]
    acts: dict[str, Act]
    obligations: dict[str, Obligation]
    paths: dict[str, Path] = field(default_factory=dict)
    sources: dict[str, dict[str, Source]] = field(default_factory=dict)
    warnings: tuple[Problem, ...] = ()
    scenario: Scenario | None = None
    questions: dict[str, Question] = field(default_factory=dict)
    primary_hosts: dict[str, PrimaryHost] = field(default_factory=dict)
    collectives: dict[str, Collective] = field(default_factory=dict)

    def milestone_of(self, obligation: Obligation) -> Milestone | None:
        """The milestone an obligation follows, if it follows one."""
        if obligation.milestone is None:
            return None
        return self.acts[obligation.act].milestone(obligation.milestone)

    def due(self, obligation: Obligation) -> dt.date | None:
        """The date an obligation is due: its own date, else its milestone's date."""
        if obligation.due is not None:
            return obligation.due
        milestone = self.milestone_of(obligation)
        return milestone.date if milestone else None

    def deadline(self, obligation: Obligation) -> dt.date | None:
        """The date by which the duty must be met: its due date, or None for a voluntary duty
        (whose date only says since when the policy applies)."""
        return None if obligation.voluntary else self.due(obligation)

    def obligations_for(self, layer: str) -> list[Obligation]:
        """Obligations a layer implements (addressee, provider or co-responsible)."""
        return [o for o in self.obligations.values() if o.roles.get(layer) in PLANNED_ROLES]

    def scenarios(self) -> dict[str, tuple[Act, Scenario]]:
        """Every scenario in the catalogue by id, with the act that holds it."""
        return {s.id: (act, s) for act in self.acts.values() for s in act.scenarios}

    def is_primary(self, source: Source) -> bool:
        """Whether a source is published by a primary publisher (the law or its official owner).

        Example:
            >>> from planner.models import PrimaryHost
            >>> cat = Catalogue(Path("."), {}, {}, {}, {}, primary_hosts={"europa.eu": PrimaryHost(host="europa.eu", name="EU")})
            >>> cat.is_primary(Source(url="https://eur-lex.europa.eu/eli/reg/2016/679/oj", title="GDPR"))
            True
            >>> cat.is_primary(Source(url="https://gdprinfo.eu/en-article-99", title="copy"))
            False
        """
        from urllib.parse import urlsplit

        # the parsed host: text after '#', '?' or '@' must not pass for a publisher's domain
        host = urlsplit(source.url).hostname if source.url else None
        if not host:
            return False
        return any(host == h or host.endswith("." + h) for h in self.primary_hosts)

    def source(self, owner: str, key: str | None) -> Source | None:
        """The source `key` declared in the file of `owner` (an act id, `layers` or `themes`)."""
        if key is None:
            return None
        return self.sources.get(owner, {}).get(key)

    def get(self, item_id: str) -> Act | Obligation | Layer | Theme:
        """Any act, obligation, layer or theme by id.

        Raises:
            NotFoundError: nothing has that id (with a suggestion when one is close).
        """
        for table in (self.acts, self.obligations, self.layers, self.themes):
            if item_id in table:
                return table[item_id]
        raise NotFoundError(f"no act, obligation, layer or theme has the id {item_id!r}{self.hint(item_id)}")

    def hint(self, item_id: str) -> str:
        """A ' (did you mean ...?)' suffix for an unknown id, or ''."""
        return did_you_mean(item_id, [*self.acts, *self.obligations, *self.layers, *self.themes])

    @cached_property
    def relations(self) -> tuple[RelationEdge, ...]:
        """Every relation between obligations, in catalogue order (computed once).

        The one table of relations: obligation by obligation, and within one obligation kind by
        kind in :class:`RelationKind` order (requires, overlaps, conflicts, needs-facility).
        Targets are as written; in a catalogue that passed ``check`` they are all known.

        Example:
            >>> from planner.loading import load_catalogue
            >>> cat = load_catalogue(Path("tests/data/minimal"))
            >>> [(r.source, r.kind.value, r.target) for r in cat.relations]  # doctest: +NORMALIZE_WHITESPACE
            [('act-a.assess', 'requires', 'act-a.inventory'),
             ('act-b.connect', 'overlaps', 'act-a.assess'),
             ('act-b.connect', 'needs-facility', 'act-a.platform')]
        """
        return tuple(edge for ob in self.obligations.values() for edge in relations_of(ob))

    def iter_relations(self) -> Iterator[tuple[RelationKind, Obligation, str]]:
        """Every relation as (kind, owner obligation, target id): :attr:`relations` as tuples."""
        for edge in self.relations:
            yield edge.kind, self.obligations[edge.source], edge.target

    def replacement(self, obligation_id: str) -> Change | None:
        """The applied scenario's change that replaces this obligation by another act, if any."""
        if self.scenario is None:
            return None
        return next(
            (c for c in self.scenario.changes if c.obligation == obligation_id and c.replaced is not None),
            None,
        )

    def amends(self, obligation_id: str) -> bool:
        """Whether the applied scenario amends what this obligation requires."""
        return self.scenario is not None and any(
            c.obligation == obligation_id and c.amend is not None for c in self.scenario.changes
        )

    def with_scenario(self, scenario_id: str) -> Catalogue:
        """A copy of the catalogue with the named scenario's changes applied.

        Milestone and due-date changes replace dates; a replaced one-off duty due on or after its
        replacement date leaves (any other replaced duty stays, see :meth:`replacement`); an
        amendment gives the obligation its amended content (:func:`amended`); a delay (``collective`` with
        ``delay_months``) moves only that collective's delivery, never a consumer's due date.

        Raises:
            NotFoundError: no scenario has that id.
        """
        found = self.scenarios()
        if scenario_id not in found:
            raise NotFoundError(
                f"no scenario has the id {scenario_id!r}{did_you_mean(scenario_id, list(found))}"
                + (f"; known: {', '.join(sorted(found))}" if found else "; the catalogue has none")
            )
        act, scenario = found[scenario_id]
        acts = dict(self.acts)
        obligations = dict(self.obligations)
        new_dates = {c.milestone: c.date for c in scenario.changes if c.milestone}
        if new_dates:
            milestones = tuple(
                m.model_copy(update={"date": new_dates[m.id], "status": scenario.status})
                if m.id in new_dates
                else m
                for m in act.milestones
            )
            acts[act.id] = act.model_copy(update={"milestones": milestones})
        for change in scenario.changes:
            if change.obligation is None or change.obligation not in obligations:
                continue
            if change.remove or _never_due(self, obligations[change.obligation], change):
                del obligations[change.obligation]
            elif change.replaced is not None:
                continue  # it keeps its place; the plan says what replaces it
            elif change.amend is not None:
                obligations[change.obligation] = _amended_in(
                    scenario.id, obligations[change.obligation], change.amend
                )
            else:
                obligations[change.obligation] = obligations[change.obligation].model_copy(
                    update={"due": change.due, "milestone": None}
                )
        collectives = dict(self.collectives)
        for change in scenario.changes:
            if change.collective in collectives and change.delay_months:
                collectives[change.collective] = collectives[change.collective].delayed(change.delay_months)
        return replace(self, acts=acts, obligations=obligations, collectives=collectives, scenario=scenario)


RELATION_KINDS = ("requires", "overlaps", "conflicts", "needs_facility")
"""The relation fields of an obligation, as an amendment's ``add`` and ``drop`` name them."""


def amended(ob: Obligation, amend: Amend) -> Obligation:
    """The obligation as a scenario's amendment has it: the fields it gives replace the old ones,
    the relations it drops go (by target) and those it adds come; the rest stays.

    A nature other than recurring takes the recurrence away with it.

    Raises:
        pydantic.ValidationError: the amended obligation is not valid (``check`` reports it first).

    Example:
        >>> from planner.models import Amend, Obligation
        >>> ob = Obligation(id="a.x", title={"en": "X"}, roles={"rijk": "addressee"}, effort_days=15)
        >>> amended(ob, Amend(effort_days=10)).effort_estimate
        10.0
    """
    data = ob.model_dump(exclude_none=True, by_alias=True)
    data.update(amend.model_dump(include=set(amend.fields()), by_alias=True))
    if amend.nature is not None and amend.nature is not Nature.RECURRING and amend.recurrence is None:
        data.pop("recurrence", None)
    for kind in RELATION_KINDS:
        gone = set(getattr(amend.drop, kind)) if amend.drop else set()
        kept = [r for r in data.get(kind, []) if r["to"] not in gone]
        came = (
            [r.model_dump(exclude_none=True, by_alias=True) for r in getattr(amend.add, kind)]
            if amend.add
            else []
        )
        data[kind] = [*kept, *came]
    return Obligation.model_validate(data)


def _amended_in(scenario_id: str, ob: Obligation, amend: Amend) -> Obligation:
    """:func:`amended`, an invalid result said as the scenario's error (no traceback)."""
    from pydantic import ValidationError

    try:
        return amended(ob, amend)
    except ValidationError as exc:
        problems = "; ".join(str(e["msg"]) for e in exc.errors())
        raise UsageError(
            f"scenario {scenario_id!r} amends {ob.id!r} into an invalid obligation: {problems}"
            " (planner check says where)"
        ) from None


def _never_due(cat: Catalogue, ob: Obligation, change: Change) -> bool:
    """A one-off duty whose own act is replaced before (or on) the day it would fall due."""
    due = cat.due(ob)
    one_off = ob.nature in (None, Nature.ONE_OFF)
    return change.replaced is not None and one_off and due is not None and due >= change.replaced


def did_you_mean(value: str, candidates: list[str]) -> str:
    """A suggestion suffix for an unknown value.

    Example:
        >>> did_you_mean("gemeente", ["rijk", "gemeenten"])
        " (did you mean 'gemeenten'?)"
        >>> did_you_mean("xyz", ["rijk"])
        ''
    """
    import difflib

    close = difflib.get_close_matches(value, candidates, n=1, cutoff=0.6)
    return f" (did you mean {close[0]!r}?)" if close else ""
