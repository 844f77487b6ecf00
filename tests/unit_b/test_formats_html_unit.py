"""The one-page HTML roadmap: self-contained, in the view's language, catalogue text inert."""

from __future__ import annotations

import collections
import datetime as dt

import html5lib
from hypothesis import given, settings
from hypothesis import strategies as st

from planner.formats import html

from .builders import item, stage, view

HOSTILE = st.lists(
    st.sampled_from(
        ["<script>alert(1)</script>", "<img src=x onerror=y>", '"', "'", "&amp;", "<b>", "a", " ", "\n"]
    ),
    max_size=6,
).map("".join)


def parse(page: str):  # type: ignore[no-untyped-def]
    return html5lib.parse(page, namespaceHTMLElements=False)


def tags(page: str) -> collections.Counter[str]:
    return collections.Counter(el.tag for el in parse(page).iter())


@settings(deadline=None, max_examples=50, derandomize=True)
@given(HOSTILE)
def test_hostile_catalogue_text_adds_no_element_and_stays_text(title):
    clean = html.render(view(stage([item("a.x", title="plain", due=dt.date(2027, 1, 5))])))
    hostile = html.render(view(stage([item("a.x", title=title, act_title=title, due=dt.date(2027, 1, 5))])))
    assert tags(hostile) == tags(clean)
    if title.strip():
        assert " ".join(title.split()) in " ".join("".join(parse(hostile).itertext()).split())


def test_the_page_is_in_the_views_language():
    assert parse(html.render(view(lang="nl"))).get("lang") == "nl"
    assert parse(html.render(view(lang="en"))).get("lang") == "en"


def test_the_page_runs_no_script_and_fetches_nothing():
    root = parse(html.render(view(stage([item(due=dt.date(2027, 1, 5))]))))
    assert root.find(".//script") is None
    assert all(el.get("src") is None for el in root.iter())
    assert all(el.get("rel") != "stylesheet" for el in root.iter("link"))


def test_the_page_names_the_command_that_made_it():
    page = html.render(view())
    assert view().command("html") in page


def test_the_page_ends_in_one_newline():
    page = html.render(view())
    assert page.endswith("\n") and not page.endswith("\n\n")


def section_ids(page: str) -> list[str | None]:
    return [h2.get("id") for h2 in parse(page).iter("h2")]


def test_a_layers_page_starts_with_the_board_summary():
    assert section_ids(html.render(view(stage([item()]))))[0] == "board"


def test_the_whole_governments_page_has_no_board_but_a_section_between_layers():
    ids = section_ids(html.render(view(stage([item()]), layer="all", layer_name="All layers")))
    assert "board" not in ids
    assert "cross" in ids


def test_the_board_names_each_stage_over_capacity_with_its_load_against_the_capacity():
    from planner.view.model import StageLoad

    load = (StageLoad("2026-Q4", "gemeenten", 124.4, 120.0), StageLoad("2027-Q1", "gemeenten", 100.0, 120.0))
    page = html.render(view(stage([item()]), load=load))
    assert "<li>Over capacity in 2026-Q4 (124.4 of 120 person-days); the findings say why.</li>" in page
