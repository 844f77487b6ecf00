"""Checks across a catalogue's files: references, sources, milestone order and cycles.

They run once every file has been read and validated (:mod:`planner.reading`) and the
catalogue index assembled (:mod:`planner.loading`); each problem goes to the file it is in.
"""

from __future__ import annotations

from planner.catalogue import RELATION_KINDS, Catalogue, amended, did_you_mean
from planner.models import (
    Act,
    Amend,
    Layer,
    LayersFile,
    MilestoneKind,
    Obligation,
    RelationKind,
    Source,
    Theme,
    ThemesFile,
    relations_of,
)
from planner.reading import LAYERS_FILE, THEMES_FILE, SourceFile, field_path


def check_profile(layers_file: LayersFile, themes_file: ThemesFile, srcs: dict[str, SourceFile]) -> None:
    """Every layer and theme names a source, and a source its file declares."""
    groups: tuple[tuple[str, tuple[Layer | Theme, ...], dict[str, Source]], ...] = (
        (LAYERS_FILE, layers_file.layers, layers_file.sources),
        (THEMES_FILE, themes_file.themes, themes_file.sources),
    )
    for name, items, known in groups:
        group = "layers" if name == LAYERS_FILE else "themes"
        for i, item in enumerate(items):
            if item.source is None:
                srcs[name].add([group, i, "id"], f"{group}[{i}]: {item.id!r} has no source", "warning")
            elif item.source not in known:
                srcs[name].add(
                    [group, i, "source"],
                    unknown(f"{group}[{i}].source", "source", item.source, list(known)),
                )


KNOWN_LISTED = 12
"""An unknown-id error lists the known ids when there are at most this many."""


def unknown(where: str, what: str, value: str, known: list[str]) -> str:
    """The message for a reference to something that does not exist, with a close match if any.

    The known values are listed only when there are few enough to read.

    Example:
        >>> unknown("themes[0]", "theme", "securty", ["security", "services"])
        "themes[0]: unknown theme 'securty' (did you mean 'security'?); known: security, services"
    """
    known = sorted(set(known))
    listing = f"; known: {', '.join(known)}" if 0 < len(known) <= KNOWN_LISTED else ""
    return f"{where}: unknown {what} {value!r}{did_you_mean(value, known)}{listing}"


def check_act(
    cat: Catalogue, act: Act, src: SourceFile, failed: set[str] | frozenset[str] = frozenset()
) -> None:
    """Every reference inside one act file, and the warnings that concern it.

    References into the acts named in `failed` (files that did not load) are not checked:
    their file's own errors say what is wrong, and would otherwise be repeated here.
    """
    check = ActCheck(cat, act, src, failed)
    check.header()
    check.milestones()
    check_milestone_order(act, src)
    for i, a in enumerate(act.amendments):
        check.source_ref(["amendments", i, "source"], a.source, f"amendment {a.id!r}")
    for i, ob in enumerate(act.obligations):
        check.obligation(i, ob)
        check.relations(i, ob)
    check.scenarios()


class ActCheck:
    """The reference checks of one act file, one method per part of the file."""

    def __init__(self, cat: Catalogue, act: Act, src: SourceFile, failed: set[str] | frozenset[str]) -> None:
        self.cat, self.act, self.src, self.failed = cat, act, src, failed
        self.keys = list(act.sources)
        self.milestone_ids = [m.id for m in act.milestones]
        self.amendment_ids = [a.id for a in act.amendments]
        self.layers, self.themes = list(cat.layers), list(cat.themes)

    def source_ref(self, loc: list[str | int], key: str | None, what: str, required: bool = True) -> None:
        """A source key: known in the act's ``sources``; absent is a warning when `required`."""
        if key is None:
            if required:
                where = field_path(loc[:-1]) if len(loc) > 1 else self.act.id
                self.src.add(loc[:-1] or loc, f"{where}: {what} has no source", "warning")
        elif key not in self.act.sources:
            self.src.add(loc, unknown(field_path(loc), "source", key, self.keys))

    def header(self) -> None:
        """The act's own source, CELEX, themes and transposition links."""
        act, src, cat = self.act, self.src, self.cat
        self.source_ref(["source"], act.source, f"act {act.id!r}")
        if act.kind.is_eu and not act.celex:
            src.add(["id"], f"id: EU act {act.id!r} has no celex number", "warning")
        for i, theme in enumerate(act.themes):
            if cat.themes and theme not in cat.themes:
                src.add(["themes", i], unknown(f"themes[{i}]", "theme", theme, self.themes))
        national = act.transposition.national_acts if act.transposition else ()
        links: list[tuple[list[str | int], str]] = [
            (["transposes", i], o) for i, o in enumerate(act.transposes)
        ]
        links += [(["transposition", "national_acts", i], o) for i, o in enumerate(national)]
        for loc, other in links:
            if other not in cat.acts and other not in self.failed:
                src.add(loc, unknown(field_path(loc), "act", other, list(cat.acts)))
        if act.transposition:
            self.source_ref(
                ["transposition", "source"], act.transposition.source, "transposition", required=False
            )

    def milestones(self) -> None:
        """Unique milestone ids, their sources, and the amendments their history names."""
        seen: set[str] = set()
        for i, m in enumerate(self.act.milestones):
            if m.id in seen:
                self.src.add(["milestones", i, "id"], f"milestones[{i}].id: duplicate milestone id {m.id!r}")
            seen.add(m.id)
            self.source_ref(["milestones", i, "source"], m.source, f"milestone {m.id!r}")
            for j, h in enumerate(m.history):
                if h.changed_by not in self.amendment_ids:
                    where = f"milestones[{i}].history[{j}].changed_by"
                    self.src.add(
                        ["milestones", i, "history", j, "changed_by"],
                        unknown(where, "amendment", h.changed_by, self.amendment_ids),
                    )
                self.source_ref(
                    ["milestones", i, "history", j, "source"], h.source, "history entry", required=False
                )
            for j, d in enumerate(m.disputed):
                self.source_ref(["milestones", i, "disputed", j, "source"], d.source, "disputed date")

    def obligation(self, i: int, ob: Obligation) -> None:
        """One obligation's id, layers, themes, sources and due date."""
        src, cat = self.src, self.cat
        base: list[str | int] = ["obligations", i]
        if ob.act != self.act.id:
            src.add(
                [*base, "id"], f"obligations[{i}].id: {ob.id!r} must start with the act id '{self.act.id}.'"
            )
        for layer in ob.roles:
            if cat.layers and layer not in cat.layers:
                where = f"obligations[{i}].roles"
                src.add([*base, "roles", layer], unknown(where, "layer", layer, self.layers), key=True)
        for j, theme in enumerate(ob.themes):
            if cat.themes and theme not in cat.themes:
                src.add(
                    [*base, "themes", j],
                    unknown(f"obligations[{i}].themes[{j}]", "theme", theme, self.themes),
                )
        if not ob.sources:
            src.add([*base, "id"], f"obligations[{i}]: obligation {ob.id!r} has no source", "warning")
        for j, key in enumerate(ob.sources):
            self.source_ref([*base, "sources", j], key, "obligation")
        if ob.milestone is not None and ob.milestone not in self.milestone_ids:
            where = f"obligations[{i}].milestone"
            src.add([*base, "milestone"], unknown(where, "milestone", ob.milestone, self.milestone_ids))
        if ob.milestone is None and ob.due is None:
            src.add(
                [*base, "id"],
                f"obligations[{i}]: obligation {ob.id!r} has no due date or milestone",
                "warning",
            )

    def relations(self, i: int, ob: Obligation) -> None:
        """One obligation's relations: known targets, not itself, not listed twice."""
        targets: set[tuple[RelationKind, str]] = set()
        for rel in relations_of(ob):
            key, j = rel.kind.key, rel.index
            loc: list[str | int] = ["obligations", i, key, j, "to"]
            where = f"obligations[{i}].{key}[{j}].to"
            if rel.target == ob.id:
                self.src.add(loc, f"{where}: {ob.id!r} refers to itself")
            elif rel.target not in self.cat.obligations and rel.target.split(".")[0] not in self.failed:
                self.src.add(loc, unknown(where, "obligation", rel.target, list(self.cat.obligations)))
            elif (rel.kind, rel.target) in targets:
                self.src.add(loc, f"{where}: {rel.target!r} is listed twice under {key}")
            targets.add((rel.kind, rel.target))
            self.source_ref(["obligations", i, key, j, "source"], rel.source_key, "relation", required=False)

    def scenarios(self) -> None:
        """Each scenario's source, and the milestones and obligations its changes name."""
        for i, sc in enumerate(self.act.scenarios):
            self.source_ref(["scenarios", i, "source"], sc.source, f"scenario {sc.id!r}")
            for j, ch in enumerate(sc.changes):
                loc: list[str | int] = ["scenarios", i, "changes", j]
                if ch.milestone is not None and ch.milestone not in self.milestone_ids:
                    where = f"scenarios[{i}].changes[{j}].milestone"
                    self.src.add(
                        [*loc, "milestone"], unknown(where, "milestone", ch.milestone, self.milestone_ids)
                    )
                known = [*self.cat.acts, *self.cat.obligations]
                if ch.by is not None and ch.by not in known:
                    where = f"scenarios[{i}].changes[{j}].by"
                    self.src.add([*loc, "by"], unknown(where, "act or obligation", ch.by, known))
                missing = ch.obligation is not None and ch.obligation not in self.cat.obligations
                if missing and ch.obligation is not None and ch.obligation.split(".")[0] not in self.failed:
                    where = f"scenarios[{i}].changes[{j}].obligation"
                    self.src.add(
                        [*loc, "obligation"],
                        unknown(where, "obligation", ch.obligation, list(self.cat.obligations)),
                    )
                elif ch.amend is not None and ch.obligation in self.cat.obligations:
                    self.amendment([*loc, "amend"], self.cat.obligations[ch.obligation], ch.amend)

    def amendment(self, loc: list[str | int], ob: Obligation, amend: Amend) -> None:
        """A scenario's amendment of `ob`: relations added to known obligations, relations dropped
        that `ob` has, and an amended obligation that is still valid."""
        from pydantic import ValidationError

        for kind in RELATION_KINDS:
            for k, rel in enumerate(getattr(amend.add, kind) if amend.add else ()):
                at, where = [*loc, "add", kind, k, "to"], f"{field_path([*loc, 'add', kind, k])}.to"
                if rel.to == ob.id:
                    self.src.add(at, f"{where}: {ob.id!r} refers to itself")
                elif rel.to not in self.cat.obligations and rel.to.split(".")[0] not in self.failed:
                    self.src.add(at, unknown(where, "obligation", rel.to, list(self.cat.obligations)))
                self.source_ref([*loc, "add", kind, k, "source"], rel.source, "relation", required=False)
            has = [r.to for r in getattr(ob, kind)]
            for k, target in enumerate(getattr(amend.drop, kind) if amend.drop else ()):
                if target not in has:
                    what = f"{kind.replace('_', '-')} relation of {ob.id!r} to"
                    self.src.add(
                        [*loc, "drop", kind, k],
                        unknown(field_path([*loc, "drop", kind, k]), what, target, has),
                    )
        try:
            amended(ob, amend)
        except ValidationError as exc:
            for err in exc.errors():
                self.src.add(loc, f"{field_path(loc)}: the amended {ob.id!r} is not valid: {err['msg']}")


_ORDER = {
    MilestoneKind.SIGNATURE: 0,
    MilestoneKind.PUBLICATION: 1,
    MilestoneKind.ENTRY_INTO_FORCE: 2,
    MilestoneKind.APPLICATION: 3,
    MilestoneKind.TRANSPOSITION: 3,
}


def check_milestone_order(act: Act, src: SourceFile) -> None:
    """Signature ≤ publication ≤ entry into force ≤ application and transposition dates."""
    firsts: dict[MilestoneKind, tuple[int, object]] = {}
    for i, m in enumerate(act.milestones):
        if m.kind in _ORDER and (m.kind not in firsts or m.date < firsts[m.kind][1]):  # type: ignore[operator]
            firsts[m.kind] = (i, m.date)
    for i, m in enumerate(act.milestones):
        rank = _ORDER.get(m.kind)
        if rank is None:
            continue
        for kind, (j, date) in firsts.items():
            if _ORDER[kind] < rank and m.date < date:  # type: ignore[operator]
                other = act.milestones[j]
                src.add(
                    ["milestones", i, "date"],
                    f"milestones[{i}].date: {m.kind.value} {m.id!r} on {m.date} is before "
                    f"{other.kind.value} {other.id!r} on {other.date}",
                )
                break


def check_symmetric(
    cat: Catalogue, where: dict[str, tuple[str, int]], act_srcs: dict[str, SourceFile]
) -> None:
    """An `overlaps` or `conflicts` relation holds both ways, so it is written on one of the two
    duties only: the second writing (in catalogue order) is a warning at its place."""
    seen: set[tuple[RelationKind, frozenset[str]]] = set()
    for rel in cat.relations:
        if rel.kind.orders or rel.source not in where:
            continue
        key = (rel.kind, frozenset(rel.pair))
        if key in seen:
            act_id, i = where[rel.source]
            field = rel.kind.key
            act_srcs[act_id].add(
                ["obligations", i, field, rel.index, "to"],
                f"obligations[{i}].{field}[{rel.index}].to: {rel.kind.value} between {rel.source!r} and "
                f"{rel.target!r} is also written on {rel.target!r}; a two-way relation is written once",
                "warning",
            )
        seen.add(key)


def check_cycles(cat: Catalogue, where: dict[str, tuple[str, int]], act_srcs: dict[str, SourceFile]) -> None:
    """`requires` and `needs_facility` together must be acyclic; report each cycle's path."""
    edges = [
        rel.pair
        for rel in cat.relations
        if rel.kind.orders and rel.target in cat.obligations and rel.target != rel.source
    ]
    if _acyclic(edges):
        return
    import networkx as nx

    graph = nx.DiGraph(edges)
    for component in sorted(nx.strongly_connected_components(graph), key=min):
        if len(component) <= 1:  # one obligation on its own is no cycle
            continue
        start = min(component)
        cycle = nx.find_cycle(graph.subgraph(component), source=start)
        path = " -> ".join([cycle[0][0], *(v for _, v in cycle)])
        act_id, i = where[start]
        act_srcs[act_id].add(["obligations", i, "id"], f"obligations[{i}]: prerequisite cycle: {path}")


def _acyclic(edges: list[tuple[str, str]]) -> bool:
    """Whether the directed graph of `edges` has no cycle (Kahn's algorithm, linear time).

    Plain Python rather than networkx, whose import alone costs more than this whole check
    on the real catalogue; networkx is loaded only to describe a cycle once one exists.

    Example:
        >>> _acyclic([("a", "b"), ("b", "c")]), _acyclic([("a", "b"), ("b", "a")])
        (True, False)
    """
    successors: dict[str, list[str]] = {}
    indegree: dict[str, int] = {}
    for u, v in edges:
        successors.setdefault(u, []).append(v)
        indegree[v] = indegree.get(v, 0) + 1
        indegree.setdefault(u, 0)
    ready = [n for n, d in indegree.items() if d == 0]
    seen = 0
    while ready:
        node = ready.pop()
        seen += 1
        for nxt in successors.get(node, ()):
            indegree[nxt] -= 1
            if indegree[nxt] == 0:
                ready.append(nxt)
    return seen == len(indegree)
