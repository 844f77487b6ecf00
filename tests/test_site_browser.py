"""End to end: the built site in headless Chromium (Debian's ``chromium`` package).

The browser is driven over the DevTools protocol on a pipe (``--remote-debugging-pipe``: file
descriptors 3 and 4, no network port), so console errors, uncaught exceptions and failed
loads (a missing stylesheet, say) are seen exactly, and full-page screenshots are saved under
``test-artifacts/`` for a person to look at. Without Chromium the test is skipped, except in
CI (``$CI`` set), where it must run.
"""

from __future__ import annotations

import base64
import contextlib
import datetime as dt
import fcntl
import json
import os
import select
import shutil
import subprocess
import time
from pathlib import Path
from typing import Any

import pytest

from planner.loading import load_catalogue
from planner.site.build import BuildOptions, build_site
from planner.site.writer import write_site

from .conftest import MINIMAL

pytestmark = pytest.mark.browser

REPO = Path(__file__).parent.parent
ARTIFACTS = REPO / "test-artifacts"
AS_OF = dt.date(2026, 11, 28)
FLAGS = (
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
    "--hide-scrollbars",
    "--remote-debugging-pipe",
)


def chromium() -> str:
    """The Chromium executable, or skip (fail in CI) when there is none."""
    found = shutil.which("chromium") or shutil.which("chromium-browser")
    if found:
        return found
    if os.environ.get("CI"):
        pytest.fail("chromium is not installed; CI must run the browser test (apt-get install chromium)")
    pytest.skip("chromium is not installed: apt-get install chromium (CI installs it and runs this test)")


class Browser:
    """Headless Chromium with a minimal DevTools client over the pipe."""

    def __init__(self, executable: str, profile: Path) -> None:
        commands_read, commands_write = os.pipe()
        events_read, events_write = os.pipe()
        # move the child's ends out of the way of 3 and 4 before putting them there
        child_in = fcntl.fcntl(commands_read, fcntl.F_DUPFD, 10)
        child_out = fcntl.fcntl(events_write, fcntl.F_DUPFD, 10)
        os.close(commands_read)
        os.close(events_write)

        def wire() -> None:
            os.dup2(child_in, 3)
            os.dup2(child_out, 4)

        self.log = open(profile.parent / "chromium.log", "wb")  # noqa: SIM115
        self.proc = subprocess.Popen(
            [executable, *FLAGS, f"--user-data-dir={profile}", "about:blank"],
            stdin=subprocess.DEVNULL,
            stdout=self.log,
            stderr=self.log,
            preexec_fn=wire,  # noqa: PLW1509 (the test runs it before any thread of its own starts)
            pass_fds=(3, 4),
        )
        os.close(child_in)
        os.close(child_out)
        self.send_fd, self.recv_fd = commands_write, events_read
        self.buffer = b""
        self.next_id = 0
        self.events: list[dict[str, Any]] = []
        target = self.call("Target.createTarget", {"url": "about:blank"})["targetId"]
        self.session = self.call("Target.attachToTarget", {"targetId": target, "flatten": True})["sessionId"]
        for domain in ("Page", "Runtime", "Log"):
            self.call(f"{domain}.enable", session=True)
        self.resize(1280)

    def resize(self, width: int) -> None:
        """Emulate a screen `width` CSS pixels wide (a phone below 600: mobile viewport rules)."""
        self.call(
            "Emulation.setDeviceMetricsOverride",
            {"width": width, "height": 900, "deviceScaleFactor": 1, "mobile": width < 600},
            session=True,
        )

    def _read(self, deadline: float) -> dict[str, Any]:
        while b"\0" not in self.buffer:
            left = deadline - time.monotonic()
            assert left > 0, "Chromium did not answer in time"
            ready, _, _ = select.select([self.recv_fd], [], [], left)
            if ready:
                chunk = os.read(self.recv_fd, 1 << 20)
                assert chunk, "Chromium closed the pipe"
                self.buffer += chunk
        message, _, self.buffer = self.buffer.partition(b"\0")
        return json.loads(message)  # type: ignore[no-any-return]

    def call(
        self, method: str, params: dict[str, Any] | None = None, session: bool = False, timeout: float = 30
    ) -> Any:
        """Send one command and wait for its answer, keeping the events that arrive meanwhile."""
        self.next_id += 1
        message: dict[str, Any] = {"id": self.next_id, "method": method, "params": params or {}}
        if session:
            message["sessionId"] = self.session
        os.write(self.send_fd, json.dumps(message).encode() + b"\0")
        deadline = time.monotonic() + timeout
        while True:
            reply = self._read(deadline)
            if reply.get("id") == self.next_id:
                assert "error" not in reply, (method, reply["error"])
                return reply.get("result", {})
            self.events.append(reply)

    def wait_for(self, method: str, timeout: float = 30) -> None:
        """Wait for an event of the page's session."""
        deadline = time.monotonic() + timeout
        while not any(e.get("method") == method for e in self.events):
            self.events.append(self._read(deadline))

    def settle(self, seconds: float = 0.3) -> None:
        """Collect the events of a short quiet moment (late console messages)."""
        deadline = time.monotonic() + seconds
        while True:
            ready, _, _ = select.select([self.recv_fd], [], [], max(0.0, deadline - time.monotonic()))
            if not ready and b"\0" not in self.buffer:
                return
            self.events.append(self._read(time.monotonic() + 5))

    def open(self, url: str) -> None:
        """Load a page and wait until it has loaded."""
        self.events.clear()
        self.call("Page.navigate", {"url": url}, session=True)
        self.wait_for("Page.loadEventFired")
        self.settle()

    def errors(self) -> list[str]:
        """Console errors, uncaught exceptions and failed loads since the page was opened."""
        found = []
        for event in self.events:
            method, params = event.get("method"), event.get("params", {})
            if method == "Runtime.exceptionThrown":
                found.append(params["exceptionDetails"].get("text", "exception"))
            elif method == "Runtime.consoleAPICalled" and params.get("type") in ("error", "assert"):
                found.append(
                    " ".join(str(a.get("value", a.get("description"))) for a in params.get("args", []))
                )
            elif method == "Log.entryAdded" and params["entry"]["level"] == "error":
                found.append(f"{params['entry'].get('text')} {params['entry'].get('url', '')}")
        return found

    def js(self, expression: str) -> Any:
        """The value of a JavaScript expression in the page."""
        result = self.call(
            "Runtime.evaluate", {"expression": expression, "returnByValue": True}, session=True
        )
        assert "exceptionDetails" not in result, result
        return result["result"].get("value")

    def screenshot(self, path: Path) -> None:
        """A full-page PNG (at most 8000 pixels tall)."""
        metrics = self.call("Page.getLayoutMetrics", session=True)
        size, width = metrics["cssContentSize"], metrics["cssLayoutViewport"]["clientWidth"]
        clip = {"x": 0, "y": 0, "width": width, "height": min(size["height"], 8000), "scale": 1}
        shot = self.call(
            "Page.captureScreenshot",
            {"format": "png", "captureBeyondViewport": True, "clip": clip},
            session=True,
        )
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(base64.b64decode(shot["data"]))

    def close(self) -> None:
        with contextlib.suppress(AssertionError, OSError):
            self.call("Browser.close", timeout=5)
        try:
            self.proc.wait(10)
        except subprocess.TimeoutExpired:
            self.proc.kill()
            self.proc.wait(10)
        os.close(self.send_fd)
        os.close(self.recv_fd)
        self.log.close()


@pytest.fixture(scope="module")
def browser(tmp_path_factory: pytest.TempPathFactory) -> Any:
    executable = chromium()
    instance = Browser(executable, tmp_path_factory.mktemp("chromium") / "profile")
    yield instance
    instance.close()


@pytest.fixture(scope="module")
def real_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("real") / "site"
    write_site(out, build_site(load_catalogue(REPO / "regulations"), BuildOptions(AS_OF)))
    return out


@pytest.fixture(scope="module")
def minimal_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("minimal") / "site"
    write_site(out, build_site(load_catalogue(MINIMAL), BuildOptions(AS_OF)))
    return out


@pytest.mark.parametrize(
    "page,name",
    [("nl/index.html", "home"), ("nl/layers/gemeenten.html", "layer"), ("en/acts/ai-act.html", "act")],
)
def test_page_renders_without_console_errors(browser, real_site, page, name):
    browser.open((real_site / page).as_uri())
    assert browser.errors() == []
    assert browser.js("document.querySelectorAll('h1').length") == 1
    # the stylesheet is applied (the header has the palette's blue) and the pictures are drawn
    assert (
        browser.js("getComputedStyle(document.querySelector('.site-header')).backgroundColor")
        == "rgb(21, 66, 115)"
    )
    if name != "home":
        assert browser.js("document.querySelector('svg.picture').getBBox().width") > 100
    browser.screenshot(ARTIFACTS / f"site-{name}.png")
    assert (ARTIFACTS / f"site-{name}.png").stat().st_size > 10_000


def test_a_missing_stylesheet_is_reported(browser, tmp_path):
    page = tmp_path / "broken.html"
    page.write_text(
        '<!DOCTYPE html><html lang="en"><head><title>x</title><link rel="stylesheet" href="gone.css"></head><body><h1>x</h1></body></html>'
    )
    browser.open(page.as_uri())
    assert any("gone.css" in error for error in browser.errors())


def test_keyboard_reaches_the_skip_link_first(browser, real_site):
    browser.open((real_site / "en/index.html").as_uri())
    for kind in ("keyDown", "keyUp"):
        browser.call(
            "Input.dispatchKeyEvent",
            {"type": kind, "key": "Tab", "code": "Tab", "windowsVirtualKeyCode": 9},
            session=True,
        )
    assert browser.js("document.activeElement.className") == "skip"
    assert browser.js("document.activeElement.getBoundingClientRect().top") >= 0  # visible when focused


def test_without_chromium_the_test_is_skipped_with_a_reason(monkeypatch):
    monkeypatch.setattr(shutil, "which", lambda name: None)
    monkeypatch.delenv("CI", raising=False)
    with pytest.raises(pytest.skip.Exception, match="chromium is not installed: apt-get install chromium"):
        chromium()


def test_without_chromium_ci_fails(monkeypatch):
    monkeypatch.setattr(shutil, "which", lambda name: None)
    monkeypatch.setenv("CI", "true")
    with pytest.raises(pytest.fail.Exception, match="CI must run the browser test"):
        chromium()
