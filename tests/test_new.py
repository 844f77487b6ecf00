"""`planner new`: skeletons that load, in the right place, never overwriting anything."""

from __future__ import annotations

import pytest

from planner.fmt import format_text
from planner.loading import load_catalogue
from planner.scaffold import insert_obligation

from .conftest import MINIMAL, invoke

KINDS = [
    "regulation",
    "directive",
    "implementing-regulation",
    "delegated-regulation",
    "national-act",
    "national-policy",
]


@pytest.mark.parametrize("kind", KINDS)
def test_new_act_loads_with_warnings_only(runner, minimal, kind):
    result = invoke(runner, "--catalog", str(minimal), "new", "act", "act-x", "--kind", kind)
    assert result.exit_code == 0
    assert result.stdout.startswith("created ") and result.stdout.endswith("act-x.yaml\n")
    check = invoke(runner, "--catalog", str(minimal), "check")
    assert check.exit_code == 0
    assert "error:" not in check.stderr


def test_new_act_is_already_formatted(runner, minimal):
    invoke(runner, "--catalog", str(minimal), "new", "act", "act-x")
    text = (minimal / "act-x.yaml").read_text()
    assert format_text(text) == text


@pytest.mark.parametrize(
    "bad", ["../act-x", "sub/act-x", "/tmp/act-x", "Act-X", "act_x", "act-x.yaml", "act-x\n", "layers"]
)
def test_ids_that_are_not_kebab_case_are_refused(runner, minimal, bad):
    result = invoke(runner, "--catalog", str(minimal), "new", "act", bad)
    assert result.exit_code == 2
    assert sorted(p.name for p in minimal.iterdir()) == sorted(p.name for p in MINIMAL.iterdir())


def test_existing_act_file_is_left_untouched(runner, minimal):
    before = (minimal / "act-a.yaml").read_bytes()
    result = invoke(runner, "--catalog", str(minimal), "new", "act", "act-a")
    assert result.exit_code == 2
    assert result.stderr.startswith("error: ") and "act-a.yaml already exists" in result.stderr
    assert (minimal / "act-a.yaml").read_bytes() == before


def test_unknown_kind_is_a_usage_error(runner, minimal):
    result = invoke(runner, "--catalog", str(minimal), "new", "act", "act-x", "--kind", "law")
    assert result.exit_code == 2
    assert not (minimal / "act-x.yaml").exists()


def test_new_obligation_appends_and_keeps_the_rest(runner, minimal):
    before = (minimal / "act-a.yaml").read_text()
    result = invoke(runner, "--catalog", str(minimal), "new", "obligation", "act-a.report")
    assert result.exit_code == 0
    after = (minimal / "act-a.yaml").read_text()
    assert after.startswith(before)
    assert after[len(before) :].startswith("  - id: act-a.report\n")
    assert list(load_catalogue(minimal).acts["act-a"].obligations)[-1].id == "act-a.report"


def test_new_obligation_goes_into_the_list_before_scenarios(runner, minimal):
    invoke(runner, "--catalog", str(minimal), "new", "obligation", "act-b.report")
    act = load_catalogue(minimal).acts["act-b"]
    assert [o.id for o in act.obligations] == ["act-b.connect", "act-b.report"]
    assert [s.id for s in act.scenarios] == ["delay-b"]


def test_new_obligation_names_the_catalogue_layers():
    text = insert_obligation("id: x\nobligations: []  # none yet\n", "x.y", ["rijk"])
    assert text.startswith("id: x\nobligations:  # none yet\n  - id: x.y\n")
    assert "      rijk: addressee\n" in text


def test_new_obligation_after_a_new_act_loads(runner, minimal):
    invoke(runner, "--catalog", str(minimal), "new", "act", "act-x")
    for name in ("act-x.one", "act-x.two"):
        assert invoke(runner, "--catalog", str(minimal), "new", "obligation", name).exit_code == 0
    catalogue = load_catalogue(minimal)
    assert [o.id for o in catalogue.acts["act-x"].obligations] == ["act-x.one", "act-x.two"]
    assert list(catalogue.obligations["act-x.one"].roles) == ["rijk", "gemeenten"]


def test_existing_obligation_is_refused(runner, minimal):
    before = (minimal / "act-a.yaml").read_bytes()
    result = invoke(runner, "--catalog", str(minimal), "new", "obligation", "act-a.assess")
    assert result.exit_code == 2
    assert "obligation 'act-a.assess' already exists" in result.stderr
    assert (minimal / "act-a.yaml").read_bytes() == before


def test_obligation_of_an_unknown_act_is_refused(runner, minimal):
    result = invoke(runner, "--catalog", str(minimal), "new", "obligation", "act-z.report")
    assert result.exit_code == 2
    assert not (minimal / "act-z.yaml").exists()


@pytest.mark.parametrize("bad", ["act-a", "../act-a.x", "act-a.x/../y", "act-a.Report", "act-a.x\n"])
def test_bad_obligation_ids_are_refused(runner, minimal, bad):
    result = invoke(runner, "--catalog", str(minimal), "new", "obligation", bad)
    assert result.exit_code == 2
    assert "is not an obligation id ACT-ID.NAME" in result.stderr


def test_the_installed_catalogue_is_never_changed(runner, tmp_path, monkeypatch):
    bundled = tmp_path / "_bundled" / "regulations"
    bundled.mkdir(parents=True)
    monkeypatch.setattr("planner.loading.bundled_catalogue", lambda: bundled)
    monkeypatch.chdir(tmp_path)
    result = invoke(runner, "new", "act", "act-x")
    assert result.exit_code == 2
    assert "refusing to change the catalogue installed with planner" in result.stderr
    assert list(bundled.iterdir()) == []
