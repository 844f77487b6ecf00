"""Items: one per obligation and planning layer, fitted to the organisation, and what each waits on."""

from __future__ import annotations

import datetime as dt

import pytest

from planner.models import Progress, ProgressEntry
from planner.schedule import DEFAULT_EFFORT, build_items
from planner.schedule.items import dependencies
from planner.schedule.model import Status
from tests.unit_a.builders import AS_OF, catalogue, ob, profile

TWO_LAYERS = {"rijk": None, "gemeenten": None}


def test_a_supervisor_gets_no_item():
    cat = catalogue({"x.a": ob(roles={"rijk": "supervisor", "gemeenten": "addressee"})}, layers=TWO_LAYERS)
    assert list(build_items(cat)) == [("x.a", "gemeenten")]


def test_an_obligation_without_effort_is_planned_with_the_default_effort():
    items = build_items(catalogue({"x.a": ob()}))
    assert items["x.a", "rijk"].effort == DEFAULT_EFFORT


def test_effort_in_person_days_wins_over_legacy_points():
    items = build_items(catalogue({"x.a": ob(effort=9, effort_days=4)}))
    assert items["x.a", "rijk"].effort == 4.0


@pytest.mark.parametrize(
    ("months", "size", "span"),
    [(0, "quarter", 1), (3, "quarter", 1), (4, "quarter", 2), (7, "half", 2), (12, "year", 1)],
)
def test_a_lead_time_spans_as_many_stages_as_it_needs(months, size, span):
    items = build_items(catalogue({"x.a": ob(lead_time_months=months)}), stage_size=size)
    assert items["x.a", "rijk"].span == span


def test_a_due_date_comes_from_the_milestone_the_obligation_follows():
    milestone = {"id": "apply", "kind": "application", "date": "2027-08-02"}
    cat = catalogue({"x.a": ob(milestone="apply")}, acts={"x": {"milestones": [milestone]}})
    assert build_items(cat)["x.a", "rijk"].due == dt.date(2027, 8, 2)


def test_a_progress_file_without_a_layer_marks_the_duty_done_for_every_layer():
    cat = catalogue({"x.a": ob(roles={"rijk": "addressee", "gemeenten": "addressee"})}, layers=TWO_LAYERS)
    done = Progress(done=(ProgressEntry(obligation="x.a", done=dt.date(2025, 1, 1)),))
    items = build_items(cat, [done])
    assert {k: i.status for k, i in items.items()} == {("x.a", "gemeenten"): "done", ("x.a", "rijk"): "done"}
    assert items["x.a", "rijk"].done_on == dt.date(2025, 1, 1)


def test_a_progress_file_naming_an_unknown_obligation_changes_nothing():
    cat = catalogue({"x.a": ob()})
    items = build_items(cat, [Progress(done=(ProgressEntry(obligation="x.gone"),))])
    assert items["x.a", "rijk"].status == Status.PLANNED


def _fitted(state: dict[str, object], **fields: object):  # type: ignore[no-untyped-def]
    cat = catalogue({"x.a": ob(**fields)})
    return build_items(cat, profiles={"rijk": profile(states={"x.a": state})}, as_of=AS_OF)["x.a", "rijk"]


def test_a_duty_marked_not_applicable_by_hand_is_settled_with_its_reason():
    item = _fitted({"state": "not-applicable", "reason": "no such service"})
    assert item.status == Status.NOT_APPLICABLE
    assert item.reasons[-1].args["reason"] == "no such service"


def test_a_one_off_duty_in_place_counts_as_done():
    item = _fitted({"state": "in-place", "since": "2024-01-01"})
    assert (item.status, item.done_on) == (Status.DONE, dt.date(2024, 1, 1))


def test_a_continuing_duty_in_place_is_in_place_rather_than_done():
    item = _fitted({"state": "in-place"}, nature="continuing")
    assert item.status == Status.IN_PLACE


def test_a_continuing_duty_marked_done_is_done():
    item = _fitted({"state": "done"}, nature="continuing")
    assert item.status == Status.DONE


def test_in_progress_keeps_only_the_remaining_share_of_the_effort():
    item = _fitted({"state": "in-progress", "percent": 75}, effort_days=8)
    assert (item.status, item.effort) == (Status.PLANNED, 2.0)


def test_in_progress_without_a_percent_keeps_the_whole_effort():
    item = _fitted({"state": "in-progress"}, effort_days=8)
    assert item.effort == 8.0


def test_a_deferred_duty_may_not_start_before_its_date():
    item = _fitted({"state": "deferred", "until": "2027-06-30", "decision": "board"})
    assert item.not_before == dt.date(2027, 6, 30)
    assert item.reasons[-1].key == "deferred"


def test_a_duty_already_due_and_not_assessed_is_unassessed_in_the_first_stage():
    items = build_items(catalogue({"x.a": ob(due="2020-01-01")}), as_of=AS_OF)
    item = items["x.a", "rijk"]
    assert (item.status, item.stage) == (Status.UNASSESSED, 0)


def test_a_duty_already_due_and_known_not_started_stays_open():
    item = _fitted({"state": "not-started"}, due="2020-01-01")
    assert item.status == Status.PLANNED
    assert item.state == "not-started"


def test_without_a_planning_date_nothing_is_unassessed():
    items = build_items(catalogue({"x.a": ob(due="2020-01-01")}))
    assert items["x.a", "rijk"].status == Status.PLANNED


QUESTION = {
    "id": "inhabitants",
    "text": {"en": "How many inhabitants?"},
    "type": "number",
    "defaults": {"rijk": {"answer": 50000, "rationale": {"en": "typical"}}},
}
BIG_CITIES = {"question": "inhabitants", "at_least": 100000, "article": "Art. 25"}


def test_a_duty_whose_condition_fails_on_the_default_answer_is_not_applicable_as_an_assumption():
    cat = catalogue({"x.a": ob(applies_if=BIG_CITIES)}, questions=(QUESTION,))
    item = build_items(cat, as_of=AS_OF)["x.a", "rijk"]
    assert item.status == Status.NOT_APPLICABLE
    assert (item.reasons[-1].key, item.reasons[-1].args["article"]) == ("na-assumed", "Art. 25")


def test_a_duty_whose_condition_fails_on_the_organisation_s_own_answer_says_it_was_answered():
    cat = catalogue({"x.a": ob(applies_if=BIG_CITIES)}, questions=(QUESTION,))
    own = profile(answers={"inhabitants": 20000})
    item = build_items(cat, profiles={"rijk": own}, as_of=AS_OF)["x.a", "rijk"]
    assert item.reasons[-1].key == "na-answered"


def test_a_duty_whose_condition_holds_is_planned():
    cat = catalogue({"x.a": ob(applies_if=BIG_CITIES)}, questions=(QUESTION,))
    own = profile(answers={"inhabitants": 200000})
    assert build_items(cat, profiles={"rijk": own}, as_of=AS_OF)["x.a", "rijk"].status == Status.PLANNED


def test_a_duty_whose_answer_is_missing_is_planned_rather_than_dropped():
    cat = catalogue({"x.a": ob(applies_if=BIG_CITIES)}, questions=(QUESTION,))
    assert build_items(cat, profiles={"rijk": profile()}, as_of=AS_OF)["x.a", "rijk"].status == Status.PLANNED


YEARLY = {"nature": "recurring", "recurrence": {"every": "year", "first": "2025-03-01"}}


def test_a_recurring_duty_lists_its_dates_from_the_planning_date_to_the_horizon():
    items = build_items(catalogue({"x.a": ob(**YEARLY)}), as_of=AS_OF)
    assert items["x.a", "rijk"].occurrences == [dt.date(y, 3, 1) for y in (2027, 2028, 2029)]


def test_a_recurring_duty_without_a_first_date_starts_from_its_due_date():
    fields = {"nature": "recurring", "recurrence": {"every": "half"}, "due": "2027-01-31"}
    items = build_items(catalogue({"x.a": ob(**fields)}), as_of=AS_OF)
    assert items["x.a", "rijk"].occurrences[:3] == [
        dt.date(2027, 1, 31),
        dt.date(2027, 7, 31),
        dt.date(2028, 1, 31),
    ]


def test_a_recurring_duty_without_any_date_has_no_occurrences():
    fields = {"nature": "recurring", "recurrence": {"every": "month"}}
    assert build_items(catalogue({"x.a": ob(**fields)}), as_of=AS_OF)["x.a", "rijk"].occurrences == []


def test_a_recurring_duty_that_does_not_apply_has_no_occurrences():
    item = _fitted({"state": "not-applicable", "reason": "none"}, **YEARLY)
    assert item.occurrences == []


def test_a_prerequisite_is_waited_for_in_the_item_s_own_layer_only():
    cat = catalogue(
        {
            "x.a": ob(roles={"gemeenten": "addressee"}),
            "x.b": ob(roles={"rijk": "addressee", "gemeenten": "addressee"}, requires=("x.a",)),
        },
        layers=TWO_LAYERS,
    )
    deps = dependencies(cat, build_items(cat))
    assert deps == {("x.b", "gemeenten"): [("requires", ("x.a", "gemeenten"))]}


def test_a_facility_is_waited_for_from_every_layer_that_provides_it():
    cat = catalogue(
        {
            "x.f": ob(roles={"rijk": "provider", "gemeenten": "co-responsible"}),
            "x.u": ob(roles={"gemeenten": "addressee"}, needs=("x.f",)),
        },
        layers=TWO_LAYERS,
    )
    deps = dependencies(cat, build_items(cat))
    assert sorted(deps["x.u", "gemeenten"]) == [
        ("needs-facility", ("x.f", "rijk")),
        ("requires", ("x.f", "gemeenten")),
    ]


def test_an_item_that_waits_on_nothing_has_no_entry():
    cat = catalogue({"x.a": ob(), "x.b": ob(conflicts=("x.a",), overlaps=("x.a",))})
    assert dependencies(cat, build_items(cat)) == {}


def test_an_obligation_that_requires_and_needs_the_same_one_waits_on_it_once():
    cat = catalogue({"x.a": ob(), "x.b": ob(requires=("x.a",), needs=("x.a",))})
    assert dependencies(cat, build_items(cat)) == {("x.b", "rijk"): [("requires", ("x.a", "rijk"))]}


def test_a_leap_day_planning_date_lists_recurring_dates_up_to_28_february_three_years_on():
    fields = {"nature": "recurring", "recurrence": {"every": "year", "first": "2025-02-28"}}
    items = build_items(catalogue({"x.a": ob(**fields)}), as_of=dt.date(2028, 2, 29))
    assert items["x.a", "rijk"].occurrences == [
        dt.date(2029, 2, 28),
        dt.date(2030, 2, 28),
        dt.date(2031, 2, 28),
    ]


def test_a_not_applicable_reason_cites_the_article_in_the_reader_s_language():
    cited = {**BIG_CITIES, "article": {"en": "Art. 25 (large cities)", "nl": "art. 25 (grote steden)"}}
    cat = catalogue({"x.a": ob(applies_if=cited)}, questions=(QUESTION,))
    reason = build_items(cat, as_of=AS_OF)["x.a", "rijk"].reasons[-1]
    assert "art. 25 (grote steden)" in reason.render("nl") and "Art. 25 (large cities)" in reason.render("en")


def test_a_condition_without_an_article_cites_the_obligation_s_articles():
    cat = catalogue(
        {
            "x.a": ob(
                applies_if={k: v for k, v in BIG_CITIES.items() if k != "article"},
                articles=["Art. 3", "Art. 4"],
            )
        },
        questions=(QUESTION,),
    )
    assert build_items(cat, as_of=AS_OF)["x.a", "rijk"].reasons[-1].args["article"] == "Art. 3, Art. 4"
