"""The CSV as Dutch-locale and English-locale Excel read it: separator, BOM, decimal mark, words.

Excel opens a double-clicked CSV with the regional list separator (``;`` in the Netherlands) and
reads it as UTF-8 only after a byte order mark; these tests read the file back the same way.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
from pathlib import Path

import pytest

from planner.formats import render_roadmap
from planner.formats.csv import BOM, DIALECTS
from planner.formats.rows import COLUMNS, header
from planner.i18n import words
from planner.labels import STATUS
from planner.loading import load_catalogue
from planner.roadmap import build_plan
from planner.view import build_view

from .conftest import MINIMAL, invoke

AS_OF = dt.date(2026, 11, 28)


def csv_text(lang: str, root: Path = MINIMAL, layer: str = "all") -> str:
    view = build_view(build_plan(load_catalogue(root), AS_OF), layer, lang)
    text = render_roadmap("csv", view)
    assert isinstance(text, str)
    return text


def read_as_excel(text: str, lang: str) -> list[dict[str, str]]:
    """The rows as a spreadsheet in `lang`'s locale reads them: BOM gone, its list separator."""
    assert text.startswith(BOM)
    return list(csv.DictReader(io.StringIO(text.removeprefix(BOM)), delimiter=DIALECTS[lang].delimiter))


@pytest.fixture
def half_day(catalogue_with) -> Path:  # type: ignore[no-untyped-def]
    """The minimal catalogue with one obligation of half a day and 'vóór' in its title."""
    text = (MINIMAL / "act-b.yaml").read_text(encoding="utf-8")
    return catalogue_with(
        {
            "act-b.yaml": text.replace("effort_days: 2", "effort_days: 0.5").replace(
                "Sluit aan op", "Sluit vóór 2027 aan op"
            )
        }
    )


def test_dutch_csv_is_split_on_semicolons_into_every_column():
    lines = csv_text("nl").removeprefix(BOM).splitlines()
    assert csv.Sniffer().sniff(lines[0]).delimiter == ";"
    for row in csv.reader(lines, delimiter=";"):
        assert len(row) == len(COLUMNS)


def test_dutch_csv_file_starts_with_a_utf8_bom_and_keeps_accents(runner, tmp_path, half_day):
    out = tmp_path / "plan.csv"
    args = [
        "--catalog",
        str(half_day),
        "roadmap",
        "gemeenten",
        "--as-of",
        AS_OF.isoformat(),
        "--format",
        "csv",
    ]
    assert invoke(runner, *args, "-o", str(out)).exit_code == 0
    data = out.read_bytes()
    assert data.startswith(b"\xef\xbb\xbf")
    assert "Sluit vóór 2027 aan op" in data.decode("utf-8-sig")


def test_dutch_headers_and_values_are_dutch_words():
    rows = read_as_excel(csv_text("nl"), "nl")
    assert list(rows[0]) == header("nl")
    assert not set(rows[0]) & set(COLUMNS)  # no machine key is a header
    assert {r["Status"] for r in rows} <= set(STATUS["nl"].values())
    assert {r["Rol"] for r in rows} <= set(words("nl", "role").values())
    assert {r["Bestuurslaag"] for r in rows} == {"Rijk", "Gemeenten"}
    assert {r["Soort taak"] for r in rows} == {"eenmalig"}


def test_english_csv_uses_commas_and_english_words():
    rows = read_as_excel(csv_text("en"), "en")
    assert list(rows[0]) == header("en")
    assert {r["Status"] for r in rows} <= set(STATUS["en"].values())
    assert {r["Layer"] for r in rows} == {"Central government", "Municipalities"}


@pytest.mark.parametrize(
    ("lang", "column", "effort"),
    [("nl", "Inspanning (persoonsdagen)", "0,5"), ("en", "Effort (person-days)", "0.5")],
)
def test_effort_has_the_decimal_mark_of_the_language(half_day, lang, column, effort):
    rows = read_as_excel(csv_text(lang, half_day, "gemeenten"), lang)
    obligation = "Kenmerk" if lang == "nl" else "Id"
    assert next(r for r in rows if r[obligation] == "act-b.connect")[column] == effort


@pytest.mark.parametrize(
    ("lang", "column", "effort"),
    [("nl", "Inspanning (persoonsdagen)", "1234,5"), ("en", "Effort (person-days)", "1234.5")],
)
def test_a_large_effort_has_no_thousands_separator_excel_could_misread(catalogue_with, lang, column, effort):
    text = (
        (MINIMAL / "act-b.yaml").read_text(encoding="utf-8").replace("effort_days: 2", "effort_days: 1234.5")
    )
    rows = read_as_excel(csv_text(lang, catalogue_with({"act-b.yaml": text}), "gemeenten"), lang)
    obligation = "Kenmerk" if lang == "nl" else "Id"
    assert next(r for r in rows if r[obligation] == "act-b.connect")[column] == effort


def test_dates_stay_iso_so_excel_reads_them_as_dates_in_every_locale():
    rows = read_as_excel(csv_text("nl"), "nl")
    for row in rows:
        dt.date.fromisoformat(row["Uiterlijk"])
        dt.date.fromisoformat(row["Begin fase"])


def test_a_package_is_named_not_coded():
    rows = read_as_excel(csv_text("nl", layer="gemeenten"), "nl")
    packages = {r["Gezamenlijk werkpakket"] for r in rows} - {""}
    assert packages and not any(p.startswith("pkg-") for p in packages)
