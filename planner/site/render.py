"""The one Jinja environment of the site: autoescape on, strict undefined, helpers registered here.

Templates live in ``templates/site/`` (``planner/_bundled/templates/site`` in an installed
wheel): ``base.html`` with blocks, one template per page type, ``_partials/`` for shared
pieces, ``assets/`` for the stylesheet (itself a template, filled from the palette) and the
search script. Catalogue text reaches HTML only through autoescaping or through
:func:`local` and :func:`prose`, which escape it too; templates are never made from data.
"""

from __future__ import annotations

import functools
import weakref
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from markupsafe import Markup, escape

from planner.i18n import format_number
from planner.site.articles import article
from planner.site.context import Link, Local, ObligationRef, Page, Prose, relative_url
from planner.site.i18n import LANG_NAMES, labels, long_date, pick, term

if TYPE_CHECKING:
    import jinja2

MENU = (
    ("home", "index.html"),
    ("acts", "acts/index.html"),
    ("themes", "themes/index.html"),
    ("government", "government.html"),
    ("analysis", "analysis.html"),
    ("house", "house.html"),
    ("status", "status.html"),
    ("search", "search.html"),
)
"""The main menu: (section, page), in the order shown (``status`` only when the site has that page)."""


def templates_dir() -> Path:
    """The site templates: bundled in the package when installed, else the checkout's ``templates/``."""
    here = Path(__file__).resolve().parent.parent
    packed = here / "_bundled" / "templates"
    return (packed if packed.is_dir() else here.parent / "templates") / "site"


@dataclass(frozen=True)
class SiteInfo:
    """What every page of one language knows about the whole site."""

    lang: str
    langs: tuple[str, ...]
    prefix: str
    as_of: str
    version: str
    base_url: str | None = None
    status: bool = False
    """The site has the status page (``build --status DIR``)."""


def local(text: Local) -> Markup:
    """Catalogue text as HTML; text in the other language gets its ``lang`` and a visible marker.

    >>> str(local(Local("<b>DPIA</b>", "en", fallback=True)))
    '<span lang="en">&lt;b&gt;DPIA&lt;/b&gt;</span> <span class="fallback" lang="en">(English)</span>'
    """
    if not text.fallback:
        return escape(text.text)
    return Markup('<span lang="{0}">{1}</span> <span class="fallback" lang="{0}">({2})</span>').format(
        text.lang, text.text, LANG_NAMES[text.lang]
    )


def prose(text: Prose) -> Markup:
    """Rendered catalogue Markdown in a block, marked like :func:`local` when it falls back."""
    if not text.fallback:
        return Markup('<div class="prose">{0}</div>').format(Markup(text.html))
    return Markup('<div class="prose" lang="{0}">{1}<p class="fallback">({2})</p></div>').format(
        text.lang, Markup(text.html), LANG_NAMES[text.lang]
    )


def _site(ctx: Any) -> SiteInfo:
    site: SiteInfo = ctx["site"]
    return site


def _page(ctx: Any) -> Page:
    page: Page = ctx["page"]
    return page


def _url(ctx: Any, target: str) -> str:
    """A link from the current page to `target` (a path from the language root)."""
    return relative_url(_page(ctx).path, target)


def _asset(ctx: Any, name: str) -> str:
    """A link from the current page to a shared file under ``assets/``."""
    return relative_url(_site(ctx).prefix + _page(ctx).path, f"assets/{name}")


def _root_url(ctx: Any, path: str) -> str:
    """A link from the current page to a file from the site's root (the search index)."""
    return relative_url(_site(ctx).prefix + _page(ctx).path, path)


def _lang_url(ctx: Any, lang: str) -> str:
    """A link from the current page to the same page in another language."""
    return relative_url(_site(ctx).prefix + _page(ctx).path, f"{lang}/{_page(ctx).path}")


def _date(ctx: Any, iso: str | None) -> Markup:
    """An ISO date written out in the page's language, in a ``<time>`` element."""
    if not iso:
        return Markup("")
    # an f-string with explicit escaping: Markup.format is slow, and this runs for every date
    return Markup(f'<time datetime="{escape(iso)}">{escape(long_date(iso, _site(ctx).lang))}</time>')


def _term(ctx: Any, value: str, vocabulary: str) -> str:
    """The name of a status, role, kind ... in the page's language."""
    return term(vocabulary, value, _site(ctx).lang)


def _article(ctx: Any, reference: str) -> str:
    """An article reference with its legal words in the page's language."""
    return article(reference, _site(ctx).lang)


def _number(ctx: Any, value: float | None) -> str:
    """A number without needless decimals, as the page's language writes it (decimal comma in Dutch)."""
    if value is None:
        return ""
    return format_number(value, _site(ctx).lang)


def _obl(ctx: Any, ref: ObligationRef) -> Markup:
    """A link to an obligation's page, its title as the link text."""
    # an f-string with explicit escaping: Markup.format is slow, and this runs for every link
    return Markup(
        f'<a href="{escape(relative_url(_page(ctx).path, ref.href))}">{escape(local(ref.title))}</a>'
    )


def _link(ctx: Any, target: Link) -> Markup:
    """A link inside the site."""
    return Markup(
        f'<a href="{escape(relative_url(_page(ctx).path, target.href))}">{escape(local(target.text))}</a>'
    )


_MENU_TARGETS = frozenset(target for _, target in MENU)
_MENUS: weakref.WeakKeyDictionary[Any, dict[tuple[Any, ...], Markup]] = weakref.WeakKeyDictionary()
"""The main menu as rendered, per template object (a reloaded template starts afresh) and per
what the menu shows differently (see :func:`_menu`)."""


def _menu(ctx: Any) -> Markup:
    """The main menu (``_partials/nav.html``), rendered once per language, folder and section.

    Every page has it, and it only differs by the page's language, folder (its links are
    relative), section, whether the page is itself in the menu, and whether the site has the
    status page: rendering it once per such combination instead of once per page is the same
    text.
    """
    page, site = _page(ctx), _site(ctx)
    template = ctx.environment.get_template("_partials/nav.html")
    menus = _MENUS.setdefault(template, {})
    own = page.path if page.path in _MENU_TARGETS else None
    key = (site.lang, site.status, page.section, page.path.rpartition("/")[0], own)
    if key not in menus:
        menus[key] = Markup(template.render(page=page, site=site, t=ctx["t"]))
    return menus[key]


def _status(ctx: Any, value: str) -> Markup:
    """A roadmap status as a coloured label (the word is always written out)."""
    return Markup(
        f'<span class="status status-{escape(value)}">{escape(term("status", value, _site(ctx).lang))}</span>'
    )


def _fill(label: str, **values: Any) -> Markup:
    """A label with its ``{placeholders}`` filled in; the values are escaped.

    A label with plural forms gets the form that fits the count first (escaping loses it).
    """
    return escape(pick(label, values)).format(**values)


CONTEXT_FILTERS: dict[str, Callable[..., Any]] = {
    "date": _date,
    "term": _term,
    "number": _number,
    "article": _article,
}
"""The filters that need the page's context (its language), by name."""

CONTEXT_GLOBALS: dict[str, Callable[..., Any]] = {
    "obl": _obl,
    "link": _link,
    "status": _status,
    "url": _url,
    "asset": _asset,
    "root_url": _root_url,
    "lang_url": _lang_url,
    "menu_html": _menu,
}
"""The template functions that need the page's context (its path or language), by name."""


def environment(root: Path | None = None) -> jinja2.Environment:
    """The Jinja environment for the site's templates (all filters and globals registered here)."""
    import jinja2

    env = jinja2.Environment(
        loader=jinja2.FileSystemLoader(str(root or templates_dir())),
        autoescape=jinja2.select_autoescape(["html", "xml", "svg"], default_for_string=True, default=False),
        undefined=jinja2.StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
        # one environment serves one build: without this every get_template, extends and import
        # (four per page) asks the file system whether the template changed
        auto_reload=False,
    )
    env.filters.update({name: jinja2.pass_context(f) for name, f in CONTEXT_FILTERS.items()}, fill=_fill)
    env.globals.update({name: jinja2.pass_context(f) for name, f in CONTEXT_GLOBALS.items()})
    env.globals.update(local=local, prose=prose, menu=MENU, lang_names=LANG_NAMES)
    return env


class Labels(dict[str, Any]):
    """A language's labels for the templates: ``t.key`` finds the label as an attribute.

    Jinja looks ``t.key`` up as an attribute first and as an item only when that fails; on a
    plain dict every label lookup raised and caught an AttributeError (tens of thousands per
    page list). Keys named like a dict method (``items``) stay items only, as before.
    """

    def __init__(self, values: dict[str, Any]) -> None:
        super().__init__(values)
        self.__dict__.update((k, v) for k, v in values.items() if not hasattr(dict, k))


@functools.cache
def _labels(lang: str) -> Labels:
    return Labels(labels(lang))


def render_page(page: Page, site: SiteInfo, env: jinja2.Environment | None = None) -> str:
    """One page as HTML text (pass `env` when rendering many pages: it caches the templates)."""
    env = env or environment()
    return env.get_template(page.TEMPLATE).render(page=page, site=site, t=_labels(site.lang))
