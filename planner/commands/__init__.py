"""CLI commands, one module per group; each module has `register(app)`.

Command modules import only typer and our light modules at the top; anything heavy is imported
inside the command body.
"""

from __future__ import annotations

import importlib

import typer

MODULES = ("query", "graphs", "plan", "review", "diff", "site", "assess", "status", "house")


def register(app: typer.Typer) -> None:
    """Add every command of every module to `app`."""
    for name in MODULES:
        importlib.import_module(f"planner.commands.{name}").register(app)
