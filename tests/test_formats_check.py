"""`planner check` reports every schema problem of a record at once, not one per run."""

from __future__ import annotations

import pytest

from .conftest import MINIMAL, invoke

INVENTORY = """    due: 2026-06-30
    effort_days: 1"""


def check(runner, catalogue_with, replacement: str):  # type: ignore[no-untyped-def]
    text = (MINIMAL / "act-a.yaml").read_text(encoding="utf-8")
    assert INVENTORY in text
    root = catalogue_with({"act-a.yaml": text.replace(INVENTORY, replacement, 1)})
    result = invoke(runner, "--catalog", str(root), "check")
    assert result.exit_code == 1
    return [line.split(": error: ", 1)[1] for line in result.stderr.splitlines() if ": error: " in line]


def test_a_bad_field_does_not_hide_the_records_own_checks(runner, catalogue_with):
    errors = check(
        runner, catalogue_with, "    due: 2026-06-30\n    milestone: application\n    effort_days: -1"
    )
    assert "obligations[0].effort_days: Input should be greater than 0 (got -1)" in errors
    assert "obligations[0]: give either 'due' or 'milestone', not both" in errors


def test_every_check_of_a_record_is_reported_not_just_the_first(runner, catalogue_with):
    replacement = (
        "    due: 2026-06-30\n    milestone: application\n    effort_days: 1\n    recurrence: {every: year}"
    )
    errors = check(runner, catalogue_with, replacement)
    assert "obligations[0]: give either 'due' or 'milestone', not both" in errors
    assert (
        "obligations[0]: 'recurrence' is given for, and only for, an obligation with nature 'recurring'"
        in errors
    )


def test_a_wrong_field_is_not_reported_again_as_missing_by_a_check(runner, catalogue_with):
    # `nature` is wrong, not absent: the recurrence check would only repeat that
    text = (MINIMAL / "act-a.yaml").read_text(encoding="utf-8")
    root = catalogue_with(
        {
            "act-a.yaml": text.replace(
                "    nature: one-off\n", "    nature: recurrin\n    recurrence: {every: year}\n", 1
            )
        }
    )
    result = invoke(runner, "--catalog", str(root), "check")
    errors = [line for line in result.stderr.splitlines() if ": error: " in line]
    assert len(errors) == 1
    assert "obligations[0].nature: 'recurrin' is not allowed" in errors[0]


def test_problems_of_two_records_come_in_one_run(runner, catalogue_with):
    text = (MINIMAL / "act-a.yaml").read_text(encoding="utf-8")
    text = text.replace("effort_days: 1\n", "effort_days: -1\n    milestone: application\n", 1)
    text = text.replace("effort_days: 3\n", "effort_days: 3\n    due: 2027-01-01\n", 1)
    root = catalogue_with({"act-a.yaml": text})
    result = invoke(runner, "--catalog", str(root), "check")
    assert "obligations[0]: give either 'due' or 'milestone', not both" in result.stderr
    assert "obligations[2]: give either 'due' or 'milestone', not both" in result.stderr


def test_the_validator_raises_all_its_problems():
    from pydantic import ValidationError

    from planner.models import Obligation

    with pytest.raises(ValidationError) as caught:
        Obligation.model_validate(
            {
                "id": "a.b",
                "title": {"en": "x"},
                "roles": {},
                "due": "2027-01-01",
                "milestone": "m",
                "nature": "one-off",
                "recurrence": {"every": "year"},
            }
        )
    assert len(caught.value.errors()) == 3
