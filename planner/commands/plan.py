"""`planner roadmap` and `planner explain`."""

from __future__ import annotations

import json
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

if TYPE_CHECKING:
    pass

from planner.commands.common import AsOf, Lang, Output, Scenario, choice, emit, load, parse_as_of

Stage = Annotated[str, typer.Option("--stage", help="Stage length: quarter, half or year.")]
Capacity = Annotated[
    float | None,
    typer.Option(
        "--capacity", help="Effort points per organisation per stage (overrides layers.yaml).", min=0.1
    ),
]
ProgressFiles = Annotated[
    list[Path] | None,
    typer.Option("--progress", help="YAML file listing obligations already done (repeatable)."),
]
FORMATS = ("md", "json", "csv", "xlsx", "ics", "mermaid", "html")


def _plan(
    ctx: typer.Context,
    as_of: str | None,
    stage: str,
    capacity: float | None,
    layer: str | None,
    progress: list[Path] | None,
    scenario: str | None,
):
    from planner.loading import load_progress
    from planner.roadmap import build_plan

    cat = load(ctx, scenario)
    files = [load_progress(p, cat) for p in progress or []]
    return build_plan(
        cat, parse_as_of(as_of), stage_size=stage, capacity=capacity, capacity_layer=layer, progress=files
    )


def roadmap(
    ctx: typer.Context,
    layer: Annotated[str, typer.Argument(help="A layer id, or 'all' for the whole government.")],
    as_of: AsOf = None,
    stage: Stage = "quarter",
    capacity: Capacity = None,
    progress: ProgressFiles = None,
    scenario: Scenario = None,
    fmt: Annotated[str, typer.Option("--format", help="md, json, csv, xlsx, ics, mermaid or html.")] = "md",
    lang: Lang = "nl",
    output: Output = None,
) -> None:
    """A staged roadmap for one layer or the whole government.

    Example: planner roadmap gemeenten --as-of 2026-12-01 --format md -o roadmap.md
    """
    from planner.formats import render_roadmap
    from planner.roadmap import roadmap as cut

    choice("--format", fmt, FORMATS)
    choice("--lang", lang, ("nl", "en"))
    ctx_plan = _plan(ctx, as_of, stage, capacity, layer, progress, scenario)
    data = cut(ctx_plan, layer, lang)
    result = render_roadmap(fmt, data, ctx_plan, lang)
    if isinstance(result, bytes):
        from planner.errors import UsageError
        from planner.output import write_bytes

        if output is None:
            raise UsageError(f"--format {fmt} is binary: give a file with -o")
        write_bytes(output, result)
    else:
        emit(result, output)


def explain(
    ctx: typer.Context,
    obligation: Annotated[str, typer.Argument(help="An obligation id, e.g. ai-act.fria.")],
    layer: Annotated[str | None, typer.Option("--layer", help="Only this layer's item.")] = None,
    as_of: AsOf = None,
    stage: Stage = "quarter",
    capacity: Capacity = None,
    progress: ProgressFiles = None,
    scenario: Scenario = None,
    fmt: Annotated[str, typer.Option("--format", help="text or json.")] = "text",
) -> None:
    """Why an item sits in its stage: due date and source, what it waits on, what waits on it.

    Example: planner explain ai-act.fria --layer gemeenten --as-of 2026-12-01
    """
    from planner.explain import explain as run
    from planner.explain import explain_text

    choice("--format", fmt, ("text", "json"))
    records = run(_plan(ctx, as_of, stage, capacity, layer, progress, scenario), obligation, layer)
    typer.echo(json.dumps(records, indent=2, ensure_ascii=False) if fmt == "json" else explain_text(records))


def register(app: typer.Typer) -> None:
    """Add this module's commands to the app."""
    app.command()(roadmap)
    app.command()(explain)
