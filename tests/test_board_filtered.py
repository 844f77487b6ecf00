"""A filtered board says its workload is the whole plan's; every board says what it leaves out.

With ``--theme`` or ``--act`` the items are filtered, but the workload per stage, the person-days
of the next twelve months and the stages over capacity stay those of the whole plan (capacity is
shared by all its work): the board says so, and shows what the filtered duties take of each
stage beside it. Duties already due and not assessed take no capacity: the board says the
workload leaves them out, with their person-days.
"""

from __future__ import annotations

import datetime as dt
import io
from pathlib import Path

import pytest

from planner.formats import render_roadmap
from planner.loading import load_catalogue
from planner.organisation.model import OrganisationFile
from planner.organisation.profile import organisation_profile
from planner.roadmap import PlanContext, build_plan
from planner.view import RoadmapView, build_view
from planner.view.board import board
from tests.act_r import ACT_R_HEAD

AS_OF = dt.date(2026, 11, 28)
ACT_R = (
    ACT_R_HEAD
    + """\
  - id: act-r.report
    title: {en: Report yearly, nl: Rapporteer jaarlijks}
    roles: {gemeenten: addressee}
    due: 2025-08-15
    effort_days: 4
    nature: recurring
    recurrence: {every: year}
"""
)
# every duty of the layer already due assessed: the inventory and the report in place, the
# connection not started (planned as catch-up); the risk assessment is due later
IN_PLACE = {
    "act-a.inventory": {"state": "in-place", "since": "2026-06-30"},
    "act-r.report": {"state": "in-place", "since": "2025-08-15"},
}
ASSESSED = {**IN_PLACE, "act-b.connect": {"state": "not-started"}}
ACTS = ("act-a", "act-b", "act-r")


@pytest.fixture
def root(catalogue_with) -> Path:  # type: ignore[no-untyped-def]
    return catalogue_with({"act-r.yaml": ACT_R})


def ctx_of(root: Path, status: dict[str, object] | None) -> PlanContext:
    cat = load_catalogue(root)
    profile = None
    if status is not None:
        org = {"organisation": "Proef", "layer": "gemeenten", "capacity": 10, "status": status}
        profile = organisation_profile(cat, OrganisationFile.model_validate(org))
    return build_plan(cat, AS_OF, organisation=profile)


def view_of(
    root: Path, *, status: dict[str, object] | None = ASSESSED, lang: str = "en", act: str | None = None
) -> RoadmapView:
    return build_view(ctx_of(root, status), "gemeenten", lang, act=act)


def test_a_filtered_view_keeps_the_whole_plan_s_workload(root):
    assert view_of(root, act="act-a").load == view_of(root).load


def test_what_the_filtered_duties_take_adds_up_over_every_act_to_the_whole_workload(root):
    whole = {s.stage: s.days for s in view_of(root).load}
    added: dict[str, float] = {}
    for act in ACTS:
        for s in view_of(root, act=act).shown_load:
            added[s.stage] = round(added.get(s.stage, 0.0) + s.days, 1)
    assert added == whole


def test_an_unfiltered_view_has_no_separate_figures(root):
    view = view_of(root)
    assert (view.filters, view.shown_load) == ((), ())


def test_the_markdown_board_says_the_workload_is_the_whole_plan_s(root):
    md = render_roadmap("md", view_of(root, act="act-a"))
    assert isinstance(md, str)
    board_md = md[md.index("## For the board") : md.index("## Summary")]
    assert (
        "Shown: only the duties with --act act-a; the 2 of them that apply take 1.5 of the plan's person-days"
        in board_md
    )
    assert "are those of the whole plan for Proef, not only of these duties" in board_md
    assert "| Stage | Layer | Person-days planned | Capacity | Of which the duties shown |" in board_md


def test_the_markdown_board_says_so_in_dutch(root):
    md = render_roadmap("md", view_of(root, act="act-a", lang="nl"))
    assert isinstance(md, str)
    assert "Getoond: alleen de plichten met --act act-a" in md
    assert "zijn die van het hele plan van Proef, niet alleen van deze plichten" in md


def test_an_unfiltered_markdown_board_has_neither_the_sentence_nor_the_column(root):
    md = render_roadmap("md", view_of(root))
    assert isinstance(md, str)
    assert "Shown: only" not in md and "Of which the duties shown" not in md


def test_the_html_board_says_it_and_shows_the_column(root):
    html = render_roadmap("html", view_of(root, act="act-r"))
    assert isinstance(html, str)
    assert "Shown: only the duties with --act act-r" in html
    assert "<th>Of which the duties shown</th>" in html


def test_the_workbook_says_its_person_days_are_the_whole_plan_s(root):
    import openpyxl

    view = view_of(root, act="act-r")
    data = render_roadmap("xlsx", view)
    assert isinstance(data, bytes)
    book = openpyxl.load_workbook(io.BytesIO(data))
    rows = list(book["Workload"].iter_rows(values_only=True))
    assert rows[0][4] == "Of which the duties shown"
    assert [r[4] for r in rows[1 : 1 + len(view.load)]] == [s.days for s in view.shown_load]
    note = "Filtered on --act act-r: the person-days are those of the whole plan for Proef"
    assert any(isinstance(r[0], str) and r[0].startswith(note) for r in rows)
    summary = [c for r in book.worksheets[0].iter_rows(values_only=True) for c in r if isinstance(c, str)]
    assert "Of which the duties shown" in summary and any(c.startswith(note) for c in summary)


def test_the_board_says_the_workload_leaves_out_the_unassessed_duties_with_their_days(root):
    view = view_of(root, status=None)  # nothing assessed: the duties already due are unassessed
    b = board(view)
    assert b.unassessed and b.unassessed_days == round(sum(i.effort_days for i in b.unassessed))
    md = render_roadmap("md", view)
    assert isinstance(md, str)
    assert (
        f"The workload leaves them out: their {b.unassessed_days:g} person-days take no capacity "
        "until they are assessed, so the plan is not complete yet."
    ) in md


def test_the_unassessed_duties_are_indeed_not_in_the_workload(root):
    def total(status: dict[str, object] | None) -> float:
        return round(sum(s.days for s in view_of(root, status=status).load), 1)

    # unassessed, they take no person-days; stated in place, they take none either
    everything = {**IN_PLACE, "act-b.connect": {"state": "in-place"}}
    assert board(view_of(root, status=None)).unassessed_days > 0
    assert total(None) == total(everything)


def test_a_board_with_every_duty_assessed_does_not_say_it(root):
    md = render_roadmap("md", view_of(root))
    assert isinstance(md, str)
    assert "The workload leaves them out" not in md
