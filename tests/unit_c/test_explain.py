"""Unit tests of planner.explain: the facts behind one item, and the text they read as.

The text form is checked by which rows it has and what each names, with the row labels taken
from the same ``explain`` vocabulary the text uses.
"""

from __future__ import annotations

from typing import Any

import pytest

from planner.errors import NotFoundError
from planner.explain import LEGAL, RULES, WORDS, explain, explain_text
from planner.loading import load_catalogue
from planner.roadmap import build_plan

from ..conftest import MINIMAL
from .builders import AS_OF, catalogue

SPEC = {
    "x.a": {"roles": {"rijk": "addressee", "gemeenten": "addressee"}, "due": "2027-06-30"},
    "x.b": {"requires": ["x.a"], "overlaps": {"x.a": "equal"}, "articles": ["Art. 5"]},
    "x.alone": {"roles": {"rijk": "addressee", "provincies": "supervisor"}, "milestone": "apply"},
}
ACTS = {
    "x": {"milestones": [{"id": "apply", "kind": "application", "date": "2027-08-02", "article": "Art. 9"}]}
}


@pytest.fixture(scope="module")
def ctx():  # type: ignore[no-untyped-def]
    return build_plan(catalogue(SPEC, acts=ACTS), AS_OF)


def test_without_a_layer_every_layer_that_plans_it_is_explained(ctx):
    assert [r["layer"] for r in explain(ctx, "x.a")] == ["gemeenten", "rijk"]


def test_with_a_layer_only_that_layer_is_explained(ctx):
    assert [r["layer"] for r in explain(ctx, "x.a", "rijk")] == ["rijk"]


def test_a_layer_that_only_supervises_is_not_found_and_the_roles_are_named(ctx):
    with pytest.raises(
        NotFoundError,
        match=r"not on the roadmap of layer 'provincies' \(roles: provincies: supervisor, rijk: addressee\)",
    ):
        explain(ctx, "x.alone", "provincies")


def test_an_unknown_obligation_is_not_found_with_a_suggestion(ctx):
    with pytest.raises(NotFoundError, match=r"did you mean 'x\.alone'"):
        explain(ctx, "x.alon")


def test_a_milestone_due_date_names_the_milestone_and_its_article(ctx):
    (record,) = explain(ctx, "x.alone")
    assert (record["due"], record["due_from"]["milestone"], record["due_from"]["milestone_article"]) == (
        "2027-08-02",
        "apply",
        "Art. 9",
    )


def test_an_own_due_date_names_no_milestone(ctx):
    (record,) = explain(ctx, "x.a", "rijk")
    assert (record["due"], record["due_from"]["milestone"]) == ("2027-06-30", None)


def test_what_an_item_waits_on_and_what_waits_on_it_mirror_each_other(ctx):
    (later,) = explain(ctx, "x.b", "gemeenten")
    (first,) = explain(ctx, "x.a", "gemeenten")
    assert [(w["kind"], w["obligation"], w["layer"]) for w in later["waits_on"]] == [
        ("requires", "x.a", "gemeenten")
    ]
    assert [(w["kind"], w["obligation"], w["layer"]) for w in first["waited_on_by"]] == [
        ("requires", "x.b", "gemeenten")
    ]


def test_a_package_member_names_its_package_and_an_item_outside_names_none(ctx):
    (member,) = explain(ctx, "x.b", "gemeenten")
    (alone,) = explain(ctx, "x.alone")
    assert (member["package"], member["package_members"]) == ("pkg-x.a", ["x.a", "x.b"])
    assert (alone["package"], alone["package_members"]) == (None, [])


@pytest.mark.parametrize("lang", ["en", "nl"])
def test_the_rule_is_told_in_the_language_asked(ctx, lang):
    (record,) = explain(ctx, "x.b", "gemeenten", lang=lang)
    assert record["rule_text"] == RULES[lang][record["rule"]]


def record(**changes: Any) -> dict[str, Any]:
    """An explain record written out by hand, with `changes` applied."""
    base: dict[str, Any] = {
        "obligation": "x.b",
        "layer": "gemeenten",
        "title": {"en": "Title B", "nl": "Titel B"},
        "scenario": None,
        "stage": "2027-Q1",
        "status": "planned",
        "due": "2027-06-30",
        "due_from": {
            "act": "x",
            "act_title": "Act X",
            "articles": ["Art. 5", "Art. 6"],
            "milestone": None,
            "milestone_article": None,
            "milestone_status": None,
            "milestone_source": None,
            "sources": [],
        },
        "waits_on": [],
        "waited_on_by": [],
        "package": None,
        "package_members": [],
        "rule": "after-dependency",
        "rule_text": "the rule",
        "reasons": ["reason one"],
        "providers": [],
    }
    due_from = {**base["due_from"], **changes.pop("due_from", {})}
    return {**base, **changes, "due_from": due_from}


def rows(text: str, label: str, lang: str = "en") -> list[str]:
    """The values of the rows with `label` in an explain text."""
    prefix = WORDS[lang][label] + ":"
    return [
        line.strip()[len(prefix) :].strip() for line in text.splitlines() if line.strip().startswith(prefix)
    ]


def test_the_text_starts_with_the_obligation_its_layer_and_title():
    first = explain_text([record()], "nl").splitlines()[0]
    assert first.startswith("x.b ") and "gemeenten" in first and first.endswith("Titel B")


def test_a_missing_title_in_the_language_falls_back_to_english():
    first = explain_text([record(title={"en": "Title B"})], "nl").splitlines()[0]
    assert first.endswith("Title B")


def test_a_scenario_row_appears_only_under_a_scenario():
    assert rows(explain_text([record(scenario="omnibus")]), "scenario") == ["omnibus"]
    assert rows(explain_text([record()]), "scenario") == []


def test_the_due_row_gives_the_date_the_act_and_its_articles():
    (due,) = rows(explain_text([record()]), "due")
    assert due.startswith("2027-06-30,") and "Act X Art. 5, Art. 6" in due
    assert due.endswith(WORDS["en"]["own_date"])


def test_a_milestone_due_row_names_the_milestone_its_article_and_legal_status():
    text = explain_text(
        [
            record(
                due_from={"milestone": "apply", "milestone_article": "Art. 9", "milestone_status": "proposed"}
            )
        ]
    )
    (due,) = rows(text, "due")
    assert due.endswith(f"{WORDS['en']['milestone']} apply (Art. 9, {LEGAL['en']['proposed']})")


def test_a_milestone_without_article_is_named_alone():
    (due,) = rows(
        explain_text([record(due_from={"milestone": "apply", "milestone_status": "in-force"})]), "due"
    )
    assert due.endswith(f"{WORDS['en']['milestone']} apply")


def test_an_item_without_due_date_says_so():
    (due,) = rows(explain_text([record(due=None)]), "due")
    assert due.startswith(WORDS["en"]["no_due"] + ",")


def test_each_source_gets_its_own_row():
    text = explain_text([record(due_from={"sources": ["https://a.example", "Staatsblad 2024, 1"]})])
    assert rows(text, "source") == ["https://a.example", "Staatsblad 2024, 1"]


def test_a_waits_on_row_names_the_item_its_layer_stage_and_status():
    waits = [{"kind": "requires", "obligation": "x.a", "layer": "rijk", "stage": None, "status": "overdue"}]
    (row,) = rows(explain_text([record(waits_on=waits)], "nl"), "waits_on", "nl")
    assert row.startswith("x.a (rijk, ") and " - " in row
    assert row.endswith("]") and "overdue" not in row  # the status is told in Dutch


def test_an_unlocks_row_names_what_waits_on_the_item():
    waited = [{"kind": "requires", "obligation": "x.c", "layer": "rijk", "stage": "2027-Q3"}]
    (row,) = rows(explain_text([record(waited_on_by=waited)]), "unlocks")
    assert row.startswith("x.c (rijk)") and row.endswith("2027-Q3")


def test_the_package_row_names_the_other_members_only():
    text = explain_text([record(package="pkg-x.a", package_members=["x.a", "x.b", "x.c"])])
    (row,) = rows(text, "package")
    assert row.startswith("pkg-x.a (") and "x.a, x.c" in row and "x.b" not in row


def test_a_package_of_one_names_no_other_members():
    (row,) = rows(explain_text([record(package="pkg-x.b", package_members=["x.b"])]), "package")
    assert row == "pkg-x.b"


def test_no_package_no_package_row():
    assert rows(explain_text([record()]), "package") == []


def test_each_provider_delivery_gets_its_own_row_after_the_reasons():
    text = explain_text([record(providers=[{"text": "Logius delivers the wallet"}])])
    assert rows(text, "provider") == ["Logius delivers the wallet"]
    assert text.index("reason one") < text.index("Logius delivers the wallet")


def test_every_reason_gets_a_because_row():
    assert rows(explain_text([record(reasons=["one", "two"])]), "because") == ["one", "two"]


@pytest.mark.parametrize("lang", ["en", "nl"])
def test_the_values_of_all_rows_start_in_one_column(lang):
    full = record(scenario="s", package="pkg-x.a", package_members=["x.a", "x.b"], providers=[{"text": "p"}])
    text = explain_text([full], lang)
    body = [line for line in text.splitlines()[1:] if line]
    names = ("stage", "scenario", "rule", "due", "package", "because", "provider")
    labels = [WORDS[lang][k] + ":" for k in names]
    starts = {
        len(line) - len(line[2:].removeprefix(label).lstrip())
        for line, label in zip(body, labels, strict=True)
    }
    assert len(starts) == 1


def test_records_are_separated_by_a_blank_line():
    text = explain_text([record(), record(layer="rijk")])
    assert text.count("\n\n") == 1 and text.endswith("\n")


def test_the_sources_of_a_loaded_catalogue_are_given_by_url():
    ctx = build_plan(load_catalogue(MINIMAL), AS_OF)
    (record,) = explain(ctx, "act-a.assess", "rijk")
    assert record["due_from"]["sources"] == ["https://example.org/act-a"]
    assert record["due_from"]["milestone_source"] == "https://example.org/act-a"
