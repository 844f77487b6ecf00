"""The baseline workbook `planner assess` writes: what it lists, text kept inert, and a clean round trip."""

from __future__ import annotations

import datetime as dt
import io
from pathlib import Path
from typing import Any

import openpyxl
import pytest
from hypothesis import given
from hypothesis import strategies as st

from planner.organisation.workbook import sheet_name
from planner.organisation.workbook_read import read_workbook
from planner.organisation.workbook_write import answer_label, assess_workbook
from tests.unit_a.builders import PROPERTY, QUESTIONS, catalogue, ob

LAYERS = {"rijk": None, "gemeenten": 40.0}


def _cat(**titles: str):  # type: ignore[no-untyped-def]
    return catalogue(
        {
            "x.b": ob(roles={"gemeenten": "addressee"}, title={"en": titles.get("x.b", "B")}),
            "x.a": ob(roles={"gemeenten": "provider", "rijk": "addressee"}),
            "x.s": ob(roles={"gemeenten": "supervisor"}),
            "y.r": ob(
                roles={"gemeenten": "addressee"},
                nature="recurring",
                recurrence={"every": "year", "first": "2026-01-01"},
            ),
        },
        layers=LAYERS,
        questions=QUESTIONS,
    )


def _book(cat: Any, layer: str = "gemeenten", lang: str = "en") -> Any:
    return openpyxl.load_workbook(io.BytesIO(assess_workbook(cat, layer, lang)))


def _status_rows(book: Any, lang: str = "en") -> list[tuple[Any, ...]]:
    sheet = book[sheet_name(lang, "status")]
    return [r for r in sheet.iter_rows(min_row=6, values_only=True) if r[0] is not None]


def test_the_status_sheet_lists_every_duty_the_layer_implements_in_catalogue_order():
    assert [r[0] for r in _status_rows(_book(_cat()))] == ["x.b", "x.a", "y.r"]


def test_the_status_sheet_names_the_layer_and_its_default_capacity():
    sheet = _book(_cat())[sheet_name("en", "status")]
    assert (sheet["B2"].value, sheet["B3"].value) == ("gemeenten", None)
    assert "40" in sheet["C3"].value


def test_a_recurring_duty_says_how_often_it_comes_back():
    from planner.organisation.workbook import word

    (row,) = [r for r in _status_rows(_book(_cat())) if r[0] == "y.r"]
    assert word("en", "period_year") in row[4]


def test_a_title_that_looks_like_a_formula_is_written_as_quoted_text():
    cell = _book(_cat(**{"x.b": '=HYPERLINK("http://evil","x")'}))[sheet_name("en", "status")]["C6"]
    assert (cell.data_type, cell.quotePrefix) == ("s", True)


def test_a_control_character_in_catalogue_text_is_shown_escaped():
    cell = _book(_cat(**{"x.b": "bell\x07here"}))[sheet_name("en", "status")]["C6"]
    assert cell.value == "bell\\x07here"


@pytest.mark.parametrize("lang", ["en", "nl"])
def test_the_same_catalogue_and_layer_give_the_same_bytes(lang):
    assert assess_workbook(_cat(), "gemeenten", lang) == assess_workbook(_cat(), "gemeenten", lang)


@pytest.mark.parametrize("lang", ["en", "nl"])
def test_an_untouched_workbook_with_a_name_reads_back_as_nothing_assessed(tmp_path: Path, lang):
    cat = _cat()
    book = _book(cat, lang=lang)
    book[sheet_name(lang, "status")]["B1"] = "Gemeente X"
    book.save(tmp_path / "b.xlsx")
    org = read_workbook(tmp_path / "b.xlsx", cat)
    assert (org.layer, org.answers, org.status) == ("gemeenten", {}, {})


@pytest.mark.parametrize("lang", ["en", "nl"])
@pytest.mark.parametrize(("row", "answer"), [(2, True), (2, False), (3, "small"), (4, 12), (4, 0)])
def test_an_answer_entered_as_the_drop_down_shows_it_reads_back_as_that_answer(
    tmp_path: Path, lang, row, answer
):
    cat = _cat()
    question = list(cat.questions.values())[row - 2]
    book = _book(cat, lang=lang)
    book[sheet_name(lang, "status")]["B1"] = "Gemeente X"
    book[sheet_name(lang, "questions")][f"F{row}"] = answer_label(lang, question, answer)
    book.save(tmp_path / "b.xlsx")
    assert read_workbook(tmp_path / "b.xlsx", cat).answers == {question.id: answer}


def test_the_drop_down_lists_live_on_a_hidden_sheet_with_every_state():
    from planner.organisation.model import State
    from planner.organisation.workbook import state_label

    lists = _book(_cat())[sheet_name("en", "lists")]
    assert lists.sheet_state == "hidden"
    assert [c.value for c in lists["A"]] == [state_label("en", s) for s in State]


def test_the_state_column_takes_its_choices_from_the_lists_sheet():
    sheet = _book(_cat())[sheet_name("en", "status")]
    (state,) = [v for v in sheet.data_validations.dataValidation if "F6" in str(v.sqref)]
    assert (state.type, state.formula1) == ("list", "'Lists'!$A$1:$A$6")


def test_a_choice_question_gets_a_drop_down_of_its_own_choices():
    book = _book(_cat())
    (check,) = [
        v for v in book[sheet_name("en", "questions")].data_validations.dataValidation if "F3" in str(v.sqref)
    ]
    column = check.formula1.split("!")[1].split(":")[0].replace("$", "")[0]
    assert [c.value for c in book[sheet_name("en", "lists")][column] if c.value] == ["Small", "Large"]


def test_the_instructions_give_the_command_that_reads_the_workbook_back_by_its_file_name():
    book = openpyxl.load_workbook(io.BytesIO(assess_workbook(_cat(), "gemeenten", "en", "mine.xlsx")))
    text = "\n".join(str(c.value) for c in book[sheet_name("en", "instructions")]["A"])
    assert "planner roadmap gemeenten --organisation mine.xlsx" in text


def test_the_workbook_is_in_the_language_asked():
    assert _book(_cat(), lang="nl").sheetnames == [
        sheet_name("nl", s) for s in ("instructions", "questions", "status", "lists")
    ]
    assert sheet_name("nl", "questions") != sheet_name("en", "questions")


def test_a_question_shows_its_unit_and_its_help_under_the_text():
    question = {
        "id": "inhabitants",
        "text": {"en": "How many inhabitants?"},
        "type": "number",
        "unit": {"en": "people"},
        "help": {"en": "As registered in the BRP."},
    }
    cat = catalogue({"x.a": ob(roles={"gemeenten": "addressee"})}, layers=LAYERS, questions=(question,))
    cell = _book(cat)[sheet_name("en", "questions")]["B2"].value
    assert cell == "How many inhabitants? (people)\nAs registered in the BRP."


STATE_ENTRIES = st.one_of(
    st.builds(lambda: {"state": "not-started"}),
    st.builds(lambda p: {"state": "in-progress", "percent": p}, st.integers(0, 100)),
    st.builds(
        lambda d: {"state": "in-place", "since": d}, st.dates(dt.date(2000, 1, 1), dt.date(2030, 12, 31))
    ),
    st.builds(lambda: {"state": "done"}),
    st.builds(
        lambda r: {"state": "not-applicable", "reason": r},
        st.sampled_from(["no such service", "B&W 12-11", "0"]),
    ),
    st.builds(
        lambda d, r: {"state": "deferred", "until": d, "decision": r},
        st.dates(dt.date(2026, 1, 1), dt.date(2030, 12, 31)),
        st.sampled_from(["board", "raad 2027"]),
    ),
)


@PROPERTY
@given(
    entries=st.tuples(STATE_ENTRIES, STATE_ENTRIES, STATE_ENTRIES),
    lang=st.sampled_from(["en", "nl"]),
    by_label=st.booleans(),
)
def test_states_filled_into_the_workbook_read_back_as_the_same_entries(
    tmp_path_factory, entries, lang, by_label
):
    from planner.organisation.model import State, StateEntry
    from planner.organisation.workbook import STATUS_COLUMNS, state_label

    cat = _cat()
    book = _book(cat, lang=lang)
    sheet = book[sheet_name(lang, "status")]
    sheet["B1"] = "Gemeente X"
    for row, entry in zip(range(6, 9), entries, strict=True):
        state = State(entry["state"])
        sheet.cell(row=row, column=6, value=state_label(lang, state) if by_label else state.value)
        for field, value in entry.items():
            if field != "state":
                sheet.cell(row=row, column=STATUS_COLUMNS.index(field) + 1, value=value)
    path = tmp_path_factory.mktemp("wb") / "b.xlsx"
    book.save(path)
    read = read_workbook(path, cat).status
    ids = [r[0] for r in _status_rows(_book(cat, lang=lang), lang)]
    assert read == {oid: StateEntry.model_validate(e) for oid, e in zip(ids, entries, strict=True)}
