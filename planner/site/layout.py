"""Layered layout for the interaction pictures: prerequisites left, what waits on them right.

A node's column is its longest-path layer in the precedence graph (networkx
``topological_generations``); within a column, nodes are ordered by the barycentre of their
neighbours in the columns already placed, sweeping right and left a few times and keeping the
order with the fewest crossings between adjacent columns. A column taller than ``max_rows`` is
wrapped into several sub-columns side by side, so a wide catalogue stays readable instead of
growing into one endless column. Everything is deterministic (ties by id) and near-linear:
a fixed number of sweeps, each sorting the columns, and crossings counted by merge sort.
"""

from __future__ import annotations

from collections import deque
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

import networkx as nx

SWEEPS = 4


@dataclass(frozen=True)
class Layout:
    """Where each node goes: its column and row, and the grid's size."""

    position: dict[str, tuple[int, int]]
    columns: int
    rows: int
    layer_of: dict[str, int]


def layers(nodes: Sequence[str], precedence: Iterable[tuple[str, str]]) -> dict[str, int]:
    """Longest-path layer of each node; edges point from prerequisite to dependant.

    Nodes on a cycle (possible when relations are summed up per act) share a layer: the
    cycle is condensed first.

    >>> layers(["a", "b", "c", "d"], [("a", "b"), ("b", "c"), ("a", "c")])
    {'a': 0, 'b': 1, 'c': 2, 'd': 0}
    >>> layers(["x", "y", "z"], [("x", "y"), ("y", "x"), ("y", "z")])
    {'x': 0, 'y': 0, 'z': 1}
    """
    g = nx.DiGraph()
    g.add_nodes_from(nodes)
    g.add_edges_from((u, v) for u, v in precedence if u != v)
    if nx.is_directed_acyclic_graph(g):
        generations = nx.topological_generations(g)
        found = {n: i for i, gen in enumerate(generations) for n in gen}
        return {n: found[n] for n in nodes}
    condensed = nx.condensation(g)
    members = condensed.graph["mapping"]
    comp_layer = {c: i for i, gen in enumerate(nx.topological_generations(condensed)) for c in gen}
    return {n: comp_layer[members[n]] for n in nodes}


def crossings(upper: Sequence[tuple[int, int]]) -> int:
    """Crossings among edges between two columns, given as (position left, position right).

    Two edges cross when their order on the left and on the right disagree; counted as
    inversions with a merge sort.

    >>> crossings([(0, 1), (1, 0)]), crossings([(0, 0), (1, 1)]), crossings([(0, 2), (1, 1), (2, 0)])
    (1, 0, 3)
    """
    seq = [right for _, right in sorted(upper)]

    def count(items: list[int]) -> tuple[list[int], int]:
        if len(items) < 2:
            return items, 0
        mid = len(items) // 2
        left, a = count(items[:mid])
        right, b = count(items[mid:])
        merged, inv, i, j = [], a + b, 0, 0
        while i < len(left) and j < len(right):
            if right[j] < left[i]:
                merged.append(right[j])
                inv += len(left) - i
                j += 1
            else:
                merged.append(left[i])
                i += 1
        return [*merged, *left[i:], *right[j:]], inv

    return count(seq)[1]


def _total_crossings(order: list[list[str]], edges: list[tuple[str, str]], layer_of: dict[str, int]) -> int:
    pos = {n: i for column in order for i, n in enumerate(column)}
    by_gap: dict[int, list[tuple[int, int]]] = {}
    for u, v in edges:
        lu, lv = layer_of[u], layer_of[v]
        if abs(lu - lv) == 1:
            a, b = (u, v) if lu < lv else (v, u)
            by_gap.setdefault(min(lu, lv), []).append((pos[a], pos[b]))
    return sum(crossings(pairs) for pairs in by_gap.values())


def _sweep(
    order: list[list[str]],
    neighbours: dict[str, list[str]],
    layer_of: dict[str, int],
    rank: dict[str, str],
    forward: bool,
) -> None:
    indices = range(1, len(order)) if forward else range(len(order) - 2, -1, -1)
    pos = {n: (j + 0.5) / len(col) for col in order for j, n in enumerate(col)}
    for i in indices:
        current = {n: j for j, n in enumerate(order[i])}

        def key(
            n: str, i: int = i, pos: dict[str, float] = pos, current: dict[str, int] = current
        ) -> tuple[str, float, int, str]:
            near = [pos[m] for m in neighbours[n] if (layer_of[m] < i if forward else layer_of[m] > i)]
            centre = sum(near) / len(near) if near else pos[n]
            return (rank[n], centre, current[n], n)

        order[i] = sorted(order[i], key=key)
        pos.update({n: (j + 0.5) / len(order[i]) for j, n in enumerate(order[i])})


def banded(members: Sequence[str], neighbours: dict[str, list[str]]) -> list[str]:
    """`members` in an order that keeps linked ones close: breadth first through their links.

    Each group of linked members starts from its least linked one (ties by id); members
    without links come last. This gives a single column (where the barycentre has nothing
    to work with) a sensible first order.

    >>> banded(["a", "b", "c", "d"], {"a": ["c"], "b": [], "c": ["a", "d"], "d": ["c"]})
    ['a', 'c', 'd', 'b']
    """
    inside = set(members)
    degree = {n: sum(1 for m in neighbours[n] if m in inside) for n in members}
    seen: set[str] = set()
    out: list[str] = []
    for start in sorted(members, key=lambda n: (degree[n] == 0, degree[n], n)):
        if start in seen:
            continue
        seen.add(start)
        queue = deque([start])
        while queue:
            node = queue.popleft()
            out.append(node)
            for nxt in sorted(
                {m for m in neighbours[node] if m in inside and m not in seen}, key=lambda m: (degree[m], m)
            ):
                seen.add(nxt)
                queue.append(nxt)
    return out


def layout(
    nodes: Sequence[str],
    precedence: Iterable[tuple[str, str]],
    links: Iterable[tuple[str, str]] = (),
    *,
    group: dict[str, str] | None = None,
    tail: Iterable[str] = (),
    max_rows: int = 10,
) -> Layout:
    """Columns and rows for a picture of `nodes`.

    Args:
        nodes: node ids, each once.
        precedence: (prerequisite, dependant) edges; they decide the columns.
        links: other edges (overlaps, conflicts); they only pull neighbours together.
        group: a rank per node that orders each column first (e.g. own act before other
            acts), so a group stays together when a column wraps.
        tail: nodes without precedence edges to put in a layer of their own after all
            others (e.g. other acts' obligations that only overlap).
        max_rows: the tallest a column may be before it wraps into sub-columns.

    Returns:
        The layout; columns count sub-columns.

    Example:
        >>> result = layout(["a.x", "a.y", "b.z"], [("a.x", "a.y")], [("a.y", "b.z")])
        >>> result.position
        {'a.x': (0, 0), 'b.z': (0, 1), 'a.y': (1, 0)}
        >>> layout(["a.x", "a.y", "b.z"], [("a.x", "a.y")], [("a.y", "b.z")], tail=["b.z"]).position["b.z"]
        (2, 0)
    """
    precedence = [(u, v) for u, v in precedence if u != v]
    links = [(u, v) for u, v in links if u != v]
    in_precedence = {n for edge in precedence for n in edge}
    last = {n for n in tail if n not in in_precedence}
    layer_of = layers([n for n in nodes if n not in last], precedence)
    depth = max(layer_of.values(), default=-1) + 1
    layer_of.update({n: depth for n in nodes if n in last})
    depth += 1 if last else 0
    rank = {n: (group or {}).get(n, "") for n in nodes}
    neighbours: dict[str, list[str]] = {n: [] for n in nodes}
    for u, v in [*precedence, *links]:
        neighbours[u].append(v)
        neighbours[v].append(u)
    columns: list[list[str]] = [[] for _ in range(depth)]
    for n in nodes:
        columns[layer_of[n]].append(n)
    order = [
        [
            n
            for r in sorted({rank[n] for n in column})
            for n in banded([n for n in column if rank[n] == r], neighbours)
        ]
        for column in columns
    ]
    edges = [*precedence, *links]
    best = [list(col) for col in order]
    best_score = _total_crossings(best, edges, layer_of)
    for sweep in range(SWEEPS):
        _sweep(order, neighbours, layer_of, rank, forward=sweep % 2 == 0)
        score = _total_crossings(order, edges, layer_of)
        if score < best_score:
            best, best_score = [list(col) for col in order], score
    position: dict[str, tuple[int, int]] = {}
    column = 0
    rows = 0
    for col in best:
        chunks = max(1, -(-len(col) // max_rows))
        height = -(-len(col) // chunks)
        for k, n in enumerate(col):
            position[n] = (column + k // height, k % height)
        rows = max(rows, height)
        column += chunks
    return Layout(position, column, rows, layer_of)
