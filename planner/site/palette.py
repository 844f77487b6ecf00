"""The site's colours, declared once: the stylesheet and the pictures both take them from here.

Every pair of a text colour and the background it is drawn on is listed in :data:`TEXT_PAIRS`
(WCAG 2.1 AA asks 4.5:1); lines and focus rings that carry meaning are in :data:`GRAPHIC_PAIRS`
(3:1). The tests compute both ratios from the sRGB values, so a colour change that breaks
contrast fails the build's tests, not a reader's eyes.
"""

from __future__ import annotations

COLOURS: dict[str, str] = {
    "text": "#1b1b1b",
    "muted": "#4a4a4a",
    "background": "#ffffff",
    "surface": "#f2f5f9",
    "border": "#6b7785",
    "link": "#0b4f8a",
    "header_bg": "#154273",
    "header_text": "#ffffff",
    "focus_bg": "#ffdd00",
    "focus_text": "#0b0c0c",
    "focus_ring": "#0b0c0c",
    "node": "#e8eef5",
    "bar_text": "#ffffff",
    "planned": "#1d5a96",
    "at-risk": "#8a4b00",
    "overdue": "#a4262c",
    "blocked": "#5c2d91",
    "done": "#256b2a",
    "unassessed": "#5a5a5a",
    "deferred": "#6b4f1d",
    "in-place": "#1f6b5c",
    "not-applicable": "#5f6b76",
    "requires": "#1b1b1b",
    "needs-facility": "#1d5a96",
    "overlaps": "#256b2a",
    "conflicts": "#a4262c",
    "due": "#1b1b1b",
    "heat-in-order": "#dcefdd",
    "heat-behind": "#f9dedf",
    "heat-open": "#fbeccf",
    "heat-not-applicable": "#eceff2",
    "heat-unassessed": "#e4e4e4",
}
"""Colour name → sRGB hex."""

STATUSES = (
    "planned",
    "at-risk",
    "overdue",
    "blocked",
    "unassessed",
    "deferred",
    "done",
    "in-place",
    "not-applicable",
)
"""Every status an item can have, in the order the site lists them (as in :mod:`planner.schedule`)."""

HEAT_GROUPS = ("in-order", "behind", "open", "not-applicable", "unassessed")
"""The groups of the status page's heat map (planner.site.status_pages.GROUPS): each tints a cell."""

TEXT_PAIRS: tuple[tuple[str, str], ...] = (
    ("text", "background"),
    ("muted", "background"),
    ("link", "background"),
    ("text", "surface"),
    ("muted", "surface"),
    ("link", "surface"),
    ("header_text", "header_bg"),
    ("focus_text", "focus_bg"),
    ("text", "node"),
    ("muted", "node"),
    ("link", "node"),
    *(("bar_text", status) for status in STATUSES),
    *((text, f"heat-{group}") for text in ("text", "link", "muted") for group in HEAT_GROUPS),
)
"""(text colour, background colour) pairs that occur on the site: each needs 4.5:1."""

GRAPHIC_PAIRS: tuple[tuple[str, str], ...] = (
    ("border", "background"),
    ("border", "surface"),
    ("focus_ring", "background"),
    ("focus_ring", "focus_bg"),
    ("requires", "background"),
    ("needs-facility", "background"),
    ("overlaps", "background"),
    ("conflicts", "background"),
    ("due", "background"),
    ("due", "surface"),
    *((status, "background") for status in STATUSES),
)
"""(graphic colour, background colour) pairs: lines, marks and focus rings need 3:1."""
