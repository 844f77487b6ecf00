"""One typed roadmap view, built once from a plan and read by every roadmap format and plan page.

- :mod:`~planner.view.model`: the frozen records (:class:`RoadmapView`, its stages, items,
  packages and findings) and how each field appears in the JSON contract;
- :mod:`~planner.view.build`: :func:`build_view`, from a :class:`~planner.roadmap.PlanContext`;
- :mod:`~planner.view.serialise`: :func:`as_dict` and :func:`to_json`, the JSON contract;
- :mod:`~planner.view.summary`: what a reader needs first (next dates, overdue, problems,
  cross-layer waits, swimlanes), derived from a view for the text formats.
"""

from planner.view.build import build_view
from planner.view.model import Finding, Item, LayerName, Package, Recurrence, RoadmapView, Stage, Wait
from planner.view.serialise import as_dict, to_json

__all__ = [
    "Finding",
    "Item",
    "LayerName",
    "Package",
    "Recurrence",
    "RoadmapView",
    "Stage",
    "Wait",
    "as_dict",
    "build_view",
    "to_json",
]
