"""Unit tests of planner.labels: the words formats and site share, defined once per language."""

from __future__ import annotations

import pytest

from planner.labels import FINDING, LANGS, STATUS, extend, vocabulary
from planner.schedule import STATUSES


def test_a_vocabulary_has_the_same_keys_in_every_language():
    table = vocabulary("status")
    assert set(table) == set(LANGS)
    assert len({frozenset(words) for words in table.values()}) == 1


@pytest.mark.parametrize("lang", LANGS)
def test_every_status_the_scheduler_gives_has_a_word(lang):
    assert set(STATUSES) <= set(STATUS[lang])


def test_status_words_differ_between_dutch_and_english():
    assert STATUS["nl"]["overdue"] != STATUS["en"]["overdue"]


def test_finding_words_exist_in_both_languages():
    assert FINDING["nl"] and FINDING["nl"].keys() == FINDING["en"].keys()


def test_extend_adds_own_words_and_keeps_the_shared_ones():
    shared = {"nl": {"a": "een"}, "en": {"a": "one"}}
    assert extend(shared, {"nl": {"b": "twee"}, "en": {"b": "two"}}) == {
        "nl": {"a": "een", "b": "twee"},
        "en": {"a": "one", "b": "two"},
    }


def test_extend_does_not_change_the_shared_table():
    shared = {"nl": {"a": "een"}, "en": {"a": "one"}}
    extend(shared, {"nl": {"b": "twee"}})
    assert shared == {"nl": {"a": "een"}, "en": {"a": "one"}}


def test_extend_refuses_a_word_that_repeats_a_shared_key():
    shared = {"nl": {"a": "een", "b": "bee"}, "en": {"a": "one"}}
    with pytest.raises(ValueError, match=r"nl: a, b is already a shared word"):
        extend(shared, {"nl": {"b": "twee", "a": "ander"}})
