"""The primary-source rule: a fact with only secondary sources is a warning, a reviewed
``primary_source_gap`` waiver turns it into a review gap, and a stale waiver is a warning; the
primary share counts a waived fact as not primary."""

from __future__ import annotations

from pathlib import Path

import pytest

from planner.errors import DataError
from planner.loading import load_catalogue
from planner.primary import primary_share

from .conftest import invoke

# The minimal fixture counts example.org as primary; these sources are elsewhere.
SECONDARY_ACT = """id: act-s
kind: national-act
title: {en: Example act S, nl: Voorbeeldwet S}
source: blog
{act_gap}themes: [security]
sources:
  blog: {url: https://blog.example.com/s, title: A blog on act S, accessed: 2026-01-01}
  law: {url: https://example.org/act-s, title: Act S in the Official Journal, accessed: 2026-01-01}
milestones:
  - id: in-force
    kind: entry-into-force
    date: 2026-01-01
    article: Art. 9
    source: {milestone_source}
{milestone_gap}obligations:
  - id: act-s.duty
    title: {en: Do it, nl: Doe het}
    articles: ["Art. 2"]
    roles: {rijk: addressee}
    milestone: in-force
    effort_days: 1
    effort_rationale: {en: Test fixture., nl: Testgegevens.}
    lead_time_months: 0
    nature: one-off
    themes: [security]
    sources: [law]
"""
GAP = "{indent}primary_source_gap: {{reason: {{en: Not in the store}}, searched: 2026-12-07}}\n"


def act_s(act_gap: bool = False, milestone_gap: bool = False, milestone_source: str = "blog") -> str:
    return (
        SECONDARY_ACT.replace("{act_gap}", GAP.format(indent="") if act_gap else "")
        .replace("{milestone_gap}", GAP.format(indent="    ") if milestone_gap else "")
        .replace("{milestone_source}", milestone_source)
    )


def problems(root: Path) -> list[tuple[str, int, str]]:
    return [(p.severity, p.line, p.message) for p in load_catalogue(root).warnings if "act-s" in p.path]


def test_a_milestone_with_only_secondary_sources_is_a_warning_at_its_source(catalogue_with) -> None:  # type: ignore[no-untyped-def]
    found = problems(catalogue_with({"act-s.yaml": act_s(act_gap=True)}))
    assert [(severity, line) for severity, line, _ in found if "milestone" in _] == [("warning", 15)]


def test_the_identity_of_an_act_with_only_secondary_sources_is_a_warning(catalogue_with) -> None:  # type: ignore[no-untyped-def]
    found = problems(catalogue_with({"act-s.yaml": act_s(milestone_gap=True)}))
    assert [(s, line) for s, line, m in found if "identity" in m] == [("warning", 4)]
    assert "record a reviewed primary_source_gap" in found[0][2]


def test_a_waived_fact_is_a_review_gap_not_a_warning(catalogue_with) -> None:  # type: ignore[no-untyped-def]
    found = problems(catalogue_with({"act-s.yaml": act_s(act_gap=True, milestone_gap=True)}))
    assert [s for s, _, _ in found] == ["review", "review"]
    assert "(waived: searched 2026-12-07)" in found[1][2]


def test_a_waiver_on_a_fact_with_a_primary_source_is_a_warning(catalogue_with) -> None:  # type: ignore[no-untyped-def]
    root = catalogue_with({"act-s.yaml": act_s(act_gap=True, milestone_gap=True, milestone_source="law")})
    found = [(s, line, m) for s, line, m in problems(root) if "milestones[0]" in m]
    assert found == [
        (
            "warning",
            16,
            "milestones[0].primary_source_gap: milestone 'in-force' cites a primary source; remove the waiver",
        )
    ]


def test_check_strict_fails_on_an_unwaived_secondary_fact(runner, catalogue_with) -> None:  # type: ignore[no-untyped-def]
    root = catalogue_with({"act-s.yaml": act_s(milestone_gap=True)})
    assert invoke(runner, "--catalog", str(root), "check", "--strict").exit_code == 1


def test_check_strict_passes_when_every_secondary_fact_is_waived(runner, catalogue_with) -> None:  # type: ignore[no-untyped-def]
    root = catalogue_with({"act-s.yaml": act_s(act_gap=True, milestone_gap=True)})
    result = invoke(runner, "--catalog", str(root), "check", "--strict")
    assert result.exit_code == 0
    assert "2 review gap(s)" in result.stdout


def test_a_waiver_without_its_search_date_is_an_error_at_its_line(catalogue_with) -> None:  # type: ignore[no-untyped-def]
    text = (
        act_s()
        .replace("{act_gap}", "")
        .replace(
            "themes: [security]\nsources:",
            "primary_source_gap: {reason: {en: x}}\nthemes: [security]\nsources:",
            1,
        )
    )
    with pytest.raises(DataError) as info:
        load_catalogue(catalogue_with({"act-s.yaml": text}))
    messages = [p.message for p in info.value.problems if p.is_error]
    assert [m for m in messages if "searched" in m] == [
        "primary_source_gap.searched: required field is missing"
    ]


def test_the_primary_share_counts_a_waived_fact_as_not_primary(catalogue_with) -> None:  # type: ignore[no-untyped-def]
    share = primary_share(
        load_catalogue(catalogue_with({"act-s.yaml": act_s(act_gap=True, milestone_gap=True)}))
    )
    # minimal: 3 milestones and 4 obligations, all primary; act-s adds one of each, and its identity.
    assert (share["milestone"].total, share["milestone"].primary, share["milestone"].waived) == (4, 3, 1)
    assert (share["obligation"].total, share["obligation"].primary) == (5, 5)
    assert (share["identity"].total, share["identity"].primary, share["identity"].waived) == (3, 2, 1)
    assert share["milestone"].percent == 75.0


def test_the_minimal_catalogue_is_wholly_primary(minimal) -> None:  # type: ignore[no-untyped-def]
    share = primary_share(load_catalogue(minimal))
    assert {kind: s.percent for kind, s in share.items()} == {
        "identity": 100.0,
        "milestone": 100.0,
        "obligation": 100.0,
    }
