"""`planner explain` of an item that waits on a provider's delivery (tests/data/house: the national
platform, planned for 2027-03-31; its scenario ``platform-late`` delays it six months)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from .conftest import invoke

CATALOGUE = Path(__file__).parent / "data" / "house" / "catalogue"
AS_OF = "2026-11-28"
ORG = """organisation: Gemeente Wacht
layer: gemeenten
collectives: [national-platform]
status:
  act-b.connect: {state: not-started}
"""


@pytest.fixture
def org(tmp_path: Path) -> Path:
    path = tmp_path / "org.yaml"
    path.write_text(ORG, encoding="utf-8")
    return path


def explain(runner, org: Path, obligation: str, *args: str, fmt: str = "json"):  # type: ignore[no-untyped-def]
    result = invoke(
        runner,
        *("--catalog", str(CATALOGUE), "explain", obligation, "--organisation", str(org)),
        *("--as-of", AS_OF, "--lang", "en", "--format", fmt, *args),
    )
    assert result.exit_code == 0, result.stderr
    return json.loads(result.stdout) if fmt == "json" else result.stdout


def by_facility(records: list[dict]) -> dict[str, dict]:
    [record] = [r for r in records if r["layer"] == "gemeenten"] or records
    return {p["facility"]: p for p in record["providers"]}


def test_a_needed_facility_names_its_provider_collective_and_expected_date(runner, org):
    found = by_facility(explain(runner, org, "act-b.connect"))["act-a.platform"]
    assert (found["provider"], found["collective"], found["facility_layer"]) == (
        "Example ministry",
        "national-platform",
        "rijk",
    )
    assert (found["kind"], found["status"], found["delivery"], found["covers"]) == (
        "needs-facility",
        "planned",
        "2027-03-31",
        False,
    )


def test_the_facility_wait_is_said_in_its_own_sentences(runner, org):
    text = by_facility(explain(runner, org, "act-b.connect"))["act-a.platform"]["text"]
    assert text == (
        "Example ministry is to deliver act-a.platform through National platform (national-platform, planned), "
        "expected on 2027-03-31. This item waits on that delivery: its work starts no earlier than the "
        "delivery allows (now 2027-Q2)."
    )


def test_a_collective_covering_the_duty_is_a_wait_of_its_own(runner, org):
    found = by_facility(explain(runner, org, "act-b.connect"))["act-b.connect"]
    assert (found["kind"], found["covers"]) == ("self", True)
    assert found["text"].startswith("Example ministry takes over part of this duty through National platform")


def test_the_facility_itself_is_that_delivery(runner, org):
    found = by_facility(explain(runner, org, "act-a.platform"))["act-a.platform"]
    assert "This item is that delivery: the plan holds its date, not the work (now 2027-Q1)." in found["text"]


def test_under_a_scenario_it_says_how_far_delivery_and_item_move(runner, org):
    found = by_facility(explain(runner, org, "act-b.connect", "--scenario", "platform-late"))[
        "act-a.platform"
    ]
    assert (found["delivery"], found["delivery_without"], found["stage_without"]) == (
        "2027-09-30",
        "2027-03-31",
        "2027-Q2",
    )
    assert found["text"].endswith(
        "Under scenario platform-late the delivery moves from 2027-03-31 to 2027-09-30 (6 months later) "
        "and this item from 2027-Q2 to 2027-Q4 (2 stages later)."
    )
    assert "The provider has not confirmed that date." in found["text"]  # a delay is no confirmed date


def test_the_text_form_has_a_provider_line_per_delivery(runner, org):
    text = explain(runner, org, "act-b.connect", fmt="text")
    assert text.count("  provider: ") == 2


def test_an_item_without_a_provider_has_none(runner, org):
    records = explain(runner, org, "act-a.inventory")
    assert records and all(r["providers"] == [] for r in records)


def test_the_sentences_speak_dutch(runner, org):
    result = invoke(
        runner,
        *("--catalog", str(CATALOGUE), "explain", "act-b.connect", "--organisation", str(org)),
        *("--as-of", AS_OF, "--scenario", "platform-late"),
    )
    assert (
        "leverancier:    Example ministry levert act-a.platform via Landelijk platform (national-platform, gepland)"
        in result.stdout
    )
    assert "schuift de levering van 2027-03-31 naar 2027-09-30 (6 maanden later)" in result.stdout
