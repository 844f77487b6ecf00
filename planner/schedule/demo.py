"""Tiny in-memory catalogues for the schedule's doctests: each rule shown on a few obligations.

>>> stages(tiny({"x.a": {}, "x.b": {"requires": ["x.a"]}}))
{'x.a': '2026-Q4', 'x.b': '2027-Q1'}
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

from planner.catalogue import Catalogue
from planner.models import Act, Layer, Obligation
from planner.schedule.model import Plan

AS_OF = dt.date(2026, 11, 28)
"""The planning date of every demo: stage 0 is 2026-Q4."""
WHY = {"en": "because"}


def tiny(spec: dict[str, dict[str, Any]], capacity: float | None = None, as_of: dt.date = AS_OF) -> Plan:
    """The plan of a one-layer (rijk) catalogue given as {obligation id: fields}.

    Fields: ``due`` (ISO date), ``effort`` (person-days), ``lead_time`` (months),
    ``requires`` and ``overlaps`` (lists of obligation ids). `capacity` is person-days a quarter.
    """
    from planner.analysis import packages
    from planner.graph import build_graph
    from planner.schedule import schedule

    obligations = tuple(
        Obligation.model_validate(
            {
                "id": oid,
                "title": {"en": oid},
                "roles": {"rijk": "addressee"},
                **{k: f[k] for k in ("due",) if k in f},
                **({"effort_days": f["effort"]} if "effort" in f else {}),
                **({"lead_time_months": f["lead_time"]} if "lead_time" in f else {}),
                "requires": [{"to": t, "rationale": WHY} for t in f.get("requires", ())],
                "overlaps": [{"to": t, "rationale": WHY, "degree": "equal"} for t in f.get("overlaps", ())],
            }
        )
        for oid, f in spec.items()
    )
    acts = {
        a: Act.model_validate(
            {
                "id": a,
                "kind": "national-act",
                "title": {"en": a},
                "obligations": [o for o in obligations if o.act == a],
            }
        )
        for a in sorted({o.act for o in obligations})
    }
    layer = Layer.model_validate(
        {"id": "rijk", "name": {"en": "rijk"}, "organisations": 1, "capacity_days": capacity}
    )
    cat = Catalogue(
        root=Path("."),
        layers={"rijk": layer},
        themes={},
        acts=acts,
        obligations={o.id: o for o in obligations},
    )
    return schedule(cat, as_of, packages=packages(build_graph(cat), cat))


def stages(plan: Plan) -> dict[str, str | None]:
    """Obligation id → the stage its work starts in."""
    return {i.obligation: plan.stage_id(i.stage) for i in plan.for_layer("rijk")}


def status(plan: Plan, oid: str) -> str:
    """The status of one obligation's item."""
    return str(plan.items[(oid, "rijk")].status)
