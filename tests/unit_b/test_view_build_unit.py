"""Building the roadmap view from a plan: where each item is listed and what it says."""

from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from planner import api
from planner.errors import UsageError
from planner.view import build_view
from planner.view.build import half_days

from ..conftest import MINIMAL

AS_OF = dt.date(2026, 11, 28)


@pytest.fixture(scope="module")
def ctx():  # type: ignore[no-untyped-def]
    return api.plan(api.load(MINIMAL), AS_OF)


@settings(deadline=None, max_examples=50, derandomize=True)
@given(st.floats(0.001, 10_000, allow_nan=False))
def test_half_days_are_whole_halves_within_a_quarter_day_never_zero(days):
    out = half_days(days)
    assert (out * 2).is_integer()
    assert out >= 0.5
    assert abs(out - days) <= 0.25 or days < 0.25


def test_no_work_is_zero_days():
    assert half_days(0) == half_days(-1) == 0.0


def test_items_within_a_stage_come_by_due_date_first(ctx):
    for stage in build_view(ctx, "all", "en").stages:
        dues = [i.due or dt.date.max for i in stage.items]
        assert dues == sorted(dues)


def test_each_planned_item_is_listed_in_its_start_stage(ctx):
    for stage in build_view(ctx, "all", "en").stages:
        assert all(i.stage == stage.id == i.start for i in stage.items)


def test_a_due_date_from_a_milestone_says_so(ctx):
    items = {i.obligation: i for i in build_view(ctx, "rijk", "en").items}
    assert (items["act-a.assess"].due_origin, items["act-a.assess"].milestone) == ("milestone", "application")
    assert items["act-a.inventory"].due_origin == "obligation"


def test_titles_follow_the_views_language(ctx):
    en = {i.obligation: i.title for i in build_view(ctx, "rijk", "en").items}
    nl = {i.obligation: i.title for i in build_view(ctx, "rijk", "nl").items}
    assert (en["act-a.inventory"], nl["act-a.inventory"]) == ("Make an inventory", "Maak een inventaris")


def test_an_act_is_named_by_its_short_title_in_an_item(ctx):
    items = {i.obligation: i for i in build_view(ctx, "rijk", "en").items}
    assert items["act-a.inventory"].act_title == "Act A"


def test_a_layers_view_holds_only_that_layers_items(ctx):
    assert {i.layer for i in build_view(ctx, "gemeenten", "en").items} == {"gemeenten"}


def test_the_counts_add_up_to_the_items(ctx):
    view = build_view(ctx, "all", "en")
    assert sum(n for _, n in view.counts) == len(view.items)


def test_a_wait_names_the_stage_of_what_it_waits_on(ctx):
    items = {(i.obligation, i.layer): i for i in build_view(ctx, "all", "en").items}
    (wait,) = items[("act-a.assess", "gemeenten")].waits_on
    assert (wait.kind, wait.obligation, wait.layer, wait.title) == (
        "requires",
        "act-a.inventory",
        "gemeenten",
        "Make an inventory",
    )
    assert wait.stage == items[("act-a.inventory", "gemeenten")].stage


def test_every_layer_is_named_in_catalogue_order(ctx):
    assert [layer.id for layer in build_view(ctx, "rijk", "en").layers] == ["rijk", "gemeenten"]


def test_an_unknown_layer_suggests_a_known_one(ctx):
    with pytest.raises(UsageError, match=r"unknown layer 'rijks'.*rijk"):
        build_view(ctx, "rijks", "en")


def test_an_unknown_act_filter_is_a_usage_error(ctx):
    with pytest.raises(UsageError, match=r"^--act: unknown id 'act-z'"):
        build_view(ctx, "all", "en", act="act-z")
