"""Figures a person reads: a decimal comma in Dutch, a point in English; machine formats unchanged.

The plan of the minimal catalogue's assessed gemeente has a stage whose workload is not a whole
number of person-days, so every format has a decimal to write.
"""

from __future__ import annotations

import datetime as dt
import io
import json
import re
import zipfile
from typing import Any

import openpyxl
import pytest

from planner.formats import render_roadmap
from planner.formats.xlsx_summary import NUMBER_FORMAT
from planner.i18n import format_number, gettext
from planner.loading import load_catalogue
from planner.messages import Msg, render
from planner.organisation import read_organisation
from planner.roadmap import build_plan
from planner.view import RoadmapView, build_view

from .conftest import MINIMAL

ORGANISATION = MINIMAL.parent / "organisations" / "gemeente-proef.yaml"
AS_OF = dt.date(2026, 11, 28)


def view_of(lang: str, layer: str = "gemeenten") -> RoadmapView:
    cat = load_catalogue(MINIMAL)
    ctx = build_plan(cat, AS_OF, organisation=read_organisation(ORGANISATION, cat))
    return build_view(ctx, layer, lang)


def fractional_load(view: RoadmapView) -> float:
    """A stage load of the plan that has decimals (the tests below need one)."""
    return next(s.days for s in view.load if s.days != int(s.days))


@pytest.mark.parametrize(("lang", "written"), [("nl", "124,4"), ("en", "124.4")])
def test_a_figure_has_the_decimal_mark_of_the_language(lang, written):
    assert format_number(124.4, lang) == written


@pytest.mark.parametrize(("lang", "written"), [("nl", "1.234,5"), ("en", "1,234.5")])
def test_thousands_are_separated_as_the_language_writes_them(lang, written):
    assert format_number(1234.5, lang) == written


def test_a_float_noise_is_not_written():
    assert format_number(8.199999999999999, "nl") == "8,2"


@pytest.mark.parametrize(("lang", "written"), [("nl", "(13,5 gepland)"), ("en", "13.5 planned")])
def test_a_sentence_writes_its_figure_in_the_language(lang, written):
    assert written in render(Msg("stage-load", stage="2027-Q1", load=13.5), lang)


@pytest.mark.parametrize(("lang", "mark"), [("nl", ","), ("en", ".")])
def test_the_markdown_workload_table_has_the_language_decimal_mark(lang, mark):
    view = view_of(lang)
    written = f"{fractional_load(view):g}".replace(".", mark)
    assert f"| {written} |" in render_roadmap("md", view)


def _numbers(data: Any) -> Any:
    """`data` with every text left out: what a script reads as numbers."""
    if isinstance(data, dict):
        return {k: _numbers(v) for k, v in data.items()}
    if isinstance(data, list):
        return [_numbers(v) for v in data]
    return None if isinstance(data, str) else data


def test_json_keeps_its_numbers_whatever_the_language():
    dutch, english = (json.loads(str(render_roadmap("json", view_of(lang)))) for lang in ("nl", "en"))
    assert _numbers(dutch) == _numbers(english)
    assert fractional_load(view_of("nl")) in [w["days"] for w in dutch["workload"]]


def _workload_cells(view: RoadmapView) -> list[Any]:
    data = render_roadmap("xlsx", view)
    assert isinstance(data, bytes)
    sheet = openpyxl.load_workbook(io.BytesIO(data))[gettext(view.lang, "workbook", "workload_sheet")]
    return [row[2] for row in sheet.iter_rows(min_row=2)]


def test_the_workbook_workload_is_numeric_cells_with_a_number_format():
    cells = _workload_cells(view_of("nl"))
    assert cells
    assert all(c.data_type == "n" and c.number_format == NUMBER_FORMAT for c in cells)


def test_the_workbook_stores_each_figure_as_its_short_decimal():
    view = view_of("en", "all")  # its stage totals add up to 8.2
    data = render_roadmap("xlsx", view)
    assert isinstance(data, bytes)
    with zipfile.ZipFile(io.BytesIO(data)) as book:
        xml = "".join(book.read(n).decode() for n in book.namelist() if n.startswith("xl/worksheets/"))
    values = re.findall(r"<v>([0-9.]+)</v>", xml)
    assert repr(fractional_load(view)) in values
    assert not [v for v in values if re.search(r"\.\d{4,}", v)]  # no 8.199999999999999
