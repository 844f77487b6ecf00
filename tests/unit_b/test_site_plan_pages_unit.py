"""The typed contexts of the plan pages: the home page, layer pages and their downloads."""

from __future__ import annotations

import pytest

from planner.site.plan_pages import (
    DOWNLOAD_FORMATS,
    download_path,
    downloads,
    home_page,
    layer_card,
    layer_page,
)

from ..conftest import MINIMAL
from .builders import site_view


@pytest.fixture(scope="module")
def en():  # type: ignore[no-untyped-def]
    return site_view(MINIMAL, "en")


def test_every_layer_offers_each_roadmap_format_at_its_path(en):
    found = downloads(en, "gemeenten", "Municipalities")
    assert [(d.fmt, d.href) for d in found] == [(f, download_path("gemeenten", f)) for f in DOWNLOAD_FORMATS]


def test_a_layer_card_counts_its_organisations_and_items(en):
    card = layer_card(en, "gemeenten")
    assert (card.link.href, card.organisations, card.obligations) == ("layers/gemeenten.html", 342, 3)
    assert sum(c.count for c in card.counts) == card.obligations


def test_the_home_page_counts_the_catalogue(en):
    page = home_page(en)
    assert (page.acts, page.obligations) == (2, 4)
    assert [card.link.href for card in page.layers] == ["layers/rijk.html", "layers/gemeenten.html"]


def test_the_home_page_lists_due_next_soonest_first_with_the_layers_that_owe_it(en):
    rows = home_page(en).due_next
    dues = [r.due for r in rows]
    assert dues == sorted(dues)
    assert all(r.due >= "2026-11-28" for r in rows)
    (assess,) = [r for r in rows if r.obligation.id == "act-a.assess"]
    assert [link.href for link in assess.layers] == ["layers/rijk.html", "layers/gemeenten.html"]


def test_the_home_page_lists_what_already_applies_latest_first(en):
    page = home_page(en)
    dues = [r.due for r in page.overdue]
    assert dues == sorted(dues, reverse=True)
    assert page.overdue_obligations == len(page.overdue)
    assert page.overdue_items >= page.overdue_obligations


def test_a_layer_page_is_at_its_path_and_offers_its_downloads(en):
    page = layer_page(en, "rijk")
    assert page.path == "layers/rijk.html"
    assert {d.href for d in page.downloads} == {download_path("rijk", f) for f in DOWNLOAD_FORMATS}
