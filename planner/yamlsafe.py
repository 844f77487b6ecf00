"""Strict, safe YAML reading for hand-edited catalogue files.

PyYAML's C parser composes the node tree; a strict resolver and a direct walk over the tree
(no PyYAML constructor) make sure that

* no tag can construct a Python object or change how a value reads (``!!python/...``,
  ``!!timestamp``, ``!!int abc``), and anchors/aliases are refused (no "billion laughs");
* keys are text, as written (``1:`` and ``true:`` are the keys ``'1'`` and ``'true'``);
* duplicate keys are an error naming both lines;
* YAML 1.1 traps keep their text: only ``true``/``false`` are booleans, only ``null``/``~``
  is null, only plain decimal integers are numbers; ``NO``, ``on``, ``5.10``, ``12:30`` and
  dates stay strings (the models parse dates and decimals themselves, with clear errors);
* nesting deeper than 64 levels is refused (libyaml itself stops at 1000).

Locations are found lazily: :func:`locate` re-composes a file only when a problem in it must be
reported, so a valid catalogue pays nothing for line numbers.
"""

from __future__ import annotations

import re
import warnings
from collections.abc import Sequence
from typing import Any

import yaml
from yaml.nodes import MappingNode, Node, ScalarNode, SequenceNode
from yaml.reader import ReaderError
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

    def resolve(self, kind: type[Node], value: Any, implicit: Any) -> str:
        # The composer asks this once per node: a direct answer instead of BaseResolver's
        # general walk over path and implicit resolvers (the same result for our rules).
        if kind is ScalarNode:
            return _plain_tag(value) if implicit[0] else _STR
        return _SEQ if kind is SequenceNode else _MAP

    # No path resolvers: the composer's per-node bookkeeping calls can do nothing.
    def descend_resolver(self, current_node: Any, current_index: Any) -> None:
        pass

    def ascend_resolver(self) -> None:
        pass


_STR, _INT, _BOOL, _NULL, _SEQ, _MAP = (
    f"tag:yaml.org,2002:{name}" for name in ("str", "int", "bool", "null", "seq", "map")
)
# Only these plain scalars are not text: the words below, and plain decimal integers.
_WORDS = {"true": _BOOL, "false": _BOOL, "null": _NULL, "~": _NULL, "": _NULL}
_INTEGER = re.compile(r"-?(?:0|[1-9][0-9]*)\Z")
_INTEGER_START = frozenset("-0123456789")


def _plain_tag(value: str) -> str:
    """The tag a plain (unquoted) scalar resolves to without an explicit tag.

    Called for every scalar of every file, so it avoids regular expressions where it can.

    >>> [_plain_tag(v).rsplit(":", 1)[1] for v in ("true", "~", "42", "-7", "007", "5.10", "NO")]
    ['bool', 'null', 'int', 'int', 'str', 'str', 'str']
    """
    tag = _WORDS.get(value)
    if tag is not None:
        return tag
    return _INT if value[0] in _INTEGER_START and _INTEGER.match(value) else _STR


def _shown_tag(tag: str) -> str:
    return "!!" + tag.removeprefix("tag:yaml.org,2002:") if tag.startswith("tag:yaml.org,2002:") else tag


def _problem(node: Node, message: str) -> YamlProblem:
    mark = node.start_mark
    return YamlProblem(mark.line + 1, mark.column + 1, message)


def _tag_problem(node: Node) -> YamlProblem:
    return _problem(node, f"tags are not allowed in catalogue files (found {_shown_tag(node.tag)})")


class _Builder:
    """Turns a composed node tree into dicts, lists, text, ints, booleans and None.

    A direct walk, instead of PyYAML's general constructor, so that every rule is in one
    place (and it is several times faster):

    * a node met twice is an alias: refused before anything is expanded (no "billion laughs");
    * an explicit tag is refused unless it only repeats the implicit one (``!!str`` on text);
      PyYAML's other tags build dates, sets and bytes, or fail on values such as ``!!int abc``;
    * keys are their text, so ``1:`` and ``true:`` neither turn into numbers nor collide;
    * nesting deeper than :data:`MAX_DEPTH` is refused where it happens.
    """

    def __init__(self, anchors: bool = True) -> None:
        self.duplicates: list[YamlProblem] = []
        # Only a text with an anchor (`&`) can hold an alias: elsewhere no node is met twice.
        self._seen: set[int] | None = set() if anchors else None

    def value(self, node: Node, depth: int) -> Any:
        if self._seen is not None:
            if id(node) in self._seen:
                raise _problem(
                    node,
                    "anchors and aliases are not allowed in catalogue files "
                    "(the value anchored here is reused by an alias); write the value out",
                )
            self._seen.add(id(node))
        if isinstance(node, ScalarNode):
            tag = node.tag
            if tag == _STR:
                return node.value
            if node.style or tag != _plain_tag(node.value):
                raise _tag_problem(node)
            return int(node.value) if tag == _INT else (node.value == "true" if tag == _BOOL else None)
        if depth >= MAX_DEPTH:
            raise _problem(node, f"nesting deeper than {MAX_DEPTH} levels")
        if isinstance(node, SequenceNode):
            if node.tag != _SEQ:
                raise _tag_problem(node)
            return [self.value(child, depth + 1) for child in node.value]
        if node.tag != _MAP:
            raise _tag_problem(node)
        mapping: dict[str, Any] = {}
        for key_node, value_node in node.value:
            key = self.key(key_node)
            if key in mapping:
                self.duplicate(node, key_node)
                continue
            mapping[key] = self.value(value_node, depth + 1)
        return mapping

    def key(self, node: Node) -> str:
        if not isinstance(node, ScalarNode):
            raise _problem(node, "a key must be plain text")
        if node.tag != _STR and (node.style or node.tag != _plain_tag(node.value)):
            raise _tag_problem(node)
        # Keys are names: `1:` or `true:` mean the text (and must not collide as 1 == True).
        key: str = node.value
        return key

    def duplicate(self, mapping: Node, key_node: Node) -> None:
        first = next(k for k, _ in mapping.value if k.value == key_node.value)
        self.duplicates.append(
            _problem(
                key_node,
                f"duplicate key {key_node.value!r} (first defined on line {first.start_mark.line + 1})",
            )
        )


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


def _marked(exc: yaml.MarkedYAMLError, text: str) -> YamlProblem:
    mark = exc.problem_mark or exc.context_mark
    problem = exc.problem or exc.context or "invalid YAML"
    if mark is not None and 0 <= mark.index < len(text) and text[mark.index] == "\t":
        problem = "a tab character cannot be used here; indent with spaces"
    elif "could not determine a constructor" in problem:
        tag = problem.split("tag ")[-1].strip("'")
        problem = f"tags are not allowed in catalogue files (found {_shown_tag(tag)})"
    elif exc.context and "expected a single document" in exc.context:
        problem = "a catalogue file holds one YAML document; remove this '---' and what follows"
    elif exc.context and exc.problem:
        start = exc.context_mark
        # Say where an unclosed bracket or quote began: libyaml only knows where it gave up.
        since = f" that starts on line {start.line + 1}" if start and mark and start.line != mark.line else ""
        problem = f"{exc.problem} ({exc.context}{since})"
    line, col = (mark.line + 1, mark.column + 1) if mark else (1, 1)
    return YamlProblem(line, col, problem.replace("\t", "\\t"))


# What YAML may hold (YAML 1.1, 5.1); libyaml reports anything else without a usable place.
_UNPRINTABLE = re.compile("[^\t\n\r\x20-\x7e\x85\xa0-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]")


def _bad_character(text: str) -> YamlProblem:
    found = _UNPRINTABLE.search(text)
    if found is None:  # pragma: no cover - libyaml and the pattern agree
        return YamlProblem(1, 1, "the file holds a character YAML does not allow")
    index = found.start()
    line = text.count("\n", 0, index) + 1
    col = index - (text.rfind("\n", 0, index) + 1) + 1
    return YamlProblem(
        line, col, f"control character U+{ord(found.group()):04X} is not allowed in YAML; remove it"
    )


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
    loader = _ComposeLoader(text)
    try:
        root = loader.get_single_node()
    except yaml.MarkedYAMLError as exc:
        raise _marked(exc, text) from None
    except ReaderError:
        raise _bad_character(text) from None
    except yaml.YAMLError as exc:
        raise YamlProblem(1, 1, str(exc).splitlines()[0]) from None
    finally:
        loader.dispose()
    if root is None:
        return None, []
    builder = _Builder(anchors="&" in text)
    return builder.value(root, 0), builder.duplicates


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
