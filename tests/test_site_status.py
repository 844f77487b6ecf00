"""The status page of the site (``build --status DIR``): a heat map of tests/data/house/orgs.

By hand, as of 2026-12-01: act-a.inventory (due 2026-06-30) is done by Een and not done by Twee
(not started) and Drie (in progress): 1 in order, 2 behind. act-a.assess (due 2027-01-01) is in
progress at Een (open, not behind), unassessed at the other two. act-b.connect (due 2026-10-17)
is deferred by Twee (behind), unassessed at Een and Drie.
"""

from __future__ import annotations

import datetime as dt
import shutil
from pathlib import Path

import pytest

from planner.errors import display_path
from planner.house.status import aggregate, read_folder
from planner.loading import load_catalogue
from planner.site.status_pages import heat_cell, status_page

from .conftest import invoke

HOUSE = Path(__file__).parent / "data" / "house"
CATALOGUE = HOUSE / "catalogue"
ORGS = HOUSE / "orgs"
AS_OF = dt.date(2026, 12, 1)


@pytest.fixture(scope="module")
def page():  # type: ignore[no-untyped-def]
    from planner.analysis import analyse
    from planner.graph import build_graph
    from planner.roadmap import build_plan
    from planner.site.refs import View

    cat = load_catalogue(CATALOGUE)
    profiles, _ = read_folder(ORGS, cat)
    view = View(build_plan(cat, AS_OF), analyse(build_graph(cat), cat, AS_OF), "en")
    return status_page(view, aggregate(cat, profiles, AS_OF))


def cell_counts(page, oid):  # type: ignore[no-untyped-def]
    row = next(r for g in page.heat for r in g.rows if r.obligation.id == oid)
    (cell,) = row.cells
    return {group: n for group, n in cell.counts if n}, cell.tone


def test_a_duty_past_its_date_counts_the_not_done_as_behind(page):
    assert cell_counts(page, "act-a.inventory") == ({"in-order": 1, "behind": 2}, "behind")


def test_a_duty_not_yet_due_counts_the_not_done_as_open(page):
    assert cell_counts(page, "act-a.assess") == ({"open": 1, "unassessed": 2}, "unassessed")


def test_rows_are_grouped_by_act_in_catalogue_order(page):
    assert [(g.act.href, [r.obligation.id for r in g.rows]) for g in page.heat] == [
        ("acts/act-a.html", ["act-a.inventory", "act-a.assess"]),
        ("acts/act-b.html", ["act-b.connect"]),
    ]


def test_only_layers_that_sent_files_are_columns(page):
    assert [c.href for c in page.columns] == ["layers/gemeenten.html"]


def test_the_share_assessed_is_per_layer_over_every_duty(page):
    # 3 organisations x 3 duties = 9 pairs; 5 have a state (Een 2, Twee 2, Drie 1)
    assert [(s.layer.href, s.reporting, s.assessed) for s in page.layers] == [
        ("layers/rijk.html", 0, ""),
        ("layers/gemeenten.html", 3, "56%"),
    ]


def test_the_behind_list_has_a_row_per_organisation_with_its_duties_earliest_first(page):
    rows = [(b.organisation, [(d.obligation, d.due, d.state) for d in b.duties]) for b in page.behind]
    assert rows == [
        ("Gemeente Drie", [("act-a.inventory", "2026-06-30", "in progress")]),
        (
            "Gemeente Twee",
            [("act-a.inventory", "2026-06-30", "not started"), ("act-b.connect", "2026-10-17", "deferred")],
        ),
    ]


def test_a_tie_tints_the_cell_with_the_group_to_see_first():
    cell = heat_cell({"in-order": 2, "behind": 2, "open": 0, "not-applicable": 0, "unassessed": 0})
    assert cell.tone == "behind"


def test_the_bar_shares_add_up_to_the_whole_width():
    cell = heat_cell({"in-order": 1, "behind": 1, "open": 1, "not-applicable": 0, "unassessed": 0})
    assert [(s.x, s.width) for s in cell.bar] == [(0.0, 33.33), (33.33, 33.33), (66.66, 33.33)]


def build(runner, out: Path, *extra: str):  # type: ignore[no-untyped-def]
    args = ["--catalog", str(CATALOGUE), "build", str(out), "--as-of", AS_OF.isoformat(), *extra]
    return invoke(runner, *args)


def test_build_status_makes_the_page_in_both_languages_linked_from_house_and_menu(runner, tmp_path):
    out = tmp_path / "site"
    assert build(runner, out, "--status", str(ORGS)).exit_code == 0
    nl = (out / "nl" / "status.html").read_text()
    assert "<h1>Waar het huis staat</h1>" in nl and '<th scope="rowgroup" colspan="2">' in nl
    assert "<h1>Where the house stands</h1>" in (out / "en" / "status.html").read_text()
    assert '<p><a href="status.html">' in (out / "en" / "house.html").read_text()
    assert (
        '<li><a href="../status.html">Stand van het huis</a></li>'
        in (out / "nl" / "acts" / "act-a.html").read_text()
    )


def test_without_status_there_is_no_page_and_no_menu_entry(runner, tmp_path):
    out = tmp_path / "site"
    assert build(runner, out).exit_code == 0
    assert not (out / "en" / "status.html").exists()
    assert "status.html" not in (out / "en" / "index.html").read_text()


def test_an_organisation_name_is_inert_text(runner, tmp_path):
    orgs = Path(shutil.copytree(ORGS, tmp_path / "orgs"))
    text = (orgs / "twee.yaml").read_text().replace("Gemeente Twee", '"<script>alert(1)</script>"')
    (orgs / "twee.yaml").write_text(text)
    out = tmp_path / "site"
    assert build(runner, out, "--status", str(orgs), "--lang", "en").exit_code == 0
    page = (out / "status.html").read_text()
    assert "<script>alert" not in page and "&lt;script&gt;alert(1)&lt;/script&gt;" in page


def test_a_bad_file_in_the_status_folder_stops_the_build_and_leaves_the_old_site(runner, tmp_path):
    orgs = Path(shutil.copytree(ORGS, tmp_path / "orgs"))
    out = tmp_path / "site"
    assert build(runner, out, "--status", str(orgs)).exit_code == 0
    before = (out / "en" / "status.html").read_bytes()
    bad = orgs / "vier.yaml"
    bad.write_text("organisation: Vier\nlayer: gemeenten\nstatus:\n  act-a.nope: {state: done}\n")
    result = build(runner, out, "--status", str(orgs))
    assert result.exit_code == 1 and f"{display_path(bad)}:4:3: error:" in result.stderr
    assert "Traceback" not in result.stderr
    assert (out / "en" / "status.html").read_bytes() == before


def test_a_status_folder_that_is_no_folder_is_a_usage_error(runner, tmp_path):
    result = build(runner, tmp_path / "site", "--status", str(tmp_path / "missing"))
    assert result.exit_code == 2 and "--status:" in result.stderr


def test_the_same_files_give_the_same_bytes(runner, tmp_path):
    for name in ("a", "b"):
        assert build(runner, tmp_path / name, "--status", str(ORGS), "--lang", "en").exit_code == 0
    assert (tmp_path / "a" / "status.html").read_bytes() == (tmp_path / "b" / "status.html").read_bytes()


def test_a_changed_organisation_file_rebuilds_the_status_page(runner, tmp_path):
    orgs = Path(shutil.copytree(ORGS, tmp_path / "orgs"))
    out = tmp_path / "site"
    assert build(runner, out, "--status", str(orgs), "--lang", "en").exit_code == 0
    behind = "act-a.inventory</code> (2026-06-30, not started)"
    assert behind in (out / "status.html").read_text()
    twee = orgs / "twee.yaml"
    twee.write_text(
        twee.read_text().replace("act-a.inventory: {state: not-started}", "act-a.inventory: {state: done}")
    )
    assert build(runner, out, "--status", str(orgs), "--lang", "en").exit_code == 0
    page = (out / "status.html").read_text()
    assert "Gemeente Twee" in page and behind not in page
