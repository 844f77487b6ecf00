"""Pagefind's index made deterministic: the CBOR codec and the canonical rewrite of its files."""

from __future__ import annotations

import gzip
import json

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from planner.site.search_canon import SIGNATURE, canonical, decode, encode

CBOR = st.recursive(
    st.none()
    | st.booleans()
    | st.integers(-(2**64), 2**64 - 1)
    | st.binary(max_size=20)
    | st.text(max_size=20),
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(st.text(max_size=5), inner, max_size=4),
    max_leaves=15,
)


@settings(deadline=None, max_examples=50, derandomize=True)
@given(CBOR)
def test_decoding_an_encoded_value_gives_it_back(value):
    assert decode(encode(value)) == value


@pytest.mark.parametrize(
    ("value", "hex_bytes"),
    [
        (0, "00"),
        (23, "17"),
        (24, "1818"),
        (1000000, "1a000f4240"),
        (-1, "20"),
        (-1000, "3903e7"),
        ("a", "6161"),
        ([1, 2, 3], "83010203"),
        ({"a": 1}, "a1616101"),
        (True, "f5"),
        (None, "f6"),
        (b"\x01", "4101"),
    ],
)
def test_encoding_is_the_shortest_form_rfc_8949_gives(value, hex_bytes):
    assert encode(value).hex() == hex_bytes


def test_a_number_beyond_64_bits_cannot_be_encoded():
    with pytest.raises(ValueError, match="too large"):
        encode(2**64)


def test_a_float_cannot_be_encoded():
    with pytest.raises(TypeError, match="float"):
        encode(1.5)


def test_a_cbor_type_pagefind_does_not_write_is_refused():
    with pytest.raises(ValueError, match="major type 6"):
        decode(bytes([0xC0, 0x00]))  # a tagged item


def pagefind_file(value: object) -> bytes:
    return gzip.compress(SIGNATURE + encode(value), mtime=0)


def read_pagefind(blob: bytes) -> object:
    return decode(gzip.decompress(blob)[len(SIGNATURE) :])


def index(values: list[list[object]]) -> dict[str, bytes]:
    """A tiny Pagefind output: one filter file, the metadata naming it, and the entry naming that."""
    return {
        "pagefind/filter/en_1111111.pf_filter": pagefind_file(["theme", values]),
        "pagefind/pagefind.en_2222222.pf_meta": pagefind_file(["1.5", [["theme", "en_1111111"]]]),
        "pagefind/pagefind-entry.json": json.dumps({"languages": {"en": {"hash": "en_2222222"}}}).encode(),
        "pagefind/other.js": b"kept as it is",
    }


def test_filter_values_in_any_order_give_the_same_bytes():
    one = canonical(index([["b", [2]], ["a", [1]]]))
    two = canonical(index([["a", [1]], ["b", [2]]]))
    assert one == two


def test_the_filter_values_are_sorted_inside_the_renamed_file():
    out = canonical(index([["b", [2]], ["a", [1]]]))
    (name,) = [p for p in out if p.endswith(".pf_filter")]
    assert read_pagefind(out[name]) == ["theme", [["a", [1]], ["b", [2]]]]


def test_renamed_files_keep_their_language_prefix_and_hash_length():
    out = canonical(index([["b", [2]], ["a", [1]]]))
    (name,) = [p for p in out if p.endswith(".pf_filter")]
    assert name.startswith("pagefind/filter/en_")
    assert len(name.removesuffix(".pf_filter").rsplit("_", 1)[1]) == 7


def test_the_metadata_and_the_entry_point_name_the_renamed_files():
    out = canonical(index([["b", [2]], ["a", [1]]]))
    (filter_path,) = [p for p in out if p.endswith(".pf_filter")]
    (meta_path,) = [p for p in out if p.endswith(".pf_meta")]
    filter_hash = filter_path.rsplit("/", 1)[1].removesuffix(".pf_filter")
    meta_hash = meta_path.rsplit("pagefind.", 1)[1].removesuffix(".pf_meta")
    assert read_pagefind(out[meta_path]) == ["1.5", [["theme", filter_hash]]]
    assert json.loads(out["pagefind/pagefind-entry.json"])["languages"]["en"]["hash"] == meta_hash


def test_other_files_pass_through_unchanged():
    assert canonical(index([["a", [1]]]))["pagefind/other.js"] == b"kept as it is"


def test_a_file_without_the_pagefind_signature_is_refused():
    files = {"pagefind/filter/en_1111111.pf_filter": gzip.compress(b"something else")}
    with pytest.raises(ValueError, match="not a Pagefind file"):
        canonical(files)


@settings(deadline=None, max_examples=50, derandomize=True)
@given(
    st.lists(
        st.tuples(st.text("abc", min_size=1, max_size=3), st.lists(st.integers(0, 99), max_size=3)),
        max_size=5,
    )
)
def test_canonical_output_is_canonical_already(values):
    once = canonical(index([list(v) for v in values]))
    assert canonical(once) == once
