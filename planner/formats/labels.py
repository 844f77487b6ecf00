"""Fixed words of the human-readable roadmap formats, in Dutch and English.

Catalogue text (titles, names) arrives in the requested language already; the words the formats
themselves print are the ``roadmap`` vocabulary of :mod:`planner.i18n`'s gettext catalogues, and
this module looks them up. Words the site prints alike come from :mod:`planner.labels`.
"""

from __future__ import annotations

import shlex
from typing import TYPE_CHECKING, Any

from planner.i18n import format_number, phrase
from planner.labels import FINDING as SHARED_FINDING
from planner.labels import HEADINGS, extend, vocabulary
from planner.labels import LANGS as LANGS
from planner.labels import STATUS as SHARED_STATUS
from planner.roadmap import ALL, PlanContext

if TYPE_CHECKING:
    from planner.view.board import Board
    from planner.view.model import Occurrence, StageLoad

STATUS = SHARED_STATUS

FINDING = SHARED_FINDING

STAGE_SIZE = vocabulary("stage_size")
"""How long one stage is, in words: ``quarter`` is ``kwartalen``."""

CONTEXT = "roadmap"
"""The vocabulary (gettext ``msgctxt``) of the formats' own words in :mod:`planner.i18n`."""

TEXT = extend(HEADINGS, vocabulary(CONTEXT))
"""Every word the formats print, shared ones included, per language and key."""


def text(lang: str, key: str, **values: Any) -> str:
    """A fixed phrase in `lang`, with `values` filled in (a count among them picks the plural form).

    >>> text("en", "title", name="Municipalities")
    'Roadmap Municipalities'
    >>> text("nl", "waits_see", count=1, section="hier")
    '1 verplichting wacht op werk van een andere bestuurslaag; zie hier.'
    """
    context = "shared" if key in HEADINGS[lang] else CONTEXT
    return phrase(lang, context, key, **values)


def layer_name(ctx: PlanContext, layer: str, lang: str) -> str:
    """The catalogue's name of a layer in `lang` (``all`` is named by a fixed phrase)."""
    if layer == ALL:
        return text(lang, "all_layers")
    found = ctx.catalogue.layers.get(layer)
    return found.name.get(lang) if found else layer


def scenario_text(ctx: PlanContext, data: dict[str, Any], lang: str) -> str:
    """What scenario the roadmap is for, always said (none is said too)."""
    scenario = ctx.catalogue.scenario
    if data.get("scenario") is None or scenario is None:
        return text(lang, "no_scenario")
    return f"{scenario.title.get(lang)} ({scenario.id})"


def command_line(data: dict[str, Any], fmt: str) -> str:
    """The `planner roadmap` command that renders `data` in `fmt` (known options only).

    The catalogue folder and progress files are not part of the data, so they are left out
    rather than guessed.

    >>> command_line({"layer": "gemeenten", "as_of": "2026-11-28", "stage": "quarter",
    ...               "scenario": None, "lang": "en"}, "md")
    'planner roadmap gemeenten --as-of 2026-11-28 --format md --lang en'
    """
    parts = ["planner", "roadmap", data["layer"], "--as-of", data["as_of"]]
    if data.get("stage", "quarter") != "quarter":
        parts += ["--stage", data["stage"]]
    if data.get("scenario"):
        parts += ["--scenario", data["scenario"]]
    for option, value in data.get("options", ()):
        parts += [option, shlex.quote(value)]
    parts += ["--format", fmt]
    if data.get("lang", "nl") != "nl":
        parts += ["--lang", data["lang"]]
    return " ".join(parts)


def occurrence_note(lang: str, o: Occurrence) -> str:
    """The person-days an occurrence takes and where the duty itself stands, in words.

    >>> from planner.view.model import Occurrence
    >>> import datetime as dt
    >>> occurrence_note("en", Occurrence("a.b", "rijk", dt.date(2027, 8, 15), "year", 9.0, None, "in-place", "T", "L"))
    '9 person-days; the duty itself: in place'
    """
    days = (
        text(lang, "occurrence_no_days")
        if o.effort_days is None
        else text(lang, "occurrence_days", days=format_number(o.effort_days, lang))
    )
    status = STATUS[lang][o.item_status]
    duty = (
        text(lang, "occurrence_of", status=status, stage=o.item_stage)
        if o.item_stage
        else text(lang, "occurrence_of_off", status=status)
    )
    if o.in_setup:  # its days are part of the setup work of the duty's own item
        return f"{days}; {duty}; {text(lang, 'occurrence_in_setup')}"
    if o.at_risk:  # due before the duty's own item starts: not set up by then
        return f"{days}; {duty}; {text(lang, 'occurrence_before_setup')}"
    return f"{days}; {duty}"


def over_stage(lang: str, load: StageLoad) -> str:
    """A stage over capacity with its person-days planned against the capacity.

    >>> from planner.view.model import StageLoad
    >>> over_stage("en", StageLoad("2027-Q1", "gemeenten", 144.4, 120.0))
    '2027-Q1 (144.4 of 120 person-days)'
    >>> over_stage("nl", StageLoad("2027-Q1", "gemeenten", 144.4, 120.0))
    '2027-Q1 (144,4 van 120 persoonsdagen)'
    """
    capacity = format_number(load.capacity, lang) if load.capacity is not None else ""
    return text(
        lang, "board_over_stage", stage=load.stage, days=format_number(load.days, lang), capacity=capacity
    )


def recurring_years(lang: str, years: tuple[tuple[int, float], ...]) -> str:
    """The recurring person-days per year as one short list (the year is a name, not a figure).

    >>> recurring_years("en", ((2027, 15.0), (2028, 15.5))), recurring_years("nl", ((2028, 15.5),))
    ('2027: 15, 2028: 15.5', '2028: 15,5')
    """
    return ", ".join(f"{year}: {format_number(days, lang)}" for year, days in years)


def filter_words(filters: tuple[tuple[str, str], ...]) -> str:
    """The filters of a view as typed on the command line.

    >>> filter_words((("--theme", "digital-security"), ("--act", "bio2")))
    '--theme digital-security, --act bio2'
    """
    return ", ".join(f"{option} {value}" for option, value in filters)


def board_filtered(lang: str, board: Board) -> str:
    """What a filtered board shows, and that its workload is the whole plan's.

    >>> from planner.view.board import Board
    >>> b = Board(None, 3, (), (), (), 0, None, None, (), (), None, (), (), (), (), filters=(("--act", "x"),), name="G")
    >>> board_filtered("en", b)[:62]
    'Shown: only the duties with --act x; the 3 of them that apply '
    """
    return text(
        lang,
        "board_filtered",
        filters=filter_words(board.filters),
        count=board.applicable,
        days=format_number(board.shown_days, lang),
        name=board.name,
    )
