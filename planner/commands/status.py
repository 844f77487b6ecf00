"""`planner status DIR`: where the house stands, from a folder of organisation files."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from planner.commands.common import AsOf, Lang, Output, choice, load, parse_as_of
from planner.errors import EXIT_DATA, UsageError


def status(
    ctx: typer.Context,
    folder: Annotated[Path, typer.Argument(metavar="DIR", help="A folder of organisation files (*.yaml).")],
    as_of: AsOf = None,
    fmt: Annotated[str, typer.Option("--format", help="md, json, csv or xlsx.")] = "md",
    lang: Lang = "nl",
    output: Output = None,
) -> None:
    """Count, per obligation and layer, how many organisations are in each state, and who is behind.

    A bad file is reported as PATH:LINE:COL and left out; the other files still count, and the
    command exits 1 at the end.

    Example: planner status organisations/ --as-of 2026-12-01 --format xlsx -o status.xlsx
    """
    from planner.house.status import aggregate, read_folder
    from planner.house.status_render import FORMATS, render

    choice("--format", fmt, FORMATS)
    choice("--lang", lang, ("nl", "en"))
    day = parse_as_of(as_of)
    if fmt == "xlsx" and output is None:
        raise UsageError("--format xlsx: give --output FILE; a workbook is not written to the terminal")
    catalogue = load(ctx)
    profiles, problems = read_folder(folder, catalogue)
    result = aggregate(catalogue, profiles, day, str(folder), problems)
    for problem in result.problems:
        typer.echo(problem.format(), err=True)
    _write(render(result, catalogue, fmt, lang), output)
    if result.files_with_errors:
        raise typer.Exit(EXIT_DATA)


def _write(data: str | bytes, output: Path | None) -> None:
    from planner.commands.common import emit

    if isinstance(data, bytes):
        from planner.output import write_bytes

        write_bytes(output, data)  # type: ignore[arg-type]
    else:
        emit(data, output)


def register(app: typer.Typer) -> None:
    """Add this module's commands to the app."""
    app.command()(status)
