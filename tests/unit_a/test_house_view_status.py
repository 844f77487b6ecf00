"""The house view's sums and decisions, and the status of many organisations, on tiny catalogues."""

from __future__ import annotations

import datetime as dt

import pytest

from planner.errors import UsageError
from planner.house.status import UNASSESSED, Cell, aggregate, read_folder
from planner.house.view import CANDIDATE_SHARE, Candidate, Use, house_view
from planner.roadmap import build_plan
from tests.unit_a.builders import AS_OF, catalogue, collective, ob, profile

TEN = {"gemeenten": None, "rijk": None}


def _view(cat):  # type: ignore[no-untyped-def]
    return house_view(build_plan(cat, AS_OF))


def _ten_municipalities(obligations, **kw):  # type: ignore[no-untyped-def]
    cat = catalogue(obligations, layers=TEN, **kw)
    cat.layers["gemeenten"] = cat.layers["gemeenten"].model_copy(update={"organisations": 10})
    return cat


def test_without_arrangements_the_house_spends_organisations_times_effort():
    view = _view(_ten_municipalities({"x.a": ob(roles={"gemeenten": "addressee"}, effort_days=3)}))
    assert (view.days_without, view.days_with) == (30.0, 30.0)


def test_a_facility_a_layer_provides_counts_once_not_per_organisation():
    view = _view(_ten_municipalities({"x.f": ob(roles={"gemeenten": "provider"}, effort_days=3)}))
    assert view.days_without == 3.0


def test_a_default_arrangement_saves_organisations_times_effort_times_the_share_provided():
    coll = collective("c", {"x.a": 0.25}, layers=["gemeenten"], default_for=["gemeenten"])
    view = _view(
        _ten_municipalities({"x.a": ob(roles={"gemeenten": "addressee"}, effort_days=4)}, collectives=(coll,))
    )
    (found,) = view.foundations
    assert (found.days_saved, view.days_with) == (30.0, 10.0)
    assert found.users == (Use("gemeenten", 10),)


def test_foundations_come_existing_first_then_by_delivery_date():
    colls = (
        collective("late", {"x.a": 0.5}, status="planned", delivery="2028-01-01"),
        collective("soon", {"x.a": 0.5}, status="planned", delivery="2027-04-01"),
        collective("there", {"x.a": 0.5}),
    )
    view = _view(catalogue({"x.a": ob()}, collectives=colls))
    assert [f.collective.id for f in view.foundations] == ["there", "soon", "late"]
    assert [f.stage for f in view.foundations] == [None, "2027-Q2", "2028-Q1"]


def test_work_many_do_alone_is_a_candidate_saving_all_but_one_times_the_assumed_share():
    view = _view(_ten_municipalities({"x.a": ob(roles={"gemeenten": "addressee"}, effort_days=2)}))
    (cand,) = view.candidates
    assert (cand.obligation, cand.days_saved) == ("x.a", 9 * 2 * CANDIDATE_SHARE)


def test_work_one_organisation_does_is_no_candidate():
    assert _view(catalogue({"x.a": ob()})).candidates == ()


def test_a_candidate_of_one_organisation_saves_nothing():
    assert Candidate("x.a", (Use("rijk", 1),), 5.0).days_saved == 0


def test_a_conflict_is_a_decision_for_the_meeting():
    view = _view(catalogue({"x.a": ob(), "x.b": ob(conflicts=("x.a",))}))
    assert [(d.kind, d.subject, d.other) for d in view.decisions] == [("conflict", "x.b", "x.a")]


def test_an_unconfirmed_provider_date_is_a_decision():
    coll = collective("c", {"x.a": 0.5}, status="planned", delivery="2027-04-01", delivery_confirmed=False)
    view = _view(catalogue({"x.a": ob(due="2028-01-01")}, collectives=(coll,)))
    assert [(d.kind, d.subject) for d in view.decisions] == [("provider", "c")]


def test_a_duty_blocked_by_another_layer_names_that_layer():
    cat = catalogue(
        {
            "x.f": ob(roles={"gemeenten": "provider"}, lead_time_months=9),
            "x.u": ob(needs=("x.f",), due="2027-03-31"),
        },
        layers=TEN,
    )
    blocked = [(d.subject, d.other, d.layer) for d in _view(cat).decisions if d.kind == "blocked"]
    assert blocked == [("x.u", "gemeenten", "rijk")]


# --- status of many organisations ------------------------------------------------------------


def _org(name: str, **states: dict[str, object]):  # type: ignore[no-untyped-def]
    return profile(name=name, states=states)


def test_each_organisation_counts_once_per_obligation_in_its_state():
    cat = catalogue({"x.a": ob(), "x.b": ob()})
    status = aggregate(cat, [_org("A", **{"x.a": {"state": "done"}}), _org("B")], AS_OF)
    cells = {c.obligation: c for c in status.cells}
    assert (
        cells["x.a"].counts["done"],
        cells["x.a"].counts[UNASSESSED],
        cells["x.b"].counts[UNASSESSED],
    ) == (1, 1, 2)
    assert cells["x.a"].assessed == 0.5


def test_a_duty_the_answers_rule_out_counts_as_not_applicable():
    question = {"id": "ai", "text": {"en": "AI?"}, "type": "bool"}
    cat = catalogue({"x.a": ob(applies_if={"question": "ai", "equals": True})}, questions=(question,))
    status = aggregate(cat, [profile(answers={"ai": False})], AS_OF)
    assert status.cells[0].counts["not-applicable"] == 1


@pytest.mark.parametrize(
    ("state", "behind"), [("not-started", True), ("in-progress", True), ("deferred", True), ("done", False)]
)
def test_an_organisation_is_behind_only_on_a_past_due_duty_known_not_done(state, behind):
    fields = {"state": state, **({"until": "2027-01-01", "decision": "d"} if state == "deferred" else {})}
    cat = catalogue({"x.a": ob(due="2025-01-01")})
    status = aggregate(cat, [_org("A", **{"x.a": fields})], AS_OF)
    assert bool(status.behind) is behind


def test_a_duty_due_after_the_as_of_date_puts_nobody_behind():
    cat = catalogue({"x.a": ob(due="2027-01-01")})
    assert aggregate(cat, [_org("A", **{"x.a": {"state": "not-started"}})], AS_OF).behind == ()


def test_nobody_is_behind_on_a_voluntary_duty_past_its_date():
    cat = catalogue({"x.a": ob(due="2025-01-01", voluntary=True)})
    assert aggregate(cat, [_org("A", **{"x.a": {"state": "not-started"}})], AS_OF).behind == ()


def test_a_layer_without_files_has_no_cells_but_is_counted_as_not_reporting():
    cat = catalogue({"x.a": ob(roles={"rijk": "addressee", "gemeenten": "addressee"})}, layers=TEN)
    status = aggregate(cat, [_org("A")], AS_OF)
    assert {c.layer for c in status.cells} == {"rijk"}
    assert [(c.layer, c.reporting) for c in status.layers] == [("gemeenten", 0), ("rijk", 1)]


def test_behind_is_listed_by_organisation_then_due_date():
    cat = catalogue({"x.a": ob(due="2025-06-01"), "x.b": ob(due="2024-01-01")})
    late = {"state": "not-started"}
    status = aggregate(cat, [_org("B", **{"x.a": late}), _org("A", **{"x.a": late, "x.b": late})], AS_OF)
    assert [(b.organisation, b.obligation) for b in status.behind] == [
        ("A", "x.b"),
        ("A", "x.a"),
        ("B", "x.a"),
    ]


def test_a_cell_of_no_organisations_is_nothing_assessed():
    assert Cell("rijk", "x.a", None, {UNASSESSED: 0}).assessed == 0.0


def test_a_folder_of_files_reads_the_good_and_reports_the_bad(tmp_path):
    cat = catalogue({"x.a": ob()})
    (tmp_path / "a.yaml").write_text("organisation: A\nlayer: rijk\n", encoding="utf-8")
    (tmp_path / "b.yml").write_text("organisation: B\nlayer: nowhere\n", encoding="utf-8")
    (tmp_path / "notes.txt").write_text("not an organisation", encoding="utf-8")
    profiles, problems = read_folder(tmp_path, cat)
    assert [p.name for p in profiles] == ["A"]
    assert {p.path for p in problems} == {str(tmp_path / "b.yml")}


def test_a_status_folder_that_is_a_file_is_a_usage_error(tmp_path):
    (tmp_path / "f.yaml").write_text("", encoding="utf-8")
    with pytest.raises(UsageError, match="not a folder"):
        read_folder(tmp_path / "f.yaml", catalogue({"x.a": ob()}))


def test_files_with_errors_counts_each_bad_file_once(tmp_path):
    cat = catalogue({"x.a": ob()})
    (tmp_path / "b.yaml").write_text(
        "organisation: B\nlayer: rijk\nanswers: {q: 1}\nstatus: {x.zz: {state: done}}\n", encoding="utf-8"
    )
    profiles, problems = read_folder(tmp_path, cat)
    assert len([p for p in problems if p.is_error]) == 2
    assert aggregate(cat, profiles, dt.date(2026, 1, 1), problems=problems).files_with_errors == 1


def test_candidates_are_ranked_by_the_saving_and_cut_to_the_list_length():
    from planner.house.view import CANDIDATES

    obligations = {
        f"x.o{i:02d}": ob(roles={"gemeenten": "addressee"}, effort_days=i + 1) for i in range(CANDIDATES + 2)
    }
    view = _view(_ten_municipalities(obligations))
    assert len(view.candidates) == CANDIDATES
    assert [c.obligation for c in view.candidates][:2] == [f"x.o{CANDIDATES + 1:02d}", f"x.o{CANDIDATES:02d}"]


def test_a_duty_that_does_not_apply_to_the_layer_saves_nothing_and_costs_nothing():
    question = {
        "id": "ai",
        "text": {"en": "AI?"},
        "type": "bool",
        "defaults": {"gemeenten": {"answer": False, "rationale": {"en": "r"}}},
    }
    coll = collective("c", {"x.a": 0.5}, layers=["gemeenten"], default_for=["gemeenten"])
    cat = _ten_municipalities(
        {
            "x.a": ob(
                roles={"gemeenten": "addressee"}, effort_days=4, applies_if={"question": "ai", "equals": True}
            )
        },
        collectives=(coll,),
        questions=(question,),
    )
    view = _view(cat)
    assert (view.days_without, view.foundations[0].savings) == (0.0, ())


def test_a_covered_duty_is_no_candidate_even_when_many_do_it():
    coll = collective("c", {"x.a": 0.5}, layers=["gemeenten"], default_for=[])
    view = _view(_ten_municipalities({"x.a": ob(roles={"gemeenten": "addressee"})}, collectives=(coll,)))
    assert view.candidates == ()


def test_nobody_is_behind_on_a_duty_their_answers_rule_out_even_if_they_marked_it_not_started():
    question = {"id": "ai", "text": {"en": "AI?"}, "type": "bool"}
    cat = catalogue(
        {"x.a": ob(due="2025-01-01", applies_if={"question": "ai", "equals": True})}, questions=(question,)
    )
    org = profile(answers={"ai": False}, states={"x.a": {"state": "not-started"}})
    status = aggregate(cat, [org], AS_OF)
    assert status.behind == ()
    assert status.cells[0].counts["not-started"] == 1  # the state given is still counted as given
