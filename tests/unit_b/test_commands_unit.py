"""The command line as a translation layer: options checked, exit codes, messages, files written or not."""

from __future__ import annotations

import datetime as dt
import json

import pytest

from planner.commands.common import check_known, choice, emit, parse_as_of
from planner.commands.plan import complete_format
from planner.errors import UsageError

from ..conftest import MINIMAL, invoke

AS_OF = ("--as-of", "2026-11-28")


def run(runner, *args):  # type: ignore[no-untyped-def]
    return invoke(runner, "--catalog", str(MINIMAL), *args)


def test_choice_returns_an_allowed_value():
    assert choice("--lang", "en", ("nl", "en")) == "en"


def test_choice_names_the_option_the_value_and_the_choices():
    with pytest.raises(UsageError, match=r"^--lang: 'de' is not one of: nl, en$"):
        choice("--lang", "de", ("nl", "en"))


def test_parse_as_of_reads_an_iso_date():
    assert parse_as_of("2027-02-28") == dt.date(2027, 2, 28)


def test_parse_as_of_defaults_to_today():
    assert parse_as_of(None) == dt.date.today()


@pytest.mark.parametrize("value", ["2027-02-30", "28-02-2027", "tomorrow"])
def test_parse_as_of_refuses_what_is_not_a_date(value):
    with pytest.raises(UsageError, match=rf"^--as-of: '{value}' is not a valid date"):
        parse_as_of(value)


def test_check_known_accepts_a_known_id_and_no_id():
    check_known("--act", "a", {"a": 1})
    check_known("--act", None, {"a": 1})


def test_check_known_suggests_and_lists_a_short_list():
    with pytest.raises(UsageError) as info:
        check_known("--act", "act-c", {"act-a": 1, "act-b": 2})
    assert str(info.value).startswith("--act: unknown id 'act-c'")
    assert str(info.value).endswith("; known: act-a, act-b")


def test_check_known_does_not_list_a_long_list():
    known = {f"id-{n}": n for n in range(13)}
    with pytest.raises(UsageError) as info:
        check_known("--act", "zzz", known)
    assert "known:" not in str(info.value)


def test_emit_writes_a_file_instead_of_printing(tmp_path, capsys):
    emit("text\n", tmp_path / "out.txt")
    assert (tmp_path / "out.txt").read_text() == "text\n"
    assert capsys.readouterr().out == ""


def test_emit_prints_text_with_exactly_one_final_newline(capsys):
    emit("a", None)
    emit("b\n", None)
    assert capsys.readouterr().out == "a\nb\n"


def test_complete_format_of_nothing_is_every_format():
    assert complete_format("") == ["md", "json", "csv", "xlsx", "ics", "mermaid", "html"]


def test_roadmap_json_on_stdout_is_the_contract(runner):
    result = run(runner, "roadmap", "gemeenten", *AS_OF, "--format", "json")
    assert result.exit_code == 0
    data = json.loads(result.stdout)
    assert (data["layer"], data["as_of"]) == ("gemeenten", "2026-11-28")


def test_roadmap_in_a_binary_format_needs_an_output_file(runner):
    result = run(runner, "roadmap", "gemeenten", *AS_OF, "--format", "xlsx")
    assert result.exit_code == 2
    assert result.stderr == "error: --format xlsx is binary: give a file with -o\n"


def test_roadmap_xlsx_is_written_to_the_output_file(runner, tmp_path):
    out = tmp_path / "plan.xlsx"
    result = run(runner, "roadmap", "gemeenten", *AS_OF, "--format", "xlsx", "-o", str(out))
    assert result.exit_code == 0
    assert out.read_bytes()[:2] == b"PK"


@pytest.mark.parametrize(
    ("args", "start"),
    [
        (("--format", "pdf"), "error: --format: 'pdf' is not one of: "),
        (("--lang", "de"), "error: --lang: 'de' is not one of: nl, en"),
        (("--as-of", "2026-13-01"), "error: --as-of: '2026-13-01' is not a valid date"),
        (("--stage", "week"), "error: --stage"),
        (("--site-url", "example.org"), "error: --site-url: 'example.org' is not an absolute"),
        (("--theme", "nope"), "error: --theme"),
        (("--act", "nope"), "error: --act"),
    ],
)
def test_roadmap_refuses_a_bad_option_with_exit_2_and_one_line(runner, args, start):
    result = run(runner, "roadmap", "gemeenten", *AS_OF, *args)
    assert result.exit_code == 2
    assert result.stderr.startswith(start)
    assert "Traceback" not in result.stderr


def test_roadmap_of_an_unknown_layer_suggests_the_known_one(runner):
    result = run(runner, "roadmap", "gemeente", *AS_OF)
    assert result.exit_code == 2
    assert "'gemeente'" in result.stderr
    assert "gemeenten" in result.stderr


def test_roadmap_into_a_missing_folder_is_a_usage_error_and_writes_nothing(runner, tmp_path):
    out = tmp_path / "no" / "plan.md"
    result = run(runner, "roadmap", "gemeenten", *AS_OF, "-o", str(out))
    assert result.exit_code == 2
    assert "does not exist" in result.stderr
    assert not (tmp_path / "no").exists()


def test_roadmap_of_a_broken_catalogue_exits_1_and_leaves_the_output_file(runner, catalogue_with, tmp_path):
    root = catalogue_with({"act-x.yaml": "id: [\n"})
    out = tmp_path / "plan.md"
    out.write_text("old plan\n")
    result = invoke(runner, "--catalog", str(root), "roadmap", "gemeenten", *AS_OF, "-o", str(out))
    assert result.exit_code == 1
    assert result.stderr.splitlines()[0].split(":")[0].endswith("act-x.yaml")
    assert out.read_text() == "old plan\n"


def test_roadmap_with_a_missing_progress_file_is_a_usage_error(runner, tmp_path):
    result = run(runner, "roadmap", "gemeenten", *AS_OF, "--progress", str(tmp_path / "done.yaml"))
    assert result.exit_code == 2
    assert result.stderr.startswith("error: --progress: file ")


def statuses(stdout: str) -> dict[str, str]:
    data = json.loads(stdout)
    items = [*(i for s in data["stages"] for i in s["items"]), *data["off_plan"]]
    return {i["obligation"]: i["status"] for i in items}


def test_roadmap_with_progress_plans_the_done_item_as_done(runner, tmp_path):
    done = tmp_path / "done.yaml"
    done.write_text("done:\n  - obligation: act-a.inventory\n    done: 2026-05-01\n")
    plain = run(runner, "roadmap", "gemeenten", *AS_OF, "--format", "json")
    result = run(runner, "roadmap", "gemeenten", *AS_OF, "--format", "json", "--progress", str(done))
    assert statuses(plain.stdout)["act-a.inventory"] != "done"
    assert statuses(result.stdout)["act-a.inventory"] == "done"


def test_explain_of_an_unknown_obligation_is_a_usage_error(runner):
    result = run(runner, "explain", "act-a.invent", *AS_OF)
    assert result.exit_code == 2
    assert "act-a.inventory" in result.stderr


def test_explain_json_names_the_obligation(runner):
    result = run(runner, "explain", "act-a.assess", "--layer", "rijk", *AS_OF, "--format", "json")
    assert result.exit_code == 0
    assert "act-a.assess" in result.stdout
    json.loads(result.stdout)


def test_explain_refuses_an_unknown_output_format(runner):
    result = run(runner, "explain", "act-a.assess", *AS_OF, "--format", "md")
    assert result.exit_code == 2
    assert result.stderr.startswith("error: --format: 'md' is not one of: text, json")
