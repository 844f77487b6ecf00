"""Calendar stages: the quarter, half or year a date falls in, and what that period is called.

Stages are running period numbers (months since year 0 divided by the stage length), so the
stage after the last quarter of a year is simply the next number.
"""

from __future__ import annotations

import datetime as dt

STAGE_SIZES = {"quarter": 3, "half": 6, "year": 12}
"""The stage lengths the planner knows, in months."""


def period_index(date: dt.date, size: str) -> int:
    """A running number of the calendar period (quarter, half or year) holding `date`.

    Args:
        date: any day.
        size: ``quarter``, ``half`` or ``year`` (a key of :data:`STAGE_SIZES`).

    Returns:
        The period's number; consecutive periods have consecutive numbers.

    Raises:
        KeyError: `size` is not a known stage length.

    Example:
        >>> period_index(dt.date(2026, 11, 28), "quarter") - period_index(dt.date(2026, 10, 1), "quarter")
        0
        >>> period_index(dt.date(2027, 1, 1), "half") - period_index(dt.date(2026, 12, 31), "half")
        1
    """
    months = STAGE_SIZES[size]
    return (date.year * 12 + date.month - 1) // months


def period_bounds(index: int, size: str) -> tuple[str, dt.date, dt.date]:
    """The id, first and last day of period `index`.

    Args:
        index: a period number from :func:`period_index`.
        size: ``quarter``, ``half`` or ``year``.

    Returns:
        The period's id (``2026-Q4``, ``2027-H2`` or ``2027``), its first and its last day.

    Raises:
        KeyError: `size` is not a known stage length.

    Example:
        >>> period_bounds(period_index(dt.date(2026, 11, 28), "quarter"), "quarter")
        ('2026-Q4', datetime.date(2026, 10, 1), datetime.date(2026, 12, 31))
        >>> period_bounds(period_index(dt.date(2027, 8, 2), "half"), "half")[0]
        '2027-H2'
        >>> period_bounds(period_index(dt.date(2027, 8, 2), "year"), "year")[0]
        '2027'
    """
    months = STAGE_SIZES[size]
    first = index * months
    year, month = divmod(first, 12)
    start = dt.date(year, month + 1, 1)
    end_year, end_month = divmod(first + months, 12)
    end = dt.date(end_year, end_month + 1, 1) - dt.timedelta(days=1)
    n = month // months + 1
    label = {"quarter": f"{year}-Q{n}", "half": f"{year}-H{n}", "year": f"{year}"}[size]
    return label, start, end
