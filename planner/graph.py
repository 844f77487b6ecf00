"""The interaction graph: the catalogue as a typed networkx ``MultiDiGraph``.

Nodes have a ``kind``: ``act``, ``obligation``, ``layer`` or ``theme``. Acts and obligations
keep their catalogue ids; layers and themes are prefixed (``layer:rijk``, ``theme:data``) since
their ids may equal an act's. Edges have a ``kind``, which is also their key: two obligations may be
linked by several relations at once (a prerequisite that is also in tension with its dependant),
and each is its own edge.

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

The structural kinds (:data:`STRUCTURAL_KINDS`: belongs-to, applies-to, has-theme) say where a
node sits in the catalogue rather than how duties interact; views leave them out unless asked.

All functions are pure: they read a catalogue or a graph and return new objects.
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from typing import TYPE_CHECKING, Any

import networkx as nx

from planner.errors import UsageError
from planner.mermaid_text import label as mermaid_label
from planner.models import PLANNED_ROLES, Act, RelationEdge, RelationKind

if TYPE_CHECKING:
    from planner.catalogue import Catalogue

RELATION_KINDS = tuple(k.value for k in RelationKind)
STRUCTURAL_KINDS = ("belongs-to", "applies-to", "has-theme")
EDGE_KINDS = (*RELATION_KINDS, *STRUCTURAL_KINDS, "amends", "transposes")
PRECEDENCE = tuple(k.value for k in RelationKind if k.orders)
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


def build_graph(cat: Catalogue, lang: str = "en") -> nx.MultiDiGraph:
    """The whole catalogue as a typed graph.

    Args:
        cat: a loaded catalogue.
        lang: language of the ``label`` attributes.

    Returns:
        A new ``MultiDiGraph`` keyed by edge kind; nodes and edges are added in catalogue
        order, so the same catalogue gives the same graph, node for node.

    Example:
        >>> from planner.loading import load_catalogue
        >>> from pathlib import Path
        >>> g = build_graph(load_catalogue(Path("tests/data/minimal")))
        >>> g.nodes["act-b.connect"]["kind"], list(g["act-b.connect"]["act-a.platform"])
        ('obligation', ['needs-facility'])
    """
    g = nx.MultiDiGraph()
    for lid, layer in cat.layers.items():
        g.add_node(
            layer_node(lid), kind="layer", label=layer.name.get(lang), organisations=layer.organisations
        )
    for tid, theme in cat.themes.items():
        g.add_node(theme_node(tid), kind="theme", label=theme.name.get(lang))
    for aid, act in cat.acts.items():
        g.add_node(aid, kind="act", label=(act.short or act.title).get(lang), act_kind=act.kind.value)
    for act in cat.acts.values():
        _add_act_edges(g, cat, act)
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
        _add_edge(g, oid, ob.act, "belongs-to")
        for lid, role in sorted(ob.roles.items()):
            _add_edge(g, oid, layer_node(lid), "applies-to", role=role.value)
        for tid in ob.themes:
            _add_edge(g, oid, theme_node(tid), "has-theme")
    for rel in cat.relations:
        if rel.target in cat.obligations:
            _add_edge(g, rel.source, rel.target, rel.kind.value, **_relation_attrs(rel, lang))
    return g


def _add_act_edges(g: nx.MultiDiGraph, cat: Catalogue, act: Act) -> None:
    """An act's own edges: its themes, what it transposes (or is transposed by), what amends it."""
    for tid in act.themes:
        _add_edge(g, act.id, theme_node(tid), "has-theme")
    for other in act.transposes:
        _add_edge(g, act.id, other, "transposes")
    if act.transposition:
        for national in act.transposition.national_acts:
            _add_edge(g, national, act.id, "transposes")
    for amendment in act.amendments:
        if amendment.id in cat.acts:
            _add_edge(g, amendment.id, act.id, "amends")


def _add_edge(g: nx.DiGraph, u: str, v: str, kind: str, **attrs: Any) -> None:
    """Add an edge of `kind`, keyed by its kind where `g` is a multigraph."""
    if g.is_multigraph():
        g.add_edge(u, v, key=kind, kind=kind, **attrs)
    else:
        g.add_edge(u, v, kind=kind, **attrs)


def _relation_attrs(rel: RelationEdge, lang: str) -> dict[str, Any]:
    attrs: dict[str, Any] = {"rationale": rel.rationale.get(lang)}
    if rel.degree is not None:
        attrs["degree"] = rel.degree.value
    return attrs


def edges_of_kind(g: nx.DiGraph, *kinds: str) -> nx.DiGraph:
    """A view of `g` that keeps only edges of the given kinds (all nodes stay).

    >>> g = nx.MultiDiGraph([("a", "b", {"kind": "requires"}), ("a", "b", {"kind": "conflicts"})])
    >>> [kind for _, _, kind in edges_of_kind(g, "requires").edges(data="kind")]
    ['requires']
    """
    wanted = set(kinds)
    if g.is_multigraph():
        return nx.subgraph_view(g, filter_edge=lambda u, v, k: g.edges[u, v, k]["kind"] in wanted)
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
    g: nx.MultiDiGraph,
    cat: Catalogue,
    *,
    act: str | None = None,
    layer: str | None = None,
    theme: str | None = None,
    kinds: Iterable[str] | None = None,
    structural: bool = False,
) -> nx.MultiDiGraph:
    """A filtered view: matching obligations, their direct relations, and the nodes those reach.

    Args:
        g: the full graph from :func:`build_graph`.
        cat: the catalogue it was built from.
        act, layer, theme: keep obligations of this act, with a planned role in this layer,
            with this theme (all given filters must hold).
        kinds: keep only edges of these kinds (default: every kind but the structural ones).
        structural: with the default kinds, keep the structural edges too (belongs-to,
            applies-to, has-theme).

    Returns:
        A new graph. Acts, layers and themes stay only where an edge of the view touches them;
        obligations stay even without one.

    Raises:
        UsageError: an unknown edge kind.

    Example:
        >>> from planner.loading import load_catalogue
        >>> from pathlib import Path
        >>> cat = load_catalogue(Path("tests/data/minimal"))
        >>> sorted({k for *_, k in select(build_graph(cat), cat).edges(keys=True)})
        ['needs-facility', 'overlaps', 'requires']
        >>> "belongs-to" in {k for *_, k in select(build_graph(cat), cat, structural=True).edges(keys=True)}
        True
    """
    default = EDGE_KINDS if structural else tuple(k for k in EDGE_KINDS if k not in STRUCTURAL_KINDS)
    wanted = tuple(kinds) if kinds else default
    bad = [k for k in wanted if k not in EDGE_KINDS]
    if bad:
        raise UsageError(f"--kind: unknown edge kind {bad[0]!r}; known: {', '.join(EDGE_KINDS)}")
    keep = _kept_nodes(g, cat, set(wanted), act=act, layer=layer, theme=theme)
    edges = [(u, v, k, d) for u, v, k, d in g.edges(keys=True, data=True) if d["kind"] in wanted]
    edges = [(u, v, k, d) for u, v, k, d in edges if u in keep and v in keep]
    touched = {n for u, v, _, _ in edges for n in (u, v)}
    sub = nx.MultiDiGraph()
    sub.add_nodes_from(
        (n, d) for n, d in g.nodes(data=True) if n in keep and (d["kind"] == "obligation" or n in touched)
    )
    sub.add_edges_from(edges)
    return sub


def _kept_nodes(
    g: nx.MultiDiGraph,
    cat: Catalogue,
    kinds: set[str],
    *,
    act: str | None,
    layer: str | None,
    theme: str | None,
) -> set[str]:
    """The nodes a filtered view may hold: matching obligations and their neighbours by `kinds`."""
    if act is None and layer is None and theme is None:
        return set(g.nodes)
    keep = {
        oid
        for oid, ob in cat.obligations.items()
        if (act is None or ob.act == act)
        and (layer is None or ob.roles.get(layer) in PLANNED_ROLES)
        and (theme is None or theme in ob.themes or theme in cat.acts[ob.act].themes)
    }
    for oid in list(keep):
        keep.update(v for _, v, kind in g.out_edges(oid, data="kind") if kind in kinds)
        keep.update(
            u for u, _, kind in g.in_edges(oid, data="kind") if kind in RELATION_KINDS and kind in kinds
        )
    if act is not None:
        keep.add(act)
    return keep


def to_node_link(g: nx.DiGraph) -> str:
    """The graph as node-link JSON, its edges under ``links`` (what d3 reads).

    networkx 3.6 and later write and read ``edges`` by default: read this back with
    ``nx.node_link_graph(data, edges="links")``. Edges of a multigraph carry their ``key``
    (the edge kind).

    >>> g = nx.MultiDiGraph([("a", "b", "requires", {"kind": "requires"})])
    >>> data = json.loads(to_node_link(g))
    >>> sorted(data), data["links"][0]["key"]
    (['directed', 'graph', 'links', 'multigraph', 'nodes'], 'requires')
    >>> nx.node_link_graph(data, edges="links").edges["a", "b", "requires"]["kind"]
    'requires'
    """
    data = nx.node_link_data(g, edges="links")
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
    for source, target, d in g.edges(data=True):
        kind = d.get("kind", "")
        style = _DOT_STYLE.get(kind, "color=gray")
        # draw prerequisite first: arrow in time order
        u, v = (target, source) if kind in PRECEDENCE else (source, target)
        lines.append(f"  {_dot_quote(u)} -> {_dot_quote(v)} [label={_dot_quote(kind)}, {style}];")
    lines.append("}")
    return "\n".join(lines) + "\n"


def _mermaid_id(index: int) -> str:
    return f"n{index}"


def to_mermaid(g: nx.DiGraph, limit: int = MERMAID_MAX_NODES) -> str:
    """The graph as a Mermaid flowchart; refuses views too large to read.

    Labels go through :func:`planner.mermaid_text.label`, the neutraliser the gantt uses: no
    catalogue text can start a line, a comment, a directive or a ``click`` statement.

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
        lines.append(f"  {ids[n]}[{mermaid_label(d.get('label', n))}]")
    arrows = {"overlaps": "---", "conflicts": "-.-", "needs-facility": "-.->"}
    for source, target, d in g.edges(data=True):
        kind = d.get("kind", "")
        u, v = (target, source) if kind in PRECEDENCE else (source, target)
        lines.append(f"  {ids[u]} {arrows.get(kind, '-->')}|{kind}| {ids[v]}")
    return "\n".join(lines) + "\n"


FORMATS = {"json": to_node_link, "graphml": to_graphml, "dot": to_dot, "mermaid": to_mermaid}
