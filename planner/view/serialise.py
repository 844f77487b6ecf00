"""The JSON contract of a roadmap: the view's serialisation, driven by its field declarations."""

from __future__ import annotations

import datetime as dt
import functools
import json
import math
from collections.abc import Callable
from dataclasses import fields, is_dataclass
from json.encoder import encode_basestring
from typing import Any

from planner.view.model import JSON_ENCODE, JSON_KEY, RoadmapView

_Field = tuple[str, str, Callable[[Any], Any] | None]
"""(attribute, JSON key, encoder or None) of one serialised field."""


@functools.cache
def _fields_of(cls: type) -> tuple[_Field, ...]:
    """The serialised fields of a record class, in declaration order (view-only ones left out)."""
    out: list[_Field] = []
    for f in fields(cls):
        key = f.metadata.get(JSON_KEY, f.name)
        if key is not None:
            out.append((f.name, key, f.metadata.get(JSON_ENCODE)))
    return tuple(out)


def _plain(value: Any) -> Any:
    """A view value as JSON data: records become objects, tuples lists, dates ISO strings."""
    if is_dataclass(value) and not isinstance(value, type):
        out: dict[str, Any] = {}
        for name, key, encode in _fields_of(type(value)):
            raw = getattr(value, name)
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
    """The view as stable JSON text (same view, same bytes), ending in a newline.

    The text is ``json.dumps(as_dict(view), indent=2, ensure_ascii=False)`` plus a newline,
    written in one pass over the view (:func:`dumps`): the standard library's encoder runs in
    Python when it indents, and was most of the time of the largest download.
    """
    return dumps(view) + "\n"


def dumps(value: Any) -> str:
    """``json.dumps(_plain(value), indent=2, ensure_ascii=False)``, without the plain copy.

    >>> import json
    >>> data = {"a": [1, 2.5, None, True], "b": {}, "c": [], "d": "é\\"\\n", "e": [{"f": -0.0}]}
    >>> dumps(data) == json.dumps(data, indent=2, ensure_ascii=False)
    True
    """
    out = _Parts()
    _write(value, out, "\n")
    return "".join([*out.chunks, "".join(out)])


class _Parts(list[str]):
    """The pieces of JSON text written so far, joined into `chunks` every :data:`FLUSH` pieces.

    Each piece is a small string object (~50 bytes of overhead for a few characters): held all
    together until the end, the pieces of the whole-government roadmap took 25 MiB at 10x for
    4.8 MB of text, the largest allocation of a build. Joined as they come, they take about the
    text's own size."""

    __slots__ = ("chunks",)

    def __init__(self) -> None:
        super().__init__()
        self.chunks: list[str] = []


FLUSH = 8192
"""How many pieces :class:`_Parts` holds before it joins them into one chunk."""


def _write(value: Any, out: _Parts, newline: str) -> None:
    """Append `value`'s JSON to `out`; `newline` is a line break and the current indentation."""
    if isinstance(value, str):
        out.append(encode_basestring(value))
    elif value is None:
        out.append("null")
    elif value is True:
        out.append("true")
    elif value is False:
        out.append("false")
    elif isinstance(value, int | float) and not is_dataclass(value):
        out.append(_number(value))
    elif is_dataclass(value) and not isinstance(value, type):
        pairs = []
        for name, key, encode in _fields_of(type(value)):
            raw = getattr(value, name)
            pairs.append((key, encode(raw) if encode else raw))
        _write_object(pairs, out, newline)
    elif isinstance(value, tuple | list):
        if not value:
            out.append("[]")
            return
        inner = newline + "  "
        out.append("[")
        for index, item in enumerate(value):
            out.append(inner if index == 0 else "," + inner)
            _write(item, out, inner)
            if len(out) > FLUSH:
                out.chunks.append("".join(out))
                out.clear()
        out.append(newline + "]")
    elif isinstance(value, dict):
        _write_object(list(value.items()), out, newline)
    elif isinstance(value, dt.date):
        out.append(encode_basestring(value.isoformat()))
    else:
        out.append(json.dumps(value, indent=2, ensure_ascii=False))  # raises TypeError as dumps does


def _write_object(pairs: list[tuple[Any, Any]], out: _Parts, newline: str) -> None:
    if not pairs:
        out.append("{}")
        return
    inner = newline + "  "
    out.append("{")
    for index, (key, item) in enumerate(pairs):
        out.append(inner if index == 0 else "," + inner)
        out.append(encode_basestring(key if isinstance(key, str) else _key(key)))
        out.append(": ")
        _write(item, out, inner)
    out.append(newline + "}")


def _number(value: int | float) -> str:
    """A number as ``json`` writes it (``NaN`` and ``Infinity`` included)."""
    if isinstance(value, int):
        return int.__repr__(value)
    if math.isnan(value):
        return "NaN"
    if math.isinf(value):
        return "Infinity" if value > 0 else "-Infinity"
    return float.__repr__(value)


def _key(key: Any) -> str:
    """A non-string object key as ``json`` writes it."""
    if key is True or key is False or key is None:
        return {True: "true", False: "false", None: "null"}[key]
    if isinstance(key, int | float):
        return _number(key)
    raise TypeError(f"keys must be str, int, float, bool or None, not {type(key).__name__}")
