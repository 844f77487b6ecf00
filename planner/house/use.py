"""Which collectives an organisation uses, and what share of an obligation's effort it keeps.

These are the questions the scheduler and the house view ask of ``Catalogue.collectives``:

    >>> from pathlib import Path
    >>> from planner.loading import load_catalogue
    >>> cat = load_catalogue(Path("tests/data/house/catalogue"))
    >>> [c.id for c in used_collectives(cat, "gemeenten")]
    ['shared-register']
    >>> remaining_share(used_collectives(cat, "gemeenten"), "act-a.inventory")
    0.25
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import TYPE_CHECKING

from planner.house.model import Collective, Coverage

if TYPE_CHECKING:
    from planner.catalogue import Catalogue


def used_collectives(
    cat: Catalogue, layer: str, choices: Mapping[str, bool] | None = None
) -> tuple[Collective, ...]:
    """The collectives an organisation of `layer` uses, in catalogue order.

    Args:
        cat: the catalogue.
        layer: the organisation's layer id.
        choices: the organisation's own choices (``Profile.collectives``): true uses a
            collective, false does not; a collective not named follows the layer's default
            (``default_for``). None: the layer's typical organisation.

    Returns:
        The collectives that serve `layer` and are used.
    """
    choices = choices or {}
    return tuple(
        c
        for cid, c in cat.collectives.items()
        if layer in c.layers and choices.get(cid, layer in c.default_for)
    )


def covering(collectives: Iterable[Collective], obligation: str) -> list[tuple[Collective, Coverage]]:
    """The collectives among `collectives` that cover `obligation`, with what they cover of it."""
    return [(c, cov) for c in collectives if (cov := c.coverage(obligation)) is not None]


def remaining_share(collectives: Iterable[Collective], obligation: str) -> float:
    """The share of `obligation`'s effort an organisation using `collectives` keeps (1.0: all).

    Two arrangements covering the same duty may provide the same part (the BIO2 guidance and
    the IBD's products both help with risk management), so their shares are not multiplied:
    the smallest remaining share counts.
    """
    return min((cov.remaining.share for _, cov in covering(collectives, obligation)), default=1.0)


def delivering(cat: Catalogue, obligation: str) -> Collective | None:
    """The collective that is the delivery of facility `obligation` (its ``delivers``), if any."""
    return next((c for c in cat.collectives.values() if obligation in c.delivers), None)
