"""Loading a catalogue folder: where it is found, and the problems only the whole folder shows."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from planner.errors import DataError, UsageError
from planner.loading import ENV_VAR, bundled_catalogue, find_catalogue, load_catalogue, load_progress

from ..conftest import MINIMAL


def problems(root: Path) -> list[str]:
    """Every problem of loading `root`, as `FILE:LINE:COL: severity: message` with the file's name."""
    with pytest.raises(DataError) as info:
        load_catalogue(root)
    return [f"{Path(p.path).name}:{p.line}:{p.col}: {p.severity}: {p.message}" for p in info.value.problems]


def errors(root: Path) -> list[str]:
    return [p for p in problems(root) if ": error: " in p]


def edit(root: Path, name: str, before: str, after: str) -> Path:
    text = (root / name).read_text()
    assert before in text
    (root / name).write_text(text.replace(before, after, 1))
    return root


def test_find_catalogue_prefers_the_option(tmp_path, monkeypatch):
    monkeypatch.setenv(ENV_VAR, str(tmp_path))
    (tmp_path / "opt").mkdir()
    assert find_catalogue(tmp_path / "opt", cwd=tmp_path) == tmp_path / "opt"


def test_find_catalogue_takes_the_variable_without_an_option(tmp_path, monkeypatch):
    monkeypatch.setenv(ENV_VAR, str(tmp_path))
    assert find_catalogue(None, cwd=tmp_path / "elsewhere") == tmp_path


def test_find_catalogue_takes_a_local_regulations_folder_next(tmp_path, monkeypatch):
    monkeypatch.delenv(ENV_VAR, raising=False)
    (tmp_path / "regulations").mkdir()
    assert find_catalogue(None, cwd=tmp_path) == tmp_path / "regulations"


def test_find_catalogue_falls_back_to_the_bundled_one(tmp_path, monkeypatch):
    monkeypatch.setenv(ENV_VAR, "")
    assert find_catalogue(None, cwd=tmp_path) == bundled_catalogue()
    assert (bundled_catalogue() / "layers.yaml").is_file()


@pytest.mark.parametrize("origin", ["--catalog", f"${ENV_VAR}"])
def test_a_named_catalogue_folder_that_does_not_exist_is_a_usage_error(tmp_path, monkeypatch, origin):
    missing = tmp_path / "missing"
    if origin == "--catalog":
        monkeypatch.delenv(ENV_VAR, raising=False)
        call = lambda: find_catalogue(missing, cwd=tmp_path)  # noqa: E731
    else:
        monkeypatch.setenv(ENV_VAR, str(missing))
        call = lambda: find_catalogue(None, cwd=tmp_path)  # noqa: E731
    with pytest.raises(UsageError, match=rf"^{origin.replace('$', '[$]')}: catalogue folder"):
        call()


def test_loading_a_missing_folder_is_a_usage_error(tmp_path):
    with pytest.raises(UsageError, match="does not exist"):
        load_catalogue(tmp_path / "missing")


def test_a_yml_file_must_be_renamed(minimal):
    shutil.copy(minimal / "act-b.yaml", minimal / "act-c.yml")
    assert "act-c.yml:1:1: error: catalogue files end in .yaml; rename this file" in errors(minimal)


@pytest.mark.parametrize("name", ["layers.yaml", "themes.yaml"])
def test_a_catalogue_without_its_named_file_says_it_needs_one(minimal, name):
    (minimal / name).unlink()
    assert f"{name}:1:1: error: the catalogue needs a {name} file" in errors(minimal)


def test_a_layer_id_given_twice_is_an_error_at_the_second(minimal):
    edit(minimal, "layers.yaml", "  - id: gemeenten", "  - id: rijk")
    assert "layers.yaml:8:9: error: layers[1].id: duplicate layer id 'rijk'" in errors(minimal)


def test_a_theme_id_given_twice_is_an_error_at_the_second(minimal):
    edit(minimal, "themes.yaml", "  - id: data", "  - id: security")
    assert "themes.yaml:7:9: error: themes[1].id: duplicate theme id 'security'" in errors(minimal)


def test_an_obligation_id_given_twice_in_one_act_names_that_file(minimal):
    edit(minimal, "act-a.yaml", "  - id: act-a.platform", "  - id: act-a.assess")
    found = [p for p in errors(minimal) if "duplicate obligation id" in p]
    assert found == [
        "act-a.yaml:49:9: error: obligations[2].id: duplicate obligation id 'act-a.assess' (also in act-a.yaml)"
    ]


def test_a_milestone_id_given_twice_is_an_error(minimal):
    edit(minimal, "act-a.yaml", "  - id: application", "  - id: entry-into-force")
    assert any("milestones[1].id: duplicate milestone id 'entry-into-force'" in p for p in errors(minimal))


def test_an_unknown_milestone_of_an_obligation_suggests_the_known_one(minimal):
    edit(minimal, "act-b.yaml", "    milestone: transposition", "    milestone: transpositon")
    (found,) = [p for p in errors(minimal) if "obligations[0].milestone" in p]
    assert found.startswith("act-b.yaml:")
    assert "'transpositon'" in found
    assert "transposition" in found.split("'transpositon'", 1)[1]


def test_an_unknown_milestone_in_a_scenario_change_is_an_error(minimal):
    edit(minimal, "act-b.yaml", "      - milestone: transposition", "      - milestone: nowhere")
    assert any("scenarios[0].changes[0].milestone" in p and "'nowhere'" in p for p in errors(minimal))


def test_an_unknown_source_key_of_a_milestone_is_an_error(minimal):
    edit(
        minimal, "act-b.yaml", "    article: Art. 20\n    source: oj", "    article: Art. 20\n    source: ojj"
    )
    assert any("milestones[0].source" in p and "'ojj'" in p for p in errors(minimal))


def test_a_valid_catalogue_loads_with_no_error(minimal):
    cat = load_catalogue(minimal)
    assert set(cat.acts) == {"act-a", "act-b"}
    assert all(not w.is_error for w in cat.warnings)


def write_progress(tmp_path: Path, text: str) -> Path:
    path = tmp_path / "progress.yaml"
    path.write_text(text)
    return path


def test_load_progress_reads_what_is_done(tmp_path):
    path = write_progress(tmp_path, "done:\n  - obligation: act-a.inventory\n")
    progress = load_progress(path, load_catalogue(MINIMAL))
    assert [e.obligation for e in progress.done] == ["act-a.inventory"]


def test_load_progress_of_a_folder_is_a_usage_error(tmp_path):
    with pytest.raises(UsageError, match="is a folder"):
        load_progress(tmp_path, load_catalogue(MINIMAL))


def test_load_progress_of_a_missing_file_is_a_usage_error(tmp_path):
    with pytest.raises(UsageError, match="does not exist"):
        load_progress(tmp_path / "nope.yaml", load_catalogue(MINIMAL))


def test_load_progress_names_an_unknown_obligation_at_its_line(tmp_path):
    path = write_progress(tmp_path, "done:\n  - obligation: act-a.inventory\n  - obligation: act-a.invent\n")
    with pytest.raises(DataError) as info:
        load_progress(path, load_catalogue(MINIMAL))
    (problem,) = info.value.problems
    assert (problem.line, problem.col) == (3, 17)
    assert "done[1].obligation" in problem.message


def test_load_progress_names_an_unknown_layer(tmp_path):
    path = write_progress(tmp_path, "layer: gemeentes\n")
    with pytest.raises(DataError) as info:
        load_progress(path, load_catalogue(MINIMAL))
    assert info.value.problems[0].message.startswith("layer: ")
    assert "gemeenten" in info.value.problems[0].message


def test_load_progress_of_an_empty_file_is_a_data_error(tmp_path):
    with pytest.raises(DataError):
        load_progress(write_progress(tmp_path, ""), load_catalogue(MINIMAL))
