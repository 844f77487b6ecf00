"""`planner fmt`, `planner schema`, `planner new act|obligation`: the review workflow."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from planner.commands.common import Output, choice, emit
from planner.errors import UsageError


def _catalogue(ctx: typer.Context, writing: bool) -> Path:
    """The catalogue folder; refuses to write into the copy installed inside the package."""
    from planner.loading import bundled_catalogue, find_catalogue

    root = find_catalogue(ctx.obj.get("catalog") if ctx.obj else None)
    bundled = bundled_catalogue()
    if writing and bundled.parent.name == "_bundled" and root.resolve() == bundled.resolve():
        raise UsageError(
            "refusing to change the catalogue installed with planner; "
            "pass --catalog DIR or run in a folder that has regulations/"
        )
    return root


def fmt(
    ctx: typer.Context,
    files: Annotated[
        list[Path] | None,
        typer.Argument(
            metavar="FILES", help="Files (or folders) to format. Default: every *.yaml in the catalogue."
        ),
    ] = None,
    check: Annotated[
        bool, typer.Option("--check", help="Write nothing; list the files that would change and exit 3.")
    ] = False,
) -> None:
    """Rewrite catalogue YAML in its canonical form (key order, indentation, header), keeping comments.

    Example: planner fmt --check regulations/ai-act.yaml
    """
    from planner.errors import DifferenceFound, display_path
    from planner.fmt import catalogue_files, expand, format_files
    from planner.output import write_text

    paths = expand(files) if files else catalogue_files(_catalogue(ctx, writing=not check))
    changed = [f for f in format_files(paths) if f.changed]
    if check and changed:
        names = [display_path(f.path) for f in changed]
        raise DifferenceFound(f"{len(changed)} file(s) would be reformatted", names)
    for result in changed:
        write_text(result.path, result.text)
        typer.echo(f"reformatted {display_path(result.path)}")
    typer.echo(
        f"{len(changed)} file(s) {'would be ' if check else ''}reformatted, {len(paths) - len(changed)} unchanged"
    )


def schema(
    name: Annotated[
        str,
        typer.Argument(
            metavar="SCHEMA", help="catalog (any catalogue file), roadmap, progress, organisation or house."
        ),
    ] = "catalog",
    output: Output = None,
) -> None:
    """Print a JSON Schema: a catalogue file, the roadmap JSON output, or a progress file.

    Example: planner schema catalog -o schema/catalog.schema.json
    """
    from planner.schema import NAMES, render

    emit(render(choice("SCHEMA", name, NAMES)), output)


new_app = typer.Typer(
    name="new",
    help="Scaffold a new act file or obligation.\n\nExample: planner new act data-act --kind regulation",
    no_args_is_help=True,
    rich_markup_mode=None,
)


@new_app.command("act")
def new_act(
    ctx: typer.Context,
    act_id: Annotated[str, typer.Argument(metavar="ID", help="The new act's id, in kebab-case.")],
    kind: Annotated[
        str,
        typer.Option(
            "--kind",
            help="regulation, directive, implementing-regulation, delegated-regulation, "
            "national-act or national-policy.",
        ),
    ] = "regulation",
) -> None:
    """Write a commented skeleton for a new act to <catalogue>/ID.yaml (never overwrites).

    Example: planner new act cyber-resilience-act --kind regulation
    """
    from planner.errors import display_path
    from planner.scaffold import new_act as scaffold

    path = scaffold(_catalogue(ctx, writing=True), act_id, kind)
    typer.echo(f"created {display_path(path)}")


@new_app.command("obligation")
def new_obligation(
    ctx: typer.Context,
    obligation_id: Annotated[
        str, typer.Argument(metavar="ACT.NAME", help="The new obligation's id, e.g. ai-act.fria.")
    ],
) -> None:
    """Append a commented obligation to its act's file, keeping the rest of the file as it is.

    Example: planner new obligation ai-act.fria
    """
    from planner.errors import display_path
    from planner.scaffold import new_obligation as scaffold

    path = scaffold(_catalogue(ctx, writing=True), obligation_id)
    typer.echo(f"added {obligation_id} to {display_path(path)}")


def register(app: typer.Typer) -> None:
    """Add this module's commands to the app."""
    app.command()(fmt)
    app.command()(schema)
    app.add_typer(new_app)
