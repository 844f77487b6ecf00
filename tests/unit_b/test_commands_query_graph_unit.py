"""`check`, `graph` and `analyse` through the command line: exit codes, options, output shape."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from ..conftest import MINIMAL, invoke

RATIONALE = "    effort_days: 3\n    effort_rationale: {en: Test fixture., nl: Testgegevens.}\n"


def with_review_gap(root: Path) -> Path:
    path = root / "act-a.yaml"
    text = path.read_text()
    assert RATIONALE in text
    path.write_text(text.replace(RATIONALE, "    effort_days: 3\n"))
    return root


def test_check_counts_what_the_catalogue_holds(runner):
    result = invoke(runner, "--catalog", str(MINIMAL), "check")
    assert result.exit_code == 0
    assert result.stdout.endswith(
        ": 2 acts, 4 obligations, 3 relations, 2 layers, 2 themes; 0 errors, 0 warning(s)\n"
    )


def test_review_gaps_are_counted_but_listed_only_with_review(runner, minimal):
    root = with_review_gap(minimal)
    plain = invoke(runner, "--catalog", str(root), "check")
    review = invoke(runner, "--catalog", str(root), "check", "--review")
    assert plain.stdout.endswith(", 1 review gap(s) (see --review)\n")
    assert plain.stderr == ""
    assert review.stderr.endswith(
        ": review: obligations[2].effort_days: say what the estimate rests on (effort_rationale)\n"
    )


def test_strict_fails_on_review_gaps_only_when_they_are_reviewed(runner, minimal):
    root = with_review_gap(minimal)
    assert invoke(runner, "--catalog", str(root), "check", "--strict").exit_code == 0
    assert invoke(runner, "--catalog", str(root), "check", "--strict", "--review").exit_code == 1


def test_check_of_a_broken_catalogue_counts_errors_and_warnings(runner, catalogue_with):
    root = catalogue_with({"act-x.yaml": "id: [\n"})
    result = invoke(runner, "--catalog", str(root), "check")
    assert result.exit_code == 1
    assert result.stderr.endswith("1 error(s), 0 warning(s)\n")


def graph_json(runner, *args: str) -> dict:  # type: ignore[type-arg]
    result = invoke(runner, "--catalog", str(MINIMAL), "graph", *args)
    assert result.exit_code == 0, result.stderr
    return json.loads(result.stdout)


def edge_kinds(data: dict) -> set[str]:  # type: ignore[type-arg]
    return {e["kind"] for e in data["links"]}


def test_the_graph_leaves_structural_edges_out_by_default(runner):
    assert not {"belongs-to", "applies-to", "has-theme"} & edge_kinds(graph_json(runner))


def test_structural_adds_the_structural_edges(runner):
    assert {"belongs-to", "applies-to", "has-theme"} <= edge_kinds(graph_json(runner, "--structural"))


def test_kind_keeps_only_the_named_edge_kinds(runner):
    assert edge_kinds(graph_json(runner, "--kind", "requires, overlaps")) == {"requires", "overlaps"}


@pytest.mark.parametrize(
    ("args", "start"),
    [
        (("--format", "png"), "error: --format: 'png' is not one of: "),
        (("--act", "act-c"), "error: --act: unknown id 'act-c'"),
        (("--layer", "provincie"), "error: --layer: unknown id 'provincie'"),
        (("--lang", "de"), "error: --lang: 'de' is not one of: nl, en"),
    ],
)
def test_graph_refuses_a_bad_option_with_exit_2(runner, args, start):
    result = invoke(runner, "--catalog", str(MINIMAL), "graph", *args)
    assert result.exit_code == 2
    assert result.stderr.startswith(start)


def test_the_graph_can_be_written_to_a_file(runner, tmp_path):
    out = tmp_path / "g.dot"
    result = invoke(runner, "--catalog", str(MINIMAL), "graph", "--format", "dot", "-o", str(out))
    assert result.exit_code == 0
    assert result.stdout == ""
    assert out.read_text().startswith("digraph planner {\n")


def test_analyse_json_is_json_and_analyze_is_the_same_command(runner):
    args = ("--as-of", "2026-11-28", "--format", "json")
    one = invoke(runner, "--catalog", str(MINIMAL), "analyse", *args)
    two = invoke(runner, "--catalog", str(MINIMAL), "analyze", *args)
    assert one.exit_code == 0
    assert json.loads(one.stdout) == json.loads(two.stdout)


def test_analyse_refuses_an_unknown_layer(runner):
    result = invoke(runner, "--catalog", str(MINIMAL), "analyse", "--layer", "nope")
    assert result.exit_code == 2
    assert result.stderr.startswith("error: --layer: unknown id 'nope'")
