"""Roadmap output formats; each renders the roadmap dict of :func:`planner.roadmap.roadmap`."""

from __future__ import annotations

from typing import Any

from planner.roadmap import PlanContext, to_json


def render_roadmap(fmt: str, data: dict[str, Any], ctx: PlanContext, lang: str) -> str | bytes:
    """The roadmap in one format: text, or bytes for binary formats (xlsx)."""
    if fmt == "json":
        return to_json(data)
    from importlib import import_module

    module = import_module(f"planner.formats.{fmt}")
    result: str | bytes = module.render(data, ctx, lang)
    return result
