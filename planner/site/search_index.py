"""The full-text search index of the site, made by Pagefind over the pages a build made.

Pagefind (https://pagefind.app) indexes static HTML into small files that its own script
searches in the browser: no server, no network. It reads each page's ``lang`` (so Dutch pages
get Dutch stemming and English ones English), indexes only ``<main data-pagefind-body>`` and
the facets the pages declare with ``data-pagefind-filter`` (layer, status, theme).

The indexer is a binary, shipped on PyPI in the ``pagefind-bin`` wheel; ``pip install
'planner[search]'`` brings it. It runs on a private temporary copy of the pages, and its
output is added to the site in memory, so the writer still puts the whole site on disk in
one step and ``build --check`` compares the index too. Without the binary the site is built
all the same, without the index: :func:`index_site` says so in one sentence, and the search
page falls back to its plain list of every act and obligation. A build does not hold its pages
for this: it puts each into the indexer's folder as it is made and calls :func:`index_folder`.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import tempfile
from pathlib import Path

from planner.errors import PlannerError
from planner.site.search_canon import canonical

BUNDLE = "pagefind"
"""The folder of the index inside the site (from the site's root)."""

MISSING = (
    "warning: the search index was not built: Pagefind is not installed "
    "(pip install 'planner[search]' installs it, or set PLANNER_PAGEFIND to its binary); "
    "the search page lists every act and obligation instead"
)
"""What a build says when it cannot make the index (documented in README.md)."""


UNUSED = ("pagefind-ui.", "pagefind-modular-ui.", "pagefind-component-ui.", "pagefind-highlight.")
"""Pagefind's ready-made interfaces (about 420 kB): the search page has its own, so they are left out."""


class IndexerFailed(PlannerError):
    """Pagefind ran but did not make an index."""


def disabled() -> bool:
    """Whether ``$PLANNER_PAGEFIND`` is set and empty: build without an index, saying nothing."""
    return os.environ.get("PLANNER_PAGEFIND") == ""


def executable() -> str | None:
    """The Pagefind binary: ``$PLANNER_PAGEFIND``, the ``pagefind-bin`` wheel's, or one on PATH."""
    chosen = os.environ.get("PLANNER_PAGEFIND")
    if chosen:
        return chosen
    try:
        from pagefind_bin import get_executable  # the wheel that carries the binary

        return str(get_executable())
    except (ImportError, FileNotFoundError):
        return shutil.which("pagefind")


def index_site(files: dict[str, bytes], binary: str | None = None) -> tuple[dict[str, bytes], str | None]:
    """The Pagefind index of the HTML pages among `files`, as more files of the site.

    Args:
        files: the site built in memory, ``{path: bytes}``.
        binary: the Pagefind executable (default: :func:`executable`).

    Returns:
        The index files (paths under ``pagefind/``) and None; or no files and the sentence
        that says why there is no index.

    Raises:
        IndexerFailed: Pagefind ran and failed (with its own message).
    """
    if binary is None and disabled():
        return {}, None
    binary = binary or executable()
    if binary is None:
        return {}, MISSING
    with tempfile.TemporaryDirectory(prefix="planner-search-") as tmp:
        root = Path(tmp) / "site"
        for rel, data in files.items():
            if rel.endswith(".html"):
                path = root / rel
                path.parent.mkdir(parents=True, exist_ok=True)
                path.write_bytes(data)
        return index_folder(root, binary), None


def index_folder(root: Path, binary: str) -> dict[str, bytes]:
    """The Pagefind index of the pages in folder `root` (which gets the index too).

    A build streams its pages into such a folder as it makes them
    (:mod:`planner.site.pipeline`), so the site's HTML is never held in memory for the index.

    Raises:
        IndexerFailed: Pagefind ran and failed (with its own message).
    """
    root.mkdir(parents=True, exist_ok=True)
    command = [binary, "--site", str(root), "--output-subdir", BUNDLE, "--keep-index-url", "--silent"]
    try:
        done = subprocess.run(command, capture_output=True, text=True, check=False)
    except OSError as exc:
        raise IndexerFailed(f"cannot run Pagefind ({binary}): {exc.strerror or exc}") from None
    bundle = root / BUNDLE
    if done.returncode != 0 or not bundle.is_dir():
        message = (done.stderr or done.stdout).strip().splitlines()
        raise IndexerFailed(f"Pagefind failed: {message[-1] if message else f'exit {done.returncode}'}")
    made = {
        f"{BUNDLE}/{path.relative_to(bundle).as_posix()}": path.read_bytes()
        for path in sorted(bundle.rglob("*"))
        if path.is_file() and not path.name.startswith(UNUSED)
    }
    return canonical(made)
