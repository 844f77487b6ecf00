"""The command line: parse options, call one core function, print, map errors to exit codes.

Heavy libraries (networkx, jinja2, markdown-it) are imported inside the commands that need
them, so `planner --help` stays fast. Commands live in :mod:`planner.commands`, one module per
group, and register themselves on :data:`app`.
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import Annotated, Any

import typer
from typer.core import TyperGroup

from planner import __version__
from planner.errors import EXIT_USAGE, PlannerError


class PlannerGroup(TyperGroup):
    """Turns every :class:`PlannerError` into its lines on stderr and its exit code."""

    def invoke(self, ctx: Any) -> Any:
        try:
            return super().invoke(ctx)
        except PlannerError as exc:
            for line in exc.lines():
                typer.echo(line, err=True)
            raise typer.Exit(exc.exit_code) from None
        except BrokenPipeError:  # `planner list | head`
            os.dup2(os.open(os.devnull, os.O_WRONLY), 1)
            raise typer.Exit(0) from None


app = typer.Typer(
    cls=PlannerGroup,
    name="planner",
    help="One coherent implementation plan for EU digital law across the Dutch government.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
    rich_markup_mode=None,
    context_settings={"help_option_names": ["-h", "--help"], "max_content_width": 100},
)

CatalogOption = Annotated[
    Path | None,
    typer.Option(
        "--catalog",
        help="Catalogue folder. Default: $PLANNER_CATALOG, ./regulations, or the bundled one.",
        show_default=False,
    ),
]


def _version(value: bool) -> None:
    if value:
        typer.echo(f"planner {__version__}")
        raise typer.Exit()


@app.callback()
def main_options(
    ctx: typer.Context,
    catalog: CatalogOption = None,
    version: Annotated[
        bool,
        typer.Option("--version", callback=_version, is_eager=True, help="Show the version and exit."),
    ] = False,
) -> None:
    """Plan EU digital law for Rijk, provincies, waterschappen and gemeenten.

    Example: planner --catalog regulations roadmap gemeenten --as-of 2026-12-01
    """
    ctx.obj = {"catalog": catalog}


def main() -> None:
    """Console entry point."""
    try:
        app()
    except PlannerError as exc:  # raised outside a command (e.g. in the callback)
        for line in exc.lines():
            typer.echo(line, err=True)
        raise SystemExit(exc.exit_code) from None
    except KeyboardInterrupt:
        raise SystemExit(EXIT_USAGE + 128) from None


from planner.commands import register  # noqa: E402

register(app)
