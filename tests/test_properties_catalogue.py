"""Property-based tests: random valid catalogues work end to end; random damage fails cleanly.

* A random valid catalogue, written to disk as YAML, loads, becomes a graph, is analysed,
  scheduled and rendered (JSON, graph formats, Markdown) without error, and its roadmap keeps
  the invariants of DESIGN.md: every planned (obligation, layer) in exactly one stage, after
  everything it waits on, with a known status and its due date.
* A valid file damaged at random (a line deleted or doubled, two characters swapped, a random
  character inserted, the file cut short) gives a catalogue or a clean :class:`DataError`,
  never another exception.
"""

from __future__ import annotations

import datetime as dt
import importlib.util
import json
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path
from typing import Any

import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from planner.errors import DataError
from planner.loading import load_catalogue
from planner.models import Role
from planner.schedule import STATUSES

from .conftest import MINIMAL

ROOT = Path(__file__).resolve().parent.parent
SETTINGS = settings(max_examples=50, deadline=None, suppress_health_check=[HealthCheck.too_slow])
HAVE_MD = importlib.util.find_spec("planner.formats.md") is not None

IDS = st.from_regex(r"[a-z][a-z0-9]{0,5}(-[a-z0-9]{1,3}){0,2}", fullmatch=True)
# Any text a person might type, from any script, including odd characters YAML must escape.
TEXTS = st.text(st.characters(codec="utf-8", exclude_categories=("Cs",)), min_size=1, max_size=30).filter(
    lambda s: bool(s.strip())
)
DATES = st.dates(min_value=dt.date(2020, 1, 1), max_value=dt.date(2035, 12, 31))


def _text(draw: Any) -> dict[str, str]:
    return {"en": draw(TEXTS), "nl": draw(TEXTS)}


@st.composite
def catalogues(draw: Any) -> dict[str, dict[str, Any]]:
    """A valid catalogue as {file name: data}: any shape, precedence always acyclic."""
    layers = draw(st.lists(IDS, min_size=1, max_size=3, unique=True))
    themes = draw(st.lists(IDS, min_size=1, max_size=3, unique=True))
    act_ids = draw(
        st.lists(IDS.filter(lambda a: a not in ("layers", "themes")), min_size=1, max_size=4, unique=True)
    )
    source = {"url": "https://example.org/source", "title": "A source"}
    files: dict[str, dict[str, Any]] = {
        "layers.yaml": {
            "sources": {"census": source},
            "layers": [
                {
                    "id": lid,
                    "name": _text(draw),
                    "organisations": draw(st.integers(1, 400)),
                    "source": "census",
                }
                for lid in layers
            ],
        },
        "themes.yaml": {
            "sources": {"letter": source},
            "themes": [{"id": tid, "name": _text(draw), "source": "letter"} for tid in themes],
        },
    }
    earlier: list[str] = []  # obligation ids in generation order: precedence only points back
    everything: list[str] = []
    acts: list[tuple[str, dict[str, Any], list[dict[str, Any]]]] = []
    for act_id in act_ids:
        dates = sorted(draw(st.lists(DATES, min_size=1, max_size=3)))
        milestones = [
            {
                "id": "entry-into-force" if i == 0 else f"application-{i}",
                "kind": "entry-into-force" if i == 0 else "application",
                "date": date.isoformat(),
                "source": "oj",
            }
            for i, date in enumerate(dates)
        ]
        names = draw(st.lists(IDS, max_size=4, unique=True))
        obligations = [{"id": f"{act_id}.{name}"} for name in names]
        everything += [ob["id"] for ob in obligations]
        act = {
            "id": act_id,
            "kind": draw(st.sampled_from(["regulation", "directive", "national-act"])),
            "title": _text(draw),
            "celex": "32024R1689",
            "source": "oj",
            "themes": draw(st.lists(st.sampled_from(themes), max_size=2, unique=True)),
            "sources": {"oj": source},
            "milestones": milestones,
            "obligations": obligations,
        }
        acts.append((act_id, act, obligations))
    for _, act, obligations in acts:
        for ob in obligations:
            planned = draw(st.lists(st.sampled_from(layers), min_size=1, unique=True))
            ob["title"] = _text(draw)
            ob["roles"] = {lid: draw(st.sampled_from([r.value for r in Role])) for lid in planned}
            when = draw(st.sampled_from(["milestone", "due", "none"]))
            if when == "milestone":
                ob["milestone"] = draw(st.sampled_from([m["id"] for m in act["milestones"]]))
            elif when == "due":
                ob["due"] = draw(DATES).isoformat()
            effort = draw(st.none() | st.sampled_from([0.5, 1, 2, 3, 8]))
            if effort is not None:
                ob["effort"] = effort
            ob["themes"] = draw(st.lists(st.sampled_from(themes), max_size=2, unique=True))
            ob["sources"] = ["oj"]
            others = [o for o in everything if o != ob["id"]]
            for kind, pool in (
                ("requires", earlier),
                ("needs_facility", earlier),
                ("overlaps", others),
                ("conflicts", others),
            ):
                if pool:
                    targets = draw(st.lists(st.sampled_from(pool), max_size=2, unique=True))
                    if targets:
                        ob[kind] = [{"to": t, "rationale": _text(draw)} for t in targets]
            earlier.append(ob["id"])
    for act_id, act, _ in acts:
        files[f"{act_id}.yaml"] = act
    return files


def write_catalogue(files: dict[str, dict[str, Any]], root: Path) -> Path:
    root.mkdir(parents=True, exist_ok=True)
    for name, data in files.items():
        text = yaml.safe_dump(data, sort_keys=False, allow_unicode=True, width=100)
        (root / name).write_text(text, encoding="utf-8")
    return root


def check_roadmap(cat: Any, data: dict[str, Any], layer: str) -> None:
    """The roadmap invariants of DESIGN.md, for one layer or `all`."""
    from planner.models import PLANNED_ROLES

    placed: dict[tuple[str, str], int] = {}
    for index, stage in enumerate(data["stages"]):
        assert dt.date.fromisoformat(stage["start"]) <= dt.date.fromisoformat(stage["end"])
        for item in stage["items"]:
            key = (item["obligation"], item["layer"])
            assert key not in placed, f"{key} is in two stages"
            placed[key] = index
            assert item["status"] in STATUSES
            due = cat.due(cat.obligations[item["obligation"]])
            assert item["due"] == (due.isoformat() if due else None)
    wanted = {
        (oid, lid)
        for oid, ob in cat.obligations.items()
        for lid, role in ob.roles.items()
        if role in PLANNED_ROLES and layer in ("all", lid)
    }
    assert set(placed) == wanted
    for stage in data["stages"]:
        for item in stage["items"]:
            for wait in item["waits_on"]:
                before = (wait["obligation"], wait["layer"])
                if before in placed:  # another layer's facility is in the `all` roadmap only
                    assert placed[before] < placed[(item["obligation"], item["layer"])]


@SETTINGS
@given(catalogues(), DATES)
def test_random_valid_catalogues_go_end_to_end(files: dict[str, dict[str, Any]], as_of: dt.date) -> None:
    from planner import graph as g
    from planner.analysis import analyse
    from planner.formats import render_roadmap
    from planner.roadmap import build_plan
    from planner.view import as_dict, build_view, to_json

    with tempfile.TemporaryDirectory() as tmp:
        cat = load_catalogue(write_catalogue(files, Path(tmp) / "cat"))
        graph = g.build_graph(cat)
        for render in g.FORMATS.values():
            render(g.select(graph, cat))
        json.dumps(analyse(graph, cat, as_of).to_dict())
        ctx = build_plan(cat, as_of)
        for layer in ["all", *cat.layers]:
            view = build_view(ctx, layer, "en")
            data = as_dict(view)
            check_roadmap(cat, data, layer)
            assert json.loads(to_json(view)) == data
            if HAVE_MD:
                assert isinstance(render_roadmap("md", view), str)
        assert to_json(build_view(build_plan(cat, as_of), "all", "en")) == to_json(
            build_view(ctx, "all", "en")
        )


MUTATIONS = st.tuples(
    st.sampled_from(["delete-line", "duplicate-line", "swap", "insert", "truncate"]),
    st.integers(min_value=0, max_value=10**6),
    st.characters(codec="utf-8", exclude_categories=("Cs",)),
)


def mutate(text: str, mutation: tuple[str, int, str]) -> str:
    """`text` damaged once: a line deleted or doubled, two characters swapped, one inserted, cut."""
    kind, where, char = mutation
    if kind in ("delete-line", "duplicate-line"):
        lines = text.splitlines(keepends=True)
        i = where % len(lines)
        return "".join(lines[:i] + ([lines[i]] * 2 if kind == "duplicate-line" else []) + lines[i + 1 :])
    i = where % len(text)
    if kind == "swap" and i + 1 < len(text):
        return text[:i] + text[i + 1] + text[i] + text[i + 2 :]
    if kind == "insert":
        return text[:i] + char + text[i:]
    return text[:i]


def load_or_clean_error(root: Path) -> Any:
    """The catalogue, or None after a DataError whose every problem is one located line."""
    try:
        return load_catalogue(root)
    except DataError as exc:
        assert exc.problems
        for problem in exc.problems:
            assert problem.line >= 1 and problem.col >= 1
            assert "\n" not in problem.format() and "\r" not in problem.format()
        return None


@SETTINGS
@given(st.sampled_from(sorted(p.name for p in MINIMAL.glob("*.yaml"))), MUTATIONS)
def test_damaged_minimal_files_give_a_catalogue_or_a_clean_error(
    name: str, mutation: tuple[str, int, str]
) -> None:
    from planner.roadmap import build_plan, roadmap

    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp) / "cat"
        shutil.copytree(MINIMAL, root)
        (root / name).write_text(
            mutate((root / name).read_text(encoding="utf-8"), mutation), encoding="utf-8"
        )
        cat = load_or_clean_error(root)
        if cat is not None:  # what still loads must still plan
            roadmap(build_plan(cat, dt.date(2026, 12, 1)), "all", "en")


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.sampled_from(["ai-act.yaml", "nis2.yaml", "layers.yaml", "gdpr.yaml"]), MUTATIONS)
def test_damaged_real_files_give_a_catalogue_or_a_clean_error(
    name: str, mutation: tuple[str, int, str]
) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp) / "cat"
        shutil.copytree(ROOT / "regulations", root)
        (root / name).write_text(
            mutate((root / name).read_text(encoding="utf-8"), mutation), encoding="utf-8"
        )
        load_or_clean_error(root)


def test_mutate_does_what_it_says() -> None:
    assert mutate("a\nb\n", ("delete-line", 1, "x")) == "a\n"
    assert mutate("a\nb\n", ("duplicate-line", 0, "x")) == "a\na\nb\n"
    assert mutate("abc", ("swap", 0, "x")) == "bac"
    assert mutate("abc", ("insert", 1, "é")) == "aébc"
    assert mutate("abc", ("truncate", 2, "x")) == "ab"


def test_the_benchmark_catalogue_passes_check(tmp_path: Path) -> None:
    # benchmarks/generate.py must keep producing valid catalogues (the benchmark measures them).
    subprocess.run(
        [sys.executable, str(ROOT / "benchmarks" / "generate.py"), str(tmp_path / "x1"), "--scale", "1"],
        check=True,
        capture_output=True,
    )
    result = subprocess.run(
        [sys.executable, "-m", "planner", "--catalog", str(tmp_path / "x1"), "check", "--strict"],
        capture_output=True,
        text=True,
        check=False,
    )
    assert (result.returncode, result.stderr) == (0, "")
    assert "31 acts, 161 obligations" in result.stdout


def test_the_benchmark_catalogue_has_the_planning_fields(tmp_path: Path) -> None:
    # Like every real obligation, every synthetic one has a nature, an effort and a lead time, and
    # some apply only under a profile condition or recur: the scheduler is measured with them all.
    subprocess.run(
        [sys.executable, str(ROOT / "benchmarks" / "generate.py"), str(tmp_path / "x1"), "--scale", "1"],
        check=True,
        capture_output=True,
    )
    cat = load_catalogue(tmp_path / "x1")
    obligations = list(cat.obligations.values())
    assert all(
        o.nature is not None and o.effort_days is not None and o.lead_time_months is not None
        for o in obligations
    )
    assert all(o.effort_rationale is not None and o.lead_time_rationale is not None for o in obligations)
    assert any(o.applies_if is not None for o in obligations)
    assert any(o.recurrence is not None for o in obligations)
    result = subprocess.run(
        [sys.executable, "-m", "planner", "--catalog", str(tmp_path / "x1"), "check", "--review"],
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0
    assert "has no" not in result.stdout + result.stderr
