"""The core API: what a script gets is what the command line prints."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from planner import api
from planner.errors import UsageError
from tests.conftest import MINIMAL, invoke

AS_OF = dt.date(2026, 11, 28)


@pytest.fixture(scope="module")
def cat():  # type: ignore[no-untyped-def]
    return api.load(MINIMAL)


@pytest.mark.parametrize("fmt", ["json", "md", "csv", "ics", "mermaid", "html"])
@pytest.mark.parametrize("layer", ["gemeenten", "all"])
def test_render_is_the_cli_output(runner, cat, fmt, layer):
    cli = invoke(
        runner, "--catalog", str(MINIMAL), "roadmap", layer, "--as-of", AS_OF.isoformat(), "--format", fmt
    )
    assert cli.exit_code == 0
    # stdout_bytes: click's text output turns the CRLF of iCalendar into LF
    assert str(api.render(api.roadmap(cat, layer, as_of=AS_OF), fmt)).encode() == cli.stdout_bytes


def test_xlsx_renders_the_bytes_the_cli_writes(runner, cat, tmp_path):
    out = tmp_path / "r.xlsx"
    invoke(
        runner,
        "--catalog",
        str(MINIMAL),
        "roadmap",
        "gemeenten",
        "--as-of",
        "2026-11-28",
        "--format",
        "xlsx",
        "-o",
        str(out),
    )
    assert api.render(api.roadmap(cat, "gemeenten", as_of=AS_OF), "xlsx") == out.read_bytes()


def test_options_reach_the_plan_as_on_the_command_line(runner, cat):
    cli = invoke(
        runner,
        "--catalog",
        str(MINIMAL),
        "roadmap",
        "rijk",
        "--as-of",
        "2026-11-28",
        "--stage",
        "year",
        "--capacity",
        "1",
        "--lang",
        "en",
        "--format",
        "json",
    )
    view = api.roadmap(cat, "rijk", as_of=AS_OF, lang="en", stage="year", capacity=1)
    assert str(api.render(view, "json")).encode() == cli.stdout_bytes


def test_a_given_plan_is_not_made_again(cat):
    plan = api.plan(cat, as_of=AS_OF)
    view = api.roadmap(cat, "all", plan=plan)
    assert {(i.obligation, i.layer) for i in view.items} == set(plan.plan.items)


def test_plan_includes_packages_like_the_cli(cat):
    from planner.analysis import packages
    from planner.graph import build_graph

    assert api.plan(cat, as_of=AS_OF).packages == tuple(packages(build_graph(cat), cat))


def test_load_searches_like_the_cli(monkeypatch):
    monkeypatch.setenv("PLANNER_CATALOG", str(MINIMAL))
    assert api.load().root == MINIMAL


def test_scenario_is_applied_on_load():
    assert api.load(MINIMAL, scenario="delay-b").scenario is not None


def test_unknown_format_is_refused(cat):
    with pytest.raises(UsageError, match="--format"):
        api.render(api.roadmap(cat, "gemeenten", as_of=AS_OF), "pdf")


def test_unknown_layer_is_refused(cat):
    with pytest.raises(UsageError, match="unknown layer"):
        api.roadmap(cat, "gemeente", as_of=AS_OF)


def test_build_site_writes_what_the_cli_builds(runner, cat, tmp_path: Path):
    api.build_site(cat, tmp_path / "api", as_of=AS_OF, lang="en")
    invoke(
        runner,
        "--catalog",
        str(MINIMAL),
        "build",
        str(tmp_path / "cli"),
        "--as-of",
        "2026-11-28",
        "--lang",
        "en",
    )
    files = sorted(p.relative_to(tmp_path / "api") for p in (tmp_path / "api").rglob("*") if p.is_file())
    assert files and files == sorted(
        p.relative_to(tmp_path / "cli") for p in (tmp_path / "cli").rglob("*") if p.is_file()
    )
    assert all((tmp_path / "api" / f).read_bytes() == (tmp_path / "cli" / f).read_bytes() for f in files)


def test_build_site_skips_a_site_whose_inputs_did_not_change(cat, tmp_path):
    first = api.build_site(cat, tmp_path, as_of=AS_OF, lang="en")
    again = api.build_site(
        lambda: pytest.fail("loaded although up to date"), tmp_path, as_of=AS_OF, lang="en", root=cat.root
    )
    assert first.written > 0 and again.skipped and again.files == first.files
