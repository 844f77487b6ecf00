"""`planner assess`: the baseline workbook an organisation fills in."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from planner.commands.common import Lang, check_known, choice, load
from planner.errors import UsageError

Output = Annotated[
    Path | None,
    typer.Option("--output", "-o", help="Write the workbook here. Default: baseline-LAYER.xlsx."),
]
Force = Annotated[bool, typer.Option("--force", help="Overwrite an existing workbook (filled in or not).")]


def assess(
    ctx: typer.Context,
    layer: Annotated[str, typer.Argument(help="A layer id, e.g. gemeenten.")],
    lang: Lang = "nl",
    output: Output = None,
    force: Force = False,
) -> None:
    """A workbook to fill in: the layer's questions and every duty with its state.

    Read it back with `roadmap LAYER --organisation FILE`. Default file: baseline-LAYER.xlsx;
    an existing different file is kept unless --force is given.

    Example: planner assess gemeenten -o baseline.xlsx
    """
    from planner.organisation.workbook_write import assess_workbook
    from planner.output import write_bytes

    choice("--lang", lang, ("nl", "en"))
    cat = load(ctx)
    check_known("LAYER", layer, cat.layers)  # type: ignore[arg-type]
    target = output or Path(f"baseline-{layer}.xlsx")
    data = assess_workbook(cat, layer, lang, target.name)
    if not force and target.is_file() and target.read_bytes() != data:
        raise UsageError(
            f"{target}: exists and may be filled in; give --force to overwrite it, or another -o"
        )
    write_bytes(target, data)


def register(app: typer.Typer) -> None:
    """Add this module's commands to the app."""
    app.command()(assess)
