"""The search page: every act and obligation listed, searched with the Pagefind index.

The list is ordinary HTML, so the page works without JavaScript and without an index (the
browser's own find does the searching). ``assets/search.js`` loads Pagefind's script from the
index the build made (:mod:`planner.site.search_index`) and shows its results, with filters
by layer, status and theme; where the index cannot be loaded (a site opened as files, whose
browser refuses to fetch them, or built without Pagefind) it says so and the list stays.
"""

from __future__ import annotations

from planner.site.catalogue_context import SearchEntry, SearchPage
from planner.site.context import Local
from planner.site.i18n import labels
from planner.site.refs import View, page_path
from planner.site.search_index import BUNDLE

FILTERS = ("layer", "status", "theme")
"""The facets pages declare with ``data-pagefind-filter``, in the order the search page offers them."""


def search_page(view: View) -> SearchPage:
    """Every act and obligation, listed for use without JavaScript."""
    cat, t = view.cat, labels(view.lang)
    entries = []
    for act in cat.acts.values():
        title = view.act_title(act.id)
        entries.append(SearchEntry("act", act.id, page_path("act", act.id), title, act.celex or ""))
    for ob in cat.obligations.values():
        ref = view.ob(ob.id)
        entries.append(SearchEntry("obligation", ob.id, ref.href, ref.title, ref.act_title.text))
    return SearchPage(
        "search.html", Local(t["nav_search"], view.lang), "search", tuple(entries), f"{BUNDLE}/{view.lang}/"
    )
