"""`planner diff`: what a catalogue change does, for a reviewer."""

from __future__ import annotations

from typing import Annotated

import typer

from planner.commands.common import AsOf, choice, parse_as_of
from planner.errors import EXIT_DIFFERENT

FORMATS = ("text", "md", "json")


def diff(
    ctx: typer.Context,
    old: Annotated[
        str,
        typer.Argument(
            metavar="OLD", help="A git revision (e.g. main, origin/main, HEAD~1) or a catalogue folder."
        ),
    ],
    new: Annotated[
        str | None,
        typer.Argument(
            metavar="NEW",
            help="A git revision or a catalogue folder. Default: the catalogue in the working tree.",
        ),
    ] = None,
    as_of: AsOf = None,
    layer: Annotated[str | None, typer.Option("--layer", help="Only this layer's roadmap impact.")] = None,
    fmt: Annotated[str, typer.Option("--format", help="text, md (a pull-request comment) or json.")] = "text",
    exit_code: Annotated[
        bool, typer.Option("--exit-code", help="Exit with 3 when anything changed.")
    ] = False,
) -> None:
    """What changed between two catalogues, and what it does to each layer's roadmap.

    A revision is read from the git repository that holds the catalogue folder (--catalog,
    $PLANNER_CATALOG or ./regulations), without a checkout.

    Example: planner diff main --format md > diff.md
    """
    from planner.diff import diff as compare
    from planner.diff import open_side, render
    from planner.loading import find_catalogue

    choice("--format", fmt, FORMATS)
    folder = find_catalogue(ctx.obj.get("catalog") if ctx.obj else None)
    when = parse_as_of(as_of)
    report = compare(open_side(old, folder, "OLD"), open_side(new, folder, "NEW"), when, layer)
    typer.echo(render(report, fmt), nl=False)
    if exit_code and not report.empty:
        raise typer.Exit(EXIT_DIFFERENT)


def register(app: typer.Typer) -> None:
    """Add this module's commands to the app."""
    app.command()(diff)
