"""Unit tests of planner.scaffold: act ids, skeletons, and a new obligation inserted as text."""

from __future__ import annotations

from pathlib import Path

import pytest

from planner.errors import DataError, UsageError
from planner.loading import NAMED_FILES
from planner.models import ActKind
from planner.scaffold import (
    DEFAULT_LAYERS,
    act_skeleton,
    catalogue_layers,
    check_act_id,
    insert_obligation,
    new_act,
    new_obligation,
)
from planner.yamlsafe import load


def ids_in(text: str) -> list[str]:
    data, _ = load(text)
    return [ob["id"] for ob in data["obligations"]]


@pytest.mark.parametrize("reserved", ["layers", "themes"])
def test_an_act_id_that_names_a_catalogue_file_is_reserved(reserved):
    with pytest.raises(UsageError, match="is reserved"):
        check_act_id(reserved)


def test_an_act_id_longer_than_80_characters_is_refused():
    with pytest.raises(UsageError, match="is not an act id"):
        check_act_id("a" * 81)


def test_a_kebab_case_act_id_is_accepted_as_it_is():
    assert check_act_id("ai-act-2") == "ai-act-2"


@pytest.mark.parametrize("kind", list(ActKind))
def test_an_act_skeleton_parses_with_its_id_and_kind(kind):
    data, problems = load(act_skeleton("act-x", kind))
    assert (data["id"], data["kind"], problems) == ("act-x", kind.value, [])


def test_an_eu_act_skeleton_suggests_celex_and_a_national_one_what_it_transposes():
    eu, national = act_skeleton("a", ActKind.REGULATION), act_skeleton("a", ActKind.NATIONAL_ACT)
    assert "# celex:" in eu and "transposes:" not in eu
    assert "# celex:" not in national and "transposes: []" in national


def test_only_a_directive_skeleton_describes_its_transposition():
    assert "# transposition:" in act_skeleton("a", ActKind.DIRECTIVE)
    assert "# transposition:" not in act_skeleton("a", ActKind.REGULATION)


def test_new_act_writes_the_skeleton_to_the_act_file(tmp_path):
    path = new_act(tmp_path, "act-x", "directive")
    assert path == tmp_path / "act-x.yaml"
    assert path.read_text(encoding="utf-8") == act_skeleton("act-x", ActKind.DIRECTIVE)


ONE = "id: x\nobligations:\n  - id: x.a\n    title: {en: A}\n"


def test_a_new_obligation_goes_after_the_last_and_keeps_every_other_byte():
    text = insert_obligation(ONE + "scenarios: []\n", "x.b", ["rijk"])
    assert text.startswith(ONE) and text.endswith("scenarios: []\n")
    assert ids_in(text) == ["x.a", "x.b"]


def test_a_file_without_obligations_gets_the_list():
    text = insert_obligation("id: x\n", "x.b", ["rijk"])
    assert text.startswith("id: x\nobligations:\n  - id: x.b\n")


def test_a_file_without_final_newline_gets_one_before_the_new_obligation():
    text = insert_obligation(ONE.rstrip("\n"), "x.b", ["rijk"])
    assert text.startswith(ONE)
    assert ids_in(text) == ["x.a", "x.b"]


@pytest.mark.parametrize(
    "empty", ["obligations:\n", "obligations: ~\n", "obligations: null\n", "obligations: []\n"]
)
def test_an_empty_obligations_value_becomes_a_list_of_one(empty):
    text = insert_obligation("id: x\n" + empty + "scenarios: []\n", "x.b", ["rijk"])
    assert ids_in(text) == ["x.b"]
    assert text.endswith("scenarios: []\n")


@pytest.mark.parametrize("value", ["[x.a]", "[{id: x.a}]", "none yet"])
def test_obligations_that_are_not_a_block_list_are_refused(value):
    with pytest.raises(UsageError, match="not a block list"):
        insert_obligation(f"id: x\nobligations: {value}\n", "x.b", ["rijk"])


def test_a_list_at_column_zero_gets_its_new_item_at_column_zero():
    text = insert_obligation("id: x\nobligations:\n- id: x.a\n  title: {en: A}\n", "x.b", ["rijk"])
    assert "\n- id: x.b\n" in text
    assert ids_in(text) == ["x.a", "x.b"]


def test_comments_under_the_last_item_stay_with_it():
    text = insert_obligation(
        ONE + "    # a note on x.a\n# about the scenarios\nscenarios: []\n", "x.b", ["rijk"]
    )
    assert text.index("# a note on x.a") < text.index("- id: x.b") < text.index("# about the scenarios")


def test_windows_line_ends_are_kept_in_the_new_obligation():
    text = insert_obligation(ONE.replace("\n", "\r\n"), "x.b", ["rijk"])
    assert text.count("\n") == text.count("\r\n")
    assert ids_in(text) == ["x.a", "x.b"]


def test_the_new_obligation_names_each_layer_as_addressee():
    text = insert_obligation("id: x\n", "x.b", ["rijk", "gemeenten"])
    data, _ = load(text)
    assert data["obligations"][0]["roles"] == {"rijk": "addressee", "gemeenten": "addressee"}


def test_catalogue_layers_are_read_from_layers_yaml_in_order(tmp_path):
    (tmp_path / "layers.yaml").write_text(
        "layers:\n  - {id: waterschappen, name: {en: W}, organisations: 21}\n"
        "  - {id: rijk, name: {en: R}, organisations: 1}\n",
        encoding="utf-8",
    )
    assert catalogue_layers(tmp_path) == ["waterschappen", "rijk"]


@pytest.mark.parametrize("layers", [None, "layers: nonsense\n", "layers: [\n"])
def test_catalogue_layers_fall_back_to_the_dutch_layers(tmp_path, layers):
    if layers is not None:
        (tmp_path / "layers.yaml").write_text(layers, encoding="utf-8")
    assert catalogue_layers(tmp_path) == list(DEFAULT_LAYERS)


def test_new_obligation_keeps_a_byte_order_mark(tmp_path):
    (tmp_path / "x.yaml").write_bytes(b"\xef\xbb\xbf" + ONE.encode())
    new_obligation(tmp_path, "x.b")
    data = (tmp_path / "x.yaml").read_bytes()
    assert data.startswith(b"\xef\xbb\xbf" + ONE.encode()) and data.count(b"\xef\xbb\xbf") == 1


def test_new_obligation_in_a_broken_file_is_a_data_error_and_writes_nothing(tmp_path):
    broken = "id: x\nobligations: [\n"
    (tmp_path / "x.yaml").write_text(broken, encoding="utf-8")
    with pytest.raises(DataError) as caught:
        new_obligation(tmp_path, "x.b")
    assert [(Path(p.path).name, p.is_error) for p in caught.value.problems][:1] == [("x.yaml", True)]
    assert (tmp_path / "x.yaml").read_text(encoding="utf-8") == broken


def test_an_obligation_id_longer_than_160_characters_is_refused(tmp_path):
    with pytest.raises(UsageError, match="is not an obligation id"):
        new_obligation(tmp_path, "x." + "a" * 159)


TRICKY_ENDINGS = {
    "flow item with comment": "id: x\nobligations:\n  - {id: x.a, title: {en: A}}  # note\nscenarios: []\n",
    "block scalar": "id: x\nobligations:\n  - id: x.a\n    description:\n      en: |\n        one\n\n        two\n\nscenarios: []\n",
    "kept trailing lines": "id: x\nobligations:\n  - id: x.a\n    note: |+\n      kept\n\n\nscenarios: []\n",
    "nested list last": "id: x\nobligations:\n  - id: x.a\n    articles:\n      - Art. 1\n      - Art. 2\n",
    "comment at end of file": "id: x\nobligations:\n  - id: x.a\n    # trailing",
    "list before id": "obligations:\n  - id: x.a\nid: x\n",
}


@pytest.mark.parametrize("text", TRICKY_ENDINGS.values(), ids=list(TRICKY_ENDINGS))
def test_inserting_changes_nothing_the_file_already_says(text):
    before, _ = load(text)
    after, _ = load(insert_obligation(text, "x.b", ["rijk"]))
    assert after["obligations"][:-1] == before["obligations"]
    assert after["obligations"][-1]["id"] == "x.b"
    assert {k: v for k, v in after.items() if k != "obligations"} == {
        k: v for k, v in before.items() if k != "obligations"
    }


@pytest.mark.parametrize("value", ["5", "true", "2026-01-01"])
def test_obligations_that_are_a_single_value_are_refused_and_nothing_is_written(tmp_path, value):
    text = f"id: x\nobligations: {value}\n"
    (tmp_path / "x.yaml").write_text(text, encoding="utf-8")
    with pytest.raises(UsageError, match="not a block list"):
        new_obligation(tmp_path, "x.b")
    assert (tmp_path / "x.yaml").read_text(encoding="utf-8") == text


def test_an_obligation_already_in_the_file_is_refused_and_nothing_is_written(tmp_path):
    (tmp_path / "x.yaml").write_text(ONE, encoding="utf-8")
    with pytest.raises(UsageError, match=r"'x\.a' already exists"):
        new_obligation(tmp_path, "x.a")
    assert (tmp_path / "x.yaml").read_text(encoding="utf-8") == ONE


def test_new_act_refuses_an_unknown_kind_and_an_existing_file(tmp_path):
    with pytest.raises(UsageError, match="--kind: 'law' is not one of"):
        new_act(tmp_path, "act-x", "law")
    (tmp_path / "act-y.yaml").write_text("id: act-y\n", encoding="utf-8")
    with pytest.raises(UsageError, match="already exists"):
        new_act(tmp_path, "act-y")
    assert sorted(p.name for p in tmp_path.iterdir()) == ["act-y.yaml"]
    assert (tmp_path / "act-y.yaml").read_text(encoding="utf-8") == "id: act-y\n"


@pytest.mark.parametrize("named", sorted(NAMED_FILES))
def test_no_act_id_names_a_file_the_catalogue_reads_as_something_else(tmp_path, named):
    with pytest.raises(UsageError, match="is reserved"):
        new_act(tmp_path, Path(named).stem)
    assert list(tmp_path.iterdir()) == []
