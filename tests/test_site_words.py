"""Words on the site: source titles rather than keys, article references in the page's
language, and nothing meant for the catalogue's reviewers on a public page."""

from __future__ import annotations

import datetime as dt

import pytest

from planner.loading import load_catalogue
from planner.site.articles import article
from planner.site.build import BuildOptions, build_site

from .conftest import MINIMAL

AS_OF = dt.date(2026, 11, 28)


def build(root):  # type: ignore[no-untyped-def]
    files = build_site(load_catalogue(root), BuildOptions(AS_OF))
    return {path: data.decode("utf-8") for path, data in files.items() if path.endswith(".html")}


@pytest.mark.parametrize(
    ("english", "dutch"),
    [
        ("Art. 113, first paragraph", "Art. 113, eerste lid"),
        ("Art. 6(3), second subparagraph", "Art. 6(3), tweede alinea"),
        (
            "Art. 113, third paragraph, point (c)(i), as amended",
            "Art. 113, derde lid, punt (c)(i), zoals gewijzigd",
        ),
        ("Chapter IV (Art. 35-51)", "Hoofdstuk IV (Art. 35-51)"),
        ("Art. 3.3(1) and (2)", "Art. 3.3(1) en (2)"),
        ('Title ("of 13 December 2023")', 'Titel ("van 13 december 2023")'),
    ],
)
def test_article_references_are_written_in_dutch(english, dutch):
    assert article(english, "nl") == dutch


def test_article_references_stay_as_written_in_english():
    assert article("Art. 113, first paragraph", "en") == "Art. 113, first paragraph"


def test_names_of_dutch_acts_are_left_alone():
    assert article("Awb art. 2:10(2)", "nl") == "Awb art. 2:10(2)"
    assert article("Wet van 28 april 1995 (title)", "nl") == "Wet van 28 april 1995 (titel)"


@pytest.mark.parametrize("lang", ["nl", "en"])
def test_remarks_for_reviewers_are_left_out_of_references(lang):
    assert article("Inwerkingtredingsbesluit Wmebv (not read)", lang) == "Inwerkingtredingsbesluit Wmebv"


def test_a_milestone_names_its_source_by_title_not_key():
    page = build(MINIMAL)["nl/acts/act-a.html"]
    assert '<a href="#source-oj">Act A in the Official Journal</a>' in page
    assert ">oj</a>" not in page


def test_obligation_articles_are_in_the_page_language(catalogue_with):
    root = catalogue_with({})
    text = (root / "act-a.yaml").read_text(encoding="utf-8")
    (root / "act-a.yaml").write_text(
        text.replace('articles: ["Art. 2"]', 'articles: ["Art. 113, first paragraph"]'), encoding="utf-8"
    )
    site = build(root)
    assert "Art. 113, eerste lid" in site["nl/obligations/act-a.inventory.html"]
    assert "Art. 113, first paragraph" in site["en/obligations/act-a.inventory.html"]
    assert "first paragraph" not in site["nl/obligations/act-a.inventory.html"]


def test_a_layer_page_shows_the_count_s_source_but_not_the_reviewers_note(catalogue_with):
    root = catalogue_with({})
    text = (root / "layers.yaml").read_text(encoding="utf-8")
    note = "    organisations_note: {en: Reviewers should confirm against CBS., nl: Reviewers moeten dit nagaan.}\n"
    (root / "layers.yaml").write_text(
        text.replace("    organisations: 342\n", "    organisations: 342\n" + note), encoding="utf-8"
    )
    site = build(root)
    for lang in ("nl", "en"):
        page = site[f"{lang}/layers/gemeenten.html"]
        assert "Reviewers" not in page
        assert '<a href="https://example.org/census">Example census</a>' in page
