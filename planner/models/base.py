"""The building blocks every catalogue model shares: identifiers, dates, texts, sources, enums.

This module imports nothing of ours.
"""

from __future__ import annotations

import datetime as dt
import re
from enum import StrEnum
from typing import Annotated, Any

from pydantic import (
    BaseModel,
    BeforeValidator,
    ConfigDict,
    Field,
    model_validator,
)


def raise_all(problems: list[str], title: str) -> None:
    """Raise every problem a model validator found at once (nothing when there is none).

    A validator that raised at its first problem would hide the others until that one is fixed.

    Example:
        >>> from pydantic import ValidationError
        >>> try:
        ...     raise_all(["one", "two"], "Example")
        ... except ValidationError as exc:
        ...     [e["msg"] for e in exc.errors()]
        ['one', 'two']
    """
    if not problems:
        return
    from pydantic import ValidationError
    from pydantic_core import InitErrorDetails, PydanticCustomError

    raise ValidationError.from_exception_data(
        title,
        [
            InitErrorDetails(type=PydanticCustomError("value_error", problem), loc=(), input=None)
            for problem in problems
        ],
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

ID_MAX_LENGTH = 80
OBLIGATION_ID_MAX_LENGTH = 160

Id = Annotated[str, Field(pattern=ID_PATTERN, max_length=ID_MAX_LENGTH)]
"""A kebab-case identifier: lower-case letters, digits and single hyphens."""

ObligationId = Annotated[str, Field(pattern=OBLIGATION_ID_PATTERN, max_length=OBLIGATION_ID_MAX_LENGTH)]
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


class RelationKind(StrEnum):
    """How one obligation relates to another (the four relation keys under an obligation).

    Example:
        >>> RelationKind("needs-facility").key, RelationKind.REQUIRES.orders
        ('needs_facility', True)
        >>> [k.value for k in RelationKind if not k.orders]
        ['overlaps', 'conflicts']
    """

    REQUIRES = "requires"
    OVERLAPS = "overlaps"
    CONFLICTS = "conflicts"
    NEEDS_FACILITY = "needs-facility"

    @property
    def key(self) -> str:
        """The YAML key (and `Obligation` field) the relation is written under."""
        return self.value.replace("-", "_")

    @property
    def orders(self) -> bool:
        """Whether the target must be done first (a prerequisite or a facility)."""
        return self in (RelationKind.REQUIRES, RelationKind.NEEDS_FACILITY)
