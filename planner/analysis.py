"""Coherence analysis on the interaction graph: packages, chains, blockers, conflicts, keystones.

Chains and keystones live in :mod:`planner.chains`; this module gathers them with the packages,
blockers and conflicts into one :class:`Analysis`.

Every result carries the reasons behind it, as sentences. All functions are deterministic (ties
broken by id) and near-linear in the size of the graph: no betweenness, no transitive reduction.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import asdict, dataclass, field
from typing import TYPE_CHECKING, Any

import networkx as nx

from planner.chains import Chain, Keystone, critical_chains, dependant_counts, keystones, longest_chains
from planner.graph import PRECEDENCE, edges_of_kind
from planner.i18n import LANGS, phrase
from planner.messages import Msg, Quote, Seq, Word, render_all
from planner.models.base import RelationKind

if TYPE_CHECKING:
    from collections.abc import Sequence

    from planner.catalogue import Catalogue

SAVING_SHARE = {"equal": 1.0, "subset": 1.0, "intersect": 0.5}
"""Share of the smaller effort saved by doing two overlapping duties as one piece of work."""


@dataclass(frozen=True)
class Package:
    """A joint work package: obligations that are (partly) the same work."""

    id: str
    name: dict[str, str]
    members: tuple[str, ...]
    acts: tuple[str, ...]
    layers: tuple[str, ...]
    due: str | None
    driver: str | None
    effort_separate: float
    effort_joint: float
    reasons: tuple[str, ...]
    hub: str = ""

    @property
    def effort_saved(self) -> float:
        """Effort points saved against doing each member separately."""
        return round(self.effort_separate - self.effort_joint, 2)


@dataclass(frozen=True)
class Blocker:
    """A facility that obligations of other layers wait on."""

    facility: str
    providers: tuple[str, ...]
    facility_due: str | None
    waiting: tuple[str, ...]
    waiting_layers: tuple[str, ...]
    organisations_waiting: int
    reasons: tuple[str, ...]


@dataclass(frozen=True)
class Conflict:
    """Two obligations in tension: a policy decision is needed."""

    a: str
    b: str
    acts: tuple[str, str]
    rationale: str
    layers: tuple[str, ...]


@dataclass(frozen=True)
class Analysis:
    """Everything `planner analyse` reports."""

    as_of: str
    layer: str | None
    packages: tuple[Package, ...] = ()
    chains: tuple[Chain, ...] = ()
    blockers: tuple[Blocker, ...] = ()
    conflicts: tuple[Conflict, ...] = ()
    keystones: tuple[Keystone, ...] = ()
    findings: tuple[str, ...] = field(default=())

    def to_dict(self, lang: str = "en") -> dict[str, Any]:
        """A JSON-ready dict, reasons in `lang` (effort saved included for each package)."""
        data = asdict(self)
        for pkg, raw in zip(self.packages, data["packages"], strict=True):
            raw["effort_saved"] = pkg.effort_saved
        rendered: dict[str, Any] = render_all(data, lang)
        return rendered


def _iso(date: dt.date | None) -> str | None:
    return date.isoformat() if date else None


DEGREE_WEIGHT = {"equal": 3, "subset": 2, "intersect": 1}
"""How strongly an overlap ties two duties together when grouping them into packages."""


def packages(g: nx.DiGraph, cat: Catalogue, lang: str = "en") -> list[Package]:
    """Joint work packages: communities of obligations tied together by ``overlaps``.

    Overlaps chain across the whole catalogue (a DPIA overlaps a FRIA, which overlaps ...), so
    connected components grow into blobs nobody would call one piece of work. Packages are the
    communities of the overlap graph instead (Louvain, weighted by degree, fixed seed: near-linear
    and deterministic). Each is named after its hub (the member with the strongest ties, ties
    by id). The joint effort counts each overlap's shared work once (:data:`SAVING_SHARE` of the
    smaller effort) and is never less than the largest member.

    Example:
        >>> from planner.loading import load_catalogue
        >>> from planner.graph import build_graph
        >>> from pathlib import Path
        >>> cat = load_catalogue(Path("tests/data/minimal"))
        >>> [p.members for p in packages(build_graph(cat), cat)]
        [('act-a.assess', 'act-b.connect')]
    """
    overlap = nx.Graph()
    # the rationale in both languages, so a package's reasons read in the reader's language
    texts = {r.pair: r.rationale for r in cat.relations if r.kind is RelationKind.OVERLAPS}
    edges = []
    for u, v, d in g.edges(data=True):
        if d["kind"] == "overlaps":
            a, b = sorted((u, v))
            edges.append((a, b, d.get("degree", "intersect"), d.get("rationale", ""), texts.get((u, v))))
    for a, b, degree, rationale, text in sorted(edges, key=lambda e: e[:4]):
        weight = DEGREE_WEIGHT.get(degree, 1)
        overlap.add_edge(a, b, weight=weight, degree=degree, rationale=text or rationale)
    communities = nx.community.louvain_communities(overlap, weight="weight", seed=20240930) if edges else []
    result = []
    for component in communities:
        members = sorted(component)
        if len(members) <= 1:  # a duty on its own is no package
            continue
        sub = overlap.subgraph(members)
        hub = min(members, key=lambda m: (-sub.degree(m, weight="weight"), m))
        efforts = {m: float(cat.obligations[m].effort_estimate or 0) for m in members}
        saved = 0.0
        reasons = []
        pairs = sorted((min(u, v), max(u, v), d) for u, v, d in sub.edges(data=True))
        for u, v, d in pairs:
            degree = d["degree"]
            saved += SAVING_SHARE.get(degree, 0.5) * min(efforts[u], efforts[v])
            reasons.append(Msg("overlap", a=u, b=v, degree=Word("degree", degree), rationale=d["rationale"]))
        separate = sum(efforts.values())
        joint = max(separate - saved, max(efforts.values(), default=0.0))
        dues = [(cat.due(cat.obligations[m]), m) for m in members]
        dated = sorted((d, m) for d, m in dues if d is not None)
        acts = sorted({cat.obligations[m].act for m in members})
        hub_title = cat.obligations[hub].title
        names = {
            code: phrase(code, "message", "package-name", title=hub_title.get(code), count=len(members) - 1)
            for code in sorted(LANGS)
        }
        result.append(
            Package(
                id=f"pkg-{hub}",  # obligation ids are unique, so package ids are too
                hub=hub,
                name=names,
                members=tuple(members),
                acts=tuple(acts),
                layers=tuple(sorted({lay for m in members for lay in cat.obligations[m].planned_layers})),
                due=_iso(dated[0][0]) if dated else None,
                driver=dated[0][1] if dated else None,
                effort_separate=round(separate, 2),
                effort_joint=round(joint, 2),
                reasons=tuple(reasons),
            )
        )
    return sorted(result, key=lambda p: (-len(p.members), p.due or "9999", p.id))


def blockers(g: nx.DiGraph, cat: Catalogue) -> list[Blocker]:
    """Facilities that obligations of another layer wait on, with how many organisations wait.

    Example:
        >>> from planner.loading import load_catalogue
        >>> from planner.graph import build_graph
        >>> from pathlib import Path
        >>> cat = load_catalogue(Path("tests/data/minimal"))
        >>> [(b.facility, b.organisations_waiting) for b in blockers(build_graph(cat), cat)]
        [('act-a.platform', 342)]
    """
    result = []
    facilities = sorted({v for _, v, d in g.edges(data=True) if d["kind"] == "needs-facility"})
    for facility in facilities:
        providers = tuple(cat.obligations[facility].planned_layers)
        waiting = sorted(u for u, _, d in g.in_edges(facility, data=True) if d["kind"] == "needs-facility")
        layers = sorted({lay for w in waiting for lay in cat.obligations[w].planned_layers} - set(providers))
        if not layers:
            continue
        orgs = sum(cat.layers[lay].organisations for lay in layers)
        f_due = cat.due(cat.obligations[facility])
        reasons = [
            Msg(
                "blocker",
                count=len(waiting),
                layers=Seq(layers),
                providers=Seq(providers) if providers else Msg("its-provider"),
                facility=facility,
            )
        ]
        for w in waiting:
            w_due = cat.due(cat.obligations[w])
            if f_due and w_due and f_due > w_due:
                reasons.append(
                    Msg("facility-late", facility=facility, due=f_due, waiting=w, waiting_due=w_due)
                )
        result.append(
            Blocker(
                facility=facility,
                providers=providers,
                facility_due=_iso(f_due),
                waiting=tuple(waiting),
                waiting_layers=tuple(layers),
                organisations_waiting=orgs,
                reasons=tuple(reasons),
            )
        )
    return sorted(result, key=lambda b: (-b.organisations_waiting, b.facility))


def conflicts(g: nx.DiGraph, cat: Catalogue) -> list[Conflict]:
    """Every ``conflicts`` relation, with both sides, its rationale (in both languages, as a
    :class:`~planner.messages.Quote`) and the layers that face it."""
    texts = {r.pair: r.rationale for r in cat.relations if r.kind is RelationKind.CONFLICTS}
    result = []
    for u, v, d in g.edges(data=True):
        if d["kind"] != "conflicts":
            continue
        a, b = sorted((u, v))
        text = texts.get((u, v))
        layers = sorted(set(cat.obligations[a].planned_layers) | set(cat.obligations[b].planned_layers))
        result.append(
            Conflict(
                a=a,
                b=b,
                acts=(cat.obligations[a].act, cat.obligations[b].act),
                rationale=Quote(text) if text else d.get("rationale", ""),
                layers=tuple(layers),
            )
        )
    return sorted(result, key=lambda c: (c.a, c.b))


def analyse(
    g: nx.DiGraph,
    cat: Catalogue,
    as_of: dt.date,
    layer: str | None = None,
    known_packages: Sequence[Package] | None = None,
) -> Analysis:
    """All analyses of the catalogue, optionally limited to what concerns one layer.

    `known_packages` are the packages of `g` when the caller has found them already (a plan
    holds them): finding them is the costliest analysis.
    """
    pkgs = list(known_packages) if known_packages is not None else packages(g, cat)
    chains = critical_chains(g, cat, as_of)
    blocks = blockers(g, cat)
    confl = conflicts(g, cat)
    keys = keystones(g, cat, as_of)
    findings = []
    prec = edges_of_kind(g, *PRECEDENCE)
    for pkg in pkgs:
        inside = set(prec.subgraph(pkg.members).edges())
        for u, v in sorted(inside):
            findings.append(Msg("package-prerequisite", package=pkg.id, dependant=u, prerequisite=v))
    if layer is not None:
        mine = {o.id for o in cat.obligations_for(layer)}
        pkgs = [p for p in pkgs if layer in p.layers]
        chains = [c for c in chains if c.target in mine]
        blocks = [b for b in blocks if layer in b.waiting_layers or layer in b.providers]
        confl = [c for c in confl if layer in c.layers]
        keys = [k for k in keys if k.obligation in mine]
    return Analysis(
        as_of=as_of.isoformat(),
        layer=layer,
        packages=tuple(pkgs),
        chains=tuple(chains),
        blockers=tuple(blocks),
        conflicts=tuple(confl),
        keystones=tuple(keys),
        findings=tuple(findings),
    )


__all__ = [
    "Analysis",
    "Blocker",
    "Chain",
    "Conflict",
    "Keystone",
    "Package",
    "analyse",
    "blockers",
    "conflicts",
    "critical_chains",
    "dependant_counts",
    "keystones",
    "longest_chains",
    "packages",
]
