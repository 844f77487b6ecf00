"""Canonical formatting of catalogue YAML: stable key order, indentation and header, comments kept.

The formatter works on ruamel.yaml's round-trip tree, so comments, flow mappings written as
``{en: ..., nl: ...}`` and folded texts survive; only the layout around them becomes canonical.
ruamel is used here alone, never on the load path: every file is first read by
:mod:`planner.yamlsafe` (so a broken file gets the same error line as in ``planner check``),
and the result is read back the same way and must hold exactly the same data.
"""

from __future__ import annotations

import io
import itertools
import re
import typing
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from pydantic import BaseModel

from planner import yamlsafe
from planner.errors import DataError, Problem, UsageError
from planner.loading import LAYERS_FILE, THEMES_FILE, SourceFile, read_yaml
from planner.models import Act, LayersFile, Overlap, ThemesFile

SCHEMA_LINE = "# yaml-language-server: $schema=../schema/catalog.schema.json"
"""The first line of every catalogue file: editors validate it against the committed schema."""


def _moved(model: type[BaseModel], name: str, after: str) -> tuple[str, ...]:
    fields = [f for f in model.model_fields if f != name]
    at = fields.index(after) + 1
    return (*fields[:at], name, *fields[at:])


# Where the house style (docs/catalogue.md and every act file) differs from the order the models
# happen to declare their fields in: `degree` is inherited last, `note` is declared last.
_ORDER: dict[type[BaseModel], tuple[str, ...]] = {
    Overlap: _moved(Overlap, "degree", after="to"),
    Act: _moved(Act, "note", after="transposes"),
}
_HEADER_PREFIX = "# yaml-language-server:"
_WIDTH = 1_000_000  # never re-wrap long strings

# The same implicit types as planner.yamlsafe: only these plain scalars are not text, so every
# other plain scalar (NO, 5.10, 12:30, 2025-02-30) is written back exactly as it was read.
_IMPLICIT = (
    ("tag:yaml.org,2002:bool", r"^(?:true|false)$", "tf"),
    ("tag:yaml.org,2002:null", r"^(?:~|null|)$", ["~", "n", ""]),
    ("tag:yaml.org,2002:int", r"^-?(?:0|[1-9][0-9]*)$", "-0123456789"),
)


@dataclass(frozen=True)
class Formatted:
    """One file and its canonical text."""

    path: Path
    before: bytes
    text: str

    @property
    def changed(self) -> bool:
        """Whether formatting changes the file's bytes."""
        return self.before != self.text.encode("utf-8")


def model_for(path: Path) -> type[BaseModel]:
    """The model whose field order a file follows: layers.yaml, themes.yaml, else an act."""
    models: dict[str, type[BaseModel]] = {LAYERS_FILE: LayersFile, THEMES_FILE: ThemesFile}
    return models.get(path.name, Act)


def catalogue_files(root: Path) -> list[Path]:
    """Every `*.yaml` file directly in the catalogue folder, sorted."""
    return sorted(p for p in root.iterdir() if p.suffix == ".yaml" and p.is_file())


def expand(paths: Iterable[Path]) -> list[Path]:
    """Files as given, folders replaced by their `*.yaml` files.

    Raises:
        UsageError: a path does not exist.
    """
    out: list[Path] = []
    for path in paths:
        if path.is_dir():
            out.extend(catalogue_files(path))
        elif path.is_file():
            out.append(path)
        else:
            raise UsageError(f"FILES: {str(path)!r} does not exist")
    return out


def format_files(paths: Sequence[Path]) -> list[Formatted]:
    """Format every file in memory; nothing is written.

    Raises:
        DataError: one or more files do not parse (every problem, in the contract format).
    """
    results: list[Formatted] = []
    problems: list[Problem] = []
    for path in paths:
        src = SourceFile(path)
        data = read_yaml(src)
        errors = [p for p in src.problems if p.is_error]
        if data is None or errors:
            problems.extend(errors)
            continue
        try:
            text = format_text(src.text, model_for(path))
        except _Unformattable as exc:
            problems.append(Problem(str(path), exc.line, exc.col, exc.message))
            continue
        results.append(Formatted(path, path.read_bytes(), text))
    if problems:
        raise DataError(problems)
    return results


class _Unformattable(yamlsafe.YamlProblem):
    """ruamel cannot round-trip a file the strict loader accepted (or would change its data)."""


def format_text(text: str, model: type[BaseModel] = Act) -> str:
    """The canonical form of one catalogue file's text.

    Args:
        text: the file's text; it must be valid YAML with a mapping at the top.
        model: the model whose field order the keys follow (nested models too).

    Returns:
        The text with keys in model order, 2-space indentation with `- ` items indented under
        their key, the `yaml-language-server` first line, no trailing spaces and one final newline.

    Example:
        >>> print(format_text("kind: directive\\nid: x  # the id\\n"), end="")
        # yaml-language-server: $schema=../schema/catalog.schema.json
        id: x  # the id
        kind: directive
    """
    from ruamel.yaml.error import MarkedYAMLError, YAMLError

    header, body = _split_header(text)
    yaml = _yaml()
    try:
        tree = yaml.load(body)
        _reorder(tree, model)
        out = io.StringIO()
        yaml.dump(tree, out)
    except MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        offset = 1 if text.startswith(_HEADER_PREFIX) else 0
        line, col = (mark.line + 1 + offset, mark.column + 1) if mark else (1, 1)
        raise _Unformattable(line, col, f"cannot format: {exc.problem or exc.context}") from None
    except YAMLError as exc:
        raise _Unformattable(1, 1, f"cannot format: {str(exc).splitlines()[0]}") from None
    lines = [line.rstrip() for line in out.getvalue().splitlines()]
    result = "\n".join([header, *lines]).rstrip("\n") + "\n"
    try:
        same = yamlsafe.load(result)[0] == yamlsafe.load(text)[0]
    except yamlsafe.YamlProblem:
        same = False
    if not same:  # a safety net: the formatter must never change what a file says
        raise _Unformattable(
            1, 1, "cannot format: the result would not hold the same data; file left as it is"
        )
    return result


def _split_header(text: str) -> tuple[str, str]:
    """The `yaml-language-server` line (the file's own, or the default) and the rest."""
    first, _, rest = text.partition("\n")
    if first.startswith(_HEADER_PREFIX):
        return first.rstrip(), rest
    return SCHEMA_LINE, text


def _yaml() -> Any:
    from ruamel.yaml import YAML
    from ruamel.yaml.representer import RoundTripRepresenter
    from ruamel.yaml.resolver import VersionedResolver

    table: dict[str | None, list[tuple[str, re.Pattern[str]]]] = {}
    for tag, pattern, firsts in _IMPLICIT:
        for ch in firsts:
            table.setdefault(ch, []).append((tag, re.compile(pattern)))

    class Resolver(VersionedResolver):
        @property
        def versioned_resolver(self) -> Any:
            return {key: list(rules) for key, rules in table.items()}

    class Representer(RoundTripRepresenter):
        def represent_none(self, data: Any) -> Any:
            return self.represent_scalar("tag:yaml.org,2002:null", "null")

    Representer.add_representer(type(None), Representer.represent_none)
    yaml = YAML(typ="rt")
    yaml.Resolver = Resolver
    yaml.Representer = Representer
    yaml.indent(mapping=2, sequence=4, offset=2)
    yaml.width = _WIDTH
    yaml.preserve_quotes = True
    return yaml


def _reorder(node: Any, model: Any) -> None:
    """Put the keys of `node` in `model`'s field order (unknown keys last, as written); recurse."""
    from ruamel.yaml.comments import CommentedMap, CommentedSeq

    if not (isinstance(node, CommentedMap) and isinstance(model, type) and issubclass(model, BaseModel)):
        return
    fields = model.model_fields
    for key in node:
        if key not in fields:
            continue
        inner, container = _inner(fields[key].annotation)
        value = node[key]
        if container == "seq" and isinstance(value, CommentedSeq):
            for item in value:
                _reorder(item, inner)
        elif container == "map" and isinstance(value, CommentedMap):
            for item in value.values():
                _reorder(item, inner)
        else:
            _reorder(value, inner)
    keys = list(node)
    order = _ORDER.get(model, tuple(fields))
    wanted = [k for k in order if k in node] + [k for k in keys if k not in fields]
    if wanted != keys:
        _move_keys(node, keys, wanted)


# ruamel keeps the blank lines and comments that follow a value in the same token as that value's
# end-of-line comment. Those lines introduce the next key (or close the mapping), so when keys move
# they are detached and re-attached to whatever value now precedes that key.
_Leaf = tuple[Any, Any, int, list[Any]]


def _move_keys(node: Any, keys: list[Any], wanted: list[Any]) -> None:
    tails = [_take_tail(_leaf(node, key)) for key in keys]
    before = dict(zip(keys[1:], tails, strict=False))
    after: dict[Any, str] = {key: "" for key in wanted}
    after[wanted[0]] = before.get(wanted[0], "")  # nothing can precede the first key: keep it close
    for previous, key in itertools.pairwise(wanted):
        after[previous] += before.get(key, "")
    after[wanted[-1]] += tails[-1]
    for key in wanted:
        node.move_to_end(key)
    for key, text in after.items():
        if text:
            _give_tail(_leaf(node, key), text)


def _leaf(node: Any, key: Any) -> _Leaf:
    """Where ruamel keeps the lines after `node[key]`: (holder, key, slot, blocks passed on the way)."""
    from ruamel.yaml.comments import CommentedMap, CommentedSeq

    chain: list[Any] = []
    while True:
        value = node[key]
        if not (isinstance(value, CommentedMap | CommentedSeq) and value and not value.fa.flow_style()):
            return node, key, 2 if isinstance(node, CommentedMap) else 0, chain
        chain.append(value)
        node, key = value, (next(reversed(value)) if isinstance(value, CommentedMap) else len(value) - 1)


def _take_tail(leaf: _Leaf) -> str:
    """Detach the lines after a value's own line (its end-of-line comment stays)."""
    holder, key, slot, chain = leaf
    tail = ""
    entry = holder.ca.items.get(key)
    token = entry[slot] if entry else None
    if token is not None:
        head, _, tail = token.value.partition("\n")
        if tail:
            if head:
                token.value = head + "\n"
            else:
                entry[slot] = None
    for collection in reversed(chain):  # after a flow value ruamel may keep them at a block's end
        ends = getattr(collection.ca, "end", None) or []
        tail += "".join(" " * t.column + t.value if t.value.strip() else t.value for t in ends)
        if ends:
            collection.ca.end = []
    return str(tail)


def _give_tail(leaf: _Leaf, tail: str) -> None:
    from ruamel.yaml.error import CommentMark
    from ruamel.yaml.tokens import CommentToken

    holder, key, slot, _ = leaf
    entry = holder.ca.items.setdefault(key, [None, None, None, None])
    if entry[slot] is None:
        entry[slot] = CommentToken("\n" + tail, CommentMark(0), None)
    else:
        entry[slot].value += tail


def _inner(annotation: Any) -> tuple[Any, str]:
    """The model inside an annotation and how it is held: ('seq'|'map'|'one').

    Example:
        >>> from planner.models import Milestone, Source
        >>> _inner(tuple[Milestone, ...])[0].__name__, _inner(dict[str, Source])[1]
        ('Milestone', 'map')
    """
    container = "one"
    current = annotation
    for _ in range(6):
        origin = typing.get_origin(current)
        args = [a for a in typing.get_args(current) if a is not type(None) and a is not Ellipsis]
        if origin is tuple or origin is list:
            container = "seq"
        elif origin is dict:
            container = "map"
        if not args or (isinstance(current, type) and issubclass(current, BaseModel)):
            break
        current = args[-1] if origin is dict else args[0]
    return current, container
