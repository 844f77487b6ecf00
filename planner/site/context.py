"""Typed page contexts: everything a template may read, as frozen dataclasses.

This module holds the values every page is made of and :class:`Page`; the page types are in
:mod:`planner.site.plan_context` (what the plan says) and :mod:`planner.site.catalogue_context`
(what the catalogue says). Each page type has one context class naming its template. Templates read nothing else (the
environment's undefined is strict), so a test can check what a page will say by checking its
context, without parsing HTML. Paths in contexts are relative to the language root
(``acts/ai-act.html``); the renderer turns them into links relative to the page.

Catalogue text is carried as :class:`Local` (plain text) or :class:`Prose` (rendered Markdown),
each knowing the language it is in, so a page can mark text that falls back to the other
language.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import ClassVar


@dataclass(frozen=True)
class Local:
    """Catalogue text as shown on a page: in the page's language, or visibly in the other."""

    text: str
    lang: str
    fallback: bool = False


@dataclass(frozen=True)
class Prose:
    """Catalogue Markdown, rendered safely (see :mod:`planner.site.markdown`)."""

    html: str
    lang: str
    fallback: bool = False


@dataclass(frozen=True)
class Link:
    """A link inside the site: a path from the language root, with its text."""

    href: str
    text: Local


@dataclass(frozen=True)
class ExternalLink:
    """A link to an outside source, its URL already checked to be http(s)."""

    url: str
    text: str


@dataclass(frozen=True)
class Picture:
    """An inline SVG picture with its caption and where the same information is as text."""

    id: str
    svg: str
    caption: str
    text_href: str


@dataclass(frozen=True)
class Download:
    """A roadmap file in the site."""

    fmt: str
    href: str
    text: str


@dataclass(frozen=True)
class ObligationRef:
    """An obligation as listed on other pages."""

    id: str
    href: str
    title: Local
    act: str
    act_title: Local
    due: str | None


@dataclass(frozen=True)
class Count:
    """A labelled number, e.g. a status and how many items have it."""

    key: str
    count: int


@dataclass(frozen=True)
class SourceRow:
    """A source of facts: its key, title, link and when it was read."""

    key: str
    title: str
    url: str | None
    accessed: str | None


@dataclass(frozen=True)
class Page:
    """What every page has: where it goes, its title (also its one h1) and its menu section."""

    TEMPLATE: ClassVar[str] = ""
    path: str
    title: Local
    section: str


def relative_url(page: str, target: str) -> str:
    """A link from the file `page` to `target`, both relative to the same root.

    Only the path is made relative; a ``#fragment`` stays, and a bare fragment is returned as
    it is. Outside addresses never come here: they are :class:`ExternalLink`. Pure string
    work (no file system, no current folder), since a build makes hundreds of thousands.

    >>> relative_url("acts/ai-act.html", "obligations/ai-act.fria.html#nl")
    '../obligations/ai-act.fria.html#nl'
    >>> relative_url("index.html", "acts/ai-act.html"), relative_url("acts/a.html", "acts/a.html#x")
    ('acts/ai-act.html', '#x')
    >>> relative_url("nl/acts/a.html", "assets/site.css"), relative_url("nl/acts/a.html", "nl/acts/b.html")
    ('../../assets/site.css', 'b.html')
    """
    path, _, fragment = target.partition("#")
    if not path:
        return target
    if path == page and fragment:
        return f"#{fragment}"
    here = page.split("/")[:-1]
    there = path.split("/")
    common = 0
    while common < len(here) and common < len(there) - 1 and here[common] == there[common]:
        common += 1
    rel = "/".join([".."] * (len(here) - common) + there[common:])
    return f"{rel}#{fragment}" if fragment else rel
