"""Incremental builds: after any edit, a rebuild over the old site equals a fresh build, byte for byte."""

from __future__ import annotations

import datetime as dt
import random
import shutil
from pathlib import Path
from typing import Any

import pytest
import yaml

from planner import api
from planner.errors import PlannerError
from planner.loading import load_catalogue
from planner.site import pipeline
from planner.site.incremental import MANIFEST, digest, read_manifest
from tests.conftest import DATA, MINIMAL

AS_OF = dt.date(2026, 11, 28)
CATALOGUES = [MINIMAL, DATA / "diff" / "old", DATA / "diff" / "new", DATA / "house" / "catalogue"]
TRIALS = 3


def tree(root: Path) -> dict[str, bytes]:
    """Every file under `root` with its bytes."""
    return {p.relative_to(root).as_posix(): p.read_bytes() for p in sorted(root.rglob("*")) if p.is_file()}


def build(catalogue: Path, out: Path, orgs: Path | None = None) -> api.SiteReport:
    files = sorted(orgs.glob("*.yaml")) if orgs else ()
    return api.build_site(load_catalogue(catalogue), out, as_of=AS_OF, lang="all", organisations=files)


def leaves(value: Any, path: tuple[Any, ...] = ()) -> list[tuple[Any, ...]]:
    """The paths of every value inside a loaded YAML document (lists and their items too)."""
    found = [path]
    if isinstance(value, dict):
        for key, item in value.items():
            found += leaves(item, (*path, key))
    elif isinstance(value, list):
        for index, item in enumerate(value):
            found += leaves(item, (*path, index))
    return found


def mutate(data: Any, rng: random.Random) -> Any:
    """One random edit: a word added to a text, a date or number moved, or a list item dropped."""
    path = rng.choice(leaves(data)[1:])
    parent = data
    for step in path[:-1]:
        parent = parent[step]
    value = parent[path[-1]]
    if isinstance(value, bool):
        parent[path[-1]] = not value
    elif isinstance(value, str):
        parent[path[-1]] = f"{value} {rng.choice(['extra', 'edited', 'word'])}"
    elif isinstance(value, dt.date):
        parent[path[-1]] = value + dt.timedelta(days=rng.choice([-400, -30, 30, 400]))
    elif isinstance(value, int | float):
        parent[path[-1]] = value + 1
    elif isinstance(value, list) and value:
        del value[rng.randrange(len(value))]
    elif isinstance(parent, dict):
        del parent[path[-1]]
    return data


def edit(catalogue: Path, rng: random.Random) -> str:
    """Apply one random edit to one file of `catalogue` that leaves it valid; say what was done."""
    files = sorted(catalogue.glob("*.yaml"))
    for _ in range(50):
        path = rng.choice(files)
        before = path.read_text(encoding="utf-8")
        if rng.random() < 0.05 and path.name.startswith("act-"):
            path.unlink()
            change = f"removed {path.name}"
        else:
            data = mutate(yaml.safe_load(before), rng)
            path.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")
            change = f"edited {path.name}"
        try:
            load_catalogue(catalogue)
            return change
        except (PlannerError, SystemExit):
            path.write_text(before, encoding="utf-8")
    raise AssertionError("no valid edit found")


@pytest.mark.parametrize("source", CATALOGUES, ids=lambda p: p.name)
def test_an_incremental_build_after_random_edits_equals_a_fresh_build(source: Path, tmp_path: Path):
    old_site = tmp_path / "old-site"
    build(source, old_site)
    for trial in range(TRIALS):
        rng = random.Random(f"{source.name}-{trial}")
        catalogue = tmp_path / f"cat{trial}"
        shutil.copytree(source, catalogue)
        changes = [edit(catalogue, rng) for _ in range(rng.randint(1, 3))]
        incremental, fresh = tmp_path / f"inc{trial}", tmp_path / f"fresh{trial}"
        shutil.copytree(old_site, incremental)
        build(catalogue, incremental)
        build(catalogue, fresh)
        assert tree(incremental) == tree(fresh), changes


def _made(monkeypatch: pytest.MonkeyPatch, rendered_only: bool = False) -> list[str]:
    """The paths whose context is made on the next builds (carried files are not); with
    `rendered_only`, only those that were also rendered (their context's hash changed)."""
    made: list[str] = []
    real = pipeline.make_file

    def recording(task: pipeline.Task) -> Any:
        result = real(task)
        if not rendered_only or result[3] is not None:
            made.append(result[0])
        return result

    monkeypatch.setattr(pipeline, "make_file", recording)
    return made


def test_a_text_edit_renders_only_the_pages_that_show_it(minimal: Path, tmp_path: Path, monkeypatch):
    out = tmp_path / "site"
    build(minimal, out)
    path = minimal / "act-b.yaml"
    path.write_text(path.read_text().replace("Needs the national platform.", "Needs the platform."))
    rendered = _made(monkeypatch, rendered_only=True)
    report = build(minimal, out)
    # the rationale is shown on both obligations' pages, in English only (Dutch has its own)
    shown = {"en/obligations/act-b.connect.html", "en/obligations/act-a.platform.html"}
    assert set(rendered) == shown
    assert report.written == len(shown) + 2  # the manifest and the marker change too


def test_a_removed_act_loses_its_pages(minimal: Path, tmp_path: Path):
    out = tmp_path / "site"
    build(minimal, out)
    (minimal / "act-b.yaml").unlink()
    (minimal / "act-a.yaml").write_text((minimal / "act-a.yaml").read_text())
    report = build(minimal, out)
    assert report.removed > 0
    assert not (out / "en/acts/act-b.html").exists()
    assert not (out / "nl/obligations/act-b.connect.html").exists()


def test_a_damaged_manifest_gives_a_full_build(minimal: Path, tmp_path: Path):
    out = tmp_path / "site"
    build(minimal, out)
    (out / MANIFEST).write_text("{not json")
    assert read_manifest(out) is None
    path = minimal / "act-b.yaml"
    path.write_text(path.read_text().replace("Connect to the platform", "Connect"))
    build(minimal, out)
    fresh = tmp_path / "fresh"
    build(minimal, fresh)
    assert tree(out) == tree(fresh)


def test_the_process_pool_makes_the_same_bytes(tmp_path: Path, monkeypatch):
    build(MINIMAL, tmp_path / "serial")
    monkeypatch.setattr(pipeline, "MIN_PARALLEL", 0)
    monkeypatch.setenv("PLANNER_BUILD_JOBS", "2")
    assert pipeline.workers_wanted(10) == 2
    build(MINIMAL, tmp_path / "pool")
    assert tree(tmp_path / "pool") == tree(tmp_path / "serial")


def test_the_digest_does_not_depend_on_shared_objects():
    word = "".join(["sha", "red"])
    assert digest((word, word)) == digest(("shared", "".join(["sha", "red"])))


def test_the_manifest_does_not_depend_on_the_hash_seed(tmp_path: Path):
    import os
    import subprocess
    import sys

    script = (
        "import datetime, sys; from pathlib import Path; from planner import api; "
        "from planner.loading import load_catalogue; "
        "api.build_site(load_catalogue(Path(sys.argv[1])), Path(sys.argv[2]), as_of=datetime.date(2026, 11, 28))"
    )
    for seed in ("1", "2"):
        env = {**os.environ, "PYTHONHASHSEED": seed}
        out = tmp_path / seed
        subprocess.run([sys.executable, "-c", script, str(MINIMAL), str(out)], env=env, check=True)
    assert (tmp_path / "1" / MANIFEST).read_bytes() == (tmp_path / "2" / MANIFEST).read_bytes()


def _house_copy(tmp_path: Path) -> Path:
    catalogue = tmp_path / "house"
    shutil.copytree(DATA / "house" / "catalogue", catalogue)
    return catalogue


def _org_copy(tmp_path: Path) -> Path:
    orgs = tmp_path / "orgs"
    shutil.copytree(DATA / "house" / "orgs", orgs)
    return orgs


@pytest.mark.parametrize(
    "page", ["en/house.html", "nl/house.html", "en/scenarios/delay-b.html", "en/organisations/een.html"]
)
def test_a_house_page_is_carried_over_after_an_edit_in_an_act_note(page: str, tmp_path: Path, monkeypatch):
    catalogue, orgs = _house_copy(tmp_path), _org_copy(tmp_path)
    act = catalogue / "act-a.yaml"
    act.write_text(act.read_text() + "note: {en: Read with care., nl: Lees met zorg.}\n")
    out = tmp_path / "site"
    build(catalogue, out, orgs)
    assert (out / page).is_file()
    act.write_text(act.read_text().replace("Read with care.", "Read with great care."))
    made = _made(monkeypatch)
    build(catalogue, out, orgs)
    assert "en/acts/act-a.html" in made  # the note is on the act's own page
    assert page not in made


def test_a_scenario_edit_changes_its_page_as_a_fresh_build_does(tmp_path: Path):
    catalogue = _house_copy(tmp_path)
    out, fresh = tmp_path / "site", tmp_path / "fresh"
    build(catalogue, out)
    page = Path("en") / "scenarios" / "delay-b.html"
    before = (out / page).read_bytes()
    path = catalogue / "act-b.yaml"
    path.write_text(path.read_text().replace("date: 2027-10-17", "date: 2028-04-17"))
    build(catalogue, out)
    build(catalogue, fresh)
    assert (out / page).read_bytes() != before
    assert tree(out) == tree(fresh)


def test_an_organisation_file_edit_changes_its_page_as_a_fresh_build_does(tmp_path: Path):
    catalogue, orgs = _house_copy(tmp_path), _org_copy(tmp_path)
    out, fresh = tmp_path / "site", tmp_path / "fresh"
    build(catalogue, out, orgs)
    page = Path("en") / "organisations" / "een.html"
    before = (out / page).read_bytes()
    path = orgs / "een.yaml"
    text = path.read_text()
    assert "Gemeente Een" in text
    path.write_text(
        text.replace("Gemeente Een", "Gemeente Eén").replace(
            "{state: in-progress, percent: 50}", "{state: not-started}"
        )
    )
    build(catalogue, out, orgs)
    build(catalogue, fresh, orgs)
    assert (out / page).read_bytes() != before
    assert tree(out) == tree(fresh)


def test_a_collective_edit_changes_the_house_page_as_a_fresh_build_does(tmp_path: Path):
    catalogue = _house_copy(tmp_path)
    out, fresh = tmp_path / "site", tmp_path / "fresh"
    build(catalogue, out)
    before = (out / "en" / "house.html").read_bytes()
    path = catalogue / "collectives.yaml"
    path.write_text(path.read_text().replace("Shared inventory register", "Shared asset register"))
    build(catalogue, out)
    build(catalogue, fresh)
    assert (out / "en" / "house.html").read_bytes() != before
    assert tree(out) == tree(fresh)
