"""OLD and NEW: a catalogue from the working tree, from a folder, or from a git revision.

A revision is read with git plumbing (``rev-parse``, ``ls-tree``, ``cat-file``), never checked
out: the working tree and the index are untouched. Its files are written to a temporary folder
and loaded by :func:`planner.loading.load_catalogue`, so a broken catalogue is reported in the
contract form ``REV:path:LINE:COL: error: ...``.
"""

from __future__ import annotations

import subprocess
import tempfile
from dataclasses import dataclass, replace
from pathlib import Path
from typing import TYPE_CHECKING

from planner.errors import DataError, UsageError

if TYPE_CHECKING:
    from planner.catalogue import Catalogue

WORKING_TREE = "working tree"
LS_TREE_FIELDS = 3
"""`git ls-tree` gives mode, type and object id before the tab and the path."""


@dataclass(frozen=True)
class Side:
    """One side of the comparison: a loaded catalogue and how to name it."""

    label: str
    catalogue: Catalogue


def open_side(spec: str | None, folder: Path, which: str) -> Side:
    """Load OLD or NEW: the working-tree catalogue, a folder, or a git revision.

    Args:
        spec: what the user gave; None for the catalogue in the working tree (`folder`).
        folder: the discovered catalogue folder; a revision is read at the same place in the repo.
        which: ``OLD`` or ``NEW``, for messages.

    Raises:
        UsageError: `spec` is neither an existing folder nor a revision of the repository.
        DataError: the catalogue has errors (paths named ``REV:path`` for a revision).
    """
    from planner.loading import load_catalogue

    if spec is None:
        return Side(WORKING_TREE, load_catalogue(folder))
    if Path(spec).is_dir():  # a folder wins over a branch of the same name
        return Side(spec, load_catalogue(Path(spec)))
    return Side(spec, _load_revision(spec, folder, which))


def _git(repo: Path, *args: str) -> subprocess.CompletedProcess[bytes]:
    try:
        return subprocess.run(["git", "-C", str(repo), *args], capture_output=True, check=False)
    except FileNotFoundError:
        raise UsageError("git is not installed; give OLD and NEW as catalogue folders instead") from None


def _load_revision(rev: str, folder: Path, which: str) -> Catalogue:
    from planner.loading import load_catalogue
    from planner.output import safe_join

    top = _git(folder, "rev-parse", "--show-toplevel")
    if top.returncode != 0:
        raise UsageError(
            f"{which}: {rev!r} is neither a catalogue folder nor a git revision "
            f"(the catalogue folder {str(folder)!r} is not in a git repository)"
        )
    repo = Path(top.stdout.decode().strip()).resolve()
    sha = _git(repo, "rev-parse", "--verify", "--quiet", "--end-of-options", f"{rev}^{{commit}}")
    if rev.startswith("-") or sha.returncode != 0:
        raise UsageError(
            f"{which}: {rev!r} is neither a catalogue folder nor a revision of the git repository {str(repo)!r}"
        )
    rel = Path(folder).resolve().relative_to(repo).as_posix()
    rel = "" if rel == "." else rel
    listing = _git(repo, "ls-tree", "-z", f"{sha.stdout.decode().strip()}:{rel}")
    if listing.returncode != 0:
        raise UsageError(f"{which}: revision {rev!r} has no catalogue folder {rel or '.'!r}")
    blobs: dict[str, str] = {}
    for entry in listing.stdout.split(b"\0"):
        meta, _, raw = entry.partition(b"\t")
        parts = meta.split()
        # regular files only (mode 100644/100755): no links, no submodules, no subfolders
        if len(parts) == LS_TREE_FIELDS and parts[0].startswith(b"100") and raw.endswith((b".yaml", b".yml")):
            blobs[raw.decode("utf-8", "surrogateescape")] = parts[2].decode()
    label = f"{rev}:{rel}/" if rel else f"{rev}:"
    with tempfile.TemporaryDirectory(prefix="planner-diff-") as tmp:
        root = Path(tmp)
        for name, content in _read_blobs(repo, blobs).items():
            safe_join(root, name).write_bytes(content)
        try:
            cat = load_catalogue(root)
        except DataError as exc:
            raise DataError([replace(p, path=_relabel(p.path, root, label)) for p in exc.problems]) from None
    return replace(
        cat,
        root=Path(label),
        paths={k: Path(label + p.name) for k, p in cat.paths.items()},
        warnings=tuple(replace(p, path=_relabel(p.path, root, label)) for p in cat.warnings),
    )


def _relabel(path: str, root: Path, label: str) -> str:
    """A temporary file's path as `REV:folder/name`."""
    return label + Path(path).name if Path(path).parent == root else path


def _read_blobs(repo: Path, blobs: dict[str, str]) -> dict[str, bytes]:
    """The contents of many blobs through one `git cat-file --batch` process."""
    if not blobs:
        return {}
    names = sorted(blobs)
    run = subprocess.run(
        ["git", "-C", str(repo), "cat-file", "--batch"],
        input="".join(f"{blobs[n]}\n" for n in names).encode(),
        capture_output=True,
        check=True,
    )
    out, pos, result = run.stdout, 0, {}
    for name in names:
        header_end = out.index(b"\n", pos)
        size = int(out[pos:header_end].split()[2])
        result[name] = out[header_end + 1 : header_end + 1 + size]
        pos = header_end + 1 + size + 1
    return result
