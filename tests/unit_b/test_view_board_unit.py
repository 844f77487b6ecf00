"""The board summary, derived from hand-built views: each figure the board reads on its own."""

from __future__ import annotations

import datetime as dt

from planner.view import Wait
from planner.view.board import board
from planner.view.model import StageLoad

from .builders import Q1, item, stage, view

LATE = ("2028-Q1", dt.date(2028, 1, 1), dt.date(2028, 3, 31))


def test_not_applicable_duties_are_not_counted_as_applying():
    off = (item("a.na", status="not-applicable", applicable=False), item("a.done", status="done"))
    b = board(view(stage([item("a.x")]), off_plan=off))
    assert b.applicable == 2
    assert [i.obligation for i in b.not_applicable] == ["a.na"]
    assert [i.obligation for i in b.in_place] == ["a.done"]


def test_next_items_are_the_work_starting_within_twelve_months():
    b = board(
        view(
            stage([item("a.now", start="2026-Q4")]),
            stage([item("a.soon", start="2027-Q1")], Q1),
            stage([item("a.later", start="2028-Q1")], LATE),
        )
    )
    assert [i.obligation for i in b.next_items] == ["a.now", "a.soon"]


def test_the_next_items_and_the_next_days_are_for_the_same_stages():
    # 2027-Q4 starts within twelve months of 2026-11-28 but ends after: it is in neither figure
    q4 = ("2027-Q4", dt.date(2027, 10, 1), dt.date(2027, 12, 31))
    load = (StageLoad("2027-Q3", "gemeenten", 2.0, 20.0), StageLoad("2027-Q4", "gemeenten", 7.0, 20.0))
    b = board(
        view(
            stage([item("a.now", start="2026-Q4")]),
            stage([item("a.q4", start="2027-Q4")], q4),
            load=load,
        )
    )
    assert b.next_stages == ("2026-Q4", "2027-Q3")
    assert ([i.obligation for i in b.next_items], b.next_days) == (["a.now"], 2)


def test_the_next_twelve_months_are_the_planned_days_of_their_stages_against_capacity():
    load = (
        StageLoad("2026-Q4", "gemeenten", 10.4, 20.0),
        StageLoad("2027-Q1", "gemeenten", 5.3, 20.0),
        StageLoad("2028-Q1", "gemeenten", 99.0, 20.0),
    )
    b = board(view(load=load))
    assert b.next_stages == ("2026-Q4", "2027-Q3")  # the last stage ending by 2027-11-28
    assert b.next_days == 16
    assert b.next_capacity == 4 * 20


def test_no_capacity_is_given_for_the_next_months_when_stages_differ_in_capacity():
    load = (StageLoad("2026-Q4", "gemeenten", 1.0, 20.0), StageLoad("2027-Q1", "gemeenten", 1.0, 30.0))
    assert board(view(load=load)).next_capacity is None


def test_unassessed_work_is_not_a_next_item_but_is_listed_as_unassessed():
    b = board(view(stage([item("a.u", status="unassessed", start="2026-Q4")])))
    assert b.next_items == ()
    assert [i.obligation for i in b.unassessed] == ["a.u"]


def test_an_item_without_a_start_is_not_a_next_item():
    assert board(view(stage([item("a.x", start=None)]))).next_items == ()


def test_overdue_items_are_the_backlog():
    b = board(view(stage([item("a.late", status="overdue"), item("a.ok")]), backlog_cleared="2027-Q1"))
    assert [i.obligation for i in b.overdue] == ["a.late"]
    assert b.backlog_cleared == "2027-Q1"


def test_a_stage_over_capacity_is_listed_and_one_at_capacity_is_not():
    load = (
        StageLoad("2026-Q4", "gemeenten", 10.0, 10.0),
        StageLoad("2027-Q1", "gemeenten", 10.5, 10.0),
        StageLoad("2027-Q2", "gemeenten", 99.0, None),
    )
    assert [s.stage for s in board(view(load=load)).over_capacity] == ["2027-Q1"]


def test_only_waits_on_another_layer_are_listed():
    waits = (
        Wait("needs-facility", "a.platform", "rijk", title="Platform", stage="2026-Q4"),
        Wait("requires", "a.first", "gemeenten", title="First", stage="2026-Q4"),
    )
    b = board(view(stage([item("a.x", waits_on=waits)])))
    assert [(i.obligation, oid, layer) for i, oid, layer in b.waits] == [("a.x", "a.platform", "rijk")]


def test_the_board_names_the_organisation_when_there_is_one():
    assert board(view(organisation="Gemeente Voorbeeld")).organisation == "Gemeente Voorbeeld"
