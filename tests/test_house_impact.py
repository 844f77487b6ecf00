"""What a scenario does per layer, in `planner house --scenario` and on the scenario pages.

tests/data/house: the national platform (act-a.platform, the Rijk provides it) is planned for
2027-03-31, so the Rijk delivers it in 2027-Q1; scenario platform-late delivers it six months
later, 2027-09-30: one Rijk item moves to 2027-Q3 and, waiting on the delivery, is blocked.
"""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import jsonschema

from planner import api
from planner.house.impact import scenario_impact
from planner.schema import house_schema

from .conftest import invoke

CAT = Path(__file__).parent / "data" / "house" / "catalogue"
AS_OF = dt.date(2026, 12, 1)


def impact_of(layer: str):  # type: ignore[no-untyped-def]
    return next(s for s in scenario_impact(api.load(CAT), "platform-late", AS_OF) if s.layer == layer)


def test_a_late_facility_moves_its_providers_item_by_the_delay():
    (shift,) = impact_of("rijk").shifts
    assert (shift.obligation, shift.old_stage, shift.new_stage) == ("act-a.platform", "2027-Q1", "2027-Q3")


def test_the_impact_counts_what_moved_and_what_newly_became_blocked():
    rijk = impact_of("rijk")
    assert (rijk.moved, dict(rijk.became)) == (1, {"at-risk": 0, "overdue": 0, "blocked": 1})


def test_a_layer_the_scenario_does_not_touch_has_no_shifts():
    assert impact_of("gemeenten").shifts == ()


def house_json(runner, *extra: str):  # type: ignore[no-untyped-def]
    args = ["--catalog", str(CAT), "house", "--as-of", AS_OF.isoformat(), "--format", "json", *extra]
    return json.loads(invoke(runner, *args).stdout)


def test_house_json_with_a_scenario_carries_the_impact_and_fits_its_schema(runner):
    data = house_json(runner, "--scenario", "platform-late")
    jsonschema.validate(data, house_schema())
    assert [(i["layer"], i["moved"]) for i in data["impact"]] == [("rijk", 1), ("gemeenten", 0)]


def test_house_json_without_a_scenario_has_no_impact(runner):
    assert "impact" not in house_json(runner)


def test_house_markdown_with_a_scenario_tables_the_impact_per_layer(runner):
    args = ["--catalog", str(CAT), "house", "--as-of", AS_OF.isoformat(), "--lang", "en"]
    text = invoke(runner, *args, "--scenario", "platform-late").stdout
    assert "## What scenario `platform-late` changes per layer" in text
    assert "| rijk | 1 | 0 | 0 | 1 |" in text
    assert "| `act-a.platform` | 2027-Q1, planned | 2027-Q3, blocked |" in text


def test_the_scenario_page_lists_the_changes_and_the_impact(tmp_path):
    api.build_site(api.load(CAT), tmp_path / "site", as_of=AS_OF, lang="en")
    page = (tmp_path / "site" / "scenarios" / "platform-late.html").read_text()
    assert "<li><code>national-platform</code>: delivered 6 months later</li>" in page
    assert "<td><code>act-a.platform</code></td>" in page
