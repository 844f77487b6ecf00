"""The typed contexts of the catalogue pages: what an act, obligation and theme page shows."""

from __future__ import annotations

import pytest

from planner.site.catalogue_pages import (
    act_page,
    act_relations,
    acts_page,
    obligation_page,
    relations_of,
    theme_page,
    themes_page,
)

from ..conftest import MINIMAL
from .builders import site_view


@pytest.fixture(scope="module")
def en():  # type: ignore[no-untyped-def]
    return site_view(MINIMAL, "en")


def test_relations_are_read_from_the_obligation_both_ways(en):
    assert [(r.kind, r.other.id) for r in relations_of(en, "act-a.inventory")] == [
        ("required-by", "act-a.assess")
    ]
    kinds = {(r.kind, r.other.id) for r in relations_of(en, "act-a.assess")}
    assert kinds == {("requires", "act-a.inventory"), ("overlaps", "act-b.connect")}


def test_a_facility_is_seen_as_one_from_its_provider(en):
    assert [(r.kind, r.other.id) for r in relations_of(en, "act-a.platform")] == [
        ("facility-for", "act-b.connect")
    ]


def test_an_overlap_carries_its_degree(en):
    (row,) = [r for r in relations_of(en, "act-b.connect") if r.kind == "overlaps"]
    assert row.degree == "intersect"


def test_an_obligation_page_names_its_roles_per_layer_in_catalogue_order(en):
    page = obligation_page(en, "act-a.inventory")
    assert [(link.href, role) for link, role in page.roles] == [
        ("layers/rijk.html", "addressee"),
        ("layers/gemeenten.html", "addressee"),
    ]


def test_an_obligation_following_a_milestone_links_to_it_on_its_acts_page(en):
    page = obligation_page(en, "act-a.assess")
    assert page.due == "2027-01-01"
    assert page.milestone is not None and page.milestone.href == "acts/act-a.html#m-application"


def test_an_obligation_with_its_own_date_has_no_milestone_link(en):
    page = obligation_page(en, "act-a.inventory")
    assert (page.due, page.milestone) == ("2026-06-30", None)


def test_an_obligation_page_lists_its_place_in_each_layers_roadmap(en):
    page = obligation_page(en, "act-a.inventory")
    assert [row.layer.href for row in page.placements] == ["layers/rijk.html", "layers/gemeenten.html"]


def test_an_obligation_page_cites_its_sources(en):
    assert [s.key for s in obligation_page(en, "act-a.inventory").sources] == ["oj"]


def test_an_act_page_lists_its_obligations_and_milestones_in_catalogue_order(en):
    page = act_page(en, "act-a")
    assert [o.id for o in page.obligations] == ["act-a.inventory", "act-a.assess", "act-a.platform"]
    assert [m.id for m in page.milestones] == ["entry-into-force", "application"]


def test_an_act_page_groups_its_obligations_per_layer(en):
    page = act_page(en, "act-a")
    per = {group.layer.href: len(group.rows) for group in page.per_layer}
    assert per == {"layers/rijk.html": 3, "layers/gemeenten.html": 2}


def test_act_relations_are_read_from_the_act_and_name_the_other_act(en):
    rows = act_relations(en, "act-a")
    assert {(r.act.href, r.kind) for r in rows} == {
        ("acts/act-b.html", "facility-for"),
        ("acts/act-b.html", "overlaps"),
    }


def test_the_acts_page_lists_every_act(en):
    assert len(acts_page(en).acts) == 2


def test_the_themes_page_counts_acts_and_obligations_per_theme(en):
    cards = {card.link.href: (card.acts, card.obligations) for card in themes_page(en).themes}
    assert cards == {"themes/security.html": (1, 3), "themes/data.html": (2, 2)}


def test_a_theme_page_is_at_its_path(en):
    assert theme_page(en, "data").path == "themes/data.html"
