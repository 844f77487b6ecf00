"""The site's parts, checked directly: page contexts, layout, pictures, Markdown, palette, labels.

Expectations for the minimal catalogue (tests/data/minimal) at 2026-11-28, worked out by hand:
act-a.inventory is due 2026-06-30 (overdue), act-b.connect 2026-10-17 (overdue), act-a.assess
and act-a.platform 2027-01-01. act-a.assess requires act-a.inventory; act-b.connect needs the
facility act-a.platform (rijk) and overlaps act-a.assess, so those two form package
pkg-act-a.assess, which gemeenten can start in 2027-Q1 (after inventory and platform in 2026-Q4).
"""

from __future__ import annotations

import datetime as dt
import io
import re
from functools import cache

import pytest

from planner.loading import load_catalogue
from planner.models import PLANNED_ROLES
from planner.site import catalogue_pages as cp
from planner.site import plan_pages as pp
from planner.site.catalogue_context import RelationRow
from planner.site.context import Link, Local
from planner.site.layout import layers
from planner.site.markdown import render_markdown, safe_url
from planner.site.refs import View
from planner.site.render import local, prose
from planner.site.search import search_page

from .conftest import MINIMAL

AS_OF = dt.date(2026, 11, 28)


@cache
def view(lang: str = "en", root: str = str(MINIMAL)) -> View:
    """A view of a catalogue's plan and analysis (made once per language and catalogue)."""
    from pathlib import Path

    from planner.analysis import analyse
    from planner.graph import build_graph
    from planner.organisation.model import State, StateEntry
    from planner.organisation.profile import Profile
    from planner.roadmap import build_plan

    cat = load_catalogue(Path(root))
    # every layer assessed every duty as not started: what is past due is known to be overdue
    assessed = tuple(
        Profile(
            lid,
            f"Org {lid}",
            states={
                o: StateEntry(state=State.NOT_STARTED)
                for o in cat.obligations
                if lid in cat.obligations[o].roles and cat.obligations[o].roles[lid] in PLANNED_ROLES
            },
        )
        for lid in cat.layers
    )
    plan = build_plan(cat, AS_OF, organisations=assessed)
    return View(plan, analyse(build_graph(cat), cat, AS_OF), lang)


# page contexts


def test_home_lists_what_is_due_next_soonest_first():
    page = pp.home_page(view())
    assert [(r.obligation.id, r.due) for r in page.due_next] == [
        ("act-a.assess", "2027-01-01"),
        ("act-a.platform", "2027-01-01"),
    ]
    assert [link.href for link in page.due_next[0].layers] == ["layers/rijk.html", "layers/gemeenten.html"]


def test_home_lists_what_is_overdue_latest_first_with_counts():
    page = pp.home_page(view())
    assert [(r.obligation.id, r.due) for r in page.overdue] == [
        ("act-b.connect", "2026-10-17"),
        ("act-a.inventory", "2026-06-30"),
    ]
    # inventory for rijk and gemeenten, connect for gemeenten
    assert (page.overdue_obligations, page.overdue_items) == (2, 3)


def test_home_lists_the_packages_and_counts_the_catalogue():
    page = pp.home_page(view())
    assert [(c.link.href, c.members, c.acts, c.due) for c in page.packages] == [
        ("packages/pkg-act-a.assess.html", 2, 2, "2026-10-17")
    ]
    assert (page.acts, page.obligations) == (2, 4)


def test_layer_page_has_the_roadmap_in_stages():
    page = pp.layer_page(view(), "gemeenten")
    assert [(s.id, [i.obligation.id for i in s.items]) for s in page.stages] == [
        ("2026-Q4", ["act-a.inventory"]),
        ("2027-Q1", ["act-b.connect", "act-a.assess"]),  # earliest due first
    ]
    assert [(c.key, c.count) for c in page.counts] == [
        ("planned", 1),
        ("at-risk", 0),
        ("overdue", 2),
        ("blocked", 0),
        ("unassessed", 0),
        ("deferred", 0),
        ("done", 0),
        ("in-place", 0),
        ("not-applicable", 0),
    ]


def test_layer_page_links_its_downloads_and_packages():
    page = pp.layer_page(view(), "gemeenten")
    assert [d.href for d in page.downloads] == [
        f"roadmaps/gemeenten.{f}" for f in ("md", "json", "csv", "xlsx", "ics")
    ]
    assert page.downloads[2].text == "Roadmap Municipalities as CSV (spreadsheet)"
    assert [c.link.href for c in page.packages] == ["packages/pkg-act-a.assess.html"]


def test_item_rows_carry_status_package_and_reasons():
    connect = pp.layer_page(view(), "gemeenten").stages[1].items[0]
    assert (connect.status, connect.due, connect.package and connect.package.href) == (
        "overdue",
        "2026-10-17",
        "packages/pkg-act-a.assess.html",
    )
    assert [(w.kind, w.obligation.id, w.layer) for w in connect.waits_on] == [
        ("needs-facility", "act-a.platform", "rijk")
    ]
    assert any("2026-10-17" in reason for reason in connect.reasons)  # why it is overdue


def test_government_page_lists_the_cross_layer_dependency():
    page = pp.government_page(view())
    assert [
        (
            d.facility.id,
            d.provider.href,
            d.provider_stage,
            d.waiting.id,
            d.waiting_layer.href,
            d.waiting_stage,
        )
        for d in page.cross_layer
    ] == [
        ("act-a.platform", "layers/rijk.html", "2026-Q4", "act-b.connect", "layers/gemeenten.html", "2027-Q1")
    ]
    assert page.stage_ids == ("2026-Q4", "2027-Q1")
    # rijk: inventory and platform in 2026-Q4, assess in 2027-Q1; gemeenten: inventory, then assess and connect
    assert [(row[0].href, row[1]) for row in page.matrix] == [
        ("layers/rijk.html", (2, 1)),
        ("layers/gemeenten.html", (1, 2)),
    ]


def test_obligation_page_lists_relations_both_ways():
    connect = cp.obligation_page(view(), "act-b.connect")
    assert [(r.kind, r.other.id, r.degree) for r in connect.relations] == [
        ("needs-facility", "act-a.platform", None),
        ("overlaps", "act-a.assess", "intersect"),
    ]
    platform = cp.obligation_page(view(), "act-a.platform")
    assert [(r.kind, r.other.id) for r in platform.relations] == [("facility-for", "act-b.connect")]
    inventory = cp.obligation_page(view(), "act-a.inventory")
    assert [(r.kind, r.other.id) for r in inventory.relations] == [("required-by", "act-a.assess")]


def test_obligation_page_knows_its_due_date_milestone_and_placements():
    page = cp.obligation_page(view(), "act-a.assess")
    assert (page.due, page.milestone) == (
        "2027-01-01",
        Link("acts/act-a.html#m-application", Local("application", "en")),
    )
    assert [(p.layer.href, p.stage, p.status) for p in page.placements] == [
        ("layers/rijk.html", "2027-Q1", "planned"),
        ("layers/gemeenten.html", "2027-Q1", "planned"),
    ]
    assert page.package == Link(
        "packages/pkg-act-a.assess.html", Local("Assess the risks (+1 related duty)", "en")
    )


def test_act_page_groups_obligations_per_layer_and_relations_per_act():
    page = cp.act_page(view(), "act-a")
    assert [m.id for m in page.milestones] == ["entry-into-force", "application"]
    assert [(g.layer.href, [(r.obligation.id, r.role) for r in g.rows]) for g in page.per_layer] == [
        (
            "layers/rijk.html",
            [("act-a.inventory", "addressee"), ("act-a.assess", "addressee"), ("act-a.platform", "provider")],
        ),
        ("layers/gemeenten.html", [("act-a.inventory", "addressee"), ("act-a.assess", "addressee")]),
    ]
    assert [(r.act.href, r.kind, [(a.id, b.id) for a, b in r.pairs]) for r in page.relations] == [
        ("acts/act-b.html", "facility-for", [("act-a.platform", "act-b.connect")]),
        ("acts/act-b.html", "overlaps", [("act-a.assess", "act-b.connect")]),
    ]


def test_act_page_links_eur_lex_in_the_page_language():
    assert cp.act_page(view("nl"), "act-a").eurlex == (
        "https://eur-lex.europa.eu/legal-content/NL/TXT/?uri=CELEX:32099R0001"
    )


def test_package_page_names_its_members_and_driver():
    page = cp.package_page(view(), "pkg-act-a.assess")
    assert [m.id for m in page.members] == ["act-a.assess", "act-b.connect"]
    assert page.driver is not None and page.driver.id == "act-b.connect"  # due first, 2026-10-17
    assert [(ref.id, r.other.id, r.degree) for ref, r in page.overlaps] == [
        ("act-a.assess", "act-b.connect", "intersect")
    ]


def test_theme_page_sums_relations_between_its_acts():
    page = cp.theme_page(view(), "data")
    # theme data: act-b.connect (its act has the theme) and act-a.platform (has it itself); the
    # overlap of connect with act-a.assess leaves the theme, so it is not counted
    assert [o.id for o in page.obligations] == ["act-a.platform", "act-b.connect"]
    assert [a.link.href for a in page.acts] == ["acts/act-a.html", "acts/act-b.html"]
    assert [(a.href, kind, b.href, n) for a, kind, b, n in page.act_relations] == [
        ("acts/act-a.html", "needs-facility", "acts/act-b.html", 1),
    ]


def test_analysis_page_has_chains_blockers_and_keystones():
    page = pp.analysis_page(view())
    # connect was due before as-of: 0 quarters left for a chain of 2, slack -2; assess has
    # 2026-Q4 and 2027-Q1 for its chain of 2, slack 0 (the page keeps the analysis's order)
    assert sorted(([r.id for r in c.chain], c.slack) for c in page.chains) == [
        (["act-a.inventory", "act-a.assess"], 0),
        (["act-a.platform", "act-b.connect"], -2),
    ]
    assert [c.target.id for c in page.chains] == [c.target for c in view().analysis.chains]
    assert [(b.facility.id, b.organisations) for b in page.blockers] == [("act-a.platform", 342)]
    # both unlock one urgent obligation; platform's is due first (2026-10-17)
    assert [(k.obligation.id, k.dependants, k.earliest) for k in page.keystones] == [
        ("act-a.platform", 1, "2026-10-17"),
        ("act-a.inventory", 1, "2027-01-01"),
    ]


def test_search_page_indexes_every_act_and_obligation():
    page = search_page(view())
    assert [(e.kind, e.id) for e in page.entries][:3] == [
        ("act", "act-a"),
        ("act", "act-b"),
        ("obligation", "act-a.inventory"),
    ]
    assert len(page.entries) == 6
    assert page.bundle == f"pagefind/{page.title.lang}/"


# language fallback


def test_text_missing_in_the_page_language_falls_back_visibly(catalogue_with, minimal):
    text = (
        (minimal / "act-a.yaml")
        .read_text()
        .replace(
            "title: {en: Provide the platform, nl: Lever het platform}", "title: {en: Provide the platform}"
        )
    )
    root = catalogue_with({"act-a.yaml": text})
    ref = view("nl", str(root)).ob("act-a.platform")
    assert ref.title == Local("Provide the platform", "en", fallback=True)
    assert str(local(ref.title)) == (
        '<span lang="en">Provide the platform</span> <span class="fallback" lang="en">(English)</span>'
    )


def test_text_in_the_page_language_is_plain():
    assert view("nl").ob("act-a.platform").title == Local("Lever het platform", "nl")
    assert str(local(Local("a < b", "nl"))) == "a &lt; b"


def test_fallback_prose_carries_its_language():
    from planner.site.context import Prose

    assert str(prose(Prose("<p>x</p>\n", "nl", fallback=True))) == (
        '<div class="prose" lang="nl"><p>x</p>\n<p class="fallback">(Nederlands)</p></div>'
    )


def test_relation_rationale_is_local_text():
    row = cp.relations_of(view("nl"), "act-a.assess")[0]
    assert row == RelationRow(
        "requires", view("nl").ob("act-a.inventory"), Local("Je beoordeelt wat je weet te hebben.", "nl")
    )


# layout


def test_layers_are_longest_paths():
    # a -> b -> d and a -> d: d sits after b, not next to a
    assert layers(["a", "b", "c", "d"], [("a", "b"), ("b", "d"), ("a", "d"), ("c", "d")]) == {
        "a": 0,
        "b": 1,
        "c": 0,
        "d": 2,
    }


def test_layers_of_an_empty_graph():
    assert layers([], []) == {}


# pictures


def _boxes(svg: str) -> list[tuple[float, float, float, float]]:
    return [
        tuple(float(v) for v in m.groups())  # type: ignore[misc]
        for m in re.finditer(
            r'<rect x="([\d.]+)" y="([\d.]+)" width="([\d.]+)" height="([\d.]+)" rx="4"', svg
        )
    ]


def _path_points(d: str) -> list[tuple[float, float]]:
    """Points along a path of M, C and H commands (20 per curve)."""
    tokens = re.findall(r"[MCH]|-?[\d.]+", d)
    points: list[tuple[float, float]] = []
    x = y = 0.0
    i = 0
    while i < len(tokens):
        cmd = tokens[i]
        if cmd == "M":
            x, y = float(tokens[i + 1]), float(tokens[i + 2])
            i += 3
        elif cmd == "H":
            x2 = float(tokens[i + 1])
            points += [(x + (x2 - x) * k / 20, y) for k in range(21)]
            x, i = x2, i + 2
        else:
            c = [float(v) for v in tokens[i + 1 : i + 7]]
            for k in range(21):
                t = k / 20
                bx = (1 - t) ** 3 * x + 3 * (1 - t) ** 2 * t * c[0] + 3 * (1 - t) * t**2 * c[2] + t**3 * c[4]
                by = (1 - t) ** 3 * y + 3 * (1 - t) ** 2 * t * c[1] + 3 * (1 - t) * t**2 * c[3] + t**3 * c[5]
                points.append((bx, by))
            x, y, i = c[4], c[5], i + 7
    return points


def test_graph_lines_never_cross_a_box():
    from planner.site import svg

    # columns: a | b c | d, with a long line a -> d past b and c, and an overlap within a column
    nodes = [svg.Node(n, n, n, None) for n in ("a", "b", "c", "d", "e")]
    edges = [
        svg.Edge("a", "b", "requires"),
        svg.Edge("b", "d", "requires"),
        svg.Edge("a", "d", "requires"),
        svg.Edge("a", "c", "needs-facility"),
        svg.Edge("c", "e", "overlaps"),
        svg.Edge("a", "e", "conflicts"),
    ]
    drawing = svg.graph(nodes, edges, ident="g", title="t", desc="d", legend={})
    boxes = _boxes(drawing)
    assert len(boxes) == 5
    for d in re.findall(r'<path d="(M[^"]+)" class="e-', drawing):
        for px, py in _path_points(d)[1:-1]:
            inside = [b for b in boxes if b[0] + 1 < px < b[0] + b[2] - 1 and b[1] + 1 < py < b[1] + b[3] - 1]
            assert not inside, (d, px, py)


def test_graph_has_title_description_and_role():
    from planner.site import svg

    drawing = svg.graph(
        [svg.Node("a", "A <b>", "a", "x.html")], [], ident="pic", title="T & t", desc="D", legend={}
    )
    assert drawing.startswith('<svg xmlns="http://www.w3.org/2000/svg" class="picture" id="pic" ')
    assert 'role="group" aria-labelledby="pic-title pic-desc"' in drawing  # it holds a link
    assert '<title id="pic-title">T &amp; t</title><desc id="pic-desc">D</desc>' in drawing
    assert "A &lt;b&gt;" in drawing and "<b>" not in drawing
    assert '<a href="x.html" tabindex="-1">' in drawing


def test_gantt_has_a_row_per_item_and_marks_due_dates():
    page = pp.layer_page(view(), "gemeenten")
    drawing = page.timeline.svg
    assert drawing.count('tabindex="-1"') == 3  # three items, each row a link
    # three due diamonds: inventory and connect are due before the first stage (drawn in the
    # "earlier" gutter with their year), assess inside 2027-Q1
    assert drawing.count('class="due"') == 3
    assert ">2026</text>" in drawing
    assert '<desc id="picture-timeline-desc">3 rows over 2 stages, from 2026-Q4 to 2027-Q1.</desc>' in drawing


def test_swimlanes_draw_the_cross_layer_wait_as_an_arrow():
    drawing = pp.government_page(view()).picture.svg
    assert drawing.count('marker-end="url(#picture-swimlanes-arrow-needs-facility)"') == 1
    assert "2 lanes over 2 stages, 1 arrows between lanes." in drawing


def test_same_picture_twice_gives_the_same_bytes():
    first = cp.act_page(view(), "act-a").picture
    second = cp.act_page(view(), "act-a").picture
    assert first is not None and second is not None and first.svg == second.svg


# markdown and links


@pytest.mark.parametrize(
    "url",
    [
        "javascript:alert(1)",
        "JavaScript:alert(1)",
        " javascript:alert(1)",
        "java\tscript:alert(1)",
        "data:text/html;base64,PHNjcmlwdD4=",
        "vbscript:msgbox(1)",
        "file:///etc/passwd",
        "relative/page.html",
        "//evil.example/x",
        "",
    ],
)
def test_unsafe_urls_are_refused(url):
    assert safe_url(url) is None


@pytest.mark.parametrize(
    "url", ["https://eur-lex.europa.eu/x", "http://example.org", "mailto:a@example.org", "#top"]
)
def test_safe_urls_are_kept(url):
    assert safe_url(url) == url


def test_markdown_keeps_a_refused_link_as_text():
    assert (
        render_markdown("[x](data:text/html,hi) [y](vbscript:z)")
        == "<p>[x](data:text/html,hi) [y](vbscript:z)</p>\n"
    )


def test_markdown_escapes_raw_html():
    assert render_markdown('<script>alert(1)</script> <a href="javascript:x">a</a>') == (
        "<p>&lt;script&gt;alert(1)&lt;/script&gt; &lt;a href=&quot;javascript:x&quot;&gt;a&lt;/a&gt;</p>\n"
    )


def test_markdown_does_not_show_images():
    assert "<img" not in render_markdown("![pixel](https://tracker.example/p.png)")


def test_markdown_leaves_template_syntax_alone():
    assert render_markdown("{{ 7*7 }} {% if x %}") == "<p>{{ 7*7 }} {% if x %}</p>\n"


# palette contrast (WCAG 2.1: 4.5:1 for text, 3:1 for graphics)


def _luminance(hex_colour: str) -> float:
    channels = [int(hex_colour[i : i + 2], 16) / 255 for i in (1, 3, 5)]
    linear = [c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4 for c in channels]
    return 0.2126 * linear[0] + 0.7152 * linear[1] + 0.0722 * linear[2]


def contrast(a: str, b: str) -> float:
    """WCAG contrast ratio of two sRGB colours."""
    la, lb = sorted((_luminance(a), _luminance(b)), reverse=True)
    return (la + 0.05) / (lb + 0.05)


def test_contrast_formula_matches_known_values():
    assert round(contrast("#000000", "#ffffff"), 1) == 21.0
    assert round(contrast("#777777", "#ffffff"), 2) == 4.48  # the classic just-too-light grey


@pytest.mark.parametrize("fg,bg", __import__("planner.site.palette", fromlist=["TEXT_PAIRS"]).TEXT_PAIRS)
def test_text_colours_have_enough_contrast(fg, bg):
    from planner.site.palette import COLOURS

    assert contrast(COLOURS[fg], COLOURS[bg]) >= 4.5


@pytest.mark.parametrize(
    "fg,bg", __import__("planner.site.palette", fromlist=["GRAPHIC_PAIRS"]).GRAPHIC_PAIRS
)
def test_graphic_colours_have_enough_contrast(fg, bg):
    from planner.site.palette import COLOURS

    assert contrast(COLOURS[fg], COLOURS[bg]) >= 3.0


def test_stylesheet_uses_only_palette_colours():
    from planner.site.palette import COLOURS
    from planner.site.render import environment

    css = environment().get_template("assets/site.css").render(c=COLOURS)
    used = set(re.findall(r"#[0-9a-fA-F]{3,6}\b", css))
    assert used and used <= set(COLOURS.values())


@pytest.mark.parametrize("module", ["svg", "timeline"])
def test_stylesheet_styles_every_class_of_the_pictures(module):
    import importlib

    from planner.site.palette import COLOURS
    from planner.site.render import environment

    css = environment().get_template("assets/site.css").render(c=COLOURS)
    classes = importlib.import_module(f"planner.site.{module}").CLASSES
    unstyled = [name for name in classes if not re.search(rf"\.picture \.{re.escape(name)}\b[^-]", css)]
    assert not unstyled


def test_pictures_use_only_classes_the_stylesheet_knows():
    from planner.site import svg, timeline

    drawings = [cp.act_page(view(), "act-a").picture, pp.layer_page(view(), "gemeenten").timeline]
    drawings.append(pp.government_page(view()).picture)
    used = {
        c
        for d in drawings
        if d is not None
        for attr in re.findall(r'class="([^"]+)"', d.svg)
        for c in attr.split()
    }
    assert used - {"picture"} <= set(svg.CLASSES) | set(timeline.CLASSES)
    assert "e-requires" in used and "due" in used  # the pictures do use them


def test_pictures_carry_no_colours_of_their_own_but_the_arrowheads():
    drawing = pp.government_page(view()).picture.svg
    without_markers = re.sub(r"<marker .*?</marker>", "", drawing)
    assert "fill=" not in without_markers and "stroke=" not in without_markers and "font-size" not in drawing


def test_stylesheet_shows_focus():
    from planner.site.palette import COLOURS
    from planner.site.render import environment

    css = environment().get_template("assets/site.css").render(c=COLOURS)
    assert ":focus-visible { outline: 3px solid" in css
    assert ".skip:focus { top: 0.5rem; }" in css


# labels


def test_both_languages_have_the_same_labels():
    from planner.site.i18n import LABELS, TERMS

    assert set(LABELS["nl"]) == set(LABELS["en"])
    for vocabulary in TERMS.values():
        assert set(vocabulary["nl"]) == set(vocabulary["en"])


# progress


class _Tty(io.StringIO):
    def isatty(self) -> bool:
        return True


def test_progress_draws_on_a_terminal(monkeypatch):
    from planner.site.progress import Progress

    monkeypatch.delenv("CI", raising=False)
    stream = _Tty()
    progress = Progress(stream)
    progress.start(2)
    progress.advance()
    progress.advance()
    assert "2/2" in stream.getvalue()


def test_progress_is_silent_in_ci(monkeypatch):
    from planner.site.progress import Progress

    monkeypatch.setenv("CI", "true")
    stream = _Tty()
    progress = Progress(stream)
    progress.start(2)
    progress.advance(2)
    progress.done()
    assert stream.getvalue() == ""


def test_progress_is_silent_when_not_a_terminal(monkeypatch):
    from planner.site.progress import Progress

    monkeypatch.delenv("CI", raising=False)
    stream = io.StringIO()
    progress = Progress(stream)
    progress.start(1)
    progress.advance()
    assert stream.getvalue() == ""
