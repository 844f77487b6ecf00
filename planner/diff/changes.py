"""The change set: what changed from one catalogue to the next, in domain words.

Acts and obligations that came or went, obligations renamed (same title, new id), field
changes, due dates (including a move of the milestone an obligation follows), milestone moves
and relations added or removed. Everything is keyed by id and sorted explicitly.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from planner.diff.fields import describe, differences, dump, dump_sources

if TYPE_CHECKING:
    from planner.catalogue import Catalogue

RELATION_FIELDS = ("requires", "overlaps", "conflicts", "needs_facility")
"""Relation fields of an obligation (:meth:`Catalogue.iter_relations` names the last one needs-facility)."""

_RELATION_PATH = re.compile(rf"(?:{'|'.join(RELATION_FIELDS)})\[")
_MILESTONE_DATE = re.compile(r"milestones\[[^\]]+\]\.date")
_RANK = {"file": 0, "layer": 1, "theme": 2, "act": 3, "obligation": 4}


@dataclass(frozen=True)
class Named:
    """An act or obligation that was added or removed."""

    id: str
    title: str


@dataclass(frozen=True)
class Renamed:
    """An obligation that kept its title under a new id."""

    old: str
    new: str
    title: str


@dataclass(frozen=True)
class FieldChange:
    """One field of an act, obligation, layer or theme that changed."""

    subject: str  # act, obligation, layer, theme
    id: str
    field: str
    old: Any
    new: Any
    message: str


@dataclass(frozen=True)
class MilestoneMove:
    """A milestone whose date moved."""

    act: str
    milestone: str
    old: str
    new: str
    message: str


@dataclass(frozen=True)
class RelationRef:
    """A relation between two obligations (ids as in the new catalogue)."""

    source: str
    kind: str
    target: str
    message: str


@dataclass(frozen=True)
class ChangeSet:
    """What changed in the catalogue, in domain words."""

    acts_added: tuple[Named, ...] = ()
    acts_removed: tuple[Named, ...] = ()
    obligations_added: tuple[Named, ...] = ()
    obligations_removed: tuple[Named, ...] = ()
    renamed: tuple[Renamed, ...] = ()
    fields: tuple[FieldChange, ...] = ()
    milestones: tuple[MilestoneMove, ...] = ()
    relations_added: tuple[RelationRef, ...] = ()
    relations_removed: tuple[RelationRef, ...] = ()

    @property
    def due_moves(self) -> tuple[FieldChange, ...]:
        """The field changes that are due dates."""
        return tuple(f for f in self.fields if f.field == "due")

    @property
    def empty(self) -> bool:
        """Whether nothing changed."""
        return not any(getattr(self, name) for name in self.__dataclass_fields__)


def _title(text: Any) -> str:
    return str(text.get("en"))


def _key(title: Any) -> tuple[str, str]:
    """A rename-matching key: both titles (no fallback), case and spacing ignored."""
    en, nl = (" ".join((lang or "").casefold().split()) for lang in (title.en, title.nl))
    return en, nl


def find_renames(removed: list[Any], added: list[Any]) -> dict[str, str]:
    """Old id -> new id for removed and added obligations with the same title.

    Only unambiguous matches count: a title shared by two removed or two added obligations is
    not a rename. One dict lookup per obligation.

    Example:
        >>> from planner.models import Obligation
        >>> def ob(i, en): return Obligation(id=i, title={"en": en}, roles={"rijk": "addressee"})
        >>> find_renames([ob("a.x", "Do it"), ob("a.y", "Other")], [ob("a.z", "do  it")])
        {'a.x': 'a.z'}
    """
    by_title: dict[tuple[str, str], list[str]] = {}
    for ob in added:
        by_title.setdefault(_key(ob.title), []).append(ob.id)
    counts: dict[tuple[str, str], int] = {}
    for ob in removed:
        counts[_key(ob.title)] = counts.get(_key(ob.title), 0) + 1
    return {
        ob.id: by_title[_key(ob.title)][0]
        for ob in removed
        if counts[_key(ob.title)] == 1 and len(by_title.get(_key(ob.title), ())) == 1
    }


def _due_change(oid: str, old_ob: Any, new_ob: Any, old: Catalogue, new: Catalogue) -> FieldChange | None:
    """The due date change of one obligation, including a move of the milestone it follows."""
    before, after = old.due(old_ob), new.due(new_ob)
    was, now = old_ob.milestone, new_ob.milestone
    if before == after and was == now:
        return None
    if was != now:
        follows = f"milestone {now}" if now else "its own date"
        why = f" (now follows {follows} instead of {f'milestone {was}' if was else 'its own date'})"
    else:
        why = f" (milestone {now})" if now else ""
    if before == after:
        text = f"due date unchanged ({before}){why}"
    elif before is None:
        text = f"due date set to {after}{why}"
    elif after is None:
        text = f"due date removed (was {before}){why}"
    else:
        text = f"due date moved from {before} to {after}{why}"
    return FieldChange("obligation", oid, "due", _iso(before), _iso(after), f"{oid}: {text}")


def _iso(date: dt.date | None) -> str | None:
    return date.isoformat() if date else None


def _entities(
    subject: str, old: dict[str, Any], new: dict[str, Any], drop: tuple[str, ...]
) -> list[FieldChange]:
    """Field changes of layers, themes or acts present on both sides (added/removed too)."""
    out = []
    for eid in sorted(old.keys() | new.keys()):
        a = dump(old[eid], *drop) if eid in old else None
        b = dump(new[eid], *drop) if eid in new else None
        if a is None or b is None:
            if subject in ("layer", "theme"):  # an act's or obligation's arrival is listed apart
                what = "added" if a is None else "removed"
                out.append(FieldChange(subject, eid, "", a, b, f"{subject} {eid} {what}"))
            continue
        label = f"{subject} {eid}" if subject in ("layer", "theme") else eid
        for path, x, y in differences("", a, b):
            if subject == "act" and _MILESTONE_DATE.fullmatch(path):
                continue  # reported as a milestone move
            if subject == "obligation" and _RELATION_PATH.match(path) and (x is None or y is None):
                continue  # reported as a relation added or removed
            out.append(FieldChange(subject, eid, path, x, y, f"{label}: {describe(path, x, y)}"))
    return out


def _relations(cat: Catalogue, rename: dict[str, str]) -> set[tuple[str, str, str]]:
    return {
        (rename.get(ob.id, ob.id), kind, rename.get(target, target))
        for kind, ob, target in cat.iter_relations()
    }


def _refs(rels: set[tuple[str, str, str]]) -> tuple[RelationRef, ...]:
    return tuple(RelationRef(s, kind, t, f"{s} {kind} {t}") for s, kind, t in sorted(rels))


def compare_catalogues(old: Catalogue, new: Catalogue) -> ChangeSet:
    """Everything that changed from `old` to `new`, in domain words.

    Renamed obligations (same title, new id) are matched first, and every reference to the old
    id is read as the new one, so a rename does not show as relations removed and added.
    """
    removed = [old.obligations[i] for i in old.obligations if i not in new.obligations]
    added = [new.obligations[i] for i in new.obligations if i not in old.obligations]
    rename = find_renames(removed, added)
    back = {v: k for k, v in rename.items()}
    fields = _entities("layer", old.layers, new.layers, ())
    fields += _entities("theme", old.themes, new.themes, ())
    for name in ("layers", "themes"):  # their files' own sources
        leaves = differences(
            "sources", dump_sources(old.sources.get(name)), dump_sources(new.sources.get(name))
        )
        fields += [
            FieldChange("file", f"{name}.yaml", p, x, y, f"{name}.yaml: {describe(p, x, y)}")
            for p, x, y in leaves
        ]
    fields += _entities("act", old.acts, new.acts, ("id", "obligations"))
    pairs = {oid: new.obligations[oid] for oid in new.obligations if oid in old.obligations or oid in back}
    olds = {oid: old.obligations[back.get(oid, oid)] for oid in pairs}
    fields += _entities(
        "obligation",
        {oid: _renamed(ob, rename) for oid, ob in olds.items()},
        pairs,
        ("id", "due", "milestone"),
    )
    fields += [c for oid in pairs if (c := _due_change(oid, olds[oid], pairs[oid], old, new))]
    fields += [c for oid in pairs if (c := _replacement(oid, old, new))]
    rel_old, rel_new = _relations(old, rename), _relations(new, {})
    return ChangeSet(
        acts_added=tuple(
            Named(a, _title(new.acts[a].short or new.acts[a].title))
            for a in sorted(new.acts.keys() - old.acts.keys())
        ),
        acts_removed=tuple(
            Named(a, _title(old.acts[a].short or old.acts[a].title))
            for a in sorted(old.acts.keys() - new.acts.keys())
        ),
        obligations_added=tuple(
            Named(o.id, _title(o.title)) for o in sorted(added, key=_by_id) if o.id not in back
        ),
        obligations_removed=tuple(
            Named(o.id, _title(o.title)) for o in sorted(removed, key=_by_id) if o.id not in rename
        ),
        renamed=tuple(Renamed(a, b, _title(new.obligations[b].title)) for a, b in sorted(rename.items())),
        fields=tuple(sorted(fields, key=lambda f: (_RANK[f.subject], f.id, f.field != "due", f.field))),
        milestones=_milestone_moves(old, new),
        relations_added=_refs(rel_new - rel_old),
        relations_removed=_refs(rel_old - rel_new),
    )


def _replacement(oid: str, old: Catalogue, new: Catalogue) -> FieldChange | None:
    """A scenario's replacement of a duty by another act (it lives on the scenario, not the duty)."""
    before, after = old.replacement(oid), new.replacement(oid)
    was = f"{before.replaced}" + (f" by {before.by}" if before.by else "") if before else None
    becomes = f"{after.replaced}" + (f" by {after.by}" if after.by else "") if after else None
    if was == becomes:
        return None
    message = f"{oid}: replaced from {becomes}" if becomes else f"{oid}: no longer replaced"
    return FieldChange("obligation", oid, "replaced", was, becomes, message)


def _milestone_moves(old: Catalogue, new: Catalogue) -> tuple[MilestoneMove, ...]:
    """Milestones of acts on both sides whose date moved, by act id, in the new act's order."""
    moves = []
    for aid in sorted(old.acts.keys() & new.acts.keys()):
        dates = {m.id: m.date for m in old.acts[aid].milestones}
        for m in new.acts[aid].milestones:
            if m.id in dates and dates[m.id] != m.date:
                text = f"{aid} milestone {m.id} moved from {dates[m.id]} to {m.date}"
                moves.append(MilestoneMove(aid, m.id, dates[m.id].isoformat(), m.date.isoformat(), text))
    return tuple(moves)


def _by_id(ob: Any) -> str:
    return str(ob.id)


def _renamed(ob: Any, rename: dict[str, str]) -> Any:
    """An old obligation whose relations name renamed obligations by their new ids."""
    if not rename:
        return ob
    update = {
        name: tuple(r.model_copy(update={"to": rename.get(r.to, r.to)}) for r in getattr(ob, name))
        for name in RELATION_FIELDS
    }
    return ob.model_copy(update=update)
