"""One organisation's view of the catalogue: its answers, what it has in place, its capacity.

- :mod:`~planner.organisation.model`: the organisation file (a contract) and its states;
- :mod:`~planner.organisation.load`: reading an organisation file, every problem located;
- :mod:`~planner.organisation.profile`: the profile the scheduler plans with (answers merged
  over the layer's default answers, states, capacity) and applicability.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from pathlib import Path

    from planner.catalogue import Catalogue
    from planner.organisation.profile import Profile


def read_organisation(path: Path, cat: Catalogue) -> Profile:
    """The profile of the organisation file at `path` (YAML, or a ``planner assess`` workbook).

    Raises:
        UsageError: the file does not exist.
        DataError: every problem in the file, located.
    """
    from planner.organisation.load import read_organisation as read

    return read(path, cat)
