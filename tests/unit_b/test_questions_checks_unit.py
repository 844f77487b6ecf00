"""The questions file checked against the catalogue: sources, acts, layers, and conditions using it."""

from __future__ import annotations

from pathlib import Path

import pytest

from planner.checks_profile import REVIEW
from planner.errors import DataError
from planner.loading import load_catalogue

QUESTIONS = """\
sources:
  law: {url: https://example.org/law, title: The law}
questions:
  - id: deploys-ai
    text: {en: Do you deploy high-risk AI?, nl: Zet u hoog-risico-AI in?}
    type: bool
    act: act-a
    article: Art. 2
    source: law
    defaults:
      gemeenten: {answer: false, rationale: {en: Most do not yet., nl: De meeste nog niet.}}
"""
CONDITION = "    applies_if: {question: deploys-ai, equals: true, article: Art. 2}\n"


def with_questions(root: Path, text: str = QUESTIONS, condition: str | None = CONDITION) -> Path:
    (root / "questions.yaml").write_text(text)
    if condition is not None:
        path = root / "act-a.yaml"
        body = path.read_text()
        anchor = "    roles: {rijk: provider}\n"
        assert anchor in body
        path.write_text(body.replace(anchor, anchor + condition, 1))
    return root


def problems(root: Path) -> list[tuple[str, str]]:
    try:
        cat = load_catalogue(root)
    except DataError as exc:
        return [(p.severity, p.message) for p in exc.problems]
    return [(w.severity, w.message) for w in cat.warnings]


def test_a_sound_questions_file_and_condition_load_cleanly(minimal):
    cat = load_catalogue(with_questions(minimal))
    assert list(cat.questions) == ["deploys-ai"]
    assert cat.obligations["act-a.platform"].applies_if is not None
    assert problems(minimal) == []


def test_a_question_without_a_source_is_a_review_gap(minimal):
    with_questions(minimal, QUESTIONS.replace("    source: law\n", ""))
    assert (REVIEW, "questions[0]: question 'deploys-ai' has no source") in problems(minimal)


def test_a_question_citing_an_undeclared_source_is_an_error(minimal):
    with_questions(minimal, QUESTIONS.replace("    source: law\n", "    source: lw\n"))
    assert any(
        s == "error" and m.startswith("questions[0].source: unknown source 'lw'")
        for s, m in problems(minimal)
    )


def test_a_question_about_an_unknown_act_is_an_error(minimal):
    with_questions(minimal, QUESTIONS.replace("act: act-a", "act: act-q"))
    assert any(m.startswith("questions[0].act: unknown act 'act-q'") for _, m in problems(minimal))


def test_a_default_for_an_unknown_layer_is_an_error(minimal):
    with_questions(minimal, QUESTIONS.replace("      gemeenten: {answer", "      gemeentes: {answer"))
    assert any(m.startswith("questions[0].defaults: unknown layer 'gemeentes'") for _, m in problems(minimal))


def test_a_question_id_given_twice_is_an_error(minimal):
    second = QUESTIONS.split("questions:\n", 1)[1]
    with_questions(minimal, QUESTIONS + second)
    assert ("error", "questions[1].id: duplicate question id 'deploys-ai'") in problems(minimal)


def test_a_condition_on_an_unknown_question_is_an_error(minimal):
    with_questions(
        minimal, condition="    applies_if: {question: deploy-ai, equals: true, article: Art. 2}\n"
    )
    assert any(
        s == "error" and m.startswith("obligations[2].applies_if: unknown question 'deploy-ai'")
        for s, m in problems(minimal)
    )


def test_a_condition_without_its_article_is_a_review_gap(minimal):
    with_questions(minimal, condition="    applies_if: {question: deploys-ai, equals: true}\n")
    assert (REVIEW, "obligations[2].applies_if: name the article that sets the condition") in problems(
        minimal
    )


def test_a_condition_citing_a_source_the_act_lacks_is_an_error(minimal):
    with_questions(
        minimal,
        condition="    applies_if: {question: deploys-ai, equals: true, article: Art. 2, source: law}\n",
    )
    assert any(
        m.startswith("obligations[2].applies_if.source: unknown source 'law'") for _, m in problems(minimal)
    )


@pytest.mark.parametrize("answer", ["maybe", "1"])
def test_a_default_answer_of_the_wrong_type_is_an_error(minimal, answer):
    with_questions(minimal, QUESTIONS.replace("answer: false", f"answer: {answer}"), condition=None)
    assert any(s == "error" and "defaults.gemeenten.answer" in m for s, m in problems(minimal))
