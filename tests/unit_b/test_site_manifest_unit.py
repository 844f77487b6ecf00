"""The incremental build's manifest and value digests."""

from __future__ import annotations

import copy
import dataclasses

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from planner.site.incremental import MANIFEST, Entry, Shard, digest, manifest_bytes, read_manifest

from ..conftest import write_tree


def site_with_manifest(root, files: dict[str, str], entries: dict[str, Entry], globals_key: str = "g"):  # type: ignore[no-untyped-def]
    write_tree(root, files)
    (root / MANIFEST).write_bytes(manifest_bytes(globals_key, entries))
    return root


def test_a_manifest_reads_back_its_globals_and_entries(tmp_path):
    entries = {"a.html": Entry("in", "out", 4), "b/c.html": Entry(None, "out2", 2)}
    site = site_with_manifest(tmp_path, {"a.html": "aaaa", "b/c.html": "cc"}, entries)
    assert read_manifest(site) == ("g", entries, {})


def test_an_entry_whose_file_changed_size_or_went_is_dropped(tmp_path):
    entries = {
        "a.html": Entry("in", "out", 4),
        "gone.html": Entry("in", "out", 1),
        "b.html": Entry("i", "o", 1),
    }
    site = site_with_manifest(tmp_path, {"a.html": "aaaa", "b.html": "longer now"}, entries)
    assert read_manifest(site) == ("g", {"a.html": entries["a.html"]}, {})


def test_no_manifest_means_a_full_build(tmp_path):
    assert read_manifest(tmp_path) is None


@pytest.mark.parametrize(
    "text",
    [
        "not json",
        '{"format": 999, "globals": "g", "files": {}}',
        '{"format": 1, "globals": 7, "files": {}}',
        '{"format": 2, "globals": "g", "files": {"a": [1]}}',
        '{"format": 2, "globals": "g", "files": []}',
        "[]",
    ],
)
def test_a_foreign_or_garbled_manifest_means_a_full_build(tmp_path, text):
    (tmp_path / MANIFEST).write_text(text)
    assert read_manifest(tmp_path) is None


def test_the_manifest_lists_files_in_path_order_whatever_the_order_given():
    one = manifest_bytes("g", {"b": Entry("1", "2", 3), "a": Entry("4", "5", 6)})
    two = manifest_bytes("g", {"a": Entry("4", "5", 6), "b": Entry("1", "2", 3)})
    assert one == two
    assert one.index(b'"a"') < one.index(b'"b"')


@dataclasses.dataclass(frozen=True)
class Record:
    name: str
    values: tuple[int, ...]


VALUES = st.recursive(
    st.none() | st.integers() | st.text(max_size=8) | st.booleans(),
    lambda inner: st.tuples(inner, inner) | st.lists(inner, max_size=3).map(tuple),
    max_leaves=8,
)


@settings(deadline=None, max_examples=50, derandomize=True)
@given(VALUES)
def test_equal_values_have_equal_digests_even_when_built_apart(value):
    assert digest(value) == digest(copy.deepcopy(value))


def test_shared_and_separate_equal_strings_digest_alike():
    shared = "x" * 20
    assert digest((shared, shared)) == digest(("x" * 20, "".join(["x"] * 20)))


def test_a_changed_field_of_a_record_changes_its_digest():
    assert digest(Record("a", (1, 2))) != digest(Record("a", (1, 3)))


def test_a_shard_of_the_search_index_reads_back_only_when_all_its_files_are_intact(tmp_path):
    shards = {"nl/00": Shard("k", {"pagefind/nl/00/a": 2}), "nl/01": Shard("j", {"pagefind/nl/01/b": 3})}
    write_tree(tmp_path, {"pagefind/nl/00/a": "aa", "pagefind/nl/01/b": "changed"})
    (tmp_path / MANIFEST).write_bytes(manifest_bytes("g", {}, shards))
    manifest = read_manifest(tmp_path)
    assert manifest is not None and manifest.search == {"nl/00": shards["nl/00"]}
