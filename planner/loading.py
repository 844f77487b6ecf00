"""Find, read and validate a catalogue folder, reporting every problem at once.

Reading is split from checking: each file is parsed and validated on its own
(:mod:`planner.reading`); then the catalogue index is assembled here and the cross-file checks
(:mod:`planner.checks`: references, sources, dates, cycles) run on the whole. Problems carry
`PATH:LINE:COL`; lines are looked up only for files that have problems.
"""

from __future__ import annotations

import gc
import os
from pathlib import Path
from typing import Any

from planner.catalogue import Catalogue
from planner.checks import check_act, check_cycles, check_profile, check_symmetric, unknown
from planner.checks_profile import add_profile
from planner.errors import DataError, Problem, UsageError
from planner.house.load import COLLECTIVES_FILE, add_collectives
from planner.house.model import CollectivesFile
from planner.models import (
    Act,
    LayersFile,
    Obligation,
    PrimarySourcesFile,
    Progress,
    QuestionsFile,
    ThemesFile,
)
from planner.reading import (
    LAYERS_FILE,
    PRIMARY_FILE,
    QUESTIONS_FILE,
    THEMES_FILE,
    SourceFile,
    by_unique_id,
    describe_error,
    field_path,
    printable,
    read_yaml,
    shown,
    validate,
)

# Reading and checking moved to their own modules; their public names stay importable here.
__all__ = [
    "ENV_VAR",
    "LAYERS_FILE",
    "THEMES_FILE",
    "SourceFile",
    "bundled_catalogue",
    "describe_error",
    "field_path",
    "find_catalogue",
    "load_catalogue",
    "load_progress",
    "printable",
    "read_yaml",
    "shown",
    "validate",
]

ENV_VAR = "PLANNER_CATALOG"


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


NAMED_FILES: dict[str, type[Any]] = {
    LAYERS_FILE: LayersFile,
    THEMES_FILE: ThemesFile,
    QUESTIONS_FILE: QuestionsFile,
    PRIMARY_FILE: PrimarySourcesFile,
    COLLECTIVES_FILE: CollectivesFile,
}
"""The catalogue files with a fixed name, and the model each is read as; every other file is an act."""


def _read_files(
    root: Path, srcs: dict[str, SourceFile], failed: set[str]
) -> tuple[dict[str, Any], list[tuple[Act, SourceFile]]]:
    """Read every catalogue file: the named files by name (None where invalid), and the acts.

    A file that cannot be read, or whose act does not validate, is added to `failed`.
    """
    named: dict[str, Any] = dict.fromkeys(NAMED_FILES)
    loaded: list[tuple[Act, SourceFile]] = []
    inside = root.resolve()
    for path in sorted(p for p in root.iterdir() if p.suffix in (".yaml", ".yml") and p.is_file()):
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
        elif path.name in NAMED_FILES:
            named[path.name] = validate(src, NAMED_FILES[path.name], data)
        elif (act := validate(src, Act, data)) is None:
            failed.update(x for x in (path.stem, data.get("id")) if isinstance(x, str))
        else:
            loaded.append((act, src))
    return named, loaded


def _load(root: Path) -> Catalogue:
    srcs: dict[str, SourceFile] = {}
    acts: dict[str, Act] = {}
    act_srcs: dict[str, SourceFile] = {}
    # Acts whose file has errors: references to them are not reported again as unknown.
    failed: set[str] = set()
    named, loaded = _read_files(root, srcs, failed)
    layers_file, themes_file = named[LAYERS_FILE], named[THEMES_FILE]
    questions_file, primary_file = named[QUESTIONS_FILE], named[PRIMARY_FILE]
    collectives_file = named[COLLECTIVES_FILE]
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
    catalogue = _assemble(
        root, layers_file, themes_file, acts=acts, act_srcs=act_srcs, srcs=srcs, failed=failed - set(acts)
    )
    catalogue = add_profile(catalogue, questions_file, primary_file, srcs, act_srcs)
    catalogue = add_collectives(catalogue, collectives_file, srcs, act_srcs)
    problems = [p for s in srcs.values() for p in s.problems]
    if any(p.is_error for p in problems):
        # review gaps wait until the errors are fixed: they would drown them
        raise DataError([p for p in problems if p.severity != "review"])
    return _with_warnings(catalogue, problems)


def _with_warnings(catalogue: Catalogue, problems: list[Problem]) -> Catalogue:
    from dataclasses import replace

    return replace(catalogue, warnings=tuple(sorted(problems)))


def _assemble(
    root: Path,
    layers_file: LayersFile | None,
    themes_file: ThemesFile | None,
    *,
    acts: dict[str, Act],
    act_srcs: dict[str, SourceFile],
    srcs: dict[str, SourceFile],
    failed: set[str] | frozenset[str] = frozenset(),
) -> Catalogue:
    layers = by_unique_id(srcs[LAYERS_FILE], "layers", layers_file.layers, "layer") if layers_file else {}
    themes = by_unique_id(srcs[THEMES_FILE], "themes", themes_file.themes, "theme") if themes_file else {}
    obligations: dict[str, Obligation] = {}
    where: dict[str, tuple[str, int]] = {}
    listed = [(act_id, i, ob) for act_id in sorted(acts) for i, ob in enumerate(acts[act_id].obligations)]
    # Ids under their own act first: one under another act's prefix is the intruder, and its
    # prefix error (from check_act) says all there is to say.
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
        check_profile(layers_file, themes_file, srcs)
    for act_id, act in catalogue.acts.items():
        check_act(catalogue, act, act_srcs[act_id], failed)
    check_cycles(catalogue, where, act_srcs)
    check_symmetric(catalogue, where, act_srcs)
    return catalogue


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
                    unknown(
                        f"done[{i}].obligation",
                        "obligation",
                        entry.obligation,
                        list(catalogue.obligations),
                    ),
                )
        if progress.layer is not None and progress.layer not in catalogue.layers:
            src.add(["layer"], unknown("layer", "layer", progress.layer, list(catalogue.layers)))
    if any(p.is_error for p in src.problems) or progress is None:
        raise DataError(src.problems)
    return progress
