"""The roadmap view: one layer's (or the whole government's) slice of a plan, as frozen, typed records.

Every roadmap format and every site page that shows a plan reads these records, built once by
:func:`planner.view.build.build_view`. The JSON contract is their serialisation
(:func:`planner.view.serialise.as_dict`): a field is in the JSON under its own name unless its
declaration says otherwise (:data:`VIEW_ONLY`, :func:`json_as`), in declaration order. So adding
an item field is declaring it here and filling it in :func:`planner.view.build.item_from_plan`.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from planner.view.questions import QuestionUse

JSON_KEY = "json_key"
"""Field metadata: the field's key in the JSON contract, or None when it is not in it."""
JSON_ENCODE = "json_encode"
"""Field metadata: a function turning the field's value into its JSON value."""


VIEW_ONLY: Mapping[str, Any] = {JSON_KEY: None}
"""Field metadata of a field the view carries but the JSON contract does not (yet)."""


def json_as(key: str, encode: Callable[[Any], Any] | None = None) -> Mapping[str, Any]:
    """Field metadata naming the field `key` in the JSON contract (encoded with `encode`, if given).

    >>> json_as("summary", dict)[JSON_KEY]
    'summary'
    """
    meta: dict[str, Any] = {JSON_KEY: key}
    if encode is not None:
        meta[JSON_ENCODE] = encode
    return meta


@dataclass(frozen=True)
class Wait:
    """Another item an item waits on: ``requires`` or ``needs-facility``."""

    kind: str
    obligation: str
    layer: str
    title: str = field(metadata=VIEW_ONLY)
    """The waited-on obligation's title in the view's language."""
    stage: str | None = field(metadata=VIEW_ONLY)
    """The stage the waited-on item is planned in (None when it is not planned)."""


@dataclass(frozen=True)
class Recurrence:
    """When a recurring duty comes back: every `every` (``year``, ``half``, ``quarter``, ``month``) from `first`."""

    every: str
    first: dt.date | None
    """The first due date: the catalogue's ``recurrence.first``, else the item's due date (None: neither)."""

    @property
    def months(self) -> int:
        """The period in months.

        >>> Recurrence("half", None).months
        6
        """
        return {"year": 12, "half": 6, "quarter": 3, "month": 1}[self.every]


@dataclass(frozen=True)
class Item:
    """One obligation on one layer's roadmap."""

    obligation: str
    act: str
    layer: str
    title: str
    act_title: str
    articles: tuple[str, ...]
    role: str
    due: dt.date | None
    milestone: str | None
    effort: float
    status: str
    package: str | None
    waits_on: tuple[Wait, ...]
    rule: str
    reasons: tuple[str, ...]
    """The planner's sentences on why the item sits where it does, in the view's language."""
    done_on: dt.date | None = field(metadata=json_as("done"))
    stage: str = field(metadata=VIEW_ONLY)
    """The id of the stage the item is listed in (done items: the first stage)."""
    due_origin: str | None = field(metadata=VIEW_ONLY)
    """Where the due date comes from: ``obligation`` (its own date), ``milestone``, or None."""
    # --- the organisation plan: applicability, state, nature, time ---
    applicable: bool = True
    """Whether the duty applies to the organisation planned for (False: ``not-applicable``)."""
    state: str | None = None
    """The organisation's own state of the duty (organisation file), None when not assessed."""
    nature: str = "one-off"
    """``one-off``, ``continuing`` or ``recurring``."""
    start: str | None = None
    """The stage the work starts in (None for a duty not planned: done, in place, not applicable)."""
    end: str | None = None
    """The stage the work ends in: later than `start` for work that spans stages."""
    effort_days: float = 0.0
    """The person-days the work still takes one organisation (rounded to half a day)."""
    lead_time_months: float = 0.0
    """The calendar months the work needs whatever the staffing."""
    occurrences: tuple[dt.date, ...] = ()
    """A recurring duty's dates from the planning date to the plan's horizon."""
    # --- the kind of duty (issue 16: calendar RRULE), from the catalogue obligation ---
    recurrence: Recurrence | None = None
    """For a recurring duty: how often it comes back, and from when."""


@dataclass(frozen=True)
class Occurrence:
    """One coming date of a recurring duty, listed in the stage that holds it.

    A light entry: the duty itself is one item (planned in its own stage, or off the plan when it
    is in place); each occurrence in the plan's horizon refers to it by `obligation` and `layer`.
    """

    obligation: str
    layer: str
    date: dt.date
    every: str
    """How often the duty comes back: ``year``, ``half``, ``quarter`` or ``month``."""
    effort_days: float | None
    """The person-days this occurrence takes in its stage's workload (None: the catalogue gives none)."""
    item_stage: str | None
    """The stage the duty's own item is planned in (None: off the plan, e.g. in place)."""
    item_status: str
    """The status of the duty's own item."""
    title: str = field(metadata=VIEW_ONLY)
    """The duty's title in the view's language."""
    label: str = field(metadata=VIEW_ONLY)
    """The entry in words, e.g. "ENSIA-verantwoording 2027 (terugkerend, elk jaar)"."""
    in_setup: bool = False
    """Whether the date falls in the span of the duty's own planned work (setting it up): that
    occurrence is part of the setup effort, so the stage's workload does not count it again."""
    at_risk: bool = False
    """Whether the date comes before the duty's own planned work starts: a recurring deliverable
    of a duty not yet set up (its item's reasons say why the setup could not come first)."""


@dataclass(frozen=True)
class Stage:
    """A calendar stage with the items planned in it, and the recurring duties that fall due in it."""

    id: str
    start: dt.date
    end: dt.date
    items: tuple[Item, ...]
    recurring: tuple[Occurrence, ...] = ()
    """The occurrences of recurring duties dated in this stage, by date."""


@dataclass(frozen=True)
class Package:
    """A joint work package some of the view's items belong to."""

    id: str
    name: str
    members: tuple[str, ...]
    due: str | None
    effort_saved: float
    """What the catalogue's efforts save for one organisation (the package as such)."""
    members_days: float = 0.0
    """The person-days of the view's open members on their own (their ``effort_days`` added up)."""
    planned_days: float = 0.0
    """The person-days the plan places for those members, done together: what the workload counts."""


@dataclass(frozen=True)
class Finding:
    """Something a reader must act on, its message in the view's language."""

    kind: str
    obligation: str
    layer: str
    message: str


@dataclass(frozen=True)
class StageLoad:
    """The workload of one layer's organisation in one stage."""

    stage: str
    layer: str
    days: float
    capacity: float | None


@dataclass(frozen=True)
class Assumption:
    """A default the plan used because the organisation did not say: a question's answer or capacity."""

    subject: str
    """A question id, or ``capacity``."""
    layer: str
    value: str
    rationale: str


@dataclass(frozen=True)
class LayerName:
    """A layer of the catalogue and its name in the view's language."""

    id: str
    name: str


@dataclass(frozen=True)
class RoadmapView:
    """The roadmap of one layer (or ``all``) in one language, built once from a plan."""

    layer: str
    as_of: dt.date
    stage_size: str = field(metadata=json_as("stage"))
    scenario: str | None
    lang: str
    capacity: tuple[tuple[str, float | None], ...] = field(metadata=json_as("capacity", dict))
    counts: tuple[tuple[str, int], ...] = field(metadata=json_as("summary", dict))
    """How many items have each status, in the fixed status order."""
    stages: tuple[Stage, ...]
    packages: tuple[Package, ...]
    findings: tuple[Finding, ...]
    organisation: str | None
    """The organisation the roadmap is for (its file's name); None: the layer's typical organisation."""
    load: tuple[StageLoad, ...] = field(metadata=json_as("workload"))
    """Per stage and layer: person-days planned against the capacity."""
    backlog_cleared: str | None
    """The stage by whose end every duty known to be behind is planned to be done (None: no backlog)."""
    assumptions: tuple[Assumption, ...]
    """The defaults the plan rests on (answers, capacity) where the organisation gave none."""
    off_plan: tuple[Item, ...]
    """Duties not planned: done, in place or not applicable, each with why."""
    layer_name: str = field(metadata=VIEW_ONLY)
    """The name of `layer` in the view's language (``all`` has a fixed phrase)."""
    scenario_title: str | None = field(metadata=VIEW_ONLY)
    """The title of the applied scenario in the view's language."""
    layers: tuple[LayerName, ...] = field(metadata=VIEW_ONLY)
    """Every layer of the catalogue in catalogue order, with its name."""
    options: tuple[tuple[str, str], ...] = field(default=(), metadata=VIEW_ONLY)
    """Further options the plan was made with (organisation file, capacity), for "made with"."""
    questions: tuple[QuestionUse, ...] = field(default=(), metadata=VIEW_ONLY)
    """Every profile question with the answer the plan used, whether assumed, and what it switched off."""
    filters: tuple[tuple[str, str], ...] = field(default=(), metadata=VIEW_ONLY)
    """The ``--theme`` and ``--act`` filters that chose the items shown (empty: every item)."""
    shown_load: tuple[StageLoad, ...] = field(default=(), metadata=VIEW_ONLY)
    """With `filters`, per row of `load` (same stage and layer, same order) the person-days the
    items shown take of it: their own work spread over their stages and their occurrences. The
    `load` itself is the whole plan's, since capacity is shared by all its work. Empty unfiltered."""

    @property
    def is_all(self) -> bool:
        """Whether this is the whole government's roadmap."""
        return self.layer == "all"

    @property
    def items(self) -> tuple[Item, ...]:
        """Every planned item in stage order, then the ones off the plan."""
        return (*(item for stage in self.stages for item in stage.items), *self.off_plan)

    @property
    def display_name(self) -> str:
        """What the roadmap is of: the layer's name, with the organisation's when it is for one."""
        return f"{self.layer_name}: {self.organisation}" if self.organisation else self.layer_name

    @property
    def names(self) -> Mapping[str, str]:
        """Layer id → name in the view's language."""
        return {layer.id: layer.name for layer in self.layers}

    def command(self, fmt: str) -> str:
        """The ``planner roadmap`` command line that renders this view in `fmt` ("made with")."""
        from planner.formats.labels import command_line

        return command_line(
            {
                "layer": self.layer,
                "as_of": self.as_of.isoformat(),
                "stage": self.stage_size,
                "scenario": self.scenario,
                "lang": self.lang,
                "options": self.options,
            },
            fmt,
        )
