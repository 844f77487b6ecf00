"""`planner check`, `planner list`, `planner show`."""

from __future__ import annotations

import json
from typing import Annotated

import typer

from planner.commands.common import (
    ActFilter,
    Lang,
    LayerFilter,
    ThemeFilter,
    check_known,
    choice,
    load,
)
from planner.errors import EXIT_DATA


def check(
    ctx: typer.Context,
    strict: Annotated[bool, typer.Option("--strict", help="Treat warnings as errors (for CI).")] = False,
    review: Annotated[
        bool,
        typer.Option(
            "--review",
            help="Also list review gaps: facts with only secondary sources under a reviewed "
            "primary_source_gap waiver, obligations without nature, effort or lead time.",
        ),
    ] = False,
) -> None:
    """Validate the catalogue and report every problem at once.

    Example: planner check --strict --review
    """
    from planner.errors import DataError

    try:
        catalogue = load(ctx)
    except DataError as exc:
        for line in exc.lines():
            typer.echo(line, err=True)
        errors = sum(p.is_error for p in exc.problems)
        typer.echo(f"{errors} error(s), {len(exc.problems) - errors} warning(s)", err=True)
        raise typer.Exit(EXIT_DATA) from None
    shown = [p for p in catalogue.warnings if review or p.severity != "review"]
    for problem in shown:
        typer.echo(problem.format(), err=True)
    relations = sum(1 for _ in catalogue.iter_relations())
    warnings = sum(p.severity == "warning" for p in catalogue.warnings)
    gaps = len(catalogue.warnings) - warnings
    typer.echo(
        f"{catalogue.root}: {len(catalogue.acts)} acts, {len(catalogue.obligations)} obligations, "
        f"{relations} relations, {len(catalogue.layers)} layers, {len(catalogue.themes)} themes; "
        f"0 errors, {warnings} warning(s)" + (f", {gaps} review gap(s) (see --review)" if gaps else "")
    )
    if strict and shown:
        raise typer.Exit(EXIT_DATA)


def list_(
    ctx: typer.Context,
    kind: Annotated[
        str,
        typer.Argument(
            help="What to list: acts, obligations, layers, themes, scenarios, collectives or questions."
        ),
    ] = "acts",
    layer: LayerFilter = None,
    theme: ThemeFilter = None,
    act: ActFilter = None,
    fmt: Annotated[str, typer.Option("--format", help="table or json.")] = "table",
    lang: Lang = "en",
) -> None:
    """List acts, obligations, layers, themes, scenarios, collectives or questions.

    Example: planner list obligations --layer gemeenten --theme ai-algorithms
    """
    from planner.query import KINDS, list_rows, table

    choice("KIND", kind, KINDS)
    choice("--format", fmt, ("table", "json"))
    choice("--lang", lang, ("nl", "en"))
    catalogue = load(ctx)
    check_known("--layer", layer, catalogue.layers)  # type: ignore[arg-type]
    check_known("--theme", theme, catalogue.themes)  # type: ignore[arg-type]
    check_known("--act", act, catalogue.acts)  # type: ignore[arg-type]
    rows = list_rows(catalogue, kind, layer=layer, theme=theme, act=act, lang=lang)
    typer.echo(json.dumps(rows, indent=2, ensure_ascii=False) if fmt == "json" else table(rows))


def show(
    ctx: typer.Context,
    item_id: Annotated[str, typer.Argument(metavar="ID", help="An act, obligation, layer or theme id.")],
    fmt: Annotated[str, typer.Option("--format", help="text or json.")] = "text",
    lang: Lang = "en",
) -> None:
    """Show one act (milestones, obligations) or one obligation (with its relations).

    Example: planner show ai-act
    """
    from planner.query import describe, show_text

    choice("--format", fmt, ("text", "json"))
    choice("--lang", lang, ("nl", "en"))
    catalogue = load(ctx)
    if fmt == "json":
        typer.echo(json.dumps(describe(catalogue, item_id), indent=2, ensure_ascii=False))
    else:
        typer.echo(show_text(catalogue, item_id, lang))


def register(app: typer.Typer) -> None:
    """Add this module's commands to the app."""
    app.command()(check)
    app.command("list")(list_)
    app.command()(show)
