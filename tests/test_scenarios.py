"""Shipped scenarios: each is sourced and changes the plan's inputs; the delivery-delay kind."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest
from pydantic import ValidationError

from planner.loading import load_catalogue
from planner.models import Change

from .conftest import invoke

REGULATIONS = Path(__file__).parent.parent / "regulations"


@pytest.fixture(scope="module")
def cat():  # type: ignore[no-untyped-def]
    return load_catalogue(REGULATIONS)


def test_the_catalogue_ships_at_least_four_scenarios(cat):  # type: ignore[no-untyped-def]
    assert len(cat.scenarios()) >= 4


def test_every_shipped_scenario_names_a_source_with_a_url(cat):  # type: ignore[no-untyped-def]
    for sid, (act, scenario) in cat.scenarios().items():
        source = act.sources.get(scenario.source or "")
        assert source is not None and source.url, sid


def test_every_shipped_scenario_changes_something(cat):  # type: ignore[no-untyped-def]
    for sid in cat.scenarios():
        changed = cat.with_scenario(sid)
        same = (
            changed.acts == cat.acts
            and changed.obligations == cat.obligations
            and changed.collectives == cat.collectives
        )
        assert not same, sid


def test_the_wallet_delay_moves_the_delivery_and_not_the_consumers_due_date(cat):  # type: ignore[no-untyped-def]
    late = cat.with_scenario("nl-wallet-12-months-late")
    before = cat.collectives["nl-wallet"].delivery
    assert before is not None
    assert late.collectives["nl-wallet"].delivery == dt.date(before.year + 1, before.month, before.day)
    accept = "eidas.accept-wallet"
    assert late.due(late.obligations[accept]) == cat.due(cat.obligations[accept])


def test_a_later_cbw_moves_the_nis2_duties_with_it(cat):  # type: ignore[no-untyped-def]
    late = cat.with_scenario("cbw-commencement-6-months-later")
    commencement = late.acts["cyberbeveiligingswet"].milestone("entry-into-force")
    assert commencement is not None and commencement.date == dt.date(2027, 2, 15)
    assert late.due(late.obligations["nis2.risk-management"]) == commencement.date


@pytest.mark.parametrize(
    "fields",
    [
        {"collective": "nl-wallet"},
        {"collective": "nl-wallet", "delay_months": 0},
        {"collective": "nl-wallet", "delay_months": 3, "date": "2027-01-01"},
        {"milestone": "entry-into-force", "date": "2027-01-01", "delay_months": 3},
        {"milestone": "entry-into-force", "collective": "nl-wallet", "delay_months": 3},
    ],
)
def test_a_change_of_the_wrong_shape_is_refused(fields):  # type: ignore[no-untyped-def]
    with pytest.raises(ValidationError):
        Change.model_validate(fields)


def test_list_scenarios_shows_each_with_what_it_changes(runner):  # type: ignore[no-untyped-def]
    result = invoke(runner, "--catalog", str(REGULATIONS), "list", "scenarios", "--format", "json")
    assert result.exit_code == 0
    rows = {row["id"]: row for row in json.loads(result.stdout)}
    assert rows["nl-wallet-12-months-late"]["changes"] == "collective nl-wallet +12 months"
    assert rows["cbw-q2-2026-planning"]["act"] == "cyberbeveiligingswet"


def test_list_scenarios_filters_by_act(runner):  # type: ignore[no-untyped-def]
    result = invoke(
        runner, "--catalog", str(REGULATIONS), "list", "scenarios", "--act", "eidas", "--format", "json"
    )
    assert {row["act"] for row in json.loads(result.stdout)} == {"eidas"}
