"""Organisation files: the contract of DESIGN.md, read and checked against the catalogue."""

from __future__ import annotations

from pathlib import Path

import pytest

from planner.errors import DataError, UsageError
from planner.loading import load_catalogue
from planner.models import Obligation
from planner.organisation.load import load_organisation
from planner.organisation.model import State
from planner.organisation.profile import applies, layer_profile

DATA = Path(__file__).parent / "data" / "organisation"
QUESTIONS = """questions:
  - id: q-ai
    text: {en: Uses high-risk AI?}
    type: bool
    source: law
    defaults:
      gemeenten: {answer: false, rationale: {en: Assumption for the test.}}
  - id: inhabitants
    text: {en: How many inhabitants?}
    type: number
    source: law
sources:
  law: {url: https://eur-lex.europa.eu/x, title: The law}
"""


@pytest.fixture
def cat(catalogue_with):  # type: ignore[no-untyped-def]
    return load_catalogue(catalogue_with({"questions.yaml": QUESTIONS}))


def errors(path: Path, cat) -> list[str]:  # type: ignore[no-untyped-def]
    with pytest.raises(DataError) as info:
        load_organisation(path, cat)
    return [p.format(cwd=path.parent) for p in info.value.problems]


def write(tmp_path: Path, text: str) -> Path:
    path = tmp_path / "org.yaml"
    path.write_text(text, encoding="utf-8")
    return path


def test_a_valid_file_gives_its_name_layer_and_capacity(cat):
    profile = load_organisation(DATA / "ok.yaml", cat)
    assert (profile.name, profile.layer, profile.capacity, profile.capacity_assumed) == (
        "Gemeente Voorbeeld",
        "gemeenten",
        120,
        False,
    )


def test_states_are_read_per_obligation(cat):
    states = load_organisation(DATA / "ok.yaml", cat).states
    assert {k: v.state for k, v in states.items()} == {
        "act-a.inventory": State.IN_PLACE,
        "act-a.assess": State.IN_PROGRESS,
    }


def test_own_answers_override_the_layer_default_and_are_not_assumed(cat):
    profile = load_organisation(DATA / "ok.yaml", cat)
    assert profile.answers["q-ai"] is True
    assert "q-ai" not in profile.assumed


def test_a_layer_profile_uses_the_default_answers_as_assumptions(cat):
    profile = layer_profile(cat, "gemeenten")
    assert (profile.answers, profile.assumed, profile.states) == ({"q-ai": False}, ("q-ai",), {})


def test_an_unknown_obligation_is_located(cat, tmp_path):
    path = write(tmp_path, "organisation: X\nlayer: gemeenten\nstatus:\n  act-a.inventry: {state: done}\n")
    assert errors(path, cat) == [
        "org.yaml:4:3: error: status: unknown obligation 'act-a.inventry' (did you mean "
        "'act-a.inventory'?); known: act-a.assess, act-a.inventory, act-a.platform, act-b.connect"
    ]


def test_an_obligation_of_another_layer_is_refused(cat, tmp_path):
    path = write(tmp_path, "organisation: X\nlayer: rijk\nstatus:\n  act-b.connect: {state: done}\n")
    assert errors(path, cat) == [
        "org.yaml:4:3: error: status: obligation 'act-b.connect' is not a duty of rijk"
    ]


def test_a_percent_over_100_is_an_error(cat, tmp_path):
    path = write(
        tmp_path,
        "organisation: X\nlayer: gemeenten\nstatus:\n  act-a.assess: {state: in-progress, percent: 140}\n",
    )
    assert "percent: Input should be less than or equal to 100" in errors(path, cat)[0]


def test_not_applicable_needs_a_reason(cat, tmp_path):
    path = write(
        tmp_path, "organisation: X\nlayer: gemeenten\nstatus:\n  act-a.assess: {state: not-applicable}\n"
    )
    assert "state 'not-applicable' needs a 'reason'" in errors(path, cat)[0]


def test_deferred_needs_a_date_and_a_decision(cat, tmp_path):
    path = write(
        tmp_path,
        "organisation: X\nlayer: gemeenten\nstatus:\n  act-a.assess: {state: deferred, until: 2027-06-30}\n",
    )
    assert "needs 'until' (a date) and 'decision'" in errors(path, cat)[0]


def test_an_answer_of_the_wrong_type_is_located(cat, tmp_path):
    path = write(tmp_path, "organisation: X\nlayer: gemeenten\nanswers: {inhabitants: many}\n")
    assert errors(path, cat) == ["org.yaml:3:24: error: answers.inhabitants: 'many' is not a number"]


def test_an_unknown_question_is_located(cat, tmp_path):
    path = write(tmp_path, "organisation: X\nlayer: gemeenten\nanswers: {q-a: true}\n")
    assert errors(path, cat)[0].startswith("org.yaml:3:11: error: answers: unknown question 'q-a'")


def test_a_missing_file_is_a_usage_error(cat, tmp_path):
    with pytest.raises(UsageError, match="does not exist"):
        load_organisation(tmp_path / "nope.yaml", cat)


def test_a_duty_without_condition_always_applies(cat):
    ob = next(iter(cat.obligations.values()))
    assert applies(ob, layer_profile(cat, "gemeenten")) is True


@pytest.mark.parametrize(("answer", "expected"), [(60000, False), (150000, True), (None, None)])
def test_a_threshold_condition_follows_the_answer(cat, answer, expected):
    ob = Obligation.model_validate(
        {
            "id": "act-a.x",
            "title": {"en": "x"},
            "roles": {"gemeenten": "addressee"},
            "applies_if": {"question": "inhabitants", "at_least": 100000},
        }
    )
    base = layer_profile(cat, "gemeenten")
    profile = base if answer is None else type(base)("gemeenten", answers={"inhabitants": answer})
    assert applies(ob, profile) is expected
