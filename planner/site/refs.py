"""One language's view of the catalogue and the plan: the small pieces every page is made of.

:class:`View` turns catalogue objects into context values (texts with their language, links,
obligation references, roadmap rows) for one language, so the page builders in
:mod:`planner.site.catalogue_pages` and :mod:`planner.site.plan_pages` say only what a page
shows. It also decides where each page goes (:func:`page_path`).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from functools import cached_property
from typing import TYPE_CHECKING, Any

from planner.messages import render
from planner.site.context import Count, Link, Local, ObligationRef, Prose, SourceRow
from planner.site.i18n import LANGS
from planner.site.markdown import render_markdown, safe_url
from planner.site.plan_context import ItemRow, PackageCard, WaitRef

if TYPE_CHECKING:
    from planner.analysis import Analysis, Package
    from planner.catalogue import Catalogue
    from planner.models import Text
    from planner.roadmap import PlanContext
    from planner.view import Item, RoadmapView, Wait

FOLDERS = {
    "act": "acts",
    "obligation": "obligations",
    "layer": "layers",
    "theme": "themes",
    "package": "packages",
}


def page_path(kind: str, item_id: str) -> str:
    """Where the page of an act, obligation, layer, theme or package goes (from the language root).

    >>> page_path("obligation", "ai-act.fria")
    'obligations/ai-act.fria.html'
    """
    return f"{FOLDERS[kind]}/{item_id}.html"


class View:
    """The catalogue, plan and analysis as seen in one language.

    Args:
        ctx: the plan with its catalogue and packages.
        analysis: the coherence analysis of the same catalogue and as-of date.
        lang: ``nl`` or ``en``.
    """

    def __init__(self, ctx: PlanContext, analysis: Analysis, lang: str) -> None:
        self.ctx = ctx
        self.cat: Catalogue = ctx.catalogue
        self.plan = ctx.plan
        self.analysis = analysis
        self.lang = lang
        self.other = next(other for other in LANGS if other != lang)
        self._refs: dict[str, ObligationRef] = {}

    @property
    def as_of(self) -> dt.date:
        """The plan's as-of date."""
        return self.plan.as_of

    def local(self, text: Text) -> Local:
        """Catalogue text in the page's language, or in the other one, marked as a fallback."""
        if text.has(self.lang):
            return Local(text.get(self.lang), self.lang)
        return Local(text.get(self.other), self.other, fallback=True)

    def plain(self, text: str) -> Local:
        """Text of the site itself (always in the page's language)."""
        return Local(text, self.lang)

    def prose(self, text: Text | None) -> Prose | None:
        """Catalogue Markdown rendered safely, in the page's language or visibly in the other."""
        if text is None:
            return None
        local = self.local(text)
        return Prose(render_markdown(local.text), local.lang, local.fallback)

    def act_title(self, act_id: str) -> Local:
        """The short title of an act (its full title when it has none)."""
        act = self.cat.acts[act_id]
        return self.local(act.short or act.title)

    def act_link(self, act_id: str) -> Link:
        """A link to an act's page."""
        return Link(page_path("act", act_id), self.act_title(act_id))

    def layer_link(self, layer_id: str) -> Link:
        """A link to a layer's roadmap page."""
        return Link(page_path("layer", layer_id), self.local(self.cat.layers[layer_id].name))

    def theme_link(self, theme_id: str) -> Link:
        """A link to a theme's page."""
        return Link(page_path("theme", theme_id), self.local(self.cat.themes[theme_id].name))

    @cached_property
    def relations(self) -> dict[str, list[tuple[int, str, str, str, Any]]]:
        """Per obligation, each relation it owns or is the target of, once, in catalogue order.

        Each entry is (position in the catalogue, kind, owner id, target id, the relation).
        Made once, so a page does not scan every relation of the catalogue.
        """
        found: dict[str, list[tuple[int, str, str, str, Any]]] = {}
        for index, (kind, owner, target) in enumerate(self.cat.iter_relations()):
            if target not in self.cat.obligations:
                continue
            rel = next(r for r in getattr(owner, kind.replace("-", "_")) if r.to == target)
            entry = (index, kind, owner.id, target, rel)
            for end in dict.fromkeys((owner.id, target)):
                found.setdefault(end, []).append(entry)
        return found

    @cached_property
    def package_of(self) -> dict[str, str]:
        """Obligation id → the id of its joint work package."""
        return {m: p.id for p in self.ctx.packages for m in p.members}

    @cached_property
    def packages(self) -> dict[str, Package]:
        """Joint work packages by id."""
        return {p.id: p for p in self.ctx.packages}

    def package_name(self, package: Package) -> Local:
        """A package's name: its hub obligation's title and how many duties join it."""
        hub = package.hub or package.members[0]
        title = self.cat.obligations[hub].title
        lang = self.lang if title.has(self.lang) else self.other
        return Local(package.name[self.lang], lang, fallback=lang != self.lang)

    def package_link(self, package_id: str) -> Link:
        """A link to a package's page."""
        return Link(page_path("package", package_id), self.package_name(self.packages[package_id]))

    def package_card(self, package: Package) -> PackageCard:
        """A package as listed on other pages."""
        return PackageCard(
            self.package_link(package.id),
            len(package.members),
            len(package.acts),
            package.due,
            package.effort_saved,
        )

    def ob(self, oid: str) -> ObligationRef:
        """A reference to an obligation (made once per obligation and language)."""
        if oid not in self._refs:
            ob = self.cat.obligations[oid]
            due = self.cat.due(ob)
            self._refs[oid] = ObligationRef(
                oid,
                page_path("obligation", oid),
                self.local(ob.title),
                ob.act,
                self.act_title(ob.act),
                due.isoformat() if due else None,
            )
        return self._refs[oid]

    def source(self, owner: str, key: str | None) -> SourceRow | None:
        """A source declared in the file of `owner`, its URL only kept when it is safe to link."""
        found = self.cat.source(owner, key)
        if found is None or key is None:
            return None
        accessed = found.accessed.isoformat() if found.accessed else None
        return SourceRow(key, found.title, safe_url(found.url), accessed)

    def sources(self, owner: str, keys: Any) -> tuple[SourceRow, ...]:
        """Several sources of one file, in the order given, each once."""
        rows = (self.source(owner, key) for key in dict.fromkeys(keys))
        return tuple(row for row in rows if row is not None)

    def waits(self, waits: Iterable[Wait]) -> tuple[WaitRef, ...]:
        """What a roadmap item waits on."""
        return tuple(WaitRef(w.kind, self.ob(w.obligation), w.layer) for w in waits)

    def say(self, sentences: Iterable[str]) -> tuple[str, ...]:
        """The planner's sentences (reasons, findings) in the page's language."""
        return tuple(render(sentence, self.lang) for sentence in sentences)

    @staticmethod
    def counts(view: RoadmapView) -> tuple[Count, ...]:
        """Status counts of a roadmap view, in the fixed status order."""
        return tuple(Count(status, n) for status, n in view.counts)

    @cached_property
    def roadmaps(self) -> dict[str, RoadmapView]:
        """The roadmap view of the whole government (``all``) and of each layer, in this language."""
        from planner.roadmap import ALL
        from planner.view import build_view

        return {layer: build_view(self.ctx, layer, self.lang) for layer in (ALL, *self.cat.layers)}

    def item_row(self, item: Item) -> ItemRow:
        """A roadmap row (with its links) from an item of a roadmap view."""
        return ItemRow(
            item,
            self.ob(item.obligation),
            self.layer_link(item.layer),
            self.package_link(item.package) if item.package else None,
            self.waits(item.waits_on),
            self.themes_of(item.obligation),
        )

    def themes_of(self, oid: str) -> tuple[str, ...]:
        """The themes of an obligation and of its act, in the catalogue's theme order."""
        ob = self.cat.obligations[oid]
        mine = set(ob.themes) | set(self.cat.acts[ob.act].themes)
        return tuple(th for th in self.cat.themes if th in mine)

    @cached_property
    def placements(self) -> dict[str, tuple[ItemRow, ...]]:
        """Per obligation its rows in the whole-government roadmap, in layer order."""
        from planner.roadmap import ALL

        order = {lid: i for i, lid in enumerate(self.cat.layers)}
        found: dict[str, list[tuple[int, ItemRow]]] = {}
        for item in self.roadmaps[ALL].items:
            found.setdefault(item.obligation, []).append((order[item.layer], self.item_row(item)))
        return {oid: tuple(row for _, row in sorted(rows, key=lambda r: r[0])) for oid, rows in found.items()}
