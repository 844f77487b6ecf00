"""SVG pictures: hostile text stays text, labels are shortened to fit, numbers are stable."""

from __future__ import annotations

import xml.etree.ElementTree as ET

from hypothesis import given, settings
from hypothesis import strategies as st

from planner.site.svg import CHAR_WIDTH, fit, frame, num

SVG = "{http://www.w3.org/2000/svg}"
# what XML 1.0 can hold (no control characters, no U+FFFE/U+FFFF), markup characters among it
XML_TEXT = st.text(
    st.characters(min_codepoint=0x20, max_codepoint=0xFFFD, exclude_categories=("Cs",))
    | st.sampled_from("<>&\"'")
)


@settings(deadline=None, max_examples=50, derandomize=True)
@given(XML_TEXT, XML_TEXT, XML_TEXT)
def test_a_frames_title_and_description_are_text_whatever_they_hold(ident, title, desc):
    root = ET.fromstring(frame(ident or "p", 10, 10, title, desc, ["<g/>"]))
    assert root.get("id") == (ident or "p")
    assert root.find(f"{SVG}title").text or title == ""
    assert (root.find(f"{SVG}desc").text or "") == desc
    assert [child.tag for child in root] == [f"{SVG}title", f"{SVG}desc", f"{SVG}g"]


@settings(deadline=None, max_examples=50, derandomize=True)
@given(st.text(max_size=80), st.floats(10, 400), st.sampled_from([10.0, 12.0, 14.0]))
def test_a_fitted_label_is_within_its_width_and_starts_like_the_text(text, width, size):
    out = fit(text, width, size)
    limit = max(1, int(width / (size * CHAR_WIDTH)))
    assert len(out) <= max(limit, 1)
    if out != text:
        assert out.endswith("…")
        assert text.startswith(out[:-1])


@settings(deadline=None, max_examples=50, derandomize=True)
@given(st.floats(-1e6, 1e6, allow_nan=False))
def test_numbers_have_at_most_one_decimal_and_no_negative_zero(value):
    text = num(value)
    assert text != "-0"
    assert len(text.partition(".")[2]) <= 1
    assert abs(float(text) - value) <= 0.05 + 1e-9 * abs(value)


def test_a_picture_with_a_link_is_a_group_and_one_without_an_image():
    assert ET.fromstring(frame("p", 1, 1, "t", "d", ["<g/>"])).get("role") == "img"
    linked = frame("p", 1, 1, "t", "d", ['<a href="x.html"><text>x</text></a>'])
    assert ET.fromstring(linked).get("role") == "group"


def test_the_picture_is_named_by_its_title_and_description():
    root = ET.fromstring(frame("pic", 1, 1, "t", "d", []))
    assert root.get("aria-labelledby") == "pic-title pic-desc"
