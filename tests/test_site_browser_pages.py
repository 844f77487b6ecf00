"""Every page type in headless Chromium at desktop and phone width: fit, accessibility, filters, search.

* Width: at 390 CSS pixels (a phone) no page may be wider than the screen; data tables scroll
  in their own box or become cards.
* Accessibility: axe-core (the npm package ``axe-core`` 4.x, which ``.ci/run`` installs into
  ``.ci-node/``; or any ``axe.min.js`` named by ``$AXE_CORE_JS``) finds no violation of the
  WCAG 2.0/2.1 A and AA rules, at 1280 and 390 pixels. Without it the test is skipped, except
  in CI, where it must run.
* The layer page's filters, and the Pagefind search served over HTTP from 127.0.0.1.

Screenshots of a layer page at both widths go to ``test-artifacts/`` for a person to look at.
"""

from __future__ import annotations

import functools
import os
import threading
import time
from collections.abc import Iterator
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any

import pytest

from planner.loading import load_catalogue
from planner.site import search_index
from planner.site.build import BuildOptions, build_site
from planner.site.writer import write_site

from .test_site_browser import ARTIFACTS, AS_OF, REPO, Browser, chromium

pytestmark = pytest.mark.browser

PAGES = {
    "languages": "index.html",
    "home": "nl/index.html",
    "acts": "nl/acts/index.html",
    "act": "nl/acts/ai-act.html",
    "obligation": "nl/obligations/ai-act.fria.html",
    "themes": "nl/themes/index.html",
    "theme": "nl/themes/ai-algorithms.html",
    "layer": "nl/layers/gemeenten.html",
    "layer-en": "en/layers/rijk.html",
    "government": "nl/government.html",
    "analysis": "nl/analysis.html",
    "package": "nl/packages/pkg-ai-act.deployer-obligations.html",
    "search": "nl/search.html",
    "house": "nl/house.html",
    "scenario": "nl/scenarios/nl-wallet-12-months-late.html",
    "organisation": "nl/organisations/gemeente-voorbeeld.html",
    "status": "nl/status.html",
    "status-en": "en/status.html",
}
"""One page of each type (and the longest pages) of the real catalogue's site, built with the
example organisation files (a page each, and the status page over the folder)."""
EXAMPLES = REPO / "examples"

WIDTHS = (1280, 390)
AXE_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]


@pytest.fixture(scope="module")
def browser(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Browser]:
    instance = Browser(chromium(), tmp_path_factory.mktemp("chromium") / "profile")
    yield instance
    instance.close()


@pytest.fixture(scope="module")
def real_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("real") / "site"
    options = BuildOptions(AS_OF, organisations=tuple(sorted(EXAMPLES.glob("*.yaml"))), status=EXAMPLES)
    write_site(out, build_site(load_catalogue(REPO / "regulations"), options))
    return out


def axe_script() -> str:
    """The text of axe.min.js, or skip (fail in CI) when there is none."""
    named = os.environ.get("AXE_CORE_JS")
    path = Path(named) if named else REPO / ".ci-node" / "node_modules" / "axe-core" / "axe.min.js"
    if path.is_file():
        return path.read_text(encoding="utf-8")
    if os.environ.get("CI"):
        pytest.fail(f"axe-core is not installed at {path}; CI must run the accessibility test")
    pytest.skip("axe-core is not installed: npm install --prefix .ci-node axe-core@4 (CI does)")


def violations(chrome: Browser, script: str) -> list[str]:
    """axe-core's WCAG A/AA violations on the open page, one line each."""
    chrome.js(script + ";0")
    found = chrome.call(
        "Runtime.evaluate",
        {
            "expression": f"axe.run(document, {{runOnly: {{type: 'tag', values: {AXE_TAGS}}}}})"
            ".then(r => r.violations.map(v => v.id + ' (' + v.impact + '): '"
            " + v.nodes.slice(0, 3).map(n => n.target.join(' ')).join(', ')))",
            "awaitPromise": True,
            "returnByValue": True,
        },
        session=True,
        timeout=120,
    )
    return list(found["result"]["value"])


@pytest.mark.parametrize("name", PAGES)
def test_no_page_is_wider_than_a_phone(browser, real_site, name):
    browser.resize(390)
    try:
        browser.open((real_site / PAGES[name]).as_uri())
        assert browser.js("document.documentElement.scrollWidth") <= 390
    finally:
        browser.resize(1280)


@pytest.mark.parametrize("width", WIDTHS)
@pytest.mark.parametrize("name", PAGES)
def test_axe_finds_no_wcag_violation(browser, real_site, name, width):
    script = axe_script()
    browser.resize(width)
    try:
        browser.open((real_site / PAGES[name]).as_uri())
        assert violations(browser, script) == []
    finally:
        browser.resize(1280)


def test_a_layer_page_is_screenshot_at_both_widths(browser, real_site):
    for width in WIDTHS:
        browser.resize(width)
        browser.open((real_site / PAGES["layer"]).as_uri())
        shot = ARTIFACTS / f"site-layer-{width}.png"
        browser.screenshot(shot)
        assert shot.stat().st_size > 10_000
    browser.resize(1280)


def visible_rows(chrome: Browser) -> list[str]:
    return chrome.js(  # type: ignore[no-any-return]
        "[...document.querySelectorAll('section.stage tbody tr')]"
        ".filter(tr => tr.checkVisibility()).map(tr => tr.dataset.status)"
    )


def test_the_backlog_is_folded_and_the_stages_are_listed(browser, real_site):
    browser.open((real_site / PAGES["layer"]).as_uri())
    assert browser.errors() == []
    folded = browser.js("[...document.querySelectorAll('section.stage details')].filter(d => !d.open).length")
    assert folded >= 1
    assert set(visible_rows(browser)) <= {"planned", "at-risk", "blocked", "done"}
    toc = browser.js("[...document.querySelectorAll('nav.toc a')].map(a => a.getAttribute('href'))")
    stages = browser.js("[...document.querySelectorAll('section.stage h3')].map(h => '#' + h.id)")
    assert stages and set(stages) <= set(toc)


def test_the_status_filter_shows_only_that_status_and_opens_the_backlog(browser, real_site):
    browser.open((real_site / PAGES["layer"]).as_uri())
    assert browser.js("document.getElementById('filters').hidden") is False
    behind = browser.js(
        "[...document.getElementById('filter-status').options].map(o => o.value)"
        ".find(v => v === 'overdue' || v === 'unassessed')"
    )
    browser.js(
        f"const s = document.getElementById('filter-status'); s.value = '{behind}';"
        "s.dispatchEvent(new Event('change'))"
    )
    shown = visible_rows(browser)
    assert shown and set(shown) == {behind}
    line = browser.js("document.getElementById('filter-status-line').textContent")
    assert line.startswith(f"{len(shown)} van ")


def test_the_act_filter_and_the_address_agree(browser, real_site):
    browser.open((real_site / PAGES["layer"]).as_uri() + "?act=gdpr")
    acts = browser.js(
        "[...document.querySelectorAll('section.stage tbody tr')]"
        ".filter(tr => !tr.hidden).map(tr => tr.dataset.act)"
    )
    assert acts and set(acts) == {"gdpr"}
    assert browser.js("document.getElementById('filter-act').value") == "gdpr"


# search: Pagefind's index of the real site, served over HTTP (browsers load no modules from files)


class _Quiet(SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: Any) -> None:
        pass


@pytest.fixture(scope="module")
def served_site(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    binary = search_index.executable()
    if binary is None:
        if os.environ.get("CI"):
            pytest.fail("Pagefind is not installed; CI installs it with the test extras")
        pytest.skip("Pagefind is not installed: pip install 'planner[search]'")
    out = tmp_path_factory.mktemp("searchable") / "site"
    files = build_site(load_catalogue(REPO / "regulations"), BuildOptions(AS_OF))
    index, missing = search_index.index_site(files, binary)
    assert missing is None
    write_site(out, {**files, **index})
    server = ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(_Quiet, directory=str(out)))
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}"
    finally:
        server.shutdown()
        server.server_close()
        thread.join(10)


def search(chrome: Browser, url: str) -> list[str]:
    """Open the search page at `url` and wait (at most 20 s) for Pagefind's answer."""
    chrome.open(url)
    deadline = time.monotonic() + 20
    while not chrome.js("document.getElementById('search-status').textContent"):
        assert time.monotonic() < deadline, "no search result in time"
        time.sleep(0.1)
    return chrome.js(  # type: ignore[no-any-return]
        "[...document.querySelectorAll('#search-results li a')].map(a => a.textContent)"
    )


def test_search_ignores_accents(browser, served_site):
    titles = search(browser, f"{served_site}/nl/search.html?q=categorieen")
    assert any("categorieën" in title for title in titles)
    assert [e for e in browser.errors() if "favicon" not in e] == []


def test_search_stems_dutch_words(browser, served_site):
    titles = search(browser, f"{served_site}/nl/search.html?q=registers")
    assert any("register" in title.lower() and "registers" not in title.lower() for title in titles)


def test_search_filters_by_layer(browser, served_site):
    everywhere = search(browser, f"{served_site}/nl/search.html?q=wallet")
    in_layer = search(browser, f"{served_site}/nl/search.html?q=wallet&layer=Waterschappen")
    assert 0 < len(in_layer) < len(everywhere)
    options = browser.js("[...document.getElementById('search-filter-status').options].map(o => o.value)")
    assert len(options) > 1 and "" in options  # "alle", then the statuses the index holds


def test_a_site_opened_as_files_says_search_needs_a_server(browser, real_site):
    browser.open((real_site / "nl/search.html").as_uri())
    assert browser.js("document.getElementById('search-unavailable').hidden") is False
    assert browser.js("document.querySelectorAll('#search-list li').length") > 100
    assert browser.errors() == []
