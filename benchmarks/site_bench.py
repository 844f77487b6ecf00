"""The `build` rows of the benchmark: full, serial, unchanged, a one-word edit, and the MkDocs peer.

Each row is a whole process, measured by :func:`benchmarks.run.measure` like every other
command. With ``--baseline DIR`` the build rows are measured a second time with planner taken
from DIR (another checkout, on ``PYTHONPATH``), so a change is measured before and after in
the same run, on the same machine, at the same time.
"""

from __future__ import annotations

import os
import re
import shutil
import statistics
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
AS_OF = "2026-12-01"
EDITED_WORD = "Edited"


def one_word_edit(catalogue: Path, dest: Path) -> str:
    """A copy of the catalogue with one word changed in one act's note; the file changed.

    That note is shown on the act's page only, in the language it is written in.
    """
    shutil.copytree(catalogue, dest)
    pattern = re.compile(r"^(note:\n  en: >-\n    )(\w+)", re.MULTILINE)
    for path in sorted(dest.glob("*.yaml")):  # act files: generated (act-00001.yaml) or real
        text = path.read_text(encoding="utf-8")
        if "\nobligations:" in text and pattern.search(text):
            path.write_text(pattern.sub(rf"\g<1>{EDITED_WORD}", text, count=1), encoding="utf-8")
            return path.name
    raise SystemExit(f"{catalogue}: no act with an English note to edit")


def page_sizes(site: Path) -> str:
    """Bytes per HTML page of a built site: median, 90th percentile and total."""
    sizes = sorted(p.stat().st_size for p in site.rglob("*.html") if p.is_file())
    if not sizes:
        return "no pages"
    median = statistics.median(sizes)
    p90 = sizes[min(len(sizes) - 1, int(0.9 * len(sizes)))]
    return f"HTML per page: median {median / 1024:.1f} KiB, p90 {p90 / 1024:.1f} KiB, total {sum(sizes) / 1e6:.1f} MB"


def site_stats(site: Path) -> tuple[int, int, int]:
    """(HTML pages, files, bytes) of a built site."""
    files = [p for p in site.rglob("*") if p.is_file()]
    return sum(1 for p in files if p.suffix == ".html"), len(files), sum(p.stat().st_size for p in files)


def env_with(extra: dict[str, str]) -> dict[str, str]:
    """This process's environment with some variables set."""
    return {**os.environ, **extra}


def edit_row(
    measure: Callable[..., Any],
    before: list[str],
    after: list[str],
    work: Path,
    repeat: int,
    env: dict[str, str] | None = None,
) -> Any:
    """The fastest of `repeat` runs of the build `after`, each over a site just built by `before`
    (the catalogue before the edit), so that every run rebuilds the same edit."""
    best = None
    for _ in range(repeat):
        subprocess.run(before, cwd=work, env=env, check=True, capture_output=True)
        run = measure(after, work, 1, env)
        best = run if best is None or run.seconds < best.seconds else best
    return best


def build_rows(
    measure: Callable[..., Any], catalogue: Path, work: Path, repeat: int, tag: str, env: dict[str, str]
) -> tuple[dict[str, Any], list[str]]:
    """Measure one planner's builds: full (default workers), full serial, full without the search
    index, unchanged, one-word edit."""
    py = sys.executable
    edited = work / f"edited{tag}"
    if not edited.is_dir():
        one_word_edit(catalogue, edited)
    site, serial, bare = work / f"site{tag}", work / f"site{tag}-serial", work / f"site{tag}-bare"

    def build(cat: Path, out: Path) -> list[str]:
        return [py, "-m", "planner", "--catalog", str(cat), "build", str(out), "--as-of", AS_OF]

    prefix = f"{tag}: " if tag else ""
    rows: dict[str, Any] = {}
    notes: list[str] = []
    for out in (site, serial, bare):
        shutil.rmtree(out, ignore_errors=True)
    rows[f"{prefix}build"] = measure(build(catalogue, site), work, 1, env)
    rows[f"{prefix}build, 1 process"] = measure(
        build(catalogue, serial), work, 1, {**env, "PLANNER_BUILD_JOBS": "1"}
    )
    # planner's own peak: Pagefind (a separate binary) takes more memory than the build itself
    rows[f"{prefix}build, no search index"] = measure(
        build(catalogue, bare), work, 1, {**env, "PLANNER_PAGEFIND": ""}
    )
    shutil.rmtree(bare, ignore_errors=True)
    rows[f"{prefix}build unchanged"] = measure(build(catalogue, site), work, repeat, env)
    rows[f"{prefix}build one-word edit"] = edit_row(
        measure, build(catalogue, site), build(edited, site), work, repeat, env
    )
    pages, files, size = site_stats(site)
    notes.append(
        f"{prefix}{files:,} files, {pages:,} HTML pages, {size / 1e6:.1f} MB; "
        f"{size / files / 1024:.1f} KiB per file; {page_sizes(site)}"
    )
    return rows, notes


def peer_row(measure: Callable[..., Any], catalogue: Path, work: Path) -> tuple[dict[str, Any], list[str]]:
    """`mkdocs build` over the same Markdown content (skipped when MkDocs is not installed)."""
    py = sys.executable
    if subprocess.run([py, "-c", "import mkdocs"], capture_output=True, check=False).returncode != 0:
        return {}, ["mkdocs is not installed (pip install -e '.[bench]'): no peer measured"]
    project = work / "mkdocs"
    shutil.rmtree(project, ignore_errors=True)
    out = subprocess.run(
        [py, str(HERE / "peer.py"), str(catalogue), str(project)], check=True, capture_output=True, text=True
    )
    pages = int(out.stdout.strip())
    run = measure([py, "-m", "mkdocs", "build", "-q", "-f", str(project / "mkdocs.yml")], work, 1, None)
    return {"mkdocs build (peer)": run}, [f"mkdocs peer: {pages:,} Markdown pages"]


def pages_per_second(rows: dict[str, Any], site: Path, peer: Path) -> str:
    """Pages per second of a full planner build and of the peer, side by side."""
    ours = site_stats(site)[0] if site.is_dir() else 0
    theirs = len(list((peer / "site").rglob("*.html"))) if (peer / "site").is_dir() else 0
    parts = []
    if "build" in rows and ours:
        parts.append(f"planner build {ours / rows['build'].seconds:,.0f} pages/s ({ours:,} pages)")
    if "build, 1 process" in rows and ours:
        parts.append(f"1 process {ours / rows['build, 1 process'].seconds:,.0f} pages/s")
    peer_run = rows.get("mkdocs build (peer)")
    if peer_run is not None and peer_run.code != 0:
        # stopped or failed: the pages it left behind are not a rate
        parts.append(f"mkdocs build did not finish (exit {peer_run.code}, after {peer_run.seconds:,.0f} s)")
    elif peer_run is not None and theirs:
        parts.append(f"mkdocs build {theirs / peer_run.seconds:,.0f} pages/s ({theirs:,} pages)")
    return "; ".join(parts)
