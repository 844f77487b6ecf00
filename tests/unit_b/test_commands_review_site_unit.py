"""`schema`, `fmt`, `status` and `build` through the command line: options and exit codes."""

from __future__ import annotations

import json

import jsonschema
import pytest

from planner.site import MARKER

from ..conftest import MINIMAL, invoke


@pytest.mark.parametrize("name", ["catalog", "roadmap", "progress", "organisation", "house"])
def test_each_schema_is_a_json_schema(runner, name):
    result = invoke(runner, "schema", name)
    assert result.exit_code == 0
    data = json.loads(result.stdout)
    assert (data["$schema"], data["type"]) == ("http://json-schema.org/draft-07/schema#", "object")
    jsonschema.Draft7Validator.check_schema(data)


def test_an_unknown_schema_is_a_usage_error_listing_the_names(runner):
    result = invoke(runner, "schema", "layers")
    assert result.exit_code == 2
    assert result.stderr.startswith("error: SCHEMA: 'layers' is not one of: ")


def test_a_schema_can_be_written_to_a_file(runner, tmp_path):
    out = tmp_path / "s.json"
    assert invoke(runner, "schema", "roadmap", "-o", str(out)).exit_code == 0
    assert json.loads(out.read_text()) == json.loads(invoke(runner, "schema", "roadmap").stdout)


def test_fmt_of_a_formatted_file_reports_it_unchanged(runner, minimal):
    assert invoke(runner, "--catalog", str(minimal), "fmt").exit_code == 0
    result = invoke(runner, "fmt", str(minimal / "act-a.yaml"))
    assert result.stdout == "0 file(s) reformatted, 1 unchanged\n"


def test_fmt_names_each_file_it_rewrites(runner, minimal):
    (minimal / "act-b.yaml").write_text(
        "kind: directive\n" + (minimal / "act-b.yaml").read_text().replace("kind: directive\n", "")
    )
    result = invoke(runner, "fmt", str(minimal / "act-b.yaml"))
    assert result.exit_code == 0
    assert result.stdout.splitlines()[0].startswith("reformatted ")
    assert result.stdout.splitlines()[0].endswith("act-b.yaml")


@pytest.mark.parametrize(
    ("args", "start"),
    [
        (("--format", "pdf"), "error: --format: 'pdf' is not one of: "),
        (("--lang", "fr"), "error: --lang: 'fr' is not one of: nl, en"),
        (("--as-of", "soon"), "error: --as-of: 'soon' is not a valid date"),
        (("--format", "xlsx"), "error: --format xlsx: give --output FILE"),
    ],
)
def test_status_refuses_bad_options_with_exit_2(runner, tmp_path, args, start):
    result = invoke(runner, "--catalog", str(MINIMAL), "status", str(tmp_path), *args)
    assert result.exit_code == 2
    assert result.stderr.startswith(start)


@pytest.mark.parametrize(
    ("args", "start"),
    [
        (("--lang", "de"), "error: --lang: 'de' is not one of: nl, en, all"),
        (("--base-url", "example.org"), "error: --base-url: 'example.org' is not an http(s) URL"),
        (("--as-of", "2026-02-30"), "error: --as-of: '2026-02-30' is not a valid date"),
    ],
)
def test_build_refuses_bad_options_and_writes_nothing(runner, tmp_path, args, start):
    out = tmp_path / "site"
    result = invoke(runner, "--catalog", str(MINIMAL), "build", str(out), *args)
    assert result.exit_code == 2
    assert result.stderr.startswith(start)
    assert not out.exists()


def test_build_of_one_language_puts_it_at_the_root(runner, tmp_path):
    out = tmp_path / "site"
    result = invoke(
        runner, "--catalog", str(MINIMAL), "build", str(out), "--lang", "en", "--as-of", "2026-11-28"
    )
    assert result.exit_code == 0, result.stderr
    assert (out / "index.html").is_file()
    assert (out / MARKER).is_file()
    assert not (out / "en").exists()
