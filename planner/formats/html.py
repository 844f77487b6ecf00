"""The roadmap as one self-contained HTML page (inline CSS, no scripts, nothing fetched).

The page says what the Markdown roadmap says (both render :class:`planner.formats.digest.Digest`).
Catalogue text is untrusted: the template is rendered with autoescape on and nothing in it
is marked safe, so every title, name and reason reaches the page as text.
"""

from __future__ import annotations

from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING, Any

from planner.formats.digest import digest
from planner.formats.labels import STAGE_SIZE, STATUS, text
from planner.roadmap import PlanContext

if TYPE_CHECKING:
    import jinja2

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


def render(data: dict[str, Any], ctx: PlanContext, lang: str) -> str:
    """The roadmap as an HTML page.

    Args:
        data: the dict of :func:`planner.roadmap.roadmap`.
        ctx: the plan it was cut from.
        lang: ``nl`` or ``en``: the fixed words and the page's ``lang`` attribute.

    Returns:
        HTML text ending in one newline.
    """
    d = digest(data, ctx, lang, "html")

    def t(key: str, **values: Any) -> str:
        return text(lang, key, **values)

    page = (
        environment()
        .get_template(TEMPLATE)
        .render(
            d=d,
            t=t,
            status_label=STATUS[lang],
            stage_size=STAGE_SIZE[lang].get(d.stage_size, d.stage_size),
            waiting=len({(w.obligation, w.layer) for w in d.waits}),
        )
    )
    return page.rstrip("\n") + "\n"
