"""`planner build` and `planner serve`: the published site."""

from __future__ import annotations

import gc
import sys
from pathlib import Path
from typing import Annotated

import typer

from planner.commands.common import AsOf, load, parse_as_of
from planner.errors import UsageError

OutDir = Annotated[Path, typer.Argument(metavar="OUTDIR", help="The folder to build the site into.")]
SiteLang = Annotated[str, typer.Option("--lang", help="nl, en, or all (both, with a language switch).")]
BaseUrl = Annotated[
    str | None,
    typer.Option("--base-url", help="Where the site will be published (for canonical links and a sitemap)."),
]
Port = Annotated[int, typer.Option("--port", help="Port on 127.0.0.1 for the preview.", min=0, max=65535)]


def build(
    ctx: typer.Context,
    outdir: OutDir,
    as_of: AsOf = None,
    lang: SiteLang = "all",
    check: Annotated[
        bool, typer.Option("--check", help="Only compare OUTDIR with a fresh build; exit 3 if it differs.")
    ] = False,
    base_url: BaseUrl = None,
    serve: Annotated[
        bool, typer.Option("--serve", help="Then preview it locally, rebuilding on changes.")
    ] = False,
    port: Port = 8000,
    organisation: Annotated[
        list[Path] | None,
        typer.Option("--organisation", help="An organisation file: its plan gets a page (repeatable)."),
    ] = None,
    status: Annotated[
        Path | None,
        typer.Option(
            "--status",
            metavar="DIR",
            help="A folder of organisation files: where the house stands (status.html).",
        ),
    ] = None,
) -> None:
    """Build the published site: pages, pictures and roadmap files, in Dutch and English.

    Example: planner build site --as-of 2026-12-01 --status organisations/ && planner build site --as-of 2026-12-01 --status organisations/ --check
    """
    from planner import api
    from planner.loading import find_catalogue
    from planner.site.progress import Progress
    from planner.site.render import templates_dir

    if check and serve:
        raise UsageError("--check and --serve cannot be combined: --check writes nothing to serve")
    root = find_catalogue(ctx.obj.get("catalog") if ctx.obj else None)

    def make() -> str:
        gc.unfreeze()  # a preview rebuilds in one process: let the last build's objects go
        report = api.build_site(
            lambda: load(ctx),
            outdir,
            parse_as_of(as_of),
            lang,
            root=root,
            base_url=base_url,
            check=check,
            progress=Progress(sys.stderr),
            organisations=organisation or (),
            status=status,
        )
        return str(report)

    typer.echo(make())
    if serve:
        from planner.site.serve import serve as run

        watch = [root, templates_dir()]
        run(outdir, make, watch, port=port, echo=typer.echo)


def serve(
    ctx: typer.Context, outdir: OutDir, as_of: AsOf = None, lang: SiteLang = "all", port: Port = 8000
) -> None:
    """Build the site into OUTDIR and preview it on http://127.0.0.1:PORT/, rebuilding on changes.

    Example: planner serve site --port 8000
    """
    build(ctx, outdir, as_of=as_of, lang=lang, serve=True, port=port)


def register(app: typer.Typer) -> None:
    """Add this module's commands to the app."""
    app.command()(build)
    app.command()(serve)
