"""Unit tests of planner.analysis_report: which sections the text has, and what each line names.

Headings are looked up in the same vocabularies the report uses, so the tests pin the structure
and the ids shown, not the wording (which the translators own).
"""

from __future__ import annotations

import pytest

from planner.analysis import analyse
from planner.analysis_report import HEADINGS, render
from planner.graph import build_graph
from planner.i18n import gettext

from .builders import AS_OF, catalogue

SECTIONS = ("packages", "chains", "blockers", "conflicts", "keystones")

SPEC = {
    "x.a": {"roles": {"rijk": "addressee"}, "due": "2027-06-30"},
    "x.b": {"roles": {"rijk": "addressee"}, "overlaps": {"x.a": "equal"}},
    "x.wallet": {"roles": {"rijk": "provider"}},
    "x.accept": {"due": "2027-03-31", "needs_facility": ["x.wallet"], "conflicts": ["x.a"]},
}


def heading(lang: str, name: str) -> str:
    return gettext(lang, *HEADINGS[name])


def report(spec, lang="en", markdown=False, layer=None):  # type: ignore[no-untyped-def]
    cat = catalogue(spec)
    return render(analyse(build_graph(cat), cat, AS_OF, layer=layer), cat, lang, markdown=markdown)


def section(text: str, lang: str, name: str) -> list[str]:
    """The lines under one heading of the plain-text report, up to the next blank line."""
    lines = text.splitlines()
    start = lines.index(heading(lang, name)) + 2
    end = lines.index("", start) if "" in lines[start:] else len(lines)
    return lines[start:end]


@pytest.mark.parametrize("lang", ["en", "nl"])
def test_report_has_every_section_in_order(lang):
    lines = report(SPEC, lang).splitlines()
    positions = [lines.index(heading(lang, name)) for name in ("title", *SECTIONS)]
    assert positions == sorted(positions)


@pytest.mark.parametrize("name", SECTIONS)
def test_an_empty_section_says_none(name):
    text = report({"x.alone": {}})
    assert section(text, "en", name) == [heading("en", "none")]


def test_markdown_report_uses_one_title_and_a_heading_per_section():
    text = report(SPEC, markdown=True)
    assert text.splitlines()[0] == "# " + heading("en", "title")
    assert [line for line in text.splitlines() if line.startswith("## ")] == [
        "## " + heading("en", name) for name in SECTIONS
    ]


def test_layer_line_appears_only_for_a_layer_report():
    layer_label = heading("en", "layer") + ": "
    assert layer_label + "rijk" in report(SPEC, layer="rijk").splitlines()
    assert not any(line.startswith(layer_label) for line in report(SPEC).splitlines())


def test_findings_section_appears_only_when_there_are_findings():
    with_finding = {"x.a": {}, "x.b": {"overlaps": {"x.a": "equal"}, "requires": ["x.a"]}}
    assert heading("en", "findings") in report(with_finding).splitlines()
    assert heading("en", "findings") not in report(SPEC).splitlines()


def test_package_line_names_the_package_then_each_member_with_its_title():
    lines = section(report(SPEC, "nl"), "nl", "packages")
    assert lines[0].startswith("  - pkg-x.a: ")
    assert lines[1:3] == ["    x.a (x.a nl)", "    x.b (x.b nl)"]


def test_blocker_line_names_the_facility_its_provider_and_the_waiting_layer():
    (first, *_) = section(report(SPEC), "en", "blockers")
    assert first.startswith("  - x.wallet (x.wallet en) [rijk]: ")
    assert first.endswith("(gemeenten)")


def test_conflict_line_names_both_sides_and_the_rationale():
    assert section(report(SPEC), "en", "conflicts") == [
        "  - x.a (x.a en) <> x.accept (x.accept en)",
        "    · why x.a",
    ]


def test_report_ends_with_one_newline():
    text = report(SPEC)
    assert text.endswith("\n") and not text.endswith("\n\n")


def test_markdown_report_lists_items_as_top_level_bullets():
    lines = report(SPEC, markdown=True).splitlines()
    assert any(line.startswith("- pkg-x.a: ") for line in lines)
    assert not any(line.startswith("  - ") for line in lines)
