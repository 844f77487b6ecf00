"""What a site is made of: its options, its pages (:func:`page_specs`) and its fixed files.

:mod:`planner.site.pipeline` makes the pages and downloads, one by one (in a process pool where
it pays) and only those whose inputs changed; :func:`build_site` gathers a fresh build in
memory as ``{relative path: bytes}``.

The plan and the analysis are made once; each language is a :class:`~planner.site.refs.View`
of them. With one language the site sits at the root of the output folder; with several,
each has its own folder (``nl/``, ``en/``) and the root page lets the reader choose. Shared
files (stylesheet, script) sit under ``assets/``. The same catalogue, as-of date and options
give the same bytes: no clock is read, every list has an explicit order.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import re
from collections.abc import Callable
from dataclasses import dataclass
from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING
from xml.sax.saxutils import escape as xml_escape

from planner import __version__
from planner.errors import UsageError
from planner.site import MARKER, MARKER_TEXT, search_index
from planner.site import catalogue_pages as cp
from planner.site import plan_pages as pp
from planner.site.catalogue_context import LanguageChoice, LanguagesPage
from planner.site.context import Local, Page
from planner.site.house_pages import (
    HOUSE_PAGE,
    house_page,
    organisation_page,
    organisation_path,
    organisation_slugs,
    scenario_page,
    scenario_path,
    sorted_scenarios,
)
from planner.site.i18n import LANG_NAMES, LANGS, labels
from planner.site.palette import COLOURS
from planner.site.refs import View, page_path
from planner.site.search import search_page
from planner.site.status_pages import STATUS_PAGE, status_page

if TYPE_CHECKING:
    import jinja2

    from planner.catalogue import Catalogue
    from planner.house.status import HouseStatus
    from planner.site.progress import Progress


@dataclass(frozen=True)
class BuildOptions:
    """What a build depends on besides the catalogue."""

    as_of: dt.date
    langs: tuple[str, ...] = LANGS
    base_url: str | None = None
    search: bool = True
    """Make the Pagefind search index (when Pagefind is installed)."""
    organisations: tuple[Path, ...] = ()
    """Organisation files: each gets a page with its plan and board summary."""
    status: Path | None = None
    """A folder of organisation files: the status page (heat map) aggregates them."""

    def key(self) -> tuple[str, ...]:
        """The options as text, for the input stamp (whether an index can be made counts too, and
        the organisation files' contents)."""
        searchable = (
            "search" if self.search and not search_index.disabled() and search_index.executable() else ""
        )
        orgs = ",".join(
            f"{p.name}:{hashlib.blake2b(p.read_bytes(), digest_size=8).hexdigest()}"
            for p in self.organisations
        )
        return (
            self.as_of.isoformat(),
            ",".join(self.langs),
            self.base_url or "",
            searchable,
            orgs,
            self._status_key(),
        )

    def _status_key(self) -> str:
        """The status folder's files and their contents (any change makes every page again: the
        menu links the status page)."""
        if self.status is None:
            return ""
        from planner.house.status import organisation_files

        files = organisation_files(self.status, "--status")
        return ",".join(
            f"{p.name}:{hashlib.blake2b(p.read_bytes(), digest_size=8).hexdigest()}" for p in files
        )


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


INDEX_PAGES: tuple[tuple[str, Callable[[View], Page]], ...] = (
    ("index.html", pp.home_page),
    ("acts/index.html", cp.acts_page),
    ("themes/index.html", cp.themes_page),
    ("government.html", pp.government_page),
    ("analysis.html", pp.analysis_page),
    ("search.html", search_page),
)
"""The pages of one language that are not about one act, obligation, layer, theme or package."""


@dataclass(frozen=True)
class PageSpec:
    """One page of one language before it is made: what it is about, where it goes, how to make it."""

    kind: str
    """``act``, ``obligation``, ``layer``, ``theme``, ``package``, or ``index`` for the others."""
    ident: str
    path: str
    make: Callable[[], Page]


def page_specs(
    view: View, organisations: tuple[Path, ...] = (), status: HouseStatus | None = None
) -> list[PageSpec]:
    """Every page of one language, in a fixed order (the status page only with `status`)."""
    cat = view.cat
    orgs = organisation_slugs(organisations)
    specs = [PageSpec("index", path, path, partial(make, view)) for path, make in INDEX_PAGES]
    for kind, ids, make in (
        ("act", list(cat.acts), cp.act_page),
        ("obligation", list(cat.obligations), cp.obligation_page),
        ("layer", list(cat.layers), pp.layer_page),
        ("theme", list(cat.themes), cp.theme_page),
        ("package", [p.id for p in view.ctx.packages], cp.package_page),
    ):
        specs += [PageSpec(kind, ident, page_path(kind, ident), partial(make, view, ident)) for ident in ids]
    # the house, scenario and organisation pages are keyed by the summary, every act as others see
    # it and the collectives (Fingerprints.house); the status page has no key: always made
    specs.append(
        PageSpec("house", HOUSE_PAGE, HOUSE_PAGE, partial(house_page, view, orgs, status is not None))
    )
    if status is not None:
        specs.append(PageSpec("status", STATUS_PAGE, STATUS_PAGE, partial(status_page, view, status)))
    specs += [
        PageSpec("organisation", slug, organisation_path(slug), partial(organisation_page, view, path, slug))
        for slug, path in orgs
    ]
    specs += [
        PageSpec("scenario", s.id, scenario_path(s.id), partial(scenario_page, view, s.id))
        for s in sorted_scenarios(view)
    ]
    return specs


def page_jobs(view: View) -> list[Callable[[], Page]]:
    """Every page of one language, as functions that make its context (so they can be counted first)."""
    return [spec.make for spec in page_specs(view)]


def build_site(cat: Catalogue, options: BuildOptions, progress: Progress | None = None) -> dict[str, bytes]:
    """The whole site as ``{path: bytes}``, sorted by path (a fresh build, held in memory).

    Args:
        cat: the loaded catalogue.
        options: as-of date, languages, base URL.
        progress: told how far the build is (for a terminal).
    """
    from planner.site.pipeline import stream_site

    files: dict[str, bytes] = {}
    for path, data in stream_site(cat, options, progress=progress):
        assert data is not None  # a build without a previous manifest keeps nothing
        files[path] = data
    return dict(sorted(files.items()))


def fixed_files(options: BuildOptions, env: jinja2.Environment, pages: list[str]) -> dict[str, bytes]:
    """The files that are not pages or downloads: language choice, assets, sitemap, marker."""
    from planner.site.render import SiteInfo, render_page, templates_dir

    files: dict[str, bytes] = {}
    if len(options.langs) > 1:
        site = SiteInfo(
            options.langs[0], options.langs, "", options.as_of.isoformat(), __version__, options.base_url
        )
        files["index.html"] = render_page(languages_page(options.langs), site, env).encode("utf-8")
    files["assets/site.css"] = env.get_template("assets/site.css").render(c=COLOURS).encode("utf-8")
    for script in ("search.js", "filter.js"):
        files[f"assets/{script}"] = (templates_dir() / "assets" / script).read_bytes()
    if options.base_url:
        html = [p for p in (*pages, *files) if p.endswith(".html")]
        files["sitemap.xml"] = sitemap(options.base_url, html)
    files[MARKER] = MARKER_TEXT
    return files


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
