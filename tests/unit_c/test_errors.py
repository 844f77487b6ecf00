"""Unit tests of planner.errors: the problem line contract, its order, and each error's exit code."""

from __future__ import annotations

from pathlib import Path

import pytest

from planner.errors import (
    EXIT_DATA,
    EXIT_DIFFERENT,
    EXIT_USAGE,
    DataError,
    DifferenceFound,
    NotFoundError,
    OutputError,
    PlannerError,
    Problem,
    UsageError,
    display_path,
)


def test_problem_formats_as_path_line_col_severity_message(tmp_path):
    problem = Problem(str(tmp_path / "act.yaml"), 4, 7, "title: is required")
    assert problem.format(cwd=tmp_path) == "act.yaml:4:7: error: title: is required"


def test_warning_says_warning_and_is_not_an_error(tmp_path):
    problem = Problem(str(tmp_path / "act.yaml"), 1, 1, "celex: missing", severity="warning")
    assert problem.format(cwd=tmp_path) == "act.yaml:1:1: warning: celex: missing"
    assert not problem.is_error


def test_problems_sort_by_file_then_line_then_column():
    problems = [Problem("b.yaml", 1, 1, "m"), Problem("a.yaml", 9, 2, "m"), Problem("a.yaml", 9, 1, "m")]
    assert [(p.path, p.line, p.col) for p in sorted(problems)] == [
        ("a.yaml", 9, 1),
        ("a.yaml", 9, 2),
        ("b.yaml", 1, 1),
    ]


def test_display_path_makes_a_path_below_the_folder_relative(tmp_path):
    assert display_path(tmp_path / "regulations" / "gdpr.yaml", cwd=tmp_path) == str(
        Path("regulations") / "gdpr.yaml"
    )


def test_display_path_keeps_an_absolute_path_far_away_absolute(tmp_path):
    far = Path("/etc/x.yaml")
    deep = tmp_path / "a" / "b" / "c" / "d"
    assert display_path(far, cwd=deep) == str(far)


def test_data_error_counts_only_errors_and_lists_every_problem_in_order():
    warning = Problem("a.yaml", 1, 1, "w", severity="warning")
    error = DataError([Problem("b.yaml", 2, 1, "e2"), warning, Problem("a.yaml", 3, 1, "e1")])
    assert str(error) == "2 problem(s) in the input"
    assert error.lines() == [
        "a.yaml:1:1: warning: w",
        "a.yaml:3:1: error: e1",
        "b.yaml:2:1: error: e2",
    ]


def test_a_plain_error_is_one_line():
    assert OutputError("cannot write 'x': No space left").lines() == [
        "error: cannot write 'x': No space left"
    ]


def test_difference_found_lists_each_difference_indented():
    found = DifferenceFound("2 files differ", ["index.html", "acts/a.html"])
    assert found.lines() == ["2 files differ", "  index.html", "  acts/a.html"]


@pytest.mark.parametrize(
    ("error", "code"),
    [
        (DataError([]), EXIT_DATA),
        (OutputError("x"), EXIT_DATA),
        (UsageError("x"), EXIT_USAGE),
        (NotFoundError("x"), EXIT_USAGE),
        (DifferenceFound("x", []), EXIT_DIFFERENT),
    ],
    ids=lambda v: type(v).__name__ if isinstance(v, Exception) else str(v),
)
def test_each_error_carries_its_exit_code(error, code):
    assert isinstance(error, PlannerError)
    assert error.exit_code == code


def test_display_path_keeps_a_relative_path_as_given():
    assert display_path("regulations/gdpr.yaml", cwd=Path.cwd()) == "regulations/gdpr.yaml"
