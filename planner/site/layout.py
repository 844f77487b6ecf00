"""Where the boxes and lines of an interaction picture go, as Graphviz ``dot`` lays them out.

The engine is ``graphviz-pure`` (a dependency of planner: a self-contained port of Graphviz's
``dot`` that writes the same bytes on every platform). It is found where pip put it for the
running Python (its scripts folder, the interpreter's folder, the user scripts folder), then on
``PATH``. Nothing of the catalogue reaches it: nodes are ``n0``, ``n1``, ... and
edge labels are digits of the same length as the label, so the engine only ever sees sizes
and links; :mod:`planner.site.svg` draws the picture from the positions it returns.

Lines are oriented before layout so that the drawing is acyclic and prerequisites stay left
of what waits on them: a directed edge (prerequisite → dependant) goes from a lower
:func:`layers` step to a higher one; an undirected one (overlap, conflict) from the lower
(step, id) to the higher. Nodes without any line are chained by invisible edges into rows,
so a long list of unrelated boxes becomes a block instead of one endless column.
"""

from __future__ import annotations

import functools
import json
import math
import os
import shutil
import subprocess
import sys
import sysconfig
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path

import networkx as nx

from planner.errors import PlannerError

ENGINE = "graphviz-pure"
POINTS = 72.0
"""Graphviz works in points (inches at 72 per inch); one SVG user unit is one point here."""


class LayoutEngineMissing(PlannerError):
    """The layout engine is not installed."""

    def __init__(self) -> None:
        super().__init__(
            f"the layout engine {ENGINE!r} is not installed; it comes with planner "
            f"(pip install {ENGINE}), and the site's pictures need it"
        )


@dataclass(frozen=True)
class Link:
    """A line to lay out: from `source` to `target`; `directed` lines decide the steps."""

    source: str
    target: str
    directed: bool
    label: str = ""


@dataclass(frozen=True)
class Layout:
    """The engine's answer, in SVG coordinates (y down), for boxes of one size.

    Attributes:
        width, height: the size of the drawing (without margins).
        boxes: the top-left corner of each node's box.
        paths: per link (in the order given), the cubic Bézier points from its source to
            its target.
        labels: per link, where its label's centre goes (None without a label).
    """

    width: float
    height: float
    boxes: dict[str, tuple[float, float]]
    paths: tuple[tuple[tuple[float, float], ...], ...]
    labels: tuple[tuple[float, float] | None, ...]


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
    condensed = nx.condensation(g)
    members = condensed.graph["mapping"]
    comp_layer = {c: i for i, gen in enumerate(nx.topological_generations(condensed)) for c in gen}
    return {n: comp_layer[members[n]] for n in nodes}


def engine() -> str:
    """The path of the layout engine.

    Raises:
        LayoutEngineMissing: neither next to the running Python nor on ``PATH``.
    """
    user = f"{os.name}_user" if os.name == "nt" else "posix_user"  # pip install --user
    beside = [
        Path(sysconfig.get_path("scripts")),
        Path(sys.executable).parent,
        Path(sysconfig.get_path("scripts", user)),
    ]
    for folder in beside:
        for name in (ENGINE, f"{ENGINE}.exe"):
            if (folder / name).is_file():
                return str(folder / name)
    found = shutil.which(ENGINE)
    if found is None:
        raise LayoutEngineMissing()
    return found


def dot_source(nodes: Sequence[str], links: Sequence[Link], size: tuple[float, float]) -> str:
    """The DOT text given to the engine: numbered nodes of one size, oriented links.

    >>> print(dot_source(["a", "b"], [Link("b", "a", directed=False, label="12")], (144, 36)))
    digraph g {
    graph [rankdir=LR, nodesep=0.3, ranksep=0.7, splines=true];
    node [shape=box, fixedsize=true, width=2, height=0.5, label=""];
    edge [arrowhead=none];
    n0; n1;
    n0 -> n1 [id=e0, label="00"];
    }
    """
    index = {n: i for i, n in enumerate(nodes)}
    step = layers(nodes, [(lk.source, lk.target) for lk in links if lk.directed])
    lines = [
        "digraph g {",
        "graph [rankdir=LR, nodesep=0.3, ranksep=0.7, splines=true];",
        f'node [shape=box, fixedsize=true, width={_inch(size[0])}, height={_inch(size[1])}, label=""];',
        "edge [arrowhead=none];",
        " ".join(f"n{i};" for i in range(len(nodes))),
    ]
    degree = {n: 0 for n in nodes}
    for lk in links:
        degree[lk.source] += 1
        degree[lk.target] += 1
    for i, lk in enumerate(links):
        a, b = sorted((lk.source, lk.target), key=lambda n: (step[n], -degree[n], index[n]))
        label = f', label="{"0" * len(lk.label)}"' if lk.label else ""
        weight = ", weight=4" if lk.directed else ""
        lines.append(f"n{index[a]} -> n{index[b]} [id=e{i}{label}{weight}];")
    lines += _rows(nodes, links, index, step)
    lines.append("}")
    return "\n".join(lines)


def _inch(value: float) -> str:
    return f"{value / POINTS:.4f}".rstrip("0").rstrip(".")


def _rows(
    nodes: Sequence[str], links: Sequence[Link], index: dict[str, int], step: dict[str, int]
) -> list[str]:
    """Invisible edges that set the nodes without links in rows as wide as the picture."""
    linked = {n for lk in links for n in (lk.source, lk.target)}
    alone = [n for n in nodes if n not in linked]
    if len(alone) < 2:
        return []
    depth = max((step[n] for n in linked), default=0) + 1
    width = max(depth, math.ceil(math.sqrt(len(alone))))
    out = []
    for start in range(0, len(alone), width):
        row = [f"n{index[n]}" for n in alone[start : start + width]]
        if len(row) > 1:
            out.append(" -> ".join(row) + " [style=invis];")
    return out


def layout(nodes: Sequence[str], links: Sequence[Link], size: tuple[float, float]) -> Layout:
    """Boxes and lines for `nodes` and `links`, from the engine (cached per input).

    Args:
        nodes: node ids, each once.
        links: the lines between them.
        size: width and height of every box, in SVG units.

    Returns:
        The layout; paths run from each link's source to its target, whichever way the
        engine drew them.

    Raises:
        LayoutEngineMissing: the engine is not installed.
    """
    answer = json.loads(run_engine(dot_source(nodes, links, size)))
    left, bottom, right, top = (float(v) for v in answer["bb"].split(","))

    def point(text: str) -> tuple[float, float]:
        x, y = (float(v) for v in text.split(","))
        return x - left, top - y

    boxes = {}
    for obj in answer.get("objects", []):
        x, y = point(obj["pos"])
        boxes[nodes[int(obj["name"][1:])]] = (x - size[0] / 2, y - size[1] / 2)
    drawn = {e["id"]: e for e in answer.get("edges", []) if e.get("id", "").startswith("e")}
    paths, labels = [], []
    for i, lk in enumerate(links):
        edge = drawn[f"e{i}"]
        points = tuple(point(p) for p in edge["pos"].split())
        tail = nodes[int(answer["objects"][edge["tail"]]["name"][1:])]
        paths.append(points if tail == lk.source else points[::-1])
        labels.append(point(edge["lp"]) if lk.label and "lp" in edge else None)
    return Layout(right - left, top - bottom, boxes, tuple(paths), tuple(labels))


@functools.lru_cache(maxsize=256)
def run_engine(source: str) -> str:
    """The engine's JSON for `source` (the same picture in two languages is laid out once)."""
    done = subprocess.run(
        [engine(), "-Tjson0"], input=source, capture_output=True, text=True, check=False, timeout=120
    )
    if done.returncode != 0:
        raise PlannerError(f"the layout engine failed: {done.stderr.strip()[:300]}")
    return done.stdout
