"""The workbook as a board secretary opens and prints it, read back with openpyxl.

A summary sheet first, then the plan as an Excel table with wrapped text, status colours, a
frozen header and a print set-up of landscape A4 fit to the page width; words in the language.
"""

from __future__ import annotations

import datetime as dt
import io
from pathlib import Path

import pytest

from planner.formats import render_roadmap
from planner.formats.rows import COLUMNS, LONG_COLUMNS, header
from planner.formats.xlsx import STATUS_FILL
from planner.labels import STATUS
from planner.loading import load_catalogue
from planner.roadmap import build_plan
from planner.view import RoadmapView, build_view

from .conftest import MINIMAL

openpyxl = pytest.importorskip("openpyxl")
AS_OF = dt.date(2026, 11, 28)
SHEETS = {
    "nl": ["Samenvatting", "Planning", "Werklast", "Aannames", "Vragen"],
    "en": ["Summary", "Roadmap", "Workload", "Assumptions", "Questions"],
}


def view_of(lang: str = "nl", layer: str = "all", root: Path = MINIMAL) -> RoadmapView:
    return build_view(build_plan(load_catalogue(root), AS_OF), layer, lang)


def workbook(view: RoadmapView):  # type: ignore[no-untyped-def]
    data = render_roadmap("xlsx", view)
    assert isinstance(data, bytes)
    return openpyxl.load_workbook(io.BytesIO(data))


@pytest.mark.parametrize("lang", ["nl", "en"])
def test_sheets_are_named_in_the_language_summary_first(lang):
    book = workbook(view_of(lang))
    assert book.sheetnames == SHEETS[lang]
    assert book.active.title == SHEETS[lang][0]


@pytest.mark.parametrize("lang", ["nl", "en"])
def test_the_plan_is_one_excel_table_over_every_item(lang):
    view = view_of(lang)
    sheet = workbook(view)[SHEETS[lang][1]]
    (table,) = sheet.tables.values()
    assert table.ref == f"A1:{openpyxl.utils.get_column_letter(len(COLUMNS))}{len(view.items) + 1}"
    assert [c.value for c in sheet[1]] == header(lang)
    assert [c.name for c in table.tableColumns] == header(lang)


def test_an_empty_roadmap_still_has_a_valid_table(catalogue_with):
    root = catalogue_with(
        {
            "layers.yaml": (MINIMAL / "layers.yaml").read_text(encoding="utf-8")
            + "  - id: provincies\n    name: {en: Provinces, nl: Provincies}\n    organisations: 12\n    source: census\n"
        }
    )
    view = view_of("nl", "provincies", root)
    assert not view.items
    (table,) = workbook(view)["Planning"].tables.values()
    assert table.ref.endswith("2")  # Excel needs a data row under the header


def test_long_text_wraps_and_cells_align_to_the_top():
    sheet = workbook(view_of())["Planning"]
    for col, column in enumerate(COLUMNS, start=1):
        cell = sheet.cell(row=2, column=col)
        assert cell.alignment.vertical == "top"
        if column in LONG_COLUMNS and cell.value is not None:
            assert cell.alignment.wrap_text, column


def test_each_status_cell_has_its_status_colour():
    view = view_of()
    sheet = workbook(view)["Planning"]
    col = COLUMNS.index("status") + 1
    for row, item in enumerate(view.items, start=2):
        cell = sheet.cell(row=row, column=col)
        assert cell.value == STATUS["nl"][item.status]
        assert cell.fill.fgColor.rgb == "FF" + STATUS_FILL[item.status].lstrip("#")


def test_every_status_has_a_colour_that_keeps_black_text_readable():
    def luminance(colour: str) -> float:
        channels = [int(colour[i : i + 2], 16) / 255 for i in (1, 3, 5)]
        lin = [c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4 for c in channels]
        return 0.2126 * lin[0] + 0.7152 * lin[1] + 0.0722 * lin[2]

    assert set(STATUS["nl"]) <= set(STATUS_FILL)
    for colour in STATUS_FILL.values():
        assert (luminance(colour) + 0.05) / 0.05 >= 4.5  # WCAG AA against black text


@pytest.mark.parametrize("sheet_index", [0, 1])
def test_sheets_print_landscape_on_a4_one_page_wide(sheet_index):
    sheet = workbook(view_of()).worksheets[sheet_index]
    assert sheet.page_setup.orientation == "landscape"
    assert str(sheet.page_setup.paperSize) == sheet.PAPERSIZE_A4
    assert sheet.sheet_properties.pageSetUpPr.fitToPage
    assert sheet.page_setup.fitToWidth in (None, 1)  # None is Excel's default of 1
    # the summary is one page (1 is the default, so it may be left out); the plan as long as it takes
    assert sheet.page_setup.fitToHeight in ((None, 1) if sheet_index == 0 else (0,))
    assert "&P" in sheet.oddFooter.right.text


def test_rows_are_tall_enough_for_their_wrapped_text():
    from planner.formats.rows import rows
    from planner.formats.xlsx import WIDTHS
    from planner.formats.xlsx_summary import LINE_HEIGHT, lines

    view = view_of()
    sheet = workbook(view)["Planning"]
    for number, row in enumerate(rows(view), start=2):
        most = max(lines(str(row[c]), WIDTHS[c]) for c in LONG_COLUMNS if row[c])
        assert abs(sheet.row_dimensions[number].height - LINE_HEIGHT * most) < 1  # Excel rounds to pixels


def test_the_id_and_stage_dates_are_folded_away_not_printed():
    from planner.formats.xlsx import FOLDED

    sheet = workbook(view_of())["Planning"]
    # equal neighbouring columns are stored as one range
    by_column = {n: d for d in sheet.column_dimensions.values() for n in range(d.min, d.max + 1)}
    for col, column in enumerate(COLUMNS, start=1):
        dimension = by_column[col]
        assert bool(dimension.hidden) == (column in FOLDED), column
        assert dimension.outline_level == (1 if column in FOLDED else 0)


def test_the_plan_repeats_and_freezes_its_header():
    sheet = workbook(view_of())["Planning"]
    assert sheet.freeze_panes == "A2"
    assert sheet.print_title_rows == "$1:$1"


def test_the_summary_counts_every_status_and_the_total():
    view = view_of()
    sheet = workbook(view)["Samenvatting"]
    cells: dict[object, object] = {}
    for row in sheet.iter_rows(values_only=True):  # the first total is the status table's
        if row[0] is not None:
            cells.setdefault(row[0], row[1])
    for status, count in view.counts:
        assert cells[STATUS["nl"][status]] == count
    assert cells["Totaal"] == len(view.items)
    assert cells["Peildatum"] == dt.datetime(2026, 11, 28)


def test_the_summary_counts_each_stage():
    view = view_of()
    rows = list(workbook(view)["Samenvatting"].iter_rows(values_only=True))
    by_stage = {row[0]: row[3] for row in rows if row[0] in {s.id for s in view.stages}}
    assert by_stage == {s.id: len(s.items) for s in view.stages}


def test_a_dutch_workbook_has_no_english_status_or_role_word():
    english = set(STATUS["en"].values()) - set(STATUS["nl"].values()) | {"addressee", "provider"}
    book = workbook(view_of("nl"))
    for sheet in book.worksheets:
        for row in sheet.iter_rows(values_only=True):
            assert not english & {v for v in row if isinstance(v, str)}


def test_an_ampersand_in_the_title_cannot_inject_a_footer_code():
    from planner.formats.xlsx import page_setup

    class Sheet:
        footer = ""

        def __getattr__(self, name):  # type: ignore[no-untyped-def]
            return lambda *args, **kwargs: None

        def set_footer(self, text: str) -> None:
            self.footer = text

    sheet = Sheet()
    page_setup(sheet, "R&D &P", "nl", repeat_header=False)
    assert "R&&D &&P" in sheet.footer
