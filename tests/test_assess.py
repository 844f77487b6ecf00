"""`planner assess`: the baseline workbook, written and read back as an organisation file."""

from __future__ import annotations

import datetime as dt
import io
from pathlib import Path
from typing import Any

import pytest
import yaml

from planner.errors import DataError, UsageError
from planner.loading import load_catalogue
from planner.organisation.load import read_organisation
from planner.organisation.model import OrganisationFile, State
from planner.organisation.workbook import load_workbook_organisation, sheet_name, state_label
from planner.organisation.workbook_write import assess_workbook

from .conftest import invoke

openpyxl = pytest.importorskip("openpyxl")

QUESTIONS = """questions:
  - id: q-ai
    text: {en: Uses high-risk AI?, nl: Gebruikt AI met hoog risico?}
    type: bool
    source: law
    defaults:
      gemeenten: {answer: false, rationale: {en: Assumption for the test., nl: Aanname voor de test.}}
  - id: inhabitants
    text: {en: How many inhabitants?, nl: Hoeveel inwoners?}
    type: number
    source: law
  - id: entity
    text: {en: Which kind of entity?, nl: Welk soort entiteit?}
    type: choice
    choices:
      - {id: essential, text: {en: Essential, nl: Essentieel}}
      - {id: none, text: {en: Neither, nl: Geen van beide}}
    source: law
sources:
  law: {url: https://eur-lex.europa.eu/x, title: The law}
"""
YAML = """organisation: Gemeente Voorbeeld
layer: gemeenten
answers: {q-ai: true, inhabitants: 60000, entity: essential}
capacity: 120
status:
  act-a.inventory: {state: in-place, since: 2018-05-25}
  act-a.assess: {state: in-progress, percent: 40, note: Half the systems}
  act-b.connect: {state: deferred, until: 2027-06-30, decision: B&W 2026-11-12}
"""


@pytest.fixture
def cat(root):  # type: ignore[no-untyped-def]
    return load_catalogue(root)


@pytest.fixture
def root(catalogue_with):  # type: ignore[no-untyped-def]
    return catalogue_with({"questions.yaml": QUESTIONS})


def book(cat: Any, lang: str = "nl", layer: str = "gemeenten") -> Any:
    return openpyxl.load_workbook(io.BytesIO(assess_workbook(cat, layer, lang)))


def row_of(sheet: Any, value: str) -> int:
    return next(c.row for c in sheet["A"] if c.value == value)


def fill(tmp_path: Path, cat: Any, status: dict[str, dict[str, Any]], lang: str = "nl", **top: Any) -> Path:
    """Fill in a fresh workbook as a user would: cells by column letter, per obligation or question id."""
    made = book(cat, lang)
    questions, sheet = made[sheet_name(lang, "questions")], made[sheet_name(lang, "status")]
    sheet["B1"] = top.pop("name", "Gemeente Voorbeeld")
    for cell, value in top.items():
        sheet[cell] = value
    for key, cells in status.items():
        target = questions if key in cat.questions else sheet
        for column, value in cells.items():
            target[f"{column}{row_of(target, key)}"] = value
    made.save(path := tmp_path / "baseline.xlsx")
    return path


def errors(path: Path, cat: Any) -> list[str]:
    with pytest.raises(DataError) as info:
        load_workbook_organisation(path, cat)
    return [p.format(cwd=path.parent) for p in info.value.problems]


FILLED = {
    "q-ai": {"F": "ja"},
    "inhabitants": {"F": 60000},
    "entity": {"F": "Essentieel"},
    "act-a.inventory": {"F": "ingericht", "G": dt.date(2018, 5, 25)},
    "act-a.assess": {"F": "in uitvoering", "H": 40, "L": "Half the systems"},
    "act-b.connect": {"F": "uitgesteld", "I": dt.date(2027, 6, 30), "J": "B&W 2026-11-12"},
}


# --- the workbook written ---------------------------------------------------------------------


def test_the_workbook_is_dutch_by_default(cat):
    assert book(cat).sheetnames == ["Toelichting", "Vragen", "Status", "Lijsten"]


def test_the_english_workbook_has_english_sheets_and_labels(cat):
    made = book(cat, "en")
    assert made.sheetnames == ["Instructions", "Questions", "Status", "Lists"]
    assert [c.value for c in made["Lists"]["A"]] == [state_label("en", s) for s in State]


def test_the_lists_sheet_is_hidden(cat):
    assert book(cat)["Lijsten"].sheet_state == "hidden"


def test_the_state_drop_down_offers_the_six_states_in_dutch(cat):
    made = book(cat)
    check = next(v for v in made["Status"].data_validations.dataValidation if "F6" in v.sqref)
    listed = made["Lijsten"][check.formula1.split("!")[1].replace("$", "")]
    assert [c.value for (c,) in listed] == [
        "niet begonnen",
        "in uitvoering",
        "ingericht",
        "afgerond",
        "niet van toepassing",
        "uitgesteld",
    ]


def test_the_status_sheet_lists_every_duty_of_the_layer_and_no_other(cat):
    sheet = book(cat, layer="rijk")["Status"]
    ids = [c.value for c in sheet["A"][5:]]
    assert ids == [o.id for o in cat.obligations_for("rijk")]


def test_the_due_date_is_a_real_date(cat):
    sheet = book(cat)["Status"]
    assert sheet[f"D{row_of(sheet, 'act-a.inventory')}"].value == dt.datetime(2026, 6, 30)


@pytest.mark.parametrize(
    ("question", "kind", "operator"),
    [("q-ai", "list", None), ("entity", "list", None), ("inhabitants", "whole", "greaterThanOrEqual")],
)
def test_each_answer_cell_has_a_drop_down_or_a_number_check(cat, question, kind, operator):
    sheet = book(cat)["Vragen"]
    cell = f"F{row_of(sheet, question)}"
    check = next(v for v in sheet.data_validations.dataValidation if cell in v.sqref)
    assert (check.type, check.operator) == (kind, operator)


def test_a_choice_drop_down_lists_the_choices_text(cat):
    made = book(cat)
    cell = f"F{row_of(made['Vragen'], 'entity')}"
    check = next(v for v in made["Vragen"].data_validations.dataValidation if cell in v.sqref)
    listed = made["Lijsten"][check.formula1.split("!")[1].replace("$", "")]
    assert [c.value for (c,) in listed] == ["Essentieel", "Geen van beide"]


def test_the_layer_default_and_its_rationale_are_shown(cat):
    sheet = book(cat)["Vragen"]
    row = row_of(sheet, "q-ai")
    assert (sheet[f"D{row}"].value, sheet[f"E{row}"].value) == ("nee", "Aanname voor de test.")


@pytest.mark.parametrize(
    ("sheet", "frozen", "filtered"), [("Vragen", "B2", "A1:F4"), ("Status", "B6", "A5:L8")]
)
def test_headers_are_frozen_and_filtered(cat, sheet, frozen, filtered):
    made = book(cat)[sheet]
    assert (made.freeze_panes, made.auto_filter.ref) == (frozen, filtered)


def test_the_same_input_gives_the_same_bytes(cat):
    assert assess_workbook(cat, "gemeenten") == assess_workbook(cat, "gemeenten")


def test_the_document_dates_are_fixed(cat):
    props = book(cat).properties
    assert props.created == props.modified == dt.datetime(2000, 1, 1)


def test_catalogue_text_that_looks_like_a_formula_stays_text(catalogue_with, minimal):
    text = (minimal / "act-a.yaml").read_text().replace("nl: Maak een inventaris", "nl: '=HYPERLINK(1)'")
    cat = load_catalogue(catalogue_with({"act-a.yaml": text}))
    sheet = book(cat)["Status"]
    cell = sheet[f"C{row_of(sheet, 'act-a.inventory')}"]
    assert (cell.value, cell.data_type, cell.quotePrefix) == ("=HYPERLINK(1)", "s", True)


def test_a_control_character_in_catalogue_text_is_shown_escaped(catalogue_with, minimal):
    text = (minimal / "act-a.yaml").read_text().replace("nl: Maak een inventaris", 'nl: "Maak\\x07 een"')
    cat = load_catalogue(catalogue_with({"act-a.yaml": text}))
    sheet = book(cat)["Status"]
    assert sheet[f"C{row_of(sheet, 'act-a.inventory')}"].value == "Maak\\x07 een"


# --- read back ----------------------------------------------------------------------------------


def test_a_filled_in_workbook_reads_as_the_equivalent_yaml(cat, tmp_path):
    path = fill(tmp_path, cat, FILLED, B3=120)
    assert load_workbook_organisation(path, cat) == OrganisationFile.model_validate(yaml.safe_load(YAML))


def test_an_english_workbook_reads_the_same(cat, tmp_path):
    english = {
        "q-ai": {"F": "yes"},
        "inhabitants": {"F": 60000},
        "entity": {"F": "Essential"},
        "act-a.inventory": {"F": "in place", "G": dt.date(2018, 5, 25)},
        "act-a.assess": {"F": "in progress", "H": 40, "L": "Half the systems"},
        "act-b.connect": {"F": "deferred", "I": dt.date(2027, 6, 30), "J": "B&W 2026-11-12"},
    }
    path = fill(tmp_path, cat, english, "en", B3=120)
    assert load_workbook_organisation(path, cat) == OrganisationFile.model_validate(yaml.safe_load(YAML))


def test_an_empty_row_is_not_assessed_and_an_empty_answer_keeps_the_default(cat, tmp_path):
    org = load_workbook_organisation(fill(tmp_path, cat, {}), cat)
    assert (org.answers, org.status, org.capacity) == ({}, {}, None)


def test_dates_typed_as_text_and_state_ids_are_accepted(cat, tmp_path):
    path = fill(tmp_path, cat, {"act-a.inventory": {"F": "in-place", "G": "2018-05-25"}})
    entry = load_workbook_organisation(path, cat).status["act-a.inventory"]
    assert (entry.state, entry.since) == (State.IN_PLACE, dt.date(2018, 5, 25))


def test_rows_are_read_by_their_id_whatever_their_order(cat, tmp_path):
    sheet = book(cat)["Status"]
    first, second = row_of(sheet, "act-a.inventory"), row_of(sheet, "act-a.assess")
    top = {f"A{first}": "act-a.assess", f"A{second}": "act-a.inventory", f"F{first}": "afgerond"}
    org = load_workbook_organisation(fill(tmp_path, cat, {}, **top), cat)
    assert {k: v.state for k, v in org.status.items()} == {"act-a.assess": State.DONE}


def test_read_organisation_dispatches_on_the_suffix(cat, tmp_path):
    (tmp_path / "org.yaml").write_text(YAML, encoding="utf-8")
    from_yaml = read_organisation(tmp_path / "org.yaml", cat)
    from_book = read_organisation(fill(tmp_path, cat, FILLED, B3=120), cat)
    assert (from_book.states, from_book.answers, from_book.source) == (
        from_yaml.states,
        from_yaml.answers,
        str(tmp_path / "baseline.xlsx"),
    )


# --- bad cells --------------------------------------------------------------------------------


def test_an_unknown_obligation_id_is_located(cat, tmp_path):
    path = fill(tmp_path, cat, {}, A6="act-a.inventry", F6="afgerond")
    assert errors(path, cat) == [
        "baseline.xlsx:Status!A6: error: status: unknown obligation 'act-a.inventry' (did you mean "
        "'act-a.inventory'?); known: act-a.assess, act-a.inventory, act-a.platform, act-b.connect"
    ]


def test_a_state_not_in_the_list_is_located_with_the_states_allowed(cat, tmp_path):
    path = fill(tmp_path, cat, {"act-a.assess": {"F": "klaar"}})
    row = row_of(book(cat)["Status"], "act-a.assess")
    assert errors(path, cat) == [
        f"baseline.xlsx:Status!F{row}: error: status.act-a.assess.state: 'klaar' is not a state; choose one "
        "of: niet begonnen, in uitvoering, ingericht, afgerond, niet van toepassing, uitgesteld"
    ]


def test_a_percent_over_100_is_located(cat, tmp_path):
    path = fill(tmp_path, cat, {"act-a.assess": {"F": "in uitvoering", "H": 140}})
    assert errors(path, cat)[0].endswith(
        "error: status.act-a.assess.percent: 140 is not a whole number from 0 to 100"
    )
    assert ":Status!H" in errors(path, cat)[0]


def test_a_bad_date_is_located(cat, tmp_path):
    path = fill(tmp_path, cat, {"act-a.inventory": {"F": "ingericht", "G": "25 mei 2018"}})
    row = row_of(book(cat)["Status"], "act-a.inventory")
    assert errors(path, cat) == [
        f"baseline.xlsx:Status!G{row}: error: status.act-a.inventory.since: '25 mei 2018' is not a date; "
        "give a date cell or YYYY-MM-DD"
    ]


@pytest.mark.parametrize(
    ("question", "value", "expected"),
    [
        ("q-ai", "misschien", "answers.q-ai: 'misschien' is not one of: ja, nee"),
        ("inhabitants", "veel", "answers.inhabitants: 'veel' is not a number"),
        ("inhabitants", -5, "answers.inhabitants: -5 is not a number, 0 or more"),
        ("entity", "Belangrijk", "answers.entity: 'Belangrijk' is not one of: Essentieel, Geen van beide"),
    ],
)
def test_an_answer_of_the_wrong_type_is_located(cat, tmp_path, question, value, expected):
    path = fill(tmp_path, cat, {question: {"F": value}})
    row = row_of(book(cat)["Vragen"], question)
    assert errors(path, cat) == [f"baseline.xlsx:Vragen!F{row}: error: {expected}"]


def test_a_field_the_state_does_not_take_is_located(cat, tmp_path):
    path = fill(tmp_path, cat, {"act-a.assess": {"F": "ingericht", "H": 40}})
    assert errors(path, cat)[0].endswith(
        "status.act-a.assess.percent: 40 does not go with state 'ingericht', which takes since"
    )


def test_a_field_the_state_needs_is_located_at_its_empty_cell(cat, tmp_path):
    path = fill(tmp_path, cat, {"act-a.assess": {"F": "niet van toepassing"}})
    row = row_of(book(cat)["Status"], "act-a.assess")
    assert errors(path, cat) == [
        f"baseline.xlsx:Status!K{row}: error: status.act-a.assess.reason: empty; "
        "state 'niet van toepassing' needs it"
    ]


def test_a_filled_row_without_a_state_is_located(cat, tmp_path):
    path = fill(tmp_path, cat, {"act-a.assess": {"L": "a note"}})
    assert "status.act-a.assess.state: empty, but the row is filled in" in errors(path, cat)[0]


def test_a_duty_of_another_layer_is_refused(cat, tmp_path):
    path = fill(tmp_path, cat, {}, A6="act-a.platform", F6="afgerond")
    assert errors(path, cat) == [
        "baseline.xlsx:Status!A6: error: status: obligation 'act-a.platform' is not a duty of gemeenten"
    ]


def test_a_missing_name_and_a_bad_capacity_are_located(cat, tmp_path):
    path = fill(tmp_path, cat, {}, name=None, B3="veel")
    assert errors(path, cat) == [
        "baseline.xlsx:Status!B1: error: organisation: empty; fill in the name of the organisation",
        "baseline.xlsx:Status!B3: error: capacity: 'veel' is not person-days per quarter, a number above 0 "
        "(empty: the layer's default)",
    ]


def test_every_bad_cell_is_reported_at_once(cat, tmp_path):
    bad = {"q-ai": {"F": "misschien"}, "act-a.assess": {"F": "klaar"}, "act-a.inventory": {"G": "gisteren"}}
    assert len(errors(fill(tmp_path, cat, bad), cat)) == 3


def test_a_file_that_is_not_a_workbook_is_one_error(cat, tmp_path):
    path = tmp_path / "baseline.xlsx"
    path.write_text("organisation: X\n", encoding="utf-8")
    assert errors(path, cat)[0].startswith("baseline.xlsx: error: not a workbook that can be read")


def test_a_missing_workbook_is_a_usage_error(cat, tmp_path):
    with pytest.raises(UsageError, match="does not exist"):
        read_organisation(tmp_path / "nope.xlsx", cat)


# --- the command ------------------------------------------------------------------------------


def test_assess_writes_the_workbook(runner, root, tmp_path):
    out = tmp_path / "b.xlsx"
    result = invoke(runner, "--catalog", str(root), "assess", "gemeenten", "-o", str(out), "--lang", "en")
    assert result.exit_code == 0
    assert openpyxl.load_workbook(out).sheetnames[1] == "Questions"


def test_assess_keeps_a_different_existing_file_without_force(runner, root, tmp_path):
    out = tmp_path / "b.xlsx"
    out.write_bytes(b"filled in")
    result = invoke(runner, "--catalog", str(root), "assess", "gemeenten", "-o", str(out))
    assert (result.exit_code, out.read_bytes()) == (2, b"filled in")
    assert "give --force" in result.stderr


def test_assess_overwrites_with_force(runner, root, tmp_path):
    out = tmp_path / "b.xlsx"
    out.write_bytes(b"filled in")
    result = invoke(runner, "--catalog", str(root), "assess", "gemeenten", "-o", str(out), "--force")
    assert (result.exit_code, out.read_bytes()[:2]) == (0, b"PK")


def test_assess_refuses_an_unknown_layer(runner, root, tmp_path):
    result = invoke(runner, "--catalog", str(root), "assess", "gemeentn", "-o", str(tmp_path / "b.xlsx"))
    assert result.exit_code == 2
    assert "unknown id 'gemeentn' (did you mean 'gemeenten'?)" in result.stderr


def test_a_moved_column_is_reported_not_misread(cat, tmp_path):
    made = book(cat)
    made["Status"].insert_cols(3)
    made["Status"]["B1"] = "Gemeente Voorbeeld"
    made.save(path := tmp_path / "baseline.xlsx")
    assert errors(path, cat) == [
        "baseline.xlsx:Status!C5: error: header: None stands where 'Verplichting' belongs; "
        "keep the columns where `planner assess` put them"
    ]
