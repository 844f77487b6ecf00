"""`planner diff` between folders and with a scenario, through the command line."""

from __future__ import annotations

import json

from ..conftest import MINIMAL, invoke

AS_OF = ("--as-of", "2026-01-15")


def diff(runner, *args: str):  # type: ignore[no-untyped-def]
    return invoke(runner, "--catalog", str(MINIMAL), "diff", *args, *AS_OF)


def test_a_folder_against_itself_has_no_differences_and_exits_0_even_with_exit_code(runner):
    result = diff(runner, str(MINIMAL), str(MINIMAL), "--exit-code")
    assert result.exit_code == 0
    assert result.stdout.endswith("No differences.\n")


def test_a_changed_folder_exits_3_with_exit_code(runner, minimal):
    act = minimal / "act-a.yaml"
    act.write_text(act.read_text().replace("due: 2026-06-30", "due: 2026-09-30"))
    assert diff(runner, str(MINIMAL), str(minimal), "--exit-code").exit_code == 3
    assert diff(runner, str(MINIMAL), str(minimal)).exit_code == 0


def test_without_old_or_a_scenario_diff_says_what_to_give(runner):
    result = diff(runner)
    assert result.exit_code == 2
    assert result.stderr == "error: give OLD (a git revision or a folder), or --scenario ID\n"


def test_a_scenario_alone_compares_the_catalogue_with_itself_under_the_scenario(runner):
    result = diff(runner, "--scenario", "delay-b", "--format", "json")
    assert result.exit_code == 0
    data = json.loads(result.stdout)
    assert data["new"] == "working tree + scenario delay-b"
    assert [m["milestone"] for m in data["catalogue"]["milestones"]] == ["transposition"]


def test_an_unknown_scenario_is_a_usage_error(runner):
    result = diff(runner, "--scenario", "delay-c")
    assert result.exit_code == 2
    assert "delay-c" in result.stderr


def test_an_unknown_format_is_a_usage_error(runner):
    result = diff(runner, str(MINIMAL), "--format", "html")
    assert result.exit_code == 2
    assert result.stderr.startswith("error: --format: 'html' is not one of: text, md, json")


def test_the_markdown_report_is_a_pull_request_comment(runner):
    result = diff(runner, "--scenario", "delay-b", "--format", "md")
    assert result.stdout.startswith("### planner diff: ")
