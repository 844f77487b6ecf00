"""The spreadsheet rows and the CSV dialects, from hand-built views."""

from __future__ import annotations

import csv
import datetime as dt
import io

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from planner.formats import csv as csv_format
from planner.formats.rows import COLUMNS, REASON_SEPARATOR, header, is_risky, nature_text, neutralise, rows
from planner.view import Package, Recurrence

from .builders import Q1, item, stage, view


def read_csv(text: str, delimiter: str) -> list[list[str]]:
    assert text.startswith(csv_format.BOM)
    return list(csv.reader(io.StringIO(text[1:]), delimiter=delimiter))


def test_rows_follow_stage_order_then_item_order():
    v = view(stage([item("a.two"), item("a.one")]), stage([item("a.zero")], Q1))
    assert [r["obligation"] for r in rows(v)] == ["a.two", "a.one", "a.zero"]


def test_a_row_has_every_documented_column_in_order():
    row = rows(view(stage([item()])))[0]
    assert [key for key in row if key in COLUMNS] == list(COLUMNS)


def test_row_dates_are_iso_strings_and_a_missing_due_is_none():
    r = rows(view(stage([item("a.x", due=dt.date(2027, 2, 3)), item("a.y")])))
    assert (r[0]["stage_start"], r[0]["stage_end"], r[0]["due"]) == ("2026-10-01", "2026-12-31", "2027-02-03")
    assert r[1]["due"] is None


def test_row_layer_is_the_layers_name_in_the_views_language():
    assert rows(view(stage([item(layer="rijk")])))[0]["layer"] == "Central government"


def test_row_layer_unknown_to_the_view_keeps_its_id():
    assert rows(view(stage([item(layer="elsewhere")])))[0]["layer"] == "elsewhere"


def test_row_package_is_the_packages_name_when_the_view_knows_it():
    pkg = Package("pkg-1", "Joint risk work", ("a.x", "a.y"), None, 2.0)
    r = rows(view(stage([item("a.x", package="pkg-1"), item("a.z", package="pkg-9")]), packages=(pkg,)))
    assert [x["package"] for x in r] == ["Joint risk work", "pkg-9"]


def test_row_reasons_and_articles_are_joined_with_their_separators():
    r = rows(view(stage([item(articles=("Art. 5", "Art. 6"), reasons=("first", "second"))])))[0]
    assert r["articles"] == "Art. 5; Art. 6"
    assert r["reasons"] == f"first{REASON_SEPARATOR}second"


def test_row_status_and_role_are_words_not_codes():
    en = rows(view(stage([item(status="overdue", role="provider")])))[0]
    nl = rows(view(stage([item(status="overdue", role="provider")]), lang="nl"))[0]
    assert en["status"] != nl["status"]
    assert "overdue" not in nl["status"]
    assert en["role"] != "provider"


def test_nature_text_is_none_when_the_catalogue_does_not_say():
    assert nature_text(item(nature=None), "en") is None


def test_nature_text_of_a_recurring_duty_says_how_often():
    once = nature_text(item(nature="recurring"), "en")
    yearly = nature_text(item(nature="recurring", recurrence=Recurrence("year", None)), "en")
    monthly = nature_text(item(nature="recurring", recurrence=Recurrence("month", None)), "en")
    assert yearly.startswith(f"{once}, ")
    assert yearly != monthly


@pytest.mark.parametrize("first", ["=", "+", "-", "@", "\t", "\r"])
def test_text_starting_a_formula_is_risky_and_gets_a_quote(first):
    value = f"{first}HYPERLINK(1)"
    assert is_risky(value)
    assert neutralise(value) == "'" + value


@settings(deadline=None, max_examples=50, derandomize=True)
@given(st.text())
def test_neutralised_text_is_never_risky_and_keeps_the_original(value):
    safe = neutralise(value)
    assert not is_risky(safe)
    assert safe.endswith(value)


def test_header_is_one_word_per_column_in_each_language():
    assert len(header("en")) == len(COLUMNS) == len(header("nl"))
    assert header("en") != header("nl")


def test_csv_cell_formats_numbers_without_a_needless_point():
    assert [csv_format.cell(v) for v in (None, 3.0, 2.5, 7)] == ["", "3", "2.5", "7"]


def test_csv_cell_uses_the_decimal_mark_of_the_language_given():
    assert (csv_format.cell(0.5, "nl"), csv_format.cell(0.5, "en")) == ("0,5", "0.5")


def test_dutch_csv_separates_with_semicolons_and_uses_a_decimal_comma():
    text = csv_format.render(view(stage([item(effort=1.5)]), lang="nl"))
    table = read_csv(text, ";")
    assert table[0] == header("nl")
    assert table[1][COLUMNS.index("effort")] == "1,5"


def test_english_csv_separates_with_commas_and_uses_a_decimal_point():
    table = read_csv(csv_format.render(view(stage([item(effort=1.5)]))), ",")
    assert table[0] == header("en")
    assert table[1][COLUMNS.index("effort")] == "1.5"


def test_csv_defuses_a_catalogue_title_that_looks_like_a_formula():
    table = read_csv(csv_format.render(view(stage([item(title="=cmd|'/C calc'!A0")]))), ",")
    assert table[1][COLUMNS.index("title")] == "'=cmd|'/C calc'!A0"


def test_csv_of_a_view_without_items_is_only_the_header():
    table = read_csv(csv_format.render(view()), ",")
    assert table == [header("en")]


def test_csv_lines_end_in_a_bare_newline():
    text = csv_format.render(view(stage([item()])))
    assert "\r" not in text
    assert text.endswith("\n")


CELL_TEXT = st.text(st.characters(exclude_categories=("Cs",)) | st.sampled_from(';,"\n\r\t=+-@'), max_size=30)


@settings(deadline=None, max_examples=50, derandomize=True)
@given(CELL_TEXT, st.sampled_from(["nl", "en"]))
def test_any_title_reads_back_from_the_csv_as_one_cell_neutralised(title, lang):
    text = csv_format.render(view(stage([item(title=title)]), lang=lang))
    table = list(csv.reader(io.StringIO(text[1:], newline=""), delimiter=csv_format.DIALECTS[lang].delimiter))
    assert len(table) == 2
    assert len(table[1]) == len(COLUMNS)
    assert table[1][COLUMNS.index("title")] == neutralise(title)
