"""Inline SVG, drawn at build time: the picture frame and the interaction graph.

Pictures are plain strings of SVG with every piece of text escaped here; they need no script
and no network. The interaction graph is laid out by Graphviz ``dot`` (:mod:`planner.site.layout`),
which sees node numbers and sizes only. Each picture has a ``<title>`` and ``<desc>`` named by
``aria-labelledby``. A picture without links is one image to assistive technology
(``role="img"``); one with links is a ``role="group"``, since an image's content is
presentational and links inside it would be nested interactive content (axe-core
``nested-interactive``). A link is named by its visible text (no ``aria-label`` that would
differ from it: axe-core ``label-content-name-mismatch``). The same information is on the
page as text, which the caption points to. Node links are for pointer users and are kept out of
the tab order (``tabindex="-1"``); keyboard users follow the text.
Colours come from :mod:`planner.site.palette`; numbers are written with at most one decimal
so the same picture gives the same bytes.

How a part looks (colour, line width and dashes, font size, text alignment) is not written on
each element but named by a class whose rules sit in the site's one stylesheet
(``templates/site/assets/site.css``, the section on pictures), which every page already links:
a page with a picture of 500 boxes would otherwise repeat the same few attribute sets 500
times. Only geometry and text stay in the picture. :data:`CLASSES` lists every class a picture
may use; a test checks that the stylesheet has a rule for each.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from html import escape

from planner.site.layout import Link, layout
from planner.site.palette import COLOURS

CHAR_WIDTH = 0.56
"""Average glyph width in em of a sans-serif face, to shorten labels that would not fit."""


def num(value: float) -> str:
    """A coordinate as short, stable text.

    >>> num(3.0), num(2.25), num(-0.04)
    ('3', '2.2', '0')
    """
    text = f"{value:.1f}".rstrip("0").rstrip(".")
    return "0" if text in ("-0", "") else text


def esc(text: object) -> str:
    """Text escaped for SVG content and attribute values."""
    return escape(str(text), quote=True)


def fit(text: str, width: float, size: float) -> str:
    """`text` shortened with an ellipsis to fit `width` pixels at font `size`.

    >>> fit("Fundamental rights impact assessment", 120, 12)
    'Fundamental righ…'
    >>> fit("short", 120, 12)
    'short'
    """
    limit = max(1, int(width / (size * CHAR_WIDTH)))
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"


def frame(ident: str, width: float, height: float, title: str, desc: str, body: Sequence[str]) -> str:
    """An SVG root element: accessible name and description first, then `body`.

    The root is ``role="img"`` unless `body` holds a link, then ``role="group"``.

    >>> 'role="img"' in frame("p", 10, 10, "T", "D", ["<g/>"])
    True
    >>> 'role="group"' in frame("p", 10, 10, "T", "D", ['<a href="x.html">x</a>'])
    True
    """
    role = "group" if any("<a " in part for part in body) else "img"
    return "".join(
        [
            f'<svg xmlns="http://www.w3.org/2000/svg" class="picture" id="{esc(ident)}" '
            f'viewBox="0 0 {num(width)} {num(height)}" width="{num(width)}" height="{num(height)}" '
            f'role="{role}" aria-labelledby="{esc(ident)}-title {esc(ident)}-desc">',
            f'<title id="{esc(ident)}-title">{esc(title)}</title>',
            f'<desc id="{esc(ident)}-desc">{esc(desc)}</desc>',
            *body,
            "</svg>",
        ]
    )


def arrow_marker(ident: str, kind: str) -> str:
    """A `<marker>` arrowhead in the colour of an edge kind, with a picture-unique id."""
    return (
        f'<marker id="{esc(ident)}-arrow-{kind}" viewBox="0 0 10 10" refX="9" refY="5" '
        'markerWidth="7" markerHeight="7" orient="auto-start-reverse">'
        f'<path d="M0 0L10 5L0 10z" fill="{COLOURS[kind]}"/></marker>'
    )


EDGE_KINDS = ("requires", "needs-facility", "overlaps", "conflicts")
"""The edge kinds, each drawn by class ``e-KIND``: it differs in dash pattern as well as colour
(see the stylesheet), so colour is not the only cue."""
DIRECTED = ("requires", "needs-facility")
CLASSES = (
    *(f"e-{kind}" for kind in EDGE_KINDS),
    "el",  # an edge's label, on a halo of the background
    "nb",  # a box
    "nx",  # a box outside the picture's subject (dashed, no fill)
    "nt",  # a box's title
    "ns",  # a box's second line
)
"""The classes the interaction pictures use (the stylesheet styles them)."""


@dataclass(frozen=True)
class Node:
    """A box in an interaction picture."""

    id: str
    label: str
    sublabel: str
    href: str | None
    external: bool = False


@dataclass(frozen=True)
class Edge:
    """A line between two boxes; directed kinds point from prerequisite to dependant."""

    source: str
    target: str
    kind: str
    label: str = ""


NODE_W, NODE_H, MARGIN = 220.0, 60.0, 16.0


def wrap(text: str, width: float, size: float, lines: int = 2) -> list[str]:
    """`text` broken into at most `lines` lines that fit `width`, the last shortened if needed.

    >>> wrap("Fundamental rights impact assessment before deploying high-risk AI", 150, 12)
    ['Fundamental rights', 'impact assessment bef…']
    """
    limit = max(1, int(width / (size * CHAR_WIDTH)))
    out: list[str] = []
    words = text.split()
    while words and len(out) < lines:
        line = words.pop(0)
        while words and len(line) + 1 + len(words[0]) <= limit:
            line += " " + words.pop(0)
        out.append(line)
    if words:
        out[-1] = out[-1] + " " + " ".join(words)
    return [fit(line, width, size) for line in out]


def graph(
    nodes: Sequence[Node],
    edges: Sequence[Edge],
    *,
    ident: str,
    title: str,
    desc: str,
    legend: dict[str, str],
) -> str:
    """The interaction picture, laid out by Graphviz ``dot``: prerequisites left to right.

    The engine (:func:`planner.site.layout.layout`) places the boxes and routes the lines
    around them; this function only draws what it returns, so every piece of text in the
    picture is escaped here and none of it passed through the engine.

    Args:
        nodes: the boxes.
        edges: the lines; ``requires`` and ``needs-facility`` decide the columns.
        ident: an id unique in the page (prefixes every id inside the picture).
        title, desc: the picture's accessible name and description.
        legend: edge kind → label for the kinds to explain, and ``external`` → label for
            the dashed boxes.

    Returns:
        SVG markup.

    Raises:
        LayoutEngineMissing: the engine is not installed.
    """
    links = [Link(e.source, e.target, e.kind in DIRECTED, e.label) for e in edges]
    placed = layout([n.id for n in nodes], links, (NODE_W, NODE_H))
    kinds = [k for k in EDGE_KINDS if any(e.kind == k for e in edges)]
    if any(n.external for n in nodes) and "external" in legend:
        kinds.append("external")
    width = max(480.0, 2 * MARGIN + placed.width)
    top = 2 * MARGIN + placed.height
    key, key_h = _legend(ident, kinds, legend, MARGIN, top, width - 2 * MARGIN) if kinds else ("", 0.0)
    body = [f"<defs>{''.join(arrow_marker(ident, k) for k in DIRECTED)}</defs>"]
    for edge, points, at in zip(edges, placed.paths, placed.labels, strict=True):
        body.append(_edge(ident, edge, [(x + MARGIN, y + MARGIN) for x, y in points], at))
    for node in nodes:
        x, y = placed.boxes[node.id]
        body.append(_node(node, x + MARGIN, y + MARGIN))
    body.append(key)
    return frame(ident, width, top + key_h, title, desc, body)


def _edge(ident: str, edge: Edge, points: list[tuple[float, float]], at: tuple[float, float] | None) -> str:
    """One line along the engine's cubic Bézier points, with its label where the engine put it."""
    (x0, y0), rest = points[0], points[1:]
    d = f"M{num(x0)} {num(y0)}" + "".join(
        "C" + " ".join(f"{num(x)} {num(y)}" for x, y in rest[i : i + 3]) for i in range(0, len(rest), 3)
    )
    marker = f' marker-end="url(#{esc(ident)}-arrow-{edge.kind})"' if edge.kind in DIRECTED else ""
    # read as the catalogue writes it: the dependant requires (or needs) its prerequisite
    said = (edge.target, edge.source) if edge.kind in DIRECTED else (edge.source, edge.target)
    out = (
        f'<path d="{d}" class="e-{edge.kind}"{marker}>'
        f"<title>{esc(said[0])} {esc(edge.kind)} {esc(said[1])}</title></path>"
    )
    if edge.label and at is not None:
        out += f'<text x="{num(at[0] + MARGIN)}" y="{num(at[1] + MARGIN + 4)}" class="el">{esc(edge.label)}</text>'
    return out


def _node(node: Node, x: float, y: float) -> str:
    box = "nb nx" if node.external else "nb"
    lines = wrap(node.label, NODE_W - 16, 13)
    parts = [
        f'<rect x="{num(x)}" y="{num(y)}" width="{num(NODE_W)}" height="{num(NODE_H)}" rx="4" class="{box}"/>',
        *(
            f'<text x="{num(x + 8)}" y="{num(y + 17 + i * 16)}" class="nt">{esc(line)}</text>'
            for i, line in enumerate(lines)
        ),
        f'<text x="{num(x + 8)}" y="{num(y + NODE_H - 7)}" class="ns">'
        f"{esc(fit(node.sublabel, NODE_W - 16, 11))}</text>",
        f"<title>{esc(node.label)} ({esc(node.sublabel)})</title>",
    ]
    inner = "".join(parts)
    if node.href:
        return f'<a href="{esc(node.href)}" tabindex="-1">{inner}</a>'
    return f"<g>{inner}</g>"


def _legend(
    ident: str, kinds: list[str], labels: dict[str, str], x0: float, y0: float, width: float
) -> tuple[str, float]:
    """The legend, wrapped into rows that fit `width`; returns the markup and its height."""
    out = [f'<g id="{esc(ident)}-legend">']
    x, y = x0, y0
    for kind in kinds:
        label = labels.get(kind, kind)
        item_w = 52 + len(label) * 12 * CHAR_WIDTH
        if x > x0 and x + item_w > x0 + width:
            x, y = x0, y + 22
        if kind == "external":
            sample = f'<rect x="{num(x)}" y="{num(y)}" width="34" height="16" rx="3" class="nb nx"/>'
        else:
            marker = f' marker-end="url(#{esc(ident)}-arrow-{kind})"' if kind in DIRECTED else ""
            sample = f'<path d="M{num(x)} {num(y + 8)}H{num(x + 34)}" class="e-{kind}"{marker}/>'
        out.append(sample + f'<text x="{num(x + 42)}" y="{num(y + 12)}">{esc(label)}</text>')
        x += item_w + 12
    out.append("</g>")
    return "".join(out), y - y0 + 30
