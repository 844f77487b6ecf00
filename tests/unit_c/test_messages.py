"""Unit tests of planner.messages: a sentence is English text that can be told again in Dutch."""

from __future__ import annotations

import copy
import datetime as dt
import pickle

from planner.messages import Msg, Seq, render, render_all


def late(**overrides):  # type: ignore[no-untyped-def]
    args = {"facility": "x.f", "due": dt.date(2027, 1, 2), "waiting": "x.w", "waiting_due": "2026-12-31"}
    return Msg("facility-late", **{**args, **overrides})


def test_a_message_is_its_english_sentence():
    msg = late()
    assert isinstance(msg, str)
    assert str(msg) == msg.render("en")


def test_a_message_renders_in_dutch_with_the_same_facts():
    msg = late()
    dutch = msg.render("nl")
    assert dutch != str(msg)
    assert all(fact in dutch for fact in ("x.f", "x.w", "2027-01-02", "2026-12-31"))


def test_a_date_argument_is_written_as_iso():
    assert "2027-01-02" in late(due=dt.date(2027, 1, 2))


def test_a_whole_float_argument_loses_its_decimals():
    assert late(waiting_due=2.0).endswith("(2)")
    assert late(waiting_due=2.5).endswith("(2.5)")


def test_the_count_picks_the_plural_form():
    one, two = Msg("chain", count=1, chain="c"), Msg("chain", count=2, chain="c")
    assert one.replace("1", "N") != two.replace("2", "N")


def blocker(layers: Seq, providers: object = "rijk") -> Msg:
    return Msg("blocker", count=1, layers=layers, providers=providers, facility="x.f")


def test_a_sequence_is_joined_with_its_separator():
    assert "rijk, gemeenten" in blocker(Seq(["rijk", "gemeenten"]))


def test_a_word_separator_is_translated():
    msg = blocker(Seq(["rijk", "gemeenten"], " after "))
    assert "rijk after gemeenten" in msg
    assert "rijk after gemeenten" not in msg.render("nl")
    assert "rijk" in msg.render("nl") and "gemeenten" in msg.render("nl")


def test_a_message_inside_a_message_follows_the_language():
    inner = Msg("its-provider")
    outer = blocker(Seq(["gemeenten"]), providers=inner)
    assert str(inner) in outer
    assert inner.render("nl") in outer.render("nl")


def test_a_copied_or_pickled_message_still_renders_in_dutch():
    msg = late()
    for again in (copy.deepcopy(msg), pickle.loads(pickle.dumps(msg))):
        assert isinstance(again, Msg)
        assert (again.key, again.render("nl")) == (msg.key, msg.render("nl"))


def test_render_leaves_plain_text_alone():
    assert render("written by hand", "nl") == "written by hand"


def test_render_all_translates_messages_anywhere_in_the_data():
    msg = late()
    data = {"reasons": (msg, "plain"), "nested": {"m": [msg]}, "n": 3, "none": None}
    assert render_all(data, "nl") == {
        "reasons": [msg.render("nl"), "plain"],
        "nested": {"m": [msg.render("nl")]},
        "n": 3,
        "none": None,
    }


def test_render_all_gives_plain_strings_not_messages():
    (text,) = render_all([late()], "en")
    assert type(text) is str
