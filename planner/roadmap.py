"""A plan: the analysis and the schedule of the whole catalogue, made once.

:func:`build_plan` runs the analysis and the scheduler once; :func:`planner.view.build_view`
cuts the typed view of a layer (or ``all``) from it, which every output format and plan page
renders from, and :func:`roadmap` gives that view as the JSON contract of DESIGN.md.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from planner.errors import UsageError

if TYPE_CHECKING:
    import networkx as nx

    from planner.analysis import Package
    from planner.catalogue import Catalogue
    from planner.models import Progress
    from planner.organisation.profile import Profile
    from planner.schedule import Plan

ALL = "all"


@dataclass(frozen=True)
class PlanContext:
    """A plan together with what it was made from, for rendering and explaining."""

    catalogue: Catalogue
    plan: Plan
    packages: tuple[Package, ...]
    options: tuple[tuple[str, str], ...] = ()
    """The command-line options the plan was made with beyond layer, date, stage and scenario
    (``--organisation``, ``--capacity``), so every output can say how to make it again."""


def build_plan(
    cat: Catalogue,
    as_of: dt.date,
    *,
    stage_size: str = "quarter",
    capacity: float | None = None,
    capacity_layer: str | None = None,
    progress: list[Progress] | None = None,
    organisation: Profile | None = None,
    organisations: tuple[Profile, ...] = (),
    graph: nx.DiGraph | None = None,
) -> PlanContext:
    """Analyse and schedule the whole catalogue once.

    Args:
        cat: the catalogue, with a scenario applied if any.
        as_of: the planning date.
        stage_size: quarter, half or year.
        capacity: person-days per organisation per quarter, overriding the layer file, for
            `capacity_layer` (or for every layer when that is None or ``all``).
        capacity_layer: which layer the override applies to.
        progress: progress files.
        organisation: the organisation planned for in its layer (read from its file); the other
            layers are planned as their typical organisation.
        organisations: more organisations, one per layer, planned likewise (after `organisation`).
        graph: the catalogue's graph when the caller has built it already (it is not changed).
    """
    from planner.analysis import packages as find_packages
    from planner.graph import build_graph
    from planner.schedule import STAGE_SIZES, schedule

    if stage_size not in STAGE_SIZES:
        raise UsageError(f"--stage: {stage_size!r} is not one of: {', '.join(STAGE_SIZES)}")
    overrides: dict[str, float | None] = {}
    if capacity is not None:
        if capacity_layer not in (None, ALL, *cat.layers):
            raise UsageError(f"--capacity: no layer {capacity_layer!r}; layers: {', '.join(cat.layers)}")
        targets = list(cat.layers) if capacity_layer in (None, ALL) else [capacity_layer]
        overrides = {lid: capacity for lid in targets}
    pkgs = find_packages(graph if graph is not None else build_graph(cat), cat)
    chosen = (organisation, *organisations) if organisation is not None else organisations
    profiles = {}
    for profile in chosen:
        if profile.layer in profiles:
            raise UsageError(f"--organisation: two organisations of {profile.layer!r}; plan one per layer")
        profiles[profile.layer] = profile
    plan = schedule(
        cat,
        as_of,
        stage_size=stage_size,
        packages=pkgs,
        capacity=overrides,
        progress=progress,
        profiles=profiles or None,
    )
    options: list[tuple[str, str]] = []
    if organisation is not None and organisation.source:
        options.append(("--organisation", organisation.source))
    if capacity is not None:
        options.append(("--capacity", f"{capacity:g}"))
    return PlanContext(cat, plan, tuple(pkgs), tuple(options))


def roadmap(ctx: PlanContext, layer: str, lang: str = "nl") -> dict[str, Any]:
    """The roadmap of one layer (or ``all``) as the JSON contract: the serialised view.

    Raises:
        UsageError: the layer is unknown.
    """
    from planner.view import as_dict, build_view

    return as_dict(build_view(ctx, layer, lang))
