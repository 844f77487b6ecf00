"""`planner schema`: JSON Schemas from the models, the committed one kept current."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from planner.house.model import CollectivesFile
from planner.loading import LAYERS_FILE, THEMES_FILE
from planner.models import Act, LayersFile, PrimarySourcesFile, Progress, QuestionsFile, ThemesFile
from planner.reading import PRIMARY_FILE
from planner.schedule import STATUSES
from planner.schema import catalog_schema, progress_schema, render, roadmap_schema
from planner.yamlsafe import load

from .conftest import MINIMAL, invoke

COMMITTED = Path(__file__).parent.parent / "schema" / "catalog.schema.json"
MODELS = {LAYERS_FILE: LayersFile, THEMES_FILE: ThemesFile, PRIMARY_FILE: PrimarySourcesFile}


def test_committed_catalog_schema_is_current():
    assert COMMITTED.read_text(encoding="utf-8") == render("catalog"), (
        "schema/catalog.schema.json is stale: run `planner schema catalog -o schema/catalog.schema.json`"
    )


def test_catalog_schema_chooses_each_file_model_by_its_key():
    models = (Act, LayersFile, ThemesFile, QuestionsFile, PrimarySourcesFile, CollectivesFile)
    schema = catalog_schema()
    chosen, node = [], schema
    while "if" in node:
        chosen.append(node["then"]["$ref"])
        node = node["else"]
    assert "anyOf" not in schema
    assert sorted(chosen) == sorted(f"#/$defs/{m.__name__}" for m in models)
    for model in models:
        definition = schema["$defs"][model.__name__]
        assert list(definition["properties"]) == list(model.model_fields)
        assert definition["additionalProperties"] is False


def test_an_act_with_a_typo_is_told_only_about_the_act():
    import jsonschema

    data, _ = load((MINIMAL / "act-a.yaml").read_text(encoding="utf-8"))
    data["titel"] = data.pop("title")
    messages = [e.message for e in jsonschema.Draft7Validator(catalog_schema()).iter_errors(data)]
    assert any("'titel' was unexpected" in m for m in messages)
    assert any("'title' is a required property" in m for m in messages)
    assert not any("layers" in m or "themes" in m or "any of" in m for m in messages)


def test_every_ref_points_at_a_definition():
    text = render("catalog")
    refs = {part.split('"')[0] for part in text.split('"$ref": "#/$defs/')[1:]}
    assert refs <= set(catalog_schema()["$defs"])


@pytest.mark.parametrize("path", sorted(MINIMAL.glob("*.yaml")), ids=lambda p: p.name)
def test_minimal_files_fit_the_models_the_schema_is_made_of(path):
    MODELS.get(path.name, Act).model_validate(load(path.read_text())[0])


@pytest.mark.parametrize("path", sorted(MINIMAL.glob("*.yaml")), ids=lambda p: p.name)
def test_minimal_files_validate_against_the_schema(path):
    jsonschema = pytest.importorskip("jsonschema")
    jsonschema.validate(load(path.read_text())[0], catalog_schema())


def test_roadmap_schema_has_the_contract_keys():
    schema = roadmap_schema()
    assert schema["required"] == ["layer", "as_of", "stages", "findings"]
    assert schema["$defs"]["Stage"]["required"] == ["id", "start", "end", "items"]
    item = schema["$defs"]["Item"]
    assert item["required"] == ["obligation", "act", "due", "status", "package", "reasons"]
    assert item["properties"]["status"]["enum"] == list(STATUSES)  # the scheduler's statuses, in its order
    assert schema["$defs"]["Finding"]["required"] == ["kind", "obligation", "message"]
    assert "additionalProperties" not in schema


def test_progress_schema_is_the_progress_model():
    assert list(progress_schema()["properties"]) == list(Progress.model_fields)


def test_schema_command_prints_deterministic_json(runner):
    result = invoke(runner, "schema", "roadmap")
    assert result.exit_code == 0
    assert result.stdout == render("roadmap")
    assert json.loads(result.stdout)["title"] == "planner roadmap"


def test_schema_command_writes_a_file(runner, tmp_path):
    result = invoke(runner, "schema", "catalog", "-o", str(tmp_path / "s.json"))
    assert result.exit_code == 0
    assert (tmp_path / "s.json").read_text() == COMMITTED.read_text()


def test_unknown_schema_is_a_usage_error(runner):
    result = invoke(runner, "schema", "site")
    assert result.exit_code == 2
    assert (
        result.stderr
        == "error: SCHEMA: 'site' is not one of: catalog, roadmap, progress, organisation, house\n"
    )


def test_the_roadmap_of_an_organisation_validates_against_the_schema(runner):
    jsonschema = pytest.importorskip("jsonschema")
    from planner.schema import roadmap_schema

    org = "tests/data/organisations/gemeente-proef.yaml"
    args = ["--catalog", "tests/data/minimal", "roadmap", "gemeenten", "--as-of", "2026-11-28"]
    result = invoke(runner, *args, "--organisation", org, "--format", "json")
    jsonschema.validate(json.loads(result.stdout), roadmap_schema())


def test_the_house_json_validates_against_the_schema(runner):
    jsonschema = pytest.importorskip("jsonschema")
    from planner.schema import house_schema

    result = invoke(
        runner,
        "--catalog",
        "tests/data/house/catalogue",
        "house",
        "--as-of",
        "2026-12-01",
        "--format",
        "json",
    )
    jsonschema.validate(json.loads(result.stdout), house_schema())


def test_the_example_organisation_file_validates_against_its_schema():
    jsonschema = pytest.importorskip("jsonschema")
    from planner.schema import organisation_schema

    jsonschema.validate(load(Path("examples/gemeente-voorbeeld.yaml").read_text())[0], organisation_schema())
