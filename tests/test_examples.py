"""The worked examples under examples/: valid organisation files whose roadmaps in docs/examples/ stay fresh.

After a deliberate change (catalogue, scheduler, words), regenerate the documented roadmaps with
`PLANNER_UPDATE_GOLDEN=1 python -m pytest tests/test_examples.py` and read the diff.
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from planner import api

ROOT = Path(__file__).parent.parent
EXAMPLES = sorted((ROOT / "examples").glob("*.yaml"))
DOCS = ROOT / "docs" / "examples"
AS_OF = "2026-12-07"
"""The date the documented roadmaps are made on (fixed, so they change only with the inputs)."""


def documented(example: Path) -> str:
    import datetime as dt

    from planner.organisation import read_organisation

    cat = api.load(ROOT / "regulations")
    org = api.plan(cat, dt.date.fromisoformat(AS_OF), organisation=example.relative_to(ROOT))
    # the organisation's own layer (the plan holds a profile for every layer, the others typical)
    layer = read_organisation(example.relative_to(ROOT), cat).layer
    view = api.roadmap(cat, layer, lang="nl", plan=org)
    text = api.render(view, "md")
    assert isinstance(text, str)
    return text


def test_there_is_an_example_for_every_layer():
    layers = {
        line.split(":", 1)[1].strip()
        for p in EXAMPLES
        for line in p.read_text().splitlines()
        if line.startswith("layer:")
    }
    assert layers == set(api.load(ROOT / "regulations").layers)


@pytest.mark.parametrize("example", EXAMPLES, ids=lambda p: p.stem)
def test_the_documented_roadmap_of_the_example_is_current(example, monkeypatch):
    monkeypatch.chdir(ROOT)  # the made-with line names the example by its path from the repository root
    got = documented(example)
    path = DOCS / f"{example.stem}.md"
    if os.environ.get("PLANNER_UPDATE_GOLDEN"):
        DOCS.mkdir(exist_ok=True)
        path.write_text(got, encoding="utf-8")
    assert got == path.read_text(encoding="utf-8"), f"{path} is stale; see the module docstring"
