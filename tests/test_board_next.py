"""The board's "next 12 months" line: the workload planned in those stages against their capacity."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from planner import api
from planner.view.board import board, next_window

ROOT = Path(__file__).resolve().parent.parent
AS_OF = dt.date(2026, 12, 7)


def test_the_next_days_are_the_workload_of_the_stages_in_the_window() -> None:
    view = api.roadmap(
        api.load(ROOT / "regulations"),
        "gemeenten",
        as_of=AS_OF,
        organisation=ROOT / "examples" / "gemeente-voorbeeld.yaml",
    )
    b = board(view)
    window = next_window(AS_OF, dt.date(2027, 12, 7), view.stage_size)
    assert b.next_stages == (window[0], window[-1])
    assert b.next_days == round(sum(s.days for s in view.load if s.stage in window))


def test_the_capacity_counts_every_stage_in_the_window_also_one_without_work() -> None:
    view = api.roadmap(api.load(ROOT / "tests" / "data" / "minimal"), "gemeenten", as_of=AS_OF, capacity=4)
    b = board(view)
    window = next_window(AS_OF, dt.date(2027, 12, 7), view.stage_size)
    loaded = {s.stage for s in view.load}
    per_stage = {s.capacity for s in view.load}.pop()
    assert set(window) - loaded, "the fixture should leave a stage of the window without work"
    assert per_stage is not None
    assert b.next_capacity == round(len(window) * per_stage)


def test_a_view_of_several_layers_gives_no_capacity() -> None:
    view = api.roadmap(api.load(ROOT / "tests" / "data" / "minimal"), "all", as_of=AS_OF)
    assert board(view).next_capacity is None


def test_the_next_items_start_in_the_stages_whose_days_the_board_sums() -> None:
    view = api.roadmap(
        api.load(ROOT / "regulations"),
        "gemeenten",
        as_of=AS_OF,
        organisation=ROOT / "examples" / "gemeente-voorbeeld.yaml",
    )
    window = next_window(AS_OF, dt.date(2027, 12, 7), view.stage_size)
    starting = [i for s in view.stages for i in s.items if i.status != "unassessed" and i.start in window]
    assert board(view).next_items == tuple(starting)
