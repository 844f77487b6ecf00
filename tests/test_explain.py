"""`planner explain`: the facts behind an item's stage, on tiny hand-written catalogues."""

from __future__ import annotations

import json

import pytest

from planner.errors import NotFoundError
from planner.explain import explain, explain_text
from planner.loading import load_catalogue
from planner.roadmap import build_plan

from .conftest import invoke
from .test_schedule import AS_OF, plan, write_catalogue

CATALOGUE = {
    "x.inventory": {"roles": "rijk gemeenten"},
    "x.assess": {
        "roles": "rijk gemeenten",
        "milestone": "application",
        "requires": ["x.inventory"],
        "overlaps": ["y.fria"],
    },
    "x.platform": {"roles": {"rijk": "provider", "gemeenten": "supervisor"}},
    "y.fria": {"roles": "gemeenten", "due": "2027-06-30", "facility": ["x.platform"]},
}
MILESTONES = {"x": {"application": "2027-09-30"}}


@pytest.fixture
def ctx(tmp_path):
    return plan(write_catalogue(tmp_path, CATALOGUE, milestones=MILESTONES))


def test_explain_gives_stage_due_date_and_where_it_comes_from(ctx):
    [record] = explain(ctx, "x.assess", "gemeenten")
    assert (record["stage"], record["status"], record["due"]) == ("2027-Q1", "planned", "2027-09-30")
    assert record["due_from"] == {
        "act": "x",
        "act_title": "Act x",
        "articles": ["Art. 2"],
        "milestone": "application",
        "milestone_article": "Art. 99",
        "milestone_status": "in-force",
        "milestone_source": "https://example.org/x",
        "sources": [],
    }


def test_explain_lists_what_it_waits_on_and_where_that_sits(ctx):
    [record] = explain(ctx, "y.fria", "gemeenten")
    assert record["waits_on"] == [
        {
            "kind": "needs-facility",
            "obligation": "x.platform",
            "layer": "rijk",
            "stage": "2026-Q4",
            "status": "planned",
        }
    ]


def test_explain_lists_what_waits_on_it(ctx):
    [record] = explain(ctx, "x.inventory", "gemeenten")
    assert record["waited_on_by"] == [
        {"kind": "requires", "obligation": "x.assess", "layer": "gemeenten", "stage": "2027-Q1"}
    ]


def test_explain_names_the_package_and_the_rule(ctx):
    # y.fria could start in 2027-Q1 on its own too (after x.platform), so its own wait decides
    [fria] = explain(ctx, "y.fria", "gemeenten")
    assert (fria["package"], fria["package_members"]) == ("pkg-x.assess", ["x.assess", "y.fria"])
    assert (fria["rule"], fria["rule_text"]) == (
        "after-dependency",
        "placed in the first stage after what it waits on",
    )
    assert "together with x.assess in joint work package pkg-x.assess" in fria["reasons"]


def test_explain_gives_every_layer_without_layer_option(ctx):
    assert [r["layer"] for r in explain(ctx, "x.assess")] == ["gemeenten", "rijk"]


def test_explain_of_a_supervised_obligation_is_not_found(ctx):
    with pytest.raises(NotFoundError) as err:
        explain(ctx, "x.platform", "gemeenten")
    assert str(err.value) == (
        "x.platform is not on the roadmap of layer 'gemeenten' (roles: gemeenten: supervisor, rijk: provider)"
    )


def test_explain_of_an_unknown_obligation_suggests_a_close_one(ctx):
    with pytest.raises(NotFoundError) as err:
        explain(ctx, "x.asess")
    assert str(err.value) == "no obligation has the id 'x.asess' (did you mean 'x.assess'?)"


def test_explain_under_a_scenario_says_which_and_the_new_date(tmp_path):
    scenario = [
        {
            "id": "late",
            "title": {"en": "Later"},
            "changes": [{"milestone": "application", "date": "2028-03-31"}],
        }
    ]
    root = write_catalogue(tmp_path, CATALOGUE, milestones=MILESTONES, scenarios={"x": scenario})
    ctx = build_plan(load_catalogue(root).with_scenario("late"), AS_OF)
    [record] = explain(ctx, "x.assess", "rijk")
    assert (record["scenario"], record["due"], record["due_from"]["milestone_status"]) == (
        "late",
        "2028-03-31",
        "proposed",
    )


def test_explain_text_reads_as_lines(ctx):
    text = explain_text(explain(ctx, "y.fria", "gemeenten"))
    assert text.splitlines()[:4] == [
        "y.fria for gemeenten: Title of y.fria",
        "  stage:    2027-Q1 (planned)",
        "  rule:     placed in the first stage after what it waits on",
        "  due:      2027-06-30, from Act y Art. 4; its own due date",
    ]
    assert "  waits on: x.platform (rijk, facility) in 2026-Q4 [planned]" in text
    assert "  package:  pkg-x.assess (with x.assess)" in text


def test_explain_command_prints_json(runner, tmp_path):
    root = write_catalogue(tmp_path, CATALOGUE, milestones=MILESTONES)
    args = ("--catalog", str(root), "explain", "x.inventory", "--layer", "rijk", "--as-of", "2026-11-28")
    result = invoke(runner, *args, "--format", "json")
    assert result.exit_code == 0
    assert [(r["obligation"], r["layer"], r["stage"]) for r in json.loads(result.stdout)] == [
        ("x.inventory", "rijk", "2026-Q4")
    ]


def test_explain_command_with_unknown_id_is_exit_2(runner, tmp_path):
    root = write_catalogue(tmp_path, CATALOGUE, milestones=MILESTONES)
    result = invoke(runner, "--catalog", str(root), "explain", "x.nope", "--as-of", "2026-11-28")
    assert result.exit_code == 2
    assert result.stderr.startswith("error: no obligation has the id 'x.nope'")


def test_explain_speaks_dutch(ctx):
    text = explain_text(explain(ctx, "y.fria", "gemeenten", lang="nl"), lang="nl")
    assert text.splitlines()[:3] == [
        "y.fria voor gemeenten: Title of y.fria",
        "  fase:           2027-Q1 (gepland)",
        "  regel:          geplaatst in de eerste fase na wat het op wacht",
    ]
    assert "  omdat:          uiterlijk 2027-06-30: op tijd" in text.splitlines()
