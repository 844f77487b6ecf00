"""Read ``collectives.yaml`` into the catalogue and check every reference in it, located.

It runs after the acts, questions and primary publishers are in place
(:mod:`planner.loading`), because a collective names layers and obligations, and its sources are
held to the same primary-source rule as the acts. Scenarios that delay a collective are checked
here too: the acts are read before the collectives are.
"""

from __future__ import annotations

from dataclasses import replace

from planner.catalogue import Catalogue
from planner.checks import unknown
from planner.checks_profile import WAIVER_HINT, secondary_severity
from planner.house.model import Collective, CollectivesFile, DeliveryStatus
from planner.models import PLANNED_ROLES, Role
from planner.reading import SourceFile, by_unique_id, field_path

COLLECTIVES_FILE = "collectives.yaml"

Loc = list[str | int]


def add_collectives(
    cat: Catalogue,
    found: CollectivesFile | None,
    srcs: dict[str, SourceFile],
    act_srcs: dict[str, SourceFile],
) -> Catalogue:
    """The catalogue with its collectives by id; every problem goes to the file it is in."""
    collectives: dict[str, Collective] = {}
    sources = dict(cat.sources)
    if found is not None:
        src = srcs[COLLECTIVES_FILE]
        sources["collectives"] = dict(found.sources)
        for i, coll in enumerate(found.collectives):
            check_collective(cat, found, i, coll, src)
        collectives = by_unique_id(src, "collectives", found.collectives, "collective")
    cat = replace(cat, collectives=collectives, sources=sources)
    if found is None and COLLECTIVES_FILE in srcs:
        return cat  # the file's own errors say what is wrong; every delay would repeat them
    for act_id in cat.acts:
        check_delays(cat, act_id, act_srcs[act_id])
    return cat


def check_collective(cat: Catalogue, cf: CollectivesFile, i: int, coll: Collective, src: SourceFile) -> None:
    """Layers, obligations and sources a collective names exist, and its shares make sense."""
    base: Loc = ["collectives", i]
    for field_name in ("layers", "default_for"):
        for j, layer in enumerate(getattr(coll, field_name)):
            if layer not in cat.layers:
                loc: Loc = [*base, field_name, j]
                src.add(loc, unknown(field_path(loc), "layer", layer, list(cat.layers)))
    seen: set[str] = set()
    for j, cover in enumerate(coll.covers):
        loc = [*base, "covers", j, "obligation"]
        ob = cat.obligations.get(cover.obligation)
        if ob is None:
            src.add(loc, unknown(field_path(loc), "obligation", cover.obligation, list(cat.obligations)))
        elif not any(ob.roles.get(layer) in PLANNED_ROLES for layer in coll.layers):
            src.add(
                loc,
                f"{field_path(loc)}: obligation {ob.id!r} is not a duty of "
                f"{', '.join(coll.layers)}; it is one of {', '.join(ob.planned_layers) or 'no layer'}",
            )
        elif cover.obligation in seen:
            src.add(loc, f"{field_path(loc)}: {cover.obligation!r} is covered twice by {coll.id!r}")
        seen.add(cover.obligation)
    for j, oid in enumerate(coll.delivers):
        loc = [*base, "delivers", j]
        ob = cat.obligations.get(oid)
        if ob is None:
            src.add(loc, unknown(field_path(loc), "obligation", oid, list(cat.obligations)))
        elif Role.PROVIDER not in ob.roles.values():
            src.add(
                loc, f"{field_path(loc)}: obligation {oid!r} is no facility: no layer has the role 'provider'"
            )
    _check_sources(cat, cf, i, coll, src)


def _check_sources(cat: Catalogue, cf: CollectivesFile, i: int, coll: Collective, src: SourceFile) -> None:
    base: Loc = ["collectives", i]
    known = list(cf.sources)
    if not coll.sources:
        src.add([*base, "id"], f"collectives[{i}]: collective {coll.id!r} has no source", "warning")
    for j, key in enumerate(coll.sources):
        if key not in cf.sources:
            src.add([*base, "sources", j], unknown(f"collectives[{i}].sources[{j}]", "source", key, known))
    if coll.delivery_source is not None and coll.delivery_source not in cf.sources:
        loc: Loc = [*base, "delivery_source"]
        src.add(loc, unknown(field_path(loc), "source", coll.delivery_source, known))
    if (
        coll.status is not DeliveryStatus.EXISTS
        and coll.delivery is not None
        and coll.delivery_source is None
    ):
        src.add(
            [*base, "delivery"],
            f"collectives[{i}].delivery: name the source of the date (delivery_source)",
            "warning",
        )
    if not coll.delivery_confirmed and coll.delivery_note is None:
        src.add(
            [*base, "delivery_confirmed"],
            f"collectives[{i}].delivery_confirmed: say what the unconfirmed date rests on (delivery_note)",
            "warning",
        )
    found = [cf.sources[k] for k in coll.sources if k in cf.sources]
    primary = any(cat.is_primary(s) for s in found)
    waiver = coll.primary_source_gap
    if cat.primary_hosts and found and not primary:
        waived = f" (waived: searched {waiver.searched})" if waiver else ""
        src.add(
            [*base, "sources"],
            f"collectives[{i}]: collective {coll.id!r} rests only on secondary sources "
            f"({', '.join(coll.sources)}){waived}; cite the provider's or the responsible ministry's own pages"
            + ("" if waiver else f", {WAIVER_HINT}"),
            secondary_severity(waiver is not None),
        )
    elif cat.primary_hosts and primary and waiver is not None:
        loc = [*base, "primary_source_gap"]
        src.add(
            loc,
            f"{field_path(loc)}: collective {coll.id!r} cites a primary source; remove the waiver",
            "warning",
        )


def check_delays(cat: Catalogue, act_id: str, src: SourceFile) -> None:
    """A scenario delays a known collective that has a delivery date still to come."""
    for i, sc in enumerate(cat.acts[act_id].scenarios):
        for j, ch in enumerate(sc.changes):
            if ch.collective is None:
                continue
            loc: Loc = ["scenarios", i, "changes", j, "collective"]
            coll = cat.collectives.get(ch.collective)
            if coll is None:
                src.add(loc, unknown(field_path(loc), "collective", ch.collective, list(cat.collectives)))
            elif coll.status is DeliveryStatus.EXISTS or coll.delivery is None:
                what = "already exists" if coll.status is DeliveryStatus.EXISTS else "has no delivery date"
                src.add(
                    loc,
                    f"{field_path(loc)}: collective {coll.id!r} {what}; only a delivery date to come can be delayed",
                )
