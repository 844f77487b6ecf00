"""Relations as records: one typed row per relation an obligation declares.

The YAML keeps four keys under an obligation (``requires``, ``overlaps``, ``conflicts``,
``needs_facility``); :func:`relations_of` is the one place that reads them, and
:attr:`planner.catalogue.Catalogue.relations` the one table of all of them.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from planner.models.base import Degree, RelationKind, Text

if TYPE_CHECKING:
    from planner.models.acts import Obligation


@dataclass(frozen=True)
class RelationEdge:
    """One relation, from the obligation that declares it to the one it names.

    Attributes:
        kind: what the relation says.
        source: id of the obligation that declares it.
        target: id of the obligation it names (may be unknown in a catalogue that fails check).
        rationale: why the relation holds.
        degree: how much two overlapping duties share (``overlaps`` only, else None).
        source_key: key of the source (in the act file) that states the relation, if any.
        index: position in the obligation's list under ``kind`` (for error locations).
    """

    kind: RelationKind
    source: str
    target: str
    rationale: Text
    degree: Degree | None = None
    source_key: str | None = None
    index: int = 0

    @property
    def pair(self) -> tuple[str, str]:
        """(source, target)."""
        return self.source, self.target


def relations_of(ob: Obligation) -> tuple[RelationEdge, ...]:
    """The relations one obligation declares, kind by kind in :class:`RelationKind` order.

    Example:
        >>> from planner.models import Obligation
        >>> ob = Obligation.model_validate({
        ...     "id": "a.x", "title": {"en": "X"}, "roles": {"rijk": "addressee"},
        ...     "requires": [{"to": "a.y", "rationale": {"en": "first"}}],
        ...     "overlaps": [{"to": "a.z", "degree": "equal", "rationale": {"en": "same"}}],
        ... })
        >>> [(r.kind.value, r.target, r.degree) for r in relations_of(ob)]
        [('requires', 'a.y', None), ('overlaps', 'a.z', <Degree.EQUAL: 'equal'>)]
    """
    return tuple(
        RelationEdge(
            kind=kind,
            source=ob.id,
            target=rel.to,
            rationale=rel.rationale,
            degree=getattr(rel, "degree", None),
            source_key=rel.source,
            index=index,
        )
        for kind in RelationKind
        for index, rel in enumerate(getattr(ob, kind.key))
    )
