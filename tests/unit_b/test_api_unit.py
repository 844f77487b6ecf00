"""The library calls the CLI wraps: options reach the plan, filters only choose what is shown."""

from __future__ import annotations

import datetime as dt
import shutil
from pathlib import Path

import pytest

from planner import api
from planner.errors import UsageError
from planner.models import Progress

from ..conftest import MINIMAL

AS_OF = dt.date(2026, 11, 28)


@pytest.fixture(scope="module")
def cat():  # type: ignore[no-untyped-def]
    return api.load(MINIMAL)


def placed(view) -> dict[tuple[str, str], str]:  # type: ignore[no-untyped-def]
    return {(i.obligation, i.layer): i.stage for i in view.items}


@pytest.mark.parametrize(("stage", "first"), [("quarter", "2026-Q4"), ("half", "2026-H2"), ("year", "2026")])
def test_the_stage_length_names_the_stages(cat, stage, first):
    view = api.roadmap(cat, "gemeenten", AS_OF, "en", stage=stage)
    assert (view.stage_size, view.stages[0].id) == (stage, first)


def test_an_unknown_stage_length_is_a_usage_error(cat):
    with pytest.raises(UsageError):
        api.roadmap(cat, "gemeenten", AS_OF, "en", stage="week")


def test_an_unknown_language_is_a_usage_error(cat):
    with pytest.raises(UsageError, match="--lang: 'fr'"):
        api.roadmap(cat, "gemeenten", AS_OF, "fr")


def test_a_whole_number_capacity_is_a_float_in_the_view(cat):
    view = api.roadmap(cat, "gemeenten", AS_OF, "en", capacity=3)
    assert view.capacity == (("gemeenten", 3.0),)
    assert isinstance(view.capacity[0][1], float)


def test_the_capacity_override_is_for_the_roadmaps_layer_only(cat):
    ctx = api.plan(cat, AS_OF, capacity=5.0, capacity_layer="gemeenten")
    assert ctx.plan.capacity["gemeenten"] == 5.0
    assert ctx.plan.capacity["rijk"] is None


def test_a_theme_filter_shows_only_that_theme_and_moves_nothing(cat):
    full = placed(api.roadmap(cat, "all", AS_OF, "en"))
    data = placed(api.roadmap(cat, "all", AS_OF, "en", theme="data"))
    assert set(data) == {("act-b.connect", "gemeenten"), ("act-a.platform", "rijk")}
    assert all(full[key] == stage for key, stage in data.items())


def test_an_act_filter_shows_only_that_act(cat):
    view = api.roadmap(cat, "all", AS_OF, "en", act="act-b")
    assert {i.act for i in view.items} == {"act-b"}


def test_an_unknown_theme_filter_is_a_usage_error(cat):
    with pytest.raises(UsageError, match="--theme"):
        api.roadmap(cat, "all", AS_OF, "en", theme="nope")


def test_progress_as_a_record_or_as_a_file_plans_the_same(cat, tmp_path):
    path = tmp_path / "done.yaml"
    path.write_text("done:\n  - obligation: act-a.inventory\n")
    record = Progress.model_validate({"done": [{"obligation": "act-a.inventory"}]})
    by_file = api.roadmap(cat, "gemeenten", AS_OF, "en", progress=[path])
    by_record = api.roadmap(cat, "gemeenten", AS_OF, "en", progress=[record])
    assert by_file == by_record
    assert {i.obligation: i.status for i in by_file.items}["act-a.inventory"] == "done"


def test_a_progress_file_given_as_text_is_read_too(cat, tmp_path):
    path = tmp_path / "done.yaml"
    path.write_text("done:\n  - obligation: act-a.inventory\n")
    view = api.roadmap(cat, "gemeenten", AS_OF, "en", progress=[str(path)])
    assert {i.obligation: i.status for i in view.items}["act-a.inventory"] == "done"


def test_a_given_plan_wins_over_the_plan_options(cat):
    ctx = api.plan(cat, AS_OF, stage="year")
    view = api.roadmap(cat, "gemeenten", dt.date(2030, 1, 1), "en", stage="quarter", plan=ctx)
    assert (view.as_of, view.stage_size) == (AS_OF, "year")


def test_one_plan_gives_each_layers_view(cat):
    ctx = api.plan(cat, AS_OF)
    assert {api.roadmap(cat, layer, lang="en", plan=ctx).layer for layer in ("rijk", "gemeenten")} == {
        "rijk",
        "gemeenten",
    }


def test_no_date_plans_as_of_today(cat):
    assert api.plan(cat).plan.as_of == dt.date.today()


def test_load_with_an_unknown_scenario_is_a_usage_error():
    with pytest.raises(UsageError):
        api.load(MINIMAL, scenario="no-such-scenario")


def test_load_with_a_scenario_applies_it():
    moved = api.load(MINIMAL, scenario="delay-b")
    assert moved.due(moved.obligations["act-b.connect"]) == dt.date(2027, 10, 17)


def test_load_of_a_missing_folder_is_a_usage_error(tmp_path):
    with pytest.raises(UsageError):
        api.load(Path(tmp_path / "missing"))


def test_render_defaults_to_markdown(cat):
    view = api.roadmap(cat, "gemeenten", AS_OF, "en")
    assert api.render(view) == api.render(view, "md")
    assert isinstance(api.render(view), str)


def test_site_files_of_one_language_sit_at_the_root(cat):
    files = api.site_files(cat, AS_OF, "en")
    assert "index.html" in files
    assert not any(path.startswith(("en/", "nl/")) for path in files)


def test_site_files_refuse_a_bad_language(cat):
    with pytest.raises(UsageError, match="--lang"):
        api.site_files(cat, AS_OF, "de")


def test_a_checked_site_that_is_up_to_date_says_so(cat, tmp_path):
    api.build_site(cat, tmp_path / "site", AS_OF, "en")
    report = api.build_site(cat, tmp_path / "site", AS_OF, "en", check=True)
    assert report.checked
    assert str(report) == f"{tmp_path / 'site'}: up to date ({report.files} files)"


def test_a_report_of_a_write_says_what_was_written(cat, tmp_path):
    report = api.build_site(cat, tmp_path / "site", AS_OF, "en")
    assert str(report) == f"{tmp_path / 'site'}: {report.files} files, {report.written} written, 0 removed"
    assert report.written == report.files


def test_a_rebuild_after_a_change_writes_only_what_changed(tmp_path):
    root = tmp_path / "cat"
    shutil.copytree(MINIMAL, root)
    first = api.build_site(api.load(root), tmp_path / "site", AS_OF, "en")
    act = root / "act-b.yaml"
    act.write_text(act.read_text().replace("Connect to the platform", "Connect to the national platform"))
    second = api.build_site(api.load(root), tmp_path / "site", AS_OF, "en")
    assert 0 < second.written < first.written
    assert second.files == first.files
