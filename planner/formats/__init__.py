"""Roadmap output formats; each renders one :class:`planner.view.RoadmapView`."""

from __future__ import annotations

import re
from dataclasses import dataclass
from importlib import import_module
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from planner.view import RoadmapView

FORMATS = ("md", "json", "csv", "xlsx", "ics", "mermaid", "html")
"""Every roadmap format, in the order the command line lists them."""

REMIND_DAYS = 14
"""Days before an event that a calendar reminds of it, by default."""


@dataclass(frozen=True)
class RenderOptions:
    """Choices a format takes besides the view (the defaults are the command line's).

    Only the calendar reads them so far; every other format ignores them.
    """

    history: bool = False
    """Calendar: also the events before the as-of date (by default only those on or after it)."""
    site_url: str | None = None
    """Calendar: the published site's address for the view's language, ending in ``/`` (the
    folder that holds ``obligations/``); each event links to its page there. None: no links,
    since a relative address is not valid in iCalendar."""
    remind_days: int = REMIND_DAYS
    """Calendar: a reminder this many days before each event; 0 for none."""


def parse_site_url(value: str | None) -> str | None:
    """The ``--site-url`` of the calendar's links: an absolute http(s) address, ending in ``/``.

    Raises:
        UsageError: it is not an absolute http(s) address (iCalendar has no relative links).

    >>> parse_site_url("https://example.org/planner/nl")
    'https://example.org/planner/nl/'
    """
    from planner.errors import UsageError

    if value is None:
        return None
    if not re.fullmatch(r"https?://[^\s\"'<>\\;,]+", value):
        raise UsageError(
            f"--site-url: {value!r} is not an absolute http(s) address (e.g. https://example.org/planner/nl/)"
        )
    return value if value.endswith("/") else value + "/"


def render_roadmap(fmt: str, view: RoadmapView, options: RenderOptions | None = None) -> str | bytes:
    """The roadmap view in one format: text, or bytes for binary formats (xlsx)."""
    if fmt == "json":
        from planner.view import to_json

        return to_json(view)
    module = import_module(f"planner.formats.{fmt}")
    if fmt == "ics":
        calendar: str = module.render(view, options or RenderOptions())
        return calendar
    result: str | bytes = module.render(view)
    return result
