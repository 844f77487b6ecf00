"""The loaded catalogue: due dates, the one table of relations, look-ups, primary sources, scenarios."""

from __future__ import annotations

import datetime as dt
from dataclasses import replace

import pytest

from planner.errors import NotFoundError
from planner.models import PrimaryHost, RelationKind, Source
from tests.unit_a.builders import catalogue, collective, ob

MILESTONE = {"id": "apply", "kind": "application", "date": "2027-08-02"}


def _cat(scenarios: list[dict[str, object]] | None = None):  # type: ignore[no-untyped-def]
    return catalogue(
        {
            "x.a": ob(milestone="apply"),
            "x.b": ob(due="2027-01-01", requires=("x.a",), conflicts=("x.a",)),
            "x.c": ob(roles={"gemeenten": "supervisor"}, needs=("x.b",)),
        },
        layers={"rijk": None, "gemeenten": None},
        acts={"x": {"milestones": [MILESTONE], "scenarios": scenarios or []}},
        collectives=(collective("c", {"x.b": 0.5}, status="planned", delivery="2027-01-31"),),
    )


def test_an_own_due_date_is_the_due_date_and_a_milestone_gives_one_otherwise():
    cat = _cat()
    assert (cat.due(cat.obligations["x.b"]), cat.due(cat.obligations["x.a"])) == (
        dt.date(2027, 1, 1),
        dt.date(2027, 8, 2),
    )


def test_an_obligation_without_date_or_milestone_has_no_due_date():
    cat = catalogue({"x.a": ob()})
    assert (cat.due(cat.obligations["x.a"]), cat.milestone_of(cat.obligations["x.a"])) == (None, None)


def test_relations_are_listed_obligation_by_obligation_kind_by_kind():
    assert [(r.source, r.kind, r.target) for r in _cat().relations] == [
        ("x.b", RelationKind.REQUIRES, "x.a"),
        ("x.b", RelationKind.CONFLICTS, "x.a"),
        ("x.c", RelationKind.NEEDS_FACILITY, "x.b"),
    ]


def test_iter_relations_gives_the_owner_obligation_itself():
    kind, owner, target = next(_cat().iter_relations())
    assert (kind, owner.id, target) == (RelationKind.REQUIRES, "x.b", "x.a")


def test_a_layer_implements_only_the_duties_it_has_a_planned_role_in():
    assert [o.id for o in _cat().obligations_for("gemeenten")] == []
    assert [o.id for o in _cat().obligations_for("rijk")] == ["x.a", "x.b"]


@pytest.mark.parametrize("item", ["x", "x.a", "rijk"])
def test_get_finds_acts_obligations_and_layers_by_id(item):
    assert _cat().get(item).id == item


def test_get_of_an_unknown_id_suggests_a_close_one():
    with pytest.raises(NotFoundError, match=r"did you mean 'rijk'\?"):
        _cat().get("rjik")


@pytest.mark.parametrize(
    ("url", "primary"),
    [
        ("https://eur-lex.europa.eu/eli/reg/2024/1689/oj", True),
        ("https://europa.eu:443/x", True),
        ("https://noteuropa.eu/x", False),
        (None, False),
    ],
)
def test_a_source_is_primary_on_the_host_or_a_sub_domain_of_it(url, primary):
    cat = replace(_cat(), primary_hosts={"europa.eu": PrimaryHost(host="europa.eu", name="EU")})
    assert cat.is_primary(Source(url=url, title="t")) is primary


def test_a_scenario_moving_a_milestone_moves_the_due_date_of_what_follows_it():
    moved = _cat(
        [{"id": "s", "title": {"en": "s"}, "changes": [{"milestone": "apply", "date": "2028-08-02"}]}]
    ).with_scenario("s")
    assert moved.due(moved.obligations["x.a"]) == dt.date(2028, 8, 2)
    assert moved.acts["x"].milestone("apply").status.value == "proposed"  # type: ignore[union-attr]


def test_a_scenario_giving_a_due_date_replaces_a_milestone():
    changed = _cat(
        [{"id": "s", "title": {"en": "s"}, "changes": [{"obligation": "x.a", "due": "2026-12-31"}]}]
    ).with_scenario("s")
    ob_a = changed.obligations["x.a"]
    assert (ob_a.milestone, changed.due(ob_a)) == (None, dt.date(2026, 12, 31))


def test_a_scenario_removing_an_obligation_drops_its_relations_too():
    removed = _cat(
        [{"id": "s", "title": {"en": "s"}, "changes": [{"obligation": "x.b", "remove": True}]}]
    ).with_scenario("s")
    assert "x.b" not in removed.obligations
    assert [r.source for r in removed.relations] == ["x.c"]


def test_a_scenario_delaying_a_collective_leaves_the_original_catalogue_alone():
    cat = _cat([{"id": "s", "title": {"en": "s"}, "changes": [{"collective": "c", "delay_months": 2}]}])
    delayed = cat.with_scenario("s")
    assert (delayed.collectives["c"].delivery, cat.collectives["c"].delivery) == (
        dt.date(2027, 3, 31),
        dt.date(2027, 1, 31),
    )
    assert (delayed.scenario.id, cat.scenario) == ("s", None)  # type: ignore[union-attr]


def test_an_unknown_scenario_lists_the_known_ones():
    with pytest.raises(NotFoundError, match="known: s"):
        _cat(
            [{"id": "s", "title": {"en": "s"}, "changes": [{"obligation": "x.a", "remove": True}]}]
        ).with_scenario("t")


def test_an_unknown_scenario_in_a_catalogue_without_any_says_so():
    with pytest.raises(NotFoundError, match="has none"):
        _cat().with_scenario("t")
