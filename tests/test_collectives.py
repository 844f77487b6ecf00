"""Collective arrangements: the model, the loader's located errors, organisation choices, and a
hand-checkable house of 3 municipalities and 2 collectives (tests/data/house)."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from planner.dates import add_months
from planner.errors import DataError
from planner.house.model import DeliveryStatus
from planner.house.use import delivering, remaining_share, used_collectives
from planner.loading import load_catalogue
from planner.organisation.load import load_organisation

from .conftest import MINIMAL, invoke, write_tree

HOUSE = Path(__file__).parent / "data" / "house"
CATALOGUE = HOUSE / "catalogue"


@pytest.fixture(scope="module")
def cat():  # type: ignore[no-untyped-def]
    return load_catalogue(CATALOGUE)


def house_with(tmp_path: Path, collectives: str) -> Path:
    """The minimal catalogue (no scenario delays a collective) with this collectives.yaml."""
    import shutil

    root = tmp_path / "cat"
    shutil.copytree(MINIMAL, root)
    return write_tree(root, {"collectives.yaml": collectives})


def load_errors(root: Path) -> list[str]:
    with pytest.raises(DataError) as info:
        load_catalogue(root)
    return [p.format(root) for p in info.value.problems if p.is_error]


ONE = """sources:
  p: {{url: https://example.org/p, title: Provider}}
collectives:
  - id: c
    provider: P
    title: {{en: C}}
    layers: [{layers}]
    status: {status}
    covers:
      - obligation: {obligation}
        provided: {{en: Part}}
        remaining: {{share: {share}, text: {{en: Rest}}}}
    sources: [p]
"""


def one(**values: str) -> str:
    return ONE.format(
        **{
            "layers": "gemeenten",
            "status": "exists",
            "obligation": "act-a.inventory",
            "share": "0.5",
            **values,
        }
    )


def test_the_catalogue_holds_collectives_by_id_in_file_order(cat):  # type: ignore[no-untyped-def]
    assert list(cat.collectives) == ["shared-register", "national-platform"]
    assert cat.collectives["national-platform"].status is DeliveryStatus.PLANNED


def test_an_unknown_obligation_is_an_error_at_its_line(tmp_path):  # type: ignore[no-untyped-def]
    errors = load_errors(house_with(tmp_path, one(obligation="act-a.inventroy")))
    assert errors == [
        "collectives.yaml:10:21: error: collectives[0].covers[0].obligation: unknown obligation "
        "'act-a.inventroy' (did you mean 'act-a.inventory'?); known: act-a.assess, act-a.inventory, "
        "act-a.platform, act-b.connect"
    ]


def test_an_unknown_layer_is_an_error_at_its_line(tmp_path):  # type: ignore[no-untyped-def]
    errors = load_errors(house_with(tmp_path, one(layers="gemeente")))
    assert errors[0].startswith(
        "collectives.yaml:7:14: error: collectives[0].layers[0]: unknown layer 'gemeente'"
    )


def test_an_obligation_the_served_layers_do_not_hold_is_an_error(tmp_path):  # type: ignore[no-untyped-def]
    errors = load_errors(house_with(tmp_path, one(layers="rijk", obligation="act-b.connect")))
    assert errors == [
        "collectives.yaml:10:21: error: collectives[0].covers[0].obligation: obligation 'act-b.connect' "
        "is not a duty of rijk; it is one of gemeenten"
    ]


@pytest.mark.parametrize("share", ["1.5", "-0.1"])
def test_a_share_outside_0_to_1_is_an_error_at_its_line(tmp_path, share):  # type: ignore[no-untyped-def]
    errors = load_errors(house_with(tmp_path, one(share=share)))
    assert len(errors) == 1 and errors[0].startswith(
        "collectives.yaml:12:28: error: collectives[0].covers[0].remaining.share:"
    )


def test_planned_without_a_delivery_date_is_an_error(tmp_path):  # type: ignore[no-untyped-def]
    errors = load_errors(house_with(tmp_path, one(status="planned")))
    assert errors == [
        "collectives.yaml:4:5: error: collectives[0]: a 'planned' collective needs its expected 'delivery' date"
    ]


def _secondary_collective(tmp_path: Path, extra: str = "") -> list[tuple[str, str]]:
    root = house_with(tmp_path, one() + extra)
    # The fixture's example.org is not primary here: only europa.eu is.
    write_tree(root, {"primary-sources.yaml": "hosts:\n  - {host: europa.eu, name: EU}\n"})
    return [(p.severity, p.message) for p in load_catalogue(root).warnings if "collective 'c'" in p.message]


def test_a_collective_with_only_secondary_sources_is_a_warning(tmp_path):  # type: ignore[no-untyped-def]
    found = _secondary_collective(tmp_path)
    assert [severity for severity, _ in found] == ["warning"]
    assert "collective 'c' rests only on secondary sources (p);" in found[0][1]


def test_a_waived_collective_with_only_secondary_sources_is_a_review_gap(tmp_path):  # type: ignore[no-untyped-def]
    waiver = "    primary_source_gap: {reason: {en: Not found}, searched: 2026-12-07}\n"
    found = _secondary_collective(tmp_path, waiver)
    assert found == [
        (
            "review",
            "collectives[0]: collective 'c' rests only on secondary sources (p) (waived: searched "
            "2026-12-07); cite the provider's or the responsible ministry's own pages",
        )
    ]


def test_a_facility_the_collective_delivers_is_found(cat):  # type: ignore[no-untyped-def]
    found = delivering(cat, "act-a.platform")
    assert found is not None and found.id == "national-platform"
    assert delivering(cat, "act-a.inventory") is None


def test_the_layers_default_is_used_without_an_organisation_choice(cat):  # type: ignore[no-untyped-def]
    assert [c.id for c in used_collectives(cat, "gemeenten")] == ["shared-register"]
    assert used_collectives(cat, "rijk") == ()


# The hand-checkable house: act-a.inventory takes 1 person-day, act-b.connect 2.
# shared-register (default) leaves 0.25 of the inventory; national-platform leaves 0.5 of connect.
# Een uses the default, Twee lists both, Drie turns the default off.
EXPECTED = {
    "een.yaml": (["shared-register"], 0.25 * 1 + 1.0 * 2),
    "twee.yaml": (["shared-register", "national-platform"], 0.25 * 1 + 0.5 * 2),
    "drie.yaml": ([], 1.0 * 1 + 1.0 * 2),
}


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_each_organisation_keeps_only_its_own_part(cat, name):  # type: ignore[no-untyped-def]
    profile = load_organisation(HOUSE / "orgs" / name, cat)
    used = used_collectives(cat, profile.layer, profile.collectives)
    effort = sum(
        remaining_share(used, oid) * (cat.obligations[oid].effort_days or 0)
        for oid in ("act-a.inventory", "act-b.connect")
    )
    assert ([c.id for c in used], effort) == EXPECTED[name]


def test_the_house_saves_what_the_collectives_provide(cat):  # type: ignore[no-untyped-def]
    without = 3 * (1 + 2)
    with_ = sum(effort for _, effort in EXPECTED.values())
    assert (without, with_, without - with_) == (9, 6.5, 2.5)
    profiles = [load_organisation(HOUSE / "orgs" / n, cat) for n in EXPECTED]
    total = sum(
        remaining_share(used_collectives(cat, p.layer, p.collectives), oid)
        * (cat.obligations[oid].effort_days or 0)
        for p in profiles
        for oid in ("act-a.inventory", "act-b.connect")
    )
    assert total == with_


def test_a_delay_scenario_moves_only_the_delivery(cat):  # type: ignore[no-untyped-def]
    late = cat.with_scenario("platform-late")
    assert late.collectives["national-platform"].delivery == dt.date(2027, 9, 30)
    assert late.due(late.obligations["act-b.connect"]) == cat.due(cat.obligations["act-b.connect"])
    assert cat.collectives["national-platform"].delivery == dt.date(2027, 3, 31)


def test_add_months_keeps_the_day_within_the_month():
    assert add_months(dt.date(2027, 3, 31), 6) == dt.date(2027, 9, 30)
    assert add_months(dt.date(2027, 11, 15), 3) == dt.date(2028, 2, 15)


def test_a_delay_of_an_existing_collective_is_an_error(tmp_path):  # type: ignore[no-untyped-def]
    import shutil

    root = tmp_path / "cat"
    shutil.copytree(CATALOGUE, root)
    text = (root / "act-a.yaml").read_text(encoding="utf-8").replace("national-platform", "shared-register")
    write_tree(root, {"act-a.yaml": text})
    errors = load_errors(root)
    assert errors == [
        "act-a.yaml:65:21: error: scenarios[0].changes[0].collective: collective 'shared-register' "
        "already exists; only a delivery date to come can be delayed"
    ]


def test_an_organisation_naming_an_unknown_collective_is_an_error(cat, tmp_path):  # type: ignore[no-untyped-def]
    path = write_tree(
        tmp_path, {"org.yaml": "organisation: X\nlayer: gemeenten\ncollectives: [shared-registre]\n"}
    )
    with pytest.raises(DataError) as info:
        load_organisation(path / "org.yaml", cat)
    assert [p.format(tmp_path) for p in info.value.problems] == [
        "org.yaml:3:15: error: collectives: unknown collective 'shared-registre' (did you mean "
        "'shared-register'?); known: national-platform, shared-register"
    ]


def test_check_reports_collective_errors_and_exits_1(runner, tmp_path):  # type: ignore[no-untyped-def]
    root = house_with(tmp_path, one(share="2"))
    result = invoke(runner, "--catalog", str(root), "check")
    assert result.exit_code == 1
    assert "collectives[0].covers[0].remaining.share" in result.stderr


def test_list_collectives_shows_those_serving_a_layer(runner):  # type: ignore[no-untyped-def]
    import json

    result = invoke(runner, "--catalog", str(CATALOGUE), "list", "collectives", "--format", "json")
    rows = json.loads(result.stdout)
    assert [(r["id"], r["delivery"], r["covers"]) for r in rows] == [
        ("shared-register", "2025-01-01", "act-a.inventory"),
        ("national-platform", "2027-03-31", "act-a.platform (delivers), act-b.connect"),
    ]


def test_a_delayed_delivery_is_no_longer_confirmed(cat):  # type: ignore[no-untyped-def]
    assert cat.with_scenario("platform-late").collectives["national-platform"].delivery_confirmed is False
