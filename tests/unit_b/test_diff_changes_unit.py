"""The change set between two small catalogues: each kind of change on its own."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from planner.diff.changes import compare_catalogues
from planner.loading import load_catalogue

from ..conftest import MINIMAL


@pytest.fixture
def pair(tmp_path: Path):
    """(old catalogue, a function making the new one from text replacements in one file)."""
    old = load_catalogue(MINIMAL)

    def changed(name: str, *replacements: tuple[str, str]):
        root = tmp_path / "new"
        shutil.copytree(MINIMAL, root, dirs_exist_ok=True)
        text = (root / name).read_text()
        for before, after in replacements:
            assert before in text, before
            text = text.replace(before, after, 1)
        (root / name).write_text(text)
        return compare_catalogues(old, load_catalogue(root))

    return old, changed


def test_a_catalogue_compared_with_itself_is_empty():
    cat = load_catalogue(MINIMAL)
    changes = compare_catalogues(cat, cat)
    assert changes.empty
    assert changes.due_moves == ()


def test_a_due_date_that_moves_is_a_due_move(pair):
    _, changed = pair
    changes = changed("act-a.yaml", ("due: 2026-06-30", "due: 2026-09-30"))
    (move,) = changes.due_moves
    assert (move.id, move.old, move.new) == ("act-a.inventory", "2026-06-30", "2026-09-30")
    assert move.message == "act-a.inventory: due date moved from 2026-06-30 to 2026-09-30"
    assert not changes.empty


def test_a_duty_that_starts_following_a_milestone_says_so(pair):
    _, changed = pair
    changes = changed("act-a.yaml", ("due: 2026-06-30", "milestone: application"))
    (move,) = changes.due_moves
    assert move.message == (
        "act-a.inventory: due date moved from 2026-06-30 to 2027-01-01"
        " (now follows milestone application instead of its own date)"
    )


def test_a_duty_that_leaves_its_milestone_for_the_same_date_says_unchanged(pair):
    _, changed = pair
    changes = changed(
        "act-a.yaml",
        ("    milestone: application\n    effort_days: 2", "    due: 2027-01-01\n    effort_days: 2"),
    )
    (move,) = changes.due_moves
    assert move.message == (
        "act-a.assess: due date unchanged (2027-01-01)"
        " (now follows its own date instead of milestone application)"
    )


def test_a_due_date_that_goes_is_removed(pair):
    _, changed = pair
    changes = changed("act-a.yaml", ("    due: 2026-06-30\n", ""))
    (move,) = changes.due_moves
    assert (move.old, move.new) == ("2026-06-30", None)
    assert move.message == "act-a.inventory: due date removed (was 2026-06-30)"


def test_a_milestone_move_is_listed_once_with_its_dependent_due_dates(pair):
    _, changed = pair
    changes = changed("act-b.yaml", ("date: 2026-10-17", "date: 2027-04-17"))
    (moved,) = changes.milestones
    assert moved.message == "act-b milestone transposition moved from 2026-10-17 to 2027-04-17"
    assert [m.message for m in changes.due_moves] == [
        "act-b.connect: due date moved from 2026-10-17 to 2027-04-17 (milestone transposition)"
    ]
    assert not [f for f in changes.fields if f.subject == "act"]


def test_a_new_theme_is_a_theme_added(pair):
    _, changed = pair
    changes = changed(
        "themes.yaml", ("themes:\n", "themes:\n  - id: ai\n    name: {en: AI, nl: AI}\n    source: letter\n")
    )
    assert [f.message for f in changes.fields] == ["theme ai added"]


def test_a_layer_with_a_new_count_is_a_layer_field_change(pair):
    _, changed = pair
    changes = changed("layers.yaml", ("organisations: 342", "organisations: 341"))
    assert [f.message for f in changes.fields] == ["layer gemeenten: organisations changed from 342 to 341"]


def test_an_obligation_under_a_new_id_with_the_same_title_is_a_rename(pair):
    _, changed = pair
    changes = changed(
        "act-a.yaml",
        ("id: act-a.inventory", "id: act-a.register"),
        ("to: act-a.inventory", "to: act-a.register"),
    )
    assert [(r.old, r.new) for r in changes.renamed] == [("act-a.inventory", "act-a.register")]
    assert changes.obligations_added == changes.obligations_removed == ()
    assert changes.relations_added == changes.relations_removed == ()


def test_an_obligation_with_a_new_title_and_id_is_removed_and_added(pair):
    _, changed = pair
    changes = changed(
        "act-a.yaml",
        ("id: act-a.inventory", "id: act-a.register"),
        ("Make an inventory", "Keep a register"),
        ("to: act-a.inventory", "to: act-a.register"),
    )
    assert [n.id for n in changes.obligations_removed] == ["act-a.inventory"]
    assert [n.id for n in changes.obligations_added] == ["act-a.register"]
    assert changes.renamed == ()


def test_a_relation_that_goes_is_a_relation_removed_not_a_field_change(pair):
    _, changed = pair
    changes = changed(
        "act-a.yaml",
        (
            "    requires:\n      - to: act-a.inventory\n        rationale: {en: You assess what you know you have., nl: Je beoordeelt wat je weet te hebben.}\n",
            "",
        ),
    )
    assert [r.message for r in changes.relations_removed] == ["act-a.assess requires act-a.inventory"]
    assert not [f for f in changes.fields if f.field.startswith("requires")]


def test_a_changed_role_is_said_in_words(pair):
    _, changed = pair
    changes = changed(
        "act-a.yaml", ("roles: {rijk: provider}", "roles: {rijk: provider, gemeenten: addressee}")
    )
    assert [f.message for f in changes.fields] == ["act-a.platform: roles: gemeenten added as addressee"]
