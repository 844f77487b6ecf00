"""The Markdown roadmap: catalogue text never becomes markup, a table row never gains a column."""

from __future__ import annotations

import datetime as dt

from hypothesis import given, settings
from hypothesis import strategies as st
from markdown_it import MarkdownIt

from planner.formats import md

from .builders import Q1, item, stage, view

PARSER = MarkdownIt("commonmark", {"html": True}).enable("table")
HOSTILE = st.lists(
    st.sampled_from(
        [
            *("<b>", "</b>", "[x](https://e.org)", "![i](https://e.org/i.png)", "\n# h", "|", "`", "*x*"),
            *("__y__", "\n", "\r\n", "\t", "&amp;", "\\", "<https://e.org>", "    code", "\n```\n", "a", " "),
        ]
    ),
    max_size=8,
).map("".join)


def tokens(text: str):  # type: ignore[no-untyped-def]
    flat = []
    for token in PARSER.parse(text):
        flat.append(token)
        flat.extend(token.children or ())
    return flat


def table_rows(text: str) -> list[int]:
    """The number of cells of each table row in the document."""
    rows, cells = [], 0
    for token in tokens(text):
        if token.type == "tr_open":
            cells = 0
        elif token.type in ("th_open", "td_open"):
            cells += 1
        elif token.type == "tr_close":
            rows.append(cells)
    return rows


def stage_cells(text: str) -> list[list[str]]:
    """The plain text of each cell of each body row of the document's tables."""
    rows: list[list[str]] = []
    inside = False
    for token in PARSER.parse(text):
        if token.type == "tbody_open":
            inside = True
        elif token.type == "tbody_close":
            inside = False
        elif inside and token.type == "tr_open":
            rows.append([])
        elif inside and token.type == "inline":
            rows[-1].append(
                "".join(c.content for c in token.children or () if c.type in ("text", "code_inline"))
            )
    return rows


def flat(value: str) -> str:
    return " ".join(value.split())


@settings(deadline=None, max_examples=50, derandomize=True)
@given(HOSTILE, HOSTILE)
def test_catalogue_text_stays_in_its_own_table_cell_as_plain_text(title, act_title):
    text = md.render(view(stage([item("a.x", title=title, act_title=act_title, reasons=("r",))])))
    (row,) = [r for r in stage_cells(text) if r and r[0] == "a.x"]
    assert len(row) == 7
    assert (row[1], row[2], row[6]) == (flat(title), flat(act_title), "r")


@settings(deadline=None, max_examples=50, derandomize=True)
@given(HOSTILE)
def test_catalogue_text_makes_no_html_link_or_heading(title):
    clean = md.render(view(stage([item("a.x")])))
    hostile = md.render(view(stage([item("a.x", title=title, act_title=title, reasons=(title,))])))
    kinds = {"html_inline", "html_block", "link_open", "image", "heading_open", "code_block", "fence"}
    kinds |= {"em_open", "strong_open", "code_inline"}

    def count(text: str) -> dict[str, int]:
        found = [t.type for t in tokens(text) if t.type in kinds]
        return {kind: found.count(kind) for kind in kinds}

    assert count(hostile) == count(clean)


def test_the_document_starts_with_the_roadmaps_title_and_names_its_command():
    lines = md.render(view()).splitlines()
    assert lines[0].startswith("# ")
    assert "Municipalities" in lines[0]
    assert view().command("md") in md.render(view())


def test_each_stage_has_its_own_section_in_order():
    text = md.render(view(stage([item("a.x")]), stage([item("a.y")], Q1)))
    assert text.index("2026-Q4") < text.index("2027-Q1")
    assert text.index("`a.x`") < text.index("`a.y`")


def test_the_same_view_gives_the_same_text():
    v = view(stage([item("a.x", due=dt.date(2027, 1, 5))]))
    assert md.render(v) == md.render(v)


def test_dutch_and_english_documents_differ_in_their_fixed_words():
    v = stage([item("a.x")])
    assert md.render(view(v, lang="nl")).splitlines()[0] != md.render(view(v, lang="en")).splitlines()[0]


def test_the_board_names_each_stage_over_capacity_with_its_load_against_the_capacity():
    from planner.view.model import StageLoad

    load = (
        StageLoad("2026-Q4", "gemeenten", 124.4, 120.0),
        StageLoad("2027-Q1", "gemeenten", 100.0, 120.0),
        StageLoad("2027-Q2", "gemeenten", 144.4, 120.0),
    )
    text = md.render(view(stage([item()]), load=load))
    assert (
        "- Over capacity in 2026-Q4 (124.4 of 120 person-days), 2027-Q2 (144.4 of 120 person-days); "
        "the findings say why." in text
    )


def test_the_board_s_next_line_names_the_stages_it_counts():
    text = md.render(view(stage([item(start="2026-Q4")])))
    assert "- Duties starting in the next 12 months (2026-Q4 to 2027-Q3): 1." in text
