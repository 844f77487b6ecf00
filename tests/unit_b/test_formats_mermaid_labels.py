"""The gantt chart, the command line a format names, and the format switchboard."""

from __future__ import annotations

import datetime as dt
import json

import pytest

from planner import api
from planner.errors import UsageError
from planner.formats import RenderOptions, parse_site_url, render_roadmap
from planner.formats.labels import command_line, layer_name
from planner.formats.md import code, inline
from planner.formats.mermaid import clean, render, task_id

from ..conftest import MINIMAL
from .builders import Q1, item, stage, view


def task_lines(chart: str) -> list[str]:
    return [line.strip() for line in chart.splitlines() if " :" in line]


def test_gantt_starts_with_its_diagram_type_on_line_one():
    assert render(view(stage([item()]))).splitlines()[0] == "gantt"


@pytest.mark.parametrize(("status", "tag"), [("overdue", "crit"), ("at-risk", "crit"), ("blocked", "crit")])
def test_late_items_are_critical_bars(status, tag):
    (bar,) = task_lines(render(view(stage([item(status=status)]))))
    assert bar.split(":", 1)[1].startswith(f"{tag}, ")


def test_done_items_are_done_bars_and_planned_ones_untagged():
    bars = task_lines(render(view(stage([item("a.x", status="done"), item("a.y")]))))
    assert bars[0].split(":", 1)[1].startswith("done, t_a_x_gemeenten")
    assert bars[1].split(":", 1)[1].startswith("t_a_y_gemeenten")


def test_a_bar_spans_its_stage():
    (bar,) = task_lines(render(view(stage([item()], Q1))))
    assert bar.endswith("2027-01-01, 2027-03-31")


def test_a_due_date_in_the_plan_is_a_milestone():
    chart = render(view(stage([item(due=dt.date(2026, 12, 1))])))
    milestones = [line for line in task_lines(chart) if "milestone" in line]
    assert len(milestones) == 1
    assert milestones[0].endswith("2026-12-01, 0d")


def test_a_milestone_of_a_late_item_is_critical():
    chart = render(view(stage([item(due=dt.date(2026, 12, 1), status="at-risk")])))
    (milestone,) = [line for line in task_lines(chart) if "milestone" in line]
    assert "milestone, crit," in milestone


def test_a_due_date_before_the_first_stage_is_not_drawn():
    chart = render(view(stage([item(due=dt.date(2019, 1, 1), status="overdue")])))
    assert "2019-01-01" not in chart


def test_items_sharing_a_due_date_share_one_milestone():
    due = dt.date(2026, 12, 1)
    chart = render(view(stage([item("a.x", due=due), item("a.y", due=due)])))
    assert sum("milestone" in line for line in task_lines(chart)) == 1


def test_sections_are_acts_for_one_layer():
    chart = render(view(stage([item("b.x", act_title="Beta"), item("a.y", act_title="Alpha")])))
    sections = [line.strip() for line in chart.splitlines() if line.strip().startswith("section ")]
    assert sections == ["section Alpha", "section Beta"]


def test_sections_are_layers_in_catalogue_order_for_all():
    v = view(
        stage([item("a.x", layer="gemeenten"), item("a.y", layer="rijk")]),
        layer="all",
        layer_name="All",
    )
    sections = [line.strip() for line in render(v).splitlines() if line.strip().startswith("section ")]
    assert sections == ["section Central government", "section Municipalities"]


def test_a_title_with_gantt_syntax_cannot_add_a_task():
    chart = render(view(stage([item(title="x :crit, evil, 2020-01-01, 1d\nsection Fake")])))
    assert len(task_lines(chart)) == 1
    assert "section Fake" not in [line.strip() for line in chart.splitlines()]


def test_clean_prefixes_a_name_that_reads_as_a_keyword():
    assert clean("title of the act").startswith("– ")
    assert clean("2026-01-01 start").startswith("– ")
    assert clean("An ordinary title") == "An ordinary title"


def test_task_ids_are_lower_case_words_joined_by_underscores():
    assert task_id("T", "Act.A--b", "x") == "t_act_a_b_x"


def test_command_line_leaves_default_stage_and_language_out():
    data = {"layer": "rijk", "as_of": "2026-11-28", "stage": "quarter", "scenario": None, "lang": "nl"}
    assert command_line(data, "csv") == "planner roadmap rijk --as-of 2026-11-28 --format csv"


def test_command_line_names_stage_scenario_and_language_when_not_default():
    data = {"layer": "all", "as_of": "2026-11-28", "stage": "year", "scenario": "omnibus", "lang": "en"}
    assert command_line(data, "md") == (
        "planner roadmap all --as-of 2026-11-28 --stage year --scenario omnibus --format md --lang en"
    )


def test_command_line_quotes_option_values_for_a_shell():
    data = {"layer": "rijk", "as_of": "2026-11-28", "options": (("--organisation", "my org.yaml"),)}
    assert "--organisation 'my org.yaml'" in command_line(data, "md")


def test_a_view_names_its_own_command():
    assert view(lang="en").command("ics").endswith("--format ics --lang en")


@pytest.mark.parametrize("url", ["https://example.org/nl/", "http://localhost:8000/en/"])
def test_site_url_ending_in_a_slash_is_kept(url):
    assert parse_site_url(url) == url


def test_site_url_without_a_slash_gets_one():
    assert parse_site_url("https://example.org/nl") == "https://example.org/nl/"


def test_no_site_url_is_none():
    assert parse_site_url(None) is None


@pytest.mark.parametrize(
    "url", ["example.org/nl", "/nl/", "ftp://example.org/", "https://x.org/a b", 'https://x"']
)
def test_site_url_that_is_not_absolute_http_is_a_usage_error(url):
    with pytest.raises(UsageError, match="--site-url"):
        parse_site_url(url)


def test_render_roadmap_json_is_the_views_json_contract():
    data = json.loads(render_roadmap("json", view(stage([item()]))))
    assert (data["layer"], data["stages"][0]["items"][0]["obligation"]) == ("gemeenten", "act-a.duty")


def test_render_roadmap_xlsx_is_bytes_and_text_formats_are_text():
    v = view(stage([item()]))
    assert isinstance(render_roadmap("xlsx", v), bytes)
    assert isinstance(render_roadmap("csv", v), str)


def test_render_roadmap_passes_calendar_options_to_ics():
    v = view(stage([item(due=dt.date(2026, 12, 1))]))
    with_alarm = render_roadmap("ics", v, RenderOptions(remind_days=7))
    without = render_roadmap("ics", v, RenderOptions(remind_days=0))
    assert "BEGIN:VALARM" in with_alarm
    assert "BEGIN:VALARM" not in without


def test_inline_flattens_lines_and_escapes_markup():
    assert inline("  [link](x)\n# head  ") == r"\[link\](x) \# head"


def test_code_strips_backticks_from_an_id():
    assert code("a`b") == "`ab`"


def test_layer_names_come_from_the_catalogue_and_all_is_a_fixed_phrase():
    ctx = api.plan(api.load(MINIMAL))
    assert layer_name(ctx, "gemeenten", "nl") == "Gemeenten"
    assert layer_name(ctx, "elsewhere", "en") == "elsewhere"
    assert layer_name(ctx, "all", "en") != layer_name(ctx, "all", "nl")
