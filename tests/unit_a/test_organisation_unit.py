"""Organisation files and baseline workbooks: what is read, and every bad cell at its place."""

from __future__ import annotations

import datetime as dt
import io
from pathlib import Path
from typing import Any

import openpyxl
import pytest
from hypothesis import given
from hypothesis import strategies as st
from pydantic import ValidationError

from planner.errors import DataError, UsageError
from planner.organisation.load import load_organisation, read_organisation
from planner.organisation.model import OrganisationFile, State, StateEntry
from planner.organisation.profile import applies, layer_profile, organisation_profile
from planner.organisation.workbook import column_letter
from planner.organisation.workbook_read import as_date, as_number, as_percent, as_text, read_workbook
from planner.organisation.workbook_write import assess_workbook
from tests.unit_a.builders import PROPERTY, QUESTIONS, catalogue, ob


@pytest.fixture
def cat():  # type: ignore[no-untyped-def]
    return catalogue(
        {"x.a": ob(), "x.b": ob(), "x.g": ob(roles={"gemeenten": "addressee"})},
        layers={"rijk": 50.0, "gemeenten": None},
        questions=QUESTIONS,
    )


# --- cell parsers ------------------------------------------------------------------------------


def test_a_date_cell_a_datetime_cell_and_iso_text_are_all_dates():
    day = dt.date(2027, 3, 1)
    assert as_date(day) == as_date(dt.datetime(2027, 3, 1, 12, 0)) == as_date(" 2027-03-01 ") == day


@pytest.mark.parametrize("value", ["1 maart", 45000, None])
def test_anything_else_is_not_a_date(value):
    with pytest.raises(ValueError, match="is not a date"):
        as_date(value)


@pytest.mark.parametrize(("value", "number"), [(12.0, 12), ("12,5", 12.5), (" 7 ", 7), (3, 3)])
def test_numbers_are_read_from_cells_and_text_with_a_decimal_comma(value, number):
    found = as_number(value)
    assert (found, type(found)) == (number, type(number))


@pytest.mark.parametrize("value", [True, "twelve", float("nan"), None])
def test_a_boolean_a_word_or_nan_is_not_a_number(value):
    with pytest.raises(ValueError, match="is not a number"):
        as_number(value)


@pytest.mark.parametrize("value", [-1, 101, 40.5, "veel"])
def test_a_percent_is_a_whole_number_from_0_to_100(value):
    with pytest.raises(ValueError, match="from 0 to 100"):
        as_percent(value)


def test_text_cells_lose_a_needless_point_zero_and_show_dates_in_iso_form():
    assert (as_text(2018.0), as_text(dt.datetime(2018, 5, 25)), as_text("  B&W  ")) == (
        "2018",
        "2018-05-25",
        "B&W",
    )


@PROPERTY
@given(number=st.integers(-(10**9), 10**9))
def test_a_whole_number_reads_back_from_its_text(number):
    assert as_number(as_text(float(number))) == number


@pytest.mark.parametrize(("col", "letters"), [(26, "Z"), (27, "AA"), (52, "AZ"), (703, "AAA")])
def test_column_letters_roll_over_like_a_spreadsheet(col, letters):
    assert column_letter(col) == letters


# --- the workbook read back -------------------------------------------------------------------


def _workbook(
    tmp_path: Path, cat: Any, cells: dict[tuple[str, str], Any], lang: str = "en", layer: str = "rijk"
) -> Path:
    """The baseline workbook of `layer` with `cells` ({(sheet key, cell): value}) filled in."""
    from planner.organisation.workbook import sheet_name

    book = openpyxl.load_workbook(io.BytesIO(assess_workbook(cat, layer, lang)))
    for (sheet, cell), value in cells.items():
        book[sheet_name(lang, sheet)][cell] = value
    path = tmp_path / "baseline.xlsx"
    book.save(path)
    return path


def _errors(path: Path, cat: Any) -> list[tuple[str, str]]:
    """Each problem of reading `path` as (SHEET!CELL, message); the cell is "" for the whole file."""
    with pytest.raises(DataError) as exc:
        read_workbook(path, cat)
    found = []
    for line in exc.value.lines():
        where, message = line.split(": error: ", 1)
        found.append((where.rsplit(":", 1)[1] if "!" in where else "", message))
    return found


def _cells(errors: list[tuple[str, str]]) -> list[str]:
    return [cell for cell, _ in errors]


NAMED = {("status", "B1"): "Gemeente X"}


def test_a_filled_in_workbook_gives_name_answers_capacity_and_states(tmp_path, cat):
    cells = {
        **NAMED,
        ("status", "B3"): 30,
        ("questions", "F2"): "yes",
        ("questions", "F3"): "Large",
        ("questions", "F4"): "12",
        ("status", "F6"): "In progress",
        ("status", "H6"): 40,
        ("status", "F7"): "deferred",
        ("status", "I7"): "2027-06-30",
        ("status", "J7"): "B&W",
    }
    org = read_workbook(_workbook(tmp_path, cat, cells), cat)
    assert (org.organisation, org.layer, org.capacity) == ("Gemeente X", "rijk", 30.0)
    assert org.answers == {"ai": True, "size": "large", "n": 12}
    assert org.status["x.a"] == StateEntry(state=State.IN_PROGRESS, percent=40)
    assert org.status["x.b"].until == dt.date(2027, 6, 30)


def test_dutch_labels_are_read_from_an_english_workbook(tmp_path, cat):
    path = _workbook(tmp_path, cat, {**NAMED, ("questions", "F3"): "groot", ("questions", "F2"): "ja"})
    assert read_workbook(path, cat).answers == {"size": "large", "ai": True}


def test_an_empty_answer_and_an_empty_row_are_left_out(tmp_path, cat):
    org = read_workbook(_workbook(tmp_path, cat, NAMED), cat)
    assert (org.answers, org.status, org.capacity) == ({}, {}, None)


def test_an_empty_name_and_an_unknown_layer_are_each_located(tmp_path, cat):
    errors = _errors(_workbook(tmp_path, cat, {("status", "B2"): "provincie"}), cat)
    assert _cells(errors) == ["Status!B1", "Status!B2"]


@pytest.mark.parametrize("capacity", [0, -5, "lots"])
def test_a_capacity_that_is_not_above_zero_is_located(tmp_path, cat, capacity):
    ((cell, message),) = _errors(_workbook(tmp_path, cat, {**NAMED, ("status", "B3"): capacity}), cat)
    assert cell == "Status!B3" and message.startswith("capacity:")


def test_a_wrong_answer_is_located_at_its_answer_cell(tmp_path, cat):
    cells = {**NAMED, ("questions", "F2"): "maybe", ("questions", "F4"): -3}
    assert _cells(_errors(_workbook(tmp_path, cat, cells), cat)) == ["Questions!F2", "Questions!F4"]


def test_an_unknown_or_repeated_question_is_located_at_its_id(tmp_path, cat):
    cells = {
        **NAMED,
        ("questions", "F2"): "yes",
        ("questions", "A5"): "colour",
        ("questions", "F5"): "red",
        ("questions", "A6"): "ai",
        ("questions", "F6"): "no",
    }
    errors = _errors(_workbook(tmp_path, cat, cells), cat)
    assert _cells(errors) == ["Questions!A5", "Questions!A6"]
    assert "answered twice" in errors[1][1]


def test_a_moved_column_is_reported_once_at_the_first_header_out_of_place(tmp_path, cat):
    cells = {**NAMED, ("status", "F5"): "Since", ("status", "G5"): "State"}
    ((cell, message),) = _errors(_workbook(tmp_path, cat, cells), cat)
    assert cell == "Status!F5" and message.startswith("header:")


def test_a_state_that_does_not_exist_is_located_and_lists_the_states(tmp_path, cat):
    ((cell, message),) = _errors(_workbook(tmp_path, cat, {**NAMED, ("status", "F6"): "finished"}), cat)
    assert cell == "Status!F6" and message.startswith("status.x.a.state:") and "not started" in message


def test_a_row_with_fields_but_no_state_is_located_at_the_state(tmp_path, cat):
    ((cell, message),) = _errors(_workbook(tmp_path, cat, {**NAMED, ("status", "L6"): "a note"}), cat)
    assert cell == "Status!F6" and "empty" in message


def test_a_field_the_state_does_not_take_is_located_at_its_cell(tmp_path, cat):
    cells = {**NAMED, ("status", "F6"): "done", ("status", "H6"): 50}
    ((cell, message),) = _errors(_workbook(tmp_path, cat, cells), cat)
    assert cell == "Status!H6" and message.startswith("status.x.a.percent:")


def test_a_note_goes_with_every_state(tmp_path, cat):
    cells = {**NAMED, ("status", "F6"): "not-started", ("status", "L6"): "later"}
    assert read_workbook(_workbook(tmp_path, cat, cells), cat).status["x.a"].note == "later"


def test_every_missing_field_of_a_deferral_is_located(tmp_path, cat):
    errors = _errors(_workbook(tmp_path, cat, {**NAMED, ("status", "F6"): "deferred"}), cat)
    assert _cells(errors) == ["Status!I6", "Status!J6"]


def test_a_bad_date_is_located_at_its_cell(tmp_path, cat):
    cells = {**NAMED, ("status", "F6"): "done", ("status", "G6"): "gisteren"}
    ((cell, message),) = _errors(_workbook(tmp_path, cat, cells), cat)
    assert cell == "Status!G6" and message.startswith("status.x.a.since:")


def test_an_obligation_given_twice_names_its_first_row(tmp_path, cat):
    cells = {**NAMED, ("status", "F6"): "done", ("status", "A7"): "x.a", ("status", "F7"): "done"}
    ((cell, message),) = _errors(_workbook(tmp_path, cat, cells), cat)
    assert cell == "Status!A7" and "first in row 6" in message


def test_an_obligation_of_another_layer_is_located_at_its_id(tmp_path, cat):
    cells = {**NAMED, ("status", "A6"): "x.g", ("status", "F6"): "done"}
    ((cell, message),) = _errors(_workbook(tmp_path, cat, cells), cat)
    assert cell == "Status!A6" and "not a duty of rijk" in message


def test_a_workbook_without_its_sheets_names_them(tmp_path, cat):
    path = tmp_path / "other.xlsx"
    openpyxl.Workbook().save(path)
    errors = _errors(path, cat)
    assert _cells(errors) == ["", ""]
    assert any("'Vragen' or 'Questions'" in message for _, message in errors)


def test_a_file_that_is_not_a_workbook_is_a_data_error(tmp_path, cat):
    path = tmp_path / "fake.xlsx"
    path.write_text("not a zip", encoding="utf-8")
    ((_, message),) = _errors(path, cat)
    assert "not a workbook that can be read" in message


def test_a_missing_workbook_is_a_usage_error(tmp_path, cat):
    with pytest.raises(UsageError, match="does not exist"):
        read_organisation(tmp_path / "gone.xlsx", cat)


def test_read_organisation_takes_a_workbook_by_its_suffix(tmp_path, cat):
    path = _workbook(tmp_path, cat, {**NAMED, ("status", "F6"): "done"})
    profile = read_organisation(path, cat)
    assert (profile.name, profile.source, list(profile.states)) == ("Gemeente X", str(path), ["x.a"])


# --- the YAML file and the profile ------------------------------------------------------------


def test_a_folder_given_as_organisation_file_is_a_usage_error(tmp_path, cat):
    with pytest.raises(UsageError, match="is a folder"):
        load_organisation(tmp_path, cat)


def test_an_unknown_layer_is_reported_and_nothing_else_checked(tmp_path, cat):
    path = tmp_path / "org.yaml"
    path.write_text("organisation: X\nlayer: provincies\nstatus:\n  x.zz: {state: done}\n", encoding="utf-8")
    with pytest.raises(DataError) as exc:
        load_organisation(path, cat)
    (line,) = exc.value.lines()
    assert f"/{path.name}:2:8: error: " in f"/{line}" and "'provincies'" in line


def test_an_empty_organisation_file_is_an_error_at_its_first_line(tmp_path, cat):
    path = tmp_path / "org.yaml"
    path.write_text("", encoding="utf-8")
    with pytest.raises(DataError) as exc:
        load_organisation(path, cat)
    assert [line.split(": error: ")[0].rsplit("/", 1)[-1] for line in exc.value.lines()] == [
        f"{path.name}:1:1"
    ]


def test_the_layer_profile_answers_with_the_defaults_and_says_they_are_assumed(cat):
    p = layer_profile(cat, "rijk")
    assert (p.answers, p.assumed, p.capacity, p.capacity_assumed) == (
        {"ai": False, "n": 10},
        ("ai", "n"),
        50.0,
        True,
    )


def test_an_organisation_s_own_answer_and_capacity_are_not_assumed(cat):
    org = OrganisationFile(organisation="X", layer="rijk", answers={"n": 3}, capacity=20)
    p = organisation_profile(cat, org)
    assert (p.answers, p.assumed, p.capacity, p.capacity_assumed) == (
        {"ai": False, "n": 3},
        ("ai",),
        20,
        False,
    )


def test_without_its_own_capacity_an_organisation_has_the_layer_s(cat):
    p = organisation_profile(cat, OrganisationFile(organisation="X", layer="rijk"))
    assert (p.capacity, p.capacity_assumed) == (50.0, True)


def test_a_layer_s_legacy_capacity_points_count_as_person_days():
    legacy = catalogue({"x.a": ob()})
    legacy.layers["rijk"] = legacy.layers["rijk"].model_copy(update={"capacity": 8.0})
    assert layer_profile(legacy, "rijk").capacity == 8.0


def test_an_obligation_without_a_condition_applies_whatever_the_answers(cat):
    assert applies(cat.obligations["x.a"], layer_profile(cat, "rijk")) is True


@pytest.mark.parametrize(
    ("entry", "problem"),
    [
        ({"state": "done", "percent": 10}, "takes no percent"),
        ({"state": "not-applicable"}, "needs a 'reason'"),
        ({"state": "deferred", "until": "2027-01-01"}, "needs 'until'"),
        ({"state": "in-progress", "percent": 101}, "less than or equal to 100"),
        ({"state": "not-started", "note": "n", "since": "2020-01-01"}, "takes no since"),
    ],
)
def test_a_state_entry_takes_only_the_fields_of_its_state(entry, problem):
    with pytest.raises(ValidationError, match=problem):
        StateEntry.model_validate(entry)


def test_collectives_may_be_a_list_or_a_mapping_of_choices():
    assert OrganisationFile(organisation="X", layer="rijk", collectives=["a"]).collectives == ("a",)
    assert OrganisationFile(organisation="X", layer="rijk", collectives={"a": False}).collectives == {
        "a": False
    }


# --- collective choices -----------------------------------------------------------------------


@pytest.fixture
def with_collectives(cat):  # type: ignore[no-untyped-def]
    from dataclasses import replace

    from planner.house.model import Collective
    from tests.unit_a.builders import collective

    colls = [
        collective("c", {"x.a": 0.5}),
        collective("d", {"x.a": 0.5}, default_for=[]),
        collective("g", {"x.g": 0.5}, layers=["gemeenten"], default_for=[]),
    ]
    return replace(cat, collectives={c["id"]: Collective.model_validate(c) for c in colls})


def test_a_list_of_collectives_names_exactly_those_used(with_collectives):
    from planner.organisation.profile import collective_choices

    org = OrganisationFile(organisation="X", layer="rijk", collectives=["d"])
    assert collective_choices(with_collectives, org) == {"c": False, "d": True}


def test_a_mapping_of_collective_choices_is_kept_as_written(with_collectives):
    from planner.organisation.profile import collective_choices

    org = OrganisationFile(organisation="X", layer="rijk", collectives={"d": True})
    assert collective_choices(with_collectives, org) == {"d": True}


@pytest.mark.parametrize(
    ("collectives", "where", "problem"),
    [("[ghost]", ":3:15:", "'ghost'"), ("{g: true}", ":3:15:", "serves gemeenten, not rijk")],
)
def test_a_collective_unknown_or_not_serving_the_layer_is_located(
    tmp_path, with_collectives, collectives, where, problem
):
    path = tmp_path / "org.yaml"
    path.write_text(f"organisation: X\nlayer: rijk\ncollectives: {collectives}\n", encoding="utf-8")
    with pytest.raises(DataError) as exc:
        load_organisation(path, with_collectives)
    (line,) = exc.value.lines()
    assert where in line and problem in line


# --- numbers must be finite: JSON has no Infinity ---------------------------------------------


def test_an_infinite_capacity_in_an_organisation_file_is_located(tmp_path, cat):
    path = tmp_path / "org.yaml"
    path.write_text("organisation: X\nlayer: rijk\ncapacity: 1.0e+400\n", encoding="utf-8")
    with pytest.raises(DataError) as exc:
        load_organisation(path, cat)
    (line,) = exc.value.lines()
    assert f"/{path.name}:3:11: error: capacity:" in f"/{line}" and "finite" in line


@pytest.mark.parametrize("value", ["1e400", "-inf", "nan"])
def test_an_infinite_or_undefined_number_in_a_cell_is_not_a_number(value):
    with pytest.raises(ValueError, match="is not a number"):
        as_number(value)


def test_an_infinite_capacity_in_a_workbook_is_located_at_its_cell(tmp_path, cat):
    ((cell, message),) = _errors(_workbook(tmp_path, cat, {**NAMED, ("status", "B3"): "1e400"}), cat)
    assert cell == "Status!B3" and message.startswith("capacity:")


def test_an_infinite_number_answer_is_invalid(cat):
    assert cat.questions["n"].invalid(float("inf")) is not None


def test_an_upper_case_xlsx_suffix_is_read_as_a_workbook(tmp_path, cat):
    path = _workbook(tmp_path, cat, NAMED)
    upper = path.rename(tmp_path / "BASELINE.XLSX")
    assert read_organisation(upper, cat).name == "Gemeente X"


def test_the_package_entry_point_reads_an_organisation_file(tmp_path, cat):
    from planner.organisation import read_organisation as read

    path = tmp_path / "org.yaml"
    path.write_text("organisation: X\nlayer: rijk\nstatus: {x.a: {state: done}}\n", encoding="utf-8")
    assert read(path, cat).states["x.a"].state is State.DONE


def test_a_workbook_over_the_size_limit_is_refused_unread(tmp_path, cat, monkeypatch):
    path = _workbook(tmp_path, cat, NAMED)
    monkeypatch.setattr("planner.organisation.workbook_read.MAX_BYTES", 100)
    ((cell, message),) = _errors(path, cat)
    assert cell == "" and "at most 100" in message


def test_a_yes_no_cell_as_a_number_answer_is_located(tmp_path, cat):
    ((cell, message),) = _errors(_workbook(tmp_path, cat, {**NAMED, ("questions", "F4"): True}), cat)
    assert cell == "Questions!F4" and "not a number" in message


def test_read_workbook_of_a_missing_file_is_a_usage_error(tmp_path, cat):
    with pytest.raises(UsageError, match="does not exist"):
        read_workbook(tmp_path / "gone.xlsx", cat)
