"""Shipped scenarios: each is sourced and changes the plan's inputs; the delivery-delay kind."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest
from pydantic import ValidationError

from planner.diff.changes import compare_catalogues
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
        # what a reviewer sees in `planner diff --scenario`: dates, duties, deliveries, replacements
        changes = compare_catalogues(cat, cat.with_scenario(sid))
        delays = cat.with_scenario(sid).collectives != cat.collectives
        assert delays or not changes.empty, sid


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
    assert rows["cbw-commencement-6-months-later"]["act"] == "cyberbeveiligingswet"


def test_list_scenarios_filters_by_act(runner):  # type: ignore[no-untyped-def]
    result = invoke(
        runner, "--catalog", str(REGULATIONS), "list", "scenarios", "--act", "eidas", "--format", "json"
    )
    assert {row["act"] for row in json.loads(result.stdout)} == {"eidas"}


# --- a duty replaced by another act (the Digital Omnibus kind) ---------------------------------

REPLACE_A = """scenarios:
  - id: replace-a
    title: {en: A folded into B, nl: A opgegaan in B}
    source: oj
    changes:
      - {obligation: act-a.inventory, replaced: 2026-01-01, by: act-b}
      - {obligation: act-a.assess, replaced: 2028-01-01, by: act-b}
"""


@pytest.fixture
def replaced_cat(tmp_path: Path):  # type: ignore[no-untyped-def]
    import shutil

    from .conftest import MINIMAL

    root = Path(shutil.copytree(MINIMAL, tmp_path / "cat"))
    (root / "act-a.yaml").write_text((root / "act-a.yaml").read_text() + REPLACE_A)
    return root


def test_a_replacement_gives_a_date_and_nothing_else():
    with pytest.raises(ValidationError, match="one of a new 'due', 'remove: true', 'replaced'"):
        Change(obligation="a.x", replaced=dt.date(2028, 1, 1), due=dt.date(2027, 1, 1))


def test_by_is_only_given_with_a_replacement():
    with pytest.raises(ValidationError, match="'by' names what replaces an obligation"):
        Change(obligation="a.x", due=dt.date(2027, 1, 1), by="act-b")


def test_a_one_off_duty_due_after_its_act_is_replaced_leaves_the_plan(replaced_cat):
    cat = load_catalogue(replaced_cat).with_scenario("replace-a")
    # act-a.inventory is due 2026-06-30, after its replacement on 2026-01-01: never due under act A
    assert "act-a.inventory" not in cat.obligations


def test_a_duty_due_before_its_act_is_replaced_stays_and_says_what_replaces_it(replaced_cat):
    from planner import api

    cat = load_catalogue(replaced_cat).with_scenario("replace-a")
    assert "act-a.assess" in cat.obligations  # due 2027-01-01, replaced 2028-01-01
    items = api.plan(cat, dt.date(2026, 12, 1)).plan.items
    reasons = [str(r) for r in items["act-a.assess", "gemeenten"].reasons]
    assert "from 2028-01-01 this duty rests on act-b instead (scenario replace-a)" in reasons


def test_diff_lists_each_replacement(runner, replaced_cat):
    args = ["--catalog", str(replaced_cat), "diff", "--scenario", "replace-a", "--as-of", "2026-12-01"]
    out = invoke(runner, *args).stdout
    assert "  act-a.assess: replaced from 2028-01-01 by act-b\n" in out
    assert "  - act-a.inventory: Make an inventory\n" in out


def test_check_reports_an_unknown_replacement_at_its_place(runner, replaced_cat):
    path = replaced_cat / "act-a.yaml"
    path.write_text(path.read_text().replace("by: act-b}\n", "by: act-c}\n", 1))
    result = invoke(runner, "--catalog", str(replaced_cat), "check")
    line = (
        path.read_text()
        .splitlines()
        .index("      - {obligation: act-a.inventory, replaced: 2026-01-01, by: act-c}")
    )
    assert result.exit_code == 1
    assert "unknown act or obligation 'act-c' (did you mean 'act-b'?)" in result.stderr
    assert f"act-a.yaml:{line + 1}:" in result.stderr


def test_the_omnibus_replaces_every_dga_and_open_data_duty_by_the_data_act(cat):  # type: ignore[no-untyped-def]
    omnibus = cat.with_scenario("digital-omnibus-one-data-act")
    acts = {"dga", "open-data-directive"}
    duties = {oid for oid, ob in cat.obligations.items() if ob.act in acts}
    replaced = {oid for oid in duties if (c := omnibus.replacement(oid)) and c.by == "data-act"}
    assert duties and replaced == duties


@pytest.mark.parametrize("sid", ["nl-wallet-12-months-late", "cbw-commencement-6-months-later"])
def test_a_what_if_says_so_in_its_title(cat, sid):  # type: ignore[no-untyped-def]
    _, scenario = cat.scenarios()[sid]
    assert scenario.title.en.startswith("What-if") and scenario.title.nl.startswith("Verkenning")


def test_the_omnibus_breach_scenario_changes_the_breach_duty_on_every_layer(cat):  # type: ignore[no-untyped-def]
    from planner.house.impact import scenario_impact

    impact = scenario_impact(cat, "digital-omnibus-breach-single-entry-point", dt.date(2026, 12, 7))
    breach = {
        (s.layer, s.old_effort, s.new_effort)
        for lay in impact
        for s in lay.shifts
        if s.obligation == "gdpr.breach-notification"
    }
    assert breach == {(lay, 15.0, 10.0) for lay in cat.layers}
