"""Coherence analysis on small literal graphs: packages, chains, blockers, conflicts, keystones."""

from __future__ import annotations

import datetime as dt

import networkx as nx

from planner.analysis import (
    analyse,
    blockers,
    conflicts,
    critical_chains,
    dependant_counts,
    keystones,
    packages,
)
from planner.graph import build_graph, precedence_graph
from planner.loading import load_catalogue

from .conftest import MINIMAL, write_tree

LAYERS = """\
layers:
  - {id: rijk, name: {en: Rijk}, organisations: 1}
  - {id: gemeenten, name: {en: Gemeenten}, organisations: 342}
  - {id: provincies, name: {en: Provincies}, organisations: 12}
"""
THEMES = "themes:\n  - {id: t, name: {en: T}}\n"


def catalogue(tmp_path, obligations: str, act: str = "x"):
    root = write_tree(
        tmp_path / "cat",
        {
            "layers.yaml": LAYERS,
            "themes.yaml": THEMES,
            f"{act}.yaml": f"id: {act}\nkind: national-act\ntitle: {{en: X}}\nobligations:\n{obligations}",
        },
    )
    cat = load_catalogue(root)
    return cat, build_graph(cat)


def ob(
    name: str,
    roles: str = "{gemeenten: addressee}",
    due: str = "2027-06-30",
    effort: int = 1,
    extra: str = "",
) -> str:
    return f"  - id: x.{name}\n    title: {{en: {name}, nl: {name}}}\n    roles: {roles}\n    due: {due}\n    effort: {effort}\n{extra}"


def rel(kind: str, to: str, degree: str = "") -> str:
    deg = f"\n        degree: {degree}" if degree else ""
    return f"    {kind}:\n      - to: x.{to}\n        rationale: {{en: because}}{deg}\n"


def test_overlapping_pairs_become_one_package_with_effort_saved(tmp_path):
    cat, g = catalogue(
        tmp_path,
        ob("dpia", effort=3)
        + ob("fria", effort=2, extra=rel("overlaps", "dpia", "intersect"))
        + ob("logs", effort=2)
        + ob("audit", effort=2, extra=rel("overlaps", "logs", "equal")),
    )
    found = {p.members: (p.effort_separate, p.effort_joint, p.effort_saved) for p in packages(g, cat)}
    # intersect saves half the smaller effort; equal saves all of it
    assert found == {("x.dpia", "x.fria"): (5.0, 4.0, 1.0), ("x.audit", "x.logs"): (4.0, 2.0, 2.0)}


def test_package_is_driven_by_its_earliest_due_member(tmp_path):
    cat, g = catalogue(
        tmp_path, ob("a", due="2028-01-01") + ob("b", due="2027-03-01", extra=rel("overlaps", "a"))
    )
    (pkg,) = packages(g, cat)
    assert (pkg.due, pkg.driver, pkg.layers) == ("2027-03-01", "x.b", ("gemeenten",))


def test_no_overlaps_no_packages(tmp_path):
    cat, g = catalogue(tmp_path, ob("a") + ob("b"))
    assert packages(g, cat) == []


def test_critical_chain_counts_stages_and_slack(tmp_path):
    cat, g = catalogue(
        tmp_path,
        ob("a", due="2027-06-30")
        + ob("b", due="2027-06-30", extra=rel("requires", "a"))
        + ob("c", due="2027-03-31", extra=rel("requires", "b")),
    )
    chains = {c.target: c for c in critical_chains(g, cat, dt.date(2026, 11, 28))}
    assert chains["x.c"].chain == ("x.a", "x.b", "x.c")
    # 2026-Q4, 2027-Q1: two quarters for a three-link chain
    assert (chains["x.c"].quarters_left, chains["x.c"].slack) == (2, -1)
    assert "the chain cannot finish in time" in chains["x.c"].reasons[-1]


def test_single_obligation_has_no_chain(tmp_path):
    cat, g = catalogue(tmp_path, ob("a"))
    assert critical_chains(g, cat, dt.date(2026, 11, 28)) == []


def test_blocker_counts_waiting_organisations(tmp_path):
    cat, g = catalogue(
        tmp_path,
        ob("wallet", roles="{rijk: provider}", due="2027-12-31")
        + ob(
            "accept",
            roles="{gemeenten: addressee, provincies: addressee}",
            due="2027-06-30",
            extra=rel("needs_facility", "wallet"),
        ),
    )
    (b,) = blockers(g, cat)
    assert (b.facility, b.providers, b.waiting_layers, b.organisations_waiting) == (
        "x.wallet",
        ("rijk",),
        ("gemeenten", "provincies"),
        354,
    )
    assert "x.wallet is due 2027-12-31, after x.accept is due (2027-06-30)" in b.reasons


def test_same_layer_facility_is_not_a_cross_layer_blocker(tmp_path):
    cat, g = catalogue(tmp_path, ob("f") + ob("u", extra=rel("needs_facility", "f")))
    assert blockers(g, cat) == []


def test_conflicts_show_both_sides(tmp_path):
    cat, g = catalogue(tmp_path, ob("open") + ob("minimise", extra=rel("conflicts", "open")))
    (c,) = conflicts(g, cat)
    assert (c.a, c.b, c.rationale, c.layers) == ("x.minimise", "x.open", "because", ("gemeenten",))


def test_keystone_counts_transitive_dependants():
    g = nx.DiGraph()
    for n in ("a", "b", "c", "d", "e"):
        g.add_node(f"x.{n}", kind="obligation")
    for u, v in [("b", "a"), ("c", "a"), ("d", "b"), ("e", "d")]:
        g.add_edge(f"x.{u}", f"x.{v}", kind="requires")
    assert dependant_counts(precedence_graph(g)) == {"x.a": 4, "x.b": 2, "x.c": 0, "x.d": 1, "x.e": 0}


def test_keystones_rank_by_weighted_dependants(tmp_path):
    cat, g = catalogue(
        tmp_path,
        ob("root", due="2027-01-01")
        + ob("mid", due="2030-01-01", extra=rel("requires", "root"))
        + ob("leaf", due="2031-01-01", extra=rel("requires", "mid"))
        + ob("soon", due="2027-06-30", extra=rel("requires", "root")),
    )
    ks = keystones(g, cat, dt.date(2026, 11, 28))
    # root: 3 dependants, one (soon) due within two years counts double -> 4
    assert [(k.obligation, k.dependants, k.score) for k in ks] == [("x.root", 3, 4.0), ("x.mid", 1, 1.0)]


def test_disconnected_parts_are_analysed_separately(tmp_path):
    cat, g = catalogue(
        tmp_path,
        ob("a") + ob("b", extra=rel("overlaps", "a")) + ob("c") + ob("d", extra=rel("overlaps", "c")),
    )
    assert sorted(p.members for p in packages(g, cat)) == [("x.a", "x.b"), ("x.c", "x.d")]


def test_empty_catalogue_analyses_to_nothing(tmp_path):
    root = write_tree(tmp_path / "cat", {"layers.yaml": LAYERS, "themes.yaml": THEMES})
    cat = load_catalogue(root)
    result = analyse(build_graph(cat), cat, dt.date(2026, 11, 28))
    assert (result.packages, result.chains, result.blockers, result.conflicts, result.keystones) == (
        (),
        (),
        (),
        (),
        (),
    )


def test_cycle_is_rejected_before_analysis(tmp_path):
    import pytest

    from planner.errors import DataError

    with pytest.raises(DataError, match="problem"):
        catalogue(tmp_path, ob("a", extra=rel("requires", "b")) + ob("b", extra=rel("requires", "a")))


def test_analysis_is_deterministic():
    cat = load_catalogue(MINIMAL)
    a = analyse(build_graph(cat), cat, dt.date(2026, 11, 28)).to_dict()
    b = analyse(
        build_graph(load_catalogue(MINIMAL)), load_catalogue(MINIMAL), dt.date(2026, 11, 28)
    ).to_dict()
    assert a == b


def test_layer_filter_keeps_what_concerns_the_layer():
    cat = load_catalogue(MINIMAL)
    result = analyse(build_graph(cat), cat, dt.date(2026, 11, 28), layer="rijk")
    assert [b.facility for b in result.blockers] == ["act-a.platform"]
    assert [c.target for c in result.chains] == ["act-a.assess"]
