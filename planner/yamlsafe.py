"""Strict, safe YAML reading for hand-edited catalogue files.

PyYAML's C loader does the parsing; a strict resolver and constructor on top make sure that

* no tag can construct a Python object, and anchors/aliases are refused (no "billion laughs");
* duplicate keys are an error naming both lines;
* YAML 1.1 traps keep their text: only ``true``/``false`` are booleans, only ``null``/``~``
  is null, only plain decimal integers are numbers; ``NO``, ``on``, ``5.10``, ``12:30`` and
  dates stay strings (the models parse dates and decimals themselves, with clear errors).

Locations are found lazily: :func:`locate` re-composes a file only when a problem in it must be
reported, so a valid catalogue pays nothing for line numbers.
"""

from __future__ import annotations

import re
import warnings
from collections.abc import Sequence
from typing import Any, ClassVar

import yaml
from yaml.constructor import ConstructorError, SafeConstructor
from yaml.nodes import MappingNode, Node, ScalarNode, SequenceNode
from yaml.resolver import BaseResolver

try:
    from yaml._yaml import CParser as _Parser

    HAVE_LIBYAML = True
except ImportError:  # pragma: no cover - depends on how PyYAML was built
    from yaml.composer import Composer
    from yaml.parser import Parser
    from yaml.reader import Reader
    from yaml.scanner import Scanner

    class _Parser(Reader, Scanner, Parser, Composer):  # type: ignore[no-redef]
        def __init__(self, stream: str) -> None:
            Reader.__init__(self, stream)
            Scanner.__init__(self)
            Parser.__init__(self)
            Composer.__init__(self)

    HAVE_LIBYAML = False
    warnings.warn("LibYAML is missing: using PyYAML's slower pure-Python parser", stacklevel=1)

MAX_BYTES = 5 * 1024 * 1024
MAX_DEPTH = 64


class YamlProblem(Exception):
    """A problem in a YAML file at a known place (1-based line and column)."""

    def __init__(self, line: int, col: int, message: str) -> None:
        super().__init__(message)
        self.line = line
        self.col = col
        self.message = message


class StrictResolver(BaseResolver):
    """Resolves plain scalars by a small, unsurprising set of rules (see module doc)."""

    yaml_implicit_resolvers: ClassVar[dict[str | None, list[tuple[str, re.Pattern[str]]]]] = {}  # type: ignore[misc]


StrictResolver.add_implicit_resolver("tag:yaml.org,2002:bool", re.compile(r"^(?:true|false)$"), list("tf"))
StrictResolver.add_implicit_resolver("tag:yaml.org,2002:null", re.compile(r"^(?:~|null|)$"), ["~", "n", ""])
StrictResolver.add_implicit_resolver(
    "tag:yaml.org,2002:int", re.compile(r"^-?(?:0|[1-9][0-9]*)$"), list("-0123456789")
)


class StrictConstructor(SafeConstructor):
    """SafeConstructor that refuses aliases and reports duplicate keys."""

    def __init__(self) -> None:
        super().__init__()
        self.duplicates: list[YamlProblem] = []

    def construct_object(self, node: Node, deep: bool = False) -> Any:
        if node in self.constructed_objects:
            mark = node.start_mark
            raise YamlProblem(
                mark.line + 1,
                mark.column + 1,
                "anchors and aliases are not allowed in catalogue files "
                "(the value anchored here is reused by an alias); write the value out",
            )
        return super().construct_object(node, deep=deep)

    def construct_mapping(self, node: Node, deep: bool = False) -> dict[Any, Any]:
        if not isinstance(node, MappingNode):
            raise ConstructorError(None, None, "expected a mapping", node.start_mark)
        seen: dict[Any, Node] = {}
        mapping: dict[Any, Any] = {}
        for key_node, value_node in node.value:
            key = self.construct_object(key_node, deep=deep)
            if not isinstance(key, str | int | bool) and key is not None:
                mark = key_node.start_mark
                raise YamlProblem(mark.line + 1, mark.column + 1, "a key must be plain text")
            if key in seen:
                first = seen[key].start_mark.line + 1
                mark = key_node.start_mark
                self.duplicates.append(
                    YamlProblem(
                        mark.line + 1,
                        mark.column + 1,
                        f"duplicate key {key!r} (first defined on line {first})",
                    )
                )
                continue
            seen[key] = key_node
            mapping[key] = self.construct_object(value_node, deep=deep)
        return mapping


StrictConstructor.add_constructor(  # type: ignore[type-var]
    "tag:yaml.org,2002:map", StrictConstructor.construct_yaml_map
)


class StrictLoader(_Parser, StrictConstructor, StrictResolver):
    """The loader used for every catalogue file."""

    def __init__(self, stream: str) -> None:
        _Parser.__init__(self, stream)
        StrictConstructor.__init__(self)
        StrictResolver.__init__(self)


class _ComposeLoader(_Parser, StrictResolver):
    def __init__(self, stream: str) -> None:
        _Parser.__init__(self, stream)
        StrictResolver.__init__(self)


def decode(data: bytes) -> tuple[str, list[YamlProblem]]:
    """Decode file bytes as UTF-8, with a warning for a byte-order mark.

    Raises:
        YamlProblem: the bytes are not UTF-8 or the file is too large.
    """
    if len(data) > MAX_BYTES:
        raise YamlProblem(1, 1, f"file is larger than {MAX_BYTES // (1024 * 1024)} MiB")
    notes: list[YamlProblem] = []
    if data.startswith(b"\xef\xbb\xbf"):
        data = data[3:]
        notes.append(YamlProblem(1, 1, "file starts with a byte-order mark; save it as UTF-8 without BOM"))
    try:
        return data.decode("utf-8"), notes
    except UnicodeDecodeError as exc:
        line = data[: exc.start].count(b"\n") + 1
        col = exc.start - (data.rfind(b"\n", 0, exc.start) + 1) + 1
        raise YamlProblem(
            line, col, f"byte 0x{data[exc.start]:02x} is not valid UTF-8; save the file as UTF-8"
        ) from None


def _check_depth(text: str) -> None:
    # libyaml composes recursively in C; refuse absurd flow nesting before it gets there.
    if text.count("[") + text.count("{") < MAX_DEPTH:
        return
    depth = 0
    line = 1
    for ch in text:
        if ch in "[{":
            depth += 1
            if depth > MAX_DEPTH:
                raise YamlProblem(line, 1, f"nesting deeper than {MAX_DEPTH} levels")
        elif ch in "]}":
            depth = max(0, depth - 1)
        elif ch == "\n":
            line += 1


def _marked(exc: yaml.MarkedYAMLError, text: str) -> YamlProblem:
    mark = exc.problem_mark or exc.context_mark
    problem = exc.problem or exc.context or "invalid YAML"
    if mark is not None and 0 <= mark.index < len(text) and text[mark.index] == "\t":
        problem = "a tab character cannot be used here; indent with spaces"
    elif "could not determine a constructor" in problem:
        tag = problem.split("tag ")[-1].strip("'")
        problem = f"tags are not allowed in catalogue files (found {tag})"
    elif exc.context and exc.problem:
        problem = f"{exc.problem} ({exc.context})"
    line, col = (mark.line + 1, mark.column + 1) if mark else (1, 1)
    return YamlProblem(line, col, problem.replace("\t", "\\t"))


def load(text: str) -> tuple[Any, list[YamlProblem]]:
    """Parse one YAML document strictly.

    Returns:
        The data and the non-fatal problems found (duplicate keys).

    Raises:
        YamlProblem: the text is not a single valid, safe YAML document.

    Example:
        >>> load("a: NO\\nb: 5.10\\nc: 12:30\\nd: 7\\n")[0]
        {'a': 'NO', 'b': '5.10', 'c': '12:30', 'd': 7}
    """
    _check_depth(text)
    loader = StrictLoader(text)
    try:
        data = loader.get_single_data()
    except yaml.MarkedYAMLError as exc:
        raise _marked(exc, text) from None
    except yaml.YAMLError as exc:
        raise YamlProblem(1, 1, str(exc).splitlines()[0]) from None
    except RecursionError:
        raise YamlProblem(1, 1, f"nesting deeper than {MAX_DEPTH} levels") from None
    finally:
        loader.dispose()
    return data, loader.duplicates


def compose(text: str) -> Node | None:
    """The node tree of `text` (with marks), or None when it does not parse."""
    try:
        return yaml.compose(text, Loader=_ComposeLoader)  # type: ignore[arg-type]
    except yaml.YAMLError:
        return None


def locate(root: Node | str | None, loc: Sequence[str | int], key: bool = False) -> tuple[int, int]:
    """The 1-based line and column of the value at `loc` (or of its key with `key=True`).

    `root` is a document's text or its composed node tree (see :func:`compose`). Walks as far
    down `loc` as the document goes, so a missing field points at the mapping that should hold it.

    Example:
        >>> locate("a:\\n  - x: 1\\n    y: 2\\n", ["a", 0, "y"])
        (3, 8)
        >>> locate("a:\\n  - x: 1\\n", ["a", 0, "missing"])
        (2, 5)
    """
    node = compose(root) if isinstance(root, str) else root
    if node is None:
        return (1, 1)
    mark = node.start_mark
    for part in loc:
        child: Node | None = None
        key_mark = None
        if isinstance(node, MappingNode):
            for k, v in node.value:
                if isinstance(k, ScalarNode) and k.value == str(part):
                    child, key_mark = v, k.start_mark
                    break
        elif isinstance(node, SequenceNode) and isinstance(part, int) and 0 <= part < len(node.value):
            child = node.value[part]
        if child is None:
            break
        node = child
        mark = key_mark if key and key_mark is not None else node.start_mark
    return (mark.line + 1, mark.column + 1)
