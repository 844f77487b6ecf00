"""Calendar arithmetic shared by the catalogue, the scheduler and the views (no planner imports)."""

from __future__ import annotations

import calendar
import datetime as dt


def add_months(day: dt.date, months: int) -> dt.date:
    """`day` moved `months` calendar months, kept within the month (31 January + 1 = 28/29 February).

    Example:
        >>> add_months(dt.date(2026, 12, 24), 6), add_months(dt.date(2027, 1, 31), 1)
        (datetime.date(2027, 6, 24), datetime.date(2027, 2, 28))
    """
    index = day.year * 12 + day.month - 1 + months
    year, month = divmod(index, 12)
    return dt.date(year, month + 1, min(day.day, calendar.monthrange(year, month + 1)[1]))


def months_between(before: dt.date, after: dt.date) -> int:
    """Whole calendar months from `before` to `after` (negative when `after` is earlier).

    Example:
        >>> months_between(dt.date(2026, 12, 24), dt.date(2027, 12, 24))
        12
    """
    return (after.year - before.year) * 12 + after.month - before.month
