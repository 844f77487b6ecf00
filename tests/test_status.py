"""`planner status DIR`: many organisation files counted per obligation × layer (tests/data/house)."""

from __future__ import annotations

import csv
import datetime as dt
import io
import json
import shutil
from pathlib import Path

import pytest

from planner.errors import display_path
from planner.house.status import aggregate, read_folder
from planner.loading import load_catalogue

from .conftest import invoke, write_tree

HOUSE = Path(__file__).parent / "data" / "house"
CATALOGUE = HOUSE / "catalogue"
ORGS = HOUSE / "orgs"
AS_OF = dt.date(2026, 12, 1)


@pytest.fixture(scope="module")
def cat():  # type: ignore[no-untyped-def]
    return load_catalogue(CATALOGUE)


@pytest.fixture
def status(cat):  # type: ignore[no-untyped-def]
    profiles, problems = read_folder(ORGS, cat)
    return aggregate(cat, profiles, AS_OF, "orgs", problems)


@pytest.fixture
def orgs(tmp_path: Path) -> Path:
    """A writable copy of the three organisation files."""
    return Path(shutil.copytree(ORGS, tmp_path / "orgs"))


def run(runner, *args: str):  # type: ignore[no-untyped-def]
    return invoke(runner, "--catalog", str(CATALOGUE), "status", *args)


def test_each_state_is_counted_per_obligation_and_layer(status):  # type: ignore[no-untyped-def]
    inventory = next(c for c in status.cells if c.obligation == "act-a.inventory")
    assert (
        inventory.layer,
        inventory.counts["done"],
        inventory.counts["in-progress"],
        inventory.counts["not-started"],
    ) == (
        "gemeenten",
        1,
        1,
        1,
    )


def test_an_obligation_without_a_state_is_unassessed(status):  # type: ignore[no-untyped-def]
    connect = next(c for c in status.cells if c.obligation == "act-b.connect")
    assert (connect.counts["unassessed"], connect.counts["deferred"], round(connect.assessed, 3)) == (
        2,
        1,
        0.333,
    )


def test_a_layer_without_files_has_no_cells(status):  # type: ignore[no-untyped-def]
    assert {c.layer for c in status.cells} == {"gemeenten"}
    assert [(lc.layer, lc.reporting, lc.total) for lc in status.layers] == [
        ("rijk", 0, 1),
        ("gemeenten", 3, 342),
    ]


def test_behind_means_due_before_as_of_and_known_not_done(status):  # type: ignore[no-untyped-def]
    assert [(b.organisation, b.obligation, b.state) for b in status.behind] == [
        ("Gemeente Drie", "act-a.inventory", "in-progress"),
        ("Gemeente Twee", "act-a.inventory", "not-started"),
        ("Gemeente Twee", "act-b.connect", "deferred"),
    ]


def test_nothing_is_behind_before_the_first_due_date(cat):  # type: ignore[no-untyped-def]
    profiles, _ = read_folder(ORGS, cat)
    assert aggregate(cat, profiles, dt.date(2026, 6, 30)).behind == ()


def test_a_bad_file_is_reported_at_its_place_and_the_others_still_count(runner, orgs):  # type: ignore[no-untyped-def]
    write_tree(
        orgs,
        {
            "bad.yaml": "organisation: Kapot\nlayer: gemeenten\nstatus:\n  act-a.inventory: {state: finished}\n"
        },
    )
    result = run(runner, str(orgs), "--as-of", "2026-12-01", "--format", "json")
    assert result.exit_code == 1
    assert result.stderr.startswith(
        f"{display_path(orgs / 'bad.yaml')}:4:28: error: status['act-a.inventory'].state: 'finished' is not allowed"
    )
    data = json.loads(result.stdout)
    assert (data["layers"][1]["reporting"], data["files_with_errors"]) == (3, 1)


def test_a_file_naming_an_unknown_obligation_is_left_out(runner, orgs):  # type: ignore[no-untyped-def]
    write_tree(
        orgs,
        {"vier.yaml": "organisation: Vier\nlayer: gemeenten\nstatus:\n  act-a.inventroy: {state: done}\n"},
    )
    result = run(runner, str(orgs), "--as-of", "2026-12-01", "--format", "json")
    assert result.exit_code == 1 and "unknown obligation 'act-a.inventroy'" in result.stderr
    assert json.loads(result.stdout)["layers"][1]["reporting"] == 3


def test_good_files_exit_0(runner):  # type: ignore[no-untyped-def]
    result = run(runner, str(ORGS), "--as-of", "2026-12-01")
    assert (result.exit_code, result.stderr) == (0, "")


def test_not_a_folder_is_a_usage_error(runner, tmp_path):  # type: ignore[no-untyped-def]
    result = run(runner, str(tmp_path / "none"))
    assert result.exit_code == 2 and "is not a folder of organisation files" in result.stderr


def test_csv_has_a_fixed_header_and_one_row_per_cell(runner):  # type: ignore[no-untyped-def]
    result = run(runner, str(ORGS), "--as-of", "2026-12-01", "--format", "csv")
    rows = list(csv.DictReader(io.StringIO(result.stdout)))
    assert [r["obligation"] for r in rows] == ["act-a.inventory", "act-a.assess", "act-b.connect"]
    assert (rows[0]["done"], rows[0]["assessed"]) == ("1", "1")


def test_markdown_is_in_the_language_asked(runner):  # type: ignore[no-untyped-def]
    nl = run(runner, str(ORGS), "--as-of", "2026-12-01", "--lang", "nl").stdout
    assert (
        nl.startswith("# Waar het huis staat\n")
        and "| Gemeente Twee | Gemeenten | `act-b.connect` | 2026-10-17 | uitgesteld |" in nl
    )


def test_markdown_keeps_an_organisation_name_inert(runner, orgs):  # type: ignore[no-untyped-def]
    text = (orgs / "twee.yaml").read_text(encoding="utf-8").replace("Gemeente Twee", "'<b>x</b> | y'")
    write_tree(orgs, {"twee.yaml": text})
    out = run(runner, str(orgs), "--as-of", "2026-12-01", "--lang", "en").stdout
    assert "\\<b\\>x\\</b\\> \\| y" in out and "<b>" not in out


def test_xlsx_has_a_sheet_of_counts_and_one_of_who_is_behind(runner, orgs, tmp_path):  # type: ignore[no-untyped-def]
    import openpyxl

    text = (orgs / "twee.yaml").read_text(encoding="utf-8").replace("Gemeente Twee", "'=1+1'")
    write_tree(orgs, {"twee.yaml": text})
    target = tmp_path / "status.xlsx"
    assert (
        run(
            runner, str(orgs), "--as-of", "2026-12-01", "--format", "xlsx", "--lang", "en", "-o", str(target)
        ).exit_code
        == 0
    )
    book = openpyxl.load_workbook(target)
    assert book.sheetnames == ["Status", "Behind"]
    names = [row[0].value for row in book["Behind"].iter_rows(min_row=2)]
    assert "=1+1" in names and book["Behind"]["A3"].data_type == "s"


def test_xlsx_needs_an_output_file(runner):  # type: ignore[no-untyped-def]
    result = run(runner, str(ORGS), "--format", "xlsx")
    assert result.exit_code == 2 and "--output" in result.stderr


@pytest.mark.parametrize("fmt", ["md", "json", "csv"])
def test_the_same_files_give_the_same_bytes(runner, fmt):  # type: ignore[no-untyped-def]
    first = run(runner, str(ORGS), "--as-of", "2026-12-01", "--format", fmt).stdout
    assert first == run(runner, str(ORGS), "--as-of", "2026-12-01", "--format", fmt).stdout


QUESTIONS = """questions:
  - id: q-register
    text: {en: Keeps a register?}
    type: bool
    source: law
sources:
  law: {url: https://eur-lex.europa.eu/x, title: The law}
"""


def test_an_obligation_the_answers_rule_out_counts_as_not_applicable(tmp_path):  # type: ignore[no-untyped-def]
    root = Path(shutil.copytree(CATALOGUE, tmp_path / "cat"))
    act = (root / "act-a.yaml").read_text(encoding="utf-8")
    act = act.replace(
        "    due: 2026-06-30\n",
        "    due: 2026-06-30\n    applies_if: {question: q-register, equals: true, article: Art. 2}\n",
        1,
    )
    write_tree(root, {"act-a.yaml": act, "questions.yaml": QUESTIONS})
    orgs = write_tree(
        tmp_path / "orgs", {"x.yaml": "organisation: X\nlayer: gemeenten\nanswers: {q-register: false}\n"}
    )
    cat = load_catalogue(root)
    profiles, _ = read_folder(orgs, cat)
    cell = next(c for c in aggregate(cat, profiles, AS_OF).cells if c.obligation == "act-a.inventory")
    assert (cell.counts["not-applicable"], cell.counts["unassessed"]) == (1, 0)
