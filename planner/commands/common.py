"""Options shared by several commands, declared once, and the catalogue loader they share."""

from __future__ import annotations

import datetime as dt
import gc
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from planner.errors import UsageError

if TYPE_CHECKING:
    from planner.catalogue import Catalogue

Lang = Annotated[str, typer.Option("--lang", help="Language of the output: nl or en.")]
LayerFilter = Annotated[
    str | None,
    typer.Option("--layer", help="Only obligations that name this layer id in any role (a supervisor too)."),
]
PlannedLayerFilter = Annotated[
    str | None,
    typer.Option(
        "--layer",
        help="Only obligations this layer id implements (addressee, provider or co-responsible).",
    ),
]
ThemeFilter = Annotated[str | None, typer.Option("--theme", help="Only what has this theme id.")]
ActFilter = Annotated[str | None, typer.Option("--act", help="Only this act id.")]
Output = Annotated[
    Path | None,
    typer.Option("--output", "-o", help="Write to this file instead of standard output."),
]
AsOf = Annotated[
    str | None,
    typer.Option("--as-of", help="Plan as of this date (YYYY-MM-DD). Default: today.", show_default=False),
]
Scenario = Annotated[
    str | None,
    typer.Option("--scenario", help="Apply this scenario from the catalogue (e.g. a proposal)."),
]


def load(ctx: typer.Context, scenario: str | None = None) -> Catalogue:
    """Find and load the catalogue named by the global `--catalog` option."""
    from planner.loading import find_catalogue, load_catalogue

    catalogue = load_catalogue(find_catalogue(ctx.obj.get("catalog") if ctx.obj else None))
    # The catalogue lives as long as this command: keep the collector from scanning it again
    # and again while the plan and the pages are made (a long-running preview unfreezes first).
    gc.freeze()
    return catalogue.with_scenario(scenario) if scenario else catalogue


def choice(option: str, value: str, allowed: tuple[str, ...]) -> str:
    """Check an option's value against a fixed list.

    Raises:
        UsageError: the value is not allowed.
    """
    if value not in allowed:
        raise UsageError(f"{option}: {value!r} is not one of: {', '.join(allowed)}")
    return value


def parse_as_of(value: str | None) -> dt.date:
    """The `--as-of` date, today when not given.

    Raises:
        UsageError: the value is not a valid YYYY-MM-DD date.
    """
    if value is None:
        return dt.date.today()
    try:
        return dt.date.fromisoformat(value)
    except ValueError:
        raise UsageError(f"--as-of: {value!r} is not a valid date (YYYY-MM-DD)") from None


def check_known(option: str, value: str | None, known: dict[str, object]) -> None:
    """Check that an id given as an option exists.

    Raises:
        UsageError: it does not.
    """
    from planner.catalogue import did_you_mean
    from planner.checks import KNOWN_LISTED

    if value is not None and value not in known:
        listing = f"; known: {', '.join(known)}" if len(known) <= KNOWN_LISTED else ""
        raise UsageError(f"{option}: unknown id {value!r}{did_you_mean(value, list(known))}{listing}")


def emit(text: str, output: Path | None) -> None:
    """Print `text`, or write it atomically to `output`."""
    if output is None:
        typer.echo(text, nl=not text.endswith("\n"))
        return
    from planner.output import write_text

    write_text(output, text)
