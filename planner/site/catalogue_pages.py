"""Page contexts for what the catalogue holds: acts, obligations, themes, packages, search.

Each function takes a :class:`~planner.site.refs.View` (one language) and returns one typed
context from :mod:`planner.site.catalogue_context`.
"""

from __future__ import annotations

from collections import defaultdict

from planner.site import svg
from planner.site.catalogue_context import (
    ActCard,
    ActPage,
    ActRelation,
    ActsPage,
    AmendmentRow,
    HistoryRow,
    LayerObligations,
    MilestoneRow,
    ObligationPage,
    PackagePage,
    RelationRow,
    RoleRow,
    ThemeCard,
    ThemePage,
    ThemesPage,
)
from planner.site.context import ExternalLink, Link, ObligationRef, Picture, relative_url
from planner.site.i18n import labels, term
from planner.site.layout import layers
from planner.site.markdown import safe_url
from planner.site.refs import View, page_path

KIND_ORDER = ("requires", "needs-facility", "required-by", "facility-for", "overlaps", "conflicts-with")
"""How relations are listed, seen from one obligation: what it waits on first."""


def relations_of(view: View, oid: str) -> tuple[RelationRow, ...]:
    """Every relation of an obligation, both those it owns and those that point at it."""
    rows = []
    for _, kind, owner, target, rel in view.relations.get(oid, []):
        outgoing = owner == oid
        seen = {
            "requires": ("requires", "required-by"),
            "needs-facility": ("needs-facility", "facility-for"),
            "overlaps": ("overlaps", "overlaps"),
            "conflicts": ("conflicts-with", "conflicts-with"),
        }[kind][0 if outgoing else 1]
        other = target if outgoing else owner
        degree = getattr(rel, "degree", None)
        rows.append(
            RelationRow(seen, view.ob(other), view.local(rel.rationale), degree.value if degree else None)
        )
    return tuple(sorted(rows, key=lambda r: (KIND_ORDER.index(r.kind), r.other.id)))


def act_card(view: View, act_id: str) -> ActCard:
    """An act as listed on the acts and theme pages."""
    act = view.cat.acts[act_id]
    return ActCard(view.act_link(act_id), act.kind.value, act.status.value, act.celex, len(act.obligations))


def acts_page(view: View) -> ActsPage:
    """The list of every act."""
    t = labels(view.lang)
    return ActsPage(
        "acts/index.html", view.plain(t["acts"]), "acts", tuple(act_card(view, a) for a in view.cat.acts)
    )


def _milestone_rows(view: View, act_id: str) -> tuple[MilestoneRow, ...]:
    """An act's milestones by date, each with its history and the sources that disagree on it."""
    act = view.cat.acts[act_id]
    return tuple(
        MilestoneRow(
            m.id,
            m.kind.value,
            m.date.isoformat(),
            m.status.value,
            m.article,
            view.local(m.applies) if m.applies else None,
            view.prose(m.note),
            view.source(act_id, m.source),
            tuple(
                HistoryRow(h.date.isoformat(), _amendment_title(view, act_id, h.changed_by))
                for h in m.history
            ),
            tuple(
                HistoryRow(
                    d.date.isoformat(),
                    _source_title(view, act_id, d.source),
                    view.local(d.note) if d.note else None,
                )
                for d in m.disputed
            ),
        )
        for m in sorted(act.milestones, key=lambda m: (m.date, m.id))
    )


def act_page(view: View, act_id: str) -> ActPage:
    """One act's page."""
    cat, t = view.cat, labels(view.lang)
    act = cat.acts[act_id]
    milestones = _milestone_rows(view, act_id)
    amendments = tuple(
        AmendmentRow(
            a.id,
            view.local(a.title),
            a.status.value,
            a.date.isoformat() if a.date else None,
            a.celex,
            view.prose(a.summary),
            view.act_link(a.id) if a.id in cat.acts else None,
        )
        for a in act.amendments
    )
    per_layer = []
    for lid in cat.layers:
        rows = tuple(RoleRow(view.ob(o.id), o.roles[lid].value) for o in act.obligations if lid in o.roles)
        if rows:
            per_layer.append(LayerObligations(view.layer_link(lid), rows))
    transposed_by = [
        a for a in (act.transposition.national_acts if act.transposition else ()) if a in cat.acts
    ]
    transposed_by += [a.id for a in cat.acts.values() if act_id in a.transposes and a.id not in transposed_by]
    eli = safe_url(act.eli)
    return ActPage(
        page_path("act", act_id),
        view.act_title(act_id),
        "acts",
        act_id,
        act.kind.value,
        act.status.value,
        view.local(act.title),
        act.celex,
        f"https://eur-lex.europa.eu/legal-content/{view.lang.upper()}/TXT/?uri=CELEX:{act.celex}"
        if act.celex
        else None,
        ExternalLink(eli, eli) if eli else None,
        view.prose(act.note),
        tuple(view.theme_link(th) for th in act.themes if th in cat.themes),
        milestones,
        amendments,
        tuple(view.act_link(a) for a in act.transposes if a in cat.acts),
        tuple(view.act_link(a) for a in transposed_by),
        view.prose(act.transposition.note) if act.transposition else None,
        tuple(view.ob(o.id) for o in act.obligations),
        tuple(per_layer),
        act_relations(view, act_id),
        act_picture(view, act_id, t["graph"]),
        view.sources(act_id, act.sources),
    )


def _source_title(view: View, act_id: str, key: str) -> str:
    """A source as a reader knows it: its title (the key is for the catalogue's authors)."""
    found = view.source(act_id, key)
    return found.title if found else key


def _amendment_title(view: View, act_id: str, amendment_id: str) -> str:
    """The title of an amendment of an act in the page's language (its id when unknown)."""
    for amendment in view.cat.acts[act_id].amendments:
        if amendment.id == amendment_id:
            return view.local(amendment.title).text
    return amendment_id


def act_relations(view: View, act_id: str) -> tuple[ActRelation, ...]:
    """Relations between this act's obligations and other acts', per other act and kind."""
    cat = view.cat
    pairs: dict[tuple[str, str], list[tuple[ObligationRef, ObligationRef]]] = defaultdict(list)
    mine = {o.id for o in cat.acts[act_id].obligations}
    for oid in sorted(mine):
        for row in relations_of(view, oid):
            if row.other.act != act_id:
                pairs[(row.other.act, row.kind)].append((view.ob(oid), row.other))
    keys = sorted(pairs, key=lambda k: (k[0], KIND_ORDER.index(k[1])))
    return tuple(ActRelation(view.act_link(a), kind, tuple(pairs[(a, kind)])) for a, kind in keys)


def _edges(view: View, inside: set[str], both: bool) -> list[svg.Edge]:
    """Relation edges touching `inside` (both ends inside when `both`), prerequisite first."""
    found = {entry[0]: entry for oid in inside for entry in view.relations.get(oid, [])}
    edges = []
    for _, kind, owner, target, _rel in sorted(found.values(), key=lambda e: e[0]):
        ends = (owner in inside, target in inside)
        if not (all(ends) if both else any(ends)):
            continue
        if kind in svg.DIRECTED:
            edges.append(svg.Edge(target, owner, kind))
        else:
            edges.append(svg.Edge(owner, target, kind))
    return edges


def count_label(t: dict[str, str], n: int) -> str:
    """ "1 obligation", "2 obligations" in the page's language."""
    return t["obligations_n"].format(n=n)  # a plural Phrase: the count picks the form


def _describe(t: dict[str, str], ids: list[str], edges: list[svg.Edge]) -> str:
    """The picture's description: how many boxes, steps and lines it has."""
    steps = layers(ids, [(e.source, e.target) for e in edges if e.kind in svg.DIRECTED])
    return t["picture_nodes"].format(nodes=len(ids), columns=len(set(steps.values())), edges=len(edges))


def _legend(view: View) -> dict[str, str]:
    t = labels(view.lang)
    return {
        "requires": t["legend_requires"],
        "needs-facility": t["legend_needs"],
        "overlaps": t["legend_overlaps"],
        "conflicts": t["legend_conflicts"],
        "external": t["legend_external"],
    }


def obligation_picture(
    view: View, ident: str, page: str, members: list[str], both: bool, title: str, text_href: str
) -> Picture | None:
    """The interaction picture of some obligations (and, unless `both`, their direct neighbours)."""
    t = labels(view.lang)
    inside = set(members)
    edges = _edges(view, inside, both)
    ids = list(dict.fromkeys([*members, *(e for edge in edges for e in (edge.source, edge.target))]))
    if not ids:
        return None
    nodes = []
    for oid in ids:
        ref = view.ob(oid)
        sub = f"{ref.act_title.text} · {oid}" if oid not in inside else oid
        nodes.append(
            svg.Node(oid, ref.title.text, sub, relative_url(page, ref.href), external=oid not in inside)
        )
    desc = _describe(t, ids, edges)
    drawing = svg.graph(nodes, edges, ident=ident, title=title, desc=desc, legend=_legend(view))
    return Picture(ident, drawing, t["graph_caption"], text_href)


def act_picture(view: View, act_id: str, title: str) -> Picture | None:
    """An act's obligations with the obligations of other acts they relate to."""
    members = [o.id for o in view.cat.acts[act_id].obligations]
    name = f"{title}: {view.act_title(act_id).text}"
    return obligation_picture(
        view, "picture-act", page_path("act", act_id), members, False, name, "#relations"
    )


def obligation_page(view: View, oid: str) -> ObligationPage:
    """One obligation's page."""
    cat = view.cat
    ob = cat.obligations[oid]
    due = cat.due(ob)
    milestone = cat.milestone_of(ob)
    pkg = view.package_of.get(oid)
    return ObligationPage(
        page_path("obligation", oid),
        view.local(ob.title),
        "acts",
        oid,
        view.act_link(ob.act),
        ob.articles,
        view.prose(ob.description),
        due.isoformat() if due else None,
        Link(
            f"{page_path('act', ob.act)}#m-{milestone.id}",
            view.plain(term("milestone", milestone.kind.value, view.lang)),
        )
        if milestone
        else None,
        ob.effort_estimate,
        view.local(ob.effort_rationale) if ob.effort_rationale else None,
        tuple((view.layer_link(lid), ob.roles[lid].value) for lid in cat.layers if lid in ob.roles),
        tuple(view.theme_link(th) for th in ob.themes if th in cat.themes),
        relations_of(view, oid),
        view.placements.get(oid, ()),
        view.package_link(pkg) if pkg else None,
        view.sources(ob.act, ob.sources),
        ob.voluntary,
    )


def _theme_obligations(view: View, theme_id: str) -> list[str]:
    cat = view.cat
    return [
        o.id for o in cat.obligations.values() if theme_id in o.themes or theme_id in cat.acts[o.act].themes
    ]


def themes_page(view: View) -> ThemesPage:
    """The list of every theme."""
    cat, t = view.cat, labels(view.lang)
    cards = []
    for tid in cat.themes:
        obs = _theme_obligations(view, tid)
        acts = {cat.obligations[o].act for o in obs} | {a.id for a in cat.acts.values() if tid in a.themes}
        cards.append(ThemeCard(view.theme_link(tid), len(acts), len(obs)))
    return ThemesPage("themes/index.html", view.plain(t["themes"]), "themes", tuple(cards))


def theme_page(view: View, theme_id: str) -> ThemePage:
    """One theme: its acts, its obligations and a picture of how the acts depend on each other."""
    cat, t = view.cat, labels(view.lang)
    obs = _theme_obligations(view, theme_id)
    acts = sorted(
        {cat.obligations[o].act for o in obs} | {a.id for a in cat.acts.values() if theme_id in a.themes}
    )
    inside = set(obs)
    counts: dict[tuple[str, str, str], int] = defaultdict(int)
    for edge in _edges(view, inside, both=True):
        a, b = cat.obligations[edge.source].act, cat.obligations[edge.target].act
        if a == b:
            continue
        if edge.kind not in svg.DIRECTED:
            a, b = sorted((a, b))
        counts[(a, edge.kind, b)] += 1
    keys = sorted(
        counts, key=lambda k: (k[0], svg.DIRECTED.index(k[1]) if k[1] in svg.DIRECTED else 9, k[1], k[2])
    )
    path = page_path("theme", theme_id)
    picture = None
    ends = {k[0] for k in keys} | {k[2] for k in keys}
    linked = [a for a in acts if a in ends]
    if linked:
        per_act: dict[str, int] = defaultdict(int)
        for o in obs:
            per_act[cat.obligations[o].act] += 1
        nodes = [
            svg.Node(
                a, view.act_title(a).text, count_label(t, per_act[a]), relative_url(path, page_path("act", a))
            )
            for a in linked
        ]
        edges = [
            svg.Edge(a, b, kind, str(counts[(a, kind, b)]) if counts[(a, kind, b)] > 1 else "")
            for a, kind, b in keys
        ]
        desc = _describe(t, linked, edges)
        title = f"{t['graph']}: {view.local(cat.themes[theme_id].name).text}"
        drawing = svg.graph(nodes, edges, ident="picture-theme", title=title, desc=desc, legend=_legend(view))
        picture = Picture("picture-theme", drawing, t["graph_caption"], "#relations")
    return ThemePage(
        path,
        view.local(cat.themes[theme_id].name),
        "themes",
        theme_id,
        view.prose(cat.themes[theme_id].description),
        tuple(act_card(view, a) for a in acts),
        tuple(view.ob(o) for o in obs),
        tuple((view.act_link(a), kind, view.act_link(b), counts[(a, kind, b)]) for a, kind, b in keys),
        picture,
    )


def package_page(view: View, package_id: str) -> PackagePage:
    """One joint work package: members, effort, reasons, and where it sits per layer."""
    cat, t = view.cat, labels(view.lang)
    pkg = view.packages[package_id]
    members = list(pkg.members)
    overlaps = tuple(
        (view.ob(m), row)
        for m in members
        for row in relations_of(view, m)
        if row.kind == "overlaps" and row.other.id in members and m < row.other.id
    )
    placements = tuple(row for m in members for row in view.placements.get(m, ()))
    path = page_path("package", package_id)
    name = view.package_name(pkg)
    picture = obligation_picture(
        view, "picture-package", path, members, True, f"{t['graph']}: {name.text}", "#members"
    )
    return PackagePage(
        path,
        name,
        "analysis",
        package_id,
        tuple(view.ob(m) for m in members),
        tuple(view.act_link(a) for a in pkg.acts),
        tuple(view.layer_link(lid) for lid in cat.layers if lid in pkg.layers),
        pkg.due,
        view.ob(pkg.driver) if pkg.driver else None,
        pkg.effort_separate,
        pkg.effort_joint,
        pkg.effort_saved,
        overlaps,
        placements,
        picture,
    )
