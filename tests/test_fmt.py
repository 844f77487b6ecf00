"""`planner fmt`: canonical, idempotent YAML that keeps comments and data."""

from __future__ import annotations

import pytest

from planner.fmt import SCHEMA_LINE, format_text
from planner.models import LayersFile

from .conftest import MINIMAL, invoke

UNORDERED = """\
# yaml-language-server: $schema=../schema/catalog.schema.json
kind: regulation   # why a regulation
id: act-x
title: {nl: Wet X, en: Act X}
milestones:
- date: 2027-01-01
  kind: application
  id: application
"""

ORDERED = """\
# yaml-language-server: $schema=../schema/catalog.schema.json
id: act-x
kind: regulation   # why a regulation
title: {en: Act X, nl: Wet X}
milestones:
  - id: application
    kind: application
    date: 2027-01-01
"""


def test_keys_follow_the_model_order_and_sequences_are_indented():
    assert format_text(UNORDERED) == ORDERED


@pytest.mark.parametrize("path", sorted(MINIMAL.glob("*.yaml")), ids=lambda p: p.name)
def test_formatting_twice_gives_the_same_bytes(path):
    once = format_text(path.read_text())
    assert format_text(once) == once


def test_comments_are_kept_where_they_were():
    text = "# about this act\nid: act-x  # the id\n\n# the kind, next\nkind: directive\n"
    assert format_text(text) == f"{SCHEMA_LINE}\n{text}"


def test_comment_before_a_moved_key_moves_with_that_key():
    text = "id: act-x\nstatus: in-force\n# what kind of act\nkind: directive\n"
    expected = "id: act-x\n# what kind of act\nkind: directive\nstatus: in-force\n"
    assert format_text(text) == f"{SCHEMA_LINE}\n{expected}"


def test_overlap_degree_follows_its_target():
    text = "obligations:\n  - id: a.b\n    overlaps:\n      - rationale: {en: r}\n        degree: equal\n        to: c.d\n"
    assert "      - to: c.d\n        degree: equal\n        rationale: {en: r}\n" in format_text(text)


def test_layers_file_follows_the_layer_model():
    text = "layers:\n  - organisations: 12\n    name: {en: Provinces}\n    id: provincies\n"
    out = format_text(text, LayersFile)
    assert out.endswith("  - id: provincies\n    name: {en: Provinces}\n    organisations: 12\n")


def test_yaml_1_1_traps_and_dates_keep_their_text():
    text = "a: NO\nb: 5.10\nc: 12:30\nd: 2025-01-31\ne: '010'\nf: null\n"
    assert format_text(text) == f"{SCHEMA_LINE}\n{text}"


def test_empty_and_tilde_values_are_written_null():
    assert format_text("a: ~\nb:\n") == f"{SCHEMA_LINE}\na: null\nb: null\n"


def test_an_existing_language_server_line_is_kept():
    text = "# yaml-language-server: $schema=../../schema/catalog.schema.json\nid: act-x\n"
    assert format_text(text) == text


def test_no_trailing_spaces_and_one_final_newline():
    assert format_text("id: act-x   \n# note   \n\n\n") == f"{SCHEMA_LINE}\nid: act-x\n# note\n"


def test_long_strings_are_not_wrapped():
    long = "word " * 60 + "end"
    assert format_text(f"id: {long}\n") == f"{SCHEMA_LINE}\nid: {long}\n"


def test_check_lists_files_that_would_change_and_exits_3(runner, catalogue_with):
    root = catalogue_with({"act-a.yaml": UNORDERED})
    before = (root / "act-a.yaml").read_bytes()
    result = invoke(runner, "fmt", "--check", str(root / "act-a.yaml"))
    assert result.exit_code == 3
    assert result.stderr.splitlines()[0] == "1 file(s) would be reformatted"
    assert result.stderr.splitlines()[1].endswith("act-a.yaml")
    assert (root / "act-a.yaml").read_bytes() == before


def test_check_passes_on_formatted_files(runner, catalogue_with):
    root = catalogue_with({"act-a.yaml": ORDERED})
    result = invoke(runner, "fmt", "--check", str(root / "act-a.yaml"))
    assert result.exit_code == 0
    assert result.stdout == "0 file(s) would be reformatted, 1 unchanged\n"


def test_fmt_formats_the_whole_catalogue(runner, minimal):
    result = invoke(runner, "--catalog", str(minimal), "fmt")
    assert result.exit_code == 0
    assert result.stdout.endswith("5 file(s) reformatted, 0 unchanged\n")
    assert (minimal / "act-a.yaml").read_text().startswith(SCHEMA_LINE + "\nid: act-a\n")
    assert invoke(runner, "--catalog", str(minimal), "fmt", "--check").exit_code == 0
    assert invoke(runner, "--catalog", str(minimal), "check").exit_code == 0


def test_broken_file_gives_the_check_error_line_and_exit_1(runner, catalogue_with):
    root = catalogue_with({"act-x.yaml": "id: act-x\ntitle: {en: [\n"})
    result = invoke(runner, "fmt", str(root / "act-x.yaml"))
    assert result.exit_code == 1
    assert result.stderr.endswith(
        "act-x.yaml:3:1: error: did not find expected node content (while parsing a flow node)\n"
    )
    assert result.stderr in invoke(runner, "--catalog", str(root), "check").stderr


def test_broken_file_stops_every_write(runner, catalogue_with):
    root = catalogue_with({"act-a.yaml": UNORDERED, "act-x.yaml": "a: 1\na: 2\n"})
    result = invoke(runner, "--catalog", str(root), "fmt")
    assert result.exit_code == 1
    assert "act-x.yaml:2:1: error: duplicate key 'a' (first defined on line 1)" in result.stderr
    assert (root / "act-a.yaml").read_text() == UNORDERED


def test_missing_file_is_a_usage_error(runner, tmp_path):
    result = invoke(runner, "fmt", str(tmp_path / "nope.yaml"))
    assert result.exit_code == 2
    assert result.stderr == f"error: FILES: '{tmp_path / 'nope.yaml'}' does not exist\n"
