"""The interaction graph: typed nodes and edges, filters, and exports that round-trip."""

from __future__ import annotations

import io
import json

import networkx as nx
import pytest

from planner.errors import UsageError
from planner.graph import build_graph, precedence_graph, select, to_dot, to_graphml, to_mermaid, to_node_link
from planner.loading import load_catalogue

from .conftest import MINIMAL, invoke


@pytest.fixture(scope="module")
def cat():
    return load_catalogue(MINIMAL)


@pytest.fixture(scope="module")
def g(cat):
    return build_graph(cat)


def test_nodes_are_typed(g):
    kinds = {n: d["kind"] for n, d in g.nodes(data=True)}
    assert kinds == {
        "layer:rijk": "layer",
        "layer:gemeenten": "layer",
        "theme:security": "theme",
        "theme:data": "theme",
        "act-a": "act",
        "act-b": "act",
        "act-a.inventory": "obligation",
        "act-a.assess": "obligation",
        "act-a.platform": "obligation",
        "act-b.connect": "obligation",
    }
    assert g.nodes["act-b.connect"]["act"] == "act-b"


def test_relation_edges_carry_kind_and_degree(g):
    assert g.edges["act-a.assess", "act-a.inventory", "requires"]["kind"] == "requires"
    assert g.edges["act-b.connect", "act-a.platform", "needs-facility"]["kind"] == "needs-facility"
    assert g.edges["act-b.connect", "act-a.assess", "overlaps"] == {
        "kind": "overlaps",
        "degree": "intersect",
        "rationale": "The same assessment serves both.",
    }


def test_applies_to_edges_carry_the_role(g):
    assert g.edges["act-a.platform", "layer:rijk", "applies-to"] == {"kind": "applies-to", "role": "provider"}
    assert not g.has_edge("act-a.platform", "layer:gemeenten")


def test_precedence_graph_points_forward_in_time(g):
    p = precedence_graph(g)
    assert sorted(p.edges) == [("act-a.inventory", "act-a.assess"), ("act-a.platform", "act-b.connect")]


def test_select_by_layer_keeps_relations_of_matching_obligations(g, cat):
    view = select(g, cat, layer="rijk", kinds=["requires", "needs-facility"])
    obligations = sorted(n for n, d in view.nodes(data=True) if d["kind"] == "obligation")
    assert obligations == ["act-a.assess", "act-a.inventory", "act-a.platform", "act-b.connect"]
    assert sorted(view.edges()) == [("act-a.assess", "act-a.inventory"), ("act-b.connect", "act-a.platform")]


def test_select_rejects_unknown_edge_kind(g, cat):
    with pytest.raises(UsageError, match="unknown edge kind 'require'"):
        select(g, cat, kinds=["require"])


def test_node_link_json_round_trips(g):
    back = nx.node_link_graph(json.loads(to_node_link(g)), edges="links")
    assert set(back.nodes) == set(g.nodes)
    assert {(u, v, k): d for u, v, k, d in back.edges(keys=True, data=True)} == {
        (u, v, k): d for u, v, k, d in g.edges(keys=True, data=True)
    }
    assert all({"id", "kind"} <= set(n) for n in json.loads(to_node_link(g))["nodes"])


def test_graphml_round_trips_with_labels(g):
    back = nx.read_graphml(io.BytesIO(to_graphml(g).encode()), force_multigraph=True)
    assert set(back.nodes) == set(g.nodes)
    assert set(back.edges(keys=True)) == set(g.edges(keys=True))
    assert back.nodes["act-a.inventory"]["label"] == "Make an inventory"
    assert back.edges["act-b.connect", "act-a.assess", "overlaps"]["degree"] == "intersect"


def test_dot_quotes_hostile_labels():
    h = nx.DiGraph()
    h.add_node("x.a", kind="obligation", label='say "hi"\nnow')
    assert '"x.a" [label="say \\"hi\\" now", shape=box];' in to_dot(h)


def test_mermaid_refuses_large_views():
    big = nx.path_graph(100, create_using=nx.DiGraph)
    with pytest.raises(UsageError, match="the view has 100 nodes"):
        to_mermaid(big)


def test_empty_graph_exports():
    empty = nx.DiGraph()
    assert json.loads(to_node_link(empty))["nodes"] == []
    assert to_mermaid(empty) == "flowchart LR\n"


def test_graph_command_json_reads_back(runner):
    result = invoke(runner, "--catalog", str(MINIMAL), "graph", "--act", "act-b", "--kind", "needs-facility")
    back = nx.node_link_graph(json.loads(result.stdout), edges="links")
    assert sorted(back.edges()) == [("act-b.connect", "act-a.platform")]


def test_graph_command_mermaid_too_large_is_usage_error(runner, tmp_path):
    from .conftest import write_tree

    acts = "".join(
        f"  - id: big.o{i}\n    title: {{en: O{i}, nl: O{i}}}\n    roles: {{rijk: addressee}}\n"
        "    due: 2027-01-01\n    effort: 1\n    sources: [s]\n"
        for i in range(90)
    )
    root = write_tree(
        tmp_path / "cat",
        {
            "layers.yaml": (MINIMAL / "layers.yaml").read_text(),
            "themes.yaml": (MINIMAL / "themes.yaml").read_text(),
            "big.yaml": "id: big\nkind: national-act\ntitle: {en: Big}\nsource: s\n"
            "sources:\n  s: {title: S}\nobligations:\n" + acts,
        },
    )
    result = invoke(runner, "--catalog", str(root), "graph", "--format", "mermaid")
    assert result.exit_code == 2
    assert "more than Mermaid can show readably (80)" in result.stderr
