"""Duties that bind only some organisations of a layer, per the article that sets them.

The interoperability assessment (Reg. 2024/903 Art. 3(1)) binds a body only when it decides on
binding requirements for trans-European digital public services; the Data Act's request duties
(Reg. 2023/2854 Art. 17(1)) only a body that requests data on exceptional need. Both are
conditional on a profile question whose default per layer is an assumption.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from planner import api

ROOT = Path(__file__).parent.parent
AS_OF = dt.date(2026, 12, 7)
DUTIES = [
    ("interoperable-europe-act.interoperability-assessment", "sets-trans-european-requirements"),
    ("data-act.public-sector-data-requests", "requests-exceptional-need-data"),
]


@pytest.fixture(scope="module")
def cat():
    return api.load(ROOT / "regulations")


def status(cat, layer: str, obligation: str, organisation: Path | None = None) -> str:
    plan = api.plan(cat, AS_OF, organisation=organisation)
    view = api.roadmap(cat, layer, lang="en", plan=plan)
    return next(item.status for item in view.items if item.obligation == obligation)


@pytest.mark.parametrize(("obligation", "question"), DUTIES)
def test_a_typical_gemeente_is_not_bound(cat, obligation, question):
    assert cat.questions[question].defaults["gemeenten"].answer is False
    assert status(cat, "gemeenten", obligation) == "not-applicable"


@pytest.mark.parametrize(("obligation", "question"), DUTIES)
def test_a_gemeente_that_answers_yes_is_bound(cat, obligation, question, tmp_path):
    org = tmp_path / "org.yaml"
    org.write_text(f"organisation: Test\nlayer: gemeenten\nanswers: {{{question}: true}}\n", encoding="utf-8")
    assert status(cat, "gemeenten", obligation, org) != "not-applicable"


@pytest.mark.parametrize(("obligation", "question"), DUTIES)
def test_the_rijk_is_bound_by_default(cat, obligation, question):
    assert status(cat, "rijk", obligation) != "not-applicable"


@pytest.mark.parametrize("question", [q for _, q in DUTIES])
def test_every_default_is_marked_as_an_assumption(cat, question):
    rationales = [d.rationale for d in cat.questions[question].defaults.values()]
    assert len(rationales) == 4
    assert all(
        r.get("en").startswith("Assumption:") and r.get("nl").startswith("Aanname:") for r in rationales
    )
