"""The interaction graph, its filtered views and exports, and the chains and keystones on it."""

from __future__ import annotations

import datetime as dt
import json

import networkx as nx
import pytest

from planner.chains import (
    critical_chains,
    dependant_counts,
    keystones,
    longest_chains,
    quarters_between,
    set_bits,
)
from planner.errors import UsageError
from planner.graph import (
    build_graph,
    edges_of_kind,
    precedence_graph,
    select,
    to_dot,
    to_graphml,
    to_mermaid,
    to_node_link,
)
from tests.unit_a.builders import AS_OF, catalogue, ob

TWO_LAYERS = {"rijk": None, "gemeenten": None}


def _edges(g: nx.MultiDiGraph) -> set[tuple[str, str, str]]:
    return {(u, v, k) for u, v, k in g.edges(keys=True)}


def test_every_relation_between_one_pair_is_its_own_edge():
    g = build_graph(
        catalogue({"x.a": ob(), "x.b": ob(requires=("x.a",), conflicts=("x.a",), overlaps=("x.a",))})
    )
    assert sorted(g["x.b"]["x.a"]) == ["conflicts", "overlaps", "requires"]


def test_a_relation_to_an_unknown_obligation_makes_no_edge_or_node():
    g = build_graph(catalogue({"x.a": ob(requires=("x.gone",))}))
    assert "x.gone" not in g


def test_an_obligation_node_carries_its_due_date_and_effort():
    g = build_graph(catalogue({"x.a": ob(due="2027-08-02", effort_days=3), "x.b": ob()}))
    assert (
        g.nodes["x.a"]["due"],
        g.nodes["x.a"]["effort"],
        g.nodes["x.b"]["due"],
        g.nodes["x.b"]["effort"],
    ) == ("2027-08-02", 3.0, "", 0.0)


def test_a_supervisor_role_is_still_an_applies_to_edge_with_its_role():
    g = build_graph(catalogue({"x.a": ob(roles={"rijk": "supervisor"})}))
    assert g.edges["x.a", "layer:rijk", "applies-to"]["role"] == "supervisor"


def test_an_amendment_that_is_an_act_of_the_catalogue_amends_it():
    amendment = {"id": "y", "title": {"en": "Y"}, "status": "proposed"}
    cat = catalogue(
        {"x.a": ob(), "y.b": ob(), "z.c": ob()},
        acts={"x": {"amendments": [amendment, {**amendment, "id": "w"}]}},
    )
    assert [(u, v) for u, v, k in build_graph(cat).edges(keys=True) if k == "amends"] == [("y", "x")]


def test_a_transposition_written_on_both_acts_is_one_edge_from_national_to_eu():
    cat = catalogue(
        {"eu.a": ob(), "nl.a": ob()},
        acts={
            "eu": {"kind": "directive", "transposition": {"national_acts": ["nl"]}},
            "nl": {"transposes": ["eu"]},
        },
    )
    assert [(u, v) for u, v, k in build_graph(cat).edges(keys=True) if k == "transposes"] == [("nl", "eu")]


def test_labels_follow_the_language_asked():
    cat = catalogue({"x.a": ob(title={"en": "Register", "nl": "Registreren"})})
    assert build_graph(cat, "nl").nodes["x.a"]["label"] == "Registreren"


def test_the_precedence_graph_runs_from_prerequisite_and_facility_to_dependant_only():
    g = build_graph(
        catalogue(
            {"x.a": ob(), "x.f": ob(), "x.b": ob(requires=("x.a",), needs=("x.f",), conflicts=("x.a",))}
        )
    )
    assert sorted(precedence_graph(g).edges) == [("x.a", "x.b"), ("x.f", "x.b")]


def test_edges_of_kind_keeps_every_node():
    g = build_graph(catalogue({"x.a": ob(), "x.b": ob(requires=("x.a",))}))
    view = edges_of_kind(g, "conflicts")
    assert (view.number_of_edges(), view.number_of_nodes()) == (0, g.number_of_nodes())


def test_edges_of_kind_works_on_a_simple_graph_too():
    g = nx.DiGraph([("a", "b", {"kind": "requires"}), ("b", "c", {"kind": "overlaps"})])
    assert list(edges_of_kind(g, "overlaps").edges) == [("b", "c")]


def test_a_layer_view_keeps_the_matching_obligations_and_what_they_relate_to():
    cat = catalogue(
        {
            "x.a": ob(roles={"rijk": "addressee"}),
            "x.b": ob(roles={"gemeenten": "addressee"}, requires=("x.a",)),
            "x.c": ob(roles={"rijk": "addressee"}),
        },
        layers=TWO_LAYERS,
    )
    view = select(build_graph(cat), cat, layer="gemeenten")
    assert (sorted(view.nodes), _edges(view)) == (["x.a", "x.b"], {("x.b", "x.a", "requires")})


def test_an_act_view_keeps_what_relates_to_its_obligations_but_not_the_bare_act_node():
    cat = catalogue({"x.a": ob(), "y.b": ob(requires=("x.a",))})
    assert sorted(select(build_graph(cat), cat, act="x").nodes) == ["x.a", "y.b"]


def test_a_theme_view_counts_the_act_s_themes_for_its_obligations():
    cat = catalogue({"x.a": ob(), "y.b": ob()}, acts={"x": {"themes": ["data"]}}, themes=("data",))
    assert [
        n for n, d in select(build_graph(cat), cat, theme="data").nodes(data="kind") if d == "obligation"
    ] == ["x.a"]


def test_a_view_of_one_kind_has_only_edges_of_that_kind():
    cat = catalogue({"x.a": ob(), "x.b": ob(requires=("x.a",), conflicts=("x.a",))})
    assert _edges(select(build_graph(cat), cat, kinds=["conflicts"])) == {("x.b", "x.a", "conflicts")}


def test_an_unknown_edge_kind_is_a_usage_error_naming_it():
    cat = catalogue({"x.a": ob()})
    with pytest.raises(UsageError, match="'depends'"):
        select(build_graph(cat), cat, kinds=["depends"])


def test_node_link_json_gives_every_node_a_kind():
    data = json.loads(to_node_link(nx.MultiDiGraph([("a", "b", "requires", {"kind": "requires"})])))
    assert {n["kind"] for n in data["nodes"]} == {"obligation"}


def test_graphml_holds_every_node_of_the_graph():
    import xml.etree.ElementTree as ET

    g = build_graph(catalogue({"x.a": ob(), "x.b": ob(requires=("x.a",))}))
    root = ET.fromstring(to_graphml(g))
    ids = {n.get("id") for n in root.iter() if n.tag.endswith("}node")}
    assert ids == set(g.nodes)


def test_dot_draws_a_prerequisite_first_and_a_conflict_as_it_is_written():
    g = nx.MultiDiGraph()
    g.add_edge("x.b", "x.a", "requires", kind="requires")
    g.add_edge("x.b", "x.c", "conflicts", kind="conflicts")
    arrows = [line.strip() for line in to_dot(g).splitlines() if "->" in line]
    assert arrows[0].startswith('"x.a" -> "x.b"') and arrows[1].startswith('"x.b" -> "x.c"')


def test_dot_escapes_quotes_and_newlines_in_labels():
    g = nx.DiGraph()
    g.add_node("x.a", label='say "hi"\nthen')
    assert 'label="say \\"hi\\" then"' in to_dot(g)


def test_mermaid_takes_a_view_of_exactly_its_limit():
    g = nx.path_graph(5, create_using=nx.DiGraph)
    assert to_mermaid(g, limit=5).startswith("flowchart LR")
    with pytest.raises(UsageError, match="5 nodes"):
        to_mermaid(g, limit=4)


# --- chains and keystones --------------------------------------------------------------------


@pytest.mark.parametrize(
    ("start", "end", "quarters"),
    [
        (dt.date(2026, 11, 28), dt.date(2026, 12, 31), 1),
        (dt.date(2026, 12, 31), dt.date(2027, 1, 1), 2),
        (dt.date(2026, 1, 1), dt.date(2026, 12, 31), 4),
    ],
)
def test_quarters_between_counts_both_ends(start, end, quarters):
    assert quarters_between(start, end) == quarters


def test_the_longest_chain_ending_in_a_node_is_chosen_ties_by_id():
    p = nx.DiGraph([("b", "d"), ("a", "d"), ("c", "b")])
    assert longest_chains(p)["d"] == ("c", "b", "d")
    assert longest_chains(nx.DiGraph([("b", "d"), ("a", "d")]))["d"] == ("a", "d")


def _chain_catalogue(due: str) -> object:
    return catalogue({"x.a": ob(), "x.b": ob(requires=("x.a",)), "x.c": ob(requires=("x.b",), due=due)})


def test_a_chain_with_time_to_spare_has_positive_slack():
    cat = _chain_catalogue("2027-12-31")
    (chain,) = critical_chains(build_graph(cat), cat, AS_OF)  # type: ignore[arg-type]
    assert (chain.chain, chain.quarters_left, chain.slack) == (("x.a", "x.b", "x.c"), 5, 2)


def test_a_chain_longer_than_the_quarters_left_says_so():
    cat = _chain_catalogue("2027-03-31")
    (chain,) = critical_chains(build_graph(cat), cat, AS_OF)  # type: ignore[arg-type]
    assert chain.slack == -1
    assert [r.key for r in chain.reasons] == ["chain", "chain-too-long"]


def test_a_chain_already_due_has_no_quarters_left_and_is_listed_last():
    cat = catalogue(
        {
            "x.a": ob(),
            "x.b": ob(requires=("x.a",), due="2025-01-01"),
            "x.c": ob(requires=("x.a",), due="2027-12-31"),
        }
    )
    chains = critical_chains(build_graph(cat), cat, AS_OF)
    assert [c.target for c in chains] == ["x.c", "x.b"]
    assert (chains[1].quarters_left, chains[1].reasons[-1].key) == (0, "chain-overdue")


def test_a_single_obligation_is_no_chain_and_an_undated_one_has_no_deadline():
    cat = catalogue({"x.a": ob(due="2027-01-01"), "x.b": ob(), "x.c": ob(requires=("x.b",))})
    assert critical_chains(build_graph(cat), cat, AS_OF) == []


def test_a_keystone_counts_what_it_unlocks_transitively_and_urgent_ones_double():
    cat = catalogue(
        {
            "x.k": ob(),
            "x.a": ob(requires=("x.k",), due="2027-06-30"),
            "x.b": ob(requires=("x.a",), due="2035-01-01"),
        }
    )
    found = {k.obligation: k for k in keystones(build_graph(cat), cat, AS_OF)}
    assert (found["x.k"].dependants, found["x.k"].score, found["x.k"].earliest_dependant_due) == (
        2,
        3.0,
        "2027-06-30",
    )
    assert found["x.a"].score == 1.0


def test_an_obligation_nothing_waits_on_is_no_keystone():
    cat = catalogue({"x.a": ob(), "x.b": ob(requires=("x.a",))})
    assert [k.obligation for k in keystones(build_graph(cat), cat, AS_OF)] == ["x.a"]


def test_keystones_are_cut_to_the_top_asked():
    cat = catalogue({f"x.k{i}": ob() for i in range(3)} | {"x.z": ob(requires=("x.k0", "x.k1", "x.k2"))})
    assert len(keystones(build_graph(cat), cat, AS_OF, top=2)) == 2


def test_dependant_counts_exclude_the_node_itself():
    assert dependant_counts(nx.DiGraph([("a", "b"), ("a", "c"), ("b", "c")])) == {"a": 2, "b": 1, "c": 0}


def test_set_bits_of_zero_is_empty():
    assert set_bits(0) == []


def test_a_structural_view_keeps_the_act_layer_and_theme_nodes_it_touches():
    cat = catalogue({"x.a": ob(themes=["data"])}, themes=("data", "ai"))
    view = select(build_graph(cat), cat, structural=True)
    assert sorted(view.nodes) == ["layer:rijk", "theme:data", "x", "x.a"]


def test_a_layer_node_carries_how_many_organisations_it_has():
    cat = catalogue({"x.a": ob()})
    assert build_graph(cat).nodes["layer:rijk"] == {"kind": "layer", "label": "rijk", "organisations": 1}


def test_a_hostile_label_cannot_start_a_mermaid_statement():
    g = nx.DiGraph()
    g.add_node("x.a", label='a"]\nclick n0 call alert(1)\n%%{init}%%')
    lines = to_mermaid(g).splitlines()
    assert len(lines) == 2 and lines[1].startswith("  n0[")
    assert not any(line.lstrip().startswith(("click", "%%")) for line in lines)


def test_mermaid_draws_each_kind_with_its_own_arrow():
    g = nx.MultiDiGraph()
    for kind in ("requires", "needs-facility", "overlaps", "conflicts"):
        g.add_edge("x.b", "x.a", kind, kind=kind)
    arrows = [line.split()[1].split("|")[0] for line in to_mermaid(g).splitlines() if "|" in line]
    assert arrows == ["-->", "-.->", "---", "-.-"]


def test_chains_that_can_still_be_acted_on_come_by_least_slack_first():
    cat = catalogue(
        {
            "x.a": ob(),
            "x.late": ob(requires=("x.a",), due="2029-12-31"),
            "x.tight": ob(requires=("x.a",), due="2027-03-31"),
        }
    )
    assert [c.target for c in critical_chains(build_graph(cat), cat, AS_OF)] == ["x.tight", "x.late"]


def test_a_chain_runs_through_facilities_as_well_as_prerequisites():
    cat = catalogue(
        {"x.f": ob(roles={"gemeenten": "provider"}), "x.u": ob(needs=("x.f",), due="2027-12-31")},
        layers=TWO_LAYERS,
    )
    (chain,) = critical_chains(build_graph(cat), cat, AS_OF)
    assert chain.chain == ("x.f", "x.u")


def test_keystones_of_equal_score_come_by_their_earliest_dependant_due_date():
    cat = catalogue(
        {
            "x.k1": ob(),
            "x.k2": ob(),
            "x.a": ob(requires=("x.k1",), due="2035-06-30"),
            "x.b": ob(requires=("x.k2",), due="2035-01-31"),
        }
    )
    assert [k.obligation for k in keystones(build_graph(cat), cat, AS_OF)] == ["x.k2", "x.k1"]
