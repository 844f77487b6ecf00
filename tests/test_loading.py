"""Loading a catalogue: every problem reported once, with its place, in the contract format."""

from __future__ import annotations

from pathlib import Path

import pytest

from planner.errors import DataError
from planner.loading import bundled_catalogue, find_catalogue, load_catalogue

from .conftest import MINIMAL


def messages(root: Path) -> list[str]:
    with pytest.raises(DataError) as info:
        load_catalogue(root)
    return [p.format(cwd=root) for p in info.value.problems]


def test_minimal_catalogue_loads_clean():
    cat = load_catalogue(MINIMAL)
    assert list(cat.acts) == ["act-a", "act-b"]
    assert list(cat.obligations) == [
        "act-a.inventory",
        "act-a.assess",
        "act-a.platform",
        "act-b.connect",
    ]
    assert cat.warnings == ()


def test_due_follows_the_milestone():
    cat = load_catalogue(MINIMAL)
    assert str(cat.due(cat.obligations["act-a.assess"])) == "2027-01-01"
    assert str(cat.due(cat.obligations["act-a.inventory"])) == "2026-06-30"


def test_scenario_moves_milestone_and_dependent_due_dates():
    cat = load_catalogue(MINIMAL).with_scenario("delay-b")
    assert str(cat.due(cat.obligations["act-b.connect"])) == "2027-10-17"
    assert cat.scenario is not None and cat.scenario.id == "delay-b"


BAD_OBLIGATION = """\
id: act-c
kind: regulation
title: {en: C, nl: C}
celex: 32099R0003
source: oj
sources:
  oj: {url: https://example.org/c, title: C}
obligations:
  - id: act-c.one
    title: {en: One, nl: Een}
    roles: {gemeente: addressee}
    due: 2025-02-30
    effort: 1
    sources: [oj]
    titel: typo
    requires:
      - to: act-a.inventroy
        rationale: {en: x}
"""


def test_each_bad_field_is_reported_with_line_and_column(catalogue_with):
    root = catalogue_with({"act-c.yaml": BAD_OBLIGATION})
    assert messages(root) == [
        "act-c.yaml:12:10: error: obligations[0].due: date 2025-02-30 does not exist",
        "act-c.yaml:15:5: error: obligations[0].titel: unknown key 'titel' (did you mean 'title'?); "
        "allowed: id, title, articles, description, roles, milestone, due, effort, effort_days, effort_rationale, "
        "lead_time_months, lead_time_rationale, nature, recurrence, applies_if, voluntary, "
        "themes, sources, primary_source_gap, requires, overlaps, conflicts, needs_facility",
    ]


def test_cross_references_are_checked_once_fields_are_valid(catalogue_with):
    text = BAD_OBLIGATION.replace("    due: 2025-02-30\n", "    due: 2025-02-28\n").replace(
        "    titel: typo\n", ""
    )
    root = catalogue_with({"act-c.yaml": text})
    assert [m for m in messages(root) if ": error: " in m] == [
        "act-c.yaml:11:13: error: obligations[0].roles: unknown layer 'gemeente' (did you mean 'gemeenten'?); known: gemeenten, rijk",
        "act-c.yaml:16:13: error: obligations[0].requires[0].to: unknown obligation 'act-a.inventroy' "
        "(did you mean 'act-a.inventory'?); known: act-a.assess, act-a.inventory, act-a.platform, "
        "act-b.connect, act-c.one",
    ]


def test_duplicate_obligation_ids_across_files(catalogue_with):
    text = BAD_OBLIGATION.replace("act-c.one", "act-a.inventory")
    root = catalogue_with(
        {
            "act-c.yaml": text.replace("    due: 2025-02-30\n", "    due: 2025-02-28\n").replace(
                "    titel: typo\n", ""
            )
        }
    )
    found = messages(root)
    assert (
        "act-c.yaml:9:9: error: obligations[0].id: 'act-a.inventory' must start with the act id 'act-c.'"
        in found
    )


def test_requires_cycle_is_shown_as_its_path(catalogue_with, minimal):
    text = (minimal / "act-a.yaml").read_text()
    text = text.replace(
        "    due: 2026-06-30\n",
        "    due: 2026-06-30\n    requires:\n      - to: act-a.assess\n        rationale: {en: loop}\n",
    )
    root = catalogue_with({"act-a.yaml": text})
    assert messages(root) == [
        "act-a.yaml:38:9: error: obligations[1]: prerequisite cycle: act-a.assess -> act-a.inventory -> act-a.assess",
    ]


def test_self_reference_is_an_error(catalogue_with, minimal):
    text = (minimal / "act-a.yaml").read_text().replace("to: act-a.inventory", "to: act-a.assess")
    root = catalogue_with({"act-a.yaml": text})
    assert messages(root) == [
        "act-a.yaml:47:13: error: obligations[1].requires[0].to: 'act-a.assess' refers to itself"
    ]


def test_application_before_entry_into_force(catalogue_with, minimal):
    text = (minimal / "act-a.yaml").read_text().replace("date: 2027-01-01", "date: 2024-01-01")
    root = catalogue_with({"act-a.yaml": text})
    assert messages(root) == [
        "act-a.yaml:19:11: error: milestones[1].date: application 'application' on 2024-01-01 is before "
        "entry-into-force 'entry-into-force' on 2025-01-01",
    ]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("", "act-x.yaml:1:1: error: file is empty; expected a mapping of keys"),
        (
            "- a\n- b\n",
            "act-x.yaml:1:1: error: expected a mapping of keys at the top of the file, found a list",
        ),
        (
            "id: act-x\nid: act-y\n",
            "act-x.yaml:2:1: error: duplicate key 'id' (first defined on line 1)",
        ),
    ],
)
def test_file_level_problems(catalogue_with, text, expected):
    root = catalogue_with({"act-x.yaml": text})
    assert expected in messages(root)


def test_file_name_must_match_act_id(catalogue_with, minimal):
    root = catalogue_with({"other.yaml": (minimal / "act-b.yaml").read_text()})
    (root / "act-b.yaml").unlink()
    assert (
        "other.yaml:1:5: error: id: act 'act-b' must be in a file named act-b.yaml, not other.yaml"
        in messages(root)
    )


def test_a_copy_under_another_name_is_the_duplicate(catalogue_with, minimal):
    root = catalogue_with({"aaa.yaml": (minimal / "act-b.yaml").read_text()})
    assert messages(root) == ["aaa.yaml:1:5: error: id: duplicate act id 'act-b' (also in act-b.yaml)"]


def test_a_misspelt_required_key_is_one_problem(catalogue_with, minimal):
    text = (minimal / "act-b.yaml").read_text().replace("kind: directive", "knid: directive")
    root = catalogue_with({"act-b.yaml": text})
    assert messages(root) == [
        "act-b.yaml:2:1: error: knid: unknown key 'knid' (did you mean 'kind'?); allowed: id, kind, title, "
        "short, celex, eli, status, source, primary_source_gap, themes, transposes, transposition, sources, milestones, "
        "amendments, obligations, scenarios, note"
    ]


def test_references_into_a_broken_file_are_not_reported_again(catalogue_with, minimal):
    text = (minimal / "act-a.yaml").read_text().replace("    effort_days: 3\n", "    effort_days: lots\n")
    root = catalogue_with({"act-a.yaml": text})
    assert messages(root) == [
        "act-a.yaml:54:18: error: obligations[2].effort_days: Input should be a valid number, "
        "unable to parse string as a number (got 'lots')"
    ]


def test_warnings_for_missing_sources_and_dates(catalogue_with, minimal):
    text = (
        (minimal / "act-a.yaml")
        .read_text()
        .replace("    due: 2026-06-30\n", "")
        .replace("celex: 32099R0001\n", "")
    )
    cat = load_catalogue(catalogue_with({"act-a.yaml": text}))
    assert [p.format(cwd=cat.root) for p in cat.warnings] == [
        "act-a.yaml:1:5: warning: id: EU act 'act-a' has no celex number",
        "act-a.yaml:23:9: warning: obligations[0]: obligation 'act-a.inventory' has no due date or milestone",
    ]


def test_discovery_order(tmp_path, monkeypatch):
    monkeypatch.delenv("PLANNER_CATALOG", raising=False)
    (tmp_path / "regulations").mkdir()
    (tmp_path / "env").mkdir()
    assert find_catalogue(None, cwd=tmp_path) == tmp_path / "regulations"
    monkeypatch.setenv("PLANNER_CATALOG", str(tmp_path / "env"))
    assert find_catalogue(None, cwd=tmp_path) == tmp_path / "env"
    assert find_catalogue(tmp_path / "regulations", cwd=tmp_path) == tmp_path / "regulations"
    monkeypatch.delenv("PLANNER_CATALOG")
    assert find_catalogue(None, cwd=tmp_path / "env") == bundled_catalogue()


def test_a_huge_bad_value_is_shortened_in_its_message(catalogue_with, minimal):
    text = (minimal / "act-b.yaml").read_text().replace("kind: directive", "kind: " + "x" * 5000)
    root = catalogue_with({"act-b.yaml": text})
    assert messages(root) == [
        "act-b.yaml:2:7: error: kind: '" + "x" * 77 + "…' (5000 characters) is not allowed; expected one of: "
        "'regulation', 'directive', 'implementing-regulation', 'delegated-regulation', 'national-act' "
        "or 'national-policy'"
    ]


def test_a_link_out_of_the_catalogue_folder_is_not_read(minimal, tmp_path):
    outside = tmp_path / "outside.yaml"
    outside.write_text("secret: 1\n")
    (minimal / "act-z.yaml").symlink_to(outside)
    assert messages(minimal) == [
        "act-z.yaml:1:1: error: this file is a link to a file outside the catalogue folder; copy the file in instead"
    ]


def test_a_link_inside_the_catalogue_folder_is_read(minimal):
    (minimal / "sub").mkdir()
    (minimal / "act-a.yaml").rename(minimal / "sub" / "act-a.yaml")
    (minimal / "act-a.yaml").symlink_to(minimal / "sub" / "act-a.yaml")
    assert "act-a" in load_catalogue(minimal).acts


def test_a_two_way_relation_written_on_both_duties_is_a_warning_at_the_second(catalogue_with, minimal):
    text = (minimal / "act-a.yaml").read_text()
    back = (
        "      - to: act-a.inventory\n"
        "        rationale: {en: You assess what you know you have., nl: Je beoordeelt wat je weet te hebben.}\n"
    )
    assert back in text
    overlap = "    overlaps:\n      - to: act-b.connect\n        rationale: {en: Shared., nl: Gedeeld.}\n"
    cat = load_catalogue(catalogue_with({"act-a.yaml": text.replace(back, back + overlap, 1)}))
    found = [p.format(cwd=cat.root) for p in cat.warnings if "two-way" in p.message]
    assert found == [
        "act-b.yaml:31:13: warning: obligations[0].overlaps[0].to: overlaps between 'act-b.connect' and "
        "'act-a.assess' is also written on 'act-a.assess'; a two-way relation is written once"
    ]
