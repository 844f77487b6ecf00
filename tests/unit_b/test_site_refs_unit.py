"""One language's view of the catalogue for the site: texts with their language, links, sources."""

from __future__ import annotations

import datetime as dt
import shutil

import pytest

from planner.errors import DataError
from planner.models import Text
from planner.site.refs import View, page_path

from ..conftest import MINIMAL
from .builders import site_view as view_of

AS_OF = dt.date(2026, 11, 28)


@pytest.fixture(scope="module")
def en() -> View:
    return view_of(MINIMAL, "en")


@pytest.mark.parametrize(
    ("kind", "folder"),
    [
        ("act", "acts"),
        ("obligation", "obligations"),
        ("layer", "layers"),
        ("theme", "themes"),
        ("package", "packages"),
    ],
)
def test_each_kind_of_page_has_its_folder(kind, folder):
    assert page_path(kind, "x") == f"{folder}/x.html"


def test_text_in_the_pages_language_is_not_a_fallback(en):
    local = en.local(Text(en="English", nl="Nederlands"))
    assert (local.text, local.lang, local.fallback) == ("English", "en", False)


def test_text_missing_in_the_pages_language_shows_the_other_marked_as_fallback(en):
    local = en.local(Text(nl="Alleen Nederlands"))
    assert (local.text, local.lang, local.fallback) == ("Alleen Nederlands", "nl", True)


def test_no_prose_is_none(en):
    assert en.prose(None) is None


def test_prose_is_safe_html_with_its_language(en):
    prose = en.prose(Text(en="<b>bold</b> *em*"))
    assert prose is not None
    assert prose.html == "<p>&lt;b&gt;bold&lt;/b&gt; <em>em</em></p>\n"
    assert (prose.lang, prose.fallback) == ("en", False)


def test_an_act_is_named_by_its_short_title(en):
    link = en.act_link("act-a")
    assert (link.href, link.text.text) == ("acts/act-a.html", "Act A")


def test_an_act_without_a_short_title_is_named_by_its_title(en):
    assert en.act_title("act-b").text == "Example directive B"


def test_a_layer_link_goes_to_the_layers_page_with_its_name(en):
    link = en.layer_link("gemeenten")
    assert (link.href, link.text.text) == ("layers/gemeenten.html", "Municipalities")


def test_an_obligation_reference_carries_its_act_and_due_date(en):
    ref = en.ob("act-a.assess")
    assert ref.href == "obligations/act-a.assess.html"
    assert ref.act == "act-a"
    assert ref.due == "2027-01-01"  # from the milestone it follows


def test_a_source_keeps_its_url_and_access_date(en):
    row = en.source("act-a", "oj")
    assert row is not None
    assert (row.key, row.url, row.accessed) == ("oj", "https://example.org/act-a", "2026-01-01")


def test_no_source_key_is_no_source(en):
    assert en.source("act-a", None) is None


def test_sources_are_listed_once_each_in_the_order_given(en):
    rows = en.sources("act-a", ["oj", "oj", "missing"])
    assert [r.key for r in rows] == ["oj"]


def test_themes_of_an_obligation_include_its_acts_in_catalogue_order(en):
    assert en.themes_of("act-a.platform") == ("security", "data")


def test_relations_list_each_relation_at_both_of_its_ends(en):
    kinds = {(kind, owner, target) for _, kind, owner, target, _ in en.relations["act-a.inventory"]}
    assert kinds == {("requires", "act-a.assess", "act-a.inventory")}
    assert any(owner == "act-b.connect" for _, _, owner, _, _ in en.relations["act-a.assess"])


def test_placements_give_each_obligation_its_rows_in_layer_order(en):
    rows = en.placements["act-a.inventory"]
    assert [row.layer.href for row in rows] == ["layers/rijk.html", "layers/gemeenten.html"]


def test_a_source_url_that_is_not_http_is_refused_by_the_catalogue_before_any_page(tmp_path):
    root = tmp_path / "cat"
    shutil.copytree(MINIMAL, root)
    path = root / "act-a.yaml"
    path.write_text(path.read_text().replace("url: https://example.org/act-a", "url: javascript:alert(1)"))
    with pytest.raises(DataError) as info:
        view_of(root, "en")
    assert [(p.line, p.message.startswith("sources.oj: url ")) for p in info.value.problems] == [(10, True)]
