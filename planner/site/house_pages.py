"""The house pages of the site: the plan for the whole house, and one page per scenario.

The house page is rendered from the Markdown ``planner house`` prints, so the site says what
the command line says; a scenario page shows per layer what ``planner diff --scenario`` finds,
in the page's language. Both are Markdown that escapes catalogue text, rendered with raw HTML
off.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING, Any, ClassVar

from planner.models import Amend, Change, Obligation, Scenario
from planner.site.context import Page
from planner.site.refs import View

if TYPE_CHECKING:
    from planner.house.impact import LayerShift

HOUSE_PAGE = "house.html"


@dataclass(frozen=True)
class PageLink:
    """A page the house page lists: a scenario or an organisation."""

    href: str
    title: str
    ident: str


@dataclass(frozen=True)
class DocPage(Page):
    """A page whose body is rendered Markdown (the house plan, a scenario's impact)."""

    TEMPLATE: ClassVar[str] = "doc.html"
    body: str
    """HTML made by markdown-it from Markdown that escapes catalogue text."""
    scenarios: tuple[PageLink, ...] = ()
    organisations: tuple[PageLink, ...] = ()
    status: str | None = None
    """The status page (where the house stands), when the site has one."""


def _html(markdown: str) -> str:
    from markdown_it import MarkdownIt

    html: str = MarkdownIt("commonmark", {"html": False}).enable("table").render(markdown)
    return scroll_tables(html)


_PIECES = re.compile(r"(<h[1-6][^>]*>.*?</h[1-6]>|<table>|</table>)", re.DOTALL)


def scroll_tables(html: str) -> str:
    r"""Each table in a box that scrolls sideways on a narrow screen: a named region that takes
    the keyboard focus (as the site's own tables), named after the heading above it.

    >>> scroll_tables("<h2>Who <em>pays</em></h2><table><tr><td>1</td></tr></table>")
    '<h2>Who <em>pays</em></h2><div class="table-scroll" tabindex="0" role="region" aria-label="Who pays"><table><tr><td>1</td></tr></table></div>'
    """
    out: list[str] = []
    label = ""
    for piece in _PIECES.split(html):
        if piece.startswith("<h"):
            label = re.sub(r"<[^>]+>", "", piece).strip()
        if piece == "<table>":
            out.append(f'<div class="table-scroll" tabindex="0" role="region" aria-label="{label}"><table>')
        elif piece == "</table>":
            out.append("</table></div>")
        else:
            out.append(piece)
    return "".join(out)


def _without_title(markdown: str) -> str:
    """The Markdown without its first heading: the page prints its own title."""
    first, _, rest = markdown.partition("\n")
    return rest if first.startswith("# ") else markdown


def scenario_path(ident: str) -> str:
    """Where a scenario's page goes (scenario ids are kebab-case: no path can leave the folder)."""
    return f"scenarios/{ident}.html"


def house_page(view: View, organisations: tuple[tuple[str, Path], ...] = (), status: bool = False) -> DocPage:
    """The plan for the whole house, the shipped scenarios, the organisations' own pages and (with
    `status`) the status page."""
    from planner.house.render import render_md
    from planner.house.view import house_view
    from planner.i18n import gettext

    text = _without_title(render_md(house_view(view.ctx), view.lang))
    scenarios = tuple(
        PageLink(scenario_path(s.id), s.title.get(view.lang), s.id) for s in sorted_scenarios(view)
    )
    orgs = tuple(PageLink(organisation_path(slug), path.stem, slug) for slug, path in organisations)
    title = view.plain(gettext(view.lang, "house", "title"))
    return DocPage(
        HOUSE_PAGE, title, "house", _html(text), scenarios, orgs, "status.html" if status else None
    )


def sorted_scenarios(view: View) -> list[Scenario]:
    """Every scenario of the catalogue, by id."""
    return sorted((s for act in view.cat.acts.values() for s in act.scenarios), key=lambda s: s.id)


_LAST: list[tuple[object, object, Any]] = []
"""The last value :func:`_for_both_languages` made: (the site's plan, its key, the value)."""


def _for_both_languages(view: View, key: object, make: Callable[[], Any]) -> Any:
    """`make()`, made once for a page's two languages, which come one after the other.

    For values without words that plan the whole catalogue again (a scenario's impact, an
    organisation's plan): made twice, they were a fifth of a build of the real catalogue. Only
    the last value is kept, so a build holds one at a time; a value is reused only within the
    same build (the same plan).
    """
    if _LAST and _LAST[0][0] is view.ctx and _LAST[0][1] == key:
        return _LAST[0][2]
    value = make()
    _LAST[:] = [(view.ctx, key, value)]
    return value


def _impact(view: View, ident: str) -> tuple[LayerShift, ...]:
    """What scenario `ident` does to the site's plan."""
    from planner.house.impact import scenario_impact

    # the catalogue as adopted is the site's own plan: only the scenario's side is planned here
    made = partial(scenario_impact, view.cat, ident, view.as_of, made_old=view.ctx)
    impact: tuple[LayerShift, ...] = _for_both_languages(view, ("scenario", ident), made)
    return impact


def scenario_page(view: View, ident: str) -> DocPage:
    """What one scenario does to every layer's roadmap: what it changes, and per layer the items
    that move or change status (the catalogue as adopted against the scenario, as of the site's date)."""
    from planner.formats.md import code, inline
    from planner.house.render import impact_md
    from planner.i18n import gettext

    cat, lang = view.cat, view.lang
    w = partial(gettext, lang, "house")
    scenario = next(s for s in sorted_scenarios(view) if s.id == ident)
    impact = _impact(view, ident)
    out = [w("scenario_intro", id=code(ident)), ""]
    if scenario.description is not None:
        out += [inline(scenario.description.get(lang)), ""]
    out += [f"## {w('scenario_changes_title')}", ""]
    out += [
        f"- {change_line(change, lang, cat.obligations.get(change.obligation or ''))}"
        for change in scenario.changes
    ] + [""]
    out += [f"## {w('impact_title', id=code(ident))}", ""]
    names = {lid: inline(layer.name.get(lang)) for lid, layer in cat.layers.items()}
    out += impact_md(impact, names, lang)
    return DocPage(scenario_path(ident), view.plain(scenario.title.get(lang)), "house", _html("\n".join(out)))


def change_line(change: Change, lang: str, before: Obligation | None = None) -> str:
    """One change of a scenario in words (Markdown; ids as code); an amendment names what it
    changes, with the effort `before` (the obligation as adopted) when given.

    >>> change_line(Change(collective="nl-wallet", delay_months=12), "en")
    '`nl-wallet`: delivered 12 months later'
    """
    from planner.formats.md import code
    from planner.i18n import gettext

    w = partial(gettext, lang, "house")
    if change.milestone is not None:
        return w("change_milestone", milestone=code(change.milestone), date=str(change.date))
    if change.collective is not None:
        return w("change_delay", collective=code(change.collective), months=change.delay_months)
    ob = code(change.obligation or "")
    if change.replaced is not None:
        if change.by is None:
            return w("change_replaced_other", obligation=ob, date=str(change.replaced))
        return w("change_replaced", obligation=ob, date=str(change.replaced), by=code(change.by))
    if change.remove:
        return w("change_remove", obligation=ob)
    if change.amend is not None:
        return w("change_amend", obligation=ob, what=amend_words(change.amend, lang, before))
    return w("change_due", obligation=ob, date=str(change.due))


_RELATION_WORDS = {
    "requires": "requires",
    "overlaps": "overlaps",
    "conflicts": "conflicts-with",
    "needs_facility": "needs-facility",
}
"""The site's word for each relation kind an amendment adds or drops."""


def amend_words(amend: Amend, lang: str, before: Obligation | None = None) -> str:
    """What an amendment changes, in `lang`: the fields it gives anew (effort as before → after
    when `before` is known), then each relation added (+) or dropped (−).

    >>> from planner.models import Amend
    >>> amend_words(Amend(effort_days=10, add={"overlaps": [{"to": "b.y", "rationale": {"en": "Same."}}]}), "en")
    'effort 10 person-days; + overlaps `b.y`'
    """
    from planner.catalogue import RELATION_KINDS
    from planner.formats.md import code
    from planner.i18n import format_number, gettext

    parts = []
    for name in amend.fields():
        if name == "effort_days" and amend.effort_days is not None:
            was = before.effort_estimate if before is not None else None
            now = format_number(amend.effort_days, lang)
            days = f"{format_number(was, lang)} → {now}" if was is not None else now
            parts.append(gettext(lang, "house", "amend_effort", days=days))
        elif name == "nature" and amend.nature is not None:
            parts.append(
                gettext(lang, "house", "amend_nature", nature=gettext(lang, "nature", amend.nature.value))
            )
        else:
            parts.append(gettext(lang, "house", f"amend_{name}"))
    for kind in RELATION_KINDS:
        rel = gettext(lang, "site", _RELATION_WORDS[kind])
        parts += [f"+ {rel} {code(r.to)}" for r in (getattr(amend.add, kind) if amend.add else ())]
        parts += [f"− {rel} {code(t)}" for t in (getattr(amend.drop, kind) if amend.drop else ())]
    return "; ".join(parts)


def organisation_slugs(paths: tuple[Path, ...]) -> tuple[tuple[str, Path], ...]:
    """A page name for each organisation file: its file name made safe (letters, digits, hyphens),
    numbered when two files give the same name (skipping a number another file's name already
    took), so every file has a page of its own and no name can leave the site's folder.

    >>> [s for s, _ in organisation_slugs((Path("a/Gemeente X.yaml"), Path("b/gemeente-x.yaml"), Path("../../etc.yaml")))]
    ['gemeente-x', 'gemeente-x-2', 'etc']
    >>> [s for s, _ in organisation_slugs((Path("a/x.yaml"), Path("b/x.yaml"), Path("c/x-2.yaml")))]
    ['x', 'x-2', 'x-2-2']
    """
    taken: set[str] = set()
    out = []
    for path in paths:
        base = re.sub(r"[^a-z0-9]+", "-", path.stem.casefold()).strip("-") or "organisation"
        slug, number = base, 1
        while slug in taken:
            number += 1
            slug = f"{base}-{number}"
        taken.add(slug)
        out.append((slug, path))
    return tuple(out)


def organisation_path(slug: str) -> str:
    """Where an organisation's page goes."""
    return f"organisations/{slug}.html"


def organisation_page(view: View, path: Path, slug: str) -> DocPage:
    """One organisation's plan, board summary first: its roadmap in the page's language."""
    from planner import api
    from planner.formats.md import render as md
    from planner.organisation import read_organisation

    cat = view.cat

    def read_and_plan() -> tuple[Any, Any]:
        org = read_organisation(path, cat)
        return org, api.plan(cat, view.as_of, organisation=org)

    org, made = _for_both_languages(view, ("organisation", path), read_and_plan)
    roadmap = api.roadmap(cat, org.layer, lang=view.lang, plan=made)
    return DocPage(
        organisation_path(slug), view.plain(org.name or slug), "house", _html(_without_title(md(roadmap)))
    )
