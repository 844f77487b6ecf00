"""Validating one file against its model: each problem once, at its place, in one sentence."""

from __future__ import annotations

from pathlib import Path

from planner.models import LayersFile
from planner.reading import SourceFile, by_unique_id, validate
from planner.yamlsafe import load


def layers_problems(text: str) -> list[tuple[int, int, str]]:
    src = SourceFile(Path("layers.yaml"), text)
    assert validate(src, LayersFile, load(text)[0]) is None
    return [(p.line, p.col, p.message) for p in src.problems]


LAYER = "layers:\n  - id: rijk\n    name: {nl: Rijk, en: Central}\n    organisations: 1\n"


def test_validate_returns_the_model_when_the_data_is_valid():
    src = SourceFile(Path("layers.yaml"), LAYER)
    model = validate(src, LayersFile, load(LAYER)[0])
    assert model is not None
    assert src.problems == []


def test_an_unknown_key_is_reported_at_the_key_with_a_suggestion():
    ((line, col, message),) = layers_problems(LAYER + "    organisatons: 3\n")
    assert (line, col) == (5, 5)
    assert "unknown key 'organisatons'" in message
    assert "organisations" in message


def test_a_misspelt_required_key_is_one_problem_not_two():
    problems = layers_problems(LAYER.replace("organisations", "organisatons"))
    assert len(problems) == 1
    assert "unknown key" in problems[0][2]


def test_a_wrong_type_names_the_field_and_the_bad_value():
    ((line, col, message),) = layers_problems(LAYER.replace("organisations: 1", "organisations: many"))
    assert (line, col) == (4, 20)
    assert message.startswith("layers[0].organisations: ")
    assert "'many'" in message


def test_the_only_item_of_a_list_being_wrong_is_not_also_a_list_too_short():
    problems = layers_problems(LAYER.replace("organisations: 1", "organisations: many"))
    assert [message.split(":")[0] for _, _, message in problems] == ["layers[0].organisations"]


def test_an_empty_list_is_still_too_short():
    problems = layers_problems("layers: []\n")
    assert len(problems) == 1
    assert problems[0][2].startswith("layers: ")


def act_problems(text: str) -> list[str]:
    from planner.models import Act

    src = SourceFile(Path("act-x.yaml"), text)
    assert validate(src, Act, load(text)[0]) is None
    return [p.message for p in src.problems]


ACT = """\
id: act-x
kind: regulation
title: {en: X}
obligations:
  - id: act-x.duty
    title: {en: Duty}
    roles: {rijk: addressee}
    due: 2027-01-01
    milestone: application
    effort_days: EFFORT
"""


def test_a_bad_field_and_a_bad_combination_in_one_record_are_both_reported():
    messages = act_problems(ACT.replace("EFFORT", "lots"))
    assert any(m.startswith("obligations[0].effort_days: ") for m in messages)
    assert any("give either 'due' or 'milestone', not both" in m for m in messages)


def test_a_bad_combination_alone_is_reported_once():
    messages = act_problems(ACT.replace("EFFORT", "2"))
    assert len(messages) == 1
    assert "give either 'due' or 'milestone', not both" in messages[0]


def test_a_repeated_id_is_an_error_at_the_repeat_and_the_first_entry_wins():
    text = LAYER + "  - id: rijk\n    name: {nl: Tweede, en: Second}\n    organisations: 2\n"
    src = SourceFile(Path("layers.yaml"), text)
    model = validate(src, LayersFile, load(text)[0])
    assert model is not None
    found = by_unique_id(src, "layers", model.layers, "layer")
    assert (found["rijk"].organisations, list(found)) == (1, ["rijk"])
    assert [(p.line, p.col, p.message) for p in src.problems] == [
        (5, 9, "layers[1].id: duplicate layer id 'rijk'")
    ]
