"""Canonical catalogue YAML: properties over generated files, and the file-level helpers."""

from __future__ import annotations

import pytest
import yaml
from hypothesis import given, settings
from hypothesis import strategies as st

from planner import yamlsafe
from planner.errors import DataError, UsageError
from planner.fmt import SCHEMA_LINE, catalogue_files, expand, format_files, format_text, model_for
from planner.models import Act, LayersFile, ThemesFile

ACT_KEYS = list(Act.model_fields)
WORDS = st.text(alphabet="abcdefghij XYZ-:#'\"0123456789.", min_size=1, max_size=12)
VALUES = st.none() | st.booleans() | st.integers(-5, 5000) | WORDS
UNKNOWN = st.sampled_from(["zeta", "alpha", "x-note"])


@st.composite
def act_like(draw: st.DrawFn) -> dict[str, object]:
    """A mapping with some of an act's keys (and unknown ones) in any order, simple values."""
    keys = draw(st.lists(st.sampled_from(ACT_KEYS) | UNKNOWN, min_size=1, max_size=8, unique=True))
    return {key: draw(VALUES | st.lists(VALUES, max_size=3)) for key in keys}


def dump(data: dict[str, object]) -> str:
    return yaml.safe_dump(data, sort_keys=False, allow_unicode=True, default_flow_style=False)


@settings(deadline=None, max_examples=50, derandomize=True)
@given(act_like())
def test_formatting_keeps_the_data_and_is_idempotent(data):
    text = dump(data)
    once = format_text(text)
    assert yamlsafe.load(once)[0] == yamlsafe.load(text)[0]
    assert format_text(once) == once


@settings(deadline=None, max_examples=50, derandomize=True)
@given(act_like())
def test_known_keys_come_in_model_order_and_unknown_ones_after_as_written(data):
    keys = list(yamlsafe.load(format_text(dump(data)))[0])
    known = [k for k in keys if k in Act.model_fields]
    assert keys == known + [k for k in data if k not in Act.model_fields]
    assert known == sorted(known, key=_house_order().index)


def _house_order() -> list[str]:
    # the documented exception to declaration order: `note` follows `transposes`
    order = [k for k in ACT_KEYS if k != "note"]
    order.insert(order.index("transposes") + 1, "note")
    return order


@settings(deadline=None, max_examples=50, derandomize=True)
@given(act_like())
def test_the_result_starts_with_the_schema_line_and_ends_in_one_newline(data):
    out = format_text(dump(data))
    assert out.startswith(SCHEMA_LINE + "\n")
    assert out.endswith("\n") and not out.endswith("\n\n")
    assert all(line == line.rstrip() for line in out.splitlines())


def test_model_for_picks_the_model_by_file_name(tmp_path):
    assert model_for(tmp_path / "layers.yaml") is LayersFile
    assert model_for(tmp_path / "themes.yaml") is ThemesFile
    assert model_for(tmp_path / "ai-act.yaml") is Act


def test_catalogue_files_are_the_yaml_files_directly_in_the_folder_sorted(tmp_path):
    for name in ("b.yaml", "a.yaml", "notes.md", "c.yml"):
        (tmp_path / name).write_text("x: 1\n")
    (tmp_path / "sub.yaml").mkdir()
    (tmp_path / "deeper").mkdir()
    (tmp_path / "deeper" / "d.yaml").write_text("x: 1\n")
    assert [p.name for p in catalogue_files(tmp_path)] == ["a.yaml", "b.yaml"]


def test_expand_replaces_a_folder_by_its_files_and_keeps_files_as_given(tmp_path):
    (tmp_path / "cat").mkdir()
    (tmp_path / "cat" / "a.yaml").write_text("x: 1\n")
    (tmp_path / "one.yaml").write_text("x: 1\n")
    assert expand([tmp_path / "one.yaml", tmp_path / "cat"]) == [
        tmp_path / "one.yaml",
        tmp_path / "cat" / "a.yaml",
    ]


def test_expand_of_a_missing_path_is_a_usage_error_naming_it(tmp_path):
    with pytest.raises(UsageError, match=r"nope\.yaml' does not exist"):
        expand([tmp_path / "nope.yaml"])


def test_format_files_writes_nothing_and_says_what_would_change(tmp_path):
    (tmp_path / "a.yaml").write_text("kind: directive\nid: a\n")
    (tmp_path / "b.yaml").write_text(format_text("id: b\n"))
    results = format_files([tmp_path / "a.yaml", tmp_path / "b.yaml"])
    assert [r.changed for r in results] == [True, False]
    assert (tmp_path / "a.yaml").read_text() == "kind: directive\nid: a\n"


def test_format_files_reports_every_broken_file_at_once(tmp_path):
    (tmp_path / "a.yaml").write_text("a: [1\n")
    (tmp_path / "b.yaml").write_text("ok: 1\n")
    (tmp_path / "c.yaml").write_text("x: 1\nx: 2\n")
    with pytest.raises(DataError) as info:
        format_files([tmp_path / "a.yaml", tmp_path / "b.yaml", tmp_path / "c.yaml"])
    places = [(p.path.rsplit("/", 1)[-1], p.line) for p in info.value.problems]
    assert places == [("a.yaml", 2), ("c.yaml", 2)]


def test_an_empty_file_cannot_be_formatted(tmp_path):
    (tmp_path / "a.yaml").write_text("")
    with pytest.raises(DataError):
        format_files([tmp_path / "a.yaml"])
