"""Chains on the precedence graph: the longest prerequisite chains and the keystones they share.

Both walk the precedence graph (:func:`planner.graph.precedence_graph`) once in topological order
(ties by id): chains keep the longest path ending in each node, keystones the set of nodes each
one unlocks as a bit set. No betweenness, no transitive reduction.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import TYPE_CHECKING

import networkx as nx

from planner.graph import precedence_graph
from planner.messages import Msg, Seq

if TYPE_CHECKING:
    from planner.catalogue import Catalogue


@dataclass(frozen=True)
class Chain:
    """The longest prerequisite chain that leads to one due obligation."""

    target: str
    due: str
    chain: tuple[str, ...]
    stages_needed: int
    days_left: int
    quarters_left: int
    slack: int
    reasons: tuple[str, ...]


@dataclass(frozen=True)
class Keystone:
    """An obligation that unlocks many others."""

    obligation: str
    dependants: int
    score: float
    earliest_dependant_due: str | None
    reasons: tuple[str, ...]


def quarters_between(start: dt.date, end: dt.date) -> int:
    """Calendar quarters from the one holding `start` to the one holding `end`, both included.

    >>> quarters_between(dt.date(2026, 11, 28), dt.date(2027, 3, 31))
    2
    """
    return _quarter(end) - _quarter(start) + 1


def _quarter(day: dt.date) -> int:
    """A running number of the quarter holding `day`."""
    return day.year * 4 + (day.month - 1) // 3


def critical_chains(g: nx.DiGraph, cat: Catalogue, as_of: dt.date, minimum: int = 2) -> list[Chain]:
    """For each due obligation, the longest chain of prerequisites and facilities leading to it.

    Each link needs its own stage (a prerequisite sits in a strictly earlier stage), so a chain
    of *n* obligations needs *n* quarters; the slack is the quarters left before the due date
    minus that.

    Example:
        >>> g = nx.DiGraph()
        >>> for n in "abc": g.add_node(f"x.{n}", kind="obligation")
        >>> g.add_edge("x.c", "x.b", kind="requires"); g.add_edge("x.b", "x.a", kind="requires")
        >>> longest_chains(precedence_graph(g))["x.c"]
        ('x.a', 'x.b', 'x.c')
    """
    chains = longest_chains(precedence_graph(g))
    result = []
    for target, chain in chains.items():
        due = cat.due(cat.obligations[target])
        if due is None or len(chain) < minimum:
            continue
        quarters = quarters_between(as_of, due) if due >= as_of else 0
        slack = quarters - len(chain)
        reasons = [Msg("chain", count=len(chain), chain=Seq(chain, " -> "))]
        if due < as_of:
            reasons.append(Msg("chain-overdue", target=target, due=due, as_of=as_of))
        elif slack < 0:
            reasons.append(Msg("chain-too-long", quarters=quarters, due=due))
        result.append(
            Chain(
                target=target,
                due=due.isoformat(),
                chain=chain,
                stages_needed=len(chain),
                days_left=(due - as_of).days,
                quarters_left=quarters,
                slack=slack,
                reasons=tuple(reasons),
            )
        )
    # chains that can still be acted on first; long-overdue chains after them
    return sorted(result, key=lambda c: (c.days_left < 0, c.slack, c.due, c.target))


def longest_chains(p: nx.DiGraph) -> dict[str, tuple[str, ...]]:
    """For each node of a DAG, the longest path that ends in it (ties by id), in one pass."""
    best: dict[str, tuple[str, ...]] = {}
    for node in nx.lexicographical_topological_sort(p):
        preds = sorted(p.predecessors(node))
        longest: tuple[str, ...] = ()
        for pred in preds:
            if len(best[pred]) > len(longest):
                longest = best[pred]
        best[node] = (*longest, node)
    return best


def keystones(g: nx.DiGraph, cat: Catalogue, as_of: dt.date, top: int = 10) -> list[Keystone]:
    """Obligations that unlock most others, transitively through prerequisites and facilities.

    Dependants are counted with bit sets in one reverse topological pass (no betweenness); a
    dependant due within two years of `as_of` counts double.

    Example:
        >>> g = nx.DiGraph()
        >>> for n in "abcd": g.add_node(f"x.{n}", kind="obligation")
        >>> for u, v in [("x.b", "x.a"), ("x.c", "x.a"), ("x.d", "x.b")]:
        ...     g.add_edge(u, v, kind="requires")
        >>> dependant_counts(precedence_graph(g))["x.a"]
        3
    """
    p = precedence_graph(g)
    order, reach = reach_sets(p)
    horizon = as_of + dt.timedelta(days=730)
    dues = {n: cat.due(cat.obligations[n]) for n in order}
    urgent = 0
    for i, n in enumerate(order):
        d = dues[n]
        if d is not None and d <= horizon:
            urgent |= 1 << i
    result = []
    for i, n in enumerate(order):
        mask = reach[n] & ~(1 << i)
        count = mask.bit_count()
        if count == 0:
            continue
        score = count + (mask & urgent).bit_count()
        dated = [dues[order[j]] for j in set_bits(mask)]
        earliest = min((d for d in dated if d is not None), default=None)
        result.append(
            Keystone(
                obligation=n,
                dependants=count,
                score=float(score),
                earliest_dependant_due=earliest.isoformat() if earliest else None,
                reasons=(
                    Msg("keystone-first", count=count, due=earliest)
                    if earliest
                    else Msg("keystone", count=count),
                ),
            )
        )
    result.sort(key=lambda k: (-k.score, k.earliest_dependant_due or "9999", k.obligation))
    return result[:top]


def reach_sets(p: nx.DiGraph) -> tuple[list[str], dict[str, int]]:
    """The topological order of a DAG and, per node, the bit set of itself and all it reaches.

    Bit *i* stands for the *i*-th node of the order.

    >>> reach_sets(nx.DiGraph([("a", "b"), ("b", "c")]))
    (['a', 'b', 'c'], {'c': 4, 'b': 6, 'a': 7})
    """
    order = list(nx.lexicographical_topological_sort(p))
    index = {n: i for i, n in enumerate(order)}
    reach: dict[str, int] = {}
    for n in reversed(order):
        bits = 1 << index[n]
        for s in p.successors(n):
            bits |= reach[s]
        reach[n] = bits
    return order, reach


def set_bits(mask: int) -> list[int]:
    """The positions of the bits set in `mask`, lowest first.

    >>> set_bits(0b10110)
    [1, 2, 4]
    """
    out = []
    while mask:
        low = mask & -mask
        out.append(low.bit_length() - 1)
        mask ^= low
    return out


def dependant_counts(p: nx.DiGraph) -> dict[str, int]:
    """How many nodes depend on each node, transitively (edges point prerequisite → dependant)."""
    order, reach = reach_sets(p)
    return {n: reach[n].bit_count() - 1 for n in order}
