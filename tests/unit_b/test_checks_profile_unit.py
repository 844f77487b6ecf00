"""Checks of the planning profile: conditions against their questions, and the review gaps."""

from __future__ import annotations

from pathlib import Path

import pytest

from planner.checks_profile import REVIEW, condition_problems
from planner.loading import load_catalogue
from planner.models import Condition, Question

from ..conftest import MINIMAL

QUESTIONS = {
    "inhabitants": Question.model_validate(
        {"id": "inhabitants", "text": {"en": "How many?"}, "type": "number"}
    ),
    "deploys-ai": Question.model_validate({"id": "deploys-ai", "text": {"en": "AI?"}, "type": "bool"}),
    "size": Question.model_validate(
        {
            "id": "size",
            "text": {"en": "Size?"},
            "type": "choice",
            "choices": [{"id": "small", "text": {"en": "Small"}}, {"id": "large", "text": {"en": "Large"}}],
        }
    ),
}


def problems_of(condition: dict) -> list[str]:
    return condition_problems(Condition.model_validate(condition), QUESTIONS, "applies_if")


@pytest.mark.parametrize(
    "condition",
    [
        {"question": "inhabitants", "at_least": 100000},
        {"question": "inhabitants", "below": 5000},
        {"question": "deploys-ai", "equals": True},
        {"question": "deploys-ai", "equals": False},
        {"question": "size", "equals": "small"},
        {"question": "size", "in": ["small", "large"]},
        {"all": [{"question": "deploys-ai", "equals": True}, {"question": "size", "equals": "large"}]},
    ],
)
def test_a_condition_that_fits_its_questions_has_no_problem(condition):
    assert problems_of(condition) == []


def test_an_unknown_question_is_named_with_a_suggestion():
    (problem,) = problems_of({"question": "inhabitant", "at_least": 1})
    assert problem.startswith("applies_if: ")
    assert "'inhabitant'" in problem
    assert "inhabitants" in problem.split("'inhabitant'", 1)[1]


def test_a_number_question_compared_by_equals_is_a_problem():
    assert problems_of({"question": "inhabitants", "equals": 5}) == [
        "applies_if: question 'inhabitants' takes a number: compare it with at_least or below"
    ]


def test_a_yes_no_question_compared_with_text_is_a_problem():
    assert problems_of({"question": "deploys-ai", "equals": "yes"}) == [
        "applies_if: question 'deploys-ai' takes true or false: use equals: true or equals: false"
    ]


def test_a_choice_outside_the_allowed_ones_is_named():
    assert problems_of({"question": "size", "in": ["small", "huge"]}) == [
        "applies_if: question 'size' takes one of: small, large; got 'huge'"
    ]


def test_a_choice_question_without_a_test_says_how_to_test_it():
    assert problems_of({"question": "size", "at_least": 2}) == [
        "applies_if: question 'size' takes one of: small, large; use equals or in"
    ]


def test_every_test_of_a_nested_condition_is_checked():
    condition = {
        "any": [
            {"question": "inhabitants", "equals": 1},
            {"not": {"question": "deploys-ai", "equals": "no"}},
        ]
    }
    assert len(problems_of(condition)) == 2


def review_lines(root: Path) -> list[str]:
    cat = load_catalogue(root)
    return [w.message for w in cat.warnings if w.severity == REVIEW]


def warning_lines(root: Path) -> list[str]:
    return [w.message for w in load_catalogue(root).warnings if w.severity == "warning"]


def test_a_decentral_duty_due_on_a_transposition_deadline_is_a_warning(minimal):
    path = minimal / "act-b.yaml"
    text = path.read_text()
    path.write_text(
        text.replace(
            "  - id: transposition\n    kind: application", "  - id: transposition\n    kind: transposition"
        )
    )
    (found,) = [m for m in warning_lines(minimal) if "transposition deadline" in m]
    assert found.startswith(
        "obligations[0].milestone: 'act-b.connect' is due on the transposition deadline 2026-10-17"
    )
    assert "not gemeenten" in found


def test_the_minimal_catalogue_has_no_transposition_gap():
    assert not [m for m in warning_lines(MINIMAL) + review_lines(MINIMAL) if "transposition deadline" in m]


def test_an_effort_without_its_rationale_is_a_review_gap(minimal):
    path = minimal / "act-a.yaml"
    text = path.read_text()
    path.write_text(
        text.replace(
            "    effort_days: 3\n    effort_rationale: {en: Test fixture., nl: Testgegevens.}\n",
            "    effort_days: 3\n",
            1,
        )
    )
    assert "obligations[2].effort_days: say what the estimate rests on (effort_rationale)" in review_lines(
        minimal
    )


def test_an_obligation_without_nature_is_a_review_gap_naming_what_is_missing(minimal):
    path = minimal / "act-a.yaml"
    text = path.read_text()
    marker = "    lead_time_months: 0\n    nature: one-off\n    themes: [data]"
    assert marker in text
    path.write_text(text.replace(marker, "    themes: [data]"))
    assert "obligations[2]: obligation 'act-a.platform' has no nature, lead_time_months" in review_lines(
        minimal
    )


PRIMARY = "hosts:\n  - host: official.example\n    name: The official journal\n"


def test_without_a_list_of_primary_publishers_no_source_is_called_secondary(minimal):
    assert not [m for m in warning_lines(minimal) + review_lines(minimal) if "secondary sources" in m]


def test_facts_resting_only_on_secondary_sources_without_a_waiver_are_warnings(minimal):
    (minimal / "primary-sources.yaml").write_text(PRIMARY)
    gaps = [m for m in warning_lines(minimal) if "rests only on secondary sources" in m]
    assert any(
        m.startswith("act-a: the identity of act 'act-a' rests only on secondary sources (oj)") for m in gaps
    )
    assert any("obligation 'act-a.inventory'" in m for m in gaps)


def test_a_source_on_a_primary_publishers_host_or_sub_domain_is_no_gap(minimal):
    (minimal / "primary-sources.yaml").write_text(PRIMARY)
    for name in ("act-a.yaml", "act-b.yaml"):
        path = minimal / name
        path.write_text(path.read_text().replace("https://example.org/", "https://www.official.example/"))
    assert not [m for m in warning_lines(minimal) + review_lines(minimal) if "secondary sources" in m]
