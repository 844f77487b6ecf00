"""Small in-memory catalogues for the unit tests of tests/unit_c, written out by hand in each test.

:func:`catalogue` takes ``{obligation id: fields}`` in the shape of the YAML (``roles``, ``due``,
``requires: ["x.a"]``...) and makes a :class:`~planner.catalogue.Catalogue` without touching disk,
so a test shows every fact its outcome rests on.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

from planner.catalogue import Catalogue
from planner.models import Act, Layer, Obligation

AS_OF = dt.date(2026, 11, 28)
"""The planning date of the tests: stage 0 is 2026-Q4."""

LAYERS = {"rijk": 1, "provincies": 12, "gemeenten": 342}
"""The layers of every built catalogue with their number of organisations."""

RELATIONS = ("requires", "conflicts", "needs_facility")


def obligation(oid: str, fields: dict[str, Any]) -> Obligation:
    """An obligation from test fields: relations as lists of ids, overlaps as ``{id: degree}``."""
    data: dict[str, Any] = {
        "id": oid,
        "title": {"en": f"{oid} en", "nl": f"{oid} nl"},
        "roles": fields.get("roles", {"gemeenten": "addressee"}),
    }
    for key in (
        "due",
        "milestone",
        "effort_days",
        "articles",
        "sources",
        "lead_time_months",
        "nature",
        "recurrence",
    ):
        if key in fields:
            data[key] = fields[key]
    for kind in RELATIONS:
        data[kind] = [{"to": t, "rationale": {"en": f"why {t}"}} for t in fields.get(kind, ())]
    overlaps = fields.get("overlaps", {})
    data["overlaps"] = [
        {"to": t, "rationale": {"en": f"same as {t}"}, "degree": d} for t, d in sorted(overlaps.items())
    ]
    return Obligation.model_validate(data)


def catalogue(spec: dict[str, dict[str, Any]], acts: dict[str, dict[str, Any]] | None = None) -> Catalogue:
    """A catalogue of the obligations in `spec`; `acts` adds fields (milestones, scenarios) per act."""
    obligations = [obligation(oid, fields) for oid, fields in spec.items()]
    extra = acts or {}
    act_ids = sorted({o.act for o in obligations} | set(extra))
    built = {
        a: Act.model_validate(
            {
                "id": a,
                "kind": "national-act",
                "title": {"en": f"Act {a}", "nl": f"Wet {a}"},
                **extra.get(a, {}),
                "obligations": [o for o in obligations if o.act == a],
            }
        )
        for a in act_ids
    }
    layers = {
        lid: Layer.model_validate({"id": lid, "name": {"en": lid, "nl": lid}, "organisations": n})
        for lid, n in LAYERS.items()
    }
    return Catalogue(
        root=Path("."),
        layers=layers,
        themes={},
        acts=built,
        obligations={o.id: o for a in act_ids for o in built[a].obligations},
    )
