"""Field by field: where two dumped catalogue entries differ, and each difference in words.

Entries are compared as their JSON dumps. Lists of keyed entries (milestones, relations) are
matched by id, lists of plain ids (articles, themes, sources) compare as sets, and a source
of a file is compared as a whole, so one report line says what happened to it.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from pydantic import BaseModel

LONG_TEXT = 80
"""Text longer than this (or on several lines) is reported as changed, not quoted."""

_SOURCE = re.compile(r"sources\.[^.\[]+")
_SINGULAR = {
    "milestones": "milestone",
    "amendments": "amendment",
    "scenarios": "scenario",
    "changes": "change",
    "needs_facility": "needs facility",
}


def dump(model: BaseModel, *drop: str) -> dict[str, Any]:
    """A model as JSON-ready data without empty fields and without the fields in `drop`."""
    data = model.model_dump(mode="json", exclude_none=True)
    return {k: v for k, v in data.items() if k not in drop}


def dump_sources(sources: dict[str, Any] | None) -> dict[str, Any]:
    """A file's sources by key as JSON-ready data (none: an empty dict)."""
    return {k: v.model_dump(mode="json", exclude_none=True) for k, v in (sources or {}).items()}


def differences(path: str, old: Any, new: Any) -> list[tuple[str, Any, Any]]:
    """The (path, old, new) leaves where two dumps differ, in path order.

    Example:
        >>> differences("", {"effort": 2.0, "themes": ["a", "b"]}, {"effort": 3.0, "themes": ["b", "a"]})
        [('effort', 2.0, 3.0)]
    """
    out: list[tuple[str, Any, Any]] = []
    _walk(path, old, new, out)
    return out


def _walk(path: str, old: Any, new: Any, out: list[tuple[str, Any, Any]]) -> None:
    """Collect (path, old, new) leaves that differ; lists of ids compare as sets."""
    if old == new:
        return
    if (isinstance(old, list) and new is None) or (isinstance(new, list) and old is None):
        old, new = old or [], new or []  # a list that appears or goes: compare its elements
    elif path == "sources" and (old is None or new is None):
        old, new = old or {}, new or {}
    is_source = _SOURCE.fullmatch(path) is not None
    if isinstance(old, dict) and isinstance(new, dict) and not is_source:
        for key in sorted(old.keys() | new.keys()):
            _walk(f"{path}.{key}" if path else key, old.get(key), new.get(key), out)
    elif isinstance(old, list) and isinstance(new, list) and _keyed(old) and _keyed(new):
        before, after = ({_id(x): x for x in side} for side in (old, new))
        for key in sorted(before.keys() | after.keys()):
            _walk(f"{path}[{key}]", before.get(key), after.get(key), out)
    elif _scalars(old) and _scalars(new):
        if set(old or ()) != set(new or ()):  # the order of articles, themes or sources means nothing
            out.append((path, old, new))
    else:
        out.append((path, old, new))


def _id(item: dict[str, Any]) -> str:
    return str(item.get("id", item.get("to")))


def _keyed(items: list[Any]) -> bool:
    ids = [_id(x) for x in items if isinstance(x, dict) and ("id" in x or "to" in x)]
    return len(ids) == len(items) and len(set(ids)) == len(ids)


def _scalars(value: Any) -> bool:
    return value is None or (isinstance(value, list) and all(isinstance(x, str) for x in value))


def _show(value: Any) -> str:
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    if isinstance(value, str) and not re.fullmatch(r"[\w.:/-]+", value):
        return repr(value)
    return str(value)


def _is_long(value: Any) -> bool:
    return isinstance(value, dict | list) or (
        isinstance(value, str) and (len(value) > LONG_TEXT or "\n" in value)
    )


def _where(path: str) -> str:
    """`milestones[application].applies.en` -> `milestone application applies (en)`."""
    words: list[str] = []
    for name, key in re.findall(r"([^.\[\]]+)(?:\[([^\]]+)\])?", path):
        if key:
            words.append(f"{_SINGULAR.get(name, name)} {key}")
        elif name in ("en", "nl") and words:
            words[-1] += f" ({name})"
        elif words and words[-1] == "sources":
            words[-1] = f"source {name}"
        else:
            words.append(name.replace("_", " "))
    return " ".join(words)


def describe(path: str, old: Any, new: Any) -> str:
    """One field change in words.

    Example:
        >>> describe("roles.gemeenten", None, "addressee")
        'roles: gemeenten added as addressee'
        >>> describe("sources", ["oj"], ["consolidated"])
        'sources: oj replaced by consolidated'
        >>> describe("effort", 2.0, 3.0)
        'effort changed from 2 to 3'
    """
    where = _where(path)
    if path.startswith("roles."):
        layer = path.split(".", 1)[1]
        if old is None:
            return f"roles: {layer} added as {new}"
        if new is None:
            return f"roles: {layer} removed (was {old})"
        return f"roles: {layer} changed from {old} to {new}"
    if _SOURCE.fullmatch(path) and old and new:
        if (old.get("url"), old.get("title")) != (new.get("url"), new.get("title")):
            return f"{where} replaced: now {_show(new.get('title'))} ({new.get('url') or 'no url'})"
        return f"{where}: accessed changed from {old.get('accessed')} to {new.get('accessed')}"
    if _scalars(old) and _scalars(new) and (isinstance(old, list) or isinstance(new, list)):
        gone = sorted(set(old or ()) - set(new or ()))
        came = sorted(set(new or ()) - set(old or ()))
        if gone and came:
            return f"{where}: {', '.join(gone)} replaced by {', '.join(came)}"
        return f"{where}: {', '.join(came)} added" if came else f"{where}: {', '.join(gone)} removed"
    if old is None or new is None:
        value = new if old is None else old
        dated = f" ({value['date']})" if isinstance(value, dict) and "date" in value else ""
        if _is_long(value):
            return f"{where} {'added' if old is None else 'removed'}{dated}"
        return f"{where} set to {_show(new)}" if old is None else f"{where} removed (was {_show(old)})"
    if _is_long(old) or _is_long(new):
        return f"{where} changed"
    return f"{where} changed from {_show(old)} to {_show(new)}"
