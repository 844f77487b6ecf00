"""Benchmark the organisation scale: one organisation's roadmap, and the house over 387 files.

Measured in one run, each command in a fresh process (through :func:`run.measure`), as ratios:

- ``roadmap gemeenten --organisation FILE`` against ``roadmap gemeenten`` (target <= 1.2x);
- 400 organisation roadmaps made in one process through the API, per organisation, against one
  layer roadmap (target <= 1.2x);
- ``status DIR`` and ``house`` over 387 generated organisation files (342 gemeenten, 21
  waterschappen, 12 provincies, 12 ministries) against a process that only parses those files
  with PyYAML's C loader (target <= 2x), with peak memory;
- a site build (the house pages included) with ``--status DIR`` over the same 387 files against
  the same build without it, each once into an empty folder and without the search index
  (issue 17: the organisation scale in the same run).

The organisation files are generated with a fixed seed from the real catalogue: each duty of
the layer gets a state (in place, in progress with a percent, not started, or not assessed) in
proportions that are an assumption, not a survey.

Usage::

    python benchmarks/organisations.py [--repeat 3]

``benchmarks/run.py`` runs these rows too, in the same run as the catalogue scales.
"""

from __future__ import annotations

import argparse
import os
import random
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from run import FLOOR, Run, measure

REPO = Path(__file__).resolve().parent.parent
AS_OF = "2026-12-07"
COUNTS = {"gemeenten": 342, "waterschappen": 21, "provincies": 12, "rijk": 12}
"""Organisations per layer, as in regulations/layers.yaml."""
STATES = (("in-place", 0.45), ("in-progress", 0.2), ("not-started", 0.15), (None, 0.2))
"""Assumption: the share of duties in each state in a generated organisation file."""

MANY_ROADMAPS = """\
import datetime as dt, sys
from pathlib import Path
from planner import api
cat = api.load(Path(sys.argv[1]))
files = sorted(Path(sys.argv[2]).glob("*.yaml"))[: int(sys.argv[3])]
for path in files:
    org = api.plan(cat, dt.date.fromisoformat(sys.argv[4]), organisation=path)
    api.render(api.roadmap(cat, "gemeenten", plan=org), "json")
"""


def generate(folder: Path, seed: int = 7) -> list[Path]:
    """387 organisation files for the real catalogue, in `folder`."""
    sys.path.insert(0, str(REPO))
    from planner import api
    from planner.models import PLANNED_ROLES

    cat = api.load(REPO / "regulations")
    rng = random.Random(seed)
    paths = []
    for layer, count in COUNTS.items():
        duties = [o for o, ob in cat.obligations.items() if ob.roles.get(layer) in PLANNED_ROLES]
        for n in range(count):
            lines = [f"organisation: {layer} {n:03d}", f"layer: {layer}", "status:"]
            for oid in duties:
                state = rng.choices([s for s, _ in STATES], [w for _, w in STATES])[0]
                if state == "in-progress":
                    lines.append(f"  {oid}: {{state: in-progress, percent: {rng.randrange(10, 91, 10)}}}")
                elif state is not None:
                    lines.append(f"  {oid}: {{state: {state}}}")
            path = folder / f"{layer}-{n:03d}.yaml"
            path.write_text("\n".join(lines) + "\n", encoding="utf-8")
            paths.append(path)
    return paths


def measure_all(repeat: int) -> dict[str, Run]:
    """Every row of the organisation scale, each command in a fresh process."""
    with tempfile.TemporaryDirectory(prefix="planner-orgs-") as tmp:
        folder, out = Path(tmp) / "organisations", Path(tmp)
        folder.mkdir()
        paths = generate(folder)
        cat = str(REPO / "regulations")
        planner = [sys.executable, "-m", "planner", "--catalog", cat]
        roadmap = [*planner, "roadmap", "gemeenten", "--as-of", AS_OF, "--format", "json"]
        rows: dict[str, Run] = {
            "parse 387 files": measure([sys.executable, "-c", FLOOR, str(folder)], REPO, repeat),
            "roadmap gemeenten": measure(roadmap, REPO, repeat),
            "roadmap gemeenten --organisation": measure(
                [*roadmap, "--organisation", str(paths[0])], REPO, repeat
            ),
            "status 387 files": measure(
                [*planner, "status", str(folder), "--as-of", AS_OF, "--format", "json"], REPO, repeat
            ),
            "house": measure([*planner, "house", "--as-of", AS_OF, "--format", "json"], REPO, repeat),
            "1 organisation roadmap (API)": measure(
                [sys.executable, "-c", MANY_ROADMAPS, cat, str(folder), "1", AS_OF], REPO, 1
            ),
            "10 organisation roadmaps (API)": measure(
                [sys.executable, "-c", MANY_ROADMAPS, cat, str(folder), "10", AS_OF], REPO, 1
            ),
        }
        # full site builds, once each into an empty folder; Pagefind (a separate binary) is left out
        bare = {**os.environ, "PLANNER_PAGEFIND": ""}
        build = [*planner, "build", "--as-of", AS_OF]
        rows["site build"] = measure([*build, str(out / "site")], REPO, 1, bare)
        rows["site build --status 387 files"] = measure(
            [*build, str(out / "site-status"), "--status", str(folder)], REPO, 1, bare
        )
    return rows


def report(rows: dict[str, Run]) -> str:
    """The organisation rows as a Markdown table, each with the ratio it is judged by."""
    floor, layer = rows["parse 387 files"], rows["roadmap gemeenten"]
    per_org = (
        rows["10 organisation roadmaps (API)"].seconds - rows["1 organisation roadmap (API)"].seconds
    ) / 9
    one_plan = rows["1 organisation roadmap (API)"].seconds
    lines = ["| run | seconds | peak MiB | ratio |", "|---|---:|---:|---|"]
    for name, run in rows.items():
        if run.code != 0:
            lines.append(f"| {name} | failed (exit {run.code}) | – | – |")
            continue
        base, against = layer, "layer roadmap"
        if name in ("parse 387 files", "status 387 files", "house"):
            base, against = floor, "parse floor"
        elif name.startswith("site build"):
            base, against = rows["site build"], "site build"
        lines.append(
            f"| {name} | {run.seconds:.2f} | {run.mib:.0f} | {run.seconds / base.seconds:.2f}x {against} |"
        )
    lines.append(
        f"\nper extra organisation roadmap in one process: {per_org:.3f} s "
        f"({per_org / one_plan:.2f}x the first, loading included)"
    )
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args(argv)
    print(report(measure_all(args.repeat)))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
