"""Scaffolding: a commented skeleton for a new act file, or a new obligation in an existing one.

Skeletons load without errors (the warnings for what is still missing are the to-do list) and are
already in the form `planner fmt` writes. A new obligation is inserted as text at the end of the
act's `obligations` list, so the rest of the file keeps its bytes.
"""

from __future__ import annotations

import re
from pathlib import Path

from planner import yamlsafe
from planner.errors import DataError, NotFoundError, UsageError, display_path
from planner.fmt import SCHEMA_LINE
from planner.loading import LAYERS_FILE, NAMED_FILES, SourceFile, read_yaml
from planner.models import (
    ID_MAX_LENGTH,
    ID_PATTERN,
    OBLIGATION_ID_MAX_LENGTH,
    OBLIGATION_ID_PATTERN,
    ActKind,
    LayersFile,
    MilestoneKind,
)
from planner.output import write_text

DEFAULT_LAYERS = ("rijk", "provincies", "waterschappen", "gemeenten")
"""Layers named in a new obligation when the catalogue's layers.yaml cannot be read."""

_RESERVED = {Path(name).stem for name in NAMED_FILES}
"""Act ids that would name a file the catalogue reads as something else (layers, questions...)."""


def check_act_id(act_id: str) -> str:
    """Check that an act id is kebab-case, so it names a file inside the catalogue and nothing else.

    Raises:
        UsageError: it is not.

    Example:
        >>> check_act_id("../etc/passwd")
        Traceback (most recent call last):
        ...
        planner.errors.UsageError: ID: '../etc/passwd' is not an act id: use lower-case letters, digits and single hyphens, e.g. 'ai-act'
    """
    if not re.fullmatch(ID_PATTERN, act_id) or len(act_id) > ID_MAX_LENGTH:
        raise UsageError(
            f"ID: {act_id!r} is not an act id: use lower-case letters, digits and single hyphens, e.g. 'ai-act'"
        )
    if act_id in _RESERVED:
        raise UsageError(f"ID: {act_id!r} is reserved for {act_id}.yaml; choose another act id")
    return act_id


def act_skeleton(act_id: str, kind: ActKind) -> str:
    """The text of a new act file: required fields with TODO texts, the rest as commented examples."""
    lines = [
        SCHEMA_LINE,
        "# A new act: replace every TODO, uncomment what applies, then run `planner fmt` and",
        "# `planner check`. The format is described in docs/catalogue.md.",
        f"id: {act_id}",
        f"kind: {kind.value}  # {' | '.join(k.value for k in ActKind)}",
        "title:",
        "  en: TODO full title in English",
        "  nl: TODO volledige titel in het Nederlands",
        "short:",
        "  en: TODO short name",
        "  nl: TODO korte naam",
    ]
    if kind.is_eu:
        lines += [
            "# celex: 32024R1689  # the CELEX number (a warning while it is missing)",
            "# eli: http://data.europa.eu/eli/reg/2024/1689/oj",
        ]
    lines += [
        "status: in-force  # in-force | adopted | proposed",
        "# source: oj  # the key (under sources) of the source for the facts above",
        "themes: []  # theme ids from themes.yaml",
    ]
    if not kind.is_eu:
        lines.append("transposes: []  # ids of the EU acts this act transposes or implements")
    if kind is ActKind.DIRECTIVE:
        lines += [
            "# transposition:  # how the Netherlands transposes this directive",
            "#   national_acts: []  # ids of national-act files",
            "#   note: {en: TODO, nl: TODO}",
            "#   as_of: 2026-11-01  # the date of the source that says so",
            "#   source: oj",
        ]
    lines += [
        "# sources:  # every fact from law carries a source; facts refer to these keys",
        "#   oj:",
        "#     url: https://eur-lex.europa.eu/eli/reg/2024/1689/oj",
        "#     title: Regulation (EU) 2024/1689, Official Journal L, 12.7.2024",
        "#     accessed: 2026-11-28",
        "# milestones:",
        "#   - id: entry-into-force",
        "#     kind: entry-into-force  # " + " | ".join(k.value for k in MilestoneKind),
        "#     date: 2024-08-01",
        "#     status: in-force  # in-force | adopted | proposed",
        "#     article: Art. 113",
        "#     source: oj",
        f"# obligations: add each one with `planner new obligation {act_id}.NAME`",
    ]
    return "\n".join(lines) + "\n"


def new_act(root: Path, act_id: str, kind: str = "regulation") -> Path:
    """Write the skeleton of a new act to `<root>/<act_id>.yaml`.

    Returns:
        The path written.

    Raises:
        UsageError: the id is not kebab-case, the kind is unknown, or the file already exists.
    """
    check_act_id(act_id)
    kinds = [k.value for k in ActKind]
    if kind not in kinds:
        raise UsageError(f"--kind: {kind!r} is not one of: {', '.join(kinds)}")
    path = root / f"{act_id}.yaml"
    if path.exists():
        raise UsageError(f"{display_path(path)} already exists; edit it, or choose another id")
    write_text(path, act_skeleton(act_id, ActKind(kind)))
    return path


def obligation_block(obligation_id: str, layers: list[str], indent: int) -> str:
    """A commented obligation item whose `- ` starts at column `indent` (0-based)."""
    p = " " * indent
    q = p + "  "
    lines = [
        f"{p}- id: {obligation_id}",
        f"{q}title:",
        f"{q}  en: TODO short title in English",
        f"{q}  nl: TODO korte titel in het Nederlands",
        f'{q}articles: []  # e.g. ["Art. 27"]',
        f"{q}# description:  # Markdown, plain language",
        f"{q}#   en: TODO",
        f"{q}#   nl: TODO",
        f"{q}roles:  # per layer: addressee | provider | co-responsible | supervisor; drop the others",
        *(f"{q}  {layer}: addressee" for layer in layers),
        f"{q}# milestone: application  # the milestone of this act it follows, or",
        f"{q}# due: 2026-08-02  # an explicit date",
        f"{q}# effort: 2  # points per organisation: 1 task, 2 project, 3 programme, 5, 8",
        f"{q}themes: []  # theme ids from themes.yaml",
        f"{q}sources: []  # keys under sources in this file",
        f"{q}# requires:  # hard prerequisites, finished in an earlier stage",
        f"{q}#   - to: other-act.obligation",
        f"{q}#     rationale: {{en: TODO, nl: TODO}}",
    ]
    return "\n".join(lines) + "\n"


def catalogue_layers(root: Path) -> list[str]:
    """The layer ids of the catalogue, or :data:`DEFAULT_LAYERS` when layers.yaml cannot be read."""
    src = SourceFile(root / LAYERS_FILE)
    data = read_yaml(src) if src.path.is_file() else None
    try:
        return [layer.id for layer in LayersFile.model_validate(data).layers]
    except ValueError:
        return list(DEFAULT_LAYERS)


def new_obligation(root: Path, obligation_id: str) -> Path:
    """Add a commented obligation to the end of its act's `obligations` list.

    Returns:
        The act file changed.

    Raises:
        UsageError: the id is not `ACT-ID.NAME`, it exists already, or the list cannot be extended.
        NotFoundError: the act has no file in the catalogue.
        DataError: the act file does not parse.
    """
    if (
        not re.fullmatch(OBLIGATION_ID_PATTERN, obligation_id)
        or len(obligation_id) > OBLIGATION_ID_MAX_LENGTH
    ):
        raise UsageError(
            f"ACT.NAME: {obligation_id!r} is not an obligation id ACT-ID.NAME in lower-case "
            "kebab-case, e.g. 'ai-act.fria'"
        )
    act_id = check_act_id(obligation_id.split(".", 1)[0])
    path = root / f"{act_id}.yaml"
    if not path.is_file():
        raise NotFoundError(
            f"ACT.NAME: no act {act_id!r} in {display_path(root)} (create it with `planner new act {act_id}`)"
        )
    src = SourceFile(path)
    data = read_yaml(src)
    if data is None or any(p.is_error for p in src.problems):
        raise DataError([p for p in src.problems if p.is_error])
    existing = data.get("obligations")
    listed = existing if isinstance(existing, list) else []  # anything else is refused on insertion
    if any(isinstance(ob, dict) and ob.get("id") == obligation_id for ob in listed):
        raise UsageError(f"ACT.NAME: obligation {obligation_id!r} already exists in {display_path(path)}")
    bom = "\ufeff" if path.read_bytes().startswith(b"\xef\xbb\xbf") else ""  # keep every byte
    write_text(path, bom + insert_obligation(src.text, obligation_id, catalogue_layers(root)))
    return path


def insert_obligation(text: str, obligation_id: str, layers: list[str]) -> str:
    """`text` with a new obligation item after the last one; every other byte is kept.

    Raises:
        UsageError: `obligations` is a non-empty flow list or not a list at all.
    """
    from yaml.nodes import MappingNode, ScalarNode, SequenceNode

    newline = "\r\n" if "\r\n" in text else "\n"

    def block(indent: int) -> str:
        return obligation_block(obligation_id, layers, indent).replace("\n", newline)

    if not text.endswith("\n"):
        text += newline
    root = yamlsafe.compose(text)
    pairs = root.value if isinstance(root, MappingNode) else []
    value = next((v for k, v in pairs if k.value == "obligations"), None)
    if value is None:
        return text + "obligations:" + newline + block(2)
    if isinstance(value, SequenceNode) and value.value and not value.flow_style:
        node = value.value[-1]
        while isinstance(node, MappingNode | SequenceNode) and node.value and not node.flow_style:
            last = node.value[-1]
            node = last[1] if isinstance(node, MappingNode) else last
        end = node.end_mark.index
        at = end if text[end - 1] == "\n" else text.index("\n", end) + 1
        at = _after_comments(text, at, value.start_mark.column)
        return text[:at] + block(value.start_mark.column) + text[at:]
    empty = (isinstance(value, SequenceNode) and not value.value) or (
        isinstance(value, ScalarNode) and value.value in ("", "~", "null")
    )
    if not empty:
        raise UsageError("obligations: is not a block list ('- id: ...'); add the obligation by hand")
    start, end = value.start_mark.index, value.end_mark.index
    while start > 0 and text[start - 1] == " ":
        start -= 1
    text = text[:start] + text[end:]
    at = text.index("\n", start) + 1
    key_column = next(k for k, v in pairs if v is value).start_mark.column
    return text[:at] + block(key_column + 2) + text[at:]


def _after_comments(text: str, at: int, column: int) -> int:
    """Skip the comment lines (and blank lines between them) indented deeper than `column`: they
    belong to the item that ends at `at`."""
    end = at
    while at < len(text):
        line_end = text.find("\n", at) + 1 or len(text)
        line = text[at:line_end]
        stripped = line.lstrip(" ")
        if stripped.startswith("#") and len(line) - len(stripped) > column:
            end = line_end
        elif stripped.strip():
            break
        at = line_end
    return end
