"""The rows of `planner list` and the records of `planner show`, on a catalogue built in the test."""

from __future__ import annotations

import pytest

from planner.errors import NotFoundError
from planner.query import describe, list_rows, show_text, table
from tests.unit_a.builders import catalogue, ob

TWO_LAYERS = {"rijk": None, "gemeenten": None}


@pytest.fixture
def cat():  # type: ignore[no-untyped-def]
    milestone = {"id": "apply", "kind": "application", "date": "2027-08-02", "article": "Art. 113"}
    scenario = {
        "id": "omnibus",
        "title": {"en": "Omnibus"},
        "changes": [
            {"milestone": "apply", "date": "2028-08-02"},
            {"obligation": "x.a", "due": "2029-01-01"},
            {"obligation": "x.b", "remove": True},
        ],
    }
    return catalogue(
        {
            "x.a": ob(
                roles={"rijk": "addressee", "gemeenten": "supervisor"}, milestone="apply", themes=["data"]
            ),
            "x.b": ob(roles={"gemeenten": "addressee"}, requires=("x.a",)),
            "y.c": ob(roles={"gemeenten": "addressee"}, overlaps=("x.b",)),
        },
        layers=TWO_LAYERS,
        themes=("data", "ai"),
        acts={"x": {"milestones": [milestone], "scenarios": [scenario], "themes": ["ai"]}},
    )


def test_obligation_rows_show_the_due_date_of_the_milestone_and_sorted_roles(cat):
    row = list_rows(cat, "obligations")[0]
    assert (row["id"], row["due"], row["roles"]) == (
        "x.a",
        "2027-08-02",
        "gemeenten:supervisor, rijk:addressee",
    )


def test_a_layer_filter_keeps_obligations_with_any_role_there(cat):
    assert [r["id"] for r in list_rows(cat, "obligations", layer="gemeenten")] == ["x.a", "x.b", "y.c"]
    assert [r["id"] for r in list_rows(cat, "obligations", layer="rijk")] == ["x.a"]


def test_a_theme_filter_matches_the_obligation_s_theme_or_its_act_s(cat):
    assert [r["id"] for r in list_rows(cat, "obligations", theme="data")] == ["x.a"]
    assert [r["id"] for r in list_rows(cat, "obligations", theme="ai")] == ["x.a", "x.b"]


def test_act_rows_count_the_obligations_that_match(cat):
    assert {r["id"]: r["obligations"] for r in list_rows(cat, "acts", layer="rijk")} == {"x": 1}
    assert {r["id"]: r["obligations"] for r in list_rows(cat, "acts")} == {"x": 2, "y": 1}


def test_layer_rows_count_the_obligations_of_each_layer(cat):
    assert {r["id"]: r["obligations"] for r in list_rows(cat, "layers")} == {"rijk": 1, "gemeenten": 3}


def test_theme_rows_count_acts_and_obligations(cat):
    assert {r["id"]: (r["acts"], r["obligations"]) for r in list_rows(cat, "themes")} == {
        "data": (0, 1),
        "ai": (1, 0),
    }


def test_a_scenario_row_sums_up_what_it_changes(cat):
    (row,) = list_rows(cat, "scenarios")
    assert (row["id"], row["act"]) == ("omnibus", "x")
    assert row["changes"] == "milestone apply 2028-08-02; 1 obligation date(s); 1 obligation(s) removed"


def test_scenario_rows_of_another_act_are_left_out(cat):
    assert list_rows(cat, "scenarios", act="y") == []


def test_a_table_of_no_rows_says_nothing_matches():
    assert table([]) == "(nothing matches)"


def test_a_table_cuts_only_the_last_column_to_the_width():
    lines = table([{"id": "a", "title": "x" * 200}], width=40).splitlines()
    assert max(len(line) for line in lines) == 40
    assert lines[1].endswith("…")


def test_a_table_does_not_cut_when_too_little_room_would_remain():
    lines = table([{"id": "a" * 35, "title": "x" * 50}], width=40).splitlines()
    assert lines[1].endswith("x" * 50)


def test_describe_an_obligation_gathers_its_relations_both_ways(cat):
    record = describe(cat, "x.b")
    assert (record["type"], record["due_date"]) == ("obligation", None)
    assert [r["to"] for r in record["relations"]["requires"]] == ["x.a"]
    assert record["relations"]["incoming"] == [{"from": "y.c", "kind": "overlaps"}]
    assert "requires" not in record


def test_describe_an_act_lists_its_obligations_with_due_dates(cat):
    record = describe(cat, "x")
    assert record["type"] == "act"
    assert [(o["id"], o["due"]) for o in record["obligations"]] == [("x.a", "2027-08-02"), ("x.b", None)]


@pytest.mark.parametrize(("item", "kind"), [("rijk", "layer"), ("data", "theme")])
def test_describe_a_layer_or_theme_says_which(cat, item, kind):
    assert describe(cat, item)["type"] == kind


def test_an_unknown_id_is_not_found_with_a_suggestion(cat):
    with pytest.raises(NotFoundError, match=r"did you mean 'x\.a'"):
        describe(cat, "x.aa")


def test_show_an_act_lists_milestones_with_article_and_its_scenarios(cat):
    text = show_text(cat, "x")
    assert "2027-08-02" in text and "[Art. 113]" in text
    assert "omnibus" in text.split("Scenarios")[1]


def test_show_an_obligation_names_its_milestone_and_incoming_relations(cat):
    text = show_text(cat, "x.a")
    assert "(milestone apply)" in text
    assert "requires from x.b" in text


def test_show_a_layer_gives_its_name(cat):
    assert show_text(cat, "gemeenten").startswith("gemeenten: gemeenten")


def _with_collectives():  # type: ignore[no-untyped-def]
    from tests.unit_a.builders import collective

    question = {
        "id": "ai",
        "text": {"en": "AI?"},
        "type": "bool",
        "article": "Art. 26",
        "defaults": {
            "rijk": {"answer": True, "rationale": {"en": "r"}},
            "gemeenten": {"answer": False, "rationale": {"en": "r"}},
        },
    }
    return catalogue(
        {
            "x.a": ob(applies_if={"question": "ai", "equals": True}),
            "x.b": ob(applies_if={"not": {"question": "ai", "equals": True}}),
            "x.f": ob(roles={"rijk": "provider"}),
        },
        layers=TWO_LAYERS,
        questions=(question,),
        collectives=(
            collective(
                "c",
                {"x.a": 0.5},
                delivers=["x.f"],
                status="planned",
                delivery="2027-01-01",
                delivery_confirmed=False,
            ),
            collective("g", {"x.a": 0.5}, layers=["gemeenten"], default_for=[]),
        ),
    )


def test_a_collective_row_lists_what_it_delivers_before_what_it_covers_and_an_unconfirmed_date():
    row = list_rows(_with_collectives(), "collectives")[0]
    assert (row["covers"], row["delivery"]) == ("x.f (delivers), x.a", "2027-01-01 (unconfirmed)")


def test_collective_rows_of_a_layer_are_those_serving_it():
    assert [r["id"] for r in list_rows(_with_collectives(), "collectives", layer="gemeenten")] == ["g"]


def test_a_question_row_counts_the_duties_it_decides_and_shows_each_default():
    (row,) = list_rows(_with_collectives(), "questions")
    assert (row["duties"], row["defaults"], row["article"]) == (2, "rijk: yes, gemeenten: no", "Art. 26")


def test_a_question_row_for_one_layer_shows_only_its_default():
    (row,) = list_rows(_with_collectives(), "questions", layer="gemeenten")
    assert row["defaults"] == "gemeenten: no"


def _act_with_history():  # type: ignore[no-untyped-def]
    from dataclasses import replace

    from planner.models import Source

    milestone = {
        "id": "apply",
        "kind": "application",
        "date": "2027-12-02",
        "source": "oj",
        "history": [{"date": "2026-08-02", "changed_by": "omnibus"}],
        "disputed": [{"date": "2027-08-02", "source": "oj"}],
    }
    cat = catalogue(
        {
            "eu.a": ob(
                effort_days=3, effort_rationale={"en": "a week of work"}, sources=["oj"], articles=["Art. 1"]
            )
        },
        acts={
            "eu": {
                "kind": "directive",
                "celex": "32024L0001",
                "milestones": [milestone],
                "amendments": [
                    {"id": "omnibus", "title": {"en": "Omnibus"}, "status": "adopted", "date": "2026-05-01"}
                ],
                "transposition": {"national_acts": [], "note": {"en": "bill pending"}, "as_of": "2026-10-01"},
            }
        },
    )
    source = Source(url="https://eur-lex.europa.eu/x", title="OJ L")
    return replace(cat, sources={"eu": {"oj": source}})


def test_show_an_act_gives_a_moved_date_its_history_and_a_disputed_one_its_source():
    text = show_text(_act_with_history(), "eu")
    assert "was 2026-08-02, moved by omnibus" in text
    assert "disputed: 2027-08-02 according to oj" in text
    assert "source: https://eur-lex.europa.eu/x" in text


def test_show_a_directive_says_when_no_national_act_is_recorded():
    text = show_text(_act_with_history(), "eu")
    assert "none recorded" in text and "bill pending (as of 2026-10-01)" in text


def test_show_an_act_lists_its_amendments_with_status_and_date():
    assert "omnibus (adopted, 2026-05-01): Omnibus" in show_text(_act_with_history(), "eu")


def test_show_an_obligation_gives_its_effort_with_the_rationale_and_its_sources():
    text = show_text(_act_with_history(), "eu.a")
    assert "effort:     3 (a week of work)" in text
    assert "[oj] OJ L <https://eur-lex.europa.eu/x>" in text


def test_describe_an_obligation_resolves_its_source_keys():
    record = describe(_act_with_history(), "eu.a")
    assert record["sources"] == [{"key": "oj", "url": "https://eur-lex.europa.eu/x", "title": "OJ L"}]


def test_a_question_row_cites_its_article_in_the_language_asked():
    question = {
        "id": "q",
        "text": {"en": "Q?"},
        "type": "bool",
        "article": {"en": "Art. 2 (definitions)", "nl": "art. 2 (definities)"},
    }
    cat = catalogue({"x.a": ob()}, questions=(question,))
    assert [list_rows(cat, "questions", lang=lang)[0]["article"] for lang in ("en", "nl")] == [
        "Art. 2 (definitions)",
        "art. 2 (definities)",
    ]
