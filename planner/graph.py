"""The interaction graph: the catalogue as a typed networkx ``DiGraph``.

Nodes have a ``kind``: ``act``, ``obligation``, ``layer`` or ``theme``. Acts and obligations
keep their catalogue ids; layers and themes are prefixed (``layer:rijk``, ``theme:data``) since
their ids may equal an act's. Edges have a ``kind``:

=================  =========================  ==========================================
kind               from → to                  attributes
=================  =========================  ==========================================
requires           obligation → prerequisite  ``rationale``
needs-facility     obligation → facility      ``rationale``
overlaps           obligation → obligation    ``degree`` (equal, subset, intersect)
conflicts          obligation → obligation    ``rationale``
belongs-to         obligation → act
applies-to         obligation → layer         ``role``
has-theme          act/obligation → theme
amends             act → act
transposes         national act → EU act
=================  =========================  ==========================================

All functions are pure: they read a catalogue or a graph and return new objects.
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from typing import TYPE_CHECKING, Any

import networkx as nx

from planner.errors import UsageError
from planner.models import PLANNED_ROLES

if TYPE_CHECKING:
    from planner.catalogue import Catalogue

RELATION_KINDS = ("requires", "needs-facility", "overlaps", "conflicts")
EDGE_KINDS = (*RELATION_KINDS, "belongs-to", "applies-to", "has-theme", "amends", "transposes")
PRECEDENCE = ("requires", "needs-facility")
MERMAID_MAX_NODES = 80


def layer_node(layer_id: str) -> str:
    """The node id of a layer.

    >>> layer_node("gemeenten")
    'layer:gemeenten'
    """
    return f"layer:{layer_id}"


def theme_node(theme_id: str) -> str:
    """The node id of a theme.

    >>> theme_node("data")
    'theme:data'
    """
    return f"theme:{theme_id}"


def build_graph(cat: Catalogue, lang: str = "en") -> nx.DiGraph:
    """The whole catalogue as a typed graph.

    Args:
        cat: a loaded catalogue.
        lang: language of the ``label`` attributes.

    Returns:
        A new ``DiGraph``; nodes and edges are added in catalogue order, so the same catalogue
        gives the same graph, node for node.

    Example:
        >>> from planner.loading import load_catalogue
        >>> from pathlib import Path
        >>> g = build_graph(load_catalogue(Path("tests/data/minimal")))
        >>> g.nodes["act-b.connect"]["kind"], g.edges["act-b.connect", "act-a.platform"]["kind"]
        ('obligation', 'needs-facility')
    """
    g = nx.DiGraph()
    for lid, layer in cat.layers.items():
        g.add_node(
            layer_node(lid), kind="layer", label=layer.name.get(lang), organisations=layer.organisations
        )
    for tid, theme in cat.themes.items():
        g.add_node(theme_node(tid), kind="theme", label=theme.name.get(lang))
    for aid, act in cat.acts.items():
        g.add_node(aid, kind="act", label=(act.short or act.title).get(lang), act_kind=act.kind.value)
    for aid, act in cat.acts.items():
        for tid in act.themes:
            g.add_edge(aid, theme_node(tid), kind="has-theme")
        for other in act.transposes:
            g.add_edge(aid, other, kind="transposes")
        if act.transposition:
            for national in act.transposition.national_acts:
                g.add_edge(national, aid, kind="transposes")
        for amendment in act.amendments:
            if amendment.id in cat.acts:
                g.add_edge(amendment.id, aid, kind="amends")
    for oid, ob in cat.obligations.items():
        due = cat.due(ob)
        g.add_node(
            oid,
            kind="obligation",
            act=ob.act,
            label=ob.title.get(lang),
            due=due.isoformat() if due else "",
            effort=float(ob.effort_estimate or 0),
        )
        g.add_edge(oid, ob.act, kind="belongs-to")
        for lid, role in sorted(ob.roles.items()):
            g.add_edge(oid, layer_node(lid), kind="applies-to", role=role.value)
        for tid in ob.themes:
            g.add_edge(oid, theme_node(tid), kind="has-theme")
    for kind, ob, target in cat.iter_relations():
        if target not in cat.obligations or g.has_edge(ob.id, target):
            continue
        rel = _relation(ob, kind, target)
        attrs: dict[str, Any] = {"kind": kind, "rationale": rel.rationale.get(lang)}
        if kind == "overlaps":
            attrs["degree"] = rel.degree.value
        g.add_edge(ob.id, target, **attrs)
    return g


def _relation(ob: Any, kind: str, target: str) -> Any:
    rels = {"requires": ob.requires, "needs-facility": ob.needs_facility, "overlaps": ob.overlaps}.get(
        kind, ob.conflicts
    )
    return next(r for r in rels if r.to == target)


def edges_of_kind(g: nx.DiGraph, *kinds: str) -> nx.DiGraph:
    """A view of `g` that keeps only edges of the given kinds (all nodes stay).

    >>> g = nx.DiGraph([("a", "b", {"kind": "requires"}), ("b", "c", {"kind": "overlaps"})])
    >>> sorted(edges_of_kind(g, "requires").edges)
    [('a', 'b')]
    """
    wanted = set(kinds)
    return nx.subgraph_view(g, filter_edge=lambda u, v: g.edges[u, v]["kind"] in wanted)


def precedence_graph(g: nx.DiGraph) -> nx.DiGraph:
    """Obligations with an edge from each prerequisite or facility to what waits on it.

    Edges point forward in time (prerequisite → dependant), the natural order for
    topological sorting.

    >>> g = nx.DiGraph()
    >>> g.add_node("a.x", kind="obligation"); g.add_node("a.y", kind="obligation")
    >>> g.add_edge("a.y", "a.x", kind="requires")
    >>> list(precedence_graph(g).edges)
    [('a.x', 'a.y')]
    """
    p = nx.DiGraph()
    p.add_nodes_from(n for n, d in g.nodes(data=True) if d["kind"] == "obligation")
    p.add_edges_from((v, u, {"kind": d["kind"]}) for u, v, d in g.edges(data=True) if d["kind"] in PRECEDENCE)
    return p


def select(
    g: nx.DiGraph,
    cat: Catalogue,
    *,
    act: str | None = None,
    layer: str | None = None,
    theme: str | None = None,
    kinds: Iterable[str] | None = None,
) -> nx.DiGraph:
    """A filtered view: matching obligations, their direct relations, and their acts, layers, themes.

    Args:
        g: the full graph from :func:`build_graph`.
        cat: the catalogue it was built from.
        act, layer, theme: keep obligations of this act, with a planned role in this layer,
            with this theme (all given filters must hold).
        kinds: keep only edges of these kinds (default all).

    Returns:
        A new graph.
    """
    kinds = tuple(kinds) if kinds else EDGE_KINDS
    bad = [k for k in kinds if k not in EDGE_KINDS]
    if bad:
        raise UsageError(f"--kind: unknown edge kind {bad[0]!r}; known: {', '.join(EDGE_KINDS)}")
    filtered = act is not None or layer is not None or theme is not None
    core = {
        oid
        for oid, ob in cat.obligations.items()
        if (act is None or ob.act == act)
        and (layer is None or ob.roles.get(layer) in PLANNED_ROLES)
        and (theme is None or theme in ob.themes or theme in cat.acts[ob.act].themes)
    }
    keep = set(core) if filtered else set(g.nodes)
    if filtered:
        for oid in core:
            for _, v, d in g.out_edges(oid, data=True):
                if d["kind"] in kinds:
                    keep.add(v)
            for u, _, d in g.in_edges(oid, data=True):
                if d["kind"] in RELATION_KINDS and d["kind"] in kinds:
                    keep.add(u)
        if act is not None:
            keep.add(act)
    sub = nx.DiGraph()
    sub.add_nodes_from((n, g.nodes[n]) for n in g.nodes if n in keep)
    sub.add_edges_from(
        (u, v, d) for u, v, d in g.edges(data=True) if u in keep and v in keep and d["kind"] in kinds
    )
    return sub


def to_node_link(g: nx.DiGraph) -> str:
    """The graph as networkx node-link JSON (readable with ``networkx.node_link_graph``).

    >>> g = nx.DiGraph([("a", "b", {"kind": "requires"})])
    >>> nx.node_link_graph(json.loads(to_node_link(g))).edges["a", "b"]["kind"]
    'requires'
    """
    data = nx.node_link_data(g, edges="edges")
    for node in data["nodes"]:
        node.setdefault("kind", "obligation")
    return json.dumps(data, indent=2, ensure_ascii=False, sort_keys=True) + "\n"


def to_graphml(g: nx.DiGraph) -> str:
    """The graph as GraphML, with ``label`` attributes that Gephi and yEd show."""
    return "\n".join(nx.generate_graphml(g, prettyprint=True)) + "\n"


def _dot_quote(text: str) -> str:
    return '"' + str(text).replace("\\", "\\\\").replace('"', '\\"').replace("\n", " ") + '"'


_DOT_STYLE = {
    "requires": "color=black",
    "needs-facility": "color=blue, style=dashed",
    "overlaps": "color=darkgreen, dir=none",
    "conflicts": "color=red, style=bold, dir=none",
}
_DOT_SHAPE = {"act": "folder", "obligation": "box", "layer": "house", "theme": "ellipse"}


def to_dot(g: nx.DiGraph) -> str:
    """The graph in Graphviz DOT, prerequisites drawn left to right.

    >>> print(to_dot(nx.DiGraph([("a.y", "a.x", {"kind": "requires"})])).splitlines()[5])
      "a.x" -> "a.y" [label="requires", color=black];
    """
    lines = ["digraph planner {", "  rankdir=LR;", "  node [fontname=Helvetica];"]
    for n, d in g.nodes(data=True):
        shape = _DOT_SHAPE.get(d.get("kind", ""), "box")
        lines.append(f"  {_dot_quote(n)} [label={_dot_quote(d.get('label', n))}, shape={shape}];")
    for u, v, d in g.edges(data=True):
        kind = d.get("kind", "")
        style = _DOT_STYLE.get(kind, "color=gray")
        if kind in PRECEDENCE:  # draw prerequisite first: arrow in time order
            u, v = v, u
        lines.append(f"  {_dot_quote(u)} -> {_dot_quote(v)} [label={_dot_quote(kind)}, {style}];")
    lines.append("}")
    return "\n".join(lines) + "\n"


def _mermaid_id(index: int) -> str:
    return f"n{index}"


def _mermaid_text(text: str) -> str:
    return str(text).replace('"', "#quot;").replace("<", "#lt;").replace(">", "#gt;")


def to_mermaid(g: nx.DiGraph, limit: int = MERMAID_MAX_NODES) -> str:
    """The graph as a Mermaid flowchart; refuses views too large to read.

    Raises:
        UsageError: the view has more than `limit` nodes.

    >>> print(to_mermaid(nx.DiGraph([("a.y", "a.x", {"kind": "requires"})])))
    flowchart LR
      n0["a.y"]
      n1["a.x"]
      n1 -->|requires| n0
    <BLANKLINE>
    """
    if g.number_of_nodes() > limit:
        raise UsageError(
            f"the view has {g.number_of_nodes()} nodes, more than Mermaid can show readably ({limit}); "
            "narrow it with --act, --layer, --theme or --kind, or use --format json, dot or graphml"
        )
    ids = {n: _mermaid_id(i) for i, n in enumerate(g.nodes)}
    lines = ["flowchart LR"]
    for n, d in g.nodes(data=True):
        lines.append(f'  {ids[n]}["{_mermaid_text(d.get("label", n))}"]')
    arrows = {"overlaps": "---", "conflicts": "-.-", "needs-facility": "-.->"}
    for u, v, d in g.edges(data=True):
        kind = d.get("kind", "")
        if kind in PRECEDENCE:
            u, v = v, u
        lines.append(f"  {ids[u]} {arrows.get(kind, '-->')}|{kind}| {ids[v]}")
    return "\n".join(lines) + "\n"


FORMATS = {"json": to_node_link, "graphml": to_graphml, "dot": to_dot, "mermaid": to_mermaid}
