"""Unit tests of planner.mermaid_text: no catalogue text can add syntax to a Mermaid diagram."""

from __future__ import annotations

from hypothesis import given, seed, settings
from hypothesis import strategies as st

from planner.mermaid_text import label, neutralise

SYNTAX = ":#;%<>\r\n\t"
"""The characters Mermaid reads as syntax (statement, comment, directive, entity, task data)."""

HOSTILE = st.text(
    alphabet=st.sampled_from(
        [*SYNTAX, "a", " ", '"', "`", "{", "}", "[", "]", "é", "\u2028", "\u2029", "\x85", "\x0b", "\x1c"]
    )
)


@seed(20261207)
@settings(deadline=None, max_examples=50)
@given(st.one_of(HOSTILE, st.text()))
def test_neutralised_text_has_no_mermaid_syntax_and_no_line_break(text):
    result = neutralise(text)
    assert not any(ch in result for ch in SYNTAX)
    assert result.splitlines() == [result]  # no line separator of any kind (U+2028, U+0085, ...)
    assert result == result.strip() and "  " not in result


@seed(20261207)
@settings(deadline=None, max_examples=50)
@given(st.one_of(HOSTILE, st.text()))
def test_neutralised_text_is_never_empty(text):
    assert neutralise(text)


@seed(20261207)
@settings(deadline=None, max_examples=50)
@given(st.one_of(HOSTILE, st.text()))
def test_neutralising_twice_changes_nothing(text):
    once = neutralise(text)
    assert neutralise(once) == once


def test_plain_words_pass_unchanged():
    assert neutralise("Register high-risk AI (Art. 49)") == "Register high-risk AI (Art. 49)"


def test_a_directive_cannot_survive():
    assert "%%" not in neutralise("%%{init: {'theme': 'dark'}}%%")


@seed(20261207)
@settings(deadline=None, max_examples=50)
@given(st.one_of(HOSTILE, st.text()))
def test_a_label_is_one_quoted_string_with_no_quote_or_backtick_inside(text):
    result = label(text)
    assert result.startswith('"') and result.endswith('"') and len(result) >= 3
    inner = result[1:-1]
    assert '"' not in inner and "`" not in inner
    assert not any(ch in inner for ch in SYNTAX.replace("#", "").replace(";", ""))


def test_a_quote_in_a_label_becomes_an_entity():
    assert label('say "hi"') == '"say #quot;hi#quot;"'
