"""The roadmap as one flat row per item, for the spreadsheet formats (CSV and XLSX).

A spreadsheet is read by people, so its headers and values are words in the view's language
(``Uiterlijk``, ``te laat``, ``geadresseerde``, the layer's and the act's names); the codes a
script needs stay in the JSON (``planner roadmap --format json``). Only the obligation id is
kept as it is: it names the site page and the ``planner explain`` argument.

Spreadsheets execute cells that look like formulas, and catalogue text is untrusted, so
:func:`neutralise` defuses any text cell that a spreadsheet would read as one.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from planner.formats.labels import occurrence_note
from planner.i18n import gettext
from planner.labels import STATUS

if TYPE_CHECKING:
    from planner.view import Item, RoadmapView

COLUMNS = (
    "stage",
    "stage_start",
    "stage_end",
    "layer",
    "obligation",
    "act",
    "title",
    "articles",
    "role",
    "due",
    "status",
    "package",
    "effort",
    "nature",
    "reasons",
)
"""The columns, in order (keys of :func:`rows`; their headers come from :func:`header`)."""

DATE_COLUMNS = frozenset({"stage_start", "stage_end", "due"})
NUMBER_COLUMNS = frozenset({"effort"})
LONG_COLUMNS = frozenset({"act", "title", "articles", "role", "package", "nature", "reasons"})
"""Columns whose text wraps in a spreadsheet."""

FORMULA_START = ("=", "+", "-", "@", "\t", "\r")
"""First characters that make Excel, LibreOffice or Google Sheets read a cell as a formula."""

REASON_SEPARATOR = " | "


def is_risky(value: str) -> bool:
    """Whether a spreadsheet could read this text as a formula.

    >>> is_risky("=cmd|' /C calc'!A0"), is_risky("Art. 5"), is_risky("")
    (True, False, False)
    """
    return value.startswith(FORMULA_START)


def neutralise(value: str) -> str:
    """Text made inert in a spreadsheet: a risky cell gets a leading single quote.

    >>> neutralise("=1+1"), neutralise("@SUM(A1)"), neutralise("plain")
    ("'=1+1", "'@SUM(A1)", 'plain')
    """
    return "'" + value if is_risky(value) else value


def header(lang: str) -> list[str]:
    """The header row in `lang`.

    >>> header("nl")[:4]
    ['Fase', 'Begin fase', 'Einde fase', 'Bestuurslaag']
    """
    return [gettext(lang, "column", column) for column in COLUMNS]


def nature_text(item: Item, lang: str) -> str | None:
    """What kind of duty an item is, in words (a recurring one says how often).

    None when the catalogue does not say.
    """
    if item.nature is None:
        return None
    word = gettext(lang, "nature", item.nature)
    if item.recurrence is None:
        return word
    return f"{word}, {gettext(lang, 'period', item.recurrence.every)}"


def _iso(value: Any) -> str | None:
    return None if value is None else value.isoformat()


def rows(view: RoadmapView) -> list[dict[str, Any]]:
    """One dict per item, keyed by :data:`COLUMNS`, stage by stage; after a stage's items, one per
    recurring duty due in it (a light row: its title names the period, its status is empty, its
    reasons refer to the duty's own item).

    Values are raw: dates are ISO strings (or None), effort a number, lists joined, words in
    the view's language. Each format applies its own typing and :func:`neutralise`. The key
    ``status_code`` (not a column) holds the item's status code, None on a recurring row.
    """
    lang, names = view.lang, view.names
    packages = {p.id: p.name for p in view.packages}
    duties = {(i.obligation, i.layer): i for i in view.items}
    out: list[dict[str, Any]] = []
    for stage in view.stages:
        where = {"stage": stage.id, "stage_start": _iso(stage.start), "stage_end": _iso(stage.end)}
        for item in stage.items:
            out.append(
                {
                    **where,
                    "layer": names.get(item.layer, item.layer),
                    "obligation": item.obligation,
                    "act": item.act_title,
                    "title": item.title,
                    "articles": "; ".join(item.articles),
                    "role": gettext(lang, "role", item.role),
                    "due": _iso(item.due),
                    "status": STATUS[lang][item.status],
                    "package": packages.get(item.package, item.package) if item.package else None,
                    "effort": item.effort,
                    "nature": nature_text(item, lang),
                    "reasons": REASON_SEPARATOR.join(item.reasons),
                    "status_code": item.status,
                }
            )
        for o in stage.recurring:
            duty = duties[(o.obligation, o.layer)]
            out.append(
                {
                    **where,
                    "layer": names.get(o.layer, o.layer),
                    "obligation": o.obligation,
                    "act": duty.act_title,
                    "title": o.label,
                    "articles": "; ".join(duty.articles),
                    "role": gettext(lang, "role", duty.role),
                    "due": _iso(o.date),
                    "status": None,
                    "package": None,
                    "effort": o.effort_days,
                    "nature": nature_text(duty, lang),
                    "reasons": occurrence_note(lang, o),
                    "status_code": None,
                }
            )
    return out
