"""The time axis every time picture shares: dates placed in order, inside their stage."""

from __future__ import annotations

import datetime as dt
import xml.etree.ElementTree as ET

from hypothesis import given, settings
from hypothesis import strategies as st

from planner.site.timeline import ROW_H, Axis, Row, Span, gantt

QUARTERS = tuple(
    Span(
        f"{y}-Q{q}",
        dt.date(y, 3 * q - 2, 1),
        dt.date(y + (q == 4), (3 * q) % 12 + 1, 1) - dt.timedelta(days=1),
    )
    for y in (2027, 2028)
    for q in (1, 2, 3, 4)
)
AXIS = Axis(QUARTERS, left=10.0, column=90.0)
DAYS = st.dates(dt.date(2020, 1, 1), dt.date(2032, 12, 31))


@settings(deadline=None, max_examples=50, derandomize=True)
@given(DAYS, DAYS)
def test_a_later_date_is_never_left_of_an_earlier_one(a, b):
    early, late = sorted((a, b))
    assert AXIS.date_x(early) <= AXIS.date_x(late)


@settings(deadline=None, max_examples=50, derandomize=True)
@given(DAYS)
def test_a_date_in_a_stage_is_drawn_inside_that_stages_column(day):
    for i, span in enumerate(QUARTERS):
        if span.start <= day <= span.end:
            assert AXIS.stage_x(i) <= AXIS.date_x(day) < AXIS.stage_x(i + 1)


@settings(deadline=None, max_examples=50, derandomize=True)
@given(DAYS)
def test_every_date_is_drawn_between_the_axis_ends(day):
    assert AXIS.left <= AXIS.date_x(day) <= AXIS.right


def test_dates_before_the_first_stage_share_the_middle_of_the_earlier_gutter():
    assert (
        AXIS.date_x(dt.date(2018, 5, 25)) == AXIS.date_x(dt.date(2026, 12, 31)) == AXIS.left + AXIS.gutter / 2
    )


def test_dates_after_the_last_stage_share_the_middle_of_the_later_gutter():
    assert (
        AXIS.date_x(dt.date(2029, 1, 1)) == AXIS.date_x(dt.date(2040, 1, 1)) == AXIS.right - AXIS.gutter / 2
    )


def test_the_axis_is_as_wide_as_its_columns_and_two_gutters():
    assert AXIS.right - AXIS.left == len(QUARTERS) * AXIS.column + 2 * AXIS.gutter


WORDS = {"earlier": "earlier", "later": "later", "as_of": "today"}
SVG = "{http://www.w3.org/2000/svg}"


def chart(rows: list[Row]) -> ET.Element:
    return ET.fromstring(
        gantt(rows, QUARTERS, dt.date(2027, 2, 1), ident="g", title="T", desc="D", words=WORDS)
    )


def row(
    label: str = "Duty", stage_index: int = 0, status: str = "planned", due: dt.date | None = None
) -> Row:
    return Row(label, "obligations/a.x.html", stage_index, status, f"word-{status}", due, f"tip {label}")


def test_each_row_is_one_linked_group_with_its_tooltip():
    root = chart([row("one"), row("two", 1)])
    groups = [g for g in root.iter(f"{SVG}g") if g.find(f"{SVG}title") is not None]
    assert [g.find(f"{SVG}title").text for g in groups] == ["tip one", "tip two"]
    assert all(g.find(f"{SVG}a").get("href") == "obligations/a.x.html" for g in groups)


def test_the_status_is_written_on_the_bar_as_well_as_coloured():
    texts = ["".join(t.itertext()) for t in chart([row(status="overdue")]).iter(f"{SVG}text")]
    assert "word-overdue" in texts


def test_a_due_date_outside_the_plan_is_labelled_with_its_year():
    texts = ["".join(t.itertext()) for t in chart([row(due=dt.date(2019, 5, 25))]).iter(f"{SVG}text")]
    assert "2019" in texts


def test_a_due_date_inside_the_plan_has_no_year_label():
    texts = ["".join(t.itertext()) for t in chart([row(due=dt.date(2027, 5, 25))]).iter(f"{SVG}text")]
    assert "2027" not in texts


def test_hostile_labels_stay_text_in_the_chart():
    root = chart([row("<script>alert(1)</script> & co")])
    assert root.find(f".//{SVG}script") is None
    assert any("<script>" in "".join(t.itertext()) for t in root.iter(f"{SVG}text"))


def test_the_chart_grows_one_row_height_per_row():
    one = float(chart([row()]).get("height"))
    three = float(chart([row(), row(), row()]).get("height"))
    assert three - one == 2 * ROW_H
