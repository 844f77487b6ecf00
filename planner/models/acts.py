"""The catalogue proper: layers, themes, acts with their milestones, obligations and scenarios."""

from __future__ import annotations

from enum import StrEnum
from typing import Annotated

from pydantic import AfterValidator, Field, model_validator

from planner.models.base import (
    PLANNED_ROLES,
    ActKind,
    Date,
    Degree,
    Id,
    MilestoneKind,
    Model,
    ObligationId,
    PrimarySourceGap,
    Role,
    Source,
    Status,
    Str,
    Text,
    raise_all,
)
from planner.models.conditions import Condition


class Layer(Model):
    """A government layer (e.g. the Dutch `gemeenten`)."""

    id: Id
    name: Text
    description: Text | None = None
    organisations: int = Field(ge=1, description="How many organisations of this layer plan separately.")
    organisations_note: Text | None = Field(None, description="What is counted and as of when.")
    source: Id | None = Field(None, description="Key of the source for the count.")
    capacity: float | None = Field(
        None,
        gt=0,
        allow_inf_nan=False,
        description="Deprecated: effort points per stage; use capacity_days.",
    )
    capacity_days: float | None = Field(
        None,
        gt=0,
        allow_inf_nan=False,
        description="Person-days one organisation can spend on this work per quarter; null = unlimited.",
    )
    capacity_rationale: Text | None = Field(None, description="What the default capacity rests on.")


class Theme(Model):
    """A policy theme (the priorities of the Dutch municipalities' letter)."""

    id: Id
    name: Text
    description: Text | None = None
    source: Id | None = None


class HistoryEntry(Model):
    """An earlier date of a milestone, replaced by an amending act."""

    date: Date
    changed_by: Id = Field(description="Id of the amendment (under `amendments`) that moved it.")
    source: Id | None = None


class Disputed(Model):
    """Another date given by a source that disagrees with the one recorded."""

    date: Date
    source: Id
    note: Text | None = None


class Milestone(Model):
    """A dated step in the life of an act."""

    id: Id
    kind: MilestoneKind
    date: Date
    status: Status = Status.IN_FORCE
    article: Str | None = Field(None, description="The provision that sets the date.")
    applies: Text | None = Field(None, description="What applies from this date.")
    source: Id | None = None
    primary_source_gap: PrimarySourceGap | None = Field(
        None,
        description="A reviewed waiver: no primary source found yet for the date (reason, date searched).",
    )
    note: Text | None = None
    history: tuple[HistoryEntry, ...] = ()
    disputed: tuple[Disputed, ...] = ()


class Amendment(Model):
    """An act that amends this act (or a proposal to do so)."""

    id: Id
    title: Text
    celex: Str | None = None
    eli: Str | None = None
    status: Status
    date: Date | None = None
    summary: Text | None = None
    source: Id | None = None


class Transposition(Model):
    """How a directive is transposed into Dutch law."""

    national_acts: tuple[Id, ...] = ()
    note: Text | None = None
    as_of: Date | None = None
    source: Id | None = None


class Relation(Model):
    """A typed link from one obligation to another."""

    to: ObligationId
    rationale: Text
    source: Id | None = Field(None, description="Where the law states the relation, if it does.")


class Overlap(Relation):
    """Two obligations that are (partly) the same work."""

    degree: Degree = Degree.INTERSECT


def _unique_article(values: tuple[str, ...]) -> tuple[str, ...]:
    if len(set(values)) != len(values):
        raise ValueError("lists the same article twice")
    return values


class Nature(StrEnum):
    """What kind of work a duty is."""

    ONE_OFF = "one-off"
    CONTINUING = "continuing"
    RECURRING = "recurring"


class Period(StrEnum):
    """How often a recurring duty comes back."""

    YEAR = "year"
    HALF = "half"
    QUARTER = "quarter"
    MONTH = "month"

    @property
    def months(self) -> int:
        """The length of the period in months."""
        return {"year": 12, "half": 6, "quarter": 3, "month": 1}[self.value]


class Recurrence(Model):
    """When a recurring duty comes back."""

    every: Period
    first: Date | None = Field(None, description="The first due date; the obligation's due date if absent.")
    article: Str | None = Field(None, description="The provision that sets the period.")
    source: Id | None = None
    note: Text | None = None


class Obligation(Model):
    """A duty that falls on one or more government layers."""

    id: ObligationId
    title: Text
    articles: Annotated[tuple[Str, ...], AfterValidator(_unique_article)] = ()
    description: Text | None = None
    roles: dict[Id, Role] = Field(description="Per layer id its role.")
    milestone: Id | None = Field(None, description="The act's milestone whose date this follows.")
    due: Date | None = Field(None, description="An explicit due date.")
    effort: float | None = Field(
        None,
        gt=0,
        le=5000,
        description="The effort planned with: effort_days when given, else legacy points.",
    )
    effort_days: float | None = Field(
        None, gt=0, le=5000, description="Person-days one organisation needs (per occurrence, if recurring)."
    )
    effort_rationale: Text | None = Field(None, description="What the effort estimate rests on.")
    lead_time_months: float | None = Field(
        None, ge=0, le=60, description="Calendar months the work takes whatever the staffing."
    )
    lead_time_rationale: Text | None = None
    nature: Nature | None = Field(None, description="one-off, continuing or recurring.")
    recurrence: Recurrence | None = Field(None, description="For a recurring duty: how often.")
    applies_if: Condition | None = Field(None, description="When the duty applies to an organisation.")
    voluntary: bool = Field(
        False,
        description=(
            "Participation is voluntary: established policy without a statute or a deadline that binds the "
            "organisation. Its date says since when the policy applies; it is never a due date, so the duty "
            "is planned within capacity and is never overdue or at risk."
        ),
    )
    themes: tuple[Id, ...] = ()
    sources: tuple[Id, ...] = ()
    primary_source_gap: PrimarySourceGap | None = Field(
        None,
        description="A reviewed waiver: no primary source found yet for the duty (reason, date searched).",
    )
    requires: tuple[Relation, ...] = ()
    overlaps: tuple[Overlap, ...] = ()
    conflicts: tuple[Relation, ...] = ()
    needs_facility: tuple[Relation, ...] = ()

    @model_validator(mode="after")
    def _due_xor_milestone(self) -> Obligation:
        problems = []
        if self.milestone is not None and self.due is not None:
            problems.append("give either 'due' or 'milestone', not both")
        if not self.roles:
            problems.append("'roles' needs at least one layer")
        if (self.nature is Nature.RECURRING) != (self.recurrence is not None):
            problems.append("'recurrence' is given for, and only for, an obligation with nature 'recurring'")
        raise_all(problems, "Obligation")
        return self

    @property
    def effort_estimate(self) -> float | None:
        """The effort planned with: person-days when given, else the deprecated points."""
        return self.effort_days if self.effort_days is not None else self.effort

    @property
    def act(self) -> str:
        """The id of the act this obligation belongs to."""
        return self.id.split(".", 1)[0]

    @property
    def planned_layers(self) -> list[str]:
        """The layers that implement this obligation (addressee, provider, co-responsible), sorted."""
        return sorted(k for k, v in self.roles.items() if v in PLANNED_ROLES)


class RelationsAdded(Model):
    """Relations a scenario adds to an obligation, by kind (as written on an obligation)."""

    requires: tuple[Relation, ...] = ()
    overlaps: tuple[Overlap, ...] = ()
    conflicts: tuple[Relation, ...] = ()
    needs_facility: tuple[Relation, ...] = ()


class RelationsDropped(Model):
    """Relations a scenario takes from an obligation: per kind the ids they point to."""

    requires: tuple[ObligationId, ...] = ()
    overlaps: tuple[ObligationId, ...] = ()
    conflicts: tuple[ObligationId, ...] = ()
    needs_facility: tuple[ObligationId, ...] = ()


AMENDABLE = (
    "title",
    "description",
    "effort_days",
    "effort_rationale",
    "lead_time_months",
    "lead_time_rationale",
    "nature",
    "recurrence",
)
"""The fields of an obligation a scenario's ``amend`` can give anew (relations: ``add``/``drop``)."""


class Amend(Model):
    """What a scenario changes in what an obligation requires; a field left out stays as it is.

    The amended obligation must still be valid (e.g. ``nature: recurring`` needs ``recurrence``);
    ``check`` says so at the change's place.
    """

    title: Text | None = None
    description: Text | None = None
    effort_days: float | None = Field(
        None, gt=0, le=5000, description="Person-days one organisation needs under the change."
    )
    effort_rationale: Text | None = Field(None, description="What the amended estimate rests on.")
    lead_time_months: float | None = Field(None, ge=0, le=60)
    lead_time_rationale: Text | None = None
    nature: Nature | None = None
    recurrence: Recurrence | None = None
    add: RelationsAdded | None = Field(None, description="Relations the change adds.")
    drop: RelationsDropped | None = Field(None, description="Relations the change takes away (by target).")

    @model_validator(mode="after")
    def _something(self) -> Amend:
        if all(getattr(self, k) is None for k in (*AMENDABLE, "add", "drop")):
            raise ValueError(f"'amend' gives at least one of {', '.join(AMENDABLE)}, add or drop")
        return self

    def fields(self) -> dict[str, object]:
        """The fields it gives anew (relations not included), by name."""
        return {k: getattr(self, k) for k in AMENDABLE if getattr(self, k) is not None}


class Change(Model):
    """One change a scenario makes: a milestone date, an obligation's due date, its removal, its
    replacement by another act, an amendment of what it requires, or a delivery delay.

    A delay (``collective`` with ``delay_months``) moves only when the provider delivers: the
    consumers' due dates stay, so work that waits on the delivery can become at risk.
    A replacement (``obligation`` with ``replaced``, optionally ``by``) says the duty rests on
    another act from that date (a proposal that repeals the act and moves its rules elsewhere):
    a one-off duty due on or after that date is never due under its own act and leaves the plan;
    any other keeps its place and says what replaces it.
    An amendment (``obligation`` with ``amend``) changes what the duty requires (its effort,
    nature, texts, relations): the plan under the scenario uses the amended obligation.
    """

    milestone: Id | None = None
    date: Date | None = None
    obligation: ObligationId | None = None
    due: Date | None = None
    remove: bool = False
    replaced: Date | None = Field(None, description="From this date the obligation rests on another act.")
    by: Id | None = Field(None, description="The act or obligation that replaces it (with 'replaced').")
    amend: Amend | None = Field(None, description="What the change makes the obligation require.")
    collective: Id | None = Field(None, description="A collective (collectives.yaml) delivered later.")
    delay_months: int | None = Field(None, ge=1, le=120, description="How many months later it is delivered.")

    @model_validator(mode="after")
    def _shape(self) -> Change:
        named = [k for k in ("milestone", "obligation", "collective") if getattr(self, k) is not None]
        if len(named) != 1:
            raise ValueError("a change names exactly one of 'milestone', 'obligation' or 'collective'")
        if self.milestone is not None and (
            self.date is None or self.due or self.remove or self.delay_months or self.replaced or self.amend
        ):
            raise ValueError("a milestone change gives a new 'date'")
        given = [self.due is not None, self.remove, self.replaced is not None, self.amend is not None]
        if self.obligation is not None and (sum(given) != 1 or self.date or self.delay_months):
            raise ValueError(
                "an obligation change gives one of a new 'due', 'remove: true', 'replaced' (a date)"
                " or 'amend' (what it requires)"
            )
        if self.by is not None and self.replaced is None:
            raise ValueError("'by' names what replaces an obligation: give it with 'replaced'")
        if self.collective is not None and (
            self.delay_months is None or self.date or self.due or self.remove or self.replaced or self.amend
        ):
            raise ValueError(
                "a collective change gives 'delay_months' (how many months later it is delivered)"
            )
        return self


class Scenario(Model):
    """A named set of changes (e.g. a proposal), applied only on request."""

    id: Id
    title: Text
    status: Status = Status.PROPOSED
    source: Id | None = None
    description: Text | None = None
    changes: tuple[Change, ...] = Field(min_length=1)


class Act(Model):
    """A legal act (EU or national) or national policy instrument."""

    id: Id
    kind: ActKind
    title: Text
    short: Text | None = None
    celex: Str | None = Field(None, pattern=r"^[0-9][0-9]{4}[A-Z]{1,2}[0-9]{4}(\(\d+\))?$")
    eli: Str | None = None
    status: Status = Status.IN_FORCE
    source: Id | None = Field(None, description="Source of the identity facts (title, CELEX, ELI).")
    primary_source_gap: PrimarySourceGap | None = Field(
        None,
        description="A reviewed waiver: no primary source found yet for the act's identity (title, CELEX, ELI) (reason, date searched).",
    )
    themes: tuple[Id, ...] = ()
    transposes: tuple[Id, ...] = ()
    transposition: Transposition | None = None
    sources: dict[Id, Source] = Field(default_factory=dict)
    milestones: tuple[Milestone, ...] = ()
    amendments: tuple[Amendment, ...] = ()
    obligations: tuple[Obligation, ...] = ()
    scenarios: tuple[Scenario, ...] = ()
    note: Text | None = None

    def milestone(self, milestone_id: str) -> Milestone | None:
        """The milestone with this id, if any."""
        return next((m for m in self.milestones if m.id == milestone_id), None)
