"""The catalogue data model: pydantic v2 models for layers, themes, acts and obligations.

These models are the single definition of the catalogue format. They are strict
(`extra="forbid"`: a misspelt key is an error, not silence) and frozen. Cross-file checks
(references, cycles) live in :mod:`planner.checks`; this module imports nothing of ours.
"""

from __future__ import annotations

import datetime as dt
import re
from enum import StrEnum
from typing import Annotated, Any

from pydantic import (
    AfterValidator,
    BaseModel,
    BeforeValidator,
    ConfigDict,
    Field,
    model_validator,
)

ID_PATTERN = r"^[a-z0-9]+(-[a-z0-9]+)*$"
OBLIGATION_ID_PATTERN = r"^[a-z0-9]+(-[a-z0-9]+)*\.[a-z0-9]+(-[a-z0-9]+)*$"
_ISO_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")


def _parse_date(value: Any) -> Any:
    """Accept only `YYYY-MM-DD` text (or a date) and reject impossible dates clearly."""
    if isinstance(value, dt.date) and not isinstance(value, dt.datetime):
        return value
    if not isinstance(value, str) or not _ISO_DATE.match(value):
        raise ValueError(f"{value!r} is not a date in the form YYYY-MM-DD")
    try:
        return dt.date.fromisoformat(value)
    except ValueError:
        raise ValueError(f"date {value} does not exist") from None


Date = Annotated[dt.date, BeforeValidator(_parse_date)]
"""A calendar date written `YYYY-MM-DD`."""

Id = Annotated[str, Field(pattern=ID_PATTERN, max_length=80)]
"""A kebab-case identifier: lower-case letters, digits and single hyphens."""

ObligationId = Annotated[str, Field(pattern=OBLIGATION_ID_PATTERN, max_length=160)]
"""An obligation identifier `ACT-ID.NAME`."""


def _text(value: Any) -> Any:
    # Numbers written in YAML are never meant as numbers in free text fields.
    if isinstance(value, bool) or value is None:
        return value
    if isinstance(value, int | float):
        return str(value)
    return value


Str = Annotated[str, BeforeValidator(_text), Field(max_length=20_000)]


class Model(BaseModel):
    """Base for every catalogue model: strict keys, immutable."""

    model_config = ConfigDict(extra="forbid", frozen=True, str_strip_whitespace=True)


class Text(Model):
    """A human text in Dutch and English; at least one language is required."""

    en: Str | None = Field(None, description="English text (Markdown where the field allows).")
    nl: Str | None = Field(None, description="Dutch text (Markdown where the field allows).")

    @model_validator(mode="after")
    def _one_language(self) -> Text:
        if not self.en and not self.nl:
            raise ValueError("needs at least one of 'en' or 'nl'")
        return self

    def get(self, lang: str) -> str:
        """The text in `lang`, falling back to the other language."""
        primary, other = (self.nl, self.en) if lang == "nl" else (self.en, self.nl)
        return primary or other or ""

    def has(self, lang: str) -> bool:
        """Whether the text exists in `lang` itself (no fallback)."""
        return bool(self.nl if lang == "nl" else self.en)


class Source(Model):
    """A document a fact comes from."""

    url: Str | None = Field(None, description="Where the source can be read (https URL).")
    title: Str = Field(description="What the source is, e.g. 'Regulation (EU) 2024/1689, OJ L'.")
    accessed: Date | None = Field(None, description="When the source was last read.")

    @model_validator(mode="after")
    def _safe_url(self) -> Source:
        if self.url is not None and not re.match(r"^https?://", self.url, re.IGNORECASE):
            raise ValueError(f"url {self.url!r} must start with http:// or https://")
        return self


class Role(StrEnum):
    """How a layer is concerned by an obligation."""

    ADDRESSEE = "addressee"
    PROVIDER = "provider"
    CO_RESPONSIBLE = "co-responsible"
    SUPERVISOR = "supervisor"


PLANNED_ROLES = frozenset({Role.ADDRESSEE, Role.PROVIDER, Role.CO_RESPONSIBLE})
"""Roles that put an obligation on a layer's roadmap (a supervisor does not implement it)."""


class Status(StrEnum):
    """Legal status of an act, a milestone or an amendment."""

    IN_FORCE = "in-force"
    ADOPTED = "adopted"
    PROPOSED = "proposed"


class ActKind(StrEnum):
    """What kind of instrument an act is."""

    REGULATION = "regulation"
    DIRECTIVE = "directive"
    IMPLEMENTING_REGULATION = "implementing-regulation"
    DELEGATED_REGULATION = "delegated-regulation"
    NATIONAL_ACT = "national-act"
    NATIONAL_POLICY = "national-policy"

    @property
    def is_eu(self) -> bool:
        """Whether the instrument is EU law (and so has a CELEX number)."""
        return self not in (ActKind.NATIONAL_ACT, ActKind.NATIONAL_POLICY)


class MilestoneKind(StrEnum):
    """What a dated milestone marks."""

    SIGNATURE = "signature"
    PUBLICATION = "publication"
    ENTRY_INTO_FORCE = "entry-into-force"
    APPLICATION = "application"
    TRANSPOSITION = "transposition"
    REVIEW = "review"
    OTHER = "other"


class Degree(StrEnum):
    """How much two overlapping obligations share."""

    EQUAL = "equal"
    SUBSET = "subset"
    INTERSECT = "intersect"


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
        description="Effort points one organisation can carry per stage; null = unlimited.",
    )


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


class Obligation(Model):
    """A duty that falls on one or more government layers."""

    id: ObligationId
    title: Text
    articles: Annotated[tuple[Str, ...], AfterValidator(_unique_article)] = ()
    description: Text | None = None
    roles: dict[Id, Role] = Field(description="Per layer id its role.")
    milestone: Id | None = Field(None, description="The act's milestone whose date this follows.")
    due: Date | None = Field(None, description="An explicit due date.")
    effort: float | None = Field(None, gt=0, le=100, description="Effort points per organisation.")
    effort_rationale: Text | None = None
    themes: tuple[Id, ...] = ()
    sources: tuple[Id, ...] = ()
    requires: tuple[Relation, ...] = ()
    overlaps: tuple[Overlap, ...] = ()
    conflicts: tuple[Relation, ...] = ()
    needs_facility: tuple[Relation, ...] = ()

    @model_validator(mode="after")
    def _due_xor_milestone(self) -> Obligation:
        if self.milestone is not None and self.due is not None:
            raise ValueError("give either 'due' or 'milestone', not both")
        if not self.roles:
            raise ValueError("'roles' needs at least one layer")
        return self

    @property
    def act(self) -> str:
        """The id of the act this obligation belongs to."""
        return self.id.split(".", 1)[0]

    @property
    def planned_layers(self) -> list[str]:
        """The layers that implement this obligation (addressee, provider, co-responsible), sorted."""
        return sorted(k for k, v in self.roles.items() if v in PLANNED_ROLES)


class Change(Model):
    """One change a scenario makes: a milestone date or an obligation's due date."""

    milestone: Id | None = None
    date: Date | None = None
    obligation: ObligationId | None = None
    due: Date | None = None
    remove: bool = False

    @model_validator(mode="after")
    def _shape(self) -> Change:
        if (self.milestone is None) == (self.obligation is None):
            raise ValueError("a change names exactly one of 'milestone' or 'obligation'")
        if self.milestone is not None and (self.date is None or self.due or self.remove):
            raise ValueError("a milestone change gives a new 'date'")
        if self.obligation is not None and (self.due is None) == (not self.remove):
            raise ValueError("an obligation change gives a new 'due' or 'remove: true'")
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
    themes: tuple[Id, ...] = ()
    transposes: tuple[Id, ...] = ()
    transposition: Transposition | None = None
    sources: dict[Id, Source] = {}
    milestones: tuple[Milestone, ...] = ()
    amendments: tuple[Amendment, ...] = ()
    obligations: tuple[Obligation, ...] = ()
    scenarios: tuple[Scenario, ...] = ()
    note: Text | None = None

    def milestone(self, milestone_id: str) -> Milestone | None:
        """The milestone with this id, if any."""
        return next((m for m in self.milestones if m.id == milestone_id), None)


class LayersFile(Model):
    """`layers.yaml`: the government layers of the profile."""

    sources: dict[Id, Source] = {}
    layers: tuple[Layer, ...] = Field(min_length=1)


class ThemesFile(Model):
    """`themes.yaml`: the themes of the profile."""

    sources: dict[Id, Source] = {}
    themes: tuple[Theme, ...] = Field(min_length=1)


class ProgressEntry(Model):
    """An obligation an organisation or layer has finished."""

    obligation: ObligationId
    done: Date | None = Field(None, description="When it was finished.")
    note: Str | None = None


class Progress(Model):
    """A progress file: what is already done, so a roadmap plans only what is left."""

    organisation: Str | None = None
    layer: Id | None = None
    done: tuple[ProgressEntry, ...] = ()
