"""Unit tests of planner.catalogue: due dates, who plans what, primary sources, lookups, scenarios."""

from __future__ import annotations

import datetime as dt
from dataclasses import replace

import pytest

from planner.catalogue import did_you_mean
from planner.errors import NotFoundError
from planner.house.model import Collective
from planner.models import PrimaryHost, Source

from .builders import catalogue

MILESTONES = {
    "milestones": [
        {"id": "apply", "kind": "application", "date": "2027-08-02", "status": "in-force"},
        {"id": "later", "kind": "application", "date": "2028-08-02", "status": "in-force"},
    ],
    "scenarios": [
        {
            "id": "omnibus",
            "title": {"en": "Omnibus"},
            "status": "proposed",
            "changes": [
                {"milestone": "apply", "date": "2028-12-02"},
                {"obligation": "x.dated", "due": "2029-01-01"},
                {"obligation": "x.dropped", "remove": True},
            ],
        }
    ],
}
SPEC = {
    "x.follows": {"milestone": "apply"},
    "x.dated": {"milestone": "later"},
    "x.dropped": {"due": "2027-01-01"},
    "x.own": {"due": "2026-06-30", "roles": {"rijk": "supervisor", "gemeenten": "addressee"}},
    "x.watched": {"roles": {"rijk": "supervisor"}, "due": "2027-01-01"},
}


@pytest.fixture
def cat():  # type: ignore[no-untyped-def]
    return catalogue(SPEC, acts={"x": MILESTONES})


def test_an_obligation_with_its_own_date_is_due_then(cat):
    assert cat.due(cat.obligations["x.own"]) == dt.date(2026, 6, 30)


def test_an_obligation_following_a_milestone_is_due_on_its_date(cat):
    ob = cat.obligations["x.follows"]
    assert (cat.milestone_of(ob).id, cat.due(ob)) == ("apply", dt.date(2027, 8, 2))


def test_an_obligation_with_neither_is_due_never():
    cat = catalogue({"x.open": {}})
    ob = cat.obligations["x.open"]
    assert (cat.milestone_of(ob), cat.due(ob)) == (None, None)


def test_a_supervisor_does_not_plan_the_duty_it_supervises(cat):
    assert [o.id for o in cat.obligations_for("rijk")] == []
    assert "x.own" in [o.id for o in cat.obligations_for("gemeenten")]


@pytest.mark.parametrize(
    ("url", "primary"),
    [
        ("https://eur-lex.europa.eu/eli/reg/2024/1689/oj", True),
        ("https://europa.eu/x", True),
        ("https://EUR-LEX.Europa.EU:443/x", True),
        ("https://noteuropa.eu/x", False),
        ("https://europa.eu.example.org/x", False),
        ("https://user@eur-lex.europa.eu/x", True),
        ("https://europa.eu@evil.example/x", False),
        ("https://evil.example#.europa.eu/x", False),
        ("https://evil.example?.europa.eu", False),
        (None, False),
    ],
)
def test_a_source_is_primary_only_on_a_listed_host_or_its_subdomain(url, primary):
    cat = replace(catalogue({}), primary_hosts={"europa.eu": PrimaryHost(host="europa.eu", name="EU")})
    assert cat.is_primary(Source(url=url, title="t")) is primary


def test_get_finds_acts_obligations_and_layers_by_id(cat):
    assert [type(cat.get(i)).__name__ for i in ("x", "x.own", "gemeenten")] == ["Act", "Obligation", "Layer"]


def test_get_of_an_unknown_id_suggests_a_close_one(cat):
    with pytest.raises(NotFoundError, match=r"did you mean 'x\.own'"):
        cat.get("x.onw")


def test_did_you_mean_says_nothing_when_nothing_is_close():
    assert did_you_mean("zzzz", ["rijk", "gemeenten"]) == ""


def test_relations_are_listed_obligation_by_obligation_in_kind_order():
    cat = catalogue(
        {
            "x.a": {},
            "x.b": {"needs_facility": ["x.a"], "requires": ["x.a"], "overlaps": {"x.a": "equal"}},
            "x.c": {"conflicts": ["x.b"]},
        }
    )
    assert [(r.source, r.kind.value, r.target) for r in cat.relations] == [
        ("x.b", "requires", "x.a"),
        ("x.b", "overlaps", "x.a"),
        ("x.b", "needs-facility", "x.a"),
        ("x.c", "conflicts", "x.b"),
    ]
    assert [(k.value, o.id, t) for k, o, t in cat.iter_relations()][-1] == ("conflicts", "x.c", "x.b")


def test_a_scenario_moves_the_milestone_and_gives_it_the_scenario_status(cat):
    moved = cat.with_scenario("omnibus")
    milestone = moved.milestone_of(moved.obligations["x.follows"])
    assert (milestone.date, milestone.status.value) == (dt.date(2028, 12, 2), "proposed")
    assert moved.due(moved.obligations["x.follows"]) == dt.date(2028, 12, 2)


def test_a_scenario_due_date_replaces_the_milestone_the_duty_followed(cat):
    moved = cat.with_scenario("omnibus").obligations["x.dated"]
    assert (moved.due, moved.milestone) == (dt.date(2029, 1, 1), None)


def test_a_scenario_can_remove_an_obligation(cat):
    assert "x.dropped" not in cat.with_scenario("omnibus").obligations


def test_a_scenario_leaves_the_original_catalogue_unchanged(cat):
    cat.with_scenario("omnibus")
    assert "x.dropped" in cat.obligations
    assert cat.due(cat.obligations["x.follows"]) == dt.date(2027, 8, 2)
    assert cat.scenario is None


def test_the_applied_scenario_is_recorded(cat):
    assert cat.with_scenario("omnibus").scenario.id == "omnibus"


def test_an_unknown_scenario_lists_the_known_ones(cat):
    with pytest.raises(NotFoundError, match=r"'omnibos'.*did you mean 'omnibus'.*known: omnibus"):
        cat.with_scenario("omnibos")


def test_an_unknown_scenario_in_a_catalogue_without_any_says_so():
    with pytest.raises(NotFoundError, match="the catalogue has none"):
        catalogue({"x.a": {}}).with_scenario("omnibus")


def test_a_delay_scenario_moves_only_the_collectives_delivery():
    delay = {
        "scenarios": [
            {
                "id": "late",
                "title": {"en": "Late"},
                "changes": [{"collective": "wallet", "delay_months": 6}],
            }
        ]
    }
    collective = Collective.model_validate(
        {
            "id": "wallet",
            "provider": "Logius",
            "title": {"en": "Wallet"},
            "layers": ["gemeenten"],
            "status": "planned",
            "delivery": "2027-01-31",
            "delivers": ["x.wallet"],
        }
    )
    cat = replace(
        catalogue({"x.wallet": {"due": "2027-06-30"}}, acts={"x": delay}), collectives={"wallet": collective}
    )
    moved = cat.with_scenario("late")
    assert (moved.collectives["wallet"].delivery, moved.collectives["wallet"].delivery_confirmed) == (
        dt.date(2027, 7, 31),
        False,
    )
    assert moved.due(moved.obligations["x.wallet"]) == dt.date(2027, 6, 30)
