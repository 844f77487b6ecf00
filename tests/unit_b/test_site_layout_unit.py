"""Picture layout: the steps of a graph, and the DOT text the engine sees (structure only)."""

from __future__ import annotations

import networkx as nx
from hypothesis import given, settings
from hypothesis import strategies as st

from planner.site.layout import Link, dot_source, layers


@st.composite
def graphs(draw: st.DrawFn) -> tuple[list[str], list[tuple[str, str]]]:
    n = draw(st.integers(1, 7))
    nodes = [f"v{i}" for i in range(n)]
    edges = draw(st.lists(st.tuples(st.sampled_from(nodes), st.sampled_from(nodes)), max_size=12))
    return nodes, edges


@settings(deadline=None, max_examples=50, derandomize=True)
@given(graphs())
def test_a_prerequisite_is_in_an_earlier_step_unless_they_share_a_cycle(graph):
    nodes, edges = graph
    step = layers(nodes, edges)
    g = nx.DiGraph(edges)
    g.add_nodes_from(nodes)
    for u, v in edges:
        if u == v:
            continue
        if nx.has_path(g, v, u):
            assert step[u] == step[v]
        else:
            assert step[u] < step[v]


@settings(deadline=None, max_examples=50, derandomize=True)
@given(graphs())
def test_every_step_after_the_first_is_reached_from_the_one_before(graph):
    nodes, edges = graph
    step = layers(nodes, edges)
    g = nx.DiGraph(edges)
    g.add_nodes_from(nodes)
    cycle_of = {n: frozenset(c) for c in nx.strongly_connected_components(g) for n in c}
    assert set(step) == set(nodes)
    for node, k in step.items():
        if k > 0:  # a node on a cycle is reached through any node of its cycle
            assert any(step[u] == k - 1 for u, v in edges if v in cycle_of[node] and u not in cycle_of[node])


def test_a_node_without_lines_is_in_the_first_step():
    assert layers(["a", "b"], [("a", "a")]) == {"a": 0, "b": 0}


LINKS = st.lists(
    st.tuples(st.integers(0, 4), st.integers(0, 4), st.booleans(), st.text(max_size=6)), max_size=6
)


@settings(deadline=None, max_examples=50, derandomize=True)
@given(st.lists(st.text(min_size=1, max_size=12), min_size=5, max_size=5, unique=True), LINKS)
def test_the_engine_sees_only_the_structure_never_names_or_labels(names, links):
    plain = [f"x{i}" for i in range(5)]

    def source(ids: list[str], with_labels: bool) -> str:
        made = [
            Link(ids[a], ids[b], directed, label if with_labels else "0" * len(label))
            for a, b, directed, label in links
            if a != b
        ]
        return dot_source(ids, made, (144.0, 36.0))

    assert source(names, True) == source(plain, False)


def test_lone_nodes_are_chained_invisibly_into_rows():
    text = dot_source([f"o{i}" for i in range(9)], [], (144.0, 36.0))
    assert text.count("[style=invis]") == 3


def test_one_lone_node_needs_no_row():
    assert "invis" not in dot_source(["a", "b"], [Link("a", "b", True)], (144.0, 36.0))


def test_a_directed_link_runs_from_the_prerequisite_and_weighs_more():
    text = dot_source(["dependant", "prerequisite"], [Link("prerequisite", "dependant", True)], (144.0, 36.0))
    assert "n1 -> n0 [id=e0, weight=4];" in text
