"""The JSON Schemas written by hand: the roadmap JSON contract and the `planner house` JSON.

They describe outputs that are not pydantic models, so they cannot be generated;
:mod:`planner.schema` serves them next to the generated ones.
"""

from __future__ import annotations

from typing import Any

from planner.organisation.model import State
from planner.schedule import STATUSES

# Draft 7 is the newest draft the yaml-language-server (VS Code's YAML extension) validates; the
# schemas use no later keyword, and `$defs` is only the place their JSON-pointer refs point into.
DIALECT = "http://json-schema.org/draft-07/schema#"
DATE = {"type": "string", "format": "date"}
TEXT = {"type": "string"}
NUMBER = {"type": "number"}


def roadmap_schema() -> dict[str, Any]:
    """The schema of `planner roadmap --format json` (the DESIGN.md contract; extensions allowed).

    Example:
        >>> sorted(roadmap_schema()["properties"])
        ['as_of', 'backlog_cleared', 'findings', 'layer', 'off_plan', 'organisation', 'packages', 'stages', 'workload']
    """
    return {
        "$schema": DIALECT,
        "$comment": "Written by hand in planner/schema.py after the roadmap JSON contract in DESIGN.md.",
        "title": "planner roadmap",
        "type": "object",
        "required": ["layer", "as_of", "stages", "findings"],
        "properties": {
            "layer": {**TEXT, "description": "Layer id, or 'all' for the whole government."},
            "as_of": DATE,
            "stages": {"type": "array", "items": {"$ref": "#/$defs/Stage"}},
            "findings": {"type": "array", "items": {"$ref": "#/$defs/Finding"}},
            "organisation": {
                "anyOf": [TEXT, {"type": "null"}],
                "description": "The organisation planned for.",
            },
            "workload": {"type": "array", "items": {"$ref": "#/$defs/StageLoad"}},
            "backlog_cleared": {
                "anyOf": [TEXT, {"type": "null"}],
                "description": "The stage by whose end the duties known to be behind are done.",
            },
            "off_plan": {"type": "array", "items": {"$ref": "#/$defs/Item"}},
            "packages": {"type": "array", "items": {"$ref": "#/$defs/Package"}},
        },
        "$defs": {
            "Item": _roadmap_item(),
            "Package": _package(),
            "Stage": _stage(),
            "Finding": _finding(),
            "StageLoad": _stage_load(),
            "Recurrence": _recurrence(),
            "Occurrence": _occurrence(),
        },
    }


def house_schema() -> dict[str, Any]:
    """The schema of `planner house --format json`.

    Example:
        >>> sorted(house_schema()["required"])
        ['as_of', 'candidates', 'days_with', 'days_without', 'decisions', 'foundations']
    """
    return {
        "$schema": DIALECT,
        "$comment": "Written by hand in planner/schema.py after planner/house/render.py.",
        "title": "planner house",
        "type": "object",
        "required": ["as_of", "days_without", "days_with", "foundations", "candidates", "decisions"],
        "properties": {
            "as_of": DATE,
            "scenario": {"anyOf": [TEXT, {"type": "null"}]},
            "days_without": NUMBER,
            "days_with": NUMBER,
            "foundations": {"type": "array", "items": _foundation()},
            "candidates": {"type": "array", "items": _candidate()},
            "decisions": {"type": "array", "items": _decision()},
            "impact": {"type": "array", "items": _impact()},
        },
    }


def _impact() -> dict[str, Any]:
    """One layer's impact of a scenario (``planner house --scenario``)."""
    stage_or_null = {"anyOf": [TEXT, {"type": "null"}]}
    days_or_null = {"anyOf": [{"type": "number", "minimum": 0}, {"type": "null"}]}
    item = {
        "type": "object",
        "required": ["obligation", "old_stage", "old_status", "new_stage", "new_status", "changed"],
        "properties": {
            "obligation": TEXT,
            **{k: stage_or_null for k in ("old_stage", "old_status", "new_stage", "new_status")},
            "changed": {
                "type": "array",
                "items": TEXT,
                "description": "What the scenario changes in what the duty requires, in words (English).",
            },
            "old_effort_days": {
                **days_or_null,
                "description": "Person-days planned (one organisation), now.",
            },
            "new_effort_days": {**days_or_null, "description": "Person-days planned under the scenario."},
        },
    }
    return {
        "type": "object",
        "required": ["layer", "moved", "became", "changed", "days_before", "days_after", "items"],
        "properties": {
            "layer": TEXT,
            "moved": {"type": "integer"},
            "became": {"type": "object", "additionalProperties": {"type": "integer"}},
            "changed": {"type": "integer", "description": "Items whose duty now requires something else."},
            "days_before": {
                **NUMBER,
                "description": "Person-days (one organisation) of the items listed, now.",
            },
            "days_after": {**NUMBER, "description": "The same under the scenario."},
            "items": {"type": "array", "items": item},
        },
    }


def _roadmap_item() -> dict[str, Any]:
    """One roadmap item: an obligation for a layer, placed in a stage."""
    return {
        "type": "object",
        "required": ["obligation", "act", "due", "status", "package", "reasons"],
        "properties": {
            "obligation": {**TEXT, "description": "Obligation id, e.g. 'ai-act.fria'."},
            "act": {**TEXT, "description": "Id of the act the obligation belongs to."},
            "due": {"anyOf": [DATE, {"type": "null"}], "description": "Due date, or null."},
            "status": {"enum": list(STATUSES)},
            "package": {
                "anyOf": [TEXT, {"type": "null"}],
                "description": "Id of the joint work package, or null.",
            },
            "reasons": {"type": "array", "items": TEXT, "description": "Why the item sits here."},
            "applicable": {"type": "boolean", "description": "Whether the duty applies to the organisation."},
            "state": {
                "anyOf": [{"enum": [s.value for s in State]}, {"type": "null"}],
                "description": "The organisation's own state (organisation file), null when not assessed.",
            },
            "nature": {"enum": ["one-off", "continuing", "recurring"]},
            "start": {"anyOf": [TEXT, {"type": "null"}], "description": "Stage the work starts in."},
            "end": {"anyOf": [TEXT, {"type": "null"}], "description": "Stage the work ends in."},
            "effort_days": {
                "type": "number",
                "minimum": 0,
                "description": "Person-days left, per organisation.",
            },
            "lead_time_months": {"type": "number", "minimum": 0},
            "occurrences": {"type": "array", "items": DATE, "description": "A recurring duty's next dates."},
            # --- the kind of duty (issue 16) ---
            "recurrence": {
                "anyOf": [{"$ref": "#/$defs/Recurrence"}, {"type": "null"}],
                "description": "For a recurring duty: how often it comes back, and from when.",
            },
        },
    }


def _package() -> dict[str, Any]:
    """A joint work package of the roadmap's items, with what its members take apart and together."""
    days = {"type": "number", "minimum": 0}
    return {
        "type": "object",
        "required": ["id", "name", "members", "due", "effort_saved", "members_days", "planned_days"],
        "properties": {
            "id": TEXT,
            "name": TEXT,
            "members": {"type": "array", "items": TEXT},
            "due": {"anyOf": [TEXT, {"type": "null"}]},
            "effort_saved": {
                "type": "number",
                "description": "What the catalogue's efforts save for one organisation (the package as such).",
            },
            "members_days": {
                **days,
                "description": "The person-days of the open members on their own: their effort_days added up.",
            },
            "planned_days": {
                **days,
                "description": "The person-days the plan places for those members done together, "
                "as the workload counts them; below members_days when the package saves work.",
            },
        },
    }


def _recurrence() -> dict[str, Any]:
    """How often a recurring duty comes back, and from when."""
    return {
        "type": "object",
        "required": ["every", "first"],
        "properties": {
            "every": {"enum": ["year", "half", "quarter", "month"]},
            "first": {"anyOf": [DATE, {"type": "null"}], "description": "The first due date."},
        },
    }


def _stage_load() -> dict[str, Any]:
    """One layer's workload in one stage."""
    return {
        "type": "object",
        "required": ["stage", "layer", "days", "capacity"],
        "properties": {
            "stage": TEXT,
            "layer": TEXT,
            "days": {"type": "number"},
            "capacity": {"anyOf": [{"type": "number"}, {"type": "null"}]},
        },
    }


def _stage() -> dict[str, Any]:
    """One stage of the roadmap with its items and recurring occurrences."""
    return {
        "type": "object",
        "required": ["id", "start", "end", "items"],
        "properties": {
            "id": {**TEXT, "description": "Stage id, e.g. '2027-Q1'."},
            "start": DATE,
            "end": DATE,
            "items": {"type": "array", "items": {"$ref": "#/$defs/Item"}},
            "recurring": {
                "type": "array",
                "items": {"$ref": "#/$defs/Occurrence"},
                "description": "The recurring duties due in this stage, one entry per occurrence.",
            },
        },
    }


def _occurrence() -> dict[str, Any]:
    """One occurrence of a recurring duty in a stage."""
    return {
        "type": "object",
        "required": [
            "obligation",
            "layer",
            "date",
            "every",
            "effort_days",
            "item_stage",
            "item_status",
            "in_setup",
            "at_risk",
        ],
        "properties": {
            "obligation": {**TEXT, "description": "The recurring duty: the id of its own item."},
            "layer": TEXT,
            "date": {**DATE, "description": "The date this occurrence is due."},
            "every": {"enum": ["year", "half", "quarter", "month"]},
            "effort_days": {
                "anyOf": [{"type": "number", "minimum": 0}, {"type": "null"}],
                "description": "Person-days it takes in this stage's workload; null: the catalogue gives none.",
            },
            "item_stage": {
                "anyOf": [TEXT, {"type": "null"}],
                "description": "The stage the duty's own item is planned in; null when it is off the plan.",
            },
            "item_status": {"enum": list(STATUSES)},
            "in_setup": {
                "type": "boolean",
                "description": "True when the date falls in the span of the duty's own planned work "
                "(setting it up): the occurrence is part of that effort and the stage's workload "
                "does not count it again.",
            },
            "at_risk": {
                "type": "boolean",
                "description": "True when the date comes before the duty's own planned work starts: "
                "a recurring deliverable of a duty not yet set up; the item's reasons say why.",
            },
        },
    }


def _finding() -> dict[str, Any]:
    """One finding about the roadmap (a warning on an obligation)."""
    return {
        "type": "object",
        "required": ["kind", "obligation", "message"],
        "properties": {"kind": TEXT, "obligation": TEXT, "message": TEXT},
    }


def _saving() -> dict[str, Any]:
    """What one foundation saves on one obligation for one layer."""
    return {
        "type": "object",
        "required": ["obligation", "layer", "organisations", "effort_days", "share_provided", "days"],
        "properties": {
            "obligation": TEXT,
            "layer": TEXT,
            "organisations": {"type": "integer"},
            "effort_days": NUMBER,
            "share_provided": {"type": "number", "minimum": 0, "maximum": 1},
            "days": NUMBER,
        },
    }


def _foundation() -> dict[str, Any]:
    """One shared foundation: its provider, delivery, users and savings."""
    return {
        "type": "object",
        "required": [
            "collective",
            "provider",
            "status",
            "delivery",
            "stage",
            "users",
            "savings",
            "days_saved",
        ],
        "properties": {
            "collective": TEXT,
            "provider": TEXT,
            "status": {"enum": ["exists", "planned", "proposed"]},
            "delivery": {"anyOf": [DATE, {"type": "null"}]},
            "delivery_confirmed": {"type": "boolean"},
            "stage": {"anyOf": [TEXT, {"type": "null"}]},
            "users": {
                "type": "array",
                "items": {
                    "type": "object",
                    "required": ["layer", "organisations"],
                    "properties": {"layer": TEXT, "organisations": {"type": "integer"}},
                },
            },
            "savings": {"type": "array", "items": _saving()},
            "days_saved": NUMBER,
        },
    }


def _candidate() -> dict[str, Any]:
    """An obligation worth a shared foundation that has none yet."""
    return {
        "type": "object",
        "required": ["obligation", "organisations", "effort_days", "days_separate", "days_saved"],
        "properties": {
            "obligation": TEXT,
            "organisations": {"type": "integer"},
            "effort_days": NUMBER,
            "days_separate": NUMBER,
            "days_saved": NUMBER,
            "share_assumed": NUMBER,
        },
    }


def _decision() -> dict[str, Any]:
    """A decision the house has to take: a conflict, a blocker or a provider."""
    return {
        "type": "object",
        "required": ["kind", "subject", "text"],
        "properties": {
            "kind": {"enum": ["conflict", "blocked", "provider"]},
            "subject": TEXT,
            "other": {"anyOf": [TEXT, {"type": "null"}]},
            "layer": {"anyOf": [TEXT, {"type": "null"}]},
            "text": TEXT,
        },
    }
