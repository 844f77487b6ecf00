"""The roadmap as one self-contained HTML page (inline CSS, no scripts, nothing fetched).

The page says what the Markdown roadmap says (both render :class:`planner.view.summary.Summary`).
Catalogue text is untrusted: the template is rendered with autoescape on and nothing in it
is marked safe, so every title, name and reason reaches the page as text.
"""

from __future__ import annotations

from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING, Any

from planner.formats.labels import (
    FINDING,
    STAGE_SIZE,
    STATUS,
    board_filtered,
    occurrence_note,
    over_stage,
    recurring_years,
    text,
)
from planner.i18n import format_number
from planner.view.board import board
from planner.view.summary import summarise

if TYPE_CHECKING:
    import jinja2

    from planner.view import RoadmapView

TEMPLATE = "roadmap.html.j2"


def template_dir() -> Path:
    """`templates/roadmap/`: bundled with an installed package, else the checkout's copy."""
    here = Path(__file__).resolve().parent.parent
    packed = here / "_bundled" / "templates" / "roadmap"
    return packed if packed.is_dir() else here.parent / "templates" / "roadmap"


@cache
def environment() -> jinja2.Environment:
    """The Jinja environment of the roadmap page: autoescape on, undefined names are errors."""
    import jinja2

    return jinja2.Environment(
        loader=jinja2.FileSystemLoader(template_dir()),
        autoescape=True,
        undefined=jinja2.StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
    )


def render(view: RoadmapView) -> str:
    """The roadmap view as an HTML page (its ``lang`` attribute the view's language), ending in a newline."""
    d = summarise(view)
    lang = view.lang

    def t(key: str, **values: Any) -> str:
        return text(lang, key, **values)

    page = (
        environment()
        .get_template(TEMPLATE)
        .render(
            d=d,
            v=view,
            b=None if view.is_all else board(view),
            t=t,
            command=view.command("html"),
            status_label=STATUS[lang],
            occurrence_note=lambda o: occurrence_note(lang, o),
            board_filtered=lambda b: board_filtered(lang, b),
            over_stages=lambda loads: ", ".join(over_stage(lang, s) for s in loads),
            recurring_years=lambda years: recurring_years(lang, years),
            number=lambda value: format_number(value, lang),
            finding_label=FINDING[lang],
            stage_size=STAGE_SIZE[lang].get(view.stage_size, view.stage_size),
            waiting=len({(w.item.obligation, w.item.layer) for w in d.waits}),
        )
    )
    return page.rstrip("\n") + "\n"
