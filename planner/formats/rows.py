"""The roadmap as one flat row per item, for the spreadsheet formats (CSV and XLSX).

Spreadsheets execute cells that look like formulas, and catalogue text is untrusted, so
:func:`neutralise` defuses any text cell that a spreadsheet would read as one.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from planner.view import RoadmapView

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
    "reasons",
)
"""The header row, in order."""

DATE_COLUMNS = frozenset({"stage_start", "stage_end", "due"})
NUMBER_COLUMNS = frozenset({"effort"})

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


def _iso(value: Any) -> str | None:
    return None if value is None else value.isoformat()


def rows(view: RoadmapView) -> list[dict[str, Any]]:
    """One dict per item, keyed by :data:`COLUMNS`, in roadmap order.

    Values are raw: dates are ISO strings (or None), effort a number, lists joined. Each
    format applies its own typing and :func:`neutralise`.
    """
    return [
        {
            "stage": stage.id,
            "stage_start": _iso(stage.start),
            "stage_end": _iso(stage.end),
            "layer": item.layer,
            "obligation": item.obligation,
            "act": item.act,
            "title": item.title,
            "articles": "; ".join(item.articles),
            "role": item.role,
            "due": _iso(item.due),
            "status": item.status,
            "package": item.package,
            "effort": item.effort,
            "reasons": REASON_SEPARATOR.join(item.reasons),
        }
        for stage in view.stages
        for item in stage.items
    ]
