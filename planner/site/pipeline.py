"""Make a site's files one by one, only those whose inputs changed, in a process pool where it pays.

:func:`stream_site` yields ``(path, bytes)`` for each file made and ``(path, None)`` for each
file carried over unchanged from the previous build (see :mod:`planner.site.incremental`), so
the writer can put files on disk as they come and no build holds the whole site in memory.

The plan, the analysis and the input keys are made once, in this process (and, when a pool
is used, the roadmap views too).
Pages and downloads that must be made are then made by :func:`make_file`: here, or with
``fork`` in a pool of worker processes that inherit all of that (``PLANNER_BUILD_JOBS`` sets the
number of workers; 1 makes every build serial). Small builds stay serial: starting workers costs
more than they save. The files and their bytes do not depend on the number of workers.
"""

from __future__ import annotations

import gc
import multiprocessing
import shutil
import sys
import tempfile
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from planner.site import MARKER, build_jobs, search_index
from planner.site.incremental import MANIFEST, Entry, Fingerprints, Manifest, Shard, digest, manifest_bytes
from planner.site.stamp import marker_from_sizes

if TYPE_CHECKING:
    import jinja2

    from planner.catalogue import Catalogue
    from planner.house.status import HouseStatus
    from planner.site.build import BuildOptions, PageSpec
    from planner.site.progress import Progress
    from planner.site.refs import View
    from planner.site.render import SiteInfo

MIN_PARALLEL = 1000
"""Fewer files to make than this are made serially (the real catalogue makes ~530 in ~1 s)."""
CHUNK = 4

HEAVY = ("json", "xlsx")
"""Downloads after which the collector runs: their writers leave large reference cycles behind,
which would otherwise wait for the next full collection while the next download grows."""

Previous = Manifest
"""A previous build's manifest (:func:`~planner.site.incremental.read_manifest`)."""
Task = tuple[str, int, Any, str | None, str | None]
"""(``page`` or ``download``, view index, spec index or (layer, format), input key, output key)."""


@dataclass
class _State:
    """What every worker needs, set before the pool forks so the workers inherit it."""

    views: list[View]
    specs: list[list[PageSpec]]
    sites: list[SiteInfo]
    env: jinja2.Environment


_STATE: _State | None = None


def workers_wanted(files: int) -> int:
    """How many worker processes to make `files` files with (1: no pool)."""
    if files < MIN_PARALLEL or "fork" not in multiprocessing.get_all_start_methods():
        return 1
    return build_jobs()


def make_file(task: Task) -> tuple[str, str | None, str, bytes | None]:
    """Make one page or download: (path, input key, output key, bytes or None when unchanged)."""
    from planner.formats import RenderOptions, render_roadmap
    from planner.site import plan_pages as pp
    from planner.site.render import render_page

    state = _STATE
    assert state is not None
    kind, index, which, input_key, output_key = task
    site, view = state.sites[index], state.views[index]
    if kind == "download":
        layer, fmt = which
        # with a base URL, the calendar's events link to their pages on the published site
        base = site.base_url
        options = (
            RenderOptions(site_url=f"{base.rstrip('/')}/{site.prefix}") if base and fmt == "ics" else None
        )
        result = render_roadmap(fmt, view.roadmaps[layer], options)
        data = result if isinstance(result, bytes) else result.encode("utf-8")
        del result
        if fmt in HEAVY:
            gc.collect()
        assert output_key is not None
        return site.prefix + pp.download_path(layer, fmt), input_key, output_key, data
    spec = state.specs[index][which]
    page = spec.make()
    key = digest(page)
    path = site.prefix + spec.path
    if key == output_key:
        return path, input_key, key, None
    return path, input_key, key, render_page(page, site, state.env).encode("utf-8")


def _make_all(tasks: list[Task]) -> Iterator[tuple[str, str | None, str, bytes | None]]:
    workers = workers_wanted(len(tasks))
    if workers <= 1:
        yield from map(make_file, tasks)
        return
    with multiprocessing.get_context("fork").Pool(workers) as pool:
        yield from pool.imap(make_file, tasks, chunksize=CHUNK)


def _plan(cat: Catalogue, options: BuildOptions) -> _State:
    from planner import __version__
    from planner.analysis import analyse
    from planner.graph import build_graph
    from planner.roadmap import build_plan
    from planner.site.build import page_specs
    from planner.site.refs import View
    from planner.site.render import SiteInfo, environment

    status = read_status(cat, options)
    graph = build_graph(cat)
    ctx = build_plan(cat, options.as_of, graph=graph)
    analysis = analyse(graph, cat, options.as_of, known_packages=ctx.packages)
    multi = len(options.langs) > 1
    views = [View(ctx, analysis, lang) for lang in options.langs]
    sites = [
        SiteInfo(
            view.lang,
            options.langs,
            f"{view.lang}/" if multi else "",
            options.as_of.isoformat(),
            __version__,
            options.base_url,
            status=status is not None,
        )
        for view in views
    ]
    specs = [page_specs(view, options.organisations, status) for view in views]
    return _State(views, specs, sites, environment())


def read_status(cat: Catalogue, options: BuildOptions) -> HouseStatus | None:
    """The aggregate of the ``--status`` folder, or None without one.

    Raises:
        DataError: a file in it has problems (every problem of every file, each located): a
            published page does not leave organisations out silently.
    """
    if options.status is None:
        return None
    from planner.errors import DataError
    from planner.house.status import aggregate, read_folder

    profiles, problems = read_folder(options.status, cat, option="--status")
    if any(p.is_error for p in problems):
        raise DataError(sorted(problems))
    return aggregate(cat, profiles, options.as_of, str(options.status), problems)


def _tasks(state: _State, prints: Fingerprints, old: dict[str, Entry]) -> tuple[list[Task], dict[str, Entry]]:
    """What must be made, downloads first (they take longest); and the entries carried over."""
    from planner.roadmap import ALL
    from planner.site import plan_pages as pp

    downloads: list[Task] = []
    pages: list[tuple[int, int, Task]] = []
    kept: dict[str, Entry] = {}
    for index, (view, site) in enumerate(zip(state.views, state.sites, strict=True)):
        prints.summarise(view)
        for layer in (ALL, *view.cat.layers):
            key = prints.roadmap_key(view.lang, layer)
            for fmt in pp.DOWNLOAD_FORMATS:
                path = site.prefix + pp.download_path(layer, fmt)
                if path in old and old[path].output_key == key:
                    kept[path] = old[path]
                else:
                    downloads.append(("download", index, (layer, fmt), None, key))
        for number, spec in enumerate(state.specs[index]):
            path = site.prefix + spec.path
            input_key = prints.input_key(view, spec.kind, spec.ident)
            entry = old.get(path)
            if entry is not None and input_key is not None and entry.input_key == input_key:
                kept[path] = entry
            else:
                task = ("page", index, number, input_key, entry.output_key if entry else None)
                pages.append((number, index, task))
    if workers_wanted(len(downloads) + len(pages)) > 1:
        for view in state.views:  # made once here, inherited by the workers
            _ = view.relations, view.placements
        for name in state.env.list_templates(extensions=["html"]):  # compiled once, not per worker
            state.env.get_template(name)
    # a page in every language, then the next page: the languages share a picture's layout (the
    # engine runs once, see planner.site.layout.run_engine) only while it is still cached, and a
    # worker gets both languages of a page in one chunk
    pages.sort(key=lambda p: (p[0], p[1]))
    return downloads + [task for _, _, task in pages], kept


class SearchPages:
    """The search index of a build (:class:`~planner.site.search_index.SearchIndex`), or nothing
    when there is none: search off, ``PLANNER_PAGEFIND`` empty, or Pagefind missing (then
    :meth:`index` says so).
    """

    def __init__(
        self,
        wanted: bool,
        langs: tuple[str, ...],
        old: dict[str, Shard] | None = None,
        old_root: Path | None = None,
    ) -> None:
        binary = search_index.executable() if wanted and not search_index.disabled() else None
        self.missing = search_index.MISSING if wanted and not search_index.disabled() and not binary else None
        self._tmp = tempfile.mkdtemp(prefix="planner-search-") if binary else None
        self.index_ = (
            search_index.SearchIndex(binary, langs, Path(self._tmp), old, old_root)
            if binary and self._tmp
            else None
        )
        self.root = self.index_.root if self.index_ else None

    def add(self, path: str, data: bytes | None) -> None:
        """One file of the site: its bytes, or None for a file kept from the previous site."""
        if self.index_ is not None and data is not None:
            self.index_.add(path, data)

    def index(self, fixed: dict[str, bytes], entries: dict[str, Entry], base: str) -> search_index.Made:
        """The index: the `fixed` files' pages and the `entries`' pages, each shard made anew
        only when its pages changed."""
        if self.index_ is None:
            if self.missing:
                print(self.missing, file=sys.stderr)
            return search_index.Made({}, {}, {})
        keys = {path: e.output_key for path, e in entries.items() if path.endswith(".html")}
        for path, data in fixed.items():
            if path.endswith(".html"):
                self.add(path, data)
                keys[path] = digest(data)
        return self.index_.make(keys, base)

    def close(self) -> None:
        """Remove the folder (also when the build failed)."""
        if self._tmp:
            shutil.rmtree(self._tmp, ignore_errors=True)


def stream_site(
    cat: Catalogue,
    options: BuildOptions,
    previous: Previous | None = None,
    progress: Progress | None = None,
    stamp: str | None = None,
    old_root: Path | None = None,
) -> Iterator[tuple[str, bytes | None]]:
    """Every file of the site: ``(path, bytes)``, or ``(path, None)`` when the previous file stays.

    Args:
        cat: the loaded catalogue.
        options: as-of date, languages, base URL.
        previous: the previous build's manifest; None builds everything.
        progress: told how far the build is.
        stamp: the input stamp for the marker file (:mod:`planner.site.stamp`); None leaves
            the marker without one.
        old_root: the folder of the previous build: the search index reads the pages kept from it.
    """
    global _STATE
    from planner.site.render import templates_dir

    state = _plan(cat, options)
    prints = Fingerprints(cat, options.key(), templates_dir())
    prints.plan_key(state.views[0].plan, state.views[0].ctx.packages)
    same = previous is not None and previous.globals == prints.globals
    old = previous.entries if previous is not None and same else {}
    old_search = previous.search if previous is not None and same else {}
    tasks, entries = _tasks(state, prints, old)
    gc.collect()  # planning leaves cycles (a third of its memory at 10x): gone before pages are made
    if progress:
        progress.start(len(tasks) + len(entries))
    sizes: dict[str, int] = {}
    search = SearchPages(options.search, options.langs, old_search, old_root)
    try:
        for path, entry in entries.items():
            sizes[path] = entry.size
            yield path, None
            if progress:
                progress.advance()
        _STATE = state
        try:
            for path, input_key, output_key, data in _make_all(tasks):
                size = len(data) if data is not None else old[path].size
                entries[path] = Entry(input_key, output_key, size)
                sizes[path] = size
                search.add(path, data)
                yield path, data
                del data  # the writer has it on disk: nothing here holds a page any longer
                if progress:
                    progress.advance()
        finally:
            _STATE = None
        yield from _closing(options, state.env, entries, sizes, prints.globals, stamp, search)
    finally:
        search.close()
    if progress:
        progress.done()


def _closing(
    options: BuildOptions,
    env: jinja2.Environment,
    entries: dict[str, Entry],
    sizes: dict[str, int],
    globals_key: str,
    stamp: str | None,
    search: SearchPages,
) -> Iterable[tuple[str, bytes | None]]:
    """The fixed files, the search index (its shards carried over as None), the manifest, and
    last the marker (which records every other file's size)."""
    from planner.site.build import fixed_files

    files = fixed_files(options, env, sorted(entries))
    made = search.index(files, entries, globals_key)
    files.update(made.files)
    for path, size in sorted(made.carried.items()):
        sizes[path] = size
        yield path, None
    files[MANIFEST] = manifest_bytes(globals_key, entries, made.shards)
    if stamp is not None:
        sizes.update((path, len(data)) for path, data in files.items())
        files[MARKER] = marker_from_sizes(stamp, sizes)
    yield from sorted(files.items())
