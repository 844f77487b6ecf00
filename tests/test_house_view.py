"""The plan for the whole house on a hand-checkable catalogue (tests/data/house).

The catalogue: rijk (1 organisation) and gemeenten (342). act-a.inventory (1 day, both layers),
act-a.assess (2 days, both), act-a.platform (3 days, the Rijk provides it) and act-b.connect
(2 days, gemeenten). Two collectives: shared-register (exists, the gemeenten's default, leaves
25% of act-a.inventory) and national-platform (planned for 2027-03-31, delivers act-a.platform,
leaves 50% of act-b.connect, nobody's default).
"""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

from planner import api
from planner.house.render import render
from planner.house.view import house_view
from planner.organisation import read_organisation

from .conftest import invoke

HOUSE = Path(__file__).parent / "data" / "house"
CAT = HOUSE / "catalogue"
AS_OF = dt.date(2026, 12, 1)


def view(scenario: str | None = None):
    cat = api.load(CAT)
    return house_view(api.plan(cat.with_scenario(scenario) if scenario else cat, AS_OF))


def test_the_house_without_arrangements_is_organisations_times_effort():
    # inventory 1 + 342, assess 2 + 684, platform once 3 (a facility is built once), connect 684
    assert view().days_without == 1 + 342 + 2 + 684 + 3 + 684


def test_an_arrangement_saves_organisations_times_effort_times_the_share_provided():
    register = next(f for f in view().foundations if f.collective.id == "shared-register")
    assert [(s.obligation, s.organisations, s.effort, s.provided) for s in register.savings] == [
        ("act-a.inventory", 342, 1.0, 0.75)
    ]
    assert register.days_saved == 256.5


def test_the_house_with_the_default_arrangements_keeps_only_the_remaining_share():
    house = view()
    assert house.days_with == house.days_without - 342 * 1 * 0.75


def test_an_arrangement_nobody_uses_by_default_saves_nothing_yet():
    platform = next(f for f in view().foundations if f.collective.id == "national-platform")
    assert (platform.users, platform.days_saved, platform.stage) == ((), 0, "2027-Q1")


def test_foundations_come_in_order_of_delivery_existing_first():
    assert [f.collective.id for f in view().foundations] == ["shared-register", "national-platform"]


def test_work_done_separately_by_many_is_a_candidate_ranked_by_the_saving():
    first = view().candidates[0]
    # act-a.assess: 343 organisations × 2 days; one shared solution saves (343 - 1) × 2 × 0.5
    assert (first.obligation, first.organisations, first.days_saved) == ("act-a.assess", 343, 342.0)


def test_a_delay_of_the_provider_moves_the_delivery_stage():
    platform = next(f for f in view("platform-late").foundations if f.collective.id == "national-platform")
    assert platform.stage == "2027-Q3"


def test_a_consumer_waits_for_the_arrangement_and_keeps_its_own_share():
    cat = api.load(CAT)
    org = read_organisation(HOUSE / "orgs" / "twee.yaml", cat)  # uses national-platform, defers connect
    item = api.plan(cat, AS_OF, organisation=org).plan.items[("act-b.connect", "gemeenten")]
    assert item.effort == 1.0  # 2 days, half left to the organisation
    assert item.provider == "national-platform"
    assert "waits for Example ministry to deliver national-platform, expected 2027-03-31" in item.reasons


def test_a_provider_delay_runs_through_to_the_consumer_and_says_so():
    cat = api.load(CAT).with_scenario("platform-late")
    item = api.plan(cat, AS_OF).plan.items[("act-a.platform", "rijk")]
    assert api.plan(cat, AS_OF).plan.stage_id(item.stage) == "2027-Q3"
    assert "Example ministry is to deliver it (national-platform), expected 2027-09-30" in item.reasons


def test_json_carries_the_terms_of_every_sum(runner):
    result = invoke(runner, "--catalog", str(CAT), "house", "--as-of", AS_OF.isoformat(), "--format", "json")
    assert result.exit_code == 0
    data = json.loads(result.stdout)
    saving = data["foundations"][0]["savings"][0]
    assert saving == {
        "obligation": "act-a.inventory",
        "layer": "gemeenten",
        "organisations": 342,
        "effort_days": 1.0,
        "share_provided": 0.75,
        "days": 256.5,
    }


def test_markdown_shows_each_sum_as_a_formula_in_dutch():
    text = render(view(), "md", "nl")
    assert text.startswith("# Het plan voor het hele huis\n")
    assert "| `act-a.inventory` | gemeenten | 342 × 1 × 0,75 | 256 |" in text  # 256.5, to whole days


def test_markdown_writes_the_share_with_a_decimal_point_in_english():
    assert "| `act-a.inventory` | gemeenten | 342 × 1 × 0.75 | 256 |" in render(view(), "md", "en")


def test_two_renders_give_the_same_bytes():
    assert render(view(), "html", "en") == render(view(), "html", "en")


def test_catalogue_text_stays_text_in_html(tmp_path):
    hostile = tmp_path / "cat"
    import shutil

    shutil.copytree(CAT, hostile)
    path = hostile / "collectives.yaml"
    path.write_text(path.read_text().replace("Example provider", "'<script>alert(1)</script>'"))
    html = render(house_view(api.plan(api.load(hostile), AS_OF)), "html", "en")
    assert "<script>alert" not in html and "&lt;script&gt;" in html


def test_diff_of_a_scenario_shows_what_moves_per_layer(runner):
    result = invoke(
        runner, "--catalog", str(CAT), "diff", "--scenario", "platform-late", "--as-of", AS_OF.isoformat()
    )
    assert result.exit_code == 0
    assert (
        "  act-a.platform: moved from 2027-Q1 to 2027-Q3, became blocked (was planned)"
        in result.stdout.splitlines()
    )


def test_diff_without_old_or_scenario_is_a_usage_error(runner):
    result = invoke(runner, "--catalog", str(CAT), "diff")
    assert (result.exit_code, result.stderr) == (
        2,
        "error: give OLD (a git revision or a folder), or --scenario ID\n",
    )


def test_the_site_has_a_house_page_and_a_page_per_scenario(tmp_path):
    api.build_site(api.load(CAT), tmp_path / "site", as_of=AS_OF, lang="all")
    house = (tmp_path / "site" / "nl" / "house.html").read_text()
    assert "<h1>Het plan voor het hele huis</h1>" in house
    assert 'href="scenarios/platform-late.html"' in house
    scenario = (tmp_path / "site" / "en" / "scenarios" / "platform-late.html").read_text()
    assert "<td><code>act-a.platform</code></td>" in scenario
    assert "<td>2027-Q3, blocked</td>" in scenario
