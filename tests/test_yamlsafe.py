"""The strict YAML layer: traps keep their text, unsafe input is refused with a place."""

import pytest

from planner.yamlsafe import YamlProblem, decode, load, locate


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("a: NO", "NO"),
        ("a: on", "on"),
        ("a: 5.10", "5.10"),
        ("a: 12:30", "12:30"),
        ("a: 2025-02-30", "2025-02-30"),
        ("a: 0x1F", "0x1F"),
        ("a: 010", "010"),
        ("a: true", True),
        ("a: null", None),
        ("a: 42", 42),
        ("a: -3", -3),
    ],
)
def test_scalars_resolve_without_yaml11_traps(text, expected):
    assert load(text)[0] == {"a": expected}


@pytest.mark.parametrize(
    ("text", "line", "col", "message"),
    [
        (
            "a: &x 1\nb: *x\n",
            1,
            4,
            "anchors and aliases are not allowed in catalogue files (the value anchored here is reused by an alias); write the value out",
        ),
        (
            "a: !!python/object/apply:os.system [ls]\n",
            1,
            4,
            "tags are not allowed in catalogue files (found tag:yaml.org,2002:python/object/apply:os.system)",
        ),
        ("a:\n\tb: 1\n", 2, 1, "a tab character cannot be used here; indent with spaces"),
        ("a: [1, 2\n", 2, 1, "did not find expected ',' or ']' (while parsing a flow sequence)"),
        ("[" * 100, 1, 1, "nesting deeper than 64 levels"),
    ],
)
def test_refused_input_names_its_place(text, line, col, message):
    with pytest.raises(YamlProblem) as info:
        load(text)
    assert (info.value.line, info.value.col, info.value.message) == (line, col, message)


def test_duplicate_keys_name_both_lines():
    data, problems = load("id: a\ntitle: x\nid: b\n")
    assert data == {"id": "a", "title": "x"}
    assert [(p.line, p.col, p.message) for p in problems] == [
        (3, 1, "duplicate key 'id' (first defined on line 1)")
    ]


def test_billion_laughs_is_refused_before_expansion():
    bomb = "a: &a [x, x]\n" + "".join(
        f"{c}: &{c} [*{p}, *{p}]\n" for p, c in zip("abcdefgh", "bcdefghi", strict=True)
    )
    with pytest.raises(YamlProblem, match="anchors and aliases"):
        load(bomb)


def test_non_utf8_bytes_are_located():
    with pytest.raises(YamlProblem) as info:
        decode(b"a: 1\nb: caf\xe9\n")
    assert (info.value.line, info.value.col) == (2, 7)
    assert info.value.message == "byte 0xe9 is not valid UTF-8; save the file as UTF-8"


def test_byte_order_mark_is_a_warning_not_an_error():
    text, notes = decode(b"\xef\xbb\xbfa: 1\n")
    assert text == "a: 1\n"
    assert [n.message for n in notes] == ["file starts with a byte-order mark; save it as UTF-8 without BOM"]


def test_locate_points_at_key_for_unknown_keys():
    assert locate("a:\n  - x: 1\n    titel: 2\n", ["a", 0, "titel"], key=True) == (3, 5)
