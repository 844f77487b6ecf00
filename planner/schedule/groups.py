"""Groups of items placed together, and the graph of which group waits on which.

A joint work package's open members in one layer (two or more) form one group; every other
open item is a group of its own. A package whose members wait on each other is split into parts.
"""

from __future__ import annotations

from collections import defaultdict
from typing import TYPE_CHECKING

import networkx as nx

from planner.messages import Msg, Seq
from planner.schedule.model import Deps, Finding, Group, Item, Key, item_name

if TYPE_CHECKING:
    from planner.analysis import Package

CAUSES_SHOWN = 3
"""How many causes a package-split finding names before it says "..."."""


def joint_effort(efforts: list[float], ratio: float) -> float:
    """Members done as one piece of work save a share of their efforts, never below the largest."""
    return max(sum(efforts) * ratio, *efforts) if efforts else 0.0


def make_groups(
    items: dict[Key, Item],
    deps: Deps,
    packages: list[Package],
    findings: list[Finding],
) -> tuple[dict[str, Group], dict[Key, str], nx.DiGraph]:
    """One group per package and layer (members not done), else one group per open item.

    Every member item carries its package id. A package whose members wait on each other
    (directly, or through other work) cannot share one stage: it is split into parts by how
    deep each member sits in the chain, and the split is reported. Linear in items and edges.

    Returns:
        The groups by id, the group id of every open item, and the graph of groups
        (:func:`_group_graph`) after any split.
    """
    by_obligation: dict[str, list[Key]] = defaultdict(list)
    for key in items:
        by_obligation[key[0]].append(key)
    groups: dict[str, Group] = {}
    group_of: dict[Key, str] = {}
    ratio_of: dict[str, float] = {}
    for pkg in packages:
        ratio_of[pkg.id] = pkg.effort_joint / pkg.effort_separate if pkg.effort_separate else 1.0
        by_layer: dict[str, list[Key]] = defaultdict(list)
        for member in pkg.members:
            for key in by_obligation.get(member, []):
                if items[key].package is None:  # an obligation sits in one package only
                    items[key].package = pkg.id
                    if not items[key].settled:
                        by_layer[key[1]].append(key)
        for layer, keys in sorted(by_layer.items()):
            if len(keys) > 1:
                _add_group(groups, group_of, items, f"{pkg.id}@{layer}", sorted(keys), ratio=ratio_of[pkg.id])
    for key, item in items.items():
        if key not in group_of and not item.settled:
            _add_group(groups, group_of, items, f"{key[0]}@{key[1]}", [key], ratio=1.0)
    graph = _group_graph(groups, group_of, deps)
    split = False
    for component in nx.strongly_connected_components(graph):
        gid = next(iter(component))
        if len(component) == 1 and not graph.has_edge(gid, gid):
            continue
        packed = sorted(g for g in component if len(groups[g].keys) > 1)
        if packed:
            split |= _split(
                packed,
                component,
                groups=groups,
                group_of=group_of,
                items=items,
                deps=deps,
                ratio_of=ratio_of,
                findings=findings,
            )
    if split:  # the graph still has the package groups the parts replace
        graph = _group_graph(groups, group_of, deps)
    return groups, group_of, graph


def _group_graph(groups: dict[str, Group], group_of: dict[Key, str], deps: Deps) -> nx.DiGraph:
    """Groups with an edge from what is waited on to what waits (done items impose nothing)."""
    graph = nx.DiGraph()
    graph.add_nodes_from(sorted(groups))
    for key, waits in deps.items():
        for _, dep in waits:
            if key in group_of and dep in group_of:
                graph.add_edge(group_of[dep], group_of[key])
    return graph


def _add_group(
    groups: dict[str, Group],
    group_of: dict[Key, str],
    items: dict[Key, Item],
    gid: str,
    keys: list[Key],
    *,
    ratio: float,
) -> None:
    efforts = [items[k].effort for k in keys]
    span = max(items[k].span for k in keys)
    groups[gid] = Group(gid, keys[0][1], keys, joint_effort(efforts, ratio), ratio=ratio, span=span)
    for key in keys:
        group_of[key] = gid


def _split(
    packed: list[str],
    component: set[str],
    *,
    groups: dict[str, Group],
    group_of: dict[Key, str],
    items: dict[Key, Item],
    deps: Deps,
    ratio_of: dict[str, float],
    findings: list[Finding],
) -> bool:
    """Split the package groups of one cycle of groups by depth, and report each split.

    Every wait inside the cycle goes from a shallower item to a deeper one, so parts of one
    depth can share a stage and the groups no longer wait on each other in a circle.

    Returns:
        Whether any group was split.
    """
    inside = {k for g in component for k in groups[g].keys}
    sub = nx.DiGraph()
    sub.add_nodes_from(sorted(inside))
    sub.add_edges_from((dep, k) for k in sorted(inside) for _, dep in deps.get(k, []) if dep in inside)
    depth: dict[Key, int] = {}
    for node in nx.topological_sort(sub):
        depth[node] = max((depth[p] + 1 for p in sub.predecessors(node)), default=0)
    split = False
    for gid in packed:
        group = groups[gid]
        parts: dict[int, list[Key]] = defaultdict(list)
        for key in group.keys:
            parts[depth[key]].append(key)
        if len(parts) <= 1:  # all at one depth: nothing to split
            continue
        split = True
        del groups[gid]
        package = items[group.keys[0]].package
        for level, keys in sorted(parts.items()):
            _add_group(
                groups, group_of, items, f"{gid}#{level + 1}", keys, ratio=ratio_of.get(package or "", 1.0)
            )
        members = set(group.keys)
        causes = [_split_cause(k, members, sub, depth, items) for k in group.keys if depth[k] > 0]
        shown = Seq([*causes[:CAUSES_SHOWN], *(["..."] if len(causes) > CAUSES_SHOWN else [])], "; ")
        message = Msg("package-split", package=package, layer=group.layer, causes=shown, parts=len(parts))
        for key in group.keys:
            findings.append(Finding("package-split", key[0], key[1], message))
    return split


def _split_cause(
    key: Key, members: set[Key], sub: nx.DiGraph, depth: dict[Key, int], items: dict[Key, Item]
) -> Msg:
    """`key` needs a fellow member first (perhaps through other work), in words."""
    chain: list[Key] = []
    node = key
    while depth[node] > 0:
        node = min(p for p in sub.predecessors(node) if depth[p] == depth[node] - 1)
        chain.append(node)
        if node in members:
            between = [item_name(k, key[1]) for k in chain[:-1]]
            if between:
                return Msg("needs-first-through", obligation=key[0], other=node[0], between=Seq(between))
            return Msg("needs-first", obligation=key[0], other=node[0])
    return Msg(
        "waits-with-package",
        obligation=key[0],
        chain=Seq([item_name(k, key[1]) for k in chain]),
        package=items[chain[-1]].package,
    )
