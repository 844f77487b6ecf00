"""Unit tests of planner.schema: the JSON Schemas accept what planner really reads and writes,
and reject what it would refuse.

Catalogue files are read as an editor's YAML 1.2 reads them (dates stay text, numbers are
numbers), since that is who validates against the committed schema while people type.
"""

from __future__ import annotations

import copy
import datetime as dt
import functools
import json
import re
from pathlib import Path
from typing import Any

import pytest
import yaml

from planner.loading import load_catalogue
from planner.roadmap import build_plan, roadmap
from planner.schema import NAMES, SCHEMAS, render

from .builders import AS_OF, catalogue

jsonschema = pytest.importorskip("jsonschema")

ROOT = Path(__file__).parents[2]
MINIMAL = ROOT / "tests" / "data" / "minimal"
CATALOGUE_FILES = sorted((ROOT / "regulations").glob("*.yaml")) + sorted(
    (ROOT / "tests" / "data" / "house" / "catalogue").glob("*.yaml")
)
ORGANISATION_FILES = [
    *sorted((ROOT / "examples").glob("*.yaml")),
    ROOT / "tests" / "data" / "organisation" / "ok.yaml",
    ROOT / "tests" / "data" / "organisations" / "gemeente-proef.yaml",
]


class EditorLoader(yaml.SafeLoader):
    """YAML as a YAML 1.2 editor reads it: dates stay text and only true/false are booleans."""


EditorLoader.yaml_implicit_resolvers = {
    first: [(tag, rx) for tag, rx in resolvers if not tag.endswith((":timestamp", ":bool"))]
    for first, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
}
EditorLoader.add_implicit_resolver("tag:yaml.org,2002:bool", re.compile(r"^(?:true|false)$"), list("tf"))


def as_editor_reads(path: Path) -> Any:
    return yaml.load(path.read_text(encoding="utf-8"), Loader=EditorLoader)  # a SafeLoader


@functools.cache
def validator(name: str) -> Any:
    return jsonschema.Draft7Validator(SCHEMAS[name](), format_checker=jsonschema.FormatChecker())


def errors(name: str, data: Any) -> list[str]:
    return [e.message for e in validator(name).iter_errors(data)]


@pytest.mark.parametrize("name", NAMES)
def test_every_schema_is_a_valid_draft_7_schema(name):
    jsonschema.Draft7Validator.check_schema(SCHEMAS[name]())


@pytest.mark.parametrize("name", NAMES)
def test_rendering_a_schema_twice_gives_the_same_text(name):
    assert render(name) == render(name)
    assert json.loads(render(name)) == SCHEMAS[name]()


def test_an_unknown_schema_name_is_a_key_error():
    with pytest.raises(KeyError):
        render("site")


@pytest.mark.parametrize("path", CATALOGUE_FILES, ids=lambda p: f"{p.parent.name}/{p.name}")
def test_every_shipped_catalogue_file_fits_the_catalog_schema(path):
    assert errors("catalog", as_editor_reads(path)) == []


def test_layers_file_with_a_typo_is_told_about_layers_only():
    data = as_editor_reads(MINIMAL / "layers.yaml")
    data["layers"][0]["organisatons"] = data["layers"][0].pop("organisations")
    found = errors("catalog", data)
    assert any("'organisatons' was unexpected" in m for m in found)
    assert not any("'id' is a required property" in m for m in found)


def test_an_impossible_date_in_an_act_is_rejected():
    data = as_editor_reads(MINIMAL / "act-a.yaml")
    data["milestones"][0]["date"] = "2027-13-02"
    assert errors("catalog", data)


@pytest.mark.parametrize("path", ORGANISATION_FILES, ids=lambda p: p.name)
def test_every_organisation_file_fits_the_organisation_schema(path):
    assert errors("organisation", as_editor_reads(path)) == []


def test_an_organisation_state_outside_the_list_is_rejected():
    data = as_editor_reads(ROOT / "tests" / "data" / "organisation" / "ok.yaml")
    data["status"]["act-a.assess"] = {"state": "almost-done"}
    assert errors("organisation", data)


def test_a_progress_file_fits_and_a_misspelt_key_does_not():
    good = {
        "organisation": "Gemeente X",
        "layer": "gemeenten",
        "done": [{"obligation": "a.b", "done": "2026-05-01"}],
    }
    assert errors("progress", good) == []
    bad = copy.deepcopy(good)
    bad["done"][0]["donne"] = bad["done"][0].pop("done")
    assert any("'donne' was unexpected" in m for m in errors("progress", bad))


@pytest.fixture(scope="module")
def roadmaps() -> dict[str, dict[str, Any]]:
    cat = load_catalogue(MINIMAL)
    ctx = build_plan(cat, dt.date(2026, 11, 28))
    return {layer: roadmap(ctx, layer, "en") for layer in [*cat.layers, "all"]}


@pytest.mark.parametrize("layer", ["rijk", "gemeenten", "all"])
def test_every_roadmap_fits_the_roadmap_schema(roadmaps, layer):
    assert errors("roadmap", json.loads(json.dumps(roadmaps[layer]))) == []


def first_item(data: dict[str, Any]) -> dict[str, Any]:
    item: dict[str, Any] = next(i for s in data["stages"] for i in s["items"])
    return item


@pytest.mark.parametrize(
    ("change", "expected"),
    [
        (lambda d: first_item(d).update(status="late"), "is not one of"),
        (lambda d: first_item(d).pop("reasons"), "'reasons' is a required property"),
        (lambda d: first_item(d).update(due="2027-02-30"), "is not valid under any of the given schemas"),
        (lambda d: d["stages"][0].pop("id"), "'id' is a required property"),
        (lambda d: d.pop("findings"), "'findings' is a required property"),
    ],
    ids=["unknown status", "no reasons", "impossible due date", "stage without id", "no findings"],
)
def test_a_roadmap_that_breaks_the_contract_is_rejected(roadmaps, change, expected):
    data = json.loads(json.dumps(roadmaps["gemeenten"]))
    change(data)
    assert any(expected in m for m in errors("roadmap", data))


def recurring_roadmap() -> dict[str, Any]:
    cat = catalogue(
        {
            "x.report": {
                "nature": "recurring",
                "recurrence": {"every": "year", "first": "2027-03-31"},
                "due": "2027-03-31",
                "effort_days": 2,
            }
        }
    )
    data: dict[str, Any] = json.loads(json.dumps(roadmap(build_plan(cat, AS_OF), "gemeenten", "en")))
    return data


def test_a_roadmap_with_recurring_duties_fits_the_schema():
    data = recurring_roadmap()
    assert [o["date"] for s in data["stages"] for o in s.get("recurring", [])][:2] == [
        "2027-03-31",
        "2028-03-31",
    ]
    assert errors("roadmap", data) == []


def test_an_occurrence_with_an_unknown_period_is_rejected():
    data = recurring_roadmap()
    occurrence = next(o for s in data["stages"] for o in s.get("recurring", []))
    occurrence["every"] = "fortnight"
    assert any("is not one of" in m for m in errors("roadmap", data))


@pytest.fixture(scope="module")
def house_json() -> dict[str, Any]:
    from typer.testing import CliRunner

    from ..conftest import invoke

    runner = CliRunner(env={"COLUMNS": "100", "PLANNER_CATALOG": ""})
    catalogue_dir = str(ROOT / "tests" / "data" / "house" / "catalogue")
    result = invoke(runner, "--catalog", catalogue_dir, "house", "--as-of", "2026-12-01", "--format", "json")
    assert result.exit_code == 0
    data: dict[str, Any] = json.loads(result.stdout)
    return data


def test_the_house_json_has_foundations_and_fits_its_schema(house_json):
    assert house_json["foundations"]
    assert errors("house", house_json) == []


@pytest.mark.parametrize(
    ("change", "expected"),
    [
        (lambda d: d["foundations"][0].update(status="maybe"), "is not one of"),
        (lambda d: d["foundations"][0].pop("provider"), "'provider' is a required property"),
        (lambda d: d.update(days_with="many"), "is not of type 'number'"),
    ],
    ids=["unknown delivery status", "no provider", "days as text"],
)
def test_a_house_json_that_breaks_its_schema_is_rejected(house_json, change, expected):
    data = copy.deepcopy(house_json)
    change(data)
    assert any(expected in m for m in errors("house", data))
