"""Cross-file checks of a catalogue: references to layers, themes, acts, amendments and sources."""

from __future__ import annotations

from pathlib import Path

import pytest

from planner.checks import unknown
from planner.errors import DataError
from planner.loading import load_catalogue


def edit(root: Path, name: str, before: str, after: str) -> Path:
    text = (root / name).read_text()
    assert before in text, before
    (root / name).write_text(text.replace(before, after, 1))
    return root


def errors(root: Path) -> list[str]:
    with pytest.raises(DataError) as info:
        load_catalogue(root)
    return [f"{Path(p.path).name}:{p.line}: {p.message}" for p in info.value.problems if p.is_error]


def warnings(root: Path) -> list[str]:
    return [w.message for w in load_catalogue(root).warnings if w.severity == "warning"]


def test_unknown_suggests_a_close_match_and_lists_a_few_known():
    assert unknown("x", "theme", "dat", ["data", "security"]) == (
        "x: unknown theme 'dat' (did you mean 'data'?); known: data, security"
    )


def test_unknown_does_not_list_a_long_list():
    message = unknown("x", "act", "zzz", [f"act-{n}" for n in range(40)])
    assert "known:" not in message


def test_a_layer_without_a_source_is_a_warning(minimal):
    edit(minimal, "layers.yaml", "    organisations: 1\n    source: census\n", "    organisations: 1\n")
    assert "layers[0]: 'rijk' has no source" in warnings(minimal)


def test_a_theme_citing_an_undeclared_source_is_an_error(minimal):
    edit(
        minimal,
        "themes.yaml",
        "    name: {en: Data, nl: Data}\n    source: letter",
        "    name: {en: Data, nl: Data}\n    source: leter",
    )
    (found,) = errors(minimal)
    assert found.startswith(
        "themes.yaml:9: themes[1].source: unknown source 'leter' (did you mean 'letter'?)"
    )


def test_an_obligation_with_an_unknown_theme_is_an_error(minimal):
    edit(minimal, "act-a.yaml", "    themes: [data]", "    themes: [dta]")
    assert any("obligations[2].themes[0]: unknown theme 'dta'" in e for e in errors(minimal))


def test_a_transposition_of_an_unknown_act_is_an_error(minimal):
    edit(minimal, "act-b.yaml", "themes: [data]\n", "themes: [data]\ntransposes: [act-z]\n")
    assert any("transposes[0]: unknown act 'act-z'" in e for e in errors(minimal))


def test_a_milestone_history_naming_an_unknown_amendment_is_an_error(minimal):
    edit(
        minimal,
        "act-b.yaml",
        "    article: Art. 20\n",
        "    article: Art. 20\n    history:\n      - date: 2026-01-01\n        changed_by: omnibus\n",
    )
    assert any(
        "milestones[0].history[0].changed_by: unknown amendment 'omnibus'" in e for e in errors(minimal)
    )


def test_a_scenario_changing_an_unknown_obligation_is_an_error(minimal):
    edit(
        minimal,
        "act-b.yaml",
        "      - milestone: transposition\n        date: 2027-10-17",
        "      - obligation: act-b.connekt\n        due: 2027-10-17",
    )
    assert any(
        "scenarios[0].changes[0].obligation: unknown obligation 'act-b.connekt' (did you mean 'act-b.connect'?)"
        in e
        for e in errors(minimal)
    )


def test_an_eu_act_without_a_celex_number_is_a_warning(minimal):
    edit(minimal, "act-b.yaml", "celex: 32099L0002\n", "")
    assert "id: EU act 'act-b' has no celex number" in warnings(minimal)


def test_a_reference_to_a_broken_file_is_not_reported_again(minimal):
    (minimal / "act-a.yaml").write_text("id: [\n")
    found = errors(minimal)
    assert all(e.startswith("act-a.yaml:") for e in found)
