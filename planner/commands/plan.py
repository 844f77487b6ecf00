"""`planner roadmap` and `planner explain`."""

from __future__ import annotations

import functools
import inspect
import json
from collections.abc import Callable
from dataclasses import dataclass, replace
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any

import typer

from planner.commands.common import (
    ActFilter,
    AsOf,
    Lang,
    Output,
    Scenario,
    ThemeFilter,
    choice,
    emit,
    load,
    parse_as_of,
)
from planner.errors import UsageError
from planner.formats import FORMATS, REMIND_DAYS, RenderOptions, parse_site_url

if TYPE_CHECKING:
    from planner.roadmap import PlanContext

Stage = Annotated[str, typer.Option("--stage", help="Stage length: quarter, half or year.")]
Capacity = Annotated[
    float | None,
    typer.Option(
        "--capacity",
        help="Person-days per organisation per quarter (overrides layers.yaml and the organisation file).",
        min=0.1,
    ),
]
OrganisationFile = Annotated[
    Path | None,
    typer.Option(
        "--organisation",
        help="The organisation file (YAML, or the workbook of 'planner assess') to plan its layer for.",
    ),
]
History = Annotated[
    bool,
    typer.Option("--all", help="ics: also the events before --as-of (default: from --as-of on)."),
]
SiteUrl = Annotated[
    str | None,
    typer.Option(
        "--site-url",
        help="ics: the published site's address for this language (the folder holding obligations/); "
        "each event links to its page there.",
        show_default=False,
    ),
]
RemindDays = Annotated[
    int,
    typer.Option(
        "--remind-days", help="ics: a reminder this many days before each event; 0 for none.", min=0
    ),
]
ProgressFiles = Annotated[
    list[Path] | None,
    typer.Option("--progress", help="YAML file listing obligations already done (repeatable)."),
]


@dataclass(frozen=True)
class PlanOptions:
    """The options that shape the plan, shared by every command that schedules it."""

    as_of: str | None
    stage: str
    capacity: float | None
    progress: list[Path] | None
    scenario: str | None
    organisation: Path | None = None

    def build(self, ctx: typer.Context, layer: str | None) -> PlanContext:
        """Load the catalogue and progress files and schedule the plan (capacity for `layer`)."""
        from planner import api
        from planner.organisation import read_organisation

        cat = load(ctx, self.scenario)
        organisation = read_organisation(self.organisation, cat) if self.organisation else None
        if layer is not None:
            api.check_organisation_layer(organisation, layer)
        return api.plan(
            cat,
            parse_as_of(self.as_of),
            stage=self.stage,
            capacity=self.capacity,
            capacity_layer=layer,
            progress=self.progress,
            organisation=organisation,
        )


_OPTIONS = (
    ("as_of", AsOf, None),
    ("stage", Stage, "quarter"),
    ("capacity", Capacity, None),
    ("progress", ProgressFiles, None),
    ("scenario", Scenario, None),
    ("organisation", OrganisationFile, None),
)
"""Each field of :class:`PlanOptions` as a command-line option: name, typer annotation, default."""


def with_plan_options(command: Callable[..., None]) -> Callable[..., None]:
    """Declare the plan options of a command once: the command takes them as ``*, plan: PlanOptions``.

    typer reads a command's options from its signature, so the returned command's signature has
    --as-of, --stage, --capacity, --progress and --scenario where `plan` stands (``--help`` lists
    them there); called, it gathers them into one :class:`PlanOptions` for the command.
    """
    signature = inspect.signature(command, eval_str=True)
    params = []
    for param in signature.parameters.values():
        if param.name != "plan":
            params.append(param)
            continue
        params += [
            inspect.Parameter(name, param.kind, default=default, annotation=hint)
            for name, hint, default in _OPTIONS
        ]

    @functools.wraps(command)
    def run(*args: Any, **kwargs: Any) -> None:
        plan = PlanOptions(**{name: kwargs.pop(name) for name, _, _ in _OPTIONS})
        command(*args, plan=plan, **kwargs)

    run.__signature__ = signature.replace(parameters=params)  # type: ignore[attr-defined]
    return run


def complete_format(incomplete: str) -> list[str]:
    """The roadmap formats that start with what is typed (shell completion).

    >>> complete_format("m")
    ['md', 'mermaid']
    """
    return [fmt for fmt in FORMATS if fmt.startswith(incomplete)]


@with_plan_options
def roadmap(
    ctx: typer.Context,
    layer: Annotated[str, typer.Argument(help="A layer id, or 'all' for the whole government.")],
    *,
    plan: PlanOptions,
    fmt: Annotated[
        str,
        typer.Option(
            "--format", help="md, json, csv, xlsx, ics, mermaid or html.", autocompletion=complete_format
        ),
    ] = "md",
    lang: Lang = "nl",
    output: Output = None,
    history: History = False,
    site_url: SiteUrl = None,
    remind_days: RemindDays = REMIND_DAYS,
    theme: ThemeFilter = None,
    act: ActFilter = None,
) -> None:
    """A staged roadmap for one layer or the whole government.

    Example: planner roadmap gemeenten --as-of 2026-12-01 --format md -o roadmap.md
    """
    from planner import api
    from planner.output import write_bytes

    choice("--format", fmt, FORMATS)
    choice("--lang", lang, ("nl", "en"))
    options = RenderOptions(history, parse_site_url(site_url), remind_days)
    made = plan.build(ctx, layer)
    view = api.roadmap(made.catalogue, layer, lang=lang, plan=made, theme=theme, act=act)
    result = api.render(view, fmt, options)
    if not isinstance(result, bytes):
        emit(result, output)
    elif output is None:
        raise UsageError(f"--format {fmt} is binary: give a file with -o")
    else:
        write_bytes(output, result)


@with_plan_options
def explain(
    ctx: typer.Context,
    obligation: Annotated[str, typer.Argument(help="An obligation id, e.g. ai-act.fria.")],
    layer: Annotated[str | None, typer.Option("--layer", help="Only this layer's item.")] = None,
    *,
    plan: PlanOptions,
    fmt: Annotated[str, typer.Option("--format", help="text or json.")] = "text",
    lang: Lang = "nl",
) -> None:
    """Why an item sits in its stage: due date and source, what it waits on, what waits on it.

    Example: planner explain ai-act.fria --layer gemeenten --as-of 2026-12-01
    """
    from planner.explain import explain as run
    from planner.explain import explain_text

    choice("--format", fmt, ("text", "json"))
    choice("--lang", lang, ("nl", "en"))
    made = plan.build(ctx, layer)
    # under a scenario, the plan without it says how far a provider's delivery and the item move
    baseline = replace(plan, scenario=None).build(ctx, layer) if plan.scenario else None
    records = run(made, obligation, layer, lang, baseline)
    typer.echo(
        json.dumps(records, indent=2, ensure_ascii=False) if fmt == "json" else explain_text(records, lang)
    )


def register(app: typer.Typer) -> None:
    """Add this module's commands to the app."""
    app.command()(roadmap)
    app.command()(explain)
