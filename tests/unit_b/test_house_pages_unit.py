"""The house pages: organisation page names, the house page's links, scenario pages."""

from __future__ import annotations

import re
from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st

from planner.site.house_pages import (
    house_page,
    organisation_path,
    organisation_slugs,
    scenario_page,
    scenario_path,
    sorted_scenarios,
)

from ..conftest import MINIMAL
from .builders import site_view

NAMES = st.lists(
    st.text(alphabet="aX -_.2/é", min_size=1, max_size=8)
    | st.sampled_from(["x", "x-2", "X", "x 2", "..", "-"]),
    max_size=6,
)


@settings(deadline=None, max_examples=50, derandomize=True)
@given(NAMES)
def test_every_organisation_file_gets_its_own_safe_page_name(names):
    paths = tuple(Path(f"folder{i}") / f"{name}.yaml" for i, name in enumerate(names))
    slugs = [slug for slug, _ in organisation_slugs(paths)]
    assert len(set(slugs)) == len(slugs)
    assert all(re.fullmatch(r"[a-z0-9]+(?:-[a-z0-9]+)*", slug) for slug in slugs)


def test_a_numbered_name_does_not_take_the_page_of_a_file_so_named():
    paths = (Path("a/x.yaml"), Path("b/x.yaml"), Path("c/x-2.yaml"))
    slugs = [slug for slug, _ in organisation_slugs(paths)]
    assert len(set(slugs)) == 3


def test_the_page_names_keep_the_order_of_the_files():
    paths = (Path("b.yaml"), Path("a.yaml"))
    assert [p for _, p in organisation_slugs(paths)] == list(paths)


def test_a_name_with_no_letters_or_digits_is_called_organisation():
    assert organisation_slugs((Path("___.yaml"),))[0][0] == "organisation"


def test_pages_go_in_their_folders():
    assert (scenario_path("delay-b"), organisation_path("x")) == (
        "scenarios/delay-b.html",
        "organisations/x.html",
    )


def test_the_house_page_links_every_scenario_by_id():
    view = site_view(MINIMAL, "en")
    page = house_page(view)
    assert [(s.ident, s.href) for s in page.scenarios] == [("delay-b", "scenarios/delay-b.html")]
    assert [s.id for s in sorted_scenarios(view)] == ["delay-b"]


def test_the_house_page_links_each_organisation_page():
    page = house_page(site_view(MINIMAL, "en"), (("gemeente-x", Path("orgs/Gemeente X.yaml")),))
    assert [(o.href, o.title) for o in page.organisations] == [
        ("organisations/gemeente-x.html", "Gemeente X")
    ]


def test_the_house_page_body_has_no_title_of_its_own():
    assert not house_page(site_view(MINIMAL, "en")).body.startswith("<h1")


def test_a_scenario_page_shows_what_moves_per_layer():
    page = scenario_page(site_view(MINIMAL, "en"), "delay-b")
    assert page.path == "scenarios/delay-b.html"
    assert page.title.text == "Proposal to delay B"
    assert "<code>act-b.connect</code>" in page.body
