"""The English roadmap of the worked gemeente example on the real catalogue, as tests read it."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from planner import api
from planner.view import RoadmapView

ROOT = Path(__file__).parent.parent
AS_OF = dt.date(2026, 12, 7)


def gemeente_example_view() -> RoadmapView:
    """The gemeenten roadmap for examples/gemeente-voorbeeld.yaml, in English, as of 2026-12-07."""
    cat = api.load(ROOT / "regulations")
    ctx = api.plan(cat, AS_OF, organisation=ROOT / "examples" / "gemeente-voorbeeld.yaml")
    return api.roadmap(cat, "gemeenten", lang="en", plan=ctx)
