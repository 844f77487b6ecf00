"""Graph views and exports: structural edges off by default, `links` in node-link JSON, inert Mermaid."""

from __future__ import annotations

import json

import networkx as nx
import pytest

from planner.graph import STRUCTURAL_KINDS, build_graph, select, to_mermaid, to_node_link
from planner.loading import load_catalogue

from .conftest import MINIMAL, invoke


@pytest.fixture(scope="module")
def cat():
    return load_catalogue(MINIMAL)


def _kinds(view: nx.MultiDiGraph) -> set[str]:
    return {kind for _, _, kind in view.edges(data="kind")}


def test_views_leave_structural_edges_out_by_default(cat):
    assert not _kinds(select(build_graph(cat), cat)) & set(STRUCTURAL_KINDS)


def test_structural_puts_them_back(cat):
    assert set(STRUCTURAL_KINDS) <= _kinds(select(build_graph(cat), cat, structural=True))


def test_naming_a_structural_kind_keeps_it(cat):
    assert _kinds(select(build_graph(cat), cat, kinds=["applies-to"])) == {"applies-to"}


def test_without_structural_edges_layers_and_themes_leave_the_view(cat):
    kinds = {d["kind"] for _, d in select(build_graph(cat), cat, act="act-a").nodes(data=True)}
    assert kinds == {"obligation"}


def test_graph_command_structural_flag(runner):
    plain = invoke(runner, "--catalog", str(MINIMAL), "graph", "--act", "act-a")
    full = invoke(runner, "--catalog", str(MINIMAL), "graph", "--act", "act-a", "--structural")
    kinds = [{e["kind"] for e in json.loads(r.stdout)["links"]} for r in (plain, full)]
    assert "belongs-to" not in kinds[0]
    assert "belongs-to" in kinds[1]


def test_node_link_json_lists_edges_under_links(cat):
    data = json.loads(to_node_link(build_graph(cat)))
    assert "edges" not in data
    assert {"source", "target", "kind", "key"} <= set(data["links"][0])


def _hostile(title: str) -> nx.MultiDiGraph:
    g = nx.MultiDiGraph()
    g.add_node("x.a", kind="obligation", label=title)
    g.add_node("x.b", kind="obligation", label="B")
    g.add_edge("x.b", "x.a", key="requires", kind="requires")
    return g


HOSTILE = [
    'line one\nclick n1 href "javascript:alert(1)"',
    "%%{init: {'securityLevel': 'loose'}}%%",
    'Title"] --> n1["other',
    "end\r\n  click n0 call alert()",
]


@pytest.mark.parametrize("title", HOSTILE)
def test_mermaid_labels_cannot_add_a_statement(title):
    lines = to_mermaid(_hostile(title)).splitlines()
    assert len(lines) == 4  # header, two nodes, one edge
    assert all(not line.strip().startswith(("click", "%%")) for line in lines)


@pytest.mark.parametrize("title", HOSTILE)
def test_mermaid_label_is_one_quoted_string(title):
    node = to_mermaid(_hostile(title)).splitlines()[1]
    assert node.startswith('  n0["') and node.endswith('"]')
    assert '"' not in node[len('  n0["') : -2]
    assert "%%" not in node and "javascript:" not in node


@pytest.mark.parametrize("title", HOSTILE)
def test_gantt_and_flowchart_share_one_neutraliser(title):
    from planner.formats.mermaid import clean
    from planner.mermaid_text import neutralise

    node = to_mermaid(_hostile(title)).splitlines()[1]
    assert clean(title).removeprefix("– ") == neutralise(title)  # the gantt only adds its keyword guard
    assert node[len('  n0["') : -2] == neutralise(title).replace('"', "#quot;")
