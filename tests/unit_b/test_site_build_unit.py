"""The pieces of a site that are not pages: options, the sitemap, article words, terms."""

from __future__ import annotations

import datetime as dt
import xml.etree.ElementTree as ET

import pytest

from planner.errors import UsageError
from planner.site.articles import article
from planner.site.build import BuildOptions, languages_page, page_specs, parse_base_url, parse_langs, sitemap
from planner.site.i18n import term
from planner.site.pipeline import MIN_PARALLEL, workers_wanted

from ..conftest import MINIMAL
from .test_site_refs_unit import view_of

AS_OF = dt.date(2026, 11, 28)


@pytest.mark.parametrize("value", ["de", "NL", "", "nl,en"])
def test_an_unknown_site_language_is_a_usage_error(value):
    with pytest.raises(UsageError, match=r"--lang: .* is not one of: nl, en, all"):
        parse_langs(value)


@pytest.mark.parametrize("value", ["example.org", "ftp://x.org", "https://x.org/a b", "https://x.org/<x>"])
def test_a_base_url_that_is_not_http_is_a_usage_error(value):
    with pytest.raises(UsageError, match="--base-url"):
        parse_base_url(value)


def test_a_base_url_keeps_its_final_slash_and_none_stays_none():
    assert parse_base_url("https://x.org/p/") == "https://x.org/p/"
    assert parse_base_url(None) is None


def test_the_sitemap_lists_each_page_once_sorted_and_escaped():
    data = sitemap("https://x.org/", ["b.html", "a&b.html"])
    root = ET.fromstring(data)
    locs = [el.text for el in root.iter("{http://www.sitemaps.org/schemas/sitemap/0.9}loc")]
    assert locs == ["https://x.org/a&b.html", "https://x.org/b.html"]


def test_the_languages_page_offers_each_language_in_its_own_name():
    page = languages_page(("nl", "en"))
    assert [(c.lang, c.name, c.href) for c in page.choices] == [
        ("nl", "Nederlands", "nl/index.html"),
        ("en", "English", "en/index.html"),
    ]


def test_the_option_key_changes_with_each_option():
    base = BuildOptions(AS_OF, search=False)
    others = [
        BuildOptions(dt.date(2026, 12, 1), search=False),
        BuildOptions(AS_OF, langs=("en",), search=False),
        BuildOptions(AS_OF, base_url="https://x.org/", search=False),
    ]
    assert all(other.key() != base.key() for other in others)


def test_an_organisation_files_content_is_part_of_the_option_key(tmp_path):
    path = tmp_path / "org.yaml"
    path.write_text("organisation: A\n")
    before = BuildOptions(AS_OF, search=False, organisations=(path,)).key()
    path.write_text("organisation: B\n")
    assert BuildOptions(AS_OF, search=False, organisations=(path,)).key() != before


def test_every_page_of_a_language_has_its_own_path():
    specs = page_specs(view_of(MINIMAL, "en"))
    paths = [s.path for s in specs]
    assert len(paths) == len(set(paths))
    assert {"index.html", "acts/act-a.html", "obligations/act-a.inventory.html", "layers/rijk.html"} <= set(
        paths
    )


def test_each_obligation_act_layer_and_theme_has_a_page():
    specs = page_specs(view_of(MINIMAL, "en"))
    kinds = {(s.kind, s.ident) for s in specs}
    assert {
        ("obligation", o) for o in ("act-a.inventory", "act-a.assess", "act-a.platform", "act-b.connect")
    } <= kinds
    assert {("act", "act-a"), ("act", "act-b"), ("layer", "rijk"), ("theme", "data")} <= kinds


def test_a_few_files_are_made_without_a_process_pool(monkeypatch):
    monkeypatch.setenv("PLANNER_BUILD_JOBS", "4")
    assert workers_wanted(MIN_PARALLEL - 1) == 1


def test_the_jobs_variable_sets_the_pool_size(monkeypatch):
    monkeypatch.setenv("PLANNER_BUILD_JOBS", "3")
    assert workers_wanted(MIN_PARALLEL + 100) in (1, 3)  # 1 where processes cannot fork


@pytest.mark.parametrize(
    ("reference", "lang", "expected"),
    [
        ("Art. 5, first paragraph, point (b)", "nl", "Art. 5, eerste lid, punt (b)"),
        ("Art. 5, first paragraph", "en", "Art. 5, first paragraph"),
        ("Annex III (not read)", "en", "Annex III"),
    ],
)
def test_article_words_are_in_the_pages_language_and_reviewer_notes_go(reference, lang, expected):
    assert article(reference, lang) == expected


def test_a_word_inside_a_name_is_not_translated():
    assert article("Paragraphs Act", "nl") == "Paragraphs Act"


def test_an_unknown_value_is_shown_as_it_is():
    assert term("status", "no-such-status", "nl") == "no-such-status"
