"""Whole files: layers.yaml, themes.yaml and progress files."""

from __future__ import annotations

from pydantic import Field

from planner.models.acts import Layer, Theme
from planner.models.base import Date, Id, Model, ObligationId, Source, Str


class LayersFile(Model):
    """`layers.yaml`: the government layers of the profile."""

    sources: dict[Id, Source] = Field(default_factory=dict)
    layers: tuple[Layer, ...] = Field(min_length=1)


class ThemesFile(Model):
    """`themes.yaml`: the themes of the profile."""

    sources: dict[Id, Source] = Field(default_factory=dict)
    themes: tuple[Theme, ...] = Field(min_length=1)


class ProgressEntry(Model):
    """An obligation an organisation or layer has finished."""

    obligation: ObligationId
    done: Date | None = Field(None, description="When it was finished.")
    note: Str | None = None


class Progress(Model):
    """A progress file: what is already done, so a roadmap plans only what is left."""

    organisation: Str | None = None
    layer: Id | None = None
    done: tuple[ProgressEntry, ...] = ()


class PrimaryHost(Model):
    """A publisher whose pages count as a primary source (the law itself or its official owner)."""

    host: Str = Field(pattern=r"^[a-z0-9.-]+\.[a-z]{2,}$", description="Host name; sub-domains count too.")
    name: Str = Field(description="Who publishes there, e.g. 'EUR-Lex (Publications Office of the EU)'.")
    why: Str | None = Field(None, description="Why this publisher is primary for the facts it is cited for.")


class PrimarySourcesFile(Model):
    """`primary-sources.yaml`: the publishers whose pages count as primary sources."""

    hosts: tuple[PrimaryHost, ...] = Field(min_length=1)
