"""The catalogue models: what each accepts, what it refuses and why, and the helpers they carry."""

from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import given
from hypothesis import strategies as st
from pydantic import ValidationError

from planner.models import (
    Act,
    ActKind,
    Change,
    Condition,
    Obligation,
    Period,
    Progress,
    Question,
    RelationKind,
    Source,
    Text,
    relations_of,
)
from planner.models.base import raise_all
from tests.unit_a.builders import PROPERTY, ob


def _messages(exc: pytest.ExceptionInfo[ValidationError]) -> str:
    return " | ".join(e["msg"] for e in exc.value.errors())


def _obligation(**fields: object) -> Obligation:
    return Obligation.model_validate({"id": "x.a", "title": {"en": "A"}, **ob(**fields)})


@pytest.mark.parametrize("value", ["2027-02-30", "2027-13-01"])
def test_an_impossible_date_is_refused_as_not_existing(value):
    with pytest.raises(ValidationError) as exc:
        _obligation(due=value)
    assert f"date {value} does not exist" in _messages(exc)


@pytest.mark.parametrize("value", ["2027-1-5", "5 January 2027", 20270105])
def test_a_date_not_written_yyyy_mm_dd_is_refused(value):
    with pytest.raises(ValidationError) as exc:
        _obligation(due=value)
    assert "YYYY-MM-DD" in _messages(exc)


def test_a_date_object_is_accepted_as_it_is():
    assert _obligation(due=dt.date(2027, 1, 5)).due == dt.date(2027, 1, 5)


def test_a_misspelt_key_is_an_error_rather_than_silence():
    with pytest.raises(ValidationError) as exc:
        _obligation(dew="2027-01-01")
    assert exc.value.errors()[0]["type"] == "extra_forbidden"


def test_a_number_in_a_text_field_is_kept_as_text():
    assert Text.model_validate({"en": 2027}).en == "2027"


def test_a_text_needs_one_language():
    with pytest.raises(ValidationError, match="at least one of 'en' or 'nl'"):
        Text.model_validate({})


@pytest.mark.parametrize(
    ("text", "lang", "expected"),
    [({"en": "E", "nl": "N"}, "nl", "N"), ({"en": "E"}, "nl", "E"), ({"nl": "N"}, "en", "N")],
)
def test_a_text_falls_back_to_the_other_language(text, lang, expected):
    assert Text.model_validate(text).get(lang) == expected


def test_a_text_only_has_the_language_it_was_written_in():
    text = Text.model_validate({"nl": "N"})
    assert (text.has("nl"), text.has("en")) == (True, False)


def test_a_source_url_must_be_http_or_https():
    with pytest.raises(ValidationError, match="must start with http"):
        Source.model_validate({"url": "javascript:alert(1)", "title": "x"})


@pytest.mark.parametrize("oid", ["X.a", "x", "x..a", "x.a.b", "x-.a"])
def test_an_obligation_id_is_act_dot_name_in_kebab_case(oid):
    with pytest.raises(ValidationError):
        Obligation.model_validate({"id": oid, "title": {"en": "A"}, "roles": {"rijk": "addressee"}})


def test_due_and_milestone_together_and_no_roles_are_both_reported_at_once():
    with pytest.raises(ValidationError) as exc:
        Obligation.model_validate(
            {"id": "x.a", "title": {"en": "A"}, "roles": {}, "due": "2027-01-01", "milestone": "m"}
        )
    assert len(exc.value.errors()) == 2


def test_a_recurrence_goes_only_with_a_recurring_nature():
    with pytest.raises(ValidationError, match="recurrence"):
        _obligation(nature="one-off", recurrence={"every": "year"})
    with pytest.raises(ValidationError, match="recurrence"):
        _obligation(nature="recurring")


def test_the_same_article_twice_is_refused():
    with pytest.raises(ValidationError, match="same article twice"):
        _obligation(articles=["Art. 5", "Art. 5"])


def test_an_obligation_belongs_to_the_act_its_id_starts_with():
    assert (
        Obligation.model_validate(
            {"id": "ai-act.fria", "title": {"en": "F"}, "roles": {"rijk": "addressee"}}
        ).act
        == "ai-act"
    )


def test_only_implementing_roles_make_planned_layers_sorted():
    found = _obligation(
        roles={"waterschappen": "co-responsible", "rijk": "supervisor", "gemeenten": "provider"}
    )
    assert found.planned_layers == ["gemeenten", "waterschappen"]


def test_legacy_effort_points_count_when_no_person_days_are_given():
    assert (_obligation(effort=3).effort_estimate, _obligation().effort_estimate) == (3, None)


@pytest.mark.parametrize(("period", "months"), [("year", 12), ("half", 6), ("quarter", 3), ("month", 1)])
def test_a_recurrence_period_is_its_length_in_months(period, months):
    assert Period(period).months == months


def test_national_instruments_are_not_eu_law():
    assert [k.value for k in ActKind if not k.is_eu] == ["national-act", "national-policy"]


def test_a_celex_number_has_the_sector_year_type_number_shape():
    with pytest.raises(ValidationError):
        Act.model_validate({"id": "x", "kind": "regulation", "title": {"en": "X"}, "celex": "2024/1689"})
    assert Act.model_validate(
        {"id": "x", "kind": "regulation", "title": {"en": "X"}, "celex": "32024R1689"}
    ).celex


def test_an_act_finds_its_milestone_by_id():
    act = Act.model_validate(
        {
            "id": "x",
            "kind": "national-act",
            "title": {"en": "X"},
            "milestones": [{"id": "eif", "kind": "entry-into-force", "date": "2026-01-01"}],
        }
    )
    assert (act.milestone("eif").date, act.milestone("nope")) == (dt.date(2026, 1, 1), None)  # type: ignore[union-attr]


@pytest.mark.parametrize(
    "change",
    [
        {"milestone": "m"},
        {"milestone": "m", "date": "2027-01-01", "remove": True},
        {"obligation": "x.a"},
        {"obligation": "x.a", "due": "2027-01-01", "remove": True},
        {"collective": "c"},
        {"milestone": "m", "obligation": "x.a", "date": "2027-01-01"},
    ],
)
def test_a_scenario_change_has_exactly_one_shape(change):
    with pytest.raises(ValidationError):
        Change.model_validate(change)


@pytest.mark.parametrize(
    "change",
    [
        {"milestone": "m", "date": "2027-01-01"},
        {"obligation": "x.a", "remove": True},
        {"obligation": "x.a", "due": "2027-01-01"},
        {"collective": "c", "delay_months": 6},
    ],
)
def test_each_shape_of_a_scenario_change_is_accepted(change):
    assert Change.model_validate(change)


def test_a_progress_file_may_leave_out_the_layer():
    assert Progress.model_validate({"done": [{"obligation": "x.a"}]}).layer is None


def test_relations_come_kind_by_kind_with_their_position_in_the_list():
    found = _obligation(needs=("x.f",), requires=("x.p", "x.q"), conflicts=("x.c",))
    assert [(r.kind, r.target, r.index) for r in relations_of(found)] == [
        (RelationKind.REQUIRES, "x.p", 0),
        (RelationKind.REQUIRES, "x.q", 1),
        (RelationKind.CONFLICTS, "x.c", 0),
        (RelationKind.NEEDS_FACILITY, "x.f", 0),
    ]


def test_only_an_overlap_carries_a_degree():
    found = relations_of(_obligation(overlaps=("x.o",), requires=("x.p",)))
    assert {r.kind: r.degree for r in found} == {RelationKind.REQUIRES: None, RelationKind.OVERLAPS: "equal"}


def test_raise_all_raises_nothing_without_problems():
    raise_all([], "Nothing")


# --- questions and conditions ---------------------------------------------------------------


def _question(**fields: object) -> Question:
    return Question.model_validate({"id": "q", "text": {"en": "Q?"}, **fields})


def test_choices_are_given_for_and_only_for_a_choice_question():
    with pytest.raises(ValidationError, match="choices"):
        _question(type="choice")
    with pytest.raises(ValidationError, match="choices"):
        _question(type="bool", choices=[{"id": "a", "text": {"en": "A"}}])


def test_a_default_answer_of_the_wrong_type_names_its_layer():
    with pytest.raises(ValidationError, match=r"defaults\.rijk\.answer"):
        _question(type="bool", defaults={"rijk": {"answer": 3, "rationale": {"en": "r"}}})


@pytest.mark.parametrize(("qtype", "answer"), [("bool", "yes"), ("number", True), ("number", "12")])
def test_an_answer_of_another_type_is_invalid(qtype, answer):
    assert _question(type=qtype).invalid(answer) is not None


def test_a_choice_answer_must_be_one_of_the_choices():
    q = _question(
        type="choice", choices=[{"id": "small", "text": {"en": "S"}}, {"id": "large", "text": {"en": "L"}}]
    )
    assert (q.invalid("large"), q.invalid("medium")) == (None, "'medium' is not one of: small, large")


def _cond(data: dict[str, object]) -> Condition:
    return Condition.model_validate(data)


@pytest.mark.parametrize(
    "data",
    [
        {"question": "q"},
        {"question": "q", "equals": True, "below": 3},
        {"all": [{"question": "q", "equals": True}], "any": [{"question": "q", "equals": True}]},
        {"all": [{"question": "q", "equals": True}], "equals": True},
        {},
    ],
)
def test_a_condition_is_one_test_or_one_group(data):
    with pytest.raises(ValidationError):
        _cond(data)


@pytest.mark.parametrize(
    ("test", "answer", "expected"),
    [
        ({"equals": True}, True, True),
        ({"equals": True}, False, False),
        ({"in": ["a", "b"]}, "b", True),
        ({"in": ["a", "b"]}, "c", False),
        ({"at_least": 10}, 10, True),
        ({"at_least": 10}, 9.5, False),
        ({"below": 10}, 9, True),
        ({"below": 10}, 10, False),
        ({"at_least": 10}, "many", False),
        ({"below": 10}, True, False),
    ],
)
def test_a_question_test_compares_the_answer(test, answer, expected):
    assert _cond({"question": "q", **test}).holds({"q": answer}) is expected


def test_a_missing_answer_leaves_a_test_undecided():
    assert _cond({"question": "q", "equals": True}).holds({}) is None


YES = {"question": "y", "equals": True}
NO = {"question": "n", "equals": True}
UNKNOWN = {"question": "u", "equals": True}
ANSWERS = {"y": True, "n": False}


@pytest.mark.parametrize(
    ("group", "expected"),
    [
        ({"all": [YES, YES]}, True),
        ({"all": [YES, NO, UNKNOWN]}, False),
        ({"all": [YES, UNKNOWN]}, None),
        ({"any": [NO, YES, UNKNOWN]}, True),
        ({"any": [NO, UNKNOWN]}, None),
        ({"any": [NO, NO]}, False),
        ({"not": NO}, True),
        ({"not": UNKNOWN}, None),
    ],
)
def test_groups_combine_their_parts_with_unknown_answers_undecided(group, expected):
    assert _cond(group).holds(ANSWERS) is expected


def test_a_condition_lists_every_question_it_reads_depth_first():
    nested = _cond({"all": [YES, {"any": [NO, {"not": UNKNOWN}]}]})
    assert list(nested.questions()) == ["y", "n", "u"]
    assert [t.question for t in nested.tests()] == ["y", "n", "u"]


@PROPERTY
@given(answer=st.one_of(st.none(), st.integers(-10, 10)), bound=st.integers(-10, 10))
def test_not_at_least_is_the_same_as_below(answer, bound):
    answers = {} if answer is None else {"q": answer}
    at_least = _cond({"not": {"question": "q", "at_least": bound}}).holds(answers)
    assert at_least == _cond({"question": "q", "below": bound}).holds(answers)


# --- layers, files and hosts -----------------------------------------------------------------


@pytest.mark.parametrize(
    "fields",
    [{"organisations": 0}, {"organisations": 1, "capacity_days": 0}, {"organisations": 1, "capacity": -1}],
)
def test_a_layer_has_at_least_one_organisation_and_a_positive_capacity(fields):
    from planner.models import Layer

    with pytest.raises(ValidationError):
        Layer.model_validate({"id": "rijk", "name": {"en": "Rijk"}, **fields})


def test_a_layers_file_needs_at_least_one_layer():
    from planner.models import LayersFile

    with pytest.raises(ValidationError):
        LayersFile.model_validate({"layers": []})


@pytest.mark.parametrize(
    ("host", "ok"),
    [
        ("eur-lex.europa.eu", True),
        ("wetten.overheid.nl", True),
        ("localhost", False),
        ("https://europa.eu", False),
    ],
)
def test_a_primary_host_is_a_bare_host_name(host, ok):
    from planner.models import PrimaryHost

    if ok:
        assert PrimaryHost(host=host, name="n").host == host
    else:
        with pytest.raises(ValidationError):
            PrimaryHost(host=host, name="n")


def test_a_milestone_is_in_force_unless_it_says_otherwise():
    from planner.models import Milestone

    assert (
        Milestone.model_validate({"id": "m", "kind": "review", "date": "2030-01-01"}).status.value
        == "in-force"
    )


def test_a_scenario_needs_at_least_one_change():
    from planner.models import Scenario

    with pytest.raises(ValidationError):
        Scenario.model_validate({"id": "s", "title": {"en": "S"}, "changes": []})


def test_models_are_frozen():
    found = _obligation()
    with pytest.raises(ValidationError):
        found.due = dt.date(2027, 1, 1)  # type: ignore[misc]


def test_surrounding_spaces_in_text_are_stripped():
    assert Text.model_validate({"en": "  padded  "}).en == "padded"


@pytest.mark.parametrize("field", ["capacity", "capacity_days"])
def test_a_layer_s_capacity_is_a_finite_number(field):
    from planner.models import Layer

    with pytest.raises(ValidationError, match="finite"):
        Layer.model_validate({"id": "rijk", "name": {"en": "Rijk"}, "organisations": 1, field: float("inf")})
