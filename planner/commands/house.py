"""`planner house`: the plan for the whole house (shared foundations, savings, decisions)."""

from __future__ import annotations

from typing import Annotated

import typer

from planner.commands.common import AsOf, Lang, Output, Scenario, choice, emit, load, parse_as_of


def house(
    ctx: typer.Context,
    as_of: AsOf = None,
    scenario: Scenario = None,
    fmt: Annotated[str, typer.Option("--format", help="md, json or html.")] = "md",
    lang: Lang = "nl",
    output: Output = None,
) -> None:
    """The shared foundations in order of delivery, what they save, candidates and decisions.

    Example: planner house --as-of 2026-12-01 --scenario nl-wallet-12-months-late --format html -o house.html
    """
    from planner import api
    from planner.house.impact import scenario_impact
    from planner.house.render import FORMATS, render
    from planner.house.view import house_view

    choice("--format", fmt, FORMATS)
    choice("--lang", lang, ("nl", "en"))
    day = parse_as_of(as_of)
    base = load(ctx)
    impact = scenario_impact(base, scenario, day) if scenario else ()
    made = api.plan(base.with_scenario(scenario) if scenario else base, day)
    emit(render(house_view(made, impact), fmt, lang), output)


def register(app: typer.Typer) -> None:
    """Add this module's commands to the app."""
    app.command()(house)
