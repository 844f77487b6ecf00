"""Planning for one organisation from the command line: --organisation, filters, made-with line."""

from __future__ import annotations

import json

from planner.errors import display_path

from .conftest import MINIMAL, invoke

ORG = "tests/data/organisations/gemeente-proef.yaml"
AS_OF = "2026-11-28"


def roadmap(runner, *args: str):
    return invoke(runner, "--catalog", str(MINIMAL), "roadmap", *args, "--as-of", AS_OF)


def items(data: dict) -> list[dict]:
    return [i for s in data["stages"] for i in s["items"]] + data["off_plan"]


def test_without_an_organisation_file_what_is_past_due_is_unassessed(runner):
    data = json.loads(roadmap(runner, "gemeenten", "--format", "json").stdout)
    assert {i["obligation"]: i["status"] for i in items(data)}["act-a.inventory"] == "unassessed"
    assert data["organisation"] is None


def test_an_organisation_file_makes_a_known_not_started_duty_overdue(runner):
    data = json.loads(roadmap(runner, "gemeenten", "--organisation", ORG, "--format", "json").stdout)
    by_id = {i["obligation"]: i for i in items(data)}
    assert (by_id["act-a.inventory"]["status"], by_id["act-a.inventory"]["state"]) == (
        "overdue",
        "not-started",
    )
    assert data["organisation"] == "Gemeente Proef"


def test_in_progress_keeps_only_the_remaining_effort(runner):
    data = json.loads(roadmap(runner, "gemeenten", "--organisation", ORG, "--format", "json").stdout)
    connect = next(i for i in items(data) if i["obligation"] == "act-b.connect")
    plain = json.loads(roadmap(runner, "gemeenten", "--format", "json").stdout)
    before = next(i for i in items(plain) if i["obligation"] == "act-b.connect")
    assert connect["effort_days"] == max(0.5, round(before["effort"] * 0.5 * 2) / 2)


def test_an_organisation_of_another_layer_is_a_usage_error(runner):
    result = roadmap(runner, "rijk", "--organisation", ORG)
    assert result.exit_code == 2
    assert "is an organisation of 'gemeenten', not of 'rijk'" in result.stderr


def test_a_bad_organisation_file_is_located_and_exits_1(runner, tmp_path):
    bad = tmp_path / "org.yaml"
    bad.write_text("organisation: X\nlayer: gemeenten\nstatus:\n  act-a.nope: {state: done}\n")
    result = roadmap(runner, "gemeenten", "--organisation", str(bad))
    assert result.exit_code == 1
    assert f"{display_path(bad)}:4:3: error:" in result.stderr and "Traceback" not in result.stderr


def test_the_act_filter_shows_only_that_act_where_the_full_plan_puts_it(runner):
    full = {
        i["obligation"]: i["start"]
        for i in items(json.loads(roadmap(runner, "gemeenten", "--format", "json").stdout))
    }
    only = items(json.loads(roadmap(runner, "gemeenten", "--act", "act-a", "--format", "json").stdout))
    assert {i["act"] for i in only} == {"act-a"}
    assert all(full[i["obligation"]] == i["start"] for i in only)


def test_an_unknown_theme_is_a_usage_error(runner):
    result = roadmap(runner, "gemeenten", "--theme", "nope")
    assert (result.exit_code, result.stderr.splitlines()[0]) == (2, "error: --theme: unknown id 'nope'")


def test_the_made_with_line_names_every_option(runner):
    text = roadmap(runner, "gemeenten", "--organisation", ORG, "--capacity", "3", "--act", "act-a").stdout
    assert (
        f"`planner roadmap gemeenten --as-of {AS_OF} --organisation {ORG} --capacity 3 --act act-a --format md`"
        in text
    )


def test_the_board_summary_comes_first_and_names_the_organisation(runner):
    text = roadmap(runner, "gemeenten", "--organisation", ORG, "--lang", "en").stdout
    assert text.index("## For the board") < text.index("## Summary")
    assert "Plan for Gemeente Proef." in text
    assert "Known to be behind: 2; the catch-up is planned to be done by the end of 2027-Q1." in text


def test_in_the_gemeente_example_each_duty_that_does_not_apply_names_its_question(runner):
    result = invoke(
        runner,
        "roadmap",
        "gemeenten",
        "--organisation",
        "examples/gemeente-voorbeeld.yaml",
        "--as-of",
        "2026-12-07",
        "--format",
        "json",
    )
    assert result.exit_code == 0, result.stderr
    listed = items(json.loads(result.stdout))
    not_applicable = [i for i in listed if not i["applicable"]]
    assert not_applicable and all("=" in i["reasons"][-1] for i in not_applicable)  # names the question


def test_the_html_roadmap_has_the_board_summary_with_a_workload_picture(runner):
    html = roadmap(runner, "gemeenten", "--organisation", ORG, "--lang", "en", "--format", "html").stdout
    assert html.index('<h2 id="board">For the board</h2>') < html.index('<h2 id="summary">')
    assert html.count("<rect ") == 2  # one bar per stage with work: 2026-Q4 and 2027-Q1
    assert "<li>Known to be behind: 2; the catch-up is planned to be done by the end of 2027-Q1.</li>" in html


def test_the_workbook_has_workload_and_assumption_sheets_in_the_chosen_language(runner, tmp_path):
    import openpyxl

    out = tmp_path / "plan.xlsx"
    assert (
        roadmap(runner, "gemeenten", "--organisation", ORG, "--format", "xlsx", "-o", str(out)).exit_code == 0
    )
    book = openpyxl.load_workbook(out)
    assert book.sheetnames == ["Samenvatting", "Planning", "Werklast", "Aannames", "Vragen"]
    assert [c.value for c in book["Werklast"][2]] == ["2026-Q4", "Gemeenten", 1, 4]


def test_build_gives_each_organisation_file_a_page_linked_from_the_house_page(runner, tmp_path):
    out = tmp_path / "site"
    args = ["--catalog", str(MINIMAL), "build", str(out), "--as-of", AS_OF, "--organisation", ORG]
    assert invoke(runner, *args).exit_code == 0
    page = (out / "en" / "organisations" / "gemeente-proef.html").read_text()
    assert "<h1>Gemeente Proef</h1>" in page and "For the board" in page
    assert 'href="organisations/gemeente-proef.html"' in (out / "en" / "house.html").read_text()


def test_a_bad_organisation_file_stops_the_build_and_leaves_the_old_site(runner, tmp_path):
    out = tmp_path / "site"
    base = ["--catalog", str(MINIMAL), "build", str(out), "--as-of", AS_OF]
    assert invoke(runner, *base).exit_code == 0
    bad = tmp_path / "bad.yaml"
    bad.write_text("organisation: X\nlayer: gemeenten\nstatus:\n  act-a.nope: {state: done}\n")
    result = invoke(runner, *base, "--organisation", str(bad))
    assert result.exit_code == 1 and f"{display_path(bad)}:4:3: error:" in result.stderr
    assert not (out / "en" / "organisations").exists()
