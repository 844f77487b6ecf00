"""Roadmap impact: both catalogues scheduled at the same as-of date, compared layer by layer.

For each layer: items (obligation x layer) that moved stage, changed status, entered or left
the roadmap; joint work packages that formed or split; cross-layer blockers that appeared or
went. Old obligation ids are read as their new names, so a rename alone changes nothing.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from planner.errors import UsageError

if TYPE_CHECKING:
    from planner.catalogue import Catalogue
    from planner.roadmap import PlanContext
    from planner.schedule import Item, Plan

BAD = ("overdue", "at-risk", "blocked")
"""Statuses a reader must act on: an item that becomes one of them is a highlight."""


@dataclass(frozen=True)
class ItemChange:
    """One item (obligation x layer) whose stage or status changed, that came or went, or whose
    duty now requires something else (``changed``: what changed in it, in words)."""

    obligation: str
    layer: str
    old_stage: str | None
    new_stage: str | None
    old_status: str | None
    new_status: str | None
    reasons: tuple[str, ...]
    message: str
    changed: tuple[str, ...] = ()
    """What changed in what the duty requires (effort, nature, texts, relations), in words."""
    old_effort: float | None = None
    new_effort: float | None = None
    """Person-days the item is planned with, before and after (None where it is not planned)."""


@dataclass(frozen=True)
class PackageChange:
    """A joint work package that formed or split on one layer's roadmap."""

    layer: str
    kind: str  # formed, split, changed
    package: str
    members: tuple[str, ...]
    message: str


@dataclass(frozen=True)
class BlockerChange:
    """An obligation that now waits on (or no longer waits on) another layer's facility."""

    layer: str
    kind: str  # new, resolved
    facility: str
    waiting: str
    providers: tuple[str, ...]
    message: str


@dataclass(frozen=True)
class LayerImpact:
    """What the catalogue change does to one layer's roadmap."""

    layer: str
    items: tuple[ItemChange, ...] = ()
    packages: tuple[PackageChange, ...] = ()
    blockers: tuple[BlockerChange, ...] = ()

    @property
    def empty(self) -> bool:
        """Whether the roadmap is unchanged in stages, statuses, packages and blockers."""
        return not (self.items or self.packages or self.blockers)

    def counts(self) -> dict[str, int]:
        """How many items moved, changed status, entered or left; packages; blockers."""
        return {
            "moved": sum(1 for i in self.items if i.old_stage and i.new_stage and i.old_stage != i.new_stage),
            "status": sum(
                1 for i in self.items if i.old_status and i.new_status and i.old_status != i.new_status
            ),
            "entered": sum(1 for i in self.items if i.old_stage is None),
            "left": sum(1 for i in self.items if i.new_stage is None),
            "changed": sum(1 for i in self.items if i.changed),
            "packages": len(self.packages),
            "new_blockers": sum(1 for b in self.blockers if b.kind == "new"),
            "resolved_blockers": sum(1 for b in self.blockers if b.kind == "resolved"),
        }


def _status_words(old: str, new: str) -> str:
    if new in BAD and old not in BAD:
        return f"became {new} (was {old})"
    if old in BAD and new not in BAD:
        return f"no longer {old} (now {new})"
    return f"now {new} (was {old})"


@dataclass
class _View:
    """One layer's items in one plan, by obligation id (old ids read as their new names)."""

    plan: Plan
    items: dict[str, Item] = field(default_factory=dict)
    groups: dict[str, set[str]] = field(default_factory=dict)  # package id -> members scheduled together

    def packages(self) -> dict[str, frozenset[str]]:
        """Package id -> members that share a stage (a package of one is no package)."""
        return {pid: frozenset(ms) for pid, ms in self.groups.items() if len(ms) > 1}


def _views(ctx: PlanContext, rename: dict[str, str]) -> dict[str, _View]:
    """Every layer's view of a plan, in one pass over its items."""
    split = {(f.obligation, f.layer) for f in ctx.plan.findings if f.kind == "package-split"}
    views: dict[str, _View] = {}
    for item in ctx.plan.items.values():
        view = views.setdefault(item.layer, _View(ctx.plan))
        oid = rename.get(item.obligation, item.obligation)
        view.items[oid] = item
        if item.package and item.key not in split:  # the scheduler split it: members go apart
            view.groups.setdefault(item.package, set()).add(oid)
    return views


def _item_changes(
    old: _View, new: _View, layer: str, content: dict[str, tuple[str, ...]]
) -> list[ItemChange]:
    """The items of `layer` that moved, changed status, came, went or now require something else
    (`content`: per obligation what changed in it)."""
    out = []
    for oid in sorted(old.items.keys() | new.items.keys()):
        a, b = old.items.get(oid), new.items.get(oid)
        sa = old.plan.stage_id(a.stage) if a else None
        sb = new.plan.stage_id(b.stage) if b else None
        changed = content.get(oid, ()) if a and b else ()
        if a and b and sa == sb and a.status == b.status and not changed:
            continue
        if a is None and b is not None:
            status = "" if b.status == "planned" else f" ({b.status})"
            text = f"{oid}: enters the roadmap in {sb}{status}"
        elif b is None and a is not None:
            text = f"{oid}: leaves the roadmap (was in {sa})"
        elif a is not None and b is not None:
            parts = [f"moved from {sa} to {sb}"] if sa != sb else []
            if a.status != b.status:
                parts.append(_status_words(a.status, b.status))
                if sa == sb:
                    parts.append(f"stays in {sb}")
            if changed:
                days = f"; person-days {_days(a.effort)} -> {_days(b.effort)}" if a.effort != b.effort else ""
                parts.append(f"changed: {'; '.join(changed)}{days}")
            text = f"{oid}: {', '.join(parts)}"
        out.append(
            ItemChange(
                oid,
                layer,
                sa,
                sb,
                a.status if a else None,
                b.status if b else None,
                tuple(b.reasons) if b else (),
                text,
                changed,
                a.effort if a else None,
                b.effort if b else None,
            )
        )
    return out


def _days(value: float) -> str:
    return f"{value:g}"


def content_changes(old: Catalogue, new: Catalogue, rename: dict[str, str]) -> dict[str, tuple[str, ...]]:
    """Per obligation on both sides what changed in what it requires: the fields a scenario can
    amend (:data:`planner.models.AMENDABLE`) and its relations, each in words.

    Example:
        >>> from pathlib import Path
        >>> from planner.loading import load_catalogue
        >>> cat = load_catalogue(Path("tests/data/minimal"))
        >>> content_changes(cat, cat, {})
        {}
    """
    from planner.catalogue import RELATION_KINDS
    from planner.diff.changes import _renamed
    from planner.diff.fields import describe, differences, dump
    from planner.models import AMENDABLE

    keep = (*AMENDABLE, *RELATION_KINDS)
    back = {v: k for k, v in rename.items()}
    out = {}
    for oid, ob in new.obligations.items():
        before = old.obligations.get(back.get(oid, oid))
        if before is None:
            continue
        a = {k: v for k, v in dump(_renamed(before, rename)).items() if k in keep}
        b = {k: v for k, v in dump(ob).items() if k in keep}
        if a != b:
            out[oid] = tuple(describe(p, x, y) for p, x, y in differences("", a, b))
    return out


def _whereabouts(members: frozenset[str], homes: dict[str, str], present: set[str], absent: str) -> str:
    """Where members are, grouped: `pkg-x (a, b); on its own: c; <absent>: d`."""
    groups: dict[str, list[str]] = {}
    for m in sorted(members):
        key = homes.get(m, "" if m in present else "~")
        groups.setdefault(key, []).append(m)
    parts = [f"{pid} ({', '.join(ms)})" for pid, ms in sorted(groups.items()) if pid not in ("", "~")]
    if "" in groups:
        parts.append(f"on {'its' if len(groups['']) == 1 else 'their'} own: {', '.join(groups[''])}")
    if "~" in groups:
        parts.append(f"{absent}: {', '.join(groups['~'])}")
    return "; ".join(parts)


def _package_changes(old: _View, new: _View, layer: str) -> list[PackageChange]:
    """Packages whose membership on `layer` changed: split (members went separate ways) or formed."""
    before, after = old.packages(), new.packages()
    home_before = {m: pid for pid, ms in before.items() for m in ms}
    home_after = {m: pid for pid, ms in after.items() for m in ms}
    was_there, is_there = set(old.items), set(new.items)
    sets_before, sets_after = set(before.values()), set(after.values())
    out, reported = [], set()
    for pid, members in sorted(before.items()):
        homes = {home_after.get(m, m) for m in members if m in is_there}
        if members in sets_after or (len(homes) == 1 and next(iter(homes)) in after):
            continue  # unchanged, or all its members went to one package: reported as that one
        reported.add(pid)
        now = _whereabouts(members, home_after, is_there, "left the roadmap")
        out.append(
            PackageChange(layer, "split", pid, tuple(sorted(members)), f"package {pid} split: now {now}")
        )
    for pid, members in sorted(after.items()):
        origins = {home_before.get(m, m) for m in members}
        origin = next(iter(origins)) if len(origins) == 1 else None
        if members in sets_before or origin in reported:
            continue  # unchanged, or a part of a package reported as split
        kind = "changed" if origin in before else "formed"
        was = _whereabouts(members, home_before, was_there, "not on the roadmap")
        text = f"package {pid} {kind}: {', '.join(sorted(members))} (before: {was})"
        out.append(PackageChange(layer, kind, pid, tuple(sorted(members)), text))
    return out


def _waits(cat: Catalogue, rename: dict[str, str]) -> dict[tuple[str, str, str], tuple[str, ...]]:
    """(layer, waiting obligation, facility) -> providers, for every cross-layer blocker."""
    from planner.analysis import blockers
    from planner.graph import build_graph

    out = {}
    for b in blockers(build_graph(cat), cat):
        for w in b.waiting:
            for lay in cat.obligations[w].planned_layers:
                if lay not in b.providers:
                    out[(lay, rename.get(w, w), rename.get(b.facility, b.facility))] = b.providers
    return out


def _blocker_changes(
    before: dict[tuple[str, str, str], tuple[str, ...]],
    after: dict[tuple[str, str, str], tuple[str, ...]],
    layer: str,
) -> tuple[BlockerChange, ...]:
    out = []
    for key in sorted(k for k in after.keys() - before.keys() if k[0] == layer):
        by = ", ".join(after[key]) or "no layer"
        text = f"new blocker: {key[1]} waits on {key[2]}, delivered by {by}"
        out.append(BlockerChange(layer, "new", key[2], key[1], after[key], text))
    for key in sorted(k for k in before.keys() - after.keys() if k[0] == layer):
        text = f"blocker gone: {key[1]} no longer waits on {key[2]}"
        out.append(BlockerChange(layer, "resolved", key[2], key[1], before[key], text))
    return tuple(out)


def compare_roadmaps(
    old: Catalogue,
    new: Catalogue,
    as_of: dt.date,
    rename: dict[str, str],
    *,
    layer: str | None = None,
    made_old: PlanContext | None = None,
) -> tuple[LayerImpact, ...]:
    """Schedule both catalogues at `as_of` and compare each layer's roadmap (or just `layer`).

    `made_old` is the old catalogue's plan when the caller has it already (the site's own plan,
    made with the same defaults as :func:`planner.roadmap.build_plan`): it is not made again.

    Raises:
        UsageError: `layer` is in neither catalogue.
    """
    from planner.catalogue import did_you_mean
    from planner.roadmap import build_plan

    layers = [*new.layers, *(lay for lay in old.layers if lay not in new.layers)]
    if layer is not None and layer not in layers:
        raise UsageError(
            f"--layer: unknown layer {layer!r}{did_you_mean(layer, layers)}; known: {', '.join(layers)}"
        )
    plan_old = made_old if made_old is not None else build_plan(old, as_of)
    plan_new = build_plan(new, as_of)
    views_old, views_new = _views(plan_old, rename), _views(plan_new, {})
    content = content_changes(old, new, rename)
    waits_old, waits_new = _waits(old, rename), _waits(new, {})
    out = []
    for lay in layers:
        if layer not in (None, lay):
            continue
        a = views_old.get(lay, _View(plan_old.plan))
        b = views_new.get(lay, _View(plan_new.plan))
        blocks = _blocker_changes(waits_old, waits_new, lay)
        out.append(
            LayerImpact(
                lay, tuple(_item_changes(a, b, lay, content)), tuple(_package_changes(a, b, lay)), blocks
            )
        )
    return tuple(out)
