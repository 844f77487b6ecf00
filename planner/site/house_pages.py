"""The house pages of the site: the plan for the whole house, and one page per scenario.

The house page is rendered from the Markdown ``planner house`` prints, so the site says what
the command line says; a scenario page shows per layer what ``planner diff --scenario`` finds,
in the page's language. Both are Markdown that escapes catalogue text, rendered with raw HTML
off.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import partial
from pathlib import Path
from typing import ClassVar

from planner.models import Scenario
from planner.site.context import Page
from planner.site.refs import View

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


def _html(markdown: str) -> str:
    from markdown_it import MarkdownIt

    html: str = MarkdownIt("commonmark", {"html": False}).enable("table").render(markdown)
    return html


def _without_title(markdown: str) -> str:
    """The Markdown without its first heading: the page prints its own title."""
    first, _, rest = markdown.partition("\n")
    return rest if first.startswith("# ") else markdown


def scenario_path(ident: str) -> str:
    """Where a scenario's page goes (scenario ids are kebab-case: no path can leave the folder)."""
    return f"scenarios/{ident}.html"


def house_page(view: View, organisations: tuple[tuple[str, Path], ...] = ()) -> DocPage:
    """The plan for the whole house, the shipped scenarios and the organisations' own pages."""
    from planner.house.render import render_md
    from planner.house.view import house_view
    from planner.i18n import gettext

    text = _without_title(render_md(house_view(view.ctx), view.lang))
    scenarios = tuple(
        PageLink(scenario_path(s.id), s.title.get(view.lang), s.id) for s in sorted_scenarios(view)
    )
    orgs = tuple(PageLink(organisation_path(slug), path.stem, slug) for slug, path in organisations)
    title = view.plain(gettext(view.lang, "house", "title"))
    return DocPage(HOUSE_PAGE, title, "house", _html(text), scenarios, orgs)


def sorted_scenarios(view: View) -> list[Scenario]:
    """Every scenario of the catalogue, by id."""
    return sorted((s for act in view.cat.acts.values() for s in act.scenarios), key=lambda s: s.id)


def scenario_page(view: View, ident: str) -> DocPage:
    """What one scenario does to every layer's roadmap: what it changes, and per layer the items
    that move or change status (the catalogue as adopted against the scenario, as of the site's date)."""
    from planner.diff import diff
    from planner.diff.render import to_dict
    from planner.diff.sources import Side
    from planner.formats.md import code, inline
    from planner.i18n import gettext
    from planner.site.i18n import term

    cat, lang = view.cat, view.lang
    w = partial(gettext, lang, "house")
    scenario = next(s for s in sorted_scenarios(view) if s.id == ident)
    # the catalogue as adopted is the site's own plan: only the scenario's side is planned here
    sides = Side("catalogue", cat), Side(ident, cat.with_scenario(ident))
    report = to_dict(diff(*sides, view.as_of, made_old=view.ctx))
    out = [w("scenario_intro", id=code(ident)), ""]
    if scenario.description is not None:
        out += [inline(scenario.description.get(lang)), ""]
    for layer, impact in report["impact"].items():
        out += [f"## {inline(cat.layers[layer].name.get(lang) if layer in cat.layers else layer)}", ""]
        rows = impact.get("items", [])
        if not rows:
            out += [w("scenario_unchanged"), ""]
            continue
        out += ["| " + " | ".join(w(k) for k in ("obligation", "was", "becomes")) + " |", "|---|---|---|"]
        for row in rows:
            before = f"{row['old_stage'] or '—'}, {term('status', row['old_status'], lang) if row['old_status'] else '—'}"
            after = f"{row['new_stage'] or '—'}, {term('status', row['new_status'], lang) if row['new_status'] else '—'}"
            out.append(f"| {code(row['obligation'])} | {before} | {after} |")
        out.append("")
    return DocPage(scenario_path(ident), view.plain(scenario.title.get(lang)), "house", _html("\n".join(out)))


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
    org = read_organisation(path, cat)
    made = api.plan(cat, view.as_of, organisation=org)
    roadmap = api.roadmap(cat, org.layer, lang=view.lang, plan=made)
    return DocPage(
        organisation_path(slug), view.plain(org.name or slug), "house", _html(_without_title(md(roadmap)))
    )
