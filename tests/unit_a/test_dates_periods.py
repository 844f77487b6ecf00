"""Calendar arithmetic: months added within the month, and the stages a date falls in."""

from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import given
from hypothesis import strategies as st

from planner.dates import add_months
from planner.schedule.periods import STAGE_SIZES, period_bounds, period_index
from tests.unit_a.builders import PROPERTY

days = st.dates(min_value=dt.date(1990, 1, 1), max_value=dt.date(2090, 12, 31))
sizes = st.sampled_from(sorted(STAGE_SIZES))


def test_adding_months_crosses_the_year_end():
    assert add_months(dt.date(2026, 11, 15), 3) == dt.date(2027, 2, 15)


def test_adding_months_to_the_31st_lands_on_the_last_day_of_a_shorter_month():
    assert add_months(dt.date(2027, 8, 31), 1) == dt.date(2027, 9, 30)


def test_adding_months_to_31_january_of_a_leap_year_gives_29_february():
    assert add_months(dt.date(2028, 1, 31), 1) == dt.date(2028, 2, 29)


def test_negative_months_go_back_across_the_year_start():
    assert add_months(dt.date(2027, 2, 10), -3) == dt.date(2026, 11, 10)


@PROPERTY
@given(day=days, months=st.integers(min_value=-240, max_value=240))
def test_adding_months_moves_the_month_number_exactly(day, months):
    moved = add_months(day, months)
    assert (moved.year * 12 + moved.month) - (day.year * 12 + day.month) == months


@PROPERTY
@given(day=days, months=st.integers(min_value=-240, max_value=240))
def test_adding_months_keeps_the_day_unless_the_month_is_too_short(day, months):
    moved = add_months(day, months)
    assert moved.day == day.day or (moved.day < day.day and (moved + dt.timedelta(days=1)).day == 1)


@PROPERTY
@given(day=days, size=sizes)
def test_a_date_lies_within_the_bounds_of_its_own_stage(day, size):
    _, start, end = period_bounds(period_index(day, size), size)
    assert start <= day <= end


@PROPERTY
@given(day=days, size=sizes)
def test_the_next_stage_starts_the_day_after_this_one_ends(day, size):
    index = period_index(day, size)
    assert period_bounds(index + 1, size)[1] == period_bounds(index, size)[2] + dt.timedelta(days=1)


@PROPERTY
@given(day=days, size=sizes)
def test_a_stage_is_as_many_months_long_as_its_size(day, size):
    _, start, end = period_bounds(period_index(day, size), size)
    assert add_months(start, STAGE_SIZES[size]) == end + dt.timedelta(days=1)


@pytest.mark.parametrize(
    ("day", "size", "label"),
    [
        (dt.date(2027, 3, 31), "quarter", "2027-Q1"),
        (dt.date(2027, 4, 1), "quarter", "2027-Q2"),
        (dt.date(2027, 6, 30), "half", "2027-H1"),
        (dt.date(2027, 7, 1), "half", "2027-H2"),
        (dt.date(2027, 12, 31), "year", "2027"),
    ],
)
def test_a_stage_is_named_after_its_year_and_its_number_in_the_year(day, size, label):
    assert period_bounds(period_index(day, size), size)[0] == label


def test_an_unknown_stage_size_is_refused():
    with pytest.raises(KeyError):
        period_index(dt.date(2027, 1, 1), "month")
