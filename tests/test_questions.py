"""Profile questions and the applicability conditions that refer to them, checked at their line."""

from __future__ import annotations

import pytest

from planner.errors import DataError
from planner.loading import load_catalogue

QUESTIONS = """questions:
  - id: q-ai
    text: {en: Uses high-risk AI?}
    type: bool
    source: law
  - id: inhabitants
    text: {en: How many inhabitants?}
    type: number
    source: law
sources:
  law: {url: https://eur-lex.europa.eu/x, title: The law}
"""


def errors_with_condition(catalogue_with, minimal, condition: str) -> list[str]:  # type: ignore[no-untyped-def]
    text = (
        (minimal / "act-a.yaml")
        .read_text()
        .replace("    effort_days: 3\n", f"    effort_days: 3\n    applies_if: {condition}\n")
    )
    root = catalogue_with({"act-a.yaml": text, "questions.yaml": QUESTIONS})
    with pytest.raises(DataError) as info:
        load_catalogue(root)
    return [p.format(cwd=root) for p in info.value.problems if p.is_error]


def test_an_unknown_question_in_a_condition_is_located(catalogue_with, minimal):
    found = errors_with_condition(catalogue_with, minimal, "{question: q-aj, equals: true, article: Art. 1}")
    assert found == [
        "act-a.yaml:55:17: error: obligations[2].applies_if: unknown question 'q-aj' "
        "(did you mean 'q-ai'?); known: inhabitants, q-ai"
    ]


def test_a_number_question_compared_with_equals_is_an_error(catalogue_with, minimal):
    found = errors_with_condition(
        catalogue_with, minimal, "{question: inhabitants, equals: true, article: Art. 1}"
    )
    assert found == [
        "act-a.yaml:55:17: error: obligations[2].applies_if: question 'inhabitants' takes a number: "
        "compare it with at_least or below"
    ]


def test_a_condition_inside_any_is_checked_too(catalogue_with, minimal):
    found = errors_with_condition(
        catalogue_with, minimal, "{any: [{question: q-ai, at_least: 3}], article: Art. 1}"
    )
    assert found == [
        "act-a.yaml:55:17: error: obligations[2].applies_if: question 'q-ai' takes true or false: "
        "use equals: true or equals: false"
    ]


def test_a_valid_condition_loads(catalogue_with, minimal):
    text = (
        (minimal / "act-a.yaml")
        .read_text()
        .replace(
            "    effort_days: 3\n",
            "    effort_days: 3\n    applies_if: {question: inhabitants, at_least: 100000, article: Art. 1}\n",
        )
    )
    cat = load_catalogue(catalogue_with({"act-a.yaml": text, "questions.yaml": QUESTIONS}))
    assert cat.obligations["act-a.platform"].applies_if is not None


def test_list_questions_shows_each_question_with_its_default_and_the_duties_it_decides(runner):
    import json

    from .conftest import invoke

    result = invoke(runner, "list", "questions", "--layer", "gemeenten", "--format", "json")
    rows = {r["id"]: r for r in json.loads(result.stdout)}
    deployer = rows["high-risk-ai-deployer"]
    assert (deployer["type"], deployer["defaults"]) == ("bool", "gemeenten: no")
    assert deployer["duties"] >= 1  # the FRIA and the deployer duties depend on it
