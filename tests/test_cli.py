"""The CLI as a translation layer: exit codes and exact messages."""

from __future__ import annotations

import json

from .conftest import MINIMAL, invoke


def test_check_ok(runner):
    result = invoke(runner, "--catalog", str(MINIMAL), "check")
    assert result.exit_code == 0
    assert result.stdout.endswith(
        "2 acts, 4 obligations, 3 relations, 2 layers, 2 themes; 0 errors, 0 warning(s)\n"
    )


def test_check_reports_bad_data_with_exit_1(runner, catalogue_with):
    root = catalogue_with({"act-x.yaml": "- a\n"})
    result = invoke(runner, "--catalog", str(root), "check")
    assert result.exit_code == 1
    assert (
        "act-x.yaml:1:1: error: expected a mapping of keys at the top of the file, found a list"
        in result.stderr
    )
    assert "Traceback" not in result.output


def test_strict_turns_warnings_into_exit_1(runner, catalogue_with, minimal):
    text = (minimal / "act-b.yaml").read_text().replace("celex: 32099L0002\n", "")
    root = catalogue_with({"act-b.yaml": text})
    assert invoke(runner, "--catalog", str(root), "check").exit_code == 0
    strict = invoke(runner, "--catalog", str(root), "check", "--strict")
    assert strict.exit_code == 1
    assert "warning: id: EU act 'act-b' has no celex number" in strict.stderr


def test_missing_catalogue_folder_is_usage_error(runner, tmp_path):
    result = invoke(runner, "--catalog", str(tmp_path / "nope"), "check")
    assert result.exit_code == 2
    assert result.stderr == f"error: --catalog: catalogue folder '{tmp_path / 'nope'}' does not exist\n"


def test_unknown_option_value_is_usage_error(runner):
    result = invoke(runner, "--catalog", str(MINIMAL), "list", "laws")
    assert result.exit_code == 2
    assert (
        result.stderr
        == "error: KIND: 'laws' is not one of: acts, obligations, layers, themes, scenarios, collectives, questions\n"
    )


def test_list_filters_by_layer(runner):
    result = invoke(
        runner,
        "--catalog",
        str(MINIMAL),
        "list",
        "obligations",
        "--layer",
        "rijk",
        "--format",
        "json",
    )
    assert [row["id"] for row in json.loads(result.stdout)] == [
        "act-a.inventory",
        "act-a.assess",
        "act-a.platform",
    ]


def test_list_unknown_layer_suggests(runner):
    result = invoke(runner, "--catalog", str(MINIMAL), "list", "obligations", "--layer", "gemeente")
    assert result.exit_code == 2
    assert (
        result.stderr
        == "error: --layer: unknown id 'gemeente' (did you mean 'gemeenten'?); known: rijk, gemeenten\n"
    )


def test_show_act_lists_milestones_with_sources(runner):
    result = invoke(runner, "--catalog", str(MINIMAL), "show", "act-a")
    assert result.exit_code == 0
    assert "2027-01-01  application      in-force  application  [Art. 9(2)]" in result.stdout
    assert "source: https://example.org/act-a" in result.stdout


def test_show_obligation_json_has_incoming_relations(runner):
    result = invoke(runner, "--catalog", str(MINIMAL), "show", "act-a.platform", "--format", "json")
    data = json.loads(result.stdout)
    assert data["relations"]["incoming"] == [{"from": "act-b.connect", "kind": "needs-facility"}]
    assert data["due_date"] == "2027-01-01"


def test_show_unknown_id(runner):
    result = invoke(runner, "--catalog", str(MINIMAL), "show", "act-a.inventry")
    assert result.exit_code == 2
    assert (
        result.stderr
        == "error: no act, obligation, layer or theme has the id 'act-a.inventry' (did you mean 'act-a.inventory'?)\n"
    )


def test_version(runner):
    from planner import __version__

    assert invoke(runner, "--version").stdout == f"planner {__version__}\n"


def test_every_command_has_help_with_an_example(runner):
    import typer.main

    from planner.cli import app

    group = typer.main.get_command(app)
    for name, command in group.commands.items():  # type: ignore[attr-defined]
        assert command.help and "Example:" in command.help, name
        for param in command.params:
            if param.param_type_name == "option":
                assert param.help, f"{name} {param.name}"


def test_output_file_gets_normal_permissions(runner, tmp_path):
    import os

    old = os.umask(0o022)
    try:
        out = tmp_path / "roadmap.json"
        invoke(
            runner,
            "--catalog",
            str(MINIMAL),
            "roadmap",
            "rijk",
            "--as-of",
            "2026-11-28",
            "--format",
            "json",
            "-o",
            str(out),
        )
    finally:
        os.umask(old)
    assert oct(out.stat().st_mode & 0o777) == "0o644"
