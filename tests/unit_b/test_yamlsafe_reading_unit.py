"""The strict YAML layer and the reading of one file: what is accepted, what is refused, and where."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from planner.models import LayersFile
from planner.reading import SourceFile, describe_error, field_path, printable, read_yaml, shown
from planner.yamlsafe import MAX_BYTES, YamlProblem, compose, decode, load, locate

# JSON without floats is YAML whose values the strict loader reads back unchanged
# (a plain 5.10 stays text on purpose, so floats are left out).
# JSON writes characters beyond the BMP as surrogate pairs, which YAML does not take.
TEXT = st.text(st.characters(max_codepoint=0xFFFF, exclude_categories=("Cs",)))
# YAML limits an implicit key to 1024 characters (an escaped character takes six).
KEY = st.text(st.characters(max_codepoint=0xFFFF, exclude_categories=("Cs",)), max_size=100)
SCALARS = st.none() | st.booleans() | st.integers() | TEXT
JSONISH = st.recursive(
    SCALARS,
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(KEY, inner, max_size=4),
    max_leaves=20,
)


@settings(deadline=None, max_examples=50, derandomize=True)
@given(st.dictionaries(KEY, JSONISH, max_size=5))
def test_json_without_floats_loads_back_as_the_same_data(data):
    assert load(json.dumps(data)) == (data, [])


@settings(deadline=None, max_examples=50, derandomize=True)
@given(st.lists(st.from_regex(r"[a-z][a-z0-9-]{0,10}", fullmatch=True), min_size=1, max_size=8, unique=True))
def test_locate_finds_each_top_level_key_on_its_own_line(keys):
    text = "".join(f"{key}: value\n" for key in keys)
    for line, key in enumerate(keys, start=1):
        assert locate(text, [key], key=True) == (line, 1)
        assert locate(text, [key]) == (line, len(key) + 3)


def test_an_empty_document_is_none_without_problems():
    assert load("") == (None, [])
    assert load("# only a comment\n") == (None, [])


def test_a_mapping_as_a_key_is_refused_at_that_key():
    with pytest.raises(YamlProblem) as info:
        load("a: 1\n? {x: 1}\n: 2\n")
    assert (info.value.line, info.value.message) == (2, "a key must be plain text")


def test_a_file_over_the_size_limit_is_refused_before_decoding():
    with pytest.raises(YamlProblem, match="larger than 5 MiB"):
        decode(b"a" * (MAX_BYTES + 1))


def test_a_file_at_the_size_limit_is_read():
    text, notes = decode(b"a" * MAX_BYTES)
    assert (len(text), notes) == (MAX_BYTES, [])


def test_an_unclosed_quote_names_where_it_started():
    with pytest.raises(YamlProblem) as info:
        load('a: "open\nb: 1\n')
    assert "starts on line 1" in info.value.message


def test_compose_of_broken_text_is_none():
    assert compose("a: [1, 2\n") is None


def test_locate_in_a_broken_document_points_at_its_start():
    assert locate("a: [1, 2\n", ["a"]) == (1, 1)


def test_locate_past_the_end_of_a_list_stays_at_the_list():
    assert locate("a:\n  - x\n  - y\n", ["a", 5]) == (2, 3)


def test_locate_of_a_list_item_points_at_it():
    assert locate("a:\n  - x\n  - y\n", ["a", 1]) == (3, 5)


def test_a_duplicate_key_in_a_nested_mapping_keeps_the_first_value():
    data, problems = load("outer:\n  k: 1\n  k: 2\n")
    assert data == {"outer": {"k": 1}}
    assert [(p.line, p.col) for p in problems] == [(3, 3)]


def test_printable_escapes_line_breaks_so_a_message_cannot_forge_a_line():
    assert "\n" not in printable("bad\nsrc/x.yaml:1:1: error: forged")


def test_printable_cuts_a_huge_message_and_says_how_long_it_was():
    out = printable("x" * 5000, limit=100)
    assert out.startswith("x" * 100)
    assert out.endswith("(5000 characters)")


def test_shown_keeps_a_short_value_as_its_repr():
    assert shown([1, 2]) == "[1, 2]"


def test_shown_cuts_a_long_list_without_a_character_count():
    out = shown(list(range(100)), limit=20)
    assert len(out) == 20
    assert "characters" not in out


@pytest.mark.parametrize(
    ("loc", "expected"),
    [
        ((), "(top level)"),
        (("a",), "a"),
        (("obligations", 0, "roles", "rijk"), "obligations[0].roles.rijk"),
        (("answers", "has space"), "answers['has space']"),
    ],
)
def test_field_path_reads_like_the_yaml(loc, expected):
    assert field_path(loc) == expected


def read(tmp_path: Path, raw: bytes) -> tuple[object, list[tuple[int, int, str, str]]]:
    path = tmp_path / "file.yaml"
    path.write_bytes(raw)
    src = SourceFile(path)
    data = read_yaml(src)
    return data, [(p.line, p.col, p.severity, p.message) for p in src.problems]


def test_read_yaml_calls_an_empty_file_an_error(tmp_path):
    assert read(tmp_path, b"") == (None, [(1, 1, "error", "file is empty; expected a mapping of keys")])


@pytest.mark.parametrize(
    ("raw", "found"),
    [(b"- a\n", "a list"), (b"text\n", "text"), (b"7\n", "a number"), (b"true\n", "true or false")],
)
def test_read_yaml_names_what_it_found_instead_of_a_mapping(tmp_path, raw, found):
    data, problems = read(tmp_path, raw)
    assert data is None
    assert problems[0][3] == f"expected a mapping of keys at the top of the file, found {found}"


def test_read_yaml_of_a_folder_is_a_located_problem_not_a_traceback(tmp_path):
    (tmp_path / "dir.yaml").mkdir()
    src = SourceFile(tmp_path / "dir.yaml")
    assert read_yaml(src) is None
    assert src.problems[0].message.startswith("cannot read file: ")


def test_read_yaml_reports_a_byte_order_mark_as_a_warning_and_reads_on(tmp_path):
    data, problems = read(tmp_path, b"\xef\xbb\xbfa: 1\n")
    assert data == {"a": 1}
    assert [p[2] for p in problems] == ["warning"]


def test_read_yaml_reports_duplicates_and_still_returns_the_data(tmp_path):
    data, problems = read(tmp_path, b"a: 1\na: 2\n")
    assert data == {"a": 1}
    assert [(p[0], p[2]) for p in problems] == [(2, "error")]


def test_a_file_name_with_a_line_break_cannot_forge_a_report_line(tmp_path):
    src = SourceFile(tmp_path / "evil\nx.yaml")
    src.at(1, 1, "message")
    assert "\n" not in src.problems[0].path


def test_describe_error_of_a_missing_field_says_it_is_required():
    err = {"type": "missing", "loc": ("layers", 0, "id"), "msg": "Field required", "input": {}}
    assert describe_error(LayersFile, err) == "layers[0].id: required field is missing"


def test_describe_error_of_an_enum_lists_what_is_allowed():
    err = {"type": "enum", "loc": ("kind",), "msg": "", "input": "law", "ctx": {"expected": "'a' or 'b'"}}
    assert describe_error(LayersFile, err) == "kind: 'law' is not allowed; expected one of: 'a' or 'b'"


def test_describe_error_of_a_too_long_text_says_both_lengths():
    err = {"type": "string_too_long", "loc": ("t",), "msg": "", "input": "x" * 9, "ctx": {"max_length": 5}}
    assert describe_error(LayersFile, err) == "t: text of 9 characters is too long; at most 5 allowed"


@pytest.mark.parametrize(
    ("pattern", "what"),
    [
        (r"^[a-z]+\.[a-z]+$", "an obligation id"),
        (r"^[0-9][A-Z]+$", "a CELEX number"),
        (r"^[a-z]+$", "an id of lower-case letters"),
    ],
)
def test_describe_error_of_a_pattern_says_what_kind_of_id_was_expected(pattern, what):
    err = {
        "type": "string_pattern_mismatch",
        "loc": ("id",),
        "msg": "",
        "input": "X",
        "ctx": {"pattern": pattern},
    }
    assert describe_error(LayersFile, err).startswith(f"id: 'X' is not {what}")


def test_describe_error_of_a_record_check_is_its_own_sentence():
    err = {"type": "value_error", "loc": (), "msg": "Value error, due and milestone both given", "input": {}}
    assert describe_error(LayersFile, err) == "due and milestone both given"


@settings(deadline=None, max_examples=50, derandomize=True)
@given(st.text(max_size=300), st.integers(10, 100))
def test_a_printable_message_is_one_line_without_control_characters(message, limit):
    out = printable(message, limit=limit)
    assert not any(ord(c) < 0x20 or 0x7F <= ord(c) <= 0x9F or c in "\u2028\u2029" for c in out)
    if len(out) > limit:
        assert out.endswith(" characters)")
