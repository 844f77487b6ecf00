"""Properties of applicability conditions on random condition trees (hypothesis, derandomized)."""

from __future__ import annotations

from typing import Any

from hypothesis import given
from hypothesis import strategies as st

from planner.models import Condition
from tests.unit_a.builders import PROPERTY

QUESTIONS = ("a", "b", "c")

tests = st.one_of(
    st.builds(lambda q, v: {"question": q, "equals": v}, st.sampled_from(QUESTIONS), st.booleans()),
    st.builds(lambda q, n: {"question": q, "at_least": n}, st.sampled_from(QUESTIONS), st.integers(0, 5)),
    st.builds(lambda q, n: {"question": q, "below": n}, st.sampled_from(QUESTIONS), st.integers(0, 5)),
)
trees = st.recursive(
    tests,
    lambda inner: st.one_of(
        st.builds(lambda xs: {"all": xs}, st.lists(inner, min_size=1, max_size=3)),
        st.builds(lambda xs: {"any": xs}, st.lists(inner, min_size=1, max_size=3)),
        st.builds(lambda x: {"not": x}, inner),
    ),
    max_leaves=6,
)
answer = st.one_of(st.booleans(), st.integers(0, 5))
answers = st.dictionaries(st.sampled_from(QUESTIONS), answer)


def _condition(tree: dict[str, Any]) -> Condition:
    return Condition.model_validate(tree)


@PROPERTY
@given(tree=trees, given_answers=st.fixed_dictionaries({q: answer for q in QUESTIONS}))
def test_with_every_question_answered_a_condition_is_decided(tree, given_answers):
    assert _condition(tree).holds(given_answers) in (True, False)


@PROPERTY
@given(tree=trees, partial=answers)
def test_a_condition_is_undecided_only_when_a_question_it_reads_is_unanswered(tree, partial):
    cond = _condition(tree)
    if cond.holds(partial) is None:
        assert set(cond.questions()) - set(partial)


@PROPERTY
@given(tree=trees, partial=answers, extra=answers)
def test_a_decided_condition_stays_decided_whatever_else_is_answered(tree, partial, extra):
    cond = _condition(tree)
    decided = cond.holds(partial)
    if decided is not None:
        assert cond.holds({**extra, **partial}) is decided


@PROPERTY
@given(tree=trees, partial=answers)
def test_not_inverts_a_decided_condition_and_keeps_an_undecided_one_undecided(tree, partial):
    inner = _condition(tree).holds(partial)
    negated = _condition({"not": tree}).holds(partial)
    assert negated is (None if inner is None else not inner)


@PROPERTY
@given(tree=trees)
def test_every_test_reads_a_question_the_condition_lists(tree):
    cond = _condition(tree)
    assert [t.question for t in cond.tests()] == list(cond.questions())
