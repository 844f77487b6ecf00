"""`list`, `show`, `house` and `assess` through the command line."""

from __future__ import annotations

import json

import pytest

from ..conftest import MINIMAL, invoke


def run(runner, *args: str):  # type: ignore[no-untyped-def]
    return invoke(runner, "--catalog", str(MINIMAL), *args)


def ids(result) -> list[str]:  # type: ignore[no-untyped-def]
    return [row["id"] for row in json.loads(result.stdout)]


def test_list_obligations_filters_by_act(runner):
    result = run(runner, "list", "obligations", "--act", "act-b", "--format", "json")
    assert ids(result) == ["act-b.connect"]


def test_list_obligations_filters_by_layer(runner):
    result = run(runner, "list", "obligations", "--layer", "gemeenten", "--format", "json")
    assert "act-a.platform" not in ids(result)
    assert "act-b.connect" in ids(result)


def test_list_layers_in_catalogue_order(runner):
    assert ids(run(runner, "list", "layers", "--format", "json")) == ["rijk", "gemeenten"]


@pytest.mark.parametrize(
    ("args", "start"),
    [
        (("list", "laws"), "error: KIND: 'laws' is not one of: "),
        (("list", "acts", "--format", "csv"), "error: --format: 'csv' is not one of: table, json"),
        (("list", "obligations", "--theme", "dta"), "error: --theme: unknown id 'dta'"),
        (("show", "act-a", "--format", "md"), "error: --format: 'md' is not one of: text, json"),
        (("house", "--format", "pdf"), "error: --format: 'pdf' is not one of: "),
        (("assess", "gemeente"), "error: LAYER: unknown id 'gemeente'"),
    ],
)
def test_bad_options_are_usage_errors_with_one_line(runner, args, start):
    result = run(runner, *args)
    assert result.exit_code == 2
    assert result.stderr.startswith(start)
    assert len(result.stderr.splitlines()) == 1


def test_show_of_an_act_in_text_names_its_obligations(runner):
    result = run(runner, "show", "act-a")
    assert result.exit_code == 0
    assert all(oid in result.stdout for oid in ("act-a.inventory", "act-a.assess", "act-a.platform"))


def test_show_in_dutch_uses_the_dutch_titles(runner):
    result = run(runner, "show", "act-a.inventory", "--lang", "nl")
    assert "Maak een inventaris" in result.stdout


def test_house_json_is_json(runner):
    result = run(runner, "house", "--as-of", "2026-11-28", "--format", "json")
    assert result.exit_code == 0
    assert isinstance(json.loads(result.stdout), dict)


def test_house_writes_to_an_output_file(runner, tmp_path):
    out = tmp_path / "house.md"
    result = run(runner, "house", "--as-of", "2026-11-28", "-o", str(out))
    assert (result.exit_code, result.stdout) == (0, "")
    assert out.read_text().startswith("# ")


def test_assess_writes_the_workbook_and_keeps_a_changed_one(runner, tmp_path):
    out = tmp_path / "baseline.xlsx"
    assert run(runner, "assess", "gemeenten", "-o", str(out)).exit_code == 0
    assert out.read_bytes()[:2] == b"PK"
    out.write_bytes(b"filled in")
    result = run(runner, "assess", "gemeenten", "-o", str(out))
    assert result.exit_code == 2
    assert "give --force to overwrite it" in result.stderr
    assert out.read_bytes() == b"filled in"


def test_assess_with_force_overwrites(runner, tmp_path):
    out = tmp_path / "baseline.xlsx"
    out.write_bytes(b"filled in")
    assert run(runner, "assess", "gemeenten", "-o", str(out), "--force").exit_code == 0
    assert out.read_bytes()[:2] == b"PK"


def test_assess_again_over_its_own_unchanged_workbook_needs_no_force(runner, tmp_path):
    out = tmp_path / "baseline.xlsx"
    assert run(runner, "assess", "gemeenten", "-o", str(out)).exit_code == 0
    assert run(runner, "assess", "gemeenten", "-o", str(out)).exit_code == 0
