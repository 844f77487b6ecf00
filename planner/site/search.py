"""The search page: every act and obligation listed, and a small JSON index for the script.

The list is ordinary HTML, so the page works without JavaScript (the browser's own find
does the searching); ``assets/search.js`` reads the index, which sits in the page itself as
``<script type="application/json">`` so it also works from ``file://``, where a separate JSON
file could not be fetched.
"""

from __future__ import annotations

import json
from typing import TYPE_CHECKING

from planner.site.catalogue_context import SearchEntry, SearchPage
from planner.site.context import Local
from planner.site.i18n import labels
from planner.site.refs import View, page_path

if TYPE_CHECKING:
    from planner.models import Text


def search_page(view: View) -> SearchPage:
    """Every act and obligation, listed (for use without JavaScript) and indexed for the script."""
    cat, t = view.cat, labels(view.lang)
    entries = []
    words: list[dict[str, str]] = []
    for act in cat.acts.values():
        title = view.act_title(act.id)
        entries.append(SearchEntry("act", act.id, page_path("act", act.id), title, act.celex or ""))
        texts = [act.id, act.celex or "", *_both(act.title), *(_both(act.short) if act.short else [])]
        words.append({"id": act.id, "text": _index_text(texts)})
    for ob in cat.obligations.values():
        ref = view.ob(ob.id)
        entries.append(SearchEntry("obligation", ob.id, ref.href, ref.title, ref.act_title.text))
        texts = [
            ob.id,
            *ob.articles,
            *_both(ob.title),
            *_both(cat.acts[ob.act].short or cat.acts[ob.act].title),
        ]
        words.append({"id": ob.id, "text": _index_text(texts)})
    index = json.dumps({"entries": words}, ensure_ascii=False, sort_keys=True, separators=(",", ":"))
    # Inside <script type="application/json"> only "<" could end the element early: escape it.
    safe = index.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")
    return SearchPage("search.html", Local(t["nav_search"], view.lang), "search", tuple(entries), safe)


def _both(text: Text) -> list[str]:
    """Both languages of a text: a search in either finds it."""
    return [value for value in (text.nl, text.en) if value]


def _index_text(parts: list[str]) -> str:
    return " ".join(" ".join(p.split()) for p in parts if p).lower()
