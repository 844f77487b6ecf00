"""Gather the whole site in memory: ``{relative path: bytes}``, nothing written yet.

The plan and the analysis are made once; each language is a :class:`~planner.site.refs.View`
of them. With one language the site sits at the root of the output folder; with several,
each has its own folder (``nl/``, ``en/``) and the root page lets the reader choose. Shared
files (stylesheet, script) sit under ``assets/``. The same catalogue, as-of date and options
give the same bytes: no clock is read, every list has an explicit order.
"""

from __future__ import annotations

import datetime as dt
import re
import sys
from collections.abc import Callable
from dataclasses import dataclass
from functools import partial
from typing import TYPE_CHECKING
from xml.sax.saxutils import escape as xml_escape

from planner import __version__
from planner.errors import UsageError
from planner.formats import render_roadmap
from planner.site import MARKER, MARKER_TEXT, search_index
from planner.site import catalogue_pages as cp
from planner.site import plan_pages as pp
from planner.site.catalogue_context import LanguageChoice, LanguagesPage
from planner.site.context import Local, Page
from planner.site.i18n import LANG_NAMES, LANGS, labels
from planner.site.palette import COLOURS
from planner.site.refs import View
from planner.site.search import search_page

if TYPE_CHECKING:
    from planner.catalogue import Catalogue
    from planner.site.progress import Progress


@dataclass(frozen=True)
class BuildOptions:
    """What a build depends on besides the catalogue."""

    as_of: dt.date
    langs: tuple[str, ...] = LANGS
    base_url: str | None = None
    search: bool = True
    """Make the Pagefind search index (when Pagefind is installed)."""

    def key(self) -> tuple[str, ...]:
        """The options as text, for the input stamp (whether an index can be made counts too)."""
        searchable = (
            "search" if self.search and not search_index.disabled() and search_index.executable() else ""
        )
        return (self.as_of.isoformat(), ",".join(self.langs), self.base_url or "", searchable)


def parse_langs(value: str) -> tuple[str, ...]:
    """The languages of ``--lang``: ``nl``, ``en`` or ``all``.

    >>> parse_langs("all"), parse_langs("en")
    (('nl', 'en'), ('en',))
    """
    if value == "all":
        return LANGS
    if value not in LANGS:
        raise UsageError(f"--lang: {value!r} is not one of: nl, en, all")
    return (value,)


def parse_base_url(value: str | None) -> str | None:
    """The ``--base-url`` where the site will be published, ending in ``/``.

    >>> parse_base_url("https://example.org/plan")
    'https://example.org/plan/'
    """
    if value is None:
        return None
    if not re.fullmatch(r"https?://[^\s\"'<>\\]+", value):
        raise UsageError(f"--base-url: {value!r} is not an http(s) URL (e.g. https://example.org/planner/)")
    return value if value.endswith("/") else value + "/"


def page_jobs(view: View) -> list[Callable[[], Page]]:
    """Every page of one language, as functions that make its context (so they can be counted first)."""
    cat = view.cat
    jobs: list[Callable[[], Page]] = [
        partial(pp.home_page, view),
        partial(cp.acts_page, view),
        partial(cp.themes_page, view),
        partial(pp.government_page, view),
        partial(pp.analysis_page, view),
        partial(search_page, view),
    ]
    jobs += [partial(cp.act_page, view, a) for a in cat.acts]
    jobs += [partial(cp.obligation_page, view, o) for o in cat.obligations]
    jobs += [partial(pp.layer_page, view, lid) for lid in cat.layers]
    jobs += [partial(cp.theme_page, view, th) for th in cat.themes]
    jobs += [partial(cp.package_page, view, p.id) for p in view.ctx.packages]
    return jobs


def build_site(cat: Catalogue, options: BuildOptions, progress: Progress | None = None) -> dict[str, bytes]:
    """The whole site as ``{path: bytes}``, sorted by path.

    Args:
        cat: the loaded catalogue.
        options: as-of date, languages, base URL.
        progress: told how far the build is (for a terminal).
    """
    from planner.analysis import analyse
    from planner.graph import build_graph
    from planner.roadmap import ALL, build_plan
    from planner.site.render import SiteInfo, environment, render_page, templates_dir

    ctx = build_plan(cat, options.as_of)
    analysis = analyse(build_graph(cat), cat, options.as_of)
    env = environment()
    multi = len(options.langs) > 1
    views = [View(ctx, analysis, lang) for lang in options.langs]
    jobs = [(view, job) for view in views for job in page_jobs(view)]
    roadmaps = [
        (view, layer, fmt) for view in views for layer in (ALL, *cat.layers) for fmt in pp.DOWNLOAD_FORMATS
    ]
    if progress:
        progress.start(len(jobs) + len(roadmaps))
    files: dict[str, bytes] = {}
    for view, job in jobs:
        site = SiteInfo(
            view.lang,
            options.langs,
            f"{view.lang}/" if multi else "",
            options.as_of.isoformat(),
            __version__,
            options.base_url,
        )
        page = job()
        files[site.prefix + page.path] = render_page(page, site, env).encode("utf-8")
        if progress:
            progress.advance()
    for view, layer, fmt in roadmaps:
        prefix = f"{view.lang}/" if multi else ""
        result = render_roadmap(fmt, view.roadmaps[layer])
        files[prefix + pp.download_path(layer, fmt)] = (
            result if isinstance(result, bytes) else result.encode("utf-8")
        )
        if progress:
            progress.advance()
    if multi:
        site = SiteInfo(
            options.langs[0], options.langs, "", options.as_of.isoformat(), __version__, options.base_url
        )
        files["index.html"] = render_page(languages_page(options.langs), site, env).encode("utf-8")
    files["assets/site.css"] = env.get_template("assets/site.css").render(c=COLOURS).encode("utf-8")
    for script in ("search.js", "filter.js"):
        files[f"assets/{script}"] = (templates_dir() / "assets" / script).read_bytes()
    if options.search:
        index, missing = search_index.index_site(files)
        files.update(index)
        if missing:
            print(missing, file=sys.stderr)
    if options.base_url:
        files["sitemap.xml"] = sitemap(options.base_url, [p for p in files if p.endswith(".html")])
    files[MARKER] = MARKER_TEXT
    if progress:
        progress.done()
    return dict(sorted(files.items()))


def languages_page(langs: tuple[str, ...]) -> LanguagesPage:
    """The root page of a site in several languages."""
    choices = tuple(
        LanguageChoice(
            lang,
            LANG_NAMES[lang],
            f"{lang}/index.html",
            labels(lang)["site_name"],
            labels(lang)["choose_language"],
        )
        for lang in langs
    )
    title = " · ".join(choice.prompt for choice in choices)
    return LanguagesPage("index.html", Local(title, langs[0]), "home", choices)


def sitemap(base_url: str, pages: list[str]) -> bytes:
    """A sitemap of the HTML pages (without dates, so it changes only when pages come or go)."""
    lines = [
        '<?xml version="1.0" encoding="UTF-8"?>',
        '<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">',
    ]
    lines += [f"  <url><loc>{xml_escape(base_url + page)}</loc></url>" for page in sorted(pages)]
    lines.append("</urlset>")
    return ("\n".join(lines) + "\n").encode("utf-8")
