"""Inline SVG, drawn at build time: the picture frame and the interaction graph.

Pictures are plain strings of SVG with every piece of text escaped here; they need no script,
no network and no system binary. Each has a ``<title>`` and ``<desc>`` named by
``aria-labelledby``, and is one named group to assistive technology (``role="group"``; not
``img``, whose children are presentational, so the node links inside would be nested
interactive content): the same information is on the page as text, which the caption points to. Node links are for pointer
users and are kept out of the tab order (``tabindex="-1"``); keyboard users follow the text.
Colours come from :mod:`planner.site.palette`; numbers are written with at most one decimal
so the same picture gives the same bytes.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from html import escape

from planner.site.layout import layout
from planner.site.palette import COLOURS

FONT = "system-ui, -apple-system, 'Segoe UI', Roboto, Arial, sans-serif"
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
    """An SVG root element: accessible name and description first, then `body`."""
    return "".join(
        [
            f'<svg xmlns="http://www.w3.org/2000/svg" class="picture" id="{esc(ident)}" '
            f'viewBox="0 0 {num(width)} {num(height)}" width="{num(width)}" height="{num(height)}" '
            f'role="group" aria-labelledby="{esc(ident)}-title {esc(ident)}-desc" '
            f'font-family="{esc(FONT)}" font-size="12">',
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


EDGE_STYLE = {
    "requires": 'stroke-width="1.6"',
    "needs-facility": 'stroke-width="1.6" stroke-dasharray="6 3"',
    "overlaps": 'stroke-width="2" stroke-dasharray="2 3"',
    "conflicts": 'stroke-width="2.4" stroke-dasharray="8 3 2 3"',
}
"""Each edge kind differs in dash pattern as well as colour, so colour is not the only cue."""
DIRECTED = ("requires", "needs-facility")


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


NODE_W, NODE_H, COL_GAP, ROW_GAP, MARGIN = 220.0, 60.0, 84.0, 18.0, 16.0


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
    group: dict[str, str] | None = None,
) -> str:
    """The interaction picture: boxes in layers, prerequisites left to right.

    Lines never cross a box: a line between neighbouring columns is a curve inside the gap
    between them; a longer one runs along the channel between two rows; a line within one
    column is an arc in the gap to its right. Boxes of other acts (``external``) that only
    overlap or conflict go to the last columns.

    Args:
        nodes: the boxes.
        edges: the lines; ``requires`` and ``needs-facility`` decide the columns.
        ident: an id unique in the page (prefixes every id inside the picture).
        title, desc: the picture's accessible name and description.
        legend: edge kind → label for the kinds to explain, and ``external`` → label for
            the dashed boxes.
        group: a rank per node that orders each column first (own act before others).

    Returns:
        SVG markup.
    """
    ids = [n.id for n in nodes]
    precedence = [(e.source, e.target) for e in edges if e.kind in DIRECTED]
    links = [(e.source, e.target) for e in edges if e.kind not in DIRECTED]
    placed = layout(ids, precedence, links, group=group, tail=[n.id for n in nodes if n.external])
    kinds = [k for k in EDGE_STYLE if any(e.kind == k for e in edges)]
    if any(n.external for n in nodes) and "external" in legend:
        kinds.append("external")
    width = max(480.0, 2 * MARGIN + placed.columns * (NODE_W + COL_GAP))
    top = 2 * MARGIN + placed.rows * NODE_H + max(0, placed.rows - 1) * ROW_GAP
    key, key_h = _legend(ident, kinds, legend, MARGIN, top, width - 2 * MARGIN) if kinds else ("", 0.0)
    height = top + key_h
    body = [f"<defs>{''.join(arrow_marker(ident, k) for k in DIRECTED)}</defs>"]
    for index, edge in enumerate(edges):
        body.append(_edge(ident, edge, placed.position[edge.source], placed.position[edge.target], index))
    for node in nodes:
        body.append(_node(node, *_corner(*placed.position[node.id])))
    body.append(key)
    return frame(ident, width, height, title, desc, body)


def _corner(col: int, row: int) -> tuple[float, float]:
    return MARGIN + col * (NODE_W + COL_GAP), MARGIN + row * (NODE_H + ROW_GAP)


def _edge(ident: str, edge: Edge, a: tuple[int, int], b: tuple[int, int], index: int) -> str:
    if b[0] < a[0]:  # undirected lines run left to right; precedence always does
        a, b = b, a
    (ax, ay), (bx, by) = _corner(*a), _corner(*b)
    y1, y2 = ay + NODE_H / 2, by + NODE_H / 2
    x1 = ax + NODE_W
    if a[0] == b[0]:  # same column: an arc inside the gap to the right
        bulge = min(COL_GAP * 0.7, 18 + abs(y2 - y1) * 0.08)
        d = f"M{num(x1)} {num(y1)}C{num(x1 + bulge)} {num(y1)} {num(x1 + bulge)} {num(y2)} {num(x1)} {num(y2)}"
        mid = (x1 + bulge * 0.75 + 4, (y1 + y2) / 2)
    elif b[0] == a[0] + 1:  # neighbouring columns: a curve inside the gap between them
        dx = (bx - x1) / 2
        d = f"M{num(x1)} {num(y1)}C{num(x1 + dx)} {num(y1)} {num(bx - dx)} {num(y2)} {num(bx)} {num(y2)}"
        mid = ((x1 + bx) / 2, (y1 + y2) / 2 - 4)
    else:  # into the channel between two rows, along it, and out again before the target
        row = b[1] if b[1] >= a[1] else b[1] + 1
        channel = MARGIN + row * (NODE_H + ROW_GAP) - ROW_GAP / 2 + ((index % 3) - 1) * 3
        g = COL_GAP
        d = (
            f"M{num(x1)} {num(y1)}C{num(x1 + g / 2)} {num(y1)} {num(x1 + g / 2)} {num(channel)} {num(x1 + g)} {num(channel)}"
            f"H{num(bx - g)}C{num(bx - g / 2)} {num(channel)} {num(bx - g / 2)} {num(y2)} {num(bx)} {num(y2)}"
        )
        mid = ((x1 + bx) / 2, channel - 3)
    marker = f' marker-end="url(#{esc(ident)}-arrow-{edge.kind})"' if edge.kind in DIRECTED else ""
    # read as the catalogue writes it: the dependant requires (or needs) its prerequisite
    said = (edge.target, edge.source) if edge.kind in DIRECTED else (edge.source, edge.target)
    out = (
        f'<path d="{d}" fill="none" stroke="{COLOURS[edge.kind]}" {EDGE_STYLE[edge.kind]}{marker}>'
        f"<title>{esc(said[0])} {esc(edge.kind)} {esc(said[1])}</title></path>"
    )
    if edge.label:
        out += (
            f'<text x="{num(mid[0])}" y="{num(mid[1])}" text-anchor="middle" font-size="11" '
            f'fill="{COLOURS["text"]}" stroke="{COLOURS["background"]}" stroke-width="3" '
            f'paint-order="stroke">{esc(edge.label)}</text>'
        )
    return out


def _node(node: Node, x: float, y: float) -> str:
    fill = COLOURS["background"] if node.external else COLOURS["node"]
    dash = ' stroke-dasharray="4 3"' if node.external else ""
    lines = wrap(node.label, NODE_W - 16, 13)
    parts = [
        f'<rect x="{num(x)}" y="{num(y)}" width="{num(NODE_W)}" height="{num(NODE_H)}" rx="4" '
        f'fill="{fill}" stroke="{COLOURS["border"]}"{dash}/>',
        *(
            f'<text x="{num(x + 8)}" y="{num(y + 17 + i * 16)}" font-size="13" fill="{COLOURS["text"]}">{esc(line)}</text>'
            for i, line in enumerate(lines)
        ),
        f'<text x="{num(x + 8)}" y="{num(y + NODE_H - 7)}" font-size="11" fill="{COLOURS["muted"]}">'
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
            sample = (
                f'<rect x="{num(x)}" y="{num(y)}" width="34" height="16" rx="3" fill="{COLOURS["background"]}" '
                f'stroke="{COLOURS["border"]}" stroke-dasharray="4 3"/>'
            )
        else:
            marker = f' marker-end="url(#{esc(ident)}-arrow-{kind})"' if kind in DIRECTED else ""
            sample = (
                f'<path d="M{num(x)} {num(y + 8)}H{num(x + 34)}" fill="none" stroke="{COLOURS[kind]}" '
                f"{EDGE_STYLE[kind]}{marker}/>"
            )
        out.append(
            sample + f'<text x="{num(x + 42)}" y="{num(y + 12)}" font-size="12" fill="{COLOURS["text"]}">'
            f"{esc(label)}</text>"
        )
        x += item_w + 12
    out.append("</g>")
    return "".join(out), y - y0 + 30
