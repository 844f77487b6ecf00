"""`planner house` and `planner status` outputs: the data they carry, and catalogue text kept inert."""

from __future__ import annotations

import csv
import io
import json

import openpyxl
import pytest

from planner.house import render as house_render
from planner.house import status_render
from planner.house.status import COLUMNS, aggregate
from planner.house.view import house_view
from planner.roadmap import build_plan
from tests.unit_a.builders import AS_OF, catalogue, collective, ob, profile

HOSTILE = "<script>alert(1)</script> [x](javascript:alert(1)) | cell"


def _view(provider: str = "P"):  # type: ignore[no-untyped-def]
    coll = collective(
        "c",
        {"x.a": 0.25},
        provider=provider,
        status="planned",
        delivery="2027-04-01",
        delivery_confirmed=False,
    )
    cat = catalogue({"x.a": ob(effort_days=4), "x.b": ob(conflicts=("x.a",))}, collectives=(coll,))
    return house_view(build_plan(cat, AS_OF))


def test_house_json_carries_each_saving_with_its_terms():
    data = json.loads(house_render.render_json(_view()))
    (saving,) = data["foundations"][0]["savings"]
    assert (saving["organisations"], saving["effort_days"], saving["share_provided"], saving["days"]) == (
        1,
        4.0,
        0.75,
        3.0,
    )
    assert data["days_without"] - data["days_with"] == data["foundations"][0]["days_saved"]


def test_house_json_is_the_same_in_every_language():
    view = _view()
    assert house_render.render(view, "json", "nl") == house_render.render(view, "json", "en")


def test_house_markdown_shows_each_saving_as_a_formula():
    assert "1 × 4 × 0.75" in house_render.render_md(_view(), "en")


def test_house_markdown_names_an_unconfirmed_delivery_and_the_conflict():
    from planner.i18n import gettext

    text = house_render.render_md(_view(), "en")
    assert f"2027-Q2 ({gettext('en', 'house', 'unconfirmed')})" in text
    assert "`x.b` ↔ `x.a`" in text


@pytest.mark.parametrize("fmt", ["md", "html"])
def test_a_hostile_provider_name_stays_text_in_the_house_view(fmt):
    text = house_render.render(_view(HOSTILE), fmt, "en")
    assert "<script>" not in text
    assert 'href="javascript:' not in text


def test_the_house_view_command_names_its_scenario():
    view = _view()
    assert (
        house_render.command(view, "md", "en") == f"planner house --as-of {view.as_of} --format md --lang en"
    )


def _status(name: str = "A"):  # type: ignore[no-untyped-def]
    cat = catalogue({"x.a": ob(due="2025-01-01"), "x.b": ob()})
    org = profile(name=name, states={"x.a": {"state": "not-started"}}, source="a.yaml")
    return cat, aggregate(cat, [org], AS_OF, folder="orgs")


def test_status_csv_has_one_row_per_cell_with_every_state_counted():
    _, status = _status()
    rows = list(csv.reader(io.StringIO(status_render.render_csv(status))))
    assert len(rows) == 1 + len(status.cells)
    first = dict(zip(rows[0], rows[1], strict=True))
    assert (first["not-started"], first["unassessed"]) == ("1", "0")
    assert all(state in rows[0] for state in COLUMNS)


def test_status_json_names_the_file_of_each_organisation_behind():
    _, status = _status()
    data = json.loads(status_render.render_json(status))
    assert data["behind"] == [
        {
            "organisation": "A",
            "layer": "rijk",
            "obligation": "x.a",
            "due": "2025-01-01",
            "state": "not-started",
            "file": "a.yaml",
        }
    ]


def test_a_formula_as_organisation_name_is_written_as_text_in_the_workbook():
    cat, status = _status('=HYPERLINK("http://evil")')
    book = openpyxl.load_workbook(io.BytesIO(status_render.render_xlsx(status, cat)))
    cell = book["Behind"]["A2"]
    assert cell.data_type == "s" and cell.value.startswith("=HYPERLINK")


def test_the_status_workbook_is_the_same_bytes_twice():
    cat, status = _status()
    assert status_render.render_xlsx(status, cat, "nl") == status_render.render_xlsx(status, cat, "nl")


def test_the_dutch_status_workbook_speaks_dutch_and_keeps_the_ids():
    cat, status = _status()
    book = openpyxl.load_workbook(io.BytesIO(status_render.render_xlsx(status, cat, "nl")))
    assert book.sheetnames == ["Stand", "Achterstand"]
    header = [c.value for c in book["Achterstand"][1]]
    row = [c.value for c in book["Achterstand"][2]]
    assert header[:2] == ["Organisatie", "Bestuurslaag"]
    assert (row[1], row[2], row[4]) == (str(cat.layers["rijk"].name.get("nl")), "x.a", "niet begonnen")


def test_a_hostile_organisation_name_stays_text_in_the_status_markdown():
    from markdown_it import MarkdownIt

    cat, status = _status(HOSTILE)
    html = MarkdownIt("commonmark").enable("table").render(status_render.render_md(status, cat, "en"))
    assert "<script>" not in html and "<a " not in html
    behind_row = next(line for line in html.split("<tr>") if "alert" in line)
    assert behind_row.count("<td>") == 5


@pytest.mark.parametrize("lang", ["en", "nl"])
def test_status_markdown_says_when_nobody_is_behind(lang):
    from planner.i18n import gettext

    cat = catalogue({"x.a": ob()})
    text = status_render.render_md(aggregate(cat, [profile()], AS_OF), cat, lang)
    assert gettext(lang, "house_status", "none_behind") in text.split("\n## ")[-1]


@pytest.mark.parametrize("lang", ["en", "nl"])
def test_status_markdown_counts_the_files_left_out(lang, tmp_path):
    from planner.house.status import read_folder

    cat = catalogue({"x.a": ob()})
    (tmp_path / "bad.yaml").write_text("organisation: B\nlayer: nowhere\n", encoding="utf-8")
    profiles, problems = read_folder(tmp_path, cat)
    with_errors = status_render.render_md(aggregate(cat, profiles, AS_OF, problems=problems), cat, lang)
    without = status_render.render_md(aggregate(cat, profiles, AS_OF), cat, lang)
    assert with_errors.startswith(without.rstrip("\n")) and "1" in with_errors[len(without) :]


@pytest.mark.parametrize(("fmt", "kind"), [("json", str), ("csv", str), ("md", str), ("xlsx", bytes)])
def test_status_render_gives_each_format_its_own_kind_of_output(fmt, kind):
    cat, status = _status()
    out = status_render.render(status, cat, fmt, "en")
    assert isinstance(out, kind)
    assert out.startswith({"json": "{", "csv": "layer", "md": "# ", "xlsx": b"PK"}[fmt])  # type: ignore[arg-type]
