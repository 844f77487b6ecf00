"""The time axis every time picture shares: dates placed in order, inside their stage."""

from __future__ import annotations

import datetime as dt

from hypothesis import given, settings
from hypothesis import strategies as st

from planner.site.timeline import Axis, Span

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
