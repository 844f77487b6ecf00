"""Hand-built roadmap views for unit tests of the formats: a few items, every field written out.

Only the fields a test cares about are passed; the rest take plain defaults, so a test reads as
the one behaviour it pins.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import TYPE_CHECKING, Any

from planner.view import Item, LayerName, RoadmapView, Stage

if TYPE_CHECKING:
    from planner.site.refs import View as SiteView

AS_OF = dt.date(2026, 11, 28)
Q4 = ("2026-Q4", dt.date(2026, 10, 1), dt.date(2026, 12, 31))
Q1 = ("2027-Q1", dt.date(2027, 1, 1), dt.date(2027, 3, 31))


def item(obligation: str = "act-a.duty", **fields: Any) -> Item:
    """One roadmap item of `obligation` (its act is the part before the dot)."""
    values: dict[str, Any] = {
        "obligation": obligation,
        "act": obligation.split(".", maxsplit=1)[0],
        "layer": "gemeenten",
        "title": f"Title of {obligation}",
        "act_title": f"Act {obligation.split('.', maxsplit=1)[0]}",
        "articles": (),
        "role": "addressee",
        "due": None,
        "milestone": None,
        "effort": 1.0,
        "status": "planned",
        "package": None,
        "waits_on": (),
        "rule": "earliest",
        "reasons": (),
        "done_on": None,
        "stage": Q4[0],
        "due_origin": None,
    }
    values.update(fields)
    return Item(**values)


def stage(items: tuple[Item, ...] | list[Item], which: tuple[str, dt.date, dt.date] = Q4) -> Stage:
    """A stage (2026-Q4 unless told) holding `items`."""
    return Stage(which[0], which[1], which[2], tuple(items))


def view(*stages: Stage, **fields: Any) -> RoadmapView:
    """A roadmap view of the gemeenten layer made of `stages`."""
    values: dict[str, Any] = {
        "layer": "gemeenten",
        "as_of": AS_OF,
        "stage_size": "quarter",
        "scenario": None,
        "lang": "en",
        "capacity": (),
        "counts": (),
        "stages": stages,
        "packages": (),
        "findings": (),
        "organisation": None,
        "load": (),
        "backlog_cleared": None,
        "assumptions": (),
        "off_plan": (),
        "layer_name": "Municipalities",
        "scenario_title": None,
        "layers": (LayerName("rijk", "Central government"), LayerName("gemeenten", "Municipalities")),
    }
    values.update(fields)
    return RoadmapView(**values)


def site_view(root: Path, lang: str, as_of: dt.date = AS_OF) -> SiteView:
    """The site's view in `lang` of the catalogue in `root`, planned as of `as_of`."""
    from planner.analysis import analyse
    from planner.graph import build_graph
    from planner.loading import load_catalogue
    from planner.roadmap import build_plan
    from planner.site.refs import View

    cat = load_catalogue(root)
    return View(build_plan(cat, as_of), analyse(build_graph(cat), cat, as_of), lang)
