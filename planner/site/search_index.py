"""The full-text search index of the site, made by Pagefind over the pages a build made.

Pagefind (https://pagefind.app) indexes static HTML into small files that its own script
searches in the browser: no server, no network. It reads each page's ``lang`` (so Dutch pages
get Dutch stemming and English ones English), indexes only ``<main data-pagefind-body>`` and
the facets the pages declare with ``data-pagefind-filter`` (layer, status, theme).

The indexer is a binary, shipped on PyPI in the ``pagefind-bin`` wheel; ``pip install
'planner[search]'`` brings it. Without the binary the site is built all the same, without the
index: the build says so in one sentence, and the search page falls back to its plain list of
every act and obligation.

The index is made in shards (:class:`SearchIndex`): per language, a few hundred pages each,
every shard one Pagefind run on a private folder of its pages, its output added to the site's
stream (so ``build --check`` compares the index too). A rebuild runs Pagefind only on the shards
whose pages changed and carries the others over; the search page merges a language's shards.
A build does not hold its pages for this: each is written into the private folder as it is made.
"""

from __future__ import annotations

import hashlib
import json
import os
import shutil
import subprocess
import tempfile
from collections.abc import Iterable
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from pathlib import Path

from planner.errors import PlannerError
from planner.site import build_jobs
from planner.site.incremental import Shard, digest
from planner.site.search_canon import canonical

BUNDLE = "pagefind"
"""The folder of the index inside the site (from the site's root): ``pagefind/<lang>/<shard>/``."""

SHARDS_FILE = "shards.json"
"""Per language, ``pagefind/<lang>/shards.json`` lists that language's shards (the first holds the
search script), which the search page loads and merges."""

SHARD_PAGES = 250
"""How many pages a shard aims at. Pagefind takes ~1.4 ms per page and more memory the more
pages one run holds (at 10x the whole site in one run: 9.8 s, 581 MiB; 100 of its pages: 0.14 s,
25 MiB; 1,000: 1.4 s, 140 MiB; measured 2026-12-07). Small shards let an edit re-index only the
few it touches; each shard costs the browser a few small requests more per search."""

MAX_SHARDS = 16
"""At most this many shards per language, so that a search merges at most 16 indexes."""

RUNTIME = ("pagefind.js", "pagefind-worker.js", "wasm.")
"""Pagefind's script and its language modules: only the first shard of a language keeps them (the
others are merged into it and load no script of their own)."""


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
    """The Pagefind index of the HTML pages among `files`, as more files of the site (all shards).

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
        index = SearchIndex(binary, languages(files), Path(tmp))
        for rel, data in files.items():
            index.add(rel, data)
        keys = {rel: digest(data) for rel, data in files.items() if rel.endswith(".html")}
        return index.make(keys, "").files, None


def languages(paths: Iterable[str]) -> tuple[str, ...]:
    """The languages of a site's pages: its language folders, or the first language when it has
    none (a site in one language).

    >>> languages(["en/a.html", "nl/b.html", "index.html"]), languages(["a.html"])
    (('nl', 'en'), ('nl',))
    """
    from planner.i18n import LANGS

    found = {p.split("/", 1)[0] for p in paths if "/" in p}
    return tuple(lang for lang in LANGS if lang in found) or LANGS[:1]


def shard_count(pages: int) -> int:
    """How many shards a language with `pages` pages gets.

    >>> shard_count(1), shard_count(250), shard_count(251), shard_count(100_000)
    (1, 1, 2, 16)
    """
    return max(1, min(MAX_SHARDS, -(-pages // SHARD_PAGES)))


def plan_shards(paths: Iterable[str], langs: tuple[str, ...]) -> dict[str, tuple[str, ...]]:
    """The shards of the index: name (``<lang>/<nn>``) to its pages, both sorted.

    A page's language is its first folder when that is one of `langs`, else the first of `langs`
    (the root page of languages); within a language a page's shard is a hash of its path, so a
    page stays in its shard while the number of pages keeps the number of shards.

    >>> plan_shards(["nl/a.html", "index.html", "nl/x.json"], ("nl", "en"))
    {'nl/00': ('index.html', 'nl/a.html')}
    """
    by_lang: dict[str, list[str]] = {}
    for path in sorted(paths):
        if path.endswith(".html"):
            head = path.split("/", 1)[0]
            by_lang.setdefault(head if head in langs and "/" in path else langs[0], []).append(path)
    shards: dict[str, list[str]] = {}
    for lang, pages in by_lang.items():
        count = shard_count(len(pages))
        for path in pages:
            number = int.from_bytes(hashlib.blake2b(path.encode(), digest_size=8).digest(), "big") % count
            shards.setdefault(f"{lang}/{number:02d}", []).append(path)
    return {name: tuple(pages) for name, pages in sorted(shards.items())}


def _language_of(name: str) -> str:
    return name.rpartition("/")[0]


def first_shards(names: Iterable[str]) -> set[str]:
    """The first shard of each language: the one that carries Pagefind's script."""
    first: dict[str, str] = {}
    for name in sorted(names):
        first.setdefault(_language_of(name), name)
    return set(first.values())


def shard_lists(names: Iterable[str]) -> dict[str, bytes]:
    """Per language, the file that lists its shards (``pagefind/<lang>/shards.json``)."""
    by_lang: dict[str, list[str]] = {}
    for name in sorted(names):
        by_lang.setdefault(_language_of(name), []).append(name.rpartition("/")[2] + "/")
    return {
        f"{BUNDLE}/{lang}/{SHARDS_FILE}": (json.dumps({"shards": shards}) + "\n").encode()
        for lang, shards in by_lang.items()
    }


def binary_key(binary: str) -> str:
    """What identifies the indexer: its real path, size and modification time (a new Pagefind
    re-indexes every shard)."""
    try:
        real = os.path.realpath(binary)
        info = os.stat(real)
    except OSError:
        return binary
    return f"{real}:{info.st_size}:{info.st_mtime_ns}"


@dataclass
class Made:
    """What :meth:`SearchIndex.make` made."""

    files: dict[str, bytes]
    """The index files made anew, and the shard lists."""
    carried: dict[str, int]
    """The index files carried over from the previous site, with their sizes."""
    shards: dict[str, Shard]
    """Every shard, for the manifest."""


class SearchIndex:
    """The search index of a build, in shards (see :data:`SHARD_PAGES`), made from the pages
    as they come and re-made only for the shards whose pages changed.

    A made page is written into a private folder at once (the site is never held in memory);
    at the end each shard whose key (its pages' output keys, whether it is the first of its
    language, the indexer) differs from the previous build's is put together in a folder of its
    own (pages linked from that folder or from the previous site) and indexed, the shards in
    parallel; the others are carried over.
    """

    def __init__(
        self,
        binary: str,
        langs: tuple[str, ...],
        tmp: Path,
        old: dict[str, Shard] | None = None,
        old_root: Path | None = None,
    ) -> None:
        self.binary, self.langs, self.tmp = binary, langs, tmp
        self.root = tmp / "site"
        self.old, self.old_root = old or {}, old_root

    def add(self, path: str, data: bytes) -> None:
        """One made file of the site (only its pages are kept)."""
        if path.endswith(".html"):
            dest = self.root / path
            dest.parent.mkdir(parents=True, exist_ok=True)
            dest.write_bytes(data)

    def make(self, keys: dict[str, str], base: str) -> Made:
        """The index of the pages `keys` names (page to its output key); `base` goes into every
        shard's key (the build's globals)."""
        shards = plan_shards(keys, self.langs)
        first = first_shards(shards)
        stamp = (base, binary_key(self.binary))
        made = Made(shard_lists(shards), {}, {})
        todo: dict[str, Path] = {}
        for name, pages in shards.items():
            key = digest((stamp, name, name in first, [(p, keys[p]) for p in pages]))
            old = self.old.get(name)
            if old is not None and old.key == key and self.old_root is not None:
                made.carried.update(old.files)
                made.shards[name] = old
            else:
                todo[name] = self._folder(name, pages)
                made.shards[name] = Shard(key, {})
        for name, files in _index_all(todo, self.binary, first).items():
            made.files.update(files)
            made.shards[name] = Shard(made.shards[name].key, {p: len(d) for p, d in sorted(files.items())})
        return made

    def _folder(self, name: str, pages: tuple[str, ...]) -> Path:
        """A folder with just the shard's pages: linked from the made ones, or from the old site."""
        folder = self.tmp / "shards" / name
        for page in pages:
            source = self.root / page
            if not source.is_file() and self.old_root is not None:
                source = self.old_root / page
            dest = folder / page
            dest.parent.mkdir(parents=True, exist_ok=True)
            try:
                os.link(source, dest)
            except OSError:
                shutil.copyfile(source, dest)
        return folder


def _index_all(todo: dict[str, Path], binary: str, first: set[str]) -> dict[str, dict[str, bytes]]:
    """Each shard's index files (paths in the site), Pagefind run on the shards in parallel."""
    if not todo:
        return {}
    with ThreadPoolExecutor(max_workers=min(build_jobs(), len(todo))) as pool:
        done = dict(
            zip(todo, pool.map(lambda folder: index_folder(folder, binary), todo.values()), strict=True)
        )
    return {
        name: {
            f"{BUNDLE}/{name}/{path.removeprefix(BUNDLE + '/')}": data
            for path, data in files.items()
            if name in first or not path.removeprefix(BUNDLE + "/").startswith(RUNTIME)
        }
        for name, files in done.items()
    }


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
