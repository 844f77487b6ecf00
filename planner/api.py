"""The planner as a library: load a catalogue, plan it, cut a roadmap view, render it, build the site.

The command line only wraps these functions, so a script gets exactly what the CLI prints:

>>> import datetime as dt
>>> from planner import api
>>> cat = api.load("tests/data/minimal")
>>> view = api.roadmap(cat, "gemeenten", as_of=dt.date(2026, 12, 1), lang="en")
>>> view.layer, view.as_of.isoformat(), view.stage_size
('gemeenten', '2026-12-01', 'quarter')
>>> text = api.render(view, "json")
>>> text.startswith('{\\n  "layer": "gemeenten",\\n  "as_of": "2026-12-01"')
True

One plan can serve several views (the scheduler runs once):

>>> plan = api.plan(cat, as_of=dt.date(2026, 12, 1))
>>> everyone = api.roadmap(cat, "all", plan=plan)
>>> sorted({item.layer for item in everyone.items}) == sorted(cat.layers)
True
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from planner.errors import UsageError
from planner.roadmap import ALL

if TYPE_CHECKING:
    from planner.catalogue import Catalogue
    from planner.formats import RenderOptions
    from planner.models import Progress
    from planner.organisation.profile import Profile
    from planner.roadmap import PlanContext
    from planner.site.progress import Progress as BuildProgress
    from planner.view import RoadmapView

__all__ = ["ALL", "SiteReport", "build_site", "load", "plan", "render", "roadmap", "site_files"]


def load(path: str | Path | None = None, scenario: str | None = None) -> Catalogue:
    """Find and load a catalogue, as the CLI does.

    Args:
        path: the catalogue folder; None searches like the CLI: ``$PLANNER_CATALOG``, then
            ``./regulations``, then the catalogue bundled with the package.
        scenario: the id of a scenario to apply (e.g. a proposal), or None.

    Raises:
        UsageError: the folder or the scenario does not exist.
        DataError: the catalogue is invalid.
    """
    from planner.loading import find_catalogue, load_catalogue

    cat = load_catalogue(find_catalogue(Path(path) if path is not None else None))
    return cat.with_scenario(scenario) if scenario else cat


def _progress(cat: Catalogue, progress: Sequence[Progress | str | Path] | None) -> list[Progress]:
    from planner.loading import load_progress

    return [load_progress(Path(p), cat) if isinstance(p, str | Path) else p for p in progress or []]


def plan(
    cat: Catalogue,
    as_of: dt.date | None = None,
    *,
    stage: str = "quarter",
    capacity: float | None = None,
    capacity_layer: str | None = None,
    progress: Sequence[Progress | str | Path] | None = None,
    organisation: Profile | str | Path | None = None,
) -> PlanContext:
    """Analyse and schedule the whole catalogue, with the CLI's defaults (packages included).

    Args:
        cat: the catalogue (a scenario already applied, if any).
        as_of: the planning date; today when None.
        stage: stage length: ``quarter``, ``half`` or ``year``.
        capacity: person-days per organisation per quarter, overriding ``layers.yaml``.
        capacity_layer: the layer the override is for (every layer when None or ``all``).
        progress: progress files (paths) or loaded progress records.
        organisation: the organisation file (a path) or profile to plan its layer for.

    Raises:
        UsageError: the stage length is unknown.
        DataError: the organisation file has problems (each located).
    """
    return _make_plan(
        cat,
        as_of,
        stage=stage,
        capacity=capacity,
        capacity_layer=capacity_layer,
        progress=progress,
        organisation=organisation,
    )


def _make_plan(
    cat: Catalogue,
    as_of: dt.date | None,
    *,
    stage: str,
    capacity: float | None,
    capacity_layer: str | None,
    progress: Sequence[Progress | str | Path] | None,
    organisation: Profile | str | Path | None = None,
) -> PlanContext:
    from planner.roadmap import build_plan

    return build_plan(
        cat,
        as_of or dt.date.today(),
        stage_size=stage,
        # the CLI's option is a float: an int would print as 1, not 1.0, in the JSON
        capacity=None if capacity is None else float(capacity),
        capacity_layer=capacity_layer,
        progress=_progress(cat, progress),
        organisation=_organisation(cat, organisation),
    )


def _organisation_files(paths: Sequence[str | Path]) -> tuple[Path, ...]:
    """The organisation files of a build, each checked to exist (read when its page is made)."""
    from planner.organisation.load import check_exists

    for path in paths:
        check_exists(Path(path), "--organisation")
    return tuple(Path(p) for p in paths)


def check_organisation_layer(organisation: Profile | None, layer: str) -> None:
    """Refuse an organisation file of another layer than the roadmap's.

    Raises:
        UsageError: the file's layer is not `layer` (nor is `layer` ``all``).
    """
    if organisation is not None and layer not in (ALL, organisation.layer):
        raise UsageError(
            f"--organisation: {organisation.source or organisation.name} is an organisation of "
            f"{organisation.layer!r}, not of {layer!r}; plan {organisation.layer} or all"
        )


def _organisation(cat: Catalogue, organisation: Profile | str | Path | None) -> Profile | None:
    if organisation is None or not isinstance(organisation, str | Path):
        return organisation
    from planner.organisation import read_organisation

    return read_organisation(Path(organisation), cat)


def roadmap(
    cat: Catalogue,
    layer: str,
    as_of: dt.date | None = None,
    lang: str = "nl",
    *,
    stage: str = "quarter",
    capacity: float | None = None,
    progress: Sequence[Progress | str | Path] | None = None,
    organisation: Profile | str | Path | None = None,
    plan: PlanContext | None = None,
    theme: str | None = None,
    act: str | None = None,
) -> RoadmapView:
    """The roadmap view of one layer (or ``all``), as ``planner roadmap LAYER`` makes it.

    Args:
        cat: the catalogue.
        layer: a layer id or ``all``.
        as_of: the planning date; today when None (ignored with `plan`).
        lang: ``nl`` or ``en``.
        stage: stage length (ignored with `plan`).
        capacity: the capacity override, for `layer` as on the command line (ignored with `plan`).
        progress: progress files or records (ignored with `plan`).
        organisation: an organisation file or profile of `layer` (ignored with `plan`).
        plan: a plan made by :func:`plan`, to cut several views without scheduling again.
        theme: show only the items of this theme (the plan stays the whole plan).
        act: show only the items of this act.

    Raises:
        UsageError: the layer, language or stage length is unknown.
    """
    from planner.commands.common import choice
    from planner.view import build_view

    choice("--lang", lang, ("nl", "en"))
    if plan is None:
        organisation = _organisation(cat, organisation)
        check_organisation_layer(organisation, layer)
        plan = _make_plan(
            cat,
            as_of,
            stage=stage,
            capacity=capacity,
            capacity_layer=layer,
            progress=progress,
            organisation=organisation,
        )
    return build_view(plan, layer, lang, theme=theme, act=act)


def render(view: RoadmapView, fmt: str = "md", options: RenderOptions | None = None) -> str | bytes:
    """The view in one format: md, json, csv, xlsx, ics, mermaid or html (bytes for xlsx).

    Args:
        view: the roadmap view.
        fmt: the format.
        options: the calendar's choices (history, site address, reminders); the defaults when None.

    Raises:
        UsageError: the format is unknown.
    """
    from planner.commands.common import choice
    from planner.formats import FORMATS, render_roadmap

    choice("--format", fmt, FORMATS)
    return render_roadmap(fmt, view, options)


def site_files(
    cat: Catalogue,
    as_of: dt.date | None = None,
    lang: str = "all",
    *,
    base_url: str | None = None,
    progress: BuildProgress | None = None,
) -> dict[str, bytes]:
    """The whole site in memory, ``{relative path: bytes}``, as ``planner build`` would write it.

    Raises:
        UsageError: the language or base URL is not valid.
    """
    from planner.site.build import BuildOptions, parse_base_url, parse_langs
    from planner.site.build import build_site as gather

    options = BuildOptions(as_of or dt.date.today(), parse_langs(lang), parse_base_url(base_url))
    return gather(cat, options, progress)


@dataclass(frozen=True)
class SiteReport:
    """What :func:`build_site` did to the output folder."""

    outdir: Path
    files: int
    written: int = 0
    removed: int = 0
    skipped: bool = False
    """The inputs had not changed since the last build: nothing was rendered."""
    checked: bool = False
    """Only compared (``check=True``), and the folder was up to date."""

    def __str__(self) -> str:
        if self.checked:
            return f"{self.outdir}: up to date ({self.files} files)"
        tail = " (inputs unchanged)" if self.skipped else ""
        return f"{self.outdir}: {self.files} files, {self.written} written, {self.removed} removed{tail}"


def build_site(
    cat: Catalogue | Callable[[], Catalogue],
    outdir: str | Path,
    as_of: dt.date | None = None,
    lang: str = "all",
    *,
    root: Path | None = None,
    base_url: str | None = None,
    check: bool = False,
    progress: BuildProgress | None = None,
    organisations: Sequence[str | Path] = (),
    status: str | Path | None = None,
) -> SiteReport:
    """Build the published site into `outdir`, as ``planner build`` does.

    Args:
        cat: the catalogue, or a function loading it: then it is only loaded when the site
            is out of date.
        outdir: the folder to write (made if missing; files no build made are refused).
        as_of: the planning date; today when None.
        lang: ``nl``, ``en`` or ``all``.
        root: the catalogue folder, for the input stamp (default: the catalogue's own).
        base_url: where the site will be published (canonical links and a sitemap).
        check: only compare `outdir` with a fresh build.
        progress: told how far the build is.
        organisations: organisation files, each given a page with its plan.
        status: a folder of organisation files, aggregated on the status page (a heat map).

    Raises:
        UsageError: an option is not valid, or (with `check`) the folder differs.
    """
    from planner.site import MARKER
    from planner.site.build import BuildOptions, parse_base_url, parse_langs
    from planner.site.build import build_site as gather
    from planner.site.incremental import read_manifest
    from planner.site.pipeline import stream_site
    from planner.site.render import templates_dir
    from planner.site.stamp import input_stamp, stamped_marker, up_to_date
    from planner.site.writer import check_site, write_stream

    out = Path(outdir)
    options = BuildOptions(
        as_of or dt.date.today(),
        parse_langs(lang),
        parse_base_url(base_url),
        organisations=_organisation_files(organisations),
        status=Path(status) if status is not None else None,
    )
    folder = root if root is not None else None if callable(cat) else cat.root
    stamp = input_stamp(folder, templates_dir(), options.key()) if folder is not None else None
    if stamp is not None and not check and (count := up_to_date(out, stamp)) is not None:
        return SiteReport(out, count, skipped=True)
    catalogue = cat() if callable(cat) else cat
    if stamp is None:
        stamp = input_stamp(catalogue.root, templates_dir(), options.key())
    if check:
        files = gather(catalogue, options, progress)
        files[MARKER] = stamped_marker(stamp, files)
        check_site(out, files)
        return SiteReport(out, len(files), checked=True)
    previous = read_manifest(out) if (out / MARKER).is_file() else None
    report = write_stream(
        out, stream_site(catalogue, options, previous, progress, stamp, out if previous else None)
    )
    return SiteReport(out, len(report.written) + report.unchanged, len(report.written), len(report.removed))
