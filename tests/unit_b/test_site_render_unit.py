"""The site's Jinja environment and its links: escaping, strictness, words in the page's language."""

from __future__ import annotations

import posixpath
from dataclasses import dataclass

import jinja2
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from planner.site.context import Link, Local, ObligationRef, relative_url
from planner.site.render import SiteInfo, environment, local

from ..conftest import write_tree


@dataclass(frozen=True)
class FakePage:
    path: str


def render(tmp_path, template: str, page: str = "acts/a.html", lang: str = "en", **values) -> str:  # type: ignore[no-untyped-def]
    write_tree(tmp_path, {"t.html": template})
    site = SiteInfo(lang, ("nl", "en"), f"{lang}/", "2026-11-28", "0")
    return environment(tmp_path).get_template("t.html").render(page=FakePage(page), site=site, **values)


SEGMENT = st.sampled_from(["a", "b", "acts", "x.html"])
PATHS = st.lists(SEGMENT, min_size=1, max_size=4).map("/".join)


@settings(deadline=None, max_examples=50, derandomize=True)
@given(PATHS, PATHS)
def test_a_relative_link_resolves_from_the_page_to_its_target(page, target):
    rel = relative_url(page, target)
    assert posixpath.normpath(posixpath.join(posixpath.dirname(page), rel)) == posixpath.normpath(target)


def test_a_fragment_of_the_same_page_is_a_bare_fragment():
    assert relative_url("acts/a.html", "acts/a.html#top") == "#top"


def test_a_fragment_to_another_page_is_kept():
    assert relative_url("acts/a.html", "acts/b.html#top") == "b.html#top"


def test_values_are_escaped_by_default(tmp_path):
    assert render(tmp_path, "{{ x }}", x="<script>") == "&lt;script&gt;"


def test_an_undefined_name_is_an_error_not_an_empty_string(tmp_path):
    with pytest.raises(jinja2.UndefinedError):
        render(tmp_path, "{{ missing }}")


def test_numbers_drop_needless_decimals_and_take_a_decimal_comma_in_dutch(tmp_path):
    template = "{{ a | number }} {{ b | number }} {{ c | number }}"
    assert render(tmp_path, template, a=2.0, b=0.5, c=None) == "2 0.5 "
    assert render(tmp_path, template, lang="nl", a=2.0, b=0.5, c=None) == "2 0,5 "


def test_a_date_is_written_out_in_a_time_element(tmp_path):
    out = render(tmp_path, "{{ d | date }}|{{ n | date }}", lang="nl", d="2027-01-01", n=None)
    assert out == '<time datetime="2027-01-01">1 januari 2027</time>|'


def test_fill_escapes_the_values_it_puts_in(tmp_path):
    assert render(tmp_path, "{{ 'Hi {name}' | fill(name=n) }}", n="<b>") == "Hi &lt;b&gt;"


def test_an_obligation_link_is_relative_and_its_title_escaped(tmp_path):
    ref = ObligationRef("a.x", "obligations/a.x.html", Local("<i>T</i>", "en"), "a", Local("A", "en"), None)
    out = render(tmp_path, "{{ obl(ref) }}", page="acts/a.html", ref=ref)
    assert out == '<a href="../obligations/a.x.html">&lt;i&gt;T&lt;/i&gt;</a>'


def test_a_site_link_marks_text_in_the_other_language(tmp_path):
    target = Link("themes/t.html", Local("Veiligheid", "nl", fallback=True))
    out = render(tmp_path, "{{ link(target) }}", page="index.html", target=target)
    assert out.startswith('<a href="themes/t.html"><span lang="nl">Veiligheid</span>')


def test_a_status_label_always_writes_the_word(tmp_path):
    out = render(tmp_path, "{{ status('overdue') }}", lang="nl")
    assert out == '<span class="status status-overdue">te laat</span>'


def test_the_same_page_in_another_language_is_linked_across_the_language_folders(tmp_path):
    assert render(tmp_path, "{{ lang_url('nl') }}", page="acts/a.html") == "../../nl/acts/a.html"


def test_an_asset_is_linked_from_the_site_root(tmp_path):
    assert render(tmp_path, "{{ asset('site.css') }}", page="acts/a.html") == "../../assets/site.css"


def test_local_text_in_the_pages_language_is_only_escaped():
    assert str(local(Local("a & b", "en"))) == "a &amp; b"
