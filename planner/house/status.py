"""Where the house stands: many organisation files aggregated per obligation × layer.

Each file is read and checked on its own; a bad file is reported with its place and left out,
and the others still count. For every obligation a layer implements, the organisations of that
layer that sent a file are counted per state. An obligation without a state is ``unassessed``,
unless the organisation's answers make it not apply (then ``not-applicable``). An organisation is
*behind* on an obligation that applies to it, was due before the as-of date and that it has
assessed as not done (not started, in progress or deferred): known not done, never guessed.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from pathlib import Path

from planner.catalogue import Catalogue
from planner.errors import DataError, Problem, UsageError
from planner.organisation.load import load_organisation
from planner.organisation.model import State
from planner.organisation.profile import Profile, applies

UNASSESSED = "unassessed"
COLUMNS = (*(s.value for s in State), UNASSESSED)
"""The counted states, in the order every format shows them."""


@dataclass(frozen=True)
class Cell:
    """One obligation in one layer: how many reporting organisations are in each state."""

    layer: str
    obligation: str
    due: dt.date | None
    counts: dict[str, int]

    @property
    def organisations(self) -> int:
        """The organisations of the layer that sent a file."""
        return sum(self.counts.values())

    @property
    def assessed(self) -> float:
        """The share of those organisations that gave this obligation a state (0 to 1)."""
        total = self.organisations
        return (total - self.counts[UNASSESSED]) / total if total else 0.0


@dataclass(frozen=True)
class Behind:
    """One organisation known not to have done an obligation that was due before the as-of date."""

    organisation: str
    layer: str
    obligation: str
    due: dt.date
    state: str
    source: str


@dataclass(frozen=True)
class LayerCount:
    """How many organisations of a layer sent a file, of how many there are."""

    layer: str
    reporting: int
    total: int


@dataclass(frozen=True)
class HouseStatus:
    """The aggregate of a folder of organisation files."""

    as_of: dt.date
    folder: str
    layers: tuple[LayerCount, ...]
    cells: tuple[Cell, ...]
    behind: tuple[Behind, ...]
    problems: tuple[Problem, ...] = field(default=())

    @property
    def files_with_errors(self) -> int:
        """How many files were left out because of errors."""
        return len({p.path for p in self.problems if p.is_error})


def organisation_files(folder: Path, option: str = "DIR") -> list[Path]:
    """The organisation files (``*.yaml``, ``*.yml``) directly in `folder`, sorted by name.

    Raises:
        UsageError: `folder` is not a folder (named after `option`).
    """
    if not folder.is_dir():
        raise UsageError(f"{option}: {str(folder)!r} is not a folder of organisation files")
    return sorted(p for p in folder.iterdir() if p.suffix in (".yaml", ".yml") and p.is_file())


def read_folder(folder: Path, cat: Catalogue, option: str = "DIR") -> tuple[list[Profile], list[Problem]]:
    """Every organisation file (``*.yaml``, ``*.yml``) directly in `folder`, sorted by name.

    Returns:
        The profiles of the files that are valid, and the problems of those that are not.

    Raises:
        UsageError: `folder` is not a folder.
    """
    profiles: list[Profile] = []
    problems: list[Problem] = []
    for path in organisation_files(folder, option):
        try:
            profiles.append(load_organisation(path, cat, option=option))
        except DataError as exc:
            problems.extend(exc.problems)
    return profiles, problems


def aggregate(
    cat: Catalogue,
    profiles: list[Profile],
    as_of: dt.date,
    folder: str = "",
    problems: list[Problem] | None = None,
) -> HouseStatus:
    """Count the states of `profiles` per obligation × layer and list who is behind.

    Example:
        >>> from planner.loading import load_catalogue
        >>> cat = load_catalogue(Path("tests/data/house/catalogue"))
        >>> profiles, _ = read_folder(Path("tests/data/house/orgs"), cat)
        >>> status = aggregate(cat, profiles, dt.date(2026, 12, 1))
        >>> [(c.obligation, c.counts["done"], c.counts["unassessed"]) for c in status.cells][:1]
        [('act-a.inventory', 1, 0)]
        >>> [b.organisation for b in status.behind]
        ['Gemeente Drie', 'Gemeente Twee', 'Gemeente Twee']
    """
    by_layer: dict[str, list[Profile]] = {lid: [] for lid in cat.layers}
    for profile in profiles:
        by_layer.setdefault(profile.layer, []).append(profile)
    cells: list[Cell] = []
    behind: list[Behind] = []
    for lid in cat.layers:
        members = by_layer[lid]
        if not members:
            continue
        for ob in cat.obligations_for(lid):
            due, deadline = cat.due(ob), cat.deadline(ob)  # a voluntary duty has no deadline to be behind on
            overdue = deadline is not None and deadline < as_of
            counts = dict.fromkeys(COLUMNS, 0)
            for profile in members:
                applicable = applies(ob, profile)
                state = _state(ob.id, profile, applicable)
                counts[state] += 1
                # behind only on a duty that applies: the roadmap takes one the answers rule out off the plan
                if overdue and state in BEHIND_STATES and applicable is not False and deadline is not None:
                    behind.append(
                        Behind(profile.name or "", lid, ob.id, deadline, state, profile.source or "")
                    )
            cells.append(Cell(lid, ob.id, due, counts))
    layers = tuple(
        LayerCount(lid, len(by_layer[lid]), layer.organisations) for lid, layer in cat.layers.items()
    )
    behind.sort(
        key=lambda b: (list(cat.layers).index(b.layer), b.organisation, b.due, b.obligation, b.source)
    )
    return HouseStatus(as_of, folder, layers, tuple(cells), tuple(behind), tuple(sorted(problems or [])))


BEHIND_STATES = frozenset({State.NOT_STARTED.value, State.IN_PROGRESS.value, State.DEFERRED.value})
"""The states of a duty assessed as not done: behind once the duty is due."""


def _state(obligation: str, profile: Profile, applicable: bool | None) -> str:
    entry = profile.states.get(obligation)
    if entry is not None:
        return entry.state.value
    if applicable is False:
        return State.NOT_APPLICABLE.value
    return UNASSESSED
