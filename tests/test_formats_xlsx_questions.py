"""The workbook's questions sheet: each profile question, the answer the plan used and what it switched off."""

from __future__ import annotations

import datetime as dt
import io
from pathlib import Path

import pytest

from planner.formats import render_roadmap
from planner.loading import load_catalogue
from planner.organisation.model import OrganisationFile
from planner.organisation.profile import organisation_profile
from planner.roadmap import build_plan
from planner.view import build_view

openpyxl = pytest.importorskip("openpyxl")
AS_OF = dt.date(2026, 11, 28)
QUESTIONS = """questions:
  - id: q-ai
    text: {en: Uses high-risk AI?, nl: Gebruikt AI met hoog risico?}
    type: bool
    article: Art. 26
    defaults:
      gemeenten: {answer: false, rationale: {en: 'Assumption: most do not yet.', nl: 'Aanname: de meeste nog niet.'}}
  - id: inhabitants
    text: {en: How many inhabitants?, nl: Hoeveel inwoners?}
    type: number
    article: Art. 25(2)
    defaults:
      gemeenten: {answer: 30000, rationale: {en: 'Assumption: the median.', nl: 'Aanname: de mediaan.'}}
"""
CONDITION = "    applies_if: {question: q-ai, equals: true, article: Art. 26}\n"


@pytest.fixture
def root(catalogue_with) -> Path:  # type: ignore[no-untyped-def]
    text = (Path(__file__).parent / "data" / "minimal" / "act-a.yaml").read_text(encoding="utf-8")
    # act-a.assess (gemeenten and rijk) applies only to a deployer of high-risk AI
    text = text.replace(
        "    milestone: application\n    effort_days: 2\n",
        "    milestone: application\n" + CONDITION + "    effort_days: 2\n",
        1,
    )
    return catalogue_with({"act-a.yaml": text, "questions.yaml": QUESTIONS})


def sheet(root: Path, lang: str = "nl", answers: dict[str, object] | None = None):  # type: ignore[no-untyped-def]
    cat = load_catalogue(root)
    profile = None
    if answers is not None:
        org = OrganisationFile.model_validate(
            {"organisation": "Proef", "layer": "gemeenten", "answers": answers}
        )
        profile = organisation_profile(cat, org)
    view = build_view(build_plan(cat, AS_OF, organisation=profile), "gemeenten", lang)
    data = render_roadmap("xlsx", view)
    assert isinstance(data, bytes)
    book = openpyxl.load_workbook(io.BytesIO(data))
    return book[book.sheetnames[-1]]


def rows(ws) -> dict[str, tuple]:  # type: ignore[no-untyped-def]
    return {r[0]: r for r in ws.iter_rows(min_row=2, values_only=True)}


@pytest.mark.parametrize(
    ("lang", "name", "first"), [("nl", "Vragen", "Vraag"), ("en", "Questions", "Question")]
)
def test_the_questions_sheet_comes_last_in_the_language(root, lang, name, first):
    ws = sheet(root, lang)
    assert (ws.title, ws["A1"].value) == (name, first)


def test_without_an_answer_the_default_is_used_and_said_to_be_one(root):
    row = rows(sheet(root, "en"))["q-ai"]
    assert row[1:6] == (
        "Municipalities",
        "Uses high-risk AI?",
        "no",
        "default (assumption)",
        "Assumption: most do not yet.",
    )


def test_an_answer_the_organisation_gave_is_marked_answered(root):
    row = rows(sheet(root, "en", {"inhabitants": 120000}))["inhabitants"]
    assert (row[3], row[4]) == ("120000", "answered")


def test_the_article_and_the_duties_an_answer_switches_off_are_listed(root):
    row = rows(sheet(root, "en"))["q-ai"]
    assert (row[6], row[7]) == ("Art. 26", "act-a.assess")


def test_an_answer_that_makes_the_duty_apply_switches_nothing_off(root):
    assert rows(sheet(root, "en", {"q-ai": True}))["q-ai"][7] is None


def test_a_question_without_a_default_for_the_layer_and_no_answer_is_left_out(root, catalogue_with):
    catalogue_with(
        {"questions.yaml": QUESTIONS.replace("      gemeenten: {answer: 30000", "      rijk: {answer: 30000")}
    )
    assert set(rows(sheet(root, "en"))) == {"q-ai"}
