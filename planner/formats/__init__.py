"""Roadmap output formats; each renders one :class:`planner.view.RoadmapView`."""

from __future__ import annotations

from importlib import import_module
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from planner.view import RoadmapView

FORMATS = ("md", "json", "csv", "xlsx", "ics", "mermaid", "html")
"""Every roadmap format, in the order the command line lists them."""


def render_roadmap(fmt: str, view: RoadmapView) -> str | bytes:
    """The roadmap view in one format: text, or bytes for binary formats (xlsx)."""
    if fmt == "json":
        from planner.view import to_json

        return to_json(view)
    module = import_module(f"planner.formats.{fmt}")
    result: str | bytes = module.render(view)
    return result
