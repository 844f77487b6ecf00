"""The JSON contract of a roadmap: the view's serialisation, driven by its field declarations."""

from __future__ import annotations

import datetime as dt
import json
from dataclasses import fields, is_dataclass
from typing import Any

from planner.view.model import JSON_ENCODE, JSON_KEY, RoadmapView


def _plain(value: Any) -> Any:
    """A view value as JSON data: records become objects, tuples lists, dates ISO strings."""
    if is_dataclass(value) and not isinstance(value, type):
        out: dict[str, Any] = {}
        for f in fields(value):
            key = f.metadata.get(JSON_KEY, f.name)
            if key is None:
                continue
            raw = getattr(value, f.name)
            encode = f.metadata.get(JSON_ENCODE)
            out[key] = _plain(encode(raw) if encode else raw)
        return out
    if isinstance(value, tuple | list):
        return [_plain(v) for v in value]
    if isinstance(value, dict):
        return {k: _plain(v) for k, v in value.items()}
    if isinstance(value, dt.date):
        return value.isoformat()
    return value


def as_dict(view: RoadmapView) -> dict[str, Any]:
    """The view as the JSON contract: plain dicts, lists, strings and numbers.

    Keys follow the order the fields are declared in; view-only fields are left out.
    """
    data: dict[str, Any] = _plain(view)
    return data


def to_json(view: RoadmapView) -> str:
    """The view as stable JSON text (same view, same bytes), ending in a newline."""
    return json.dumps(as_dict(view), indent=2, ensure_ascii=False, sort_keys=False) + "\n"
