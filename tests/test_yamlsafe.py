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
            "tags are not allowed in catalogue files (found !!python/object/apply:os.system)",
        ),
        ("a: !!int abc\n", 1, 4, "tags are not allowed in catalogue files (found !!int)"),
        ("a: !!bool maybe\n", 1, 4, "tags are not allowed in catalogue files (found !!bool)"),
        ("a: !!timestamp 2026-01-01\n", 1, 4, "tags are not allowed in catalogue files (found !!timestamp)"),
        ("a: !!set {x, y}\n", 1, 4, "tags are not allowed in catalogue files (found !!set)"),
        ("a: !!str {x: y}\n", 1, 4, "tags are not allowed in catalogue files (found !!str)"),
        ("a: !local x\n", 1, 4, "tags are not allowed in catalogue files (found !local)"),
        (
            "!!python/name:os.system a: 1\n",
            1,
            1,
            "tags are not allowed in catalogue files (found !!python/name:os.system)",
        ),
        ("a: ok\nb: x\x07y\n", 2, 5, "control character U+0007 is not allowed in YAML; remove it"),
        ("a:\n\tb: 1\n", 2, 1, "a tab character cannot be used here; indent with spaces"),
        (
            "a: [1, 2\n",
            2,
            1,
            "did not find expected ',' or ']' (while parsing a flow sequence that starts on line 1)",
        ),
        ("[" * 100 + "]" * 100, 1, 65, "nesting deeper than 64 levels"),
        (
            "".join(" " * i + "a:\n" for i in range(100)) + " " * 100 + "x\n",
            65,
            65,
            "nesting deeper than 64 levels",
        ),
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


def test_a_second_document_is_refused():
    with pytest.raises(YamlProblem) as info:
        load("a: 1\n---\nb: 2\n")
    assert (info.value.line, info.value.col, info.value.message) == (
        2,
        1,
        "a catalogue file holds one YAML document; remove this '---' and what follows",
    )


def test_tags_that_repeat_the_plain_meaning_are_harmless():
    assert load("a: !!str text\nb: !!int 7\nc: !!null null\n")[0] == {"a": "text", "b": 7, "c": None}


def test_keys_are_their_text_so_one_and_true_do_not_collide():
    data, problems = load("1: a\ntrue: b\nnull: c\n")
    assert data == {"1": "a", "true": "b", "null": "c"}
    assert problems == []
