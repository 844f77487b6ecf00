"""The command line: parse options, call one core function, print, map errors to exit codes.

Heavy libraries (networkx, jinja2, markdown-it) are imported inside the commands that need
them, so `planner --help` stays fast. Commands live in :mod:`planner.commands`, one module per
group, and register themselves on :data:`app`.
"""

from __future__ import annotations

import errno
import os
import sys
from pathlib import Path
from typing import Annotated, Any

import typer
from typer.core import TyperGroup

from planner import __version__
from planner.errors import EXIT_DATA, EXIT_USAGE, PlannerError

CATALOG = "--catalog"


def hoist_catalog(args: list[str]) -> list[str]:
    """The arguments with a ``--catalog DIR`` given after the command moved before it.

    ``--catalog`` belongs to ``planner`` itself, but people (and pre-commit ``args:``) also write
    it after the command; both places mean the same. Nothing after ``--`` is touched.

    Raises:
        UsageError: ``--catalog`` is given twice with different folders, or without a folder.

    Example:
        >>> hoist_catalog(["check", "--strict", "--catalog", "law"])
        ['--catalog', 'law', 'check', '--strict']
        >>> hoist_catalog(["--catalog=law", "roadmap", "all"])
        ['--catalog=law', 'roadmap', 'all']
    """
    from planner.errors import UsageError

    before, rest, index = [], list(args), 0
    while index < len(rest) and rest[index].startswith("-") and rest[index] != "--":
        index += 2 if rest[index] == CATALOG else 1  # the group's own options come first
    before, rest = rest[:index], rest[index:]
    found: list[str] = []
    out: list[str] = []
    tokens = iter(rest)
    for token in tokens:
        if token == "--":
            out += [token, *tokens]
            break
        if token == CATALOG:
            value = next(tokens, None)
            if value is None:
                raise UsageError(f"{CATALOG} needs a folder")
            found.append(value)
        elif token.startswith(CATALOG + "="):
            found.append(token.split("=", 1)[1])
        else:
            out.append(token)
    given = [v for i, v in enumerate(before) if i > 0 and before[i - 1] == CATALOG]
    given += [t.split("=", 1)[1] for t in before if t.startswith(CATALOG + "=")]
    if len(set(given + found)) > 1:
        raise UsageError(
            f"{CATALOG} given more than once, with different folders: {', '.join(given + found)}"
        )
    return [*before, *([CATALOG, found[-1]] if found and not given else []), *out]


WRITE_ERRNOS = frozenset({errno.ENOSPC, errno.EDQUOT, errno.EFBIG, errno.EIO})
"""Errors of a write that no retry fixes: full disk, quota, file too large, I/O error."""


def os_error_line(exc: OSError) -> str:
    """The one line that reports an operating-system error, with the file when it names one.

    >>> os_error_line(OSError(errno.ENOSPC, "No space left on device"))
    'error: cannot write the output: No space left on device'
    >>> os_error_line(FileNotFoundError(errno.ENOENT, "No such file or directory", "x.yaml"))
    "error: 'x.yaml': No such file or directory"
    """
    reason = exc.strerror or str(exc)
    if exc.filename is not None:
        return f"error: {str(exc.filename)!r}: {reason}"
    if exc.errno in WRITE_ERRNOS:  # standard output: the only write without a file name
        return f"error: cannot write the output: {reason}"
    return f"error: {reason}"


def _silence_stdout() -> None:
    # what is still buffered would fail again when Python exits and print a second report
    os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())


class PlannerGroup(TyperGroup):
    """Turns every :class:`PlannerError` into its lines on stderr and its exit code."""

    def parse_args(self, ctx: Any, args: list[str]) -> list[str]:
        try:
            hoisted = hoist_catalog(args)
        except PlannerError as exc:
            for line in exc.lines():
                typer.echo(line, err=True)
            raise typer.Exit(exc.exit_code) from None
        result: list[str] = super().parse_args(ctx, hoisted)
        return result

    def invoke(self, ctx: Any) -> Any:
        try:
            return super().invoke(ctx)
        except PlannerError as exc:
            for line in exc.lines():
                typer.echo(line, err=True)
            raise typer.Exit(exc.exit_code) from None
        except BrokenPipeError:  # `planner list | head`
            _silence_stdout()
            raise typer.Exit(0) from None
        except OSError as exc:  # `planner roadmap all > /dev/full`
            if exc.errno in WRITE_ERRNOS and exc.filename is None:
                _silence_stdout()
            typer.echo(os_error_line(exc), err=True)
            raise typer.Exit(EXIT_DATA) from None


app = typer.Typer(
    cls=PlannerGroup,
    name="planner",
    help="One coherent implementation plan for EU digital law across the Dutch government.",
    no_args_is_help=True,
    add_completion=True,
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
