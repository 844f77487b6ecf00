"""Unit tests of planner.roadmap: one plan of the whole catalogue, and the roadmap cut from it."""

from __future__ import annotations

import pytest

from planner.analysis import packages
from planner.errors import UsageError
from planner.graph import build_graph
from planner.organisation.profile import Profile
from planner.roadmap import ALL, build_plan, roadmap

from .builders import AS_OF, catalogue

SPEC = {
    "x.a": {"roles": {"rijk": "addressee", "gemeenten": "addressee"}, "due": "2027-06-30"},
    "x.b": {"requires": ["x.a"], "overlaps": {"x.a": "equal"}},
    "x.c": {"roles": {"provincies": "addressee"}},
}


@pytest.fixture(scope="module")
def cat():  # type: ignore[no-untyped-def]
    return catalogue(SPEC)


def test_an_unknown_stage_size_is_a_usage_error_listing_the_sizes(cat):
    with pytest.raises(UsageError, match=r"--stage: 'month' is not one of: quarter, half, year"):
        build_plan(cat, AS_OF, stage_size="month")


def test_the_plan_keeps_the_packages_of_the_analysis(cat):
    ctx = build_plan(cat, AS_OF)
    assert ctx.packages == tuple(packages(build_graph(cat), cat))


def test_a_capacity_for_one_layer_leaves_the_others_as_they_were(cat):
    plan = build_plan(cat, AS_OF, capacity=10.0, capacity_layer="rijk").plan
    assert plan.capacity == {"rijk": 10.0, "provincies": None, "gemeenten": None}


def test_a_capacity_for_an_unknown_layer_is_a_usage_error_naming_the_layers(cat):
    with pytest.raises(
        UsageError, match=r"--capacity: no layer 'rijkk'; layers: rijk, provincies, gemeenten"
    ):
        build_plan(cat, AS_OF, capacity=10.0, capacity_layer="rijkk")


@pytest.mark.parametrize("layer", [None, ALL])
def test_a_capacity_without_a_layer_applies_to_every_layer(cat, layer):
    plan = build_plan(cat, AS_OF, capacity=7.5, capacity_layer=layer).plan
    assert plan.capacity == dict.fromkeys(cat.layers, 7.5)


def test_the_plan_remembers_the_options_that_made_it(cat):
    org = Profile(layer="gemeenten", name="Gemeente X", source="org/x.yaml")
    ctx = build_plan(cat, AS_OF, capacity=12.0, organisation=org)
    assert ctx.options == (("--organisation", "org/x.yaml"), ("--capacity", "12"))


def test_a_plan_without_options_remembers_none(cat):
    assert build_plan(cat, AS_OF).options == ()


def test_two_organisations_of_one_layer_are_refused(cat):
    one, two = Profile(layer="gemeenten", name="A"), Profile(layer="gemeenten", name="B")
    with pytest.raises(UsageError, match="two organisations of 'gemeenten'"):
        build_plan(cat, AS_OF, organisation=one, organisations=(two,))


def test_organisations_of_different_layers_are_each_planned(cat):
    org = Profile(layer="gemeenten", name="G")
    other = Profile(layer="provincies", name="P")
    plan = build_plan(cat, AS_OF, organisations=(org, other)).plan
    assert {layer: p.name for layer, p in plan.profiles.items() if p.name} == {
        "gemeenten": "G",
        "provincies": "P",
    }


def test_a_layer_roadmap_holds_only_that_layers_items(cat):
    data = roadmap(build_plan(cat, AS_OF), "gemeenten", "en")
    items = [i for s in data["stages"] for i in s["items"]]
    assert data["layer"] == "gemeenten"
    assert sorted(i["obligation"] for i in items) == ["x.a", "x.b"]


def test_the_roadmap_of_all_holds_every_layers_items(cat):
    data = roadmap(build_plan(cat, AS_OF), ALL, "en")
    items = [i for s in data["stages"] for i in s["items"]]
    assert sorted(i["obligation"] for i in items) == ["x.a", "x.a", "x.b", "x.c"]


def test_the_roadmap_of_an_unknown_layer_is_a_usage_error(cat):
    with pytest.raises(UsageError):
        roadmap(build_plan(cat, AS_OF), "gemeente", "en")
