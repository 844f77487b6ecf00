"""Read one catalogue file and turn what is wrong with it into located, one-line problems.

A file is parsed by :mod:`planner.yamlsafe` and validated by a model; each pydantic error
becomes a sentence naming the field, the bad value and what is allowed, at `PATH:LINE:COL`.
Lines are looked up only for files that have problems. The checks across files live in
:mod:`planner.checks`; :mod:`planner.loading` puts the two together.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Protocol, TypeVar

from pydantic import BaseModel, ValidationError

from planner import yamlsafe
from planner.catalogue import did_you_mean
from planner.errors import Problem

LAYERS_FILE = "layers.yaml"
THEMES_FILE = "themes.yaml"
QUESTIONS_FILE = "questions.yaml"
PRIMARY_FILE = "primary-sources.yaml"

M = TypeVar("M", bound=BaseModel)


class HasId(Protocol):
    """An entry of a list in a catalogue file, known by its id."""

    @property
    def id(self) -> str: ...


E = TypeVar("E", bound=HasId)

LONGEST_SUGGESTED = 80
"""A misspelt key longer than this (the longest id) gets no "did you mean" suggestion."""


@dataclass
class SourceFile:
    """One file being loaded: its text and, lazily, its node tree for locating problems."""

    path: Path
    text: str = ""
    problems: list[Problem] = field(default_factory=list)
    _root: Any = None
    _composed: bool = False

    def add(self, loc: Sequence[str | int], message: str, severity: str = "error", key: bool = False) -> None:
        """Record a problem at the value (or key) found at `loc`."""
        if not self._composed:
            self._root, self._composed = yamlsafe.compose(self.text), True
        line, col = yamlsafe.locate(self._root, loc, key=key)
        self.at(line, col, message, severity)

    def release(self) -> None:
        """Drop the node tree made for locating problems (made again if another problem comes).

        A tree is many times the size of its file's values: kept for every file, the trees
        were most of the memory a load of a large catalogue took.
        """
        self._root, self._composed = None, False

    def at(self, line: int, col: int, message: str, severity: str = "error") -> None:
        """Record a problem at a known place."""
        # File names are untrusted too: a name with a line break must not forge a report line.
        self.problems.append(Problem(printable(str(self.path)), line, col, printable(message), severity))


def by_unique_id(src: SourceFile, key: str, entries: Sequence[E], what: str) -> dict[str, E]:
    """`entries` (each with an ``id``) by id; a repeated id is an error at it, and the first wins.

    `key` is the list's YAML key (``layers``, ``questions``, ...), `what` names an entry in the
    message (``layer``, ``question``, ...).
    """
    out: dict[str, E] = {}
    for i, entry in enumerate(entries):
        if entry.id in out:
            src.add([key, i, "id"], f"{key}[{i}].id: duplicate {what} id {entry.id!r}")
            continue
        out[entry.id] = entry
    return out


_CONTROL = re.compile(r"[\x00-\x1f\x7f-\x9f\u2028\u2029]")


def printable(message: str, limit: int = 2000) -> str:
    r"""`message` on one line, with control characters escaped (catalogue text is untrusted).

    A message longer than `limit` is cut: the last guard against a huge value in a report.

    Example:
        >>> printable("a\nb\x1b[31m")
        'a\\nb\\x1b[31m'
    """
    message = _CONTROL.sub(lambda m: repr(m.group())[1:-1], message)
    return message if len(message) <= limit else f"{message[:limit]}… ({len(message)} characters)"


def shown(value: Any, limit: int = 80) -> str:
    """`repr(value)`, shortened when long, so one bad value cannot flood the report.

    Example:
        >>> shown("x" * 200, limit=20)
        "'xxxxxxxxxxxxxxxxx…' (200 characters)"
    """
    text = repr(value)
    if len(text) <= limit:
        return text
    size = f" ({len(value)} characters)" if isinstance(value, str) else ""
    return f"{text[: limit - 2]}…{text[0]}{size}"


def read_yaml(src: SourceFile) -> Any:
    """Read and parse one file; problems go to `src`. Returns None when it cannot be parsed."""
    try:
        with src.path.open("rb") as handle:
            # Read one byte past the limit: enough to refuse a huge file without holding it.
            raw = handle.read(yamlsafe.MAX_BYTES + 1)
        text, notes = yamlsafe.decode(raw)
        src.text = text
        for note in notes:
            src.at(note.line, note.col, note.message, "warning")
        data, duplicates = yamlsafe.load(text)
    except yamlsafe.YamlProblem as exc:
        src.at(exc.line, exc.col, exc.message)
        return None
    except OSError as exc:
        src.at(1, 1, f"cannot read file: {exc.strerror}")
        return None
    for dup in duplicates:
        src.at(dup.line, dup.col, dup.message)
    if data is None:
        src.at(1, 1, "file is empty; expected a mapping of keys")
        return None
    if not isinstance(data, dict):
        kind = {list: "a list", str: "text", int: "a number", bool: "true or false"}.get(
            type(data), "a value"
        )
        src.at(1, 1, f"expected a mapping of keys at the top of the file, found {kind}")
        return None
    return data


def validate(src: SourceFile, model: type[M], data: Any) -> M | None:
    """Validate data against a model; each error becomes a located problem in `src`."""
    try:
        return model.model_validate(data)
    except ValidationError as exc:
        errors = without_echoes(exc.errors(include_url=False))
        errors += masked_errors(model, data, errors)
        misspelt = _misspelt_fields(model, errors)
        for err in errors:
            loc = [p for p in err["loc"] if p != "[key]"]
            if err["type"] == "missing" and tuple(loc) in misspelt:
                continue  # the misspelt key's "did you mean" already names this field
            key = err["type"] == "extra_forbidden" or "[key]" in err["loc"]
            src.add(loc, describe_error(model, err), key=key)
        return None


def without_echoes(errors: list[Any]) -> list[Any]:
    """`errors` without a list's "too short" that only echoes errors in its own items.

    pydantic counts a list's valid items only, so the one layer of a ``layers:`` list with a
    bad field also makes "layers: should have at least 1 item", although the file has one.

    >>> without_echoes([{"type": "too_short", "loc": ("a",)}, {"type": "int_parsing", "loc": ("a", 0)}])
    [{'type': 'int_parsing', 'loc': ('a', 0)}]
    """
    inner = [tuple(e["loc"]) for e in errors]
    return [
        e
        for e in errors
        if e["type"] != "too_short"
        or not any(len(loc) > len(e["loc"]) and loc[: len(e["loc"])] == tuple(e["loc"]) for loc in inner)
    ]


MODEL_LEVEL = frozenset({"value_error", "assertion_error"})
MASK_PASSES = 3


def masked_errors(model: type[BaseModel], data: Any, errors: list[Any]) -> list[Any]:
    """The errors that `errors` hid: the checks of a record across its fields.

    pydantic runs a record's own checks (``due`` and ``milestone`` both given, a ``recurrence``
    on a duty that is not recurring) only once each of its fields is valid, so a record with a
    bad field and a bad combination would show the second problem only after the first is
    fixed. This validates again without the bad values and keeps the new record-level errors,
    except those that name a removed field (that field was not missing, only wrong).
    """
    import copy

    seen = {(tuple(e["loc"]), e["msg"]) for e in errors}
    found: list[Any] = []
    current, pending = copy.deepcopy(data), errors
    for _ in range(MASK_PASSES):
        removed = [r for e in pending if e["type"] != "missing" for r in [_remove(current, e["loc"])] if r]
        if not removed:
            break
        try:
            model.model_validate(current)
            break
        except ValidationError as exc:
            pending = exc.errors(include_url=False)
        new = [
            e
            for e in pending
            if e["type"] in MODEL_LEVEL
            and (tuple(e["loc"]), e["msg"]) not in seen
            and not any(_speaks_of_removed(e, (*parent, key)) for parent, key in removed)
        ]
        seen.update((tuple(e["loc"]), e["msg"]) for e in new)
        found += new
    return found


def _speaks_of_removed(error: Any, removed: tuple[Any, ...]) -> bool:
    """Whether a record's error names the field of it that held a removed value.

    Such an error may only follow from the removal (``roles`` emptied of its one bad entry).
    """
    record = tuple(error["loc"])
    if removed[: len(record)] != record or len(removed) <= len(record):
        return False
    field = str(removed[len(record)])
    return re.search(rf"\b{re.escape(field)}\b", error["msg"]) is not None


def _remove(data: Any, loc: Sequence[Any]) -> tuple[tuple[Any, ...], Any] | None:
    """Delete the deepest mapping entry on the way to `loc`; return (its mapping's loc, key)."""
    path = [p for p in loc if p != "[key]"]
    node: Any = data
    last: tuple[tuple[Any, ...], Any, dict[Any, Any]] | None = None
    walked: list[Any] = []
    for part in path:
        if isinstance(node, dict) and part in node:
            last = (tuple(walked), part, node)
            node = node[part]
        elif isinstance(node, list) and isinstance(part, int) and 0 <= part < len(node):
            node = node[part]
        else:
            break
        walked.append(part)
    if last is None or (len(walked) == len(path) and path and isinstance(path[-1], int)):
        return None  # a whole list item (a record's own check): keep it, the indices must hold
    parent, key, mapping = last
    del mapping[key]
    return parent, key


def _misspelt_fields(model: type[BaseModel], errors: list[Any]) -> set[tuple[Any, ...]]:
    """Locations of fields an unknown key looks like a typo of (`knid` for `kind`)."""
    import difflib

    found: set[tuple[Any, ...]] = set()
    for err in errors:
        if err["type"] == "extra_forbidden":
            parent = [p for p in err["loc"][:-1] if p != "[key]"]
            close = difflib.get_close_matches(str(err["loc"][-1]), _allowed_keys(model, parent), n=1)
            found.update(tuple([*parent, name]) for name in close)
    return found


def field_path(loc: Sequence[Any]) -> str:
    """`obligations[3].due` from a pydantic location.

    Example:
        >>> field_path(("obligations", 3, "due"))
        'obligations[3].due'
    """
    out = ""
    for part in loc:
        if isinstance(part, int):
            out += f"[{part}]"
        elif not _NAME.match(str(part)):
            out += f"[{shown(part, 40)}]"  # a key with spaces, dots or control characters
        else:
            out += f".{part}" if out else str(part)
    return out or "(top level)"


_NAME = re.compile(r"^[A-Za-z0-9_-]+$")


def _allowed_keys(model: type[BaseModel], loc: Sequence[Any]) -> list[str]:
    """The keys allowed in the mapping at `loc` inside `model` (for 'unknown key' hints)."""
    import typing

    current: Any = model
    for part in loc:
        if isinstance(part, int):
            continue
        if not (isinstance(current, type) and issubclass(current, BaseModel)):
            return []
        info = current.model_fields.get(part)
        if info is None:
            return []
        current = info.annotation
        # unwrap Optional[...], tuple[...], dict[..., X] and Annotated until a model appears
        for _ in range(4):
            args = [a for a in typing.get_args(current) if a is not type(None) and a is not Ellipsis]
            if (isinstance(current, type) and issubclass(current, BaseModel)) or not args:
                break
            current = args[-1]
    if isinstance(current, type) and issubclass(current, BaseModel):
        return list(current.model_fields)
    return []


def describe_error(model: type[BaseModel], err: Any) -> str:
    """One sentence naming the field, the bad value and what is allowed."""
    loc = [p for p in err["loc"] if p != "[key]"]
    where = field_path(loc)
    value = err.get("input")
    kind = err["type"]
    ctx = err.get("ctx") or {}
    if kind == "missing":
        return f"{where}: required field is missing"
    if kind == "extra_forbidden":
        allowed = _allowed_keys(model, loc[:-1])
        hint = did_you_mean(str(loc[-1]), allowed) if len(str(loc[-1])) <= LONGEST_SUGGESTED else ""
        listed = f"; allowed: {', '.join(allowed)}" if allowed else ""
        if len(loc) > 1 and loc[-2] == "amend":  # a scenario's amendment of an obligation
            return f"{where}: a scenario cannot amend {shown(loc[-1])}{hint}{listed}"
        return f"{where}: unknown key {shown(loc[-1])}{hint}{listed}"
    if kind == "enum":
        return f"{where}: {shown(value)} is not allowed; expected one of: {ctx.get('expected', '')}"
    if kind in ("string_too_long", "too_long") and isinstance(value, str):
        return (
            f"{where}: text of {len(value)} characters is too long; at most {ctx.get('max_length')} allowed"
        )
    if kind == "string_pattern_mismatch":
        if ctx.get("pattern", "").count(r"\.") == 1:
            what = "an obligation id ACT-ID.NAME in lower-case kebab-case, e.g. 'ai-act.fria'"
        elif "[A-Z]" in ctx.get("pattern", ""):
            what = "a CELEX number such as '32024R1689'"
        else:
            what = "an id of lower-case letters, digits and single hyphens, e.g. 'ai-act'"
        return f"{where}: {shown(value)} is not {what}"
    msg = str(err.get("msg", "invalid value"))
    for prefix in ("Value error, ", "Assertion failed, "):
        msg = msg.removeprefix(prefix)
    got = shown(value) if not isinstance(value, dict | list) else type(value).__name__
    if kind in ("value_error", "assertion_error") and not loc:
        return msg
    return f"{where}: {msg} (got {got})" if kind != "value_error" else f"{where}: {msg}"
