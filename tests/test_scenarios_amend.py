"""A scenario that amends what a duty requires (``amend``): validated by `check`, used by the
plan, reported as "changed" per layer by `diff --scenario`, `house --scenario` and the site.

tests/data/minimal with scenario lighter-assess appended to act-a: act-a.assess (rijk and
gemeenten, 2 person-days, requires act-a.inventory) becomes 5 person-days with a new title, a
new overlap with act-a.platform and without its prerequisite.
"""

from __future__ import annotations

import datetime as dt
import json
import shutil
from pathlib import Path

import pytest

from planner import api
from planner.loading import load_catalogue

from .conftest import MINIMAL, invoke

AMEND_A = """scenarios:
  - id: lighter-assess
    title: {en: A different assessment, nl: Een andere beoordeling}
    source: oj
    changes:
      - obligation: act-a.assess
        amend:
          effort_days: 5
          title: {en: Assess the high risks, nl: Beoordeel de hoge risico's}
          add:
            overlaps:
              - {to: act-a.platform, rationale: {en: One entry point., nl: Eén meldpunt.}}
          drop:
            requires: [act-a.inventory]
"""
AS_OF = dt.date(2026, 12, 1)


@pytest.fixture
def amended_cat(tmp_path: Path) -> Path:
    root = Path(shutil.copytree(MINIMAL, tmp_path / "cat"))
    (root / "act-a.yaml").write_text((root / "act-a.yaml").read_text() + AMEND_A)
    return root


def check_with(runner, root: Path, old: str, new: str):  # type: ignore[no-untyped-def]
    """`planner check` after replacing `old` by `new` in act-a.yaml; the 1-based line of `new`."""
    path = root / "act-a.yaml"
    text = path.read_text()
    assert old in text
    path.write_text(text.replace(old, new, 1))
    line = next(n for n, row in enumerate(path.read_text().splitlines(), 1) if new.splitlines()[-1] in row)
    return invoke(runner, "--catalog", str(root), "check"), line


def test_check_rejects_a_field_a_scenario_cannot_amend_at_its_place(runner, amended_cat):
    result, line = check_with(
        runner, amended_cat, "          effort_days: 5\n", "          roles: {rijk: provider}\n"
    )
    assert result.exit_code == 1
    assert f"act-a.yaml:{line}:" in result.stderr
    assert "scenarios[0].changes[0].amend.roles: a scenario cannot amend 'roles'" in result.stderr


def test_check_rejects_an_amended_field_of_the_wrong_type_at_its_place(runner, amended_cat):
    result, line = check_with(runner, amended_cat, "effort_days: 5\n", "effort_days: five\n")
    assert result.exit_code == 1
    assert f"act-a.yaml:{line}:" in result.stderr
    assert "amend.effort_days: Input should be a valid number" in result.stderr


def test_check_rejects_a_relation_added_to_an_unknown_obligation_at_its_place(runner, amended_cat):
    result, line = check_with(runner, amended_cat, "{to: act-a.platform,", "{to: act-a.platfrom,")
    assert result.exit_code == 1
    assert f"act-a.yaml:{line}:" in result.stderr
    assert "amend.add.overlaps[0].to: unknown obligation 'act-a.platfrom' (did you mean" in result.stderr


def test_check_rejects_dropping_a_relation_the_duty_does_not_have(runner, amended_cat):
    result, _ = check_with(runner, amended_cat, "requires: [act-a.inventory]", "requires: [act-a.platform]")
    assert result.exit_code == 1
    assert "amend.drop.requires[0]: unknown requires relation of 'act-a.assess' to 'act-a.platform'" in (
        result.stderr
    )


def test_check_rejects_an_amendment_that_leaves_the_duty_invalid(runner, amended_cat):
    # a recurring duty needs a recurrence: the amended obligation would not load
    result, _ = check_with(
        runner, amended_cat, "effort_days: 5\n", "effort_days: 5\n          nature: recurring\n"
    )
    assert result.exit_code == 1
    assert "amend: the amended 'act-a.assess' is not valid: " in result.stderr


def test_the_amended_duty_has_the_added_relation_and_not_the_dropped_one(amended_cat):
    ob = load_catalogue(amended_cat).with_scenario("lighter-assess").obligations["act-a.assess"]
    assert ([r.to for r in ob.overlaps], [r.to for r in ob.requires]) == (["act-a.platform"], [])


def test_the_plan_under_the_scenario_uses_the_amended_effort(amended_cat):
    cat = load_catalogue(amended_cat).with_scenario("lighter-assess")
    assert api.plan(cat, AS_OF).plan.items["act-a.assess", "gemeenten"].effort == 5.0


def test_diff_reports_the_item_as_changed_per_layer_with_what_changed(runner, amended_cat):
    args = [
        "--catalog",
        str(amended_cat),
        "diff",
        "--scenario",
        "lighter-assess",
        "--as-of",
        AS_OF.isoformat(),
    ]
    impact = json.loads(invoke(runner, *args, "--format", "json").stdout)["impact"]
    (item,) = (i for i in impact["gemeenten"]["items"] if i["obligation"] == "act-a.assess")
    assert "effort days changed from 2 to 5" in item["changed"]
    assert "requires act-a.inventory removed" in item["changed"]
    assert (item["old_effort"], item["new_effort"], impact["gemeenten"]["counts"]["changed"]) == (2.0, 5.0, 1)


def test_house_json_counts_the_changed_items_and_their_days_and_fits_its_schema(runner, amended_cat):
    import jsonschema

    from planner.schema import house_schema

    args = ["--catalog", str(amended_cat), "house", "--as-of", AS_OF.isoformat(), "--format", "json"]
    data = json.loads(invoke(runner, *args, "--scenario", "lighter-assess").stdout)
    jsonschema.validate(data, house_schema())
    rijk = next(i for i in data["impact"] if i["layer"] == "rijk")
    assert (rijk["changed"], rijk["days_before"], rijk["days_after"]) == (1, 2.0, 5.0)


def test_the_scenario_page_says_what_the_amendment_changes(tmp_path, amended_cat):
    api.build_site(api.load(amended_cat), tmp_path / "site", as_of=AS_OF, lang="en")
    page = (tmp_path / "site" / "scenarios" / "lighter-assess.html").read_text()
    assert (
        "<li><code>act-a.assess</code>: requires something else: title; effort 2 → 5 person-days; "
        "− requires <code>act-a.inventory</code>; + overlaps <code>act-a.platform</code></li>"
    ) in page
    assert "<td><code>act-a.assess</code> (requires something else)</td>" in page


def test_an_amended_item_says_why_it_is_planned_as_it_is(amended_cat):
    cat = load_catalogue(amended_cat).with_scenario("lighter-assess")
    reasons = [r.render("nl") for r in api.plan(cat, AS_OF).plan.items["act-a.assess", "rijk"].reasons]
    assert "scenario lighter-assess verandert wat deze plicht vraagt: gepland zoals gewijzigd" in reasons


def test_an_amendment_keeps_every_field_it_does_not_name():
    from planner.catalogue import amended
    from planner.models import Amend

    cat = load_catalogue(Path(__file__).parent.parent / "regulations")
    # every real obligation (conditions with aliased keys, recurrences, relations) survives intact
    changed = [
        oid
        for oid, ob in cat.obligations.items()
        if amended(ob, Amend(effort_rationale={"en": "x"})).model_dump(exclude={"effort_rationale"})
        != ob.model_dump(exclude={"effort_rationale"})
    ]
    assert changed == []
