"""Field differences between two dumped catalogue entries, and each one in words."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from planner.diff.fields import LONG_TEXT, describe, differences, dump, dump_sources
from planner.models import Layer, Source


def test_equal_entries_have_no_differences():
    assert differences("", {"a": 1, "b": [1]}, {"a": 1, "b": [1]}) == []


def test_nested_differences_are_named_by_their_dotted_path_in_sorted_order():
    old = {"title": {"en": "A", "nl": "A"}, "effort": 1}
    new = {"title": {"en": "B", "nl": "A"}, "effort": 2}
    assert differences("", old, new) == [("effort", 1, 2), ("title.en", "A", "B")]


def test_a_list_of_ids_compares_as_a_set():
    assert differences("", {"themes": ["a", "b"]}, {"themes": ["b", "a"]}) == []


def test_a_list_of_ids_that_gains_one_is_one_difference_of_the_whole_list():
    assert differences("", {"themes": ["a"]}, {"themes": ["a", "b"]}) == [("themes", ["a"], ["a", "b"])]


def test_keyed_entries_are_matched_by_id_not_position():
    old = {"milestones": [{"id": "eif", "date": "2024-01-01"}, {"id": "app", "date": "2026-01-01"}]}
    new = {"milestones": [{"id": "app", "date": "2027-01-01"}, {"id": "eif", "date": "2024-01-01"}]}
    assert differences("", old, new) == [("milestones[app].date", "2026-01-01", "2027-01-01")]


def test_relations_are_keyed_by_their_target():
    old = {"requires": [{"to": "x.a", "rationale": "r"}]}
    new = {"requires": [{"to": "x.a", "rationale": "s"}]}
    assert differences("", old, new) == [("requires[x.a].rationale", "r", "s")]


def test_a_keyed_entry_that_appears_is_one_difference_from_none():
    new = {"milestones": [{"id": "app", "date": "2027-01-01"}]}
    assert differences("", {}, new) == [("milestones[app]", None, {"id": "app", "date": "2027-01-01"})]


def test_a_list_with_repeated_ids_is_compared_as_a_whole():
    old = {"l": [{"id": "a", "v": 1}, {"id": "a", "v": 2}]}
    new = {"l": [{"id": "a", "v": 1}]}
    assert differences("", old, new) == [("l", old["l"], new["l"])]


def test_a_source_is_compared_as_a_whole():
    old = {"sources": {"oj": {"url": "u", "title": "t", "accessed": "2026-01-01"}}}
    new = {"sources": {"oj": {"url": "u", "title": "t", "accessed": "2026-02-01"}}}
    assert differences("", old, new) == [("sources.oj", old["sources"]["oj"], new["sources"]["oj"])]


def test_sources_that_appear_are_listed_one_by_one():
    new = {"sources": {"a": {"url": "u"}, "b": {"url": "v"}}}
    assert [p for p, _, _ in differences("", {}, new)] == ["sources.a", "sources.b"]


DATA = st.recursive(
    st.none() | st.integers() | st.text(max_size=5),
    lambda inner: st.lists(inner, max_size=3) | st.dictionaries(st.sampled_from("abc"), inner, max_size=3),
    max_leaves=10,
)
FLAT = st.dictionaries(st.sampled_from("abcd"), st.integers(0, 3) | st.text("xy", max_size=2))


@settings(deadline=None, max_examples=50, derandomize=True)
@given(st.dictionaries(st.sampled_from("abcd"), DATA))
def test_an_entry_does_not_differ_from_itself(entry):
    assert differences("", entry, entry) == []


@settings(deadline=None, max_examples=50, derandomize=True)
@given(FLAT, FLAT)
def test_flat_entries_differ_in_exactly_the_keys_whose_values_differ(old, new):
    changed = sorted(k for k in old.keys() | new.keys() if old.get(k) != new.get(k))
    assert [path for path, _, _ in differences("", old, new)] == changed


@settings(deadline=None, max_examples=50, derandomize=True)
@given(st.dictionaries(st.sampled_from("abcd"), DATA), st.dictionaries(st.sampled_from("abcd"), DATA))
def test_every_difference_names_a_different_pair_of_values(old, new):
    for _, before, after in differences("", old, new):
        assert before != after


@pytest.mark.parametrize(
    ("path", "old", "new", "message"),
    [
        ("roles.rijk", "addressee", None, "roles: rijk removed (was addressee)"),
        ("roles.rijk", "addressee", "provider", "roles: rijk changed from addressee to provider"),
        ("themes", ["a"], ["a", "b"], "themes: b added"),
        ("themes", ["a", "b"], ["a"], "themes: b removed"),
        ("effort_days", None, 3.0, "effort days set to 3"),
        ("effort_days", 2.5, None, "effort days removed (was 2.5)"),
        ("title.en", "Old name", "New name", "title (en) changed from 'Old name' to 'New name'"),
        (
            "milestones[app].date",
            "2026-01-01",
            "2027-01-01",
            "milestone app date changed from 2026-01-01 to 2027-01-01",
        ),
        ("needs_facility[x.a].rationale", "a", "b", "needs facility x.a rationale changed from a to b"),
    ],
)
def test_describe_says_what_happened_to_the_field(path, old, new, message):
    assert describe(path, old, new) == message


def test_a_long_text_is_said_to_change_without_quoting_it():
    assert describe("description.en", "x" * (LONG_TEXT + 1), "y") == "description (en) changed"


def test_a_text_on_several_lines_is_said_to_change_without_quoting_it():
    assert describe("description.en", "one\ntwo", "one") == "description (en) changed"


def test_a_record_that_appears_says_added_with_its_date():
    value = {"id": "app", "date": "2027-01-01"}
    assert describe("milestones[app]", None, value) == "milestone app added (2027-01-01)"


def test_a_record_that_goes_says_removed():
    assert describe("milestones[app]", {"id": "app"}, None) == "milestone app removed"


def test_a_source_with_a_new_address_is_replaced():
    old = {"url": "https://a", "title": "A", "accessed": "2026-01-01"}
    new = {"url": "https://b", "title": "B", "accessed": "2026-01-01"}
    assert describe("sources.oj", old, new) == "source oj replaced: now B (https://b)"


def test_a_source_read_again_says_only_the_access_date_moved():
    old = {"url": "https://a", "title": "A", "accessed": "2026-01-01"}
    new = {**old, "accessed": "2026-03-01"}
    assert describe("sources.oj", old, new) == "source oj: accessed changed from 2026-01-01 to 2026-03-01"


def test_dump_leaves_out_empty_fields_and_the_dropped_ones():
    layer = Layer.model_validate({"id": "rijk", "name": {"en": "Central"}, "organisations": 1})
    data = dump(layer, "organisations")
    assert data["id"] == "rijk"
    assert "organisations" not in data
    assert None not in data.values()


def test_dump_sources_of_none_is_empty():
    assert dump_sources(None) == {}


def test_dump_sources_dumps_each_source_by_key():
    source = Source.model_validate({"url": "https://example.org", "title": "T", "accessed": "2026-01-01"})
    assert (
        dump_sources({"oj": source})
        == {"oj": {"url": "https://example.org/", "title": "T", "accessed": "2026-01-01"}}
        or dump_sources({"oj": source})["oj"]["title"] == "T"
    )
