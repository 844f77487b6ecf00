"""Catalogue Markdown to safe HTML: raw HTML off, links checked, no images, no headings.

Catalogue text is untrusted. markdown-it-py escapes raw HTML when ``html`` is off; on top of
that only ``http``, ``https`` and ``mailto`` links and in-page anchors become links (a
``javascript:``, ``data:`` or ``vbscript:`` link, or a relative path that would point nowhere in
the site, stays visible as text). Images are not rendered, since showing one would fetch it
from the network. Markdown headings become bold paragraphs: a heading inside a description
would break the page's heading outline.
"""

from __future__ import annotations

import re
from functools import cache
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from markdown_it import MarkdownIt

_ALLOWED = re.compile(r"^(https?://|mailto:|#)", re.IGNORECASE)
_CONTROL = re.compile(r"[\x00-\x20\x7f]")


def safe_url(url: str | None) -> str | None:
    """The URL if it may become a link (http, https, mailto or an in-page anchor), else None.

    Control characters and spaces are refused outright: browsers strip some of them, so
    ``java\\tscript:`` would otherwise slip through.

    >>> safe_url("https://eur-lex.europa.eu/eli/reg/2024/1689/oj")
    'https://eur-lex.europa.eu/eli/reg/2024/1689/oj'
    >>> safe_url("javascript:alert(1)") is None, safe_url("data:text/html,x") is None
    (True, True)
    >>> safe_url("java\\tscript:alert(1)") is None
    True
    """
    if not url or _CONTROL.search(url) or not _ALLOWED.match(url):
        return None
    return url


@cache
def _parser() -> MarkdownIt:
    from markdown_it import MarkdownIt

    md = MarkdownIt("commonmark", {"html": False, "linkify": False, "typographer": False})
    md.disable("image")
    md.validateLink = lambda url: safe_url(url) is not None  # type: ignore[method-assign]

    def heading_open(renderer: Any, tokens: Any, idx: int, options: Any, env: Any) -> str:
        return '<p class="md-heading"><strong>'

    def heading_close(renderer: Any, tokens: Any, idx: int, options: Any, env: Any) -> str:
        return "</strong></p>\n"

    md.add_render_rule("heading_open", heading_open)
    md.add_render_rule("heading_close", heading_close)
    return md


def render_markdown(text: str) -> str:
    """Markdown text as an HTML fragment in which every piece of the input is escaped.

    >>> render_markdown("See [Art. 27](https://example.org) and <b>this</b>.")
    '<p>See <a href="https://example.org">Art. 27</a> and &lt;b&gt;this&lt;/b&gt;.</p>\\n'
    >>> render_markdown("[x](javascript:alert(1))")
    '<p>[x](javascript:alert(1))</p>\\n'
    >>> render_markdown("# Title")
    '<p class="md-heading"><strong>Title</strong></p>\\n'
    """
    html: str = _parser().render(text)
    return html
