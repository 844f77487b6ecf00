"""`planner diff`: what a catalogue change does, for a reviewer."""

from __future__ import annotations

from typing import Annotated

import typer

from planner.commands.common import AsOf, choice, parse_as_of
from planner.errors import EXIT_DIFFERENT, UsageError

FORMATS = ("text", "md", "json")


def diff(
    ctx: typer.Context,
    old: Annotated[
        str | None,
        typer.Argument(
            metavar="OLD",
            help="A git revision (e.g. main, origin/main, HEAD~1) or a catalogue folder. "
            "With --scenario it may be left out: the catalogue as adopted.",
        ),
    ] = None,
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
    scenario: Annotated[
        str | None,
        typer.Option("--scenario", help="Apply this scenario to NEW: its impact on every layer's roadmap."),
    ] = None,
) -> None:
    """What changed between two catalogues, and what it does to each layer's roadmap.

    A revision is read from the git repository that holds the catalogue folder (--catalog,
    $PLANNER_CATALOG or ./regulations), without a checkout.

    Example: planner diff main --format md > diff.md

    Example: planner diff --scenario nl-wallet-12-months-late   (the catalogue as adopted vs the scenario)
    """
    from planner.diff import diff as compare
    from planner.diff import open_side, render
    from planner.diff.sources import Side
    from planner.loading import find_catalogue

    choice("--format", fmt, FORMATS)
    folder = find_catalogue(ctx.obj.get("catalog") if ctx.obj else None)
    when = parse_as_of(as_of)
    if old is None and scenario is None:
        raise UsageError("give OLD (a git revision or a folder), or --scenario ID")
    before = open_side(old, folder, "OLD")
    after = open_side(new, folder, "NEW")
    if scenario is not None:
        after = Side(f"{after.label} + scenario {scenario}", after.catalogue.with_scenario(scenario))
    report = compare(before, after, when, layer)
    typer.echo(render(report, fmt), nl=False)
    if exit_code and not report.empty:
        raise typer.Exit(EXIT_DIFFERENT)


def register(app: typer.Typer) -> None:
    """Add this module's commands to the app."""
    app.command()(diff)
