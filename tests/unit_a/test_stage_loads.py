"""The stage loads of a layer with a capacity: where effort goes, checked against a plain list."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from planner.schedule.loads import StageLoads
from planner.schedule.model import Rule
from tests.unit_a.builders import PROPERTY


def test_an_empty_layer_takes_work_in_the_earliest_stage():
    assert StageLoads(5.0).place(2.0, 3, None) == (3, Rule.EARLIEST)


def test_work_that_does_not_fit_goes_to_the_next_stage_with_room():
    loads = StageLoads(5.0)
    loads.add(0, 4.0)
    assert loads.place(2.0, 0, None) == (1, Rule.CAPACITY)


def test_decimal_efforts_that_add_up_to_the_capacity_still_fit():
    loads = StageLoads(0.3)
    loads.add(0, 0.1)
    assert loads.place(0.2, 0, None) == (0, Rule.EARLIEST)


def test_a_deadline_forces_work_into_the_least_loaded_stage_before_it():
    loads = StageLoads(2.0)
    loads.add(0, 2.0)
    loads.add(1, 1.5)
    loads.add(2, 2.0)
    assert loads.place(1.0, 0, 2) == (1, Rule.DEADLINE_FORCED)
    assert loads.load(1) == 2.5


def test_a_deadline_already_behind_the_earliest_stage_forces_nothing():
    loads = StageLoads(1.0)
    loads.add(4, 1.0)
    assert loads.place(1.0, 4, 2) == (5, Rule.CAPACITY)


def test_spanning_work_needs_room_in_every_stage_it_takes():
    loads = StageLoads(4.0)
    loads.add(1, 3.0)
    # 2 a stage over two stages: stage 0 has room but stage 1 does not, so it starts in 2
    assert loads.place(4.0, 0, None, span=2) == (2, Rule.CAPACITY)
    assert [loads.load(s) for s in range(4)] == [0.0, 3.0, 2.0, 2.0]


def test_work_larger_than_the_capacity_gets_an_empty_stage():
    loads = StageLoads(2.0)
    loads.add(0, 0.5)
    assert loads.place(5.0, 0, None) == (1, Rule.CAPACITY)


def test_a_stage_beyond_what_was_ever_loaded_is_empty():
    loads = StageLoads(2.0)
    loads.add(0, 1.0)
    assert loads.load(1000) == 0.0
    assert loads.first_at_most(1000, 0.0) == 1000


def test_the_tree_grows_and_keeps_earlier_loads():
    loads = StageLoads(2.0)
    loads.add(0, 1.0)
    loads.add(37, 2.0)
    assert (loads.load(0), loads.load(37), loads.load(36)) == (1.0, 2.0, 0.0)


def test_the_least_loaded_of_equal_stages_is_the_earliest():
    loads = StageLoads(9.0)
    for stage, effort in [(0, 3.0), (1, 1.0), (2, 1.0), (3, 0.5)]:
        loads.add(stage, effort)
    assert loads.least_loaded(0, 2) == 1


def test_fits_names_the_first_stage_over_the_limit():
    loads = StageLoads(9.0)
    loads.add(2, 5.0)
    loads.add(3, 6.0)
    assert loads.fits(0, 4, 4.0) == 2
    assert loads.fits(0, 2, 4.0) is None


efforts = st.lists(
    st.tuples(st.integers(0, 20), st.floats(0.1, 6.0, allow_nan=False)), min_size=0, max_size=25
)


def _loaded(added: list[tuple[int, float]]) -> tuple[StageLoads, list[float]]:
    loads, plain = StageLoads(5.0), [0.0] * 64
    for stage, effort in added:
        loads.add(stage, effort)
        plain[stage] += effort
    return loads, plain


@PROPERTY
@given(added=efforts, start=st.integers(0, 30), limit=st.floats(0.0, 8.0, allow_nan=False))
def test_the_first_stage_at_most_a_limit_is_the_one_a_walk_would_find(added, start, limit):
    loads, plain = _loaded(added)
    walked = next(s for s in range(start, len(plain)) if plain[s] <= limit)
    assert loads.first_at_most(start, limit) == walked


@PROPERTY
@given(added=efforts, lo=st.integers(0, 20), width=st.integers(0, 10))
def test_the_least_loaded_stage_is_the_earliest_minimum_a_walk_would_find(added, lo, width):
    loads, plain = _loaded(added)
    hi = lo + width
    window = plain[lo : hi + 1]
    assert loads.least_loaded(lo, hi) == lo + window.index(min(window))


@PROPERTY
@given(
    work=st.lists(
        st.tuples(st.floats(0.5, 4.0, allow_nan=False), st.integers(0, 6), st.integers(1, 3)),
        min_size=1,
        max_size=20,
    )
)
def test_without_deadlines_no_stage_is_loaded_over_capacity(work):
    loads = StageLoads(4.0)
    for effort, earliest, span in work:
        stage, _ = loads.place(effort, earliest, None, span)
        assert stage >= earliest
    assert all(loads.load(s) <= 4.0 + 1e-6 for s in range(loads.size))


@PROPERTY
@given(
    work=st.lists(st.tuples(st.floats(0.5, 4.0, allow_nan=False), st.integers(0, 6)), min_size=1, max_size=20)
)
def test_placed_work_starts_in_the_first_stage_with_room(work):
    loads, plain = StageLoads(4.0), [0.0] * 64
    for effort, earliest in work:
        stage, _ = loads.place(effort, earliest, None)
        walked = next(s for s in range(earliest, len(plain)) if plain[s] + effort <= 4.0 + 1e-9)
        assert stage == walked
        plain[stage] += effort


@PROPERTY
@given(
    work=st.lists(
        st.tuples(
            st.floats(0.5, 6.0, allow_nan=False),
            st.integers(0, 6),
            st.one_of(st.none(), st.integers(0, 8)),
            st.integers(1, 3),
        ),
        min_size=1,
        max_size=20,
    )
)
def test_every_placement_keeps_its_rule_s_promise_and_all_effort_is_placed(work):
    loads = StageLoads(4.0)
    for effort, earliest, deadline, span in work:
        stage, rule = loads.place(effort, earliest, deadline, span)
        assert stage >= earliest
        if rule == Rule.EARLIEST:
            assert stage == earliest
        elif rule == Rule.DEADLINE_FORCED:
            assert deadline is not None and stage <= deadline
        else:
            assert rule == Rule.CAPACITY and stage > earliest
    total = sum(loads.load(s) for s in range(loads.size))
    assert abs(total - sum(effort for effort, *_ in work)) < 1e-6
