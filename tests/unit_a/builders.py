"""Builders for tiny in-memory catalogues and plans, written out in each unit test.

A test names only what matters to it: ``ob(roles={"rijk": "addressee"}, due="2027-03-31")``;
everything else takes a neutral default (one layer ``rijk``, no due date, effort 1).
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

from planner.catalogue import Catalogue
from planner.models import Act, Layer, Obligation, Question, Theme
from planner.organisation.profile import Profile
from planner.schedule import Plan, schedule

AS_OF = dt.date(2026, 11, 28)
"""The planning date of every test unless it says otherwise: stage 0 is 2026-Q4."""
WHY = {"en": "because"}
QUESTIONS: tuple[dict[str, Any], ...] = (
    {
        "id": "ai",
        "text": {"en": "AI?"},
        "type": "bool",
        "defaults": {"rijk": {"answer": False, "rationale": {"en": "r"}}},
    },
    {
        "id": "size",
        "text": {"en": "Size?"},
        "type": "choice",
        "choices": [
            {"id": "small", "text": {"en": "Small", "nl": "Klein"}},
            {"id": "large", "text": {"en": "Large", "nl": "Groot"}},
        ],
    },
    {
        "id": "n",
        "text": {"en": "N?"},
        "type": "number",
        "defaults": {"rijk": {"answer": 10, "rationale": {"en": "r"}}},
    },
)
"""Three profile questions, one of each type (bool with a default, choice, number with a default)."""


def ob(
    *,
    roles: dict[str, str] | None = None,
    requires: tuple[str, ...] = (),
    overlaps: tuple[str, ...] = (),
    conflicts: tuple[str, ...] = (),
    needs: tuple[str, ...] = (),
    **fields: Any,
) -> dict[str, Any]:
    """The fields of one obligation (without its id); other keyword fields go in as written."""
    return {
        "roles": roles or {"rijk": "addressee"},
        "requires": [{"to": t, "rationale": WHY} for t in requires],
        "overlaps": [{"to": t, "rationale": WHY, "degree": "equal"} for t in overlaps],
        "conflicts": [{"to": t, "rationale": WHY} for t in conflicts],
        "needs_facility": [{"to": t, "rationale": WHY} for t in needs],
        **fields,
    }


def catalogue(
    obligations: dict[str, dict[str, Any]],
    *,
    layers: dict[str, float | None] | None = None,
    questions: tuple[dict[str, Any], ...] = (),
    acts: dict[str, dict[str, Any]] | None = None,
    themes: tuple[str, ...] = (),
    collectives: tuple[dict[str, Any], ...] = (),
) -> Catalogue:
    """A catalogue of `obligations` ({id: :func:`ob` fields}), grouped into acts by id prefix.

    Args:
        obligations: the obligations by id.
        layers: layer id → capacity in person-days a quarter (None: unlimited); default rijk only.
        questions: profile questions, as YAML-shaped dicts.
        acts: extra fields per act id (milestones, kind, ...).
        themes: theme ids.
        collectives: collective arrangements, as YAML-shaped dicts.
    """
    from planner.house.model import Collective

    models = [
        Obligation.model_validate({"id": oid, "title": {"en": oid}, **f}) for oid, f in obligations.items()
    ]
    extra = acts or {}
    built = {
        a: Act.model_validate(
            {
                "id": a,
                "kind": "national-act",
                "title": {"en": a},
                **extra.get(a, {}),
                "obligations": [o for o in models if o.act == a],
            }
        )
        for a in sorted({o.act for o in models} | set(extra))
    }
    layer_models = {
        lid: Layer.model_validate({"id": lid, "name": {"en": lid}, "organisations": 1, "capacity_days": cap})
        for lid, cap in (layers or {"rijk": None}).items()
    }
    return Catalogue(
        root=Path("."),
        layers=layer_models,
        themes={t: Theme.model_validate({"id": t, "name": {"en": t}}) for t in themes},
        acts=built,
        obligations={o.id: o for a in built.values() for o in a.obligations},
        questions={q["id"]: Question.model_validate(q) for q in questions},
        collectives={c["id"]: Collective.model_validate(c) for c in collectives},
    )


def plan(cat: Catalogue, as_of: dt.date = AS_OF, **options: Any) -> Plan:
    """The plan of `cat` with its joint work packages, as the CLI makes it."""
    from planner.analysis import packages
    from planner.graph import build_graph

    return schedule(cat, as_of, packages=packages(build_graph(cat), cat), **options)


def profile(layer: str = "rijk", **fields: Any) -> Profile:
    """An organisation's profile: states as ``{obligation: {state: ..., ...}}`` dicts."""
    from planner.organisation.model import StateEntry

    states = {oid: StateEntry.model_validate(s) for oid, s in fields.pop("states", {}).items()}
    return Profile(layer, fields.pop("name", "Org"), states=states, **fields)


def stage_of(p: Plan, oid: str, layer: str = "rijk") -> str | None:
    """The id of the stage an item starts in."""
    return p.stage_id(p.items[oid, layer].stage)


def keys(reasons: list[str]) -> list[str]:
    """The message keys of an item's reasons (stable under rewording)."""
    return [getattr(r, "key", r) for r in reasons]


def _property_settings() -> Any:
    from hypothesis import settings

    # derandomized: the same examples on every run, so a failure is seen again by whoever reruns
    return settings(deadline=None, max_examples=50, derandomize=True)


PROPERTY = _property_settings()
"""Settings of every property test here: seeded (derandomized), no deadline, 50 examples."""


def collective(cid: str, covers: dict[str, float] | None = None, **fields: Any) -> dict[str, Any]:
    """A collective serving rijk by default, covering {obligation: remaining share}."""
    return {
        "id": cid,
        "provider": f"{cid} provider",
        "title": {"en": cid},
        "layers": ["rijk"],
        "default_for": ["rijk"],
        "status": "exists",
        "covers": [
            {
                "obligation": o,
                "provided": {"en": "part"},
                "remaining": {"share": share, "text": {"en": "rest"}},
            }
            for o, share in (covers or {}).items()
        ],
        **fields,
    }
