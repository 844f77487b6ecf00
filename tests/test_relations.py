"""Relations as one table: RelationKind, the RelationEdge record and Catalogue.relations."""

from __future__ import annotations

import pytest

from planner.errors import DataError
from planner.loading import load_catalogue
from planner.models import Degree, RelationEdge, RelationKind

from .conftest import MINIMAL, invoke, write_tree

LAYERS = "layers:\n  - {id: rijk, name: {en: Rijk}, organisations: 1}\n"
THEMES = "themes:\n  - {id: t, name: {en: T}}\n"


def _cat(tmp_path, obligations: str):
    return load_catalogue(
        write_tree(
            tmp_path / "cat",
            {
                "layers.yaml": LAYERS,
                "themes.yaml": THEMES,
                "x.yaml": "id: x\nkind: national-act\ntitle: {en: X}\nsources:\n  s: {title: S}\n"
                f"obligations:\n{obligations}",
            },
        )
    )


def _ob(name: str, extra: str = "") -> str:
    return f"  - id: x.{name}\n    title: {{en: {name}}}\n    roles: {{rijk: addressee}}\n    due: 2027-06-30\n{extra}"


def test_relation_kinds_are_the_four_yaml_keys_in_yaml_order():
    assert [k.key for k in RelationKind] == ["requires", "overlaps", "conflicts", "needs_facility"]


def test_only_requires_and_needs_facility_order_work():
    assert {k for k in RelationKind if k.orders} == {RelationKind.REQUIRES, RelationKind.NEEDS_FACILITY}


def test_relation_kind_equals_its_yaml_word():
    assert RelationKind.NEEDS_FACILITY == "needs-facility"


def test_catalogue_relations_are_typed_records():
    cat = load_catalogue(MINIMAL)
    overlap = next(r for r in cat.relations if r.kind is RelationKind.OVERLAPS)
    assert isinstance(overlap, RelationEdge)
    assert (overlap.source, overlap.target, overlap.degree) == (
        "act-b.connect",
        "act-a.assess",
        Degree.INTERSECT,
    )
    assert overlap.rationale.get("en") == "The same assessment serves both."


def test_catalogue_relations_are_computed_once():
    cat = load_catalogue(MINIMAL)
    assert cat.relations is cat.relations


def test_relation_keeps_its_source_key_and_index(tmp_path):
    cat = _cat(
        tmp_path,
        _ob("a")
        + _ob("b")
        + _ob(
            "c",
            "    requires:\n      - {to: x.a, rationale: {en: r}}\n"
            "      - {to: x.b, rationale: {en: r}, source: s}\n",
        ),
    )
    (_, second) = cat.relations
    assert (second.target, second.index, second.source_key, second.degree) == ("x.b", 1, "s", None)


def test_two_kinds_between_the_same_pair_are_two_relations(tmp_path):
    cat = _cat(
        tmp_path,
        _ob("a")
        + _ob(
            "b",
            "    requires:\n      - {to: x.a, rationale: {en: first}}\n"
            "    conflicts:\n      - {to: x.a, rationale: {en: tension}}\n",
        ),
    )
    assert [(r.kind, r.pair) for r in cat.relations] == [
        (RelationKind.REQUIRES, ("x.b", "x.a")),
        (RelationKind.CONFLICTS, ("x.b", "x.a")),
    ]


def test_the_same_target_twice_under_one_kind_is_still_an_error(tmp_path):
    twice = "    conflicts:\n      - {to: x.a, rationale: {en: r}}\n      - {to: x.a, rationale: {en: r}}\n"
    with pytest.raises(DataError) as err:
        _cat(tmp_path, _ob("a") + _ob("b", twice))
    assert "'x.a' is listed twice under conflicts" in str(err.value.problems)


def test_a_scenario_copy_lists_the_relations_of_its_own_obligations():
    cat = load_catalogue(MINIMAL)
    assert cat.relations  # computed on the original first
    assert cat.with_scenario("delay-b").relations == cat.relations


def _write(tmp_path, obligations: str):
    return write_tree(
        tmp_path / "cat",
        {
            "layers.yaml": LAYERS,
            "themes.yaml": THEMES,
            "x.yaml": "id: x\nkind: national-act\ntitle: {en: X}\nsources:\n  s: {title: S}\n"
            f"obligations:\n{obligations}",
        },
    )


BOTH = _ob("a") + _ob(
    "b",
    "    requires:\n      - {to: x.a, rationale: {en: first}}\n"
    "    conflicts:\n      - {to: x.a, rationale: {en: tension}}\n",
)


def test_a_conflict_next_to_a_prerequisite_is_a_second_graph_edge(tmp_path):
    from planner.graph import build_graph

    g = build_graph(load_catalogue(_write(tmp_path, BOTH)))
    assert sorted(g["x.b"]["x.a"]) == ["conflicts", "requires"]


def test_a_conflict_next_to_a_prerequisite_passes_check_and_reaches_analyse(tmp_path, runner):
    import json

    root = str(_write(tmp_path, BOTH))
    assert invoke(runner, "--catalog", root, "check").exit_code == 0
    result = invoke(runner, "--catalog", root, "analyse", "--as-of", "2026-01-01", "--format", "json")
    conflicts = json.loads(result.stdout)["conflicts"]
    assert [(c["a"], c["b"], c["rationale"]) for c in conflicts] == [("x.a", "x.b", "tension")]
