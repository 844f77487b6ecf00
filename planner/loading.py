"""Find, read and validate a catalogue folder, reporting every problem at once.

Reading is split from checking: each file is parsed by :mod:`planner.yamlsafe` and validated by
the models; then cross-file checks (ids, references, cycles, dates) run on the whole. Problems
carry `PATH:LINE:COL`; lines are looked up only for files that have problems.
"""

from __future__ import annotations

import gc
import os
import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, TypeVar

from pydantic import BaseModel, ValidationError

from planner import yamlsafe
from planner.catalogue import Catalogue, did_you_mean
from planner.errors import DataError, Problem, UsageError
from planner.models import (
    Act,
    Layer,
    LayersFile,
    MilestoneKind,
    Obligation,
    Progress,
    Source,
    Theme,
    ThemesFile,
)

LAYERS_FILE = "layers.yaml"
THEMES_FILE = "themes.yaml"
ENV_VAR = "PLANNER_CATALOG"

M = TypeVar("M", bound=BaseModel)


def bundled_catalogue() -> Path:
    """The catalogue shipped with the package (the repo's `regulations/` in a checkout)."""
    here = Path(__file__).resolve().parent
    packed = here / "_bundled" / "regulations"
    return packed if packed.is_dir() else here.parent / "regulations"


def find_catalogue(option: Path | None = None, cwd: Path | None = None) -> Path:
    """The catalogue folder: `--catalog`, then `$PLANNER_CATALOG`, then `./regulations`, then bundled.

    Raises:
        UsageError: the folder named by the option or the variable does not exist.
    """
    for origin, value in (("--catalog", option), (f"${ENV_VAR}", os.environ.get(ENV_VAR) or None)):
        if value is not None:
            path = Path(value)
            if not path.is_dir():
                raise UsageError(f"{origin}: catalogue folder {str(path)!r} does not exist")
            return path
    local = (cwd or Path.cwd()) / "regulations"
    return local if local.is_dir() else bundled_catalogue()


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

    def at(self, line: int, col: int, message: str, severity: str = "error") -> None:
        """Record a problem at a known place."""
        # File names are untrusted too: a name with a line break must not forge a report line.
        self.problems.append(Problem(printable(str(self.path)), line, col, printable(message), severity))


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
        errors = exc.errors(include_url=False)
        misspelt = _misspelt_fields(model, errors)
        for err in errors:
            loc = [p for p in err["loc"] if p != "[key]"]
            if err["type"] == "missing" and tuple(loc) in misspelt:
                continue  # the misspelt key's "did you mean" already names this field
            key = err["type"] == "extra_forbidden" or "[key]" in err["loc"]
            src.add(loc, describe_error(model, err), key=key)
        return None


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
        hint = did_you_mean(str(loc[-1]), allowed) if len(str(loc[-1])) <= 80 else ""
        listed = f"; allowed: {', '.join(allowed)}" if allowed else ""
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


def load_catalogue(root: Path) -> Catalogue:
    """Load, validate and cross-check the catalogue in `root`.

    Returns:
        The catalogue, with warnings attached.

    Raises:
        DataError: every error found (and the warnings), sorted by file and line.
        UsageError: `root` is not a folder.
    """
    if not root.is_dir():
        raise UsageError(f"catalogue folder {str(root)!r} does not exist")
    gc_was_enabled = gc.isenabled()
    gc.disable()  # bulk allocation of many small objects: collection passes only cost time
    try:
        return _load(root)
    finally:
        if gc_was_enabled:
            gc.enable()


def _load(root: Path) -> Catalogue:
    files = sorted(p for p in root.iterdir() if p.suffix in (".yaml", ".yml") and p.is_file())
    srcs: dict[str, SourceFile] = {}
    layers_file = themes_file = None
    acts: dict[str, Act] = {}
    act_srcs: dict[str, SourceFile] = {}
    loaded: list[tuple[Act, SourceFile]] = []
    # Acts whose file has errors: references to them are not reported again as unknown.
    failed: set[str] = set()
    inside = root.resolve()
    for path in files:
        src = srcs.setdefault(path.name, SourceFile(path))
        if path.is_symlink() and not path.resolve().is_relative_to(inside):
            # nothing outside the catalogue folder is read, not even through a link
            src.at(
                1, 1, "this file is a link to a file outside the catalogue folder; copy the file in instead"
            )
            failed.add(path.stem)
            continue
        if path.suffix == ".yml":
            src.at(1, 1, "catalogue files end in .yaml; rename this file")
            failed.add(path.stem)
            continue
        data = read_yaml(src)
        if data is None:
            failed.add(path.stem)
            continue
        if path.name == LAYERS_FILE:
            layers_file = validate(src, LayersFile, data)
        elif path.name == THEMES_FILE:
            themes_file = validate(src, ThemesFile, data)
        else:
            act = validate(src, Act, data)
            if act is None:
                failed.update(x for x in (path.stem, data.get("id")) if isinstance(x, str))
                continue
            loaded.append((act, src))
    # Files named after their act first: a copy under another name is the duplicate.
    loaded.sort(key=lambda pair: pair[0].id != pair[1].path.stem)
    for act, src in loaded:
        if act.id in acts:
            src.add(["id"], f"id: duplicate act id {act.id!r} (also in {act_srcs[act.id].path.name})")
            continue
        if act.id != src.path.stem:
            src.add(["id"], f"id: act {act.id!r} must be in a file named {act.id}.yaml, not {src.path.name}")
        acts[act.id] = act
        act_srcs[act.id] = src
    for name, found in ((LAYERS_FILE, layers_file), (THEMES_FILE, themes_file)):
        if found is None and name not in srcs:
            srcs[name] = SourceFile(root / name)
            srcs[name].at(1, 1, f"the catalogue needs a {name} file")
    catalogue = _assemble(root, layers_file, themes_file, acts, act_srcs, srcs, failed - set(acts))
    problems = [p for s in srcs.values() for p in s.problems]
    if any(p.is_error for p in problems):
        raise DataError(problems)
    return _with_warnings(catalogue, problems)


def _with_warnings(catalogue: Catalogue, problems: list[Problem]) -> Catalogue:
    from dataclasses import replace

    return replace(catalogue, warnings=tuple(sorted(problems)))


def _assemble(
    root: Path,
    layers_file: LayersFile | None,
    themes_file: ThemesFile | None,
    acts: dict[str, Act],
    act_srcs: dict[str, SourceFile],
    srcs: dict[str, SourceFile],
    failed: set[str] | frozenset[str] = frozenset(),
) -> Catalogue:
    layers = {}
    if layers_file:
        for i, layer in enumerate(layers_file.layers):
            if layer.id in layers:
                srcs[LAYERS_FILE].add(["layers", i, "id"], f"layers[{i}].id: duplicate layer id {layer.id!r}")
            layers[layer.id] = layer
    themes = {}
    if themes_file:
        for i, theme in enumerate(themes_file.themes):
            if theme.id in themes:
                srcs[THEMES_FILE].add(["themes", i, "id"], f"themes[{i}].id: duplicate theme id {theme.id!r}")
            themes[theme.id] = theme
    obligations: dict[str, Obligation] = {}
    where: dict[str, tuple[str, int]] = {}
    listed = [(act_id, i, ob) for act_id in sorted(acts) for i, ob in enumerate(acts[act_id].obligations)]
    # Ids under their own act first: one under another act's prefix is the intruder, and its
    # prefix error (from _check_act) says all there is to say.
    listed.sort(key=lambda entry: entry[2].act != entry[0])
    for act_id, i, ob in listed:
        if ob.id in obligations:
            if ob.act == act_id:
                other = act_srcs[where[ob.id][0]].path.name
                act_srcs[act_id].add(
                    ["obligations", i, "id"],
                    f"obligations[{i}].id: duplicate obligation id {ob.id!r} (also in {other})",
                )
            continue
        obligations[ob.id] = ob
        where[ob.id] = (act_id, i)
    sources = {aid: dict(a.sources) for aid, a in acts.items()}
    if layers_file:
        sources["layers"] = dict(layers_file.sources)
    if themes_file:
        sources["themes"] = dict(themes_file.sources)
    catalogue = Catalogue(
        root=root,
        layers=layers,
        themes=themes,
        acts=dict(sorted(acts.items())),
        obligations=obligations,
        paths={aid: s.path for aid, s in act_srcs.items()},
        sources=sources,
    )
    if layers_file and themes_file:
        _check_profile(layers_file, themes_file, srcs)
    for act_id, act in catalogue.acts.items():
        _check_act(catalogue, act, act_srcs[act_id], failed)
    _check_cycles(catalogue, where, act_srcs)
    return catalogue


def _check_profile(layers_file: LayersFile, themes_file: ThemesFile, srcs: dict[str, SourceFile]) -> None:
    groups: tuple[tuple[str, tuple[Layer | Theme, ...], dict[str, Source]], ...] = (
        (LAYERS_FILE, layers_file.layers, layers_file.sources),
        (THEMES_FILE, themes_file.themes, themes_file.sources),
    )
    for name, items, known in groups:
        group = "layers" if name == LAYERS_FILE else "themes"
        for i, item in enumerate(items):
            if item.source is None:
                srcs[name].add([group, i, "id"], f"{group}[{i}]: {item.id!r} has no source", "warning")
            elif item.source not in known:
                srcs[name].add(
                    [group, i, "source"],
                    _unknown(f"{group}[{i}].source", "source", item.source, list(known)),
                )


def _unknown(where: str, what: str, value: str, known: list[str]) -> str:
    known = sorted(set(known))
    listing = f"; known: {', '.join(known)}" if 0 < len(known) <= 12 else ""
    return f"{where}: unknown {what} {value!r}{did_you_mean(value, known)}{listing}"


def _check_act(
    cat: Catalogue, act: Act, src: SourceFile, failed: set[str] | frozenset[str] = frozenset()
) -> None:
    """Every reference inside one act file, and the warnings that concern it.

    References into the acts named in `failed` (files that did not load) are not checked:
    their file's own errors say what is wrong, and would otherwise be repeated here.
    """
    keys = list(act.sources)
    milestone_ids = [m.id for m in act.milestones]
    amendment_ids = [a.id for a in act.amendments]
    layers, themes = list(cat.layers), list(cat.themes)

    def source_ref(loc: list[str | int], key: str | None, what: str, required: bool = True) -> None:
        if key is None:
            if required:
                src.add(
                    loc[:-1] or loc,
                    f"{field_path(loc[:-1]) if len(loc) > 1 else act.id}: {what} has no source",
                    "warning",
                )
        elif key not in act.sources:
            src.add(loc, _unknown(field_path(loc), "source", key, keys))

    source_ref(["source"], act.source, f"act {act.id!r}")
    if act.kind.is_eu and not act.celex:
        src.add(["id"], f"id: EU act {act.id!r} has no celex number", "warning")
    for i, theme in enumerate(act.themes):
        if cat.themes and theme not in cat.themes:
            src.add(["themes", i], _unknown(f"themes[{i}]", "theme", theme, themes))
    for field_name, ids in (
        ("transposes", act.transposes),
        ("transposition", act.transposition.national_acts if act.transposition else ()),
    ):
        for i, other in enumerate(ids):
            loc: list[str | int] = (
                [field_name, i] if field_name == "transposes" else ["transposition", "national_acts", i]
            )
            if other not in cat.acts and other not in failed:
                src.add(loc, _unknown(field_path(loc), "act", other, list(cat.acts)))
    if act.transposition:
        source_ref(["transposition", "source"], act.transposition.source, "transposition", required=False)
    seen: set[str] = set()
    for i, m in enumerate(act.milestones):
        if m.id in seen:
            src.add(["milestones", i, "id"], f"milestones[{i}].id: duplicate milestone id {m.id!r}")
        seen.add(m.id)
        source_ref(["milestones", i, "source"], m.source, f"milestone {m.id!r}")
        for j, h in enumerate(m.history):
            if h.changed_by not in amendment_ids:
                src.add(
                    ["milestones", i, "history", j, "changed_by"],
                    _unknown(
                        f"milestones[{i}].history[{j}].changed_by",
                        "amendment",
                        h.changed_by,
                        amendment_ids,
                    ),
                )
            source_ref(["milestones", i, "history", j, "source"], h.source, "history entry", required=False)
        for j, d in enumerate(m.disputed):
            source_ref(["milestones", i, "disputed", j, "source"], d.source, "disputed date")
    _check_milestone_order(act, src)
    for i, a in enumerate(act.amendments):
        source_ref(["amendments", i, "source"], a.source, f"amendment {a.id!r}")
    for i, ob in enumerate(act.obligations):
        base: list[str | int] = ["obligations", i]
        if ob.act != act.id:
            src.add(
                [*base, "id"],
                f"obligations[{i}].id: {ob.id!r} must start with the act id '{act.id}.'",
            )
        for layer in ob.roles:
            if cat.layers and layer not in cat.layers:
                src.add(
                    [*base, "roles", layer],
                    _unknown(f"obligations[{i}].roles", "layer", layer, layers),
                    key=True,
                )
        for j, theme in enumerate(ob.themes):
            if cat.themes and theme not in cat.themes:
                src.add(
                    [*base, "themes", j],
                    _unknown(f"obligations[{i}].themes[{j}]", "theme", theme, themes),
                )
        if not ob.sources:
            src.add([*base, "id"], f"obligations[{i}]: obligation {ob.id!r} has no source", "warning")
        for j, key in enumerate(ob.sources):
            source_ref([*base, "sources", j], key, "obligation")
        if ob.milestone is not None and ob.milestone not in milestone_ids:
            src.add(
                [*base, "milestone"],
                _unknown(f"obligations[{i}].milestone", "milestone", ob.milestone, milestone_ids),
            )
        if ob.milestone is None and ob.due is None:
            src.add(
                [*base, "id"],
                f"obligations[{i}]: obligation {ob.id!r} has no due date or milestone",
                "warning",
            )
        if ob.effort is None:
            src.add(
                [*base, "id"],
                f"obligations[{i}]: obligation {ob.id!r} has no effort estimate",
                "warning",
            )
        for kind, rels in (
            ("requires", ob.requires),
            ("overlaps", ob.overlaps),
            ("conflicts", ob.conflicts),
            ("needs_facility", ob.needs_facility),
        ):
            targets: set[str] = set()
            for j, rel in enumerate(rels):
                loc = [*base, kind, j, "to"]
                where_ = f"obligations[{i}].{kind}[{j}].to"
                if rel.to == ob.id:
                    src.add(loc, f"{where_}: {ob.id!r} refers to itself")
                elif rel.to not in cat.obligations and rel.to.split(".")[0] not in failed:
                    src.add(loc, _unknown(where_, "obligation", rel.to, list(cat.obligations)))
                elif rel.to in targets:
                    src.add(loc, f"{where_}: {rel.to!r} is listed twice under {kind}")
                targets.add(rel.to)
                source_ref([*base, kind, j, "source"], rel.source, "relation", required=False)
    for i, sc in enumerate(act.scenarios):
        source_ref(["scenarios", i, "source"], sc.source, f"scenario {sc.id!r}")
        for j, ch in enumerate(sc.changes):
            loc = ["scenarios", i, "changes", j]
            if ch.milestone is not None and ch.milestone not in milestone_ids:
                src.add(
                    [*loc, "milestone"],
                    _unknown(
                        f"scenarios[{i}].changes[{j}].milestone",
                        "milestone",
                        ch.milestone,
                        milestone_ids,
                    ),
                )
            if (
                ch.obligation is not None
                and ch.obligation not in cat.obligations
                and ch.obligation.split(".")[0] not in failed
            ):
                src.add(
                    [*loc, "obligation"],
                    _unknown(
                        f"scenarios[{i}].changes[{j}].obligation",
                        "obligation",
                        ch.obligation,
                        list(cat.obligations),
                    ),
                )


_ORDER = {
    MilestoneKind.SIGNATURE: 0,
    MilestoneKind.PUBLICATION: 1,
    MilestoneKind.ENTRY_INTO_FORCE: 2,
    MilestoneKind.APPLICATION: 3,
    MilestoneKind.TRANSPOSITION: 3,
}


def _check_milestone_order(act: Act, src: SourceFile) -> None:
    """Signature ≤ publication ≤ entry into force ≤ application and transposition dates."""
    firsts: dict[MilestoneKind, tuple[int, object]] = {}
    for i, m in enumerate(act.milestones):
        if m.kind in _ORDER and (m.kind not in firsts or m.date < firsts[m.kind][1]):  # type: ignore[operator]
            firsts[m.kind] = (i, m.date)
    for i, m in enumerate(act.milestones):
        rank = _ORDER.get(m.kind)
        if rank is None:
            continue
        for kind, (j, date) in firsts.items():
            if _ORDER[kind] < rank and m.date < date:  # type: ignore[operator]
                other = act.milestones[j]
                src.add(
                    ["milestones", i, "date"],
                    f"milestones[{i}].date: {m.kind.value} {m.id!r} on {m.date} is before "
                    f"{other.kind.value} {other.id!r} on {other.date}",
                )
                break


def _check_cycles(cat: Catalogue, where: dict[str, tuple[str, int]], act_srcs: dict[str, SourceFile]) -> None:
    """`requires` and `needs_facility` together must be acyclic; report each cycle's path."""
    edges = [
        (ob.id, target)
        for kind, ob, target in cat.iter_relations()
        if kind in ("requires", "needs-facility") and target in cat.obligations and target != ob.id
    ]
    if _acyclic(edges):
        return
    import networkx as nx

    graph = nx.DiGraph(edges)
    for component in sorted(nx.strongly_connected_components(graph), key=min):
        if len(component) < 2:
            continue
        start = min(component)
        cycle = nx.find_cycle(graph.subgraph(component), source=start)
        path = " -> ".join([cycle[0][0], *(v for _, v in cycle)])
        act_id, i = where[start]
        act_srcs[act_id].add(["obligations", i, "id"], f"obligations[{i}]: prerequisite cycle: {path}")


def _acyclic(edges: list[tuple[str, str]]) -> bool:
    """Whether the directed graph of `edges` has no cycle (Kahn's algorithm, linear time).

    Plain Python rather than networkx, whose import alone costs more than this whole check
    on the real catalogue; networkx is loaded only to describe a cycle once one exists.

    Example:
        >>> _acyclic([("a", "b"), ("b", "c")]), _acyclic([("a", "b"), ("b", "a")])
        (True, False)
    """
    successors: dict[str, list[str]] = {}
    indegree: dict[str, int] = {}
    for u, v in edges:
        successors.setdefault(u, []).append(v)
        indegree[v] = indegree.get(v, 0) + 1
        indegree.setdefault(u, 0)
    ready = [n for n, d in indegree.items() if d == 0]
    seen = 0
    while ready:
        node = ready.pop()
        seen += 1
        for nxt in successors.get(node, ()):
            indegree[nxt] -= 1
            if indegree[nxt] == 0:
                ready.append(nxt)
    return seen == len(indegree)


def load_progress(path: Path, catalogue: Catalogue) -> Progress:
    """Read a progress file and check its ids against the catalogue.

    Raises:
        DataError: the file is malformed or names unknown obligations or layers.
    """
    src = SourceFile(path)
    if path.is_dir():
        raise UsageError(f"--progress: {str(path)!r} is a folder; give a progress file")
    if not path.is_file():
        raise UsageError(f"--progress: file {str(path)!r} does not exist")
    data = read_yaml(src)
    progress = validate(src, Progress, data) if data is not None else None
    if progress is not None:
        for i, entry in enumerate(progress.done):
            if entry.obligation not in catalogue.obligations:
                src.add(
                    ["done", i, "obligation"],
                    _unknown(
                        f"done[{i}].obligation",
                        "obligation",
                        entry.obligation,
                        list(catalogue.obligations),
                    ),
                )
        if progress.layer is not None and progress.layer not in catalogue.layers:
            src.add(["layer"], _unknown("layer", "layer", progress.layer, list(catalogue.layers)))
    if any(p.is_error for p in src.problems) or progress is None:
        raise DataError(src.problems)
    return progress
