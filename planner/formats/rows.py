"""The roadmap as one flat row per item, for the spreadsheet formats (CSV and XLSX).

Spreadsheets execute cells that look like formulas, and catalogue text is untrusted, so
:func:`neutralise` defuses any text cell that a spreadsheet would read as one.
"""

from __future__ import annotations

from typing import Any

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


def rows(data: dict[str, Any]) -> list[dict[str, Any]]:
    """One dict per item, keyed by :data:`COLUMNS`, in roadmap order.

    Values are raw: dates are ISO strings (or None), effort a number, lists joined. Each
    format applies its own typing and :func:`neutralise`.
    """
    out = []
    for stage in data["stages"]:
        for item in stage["items"]:
            out.append(
                {
                    "stage": stage["id"],
                    "stage_start": stage["start"],
                    "stage_end": stage["end"],
                    "layer": item["layer"],
                    "obligation": item["obligation"],
                    "act": item["act"],
                    "title": item["title"],
                    "articles": "; ".join(item["articles"]),
                    "role": item["role"],
                    "due": item["due"],
                    "status": item["status"],
                    "package": item["package"],
                    "effort": item["effort"],
                    "reasons": REASON_SEPARATOR.join(item["reasons"]),
                }
            )
    return out
