"""The built site as a reader (and a validator) meets it: golden pages, links, HTML, WCAG, escaping.

Sites are built in memory once per module: the minimal catalogue, the hostile one (catalogue
text full of markup, script links and template syntax) and the real catalogue.
"""

from __future__ import annotations

import datetime as dt
import importlib.util
import json
import os
import posixpath
import re
from html.parser import HTMLParser
from pathlib import Path

import pytest

from planner.loading import load_catalogue
from planner.site.build import BuildOptions, build_site

from .conftest import DATA, MINIMAL

AS_OF = dt.date(2026, 11, 28)
GOLDEN = Path(__file__).parent / "golden" / "site"
HOSTILE = DATA / "hostile"
REAL = Path(__file__).parent.parent / "regulations"
GOLDEN_PAGES = (
    "en/index.html",
    "nl/acts/act-a.html",
    "en/layers/gemeenten.html",
    "nl/obligations/act-b.connect.html",
)
VAGUE_LINK_TEXTS = {
    "click here",
    "here",
    "more",
    "read more",
    "link",
    "klik hier",
    "hier",
    "meer",
    "lees meer",
}
UNSAFE = re.compile(r"^\s*(javascript|data|vbscript):", re.IGNORECASE)


def build(root: Path, **options: object) -> dict[str, bytes]:
    """A site built in memory."""
    return build_site(load_catalogue(root), BuildOptions(AS_OF, **options))  # type: ignore[arg-type]


@pytest.fixture(scope="module")
def site() -> dict[str, bytes]:
    return build(MINIMAL)


@pytest.fixture(scope="module")
def hostile() -> dict[str, bytes]:
    return build(HOSTILE)


@pytest.fixture(scope="module")
def real() -> dict[str, bytes]:
    return build(REAL)


def pages(files: dict[str, bytes]) -> dict[str, str]:
    """The HTML pages of a site."""
    return {path: data.decode("utf-8") for path, data in files.items() if path.endswith(".html")}


class Page(HTMLParser):
    """What the checks need from one page, read with the standard library's parser."""

    def __init__(self, text: str) -> None:
        super().__init__(convert_charrefs=True)
        self.ids: list[str] = []
        self.links: list[tuple[str, str]] = []  # (tag, url)
        self.headings: list[int] = []
        self.tags: list[str] = []
        self.attrs: list[tuple[str, dict[str, str | None]]] = []
        self.link_texts: list[str] = []
        self.text: list[str] = []
        self.svgs: list[tuple[dict[str, str | None], list[str]]] = []
        self._open_links: list[list[str]] = []
        self._svg_children: list[str] | None = None
        self._svg_depth = 0
        self.svgs_with_links: set[int] = set()  # indices into svgs
        self.feed(text)

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        found = dict(attrs)
        self.tags.append(tag)
        self.attrs.append((tag, found))
        if found.get("id"):
            self.ids.append(found["id"] or "")
        for name in ("href", "src", "action"):
            if found.get(name) is not None:
                self.links.append((tag, found[name] or ""))
        if re.fullmatch(r"h[1-6]", tag):
            self.headings.append(int(tag[1]))
        if tag == "svg":
            self._svg_children = []
            self.svgs.append((found, self._svg_children))
        elif self._svg_children is not None:
            self._svg_depth += 1
            if self._svg_depth == 1:
                self._svg_children.append(tag)
            if tag == "a":
                self.svgs_with_links.add(len(self.svgs) - 1)
        if tag == "a":
            self._open_links.append([])

    def handle_endtag(self, tag: str) -> None:
        if tag == "svg":
            self._svg_children, self._svg_depth = None, 0
        elif self._svg_children is not None:
            self._svg_depth -= 1
        if tag == "a" and self._open_links:
            self.link_texts.append(" ".join("".join(self._open_links.pop()).split()))

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.handle_starttag(tag, attrs)
        if tag not in ("meta", "link", "input", "br"):
            self.handle_endtag(tag)

    def handle_data(self, data: str) -> None:
        self.text.append(data)
        for parts in self._open_links:
            parts.append(data)


def parsed(files: dict[str, bytes]) -> dict[str, Page]:
    return {path: Page(text) for path, text in pages(files).items()}


# golden pages


@pytest.mark.parametrize("path", GOLDEN_PAGES)
def test_page_matches_its_golden_file(site, path):
    golden = GOLDEN / path
    if os.environ.get("PLANNER_UPDATE_GOLDEN"):
        golden.parent.mkdir(parents=True, exist_ok=True)
        golden.write_bytes(site[path])
        pytest.skip(f"wrote {golden}: read it before committing")
    assert site[path].decode("utf-8") == golden.read_text(encoding="utf-8")


def test_the_minimal_site_has_every_page(site):
    expected = {
        "index.html",
        ".planner-site",
        ".planner-manifest.json",
        "assets/site.css",
        "assets/search.js",
        "assets/filter.js",
        *(
            f"{lang}/{page}"
            for lang in ("nl", "en")
            for page in (
                "index.html",
                "acts/index.html",
                "acts/act-a.html",
                "acts/act-b.html",
                "obligations/act-a.inventory.html",
                "obligations/act-a.assess.html",
                "obligations/act-a.platform.html",
                "obligations/act-b.connect.html",
                "layers/rijk.html",
                "layers/gemeenten.html",
                "government.html",
                "themes/index.html",
                "themes/security.html",
                "themes/data.html",
                "packages/pkg-act-a.assess.html",
                "analysis.html",
                "search.html",
                "house.html",
                "scenarios/delay-b.html",
                *(
                    f"roadmaps/{layer}.{fmt}"
                    for layer in ("all", "rijk", "gemeenten")
                    for fmt in ("md", "json", "csv", "xlsx", "ics")
                ),
            )
        ),
    }
    assert set(site) == expected


# links and HTML


def _check_links(files: dict[str, bytes]) -> list[str]:
    """Every internal link and anchor of a site, those that do not resolve."""
    found = parsed(files)
    broken = []
    for path, page in found.items():
        for tag, url in page.links:
            if re.match(r"^(https?:|mailto:)", url):
                continue
            target, _, fragment = url.partition("#")
            resolved = posixpath.normpath(posixpath.join(posixpath.dirname(path), target)) if target else path
            if resolved not in files:
                broken.append(f"{path}: <{tag}> {url} (no file {resolved})")
            elif fragment and fragment not in found[resolved].ids:
                broken.append(f"{path}: <{tag}> {url} (no id {fragment} in {resolved})")
    return broken


def test_every_internal_link_and_anchor_resolves(site):
    assert _check_links(site) == []


def test_every_internal_link_resolves_in_the_real_catalogue(real):
    assert _check_links(real) == []


def test_a_broken_link_is_found():
    files = {"a.html": b'<a href="b.html#x">b</a><a href="#nope">n</a>', "b.html": b'<p id="y">'}
    assert _check_links(files) == [
        "a.html: <a> b.html#x (no id x in b.html)",
        "a.html: <a> #nope (no id nope in a.html)",
    ]


def _strict_parse(text: str) -> list[str]:
    import html5lib

    parser = html5lib.HTMLParser(strict=True)
    try:
        parser.parse(text)
    except html5lib.html5parser.ParseError as exc:
        return [str(exc)]
    return []


def test_strict_parser_catches_a_broken_page():
    assert _strict_parse(
        "<!DOCTYPE html><html lang=en><head><title>x</title></head><body><p>a</div></body></html>"
    )


@pytest.mark.parametrize("which", ["site", "hostile"])
def test_html_parses_without_errors(which, request):
    files = request.getfixturevalue(which)
    errors = {path: _strict_parse(text) for path, text in pages(files).items()}
    assert {path: e for path, e in errors.items() if e} == {}


def test_one_page_of_each_kind_parses_in_the_real_catalogue(real):
    sample = [
        "nl/index.html",
        "en/acts/ai-act.html",
        "nl/obligations/ai-act.fria.html",
        "nl/layers/gemeenten.html",
        "en/government.html",
        "nl/themes/data.html",
        "nl/analysis.html",
        "en/search.html",
    ]
    # one package page, whichever package the real catalogue forms first
    sample.append(min(p for p in real if p.startswith("en/packages/")))
    assert {path: _strict_parse(real[path].decode()) for path in sample} == {path: [] for path in sample}


@pytest.mark.parametrize("which", ["site", "real"])
def test_ids_are_unique_on_every_page(which, request):
    for path, page in parsed(request.getfixturevalue(which)).items():
        assert len(page.ids) == len(set(page.ids)), path


# WCAG 2.1 AA, what a build can check


@pytest.mark.parametrize("which", ["site", "real"])
def test_every_page_has_one_h1_and_ordered_headings(which, request):
    for path, page in parsed(request.getfixturevalue(which)).items():
        assert page.headings[:1] == [1] and page.headings.count(1) == 1, path
        for before, after in zip(page.headings, page.headings[1:], strict=False):
            assert after <= before + 1, (path, page.headings)


@pytest.mark.parametrize("which", ["site", "real"])
def test_every_page_has_landmarks_a_skip_link_and_a_language(which, request):
    for path, text in pages(request.getfixturevalue(which)).items():
        page = Page(text)
        for landmark in ("header", "main", "footer"):
            assert page.tags.count(landmark) == 1, (path, landmark)
        assert "nav" in page.tags or path == "index.html", path
        assert page.links[1] == ("a", "#main") and page.link_texts[0] in (
            "Naar de inhoud",
            "Skip to the content",
        ), path
        assert 'id="main"' in text
        lang = path.split("/")[0] if "/" in path else "nl"
        assert text.startswith(f'<!DOCTYPE html>\n<html lang="{lang}">'), path


@pytest.mark.parametrize("which", ["site", "real"])
def test_links_have_meaningful_text(which, request):
    for path, page in parsed(request.getfixturevalue(which)).items():
        for text in page.link_texts:
            assert text and text.lower() not in VAGUE_LINK_TEXTS, (path, text)


@pytest.mark.parametrize("which", ["site", "real"])
def test_pictures_have_a_title_a_description_and_a_text_alternative(which, request):
    count = 0
    for path, page in parsed(request.getfixturevalue(which)).items():
        for index, (attrs, children) in enumerate(page.svgs):
            count += 1
            # an image with links inside is nested interactive content (axe-core nested-interactive)
            assert attrs.get("role") == ("group" if index in page.svgs_with_links else "img"), path
            title, desc = (attrs.get("aria-labelledby") or "").split()
            assert title in page.ids and desc in page.ids, path
            assert children[:2] == ["title", "desc"], path
        figures = sum(1 for tag, attrs in page.attrs if tag == "figcaption")
        assert figures == len(page.svgs), path
    assert count > 0


def test_navigation_marks_the_current_page(site):
    text = site["en/government.html"].decode()
    assert '<a href="government.html" aria-current="page">Whole government</a>' in text
    assert (
        '<a href="../government.html" aria-current="true">Whole government</a>'
        in site["en/layers/rijk.html"].decode()
    )


@pytest.mark.parametrize("lang", ["nl", "en"])
def test_reasons_are_the_roadmaps_in_the_page_language(site, lang):
    from planner.roadmap import build_plan, roadmap

    data = roadmap(build_plan(load_catalogue(MINIMAL), AS_OF), "gemeenten", lang)
    page = Page(site[f"{lang}/layers/gemeenten.html"].decode())
    for stage in data["stages"]:
        for item in stage["items"]:
            for reason in item["reasons"]:
                assert reason in page.text, reason


def test_language_switch_links_the_same_page(site):
    text = site["nl/acts/act-a.html"].decode()
    assert '<a href="../../en/acts/act-a.html" lang="en" hreflang="en">English</a>' in text


# languages and options


def test_one_language_builds_at_the_root_without_a_switch():
    files = build(MINIMAL, langs=("en",))
    assert "index.html" in files and "acts/act-a.html" in files
    assert not any(p.startswith(("nl/", "en/")) for p in files)
    text = files["acts/act-a.html"].decode()
    assert text.startswith('<!DOCTYPE html>\n<html lang="en">') and 'aria-label="Language"' not in text
    assert '<link rel="stylesheet" href="../assets/site.css">' in text


def test_base_url_gives_canonical_links_and_a_sitemap():
    files = build(MINIMAL, base_url="https://example.org/plan/")
    text = files["nl/acts/act-a.html"].decode()
    assert '<link rel="canonical" href="https://example.org/plan/nl/acts/act-a.html">' in text
    assert '<link rel="alternate" hreflang="en" href="https://example.org/plan/en/acts/act-a.html">' in text
    sitemap = files["sitemap.xml"].decode()
    assert "<loc>https://example.org/plan/en/obligations/act-b.connect.html</loc>" in sitemap
    assert sitemap.count("<loc>") == sum(1 for p in files if p.endswith(".html"))


def test_no_base_url_no_sitemap(site):
    assert "sitemap.xml" not in site
    assert b"canonical" not in site["en/index.html"]


@pytest.mark.parametrize("fmt", ["md", "json", "csv", "xlsx", "ics"])
def test_roadmap_downloads_are_the_roadmap_formats(site, fmt):
    if importlib.util.find_spec(f"planner.formats.{fmt}") is None and fmt != "json":
        pytest.skip(f"planner.formats.{fmt} is not written yet")
    from planner.formats import render_roadmap
    from planner.roadmap import build_plan
    from planner.view import build_view

    ctx = build_plan(load_catalogue(MINIMAL), AS_OF)
    expected = render_roadmap(fmt, build_view(ctx, "gemeenten", "nl"))
    assert site[f"nl/roadmaps/gemeenten.{fmt}"] == (
        expected if isinstance(expected, bytes) else expected.encode()
    )


def test_json_download_is_the_roadmap_contract(site):
    data = json.loads(site["en/roadmaps/all.json"])
    assert (data["layer"], data["as_of"], [s["id"] for s in data["stages"]]) == (
        "all",
        "2026-11-28",
        ["2026-Q4", "2027-Q1"],
    )


def test_search_page_lists_every_act_and_obligation(site):
    text = site["en/search.html"].decode()
    ids = re.findall(r'<li data-id="([^"]+)">', text)
    assert ids == ["act-a", "act-b", "act-a.inventory", "act-a.assess", "act-a.platform", "act-b.connect"]
    assert 'data-bundle="../pagefind/en/"' in text


def test_pages_work_without_javascript(site):
    scripts = [p for p, text in pages(site).items() if "<script src=" in text]
    assert sorted(scripts) == [
        "en/layers/gemeenten.html",
        "en/layers/rijk.html",
        "en/search.html",
        "nl/layers/gemeenten.html",
        "nl/layers/rijk.html",
        "nl/search.html",
    ]
    for path in scripts:  # what needs the script is hidden without it
        page = pages(site)[path]
        assert re.search(
            r'<form class="filters" id="filters" hidden|<fieldset [^>]*id="search-filters" hidden', page
        )


# hostile catalogue text shows up as text, never as markup


def test_no_catalogue_script_reaches_a_page(hostile):
    for path, page in parsed(hostile).items():
        for tag, attrs in page.attrs:
            if tag == "script":
                assert (attrs.get("src") or "").endswith(("assets/search.js", "assets/filter.js")), path
            handlers = [name for name in attrs if name.startswith("on")]
            assert not handlers, (path, tag, handlers)
        assert page.tags.count("script") <= 2, path


def test_no_unsafe_link_reaches_a_page(hostile):
    for path, page in parsed(hostile).items():
        for tag, url in page.links:
            assert not UNSAFE.match(url), (path, tag, url)


def test_catalogue_markup_shows_as_text(hostile):
    act = Page(hostile["en/acts/evil.html"].decode())
    text = "".join(act.text)
    assert "<script>alert('title')</script> Regulation" in text
    assert "Evil & <Act>" in text
    assert "</td></tr></table><script>alert('applies')</script>" in text
    assert "javascript:alert('eli')" not in text  # an unsafe ELI is not shown as a link, nor at all
    assert [tag for tag in act.tags if tag in ("b", "i", "em", "img")] == []


def test_template_syntax_shows_as_text(hostile):
    ob = "".join(Page(hostile["en/obligations/evil.second.html"].decode()).text)
    assert "Second }}{{ 7*7 }}{{" in ob
    theme = "".join(Page(hostile["en/themes/security.html"].decode()).text)
    assert "Security {{ config.__class__ }}" in theme
    assert "{{ lipsum.__globals__ }}" in "".join(
        Page(hostile["en/obligations/evil.first.html"].decode()).text
    )


def test_markdown_links_to_script_stay_text(hostile):
    text = hostile["en/obligations/evil.first.html"].decode()
    assert "[click](javascript:alert(&#x27;md&#x27;))" in text or "[click](javascript:alert('md'))" in text
    assert '<a href="https://example.org/ok">ok</a>' in hostile["en/acts/evil.html"].decode()


def test_svg_text_is_escaped(hostile):
    text = hostile["nl/acts/evil.html"].decode()
    assert "Tweede ]]&gt;&lt;/desc&gt;&lt;script&gt;alert(&#x27;svg&#x27;)&lt;/script&gt;" in text


# long pages: navigation, the backlog folded away


def test_findings_are_folded_away(real):
    for path in ("en/government.html", "en/layers/gemeenten.html"):
        text = real[path].decode()
        findings = text[text.index('<h2 id="findings">') :]
        assert re.search(r'<details class="backlog">\n<summary>Show \d+ findings?</summary>', findings), path


def test_overdue_and_unassessed_items_of_a_layer_sit_in_a_folded_box(real):
    text = real["en/layers/gemeenten.html"].decode()
    rows = list(re.finditer(r'<tr data-status="(overdue|unassessed)"', text))
    assert rows
    for row in rows:
        before = text[: row.start()]
        assert before.rfind("<details") > before.rfind("</details>")


def test_a_layer_page_lists_its_stages_on_top(site):
    text = site["en/layers/gemeenten.html"].decode()
    toc = text[text.index('<nav class="toc"') : text.index("</nav>", text.index('<nav class="toc"'))]
    stages = re.findall(r'<h3 id="(stage-[^"]+)"', text)
    assert stages and all(f'href="#{stage}"' in toc for stage in stages)


def test_every_status_has_a_colour_in_the_stylesheet(site):
    from planner.site.palette import STATUSES

    css = site["assets/site.css"].decode()
    for status in STATUSES:
        assert f".status-{status} {{ background: #" in css, status
