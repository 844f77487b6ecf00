"""The word API over the gettext catalogues: languages, plurals, counts, dates."""

from __future__ import annotations

import copy
import datetime as dt
import pickle

import pytest

from planner.i18n import (
    LANGS,
    Phrase,
    UnknownWord,
    contexts,
    count_of,
    format_date,
    gettext,
    is_plural,
    ngettext,
    phrase,
    pick,
    words,
)


def test_an_unknown_language_is_refused_with_the_choices():
    with pytest.raises(ValueError, match="choose from nl, en"):
        gettext("de", "status", "overdue")


def test_an_unknown_language_for_a_date_is_refused():
    with pytest.raises(ValueError, match="unknown language 'fr'"):
        format_date("2027-01-01", "fr")


def test_an_unknown_key_names_the_language_key_and_context():
    with pytest.raises(UnknownWord, match="en: no word for 'no-such-key' in context 'status'"):
        gettext("en", "status", "no-such-key")


def test_an_unknown_plural_key_is_an_error_too():
    with pytest.raises(UnknownWord):
        ngettext("nl", "site", "no-such-key", 2)


def test_is_plural_tells_a_plural_key_from_a_plain_one():
    assert is_plural("site", "obligations_n")
    assert not is_plural("status", "overdue")


def test_is_plural_of_an_unknown_key_is_unknown_word():
    with pytest.raises(UnknownWord):
        is_plural("status", "no-such-key")


def test_words_of_an_unknown_context_is_unknown_word():
    with pytest.raises(UnknownWord, match="no context 'no-such-context'"):
        words("nl", "no-such-context")


def test_words_gives_plural_keys_as_phrases_and_plain_keys_as_text():
    site = words("en", "site")
    assert isinstance(site["obligations_n"], Phrase)
    assert not isinstance(words("en", "status")["overdue"], Phrase)


def test_every_context_has_words_in_every_language():
    for context in contexts():
        for lang in LANGS:
            assert words(lang, context)


def test_count_of_passes_over_text_fields_before_the_number():
    values = {"stage": "2027-Q1", "layer": "rijk", "count": 3}
    assert count_of("roadmap", "stage_summary", values) == 3


def test_count_of_takes_the_first_number_in_english_field_order():
    assert count_of("site", "picture_lanes", {"arrows": 9, "stages": 4, "lanes": 1}) == 1


def test_count_of_does_not_count_a_boolean():
    with pytest.raises(ValueError, match="no whole number"):
        count_of("site", "obligations_n", {"n": True})


def test_phrase_picks_the_plural_form_from_the_values():
    one = phrase("en", "site", "picture_lanes", lanes=1, stages=4, arrows=2)
    many = phrase("en", "site", "picture_lanes", lanes=2, stages=4, arrows=2)
    assert one.startswith("1 lane ")
    assert many.startswith("2 lanes ")


def test_phrase_of_a_plain_key_is_its_text_filled_in():
    assert phrase("en", "roadmap", "title", name="X") == gettext("en", "roadmap", "title", name="X")


def test_a_phrase_as_text_is_its_unfilled_plural_form():
    assert str(Phrase("en", "site", "obligations_n")) == ngettext("en", "site", "obligations_n", 2)


def test_a_phrase_formats_with_the_form_that_fits_its_count():
    text = Phrase("nl", "site", "obligations_n")
    assert text.format(n=1) == "1 verplichting"
    assert text.format(n=5) == "5 verplichtingen"


def test_pick_leaves_plain_text_alone():
    assert pick("plain {n}", {"n": 1}) == "plain {n}"


def test_pick_chooses_a_phrases_form():
    assert pick(Phrase("en", "site", "obligations_n"), {"n": 1}) == ngettext("en", "site", "obligations_n", 1)


def test_a_phrase_survives_copy_and_pickle_as_a_phrase():
    text = Phrase("en", "site", "obligations_n")
    for again in (copy.deepcopy(text), pickle.loads(pickle.dumps(text))):
        assert isinstance(again, Phrase)
        assert again.format(n=1) == text.format(n=1)


def test_format_date_takes_a_date_or_an_iso_string_alike():
    assert format_date("2027-03-05", "en") == format_date(dt.date(2027, 3, 5), "en")


def test_format_date_follows_the_language():
    assert format_date("2027-03-05", "nl") == "5 maart 2027"
    assert format_date("2027-03-05", "en") == "5 March 2027"


def test_format_date_takes_a_cldr_pattern():
    assert format_date("2027-03-05", "en", "yyyy-MM") == "2027-03"
