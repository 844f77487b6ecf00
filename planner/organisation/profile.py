"""The profile a layer or one organisation is planned with, and which duties apply to it.

Without an organisation file a layer is planned as its typical organisation: the default
answers of ``questions.yaml`` (assumptions, and said to be), nothing known to be in place, the
layer's default capacity. An organisation file replaces what it says.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from planner.models import Answer, Obligation
from planner.organisation.model import OrganisationFile, StateEntry

if TYPE_CHECKING:
    from planner.catalogue import Catalogue


@dataclass(frozen=True)
class Profile:
    """What the planner knows of the organisation it plans for.

    Attributes:
        layer: the layer id.
        name: the organisation's name; None for a layer planned as its typical organisation.
        answers: the answer to every question that has one, its own or the layer's default.
        assumed: the questions whose answer is the layer's default (an assumption).
        states: the state of each obligation the organisation has assessed.
        capacity: person-days per quarter for this work, or None for unlimited.
        capacity_assumed: whether `capacity` is the layer's default (an assumption).
        source: the organisation file it was read from, if any.
        collectives: collective arrangements the organisation says it uses (true) or not (false).
    """

    layer: str
    name: str | None = None
    answers: dict[str, Answer] = field(default_factory=dict)
    assumed: frozenset[str] = frozenset()
    states: dict[str, StateEntry] = field(default_factory=dict)
    capacity: float | None = None
    capacity_assumed: bool = True
    source: str | None = None
    collectives: dict[str, bool] = field(default_factory=dict)


def layer_profile(cat: Catalogue, layer: str) -> Profile:
    """The typical organisation of `layer`: default answers and capacity, nothing assessed.

    Example:
        >>> from pathlib import Path
        >>> from planner.loading import load_catalogue
        >>> layer_profile(load_catalogue(Path("tests/data/minimal")), "gemeenten").states
        {}
    """
    answers = {qid: q.defaults[layer].answer for qid, q in cat.questions.items() if layer in q.defaults}
    known = cat.layers.get(layer)
    # the deprecated `capacity` (effort points per stage) counts as person-days per quarter
    capacity = (
        None if known is None else known.capacity_days if known.capacity_days is not None else known.capacity
    )
    return Profile(layer, None, answers, frozenset(answers), {}, capacity, True)


def organisation_profile(cat: Catalogue, org: OrganisationFile, source: str | None = None) -> Profile:
    """The profile of one organisation: its own answers over its layer's defaults."""
    base = layer_profile(cat, org.layer)
    answers = {**base.answers, **org.answers}
    assumed = frozenset(q for q in base.assumed if q not in org.answers)
    capacity = org.capacity if org.capacity is not None else base.capacity
    return Profile(
        org.layer,
        org.organisation,
        answers,
        assumed,
        dict(org.status),
        capacity,
        org.capacity is None,
        source,
        collective_choices(cat, org),
    )


def collective_choices(cat: Catalogue, org: OrganisationFile) -> dict[str, bool]:
    """The organisation's collective choices as per id used or not.

    A list names exactly the collectives used: every other collective serving the layer is
    marked not used. A mapping is kept as it is (what it does not name follows the defaults).
    """
    if isinstance(org.collectives, dict):
        return dict(org.collectives)
    listed = set(org.collectives)
    serving = [cid for cid, c in cat.collectives.items() if org.layer in c.layers]
    return {cid: cid in listed for cid in sorted({*serving, *listed})}


def applies(ob: Obligation, profile: Profile) -> bool | None:
    """Whether the obligation applies: True, False, or None when an answer it needs is missing.

    An obligation without a condition always applies.
    """
    if ob.applies_if is None:
        return True
    return ob.applies_if.holds(profile.answers)
