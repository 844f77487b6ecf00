"""The input stamp: skip a rebuild whose inputs have not changed.

A built site is a pure function of its inputs: the catalogue files, the templates, planner's own
code and the build options. The marker file of a site records a hash of those inputs and the
size of every file written. When the next build finds the same hash and every file still there
with its recorded size (and nothing else), the site is up to date and nothing is rendered or
written. Any other case builds in full. ``build --check`` always renders and compares in full.
"""

from __future__ import annotations

import hashlib
import os
from pathlib import Path

from planner import __version__
from planner.site import MARKER, MARKER_TEXT

_CODE_ROOT = Path(__file__).resolve().parent.parent


def input_stamp(catalogue: Path, templates: Path, options: tuple[str, ...]) -> str:
    """A hash of everything a build reads: catalogue, templates, planner's code, the options."""
    digest = hashlib.sha256(f"planner {__version__}\n".encode())
    for part in options:
        digest.update(f"option {part}\n".encode())
    for label, root, pattern in (
        ("catalogue", catalogue, "*.y*ml"),
        ("template", templates, "**/*"),
        ("code", _CODE_ROOT, "**/*.py"),
    ):
        for path in sorted(p for p in root.glob(pattern) if p.is_file()):
            data = path.read_bytes()
            digest.update(f"{label} {path.relative_to(root).as_posix()} {len(data)}\n".encode())
            digest.update(data)
    return digest.hexdigest()


def stamped_marker(stamp: str, files: dict[str, bytes]) -> bytes:
    """The marker file's bytes: its notice, the input stamp and the size of every other file.

    Example:
        >>> print(stamped_marker("abc", {"a.html": b"12345"}).decode().splitlines()[-3:])
        ['inputs abc', 'files 1', '5 a.html']
    """
    return marker_from_sizes(stamp, {path: len(data) for path, data in files.items()})


def marker_from_sizes(stamp: str, sizes: dict[str, int]) -> bytes:
    """The marker file's bytes from the size of every other file (for a site written as a stream)."""
    lines = [f"inputs {stamp}", f"files {sum(1 for p in sizes if p != MARKER)}"]
    lines += [f"{size} {path}" for path, size in sorted(sizes.items()) if path != MARKER]
    return MARKER_TEXT + ("\n".join(lines) + "\n").encode("utf-8")


def up_to_date(outdir: Path, stamp: str) -> int | None:
    """The number of files when `outdir` was built from the same inputs and is intact, else None."""
    try:
        text = (outdir / MARKER).read_bytes()
    except OSError:
        return None
    if not text.startswith(MARKER_TEXT):
        return None
    lines = text[len(MARKER_TEXT) :].decode("utf-8", "replace").splitlines()
    if len(lines) < 2 or lines[0] != f"inputs {stamp}" or not lines[1].startswith("files "):
        return None
    expected: dict[str, int] = {}
    for line in lines[2:]:
        size, _, path = line.partition(" ")
        if not size.isdigit() or not path:
            return None
        expected[path] = int(size)
    found = file_sizes(outdir)
    found.pop(MARKER, None)
    return len(expected) + 1 if found == expected else None  # the marker counts too


def file_sizes(root: Path) -> dict[str, int]:
    """Every file below `root` with its size, by relative POSIX path."""
    sizes: dict[str, int] = {}
    stack = [(root, "")]
    while stack:
        folder, prefix = stack.pop()
        with os.scandir(folder) as entries:
            for entry in entries:
                rel = prefix + entry.name
                if entry.is_dir(follow_symlinks=False):
                    stack.append((Path(entry.path), rel + "/"))
                else:
                    sizes[rel] = entry.stat(follow_symlinks=False).st_size
    return sizes
