"""A duty due on its act's signature date is listed for review: an act binds from its commencement."""

from __future__ import annotations

from pathlib import Path

from planner.checks_profile import REVIEW
from planner.loading import load_catalogue


def reviews(root: Path) -> list[str]:
    return [w.message for w in load_catalogue(root).warnings if w.severity == REVIEW]


def test_a_duty_due_on_the_signature_is_a_review_gap(minimal: Path) -> None:
    path = minimal / "act-a.yaml"
    text = path.read_text()
    path.write_text(text.replace("    kind: entry-into-force\n", "    kind: signature\n", 1))
    text = path.read_text()
    path.write_text(text.replace("    milestone: application\n", "    milestone: entry-into-force\n", 1))
    (found,) = [m for m in reviews(minimal) if "signature of the act" in m]
    assert "2025-01-01" in found
    assert "obligations[" in found


def test_a_duty_due_on_commencement_is_no_signature_gap(minimal: Path) -> None:
    path = minimal / "act-a.yaml"
    path.write_text(
        path.read_text().replace("    milestone: application\n", "    milestone: entry-into-force\n", 1)
    )
    assert not [m for m in reviews(minimal) if "signature of the act" in m]
