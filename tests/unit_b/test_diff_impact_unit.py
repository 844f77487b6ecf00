"""What a catalogue change does to each layer's roadmap, one kind of change each."""

from __future__ import annotations

import datetime as dt
import shutil
from pathlib import Path

import pytest

from planner.diff.impact import compare_roadmaps
from planner.errors import UsageError
from planner.loading import load_catalogue

from ..conftest import MINIMAL

AS_OF = dt.date(2026, 1, 15)
REQUIRES = (
    "    requires:\n      - to: act-a.inventory\n        rationale: {en: You assess what you know you have.,"
    " nl: Je beoordeelt wat je weet te hebben.}\n"
)
NEEDS = (
    "    needs_facility:\n      - to: act-a.platform\n        rationale: {en: Needs the national platform.,"
    " nl: Heeft het landelijke platform nodig.}\n"
)


@pytest.fixture(scope="module")
def old():  # type: ignore[no-untyped-def]
    return load_catalogue(MINIMAL)


@pytest.fixture
def edited(tmp_path: Path):  # type: ignore[no-untyped-def]
    def make(*edits: tuple[str, str, str]):  # type: ignore[no-untyped-def]
        root = tmp_path / "new"
        shutil.copytree(MINIMAL, root)
        for name, before, after in edits:
            text = (root / name).read_text()
            assert before in text, before
            (root / name).write_text(text.replace(before, after, 1))
        return load_catalogue(root)

    return make


def by_layer(old, new, rename=None, layer=None):  # type: ignore[no-untyped-def]
    return {i.layer: i for i in compare_roadmaps(old, new, AS_OF, rename or {}, layer=layer)}


def test_the_same_catalogue_changes_no_layers_roadmap(old):
    impact = by_layer(old, old)
    assert list(impact) == ["rijk", "gemeenten"]
    assert all(i.empty for i in impact.values())


def test_a_prerequisite_dropped_lets_the_dependant_move_earlier(old, edited):
    impact = by_layer(old, edited(("act-a.yaml", REQUIRES, "")))
    (change,) = impact["rijk"].items
    assert (change.obligation, change.old_stage, change.new_stage) == ("act-a.assess", "2026-Q2", "2026-Q1")
    assert (
        change.message
        == "act-a.assess: moved from 2026-Q2 to 2026-Q1, changed: requires act-a.inventory removed"
    )
    assert impact["rijk"].counts()["moved"] == 1


def test_a_layer_no_longer_addressed_sees_the_item_leave(old, edited):
    new = edited(
        (
            "act-a.yaml",
            "roles: {rijk: addressee, gemeenten: addressee}\n    due",
            "roles: {rijk: addressee}\n    due",
        )
    )
    impact = by_layer(old, new)
    (change,) = impact["gemeenten"].items
    assert (change.obligation, change.new_stage) == ("act-a.inventory", None)
    assert impact["gemeenten"].counts()["left"] == 1
    assert impact["rijk"].empty


def test_a_layer_newly_addressed_sees_the_item_enter(old, edited):
    new = edited(("act-a.yaml", "roles: {rijk: provider}", "roles: {rijk: provider, gemeenten: addressee}"))
    impact = by_layer(old, new)
    entered = [i for i in impact["gemeenten"].items if i.old_stage is None]
    assert [i.obligation for i in entered] == ["act-a.platform"]
    assert impact["gemeenten"].counts()["entered"] == 1


def test_a_facility_no_longer_needed_is_a_resolved_blocker(old, edited):
    impact = by_layer(old, edited(("act-b.yaml", NEEDS, "")))
    (blocker,) = impact["gemeenten"].blockers
    assert (blocker.kind, blocker.facility, blocker.waiting) == (
        "resolved",
        "act-a.platform",
        "act-b.connect",
    )
    assert impact["gemeenten"].counts()["resolved_blockers"] == 1


def test_a_facility_newly_needed_is_a_new_blocker(edited):
    without = edited(("act-b.yaml", NEEDS, ""))
    impact = by_layer(without, load_catalogue(MINIMAL))
    assert [b.kind for b in impact["gemeenten"].blockers] == ["new"]


def test_a_rename_alone_changes_no_roadmap(old, edited):
    new = edited(
        ("act-a.yaml", "id: act-a.inventory", "id: act-a.register"),
        ("act-a.yaml", "to: act-a.inventory", "to: act-a.register"),
    )
    impact = by_layer(old, new, rename={"act-a.inventory": "act-a.register"})
    assert all(i.empty for i in impact.values())


def test_the_layer_option_limits_the_impact_to_that_layer(old):
    assert list(by_layer(old, old, layer="rijk")) == ["rijk"]


def test_an_unknown_layer_is_a_usage_error_with_a_suggestion(old):
    with pytest.raises(UsageError, match=r"^--layer: unknown layer 'gemeente'.*gemeenten"):
        compare_roadmaps(old, old, AS_OF, {}, layer="gemeente")
