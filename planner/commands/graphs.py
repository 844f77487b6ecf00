"""`planner graph` and `planner analyse`."""

from __future__ import annotations

import json
from typing import Annotated

import typer

from planner.commands.common import (
    ActFilter,
    AsOf,
    Lang,
    Output,
    PlannedLayerFilter,
    ThemeFilter,
    check_known,
    choice,
    emit,
    load,
    parse_as_of,
)


def graph(
    ctx: typer.Context,
    act: ActFilter = None,
    layer: PlannedLayerFilter = None,
    theme: ThemeFilter = None,
    kind: Annotated[
        str | None,
        typer.Option("--kind", help="Edge kinds to keep, comma-separated (e.g. requires,overlaps)."),
    ] = None,
    structural: Annotated[
        bool,
        typer.Option("--structural", help="Also draw structural edges (belongs-to, applies-to, has-theme)."),
    ] = False,
    fmt: Annotated[str, typer.Option("--format", help="json (node-link), dot, graphml or mermaid.")] = "json",
    lang: Lang = "en",
    output: Output = None,
) -> None:
    """The interaction graph of obligations, acts, layers and themes.

    Structural edges (belongs-to, applies-to, has-theme) are left out unless --structural is
    given or --kind names them.

    Example: planner graph --act ai-act --kind requires,overlaps --format mermaid
    """
    from planner import graph as g

    choice("--format", fmt, tuple(g.FORMATS))
    choice("--lang", lang, ("nl", "en"))
    cat = load(ctx)
    check_known("--act", act, cat.acts)  # type: ignore[arg-type]
    check_known("--layer", layer, cat.layers)  # type: ignore[arg-type]
    check_known("--theme", theme, cat.themes)  # type: ignore[arg-type]
    kinds = [k.strip() for k in kind.split(",") if k.strip()] if kind else None
    view = g.select(
        g.build_graph(cat, lang), cat, act=act, layer=layer, theme=theme, kinds=kinds, structural=structural
    )
    emit(g.FORMATS[fmt](view), output)


def analyse(
    ctx: typer.Context,
    layer: PlannedLayerFilter = None,
    as_of: AsOf = None,
    fmt: Annotated[str, typer.Option("--format", help="text, json or md.")] = "text",
    lang: Lang = "en",
    output: Output = None,
) -> None:
    """Joint work packages, critical chains, cross-layer blockers, conflicts and keystones.

    Example: planner analyse --layer gemeenten --as-of 2026-12-01 --format md
    """
    from planner.analysis import analyse as run
    from planner.analysis_report import render
    from planner.graph import build_graph

    choice("--format", fmt, ("text", "json", "md"))
    choice("--lang", lang, ("nl", "en"))
    cat = load(ctx)
    check_known("--layer", layer, cat.layers)  # type: ignore[arg-type]
    result = run(build_graph(cat, lang), cat, parse_as_of(as_of), layer)
    if fmt == "json":
        text = json.dumps(result.to_dict(lang), indent=2, ensure_ascii=False) + "\n"
    else:
        text = render(result, cat, lang, markdown=fmt == "md")
    emit(text, output)


def register(app: typer.Typer) -> None:
    """Add this module's commands to the app."""
    app.command()(graph)
    app.command()(analyse)
    app.command("analyze", hidden=True)(analyse)
