"""Writing the site: deterministic, all or nothing, unchanged files left alone; --check; the CLI; serve."""

from __future__ import annotations

import datetime as dt
import os
import re
import signal
import subprocess
import sys
import threading
import time
import urllib.request
from pathlib import Path

import pytest

from planner.errors import DataError, DifferenceFound, Problem, UsageError
from planner.loading import load_catalogue
from planner.site import MARKER
from planner.site.build import BuildOptions, build_site
from planner.site.incremental import MANIFEST
from planner.site.serve import Watcher, make_server, serve
from planner.site.writer import check_site, compare, existing_files, write_site

from .conftest import MINIMAL, invoke

AS_OF = dt.date(2026, 11, 28)
REPO = Path(__file__).parent.parent


def build(root: Path = MINIMAL) -> dict[str, bytes]:
    return build_site(load_catalogue(root), BuildOptions(AS_OF))


def stamps(folder: Path) -> dict[str, tuple[int, int]]:
    """(inode, modification time) of every file: a rewritten file changes at least one."""
    return {
        rel: ((folder / rel).stat().st_ino, (folder / rel).stat().st_mtime_ns)
        for rel in existing_files(folder)
    }


def contents(folder: Path) -> dict[str, bytes]:
    return {rel: (folder / rel).read_bytes() for rel in existing_files(folder)}


@pytest.fixture
def built(tmp_path: Path) -> Path:
    """A site written into tmp_path/site."""
    out = tmp_path / "site"
    write_site(out, build())
    return out


# deterministic


def test_two_builds_give_the_same_bytes():
    assert build() == build()


def test_builds_do_not_depend_on_hash_order(tmp_path):
    # sets of strings iterate in a different order under another hash seed
    for seed in ("1", "2"):
        env = {**os.environ, "PYTHONHASHSEED": seed, "CI": "1"}
        subprocess.run(
            [
                sys.executable,
                "-m",
                "planner",
                "--catalog",
                str(REPO / "regulations"),
                "build",
                str(tmp_path / seed),
                "--as-of",
                "2026-11-28",
                "--lang",
                "nl",
            ],
            check=True,
            env=env,
            capture_output=True,
        )
    assert contents(tmp_path / "1") == contents(tmp_path / "2")


# writing


def test_write_creates_the_site_with_its_marker(tmp_path):
    report = write_site(tmp_path / "site", build())
    assert (tmp_path / "site" / MARKER).is_file()
    assert report.removed == () and report.unchanged == 0 and len(report.written) == len(build())


def test_second_write_rewrites_nothing(built):
    before = stamps(built)
    report = write_site(built, build())
    assert (report.written, report.removed) == ((), ())
    assert stamps(built) == before


def test_a_change_rewrites_only_the_files_that_changed(built, catalogue_with, minimal):
    before = stamps(built)
    text = (
        (minimal / "act-b.yaml")
        .read_text()
        .replace("title: Act B in the Official Journal", "title: Act B in the OJ")
    )
    report = write_site(built, build(catalogue_with({"act-b.yaml": text})))
    # the source title is shown on the act's page and on its obligation's page, in two languages;
    # the manifest records the new input keys of those pages
    changed = {
        f"{lang}/{page}"
        for lang in ("nl", "en")
        for page in ("acts/act-b.html", "obligations/act-b.connect.html")
    } | {MANIFEST}
    assert set(report.written) == changed
    after = stamps(built)
    assert {rel for rel in after if after[rel] != before[rel]} == changed
    assert b"Act B in the OJ" in (built / "en/acts/act-b.html").read_bytes()


def test_stale_files_are_removed(built, minimal):
    (minimal / "act-b.yaml").unlink()
    report = write_site(built, build(minimal))
    assert "en/acts/act-b.html" in report.removed
    assert not (built / "en/acts/act-b.html").exists()
    assert existing_files(built) == sorted(build(minimal))


def test_a_failure_midway_leaves_the_old_site(built, catalogue_with, minimal, monkeypatch):
    from planner.site import writer

    old = contents(built)
    text = (minimal / "act-a.yaml").read_text().replace("Make an inventory", "Make a list")
    new = build(catalogue_with({"act-a.yaml": text}))
    calls = []

    def failing(path: Path, data: bytes) -> None:
        calls.append(path)
        if len(calls) == 3:
            raise OSError(28, "No space left on device")
        writer._put.__wrapped__(path, data)  # type: ignore[attr-defined]

    failing.__wrapped__ = writer._put  # type: ignore[attr-defined]
    monkeypatch.setattr(writer, "_put", failing)
    with pytest.raises(UsageError, match="No space left on device"):
        write_site(built, new)
    assert contents(built) == old
    assert sorted(p.name for p in built.parent.iterdir()) == ["cat", "site"]  # no half-built folder left


def test_a_killed_build_leaves_the_old_site(built, catalogue_with, minimal):
    old = contents(built)
    text = (minimal / "act-a.yaml").read_text().replace("Make an inventory", "Make a list")
    root = catalogue_with({"act-a.yaml": text})
    script = (
        "import sys, time, datetime\n"
        "from pathlib import Path\n"
        "import planner.site.writer as w\n"
        "from planner.loading import load_catalogue\n"
        "from planner.site.build import BuildOptions, build_site\n"
        "files = build_site(load_catalogue(Path(sys.argv[1])), BuildOptions(datetime.date(2026, 11, 28)))\n"
        "put = w._put\n"
        "def slow(path, data):\n"
        "    put(path, data)\n"
        "    print('writing', flush=True)\n"
        "    time.sleep(60)\n"
        "w._put = slow\n"
        "w.write_site(Path(sys.argv[2]), files)\n"
    )
    proc = subprocess.Popen(
        [sys.executable, "-c", script, str(root), str(built)], stdout=subprocess.PIPE, text=True
    )
    try:
        assert proc.stdout is not None and proc.stdout.readline() == "writing\n"
    finally:
        proc.send_signal(signal.SIGKILL)
        proc.wait(10)
    assert contents(built) == old
    leftovers = [p.name for p in built.parent.iterdir() if p.name.startswith(".site.build-")]
    assert len(leftovers) == 1
    write_site(built, build(root))  # the next build finishes and clears what the killed one left
    assert b"Make a list" in (built / "en/index.html").read_bytes()
    assert not [p for p in built.parent.iterdir() if p.name.startswith(".site.")]


def test_a_foreign_folder_is_refused(tmp_path):
    (tmp_path / "home").mkdir()
    (tmp_path / "home" / "thesis.txt").write_text("years of work")
    with pytest.raises(UsageError, match="not empty and was not made by planner build"):
        write_site(tmp_path / "home", build())
    assert existing_files(tmp_path / "home") == ["thesis.txt"]


def test_an_empty_folder_is_accepted(tmp_path):
    (tmp_path / "empty").mkdir()
    write_site(tmp_path / "empty", {"index.html": b"x", MARKER: b"m"})
    assert existing_files(tmp_path / "empty") == [MARKER, "index.html"]


def test_a_file_as_outdir_is_refused(tmp_path):
    (tmp_path / "file").write_text("x")
    with pytest.raises(UsageError, match="it is a file, not a folder"):
        write_site(tmp_path / "file", {"index.html": b"x"})


def test_paths_outside_the_site_are_refused_before_writing(tmp_path):
    with pytest.raises(
        UsageError, match=re.escape("refusing to write '../evil.html' outside the output folder")
    ):
        write_site(tmp_path / "site", {"index.html": b"x", "../evil.html": b"y"})
    assert not (tmp_path / "site").exists() and not (tmp_path / "evil.html").exists()


# --check


def test_check_passes_on_a_fresh_site(built):
    check_site(built, build())


def test_check_lists_changed_missing_and_extra_files(built):
    (built / "en/index.html").write_text("stale")
    (built / "nl/search.html").unlink()
    (built / "en/old.html").write_text("old")
    with pytest.raises(DifferenceFound) as caught:
        check_site(built, build())
    assert caught.value.items == ["changed: en/index.html", "missing: nl/search.html", "extra: en/old.html"]


def test_check_on_a_missing_folder_lists_everything(tmp_path):
    diff = compare(tmp_path / "nothing", {"a.html": b"x"})
    assert diff.lines() == ["missing: a.html"]


# the command


def test_build_command_writes_then_checks(runner, tmp_path):
    out = tmp_path / "site"
    first = invoke(runner, "--catalog", str(MINIMAL), "build", str(out), "--as-of", "2026-11-28")
    assert first.exit_code == 0
    assert first.stdout == f"{out}: 74 files, 74 written, 0 removed\n"
    again = invoke(runner, "--catalog", str(MINIMAL), "build", str(out), "--as-of", "2026-11-28")
    assert again.stdout == f"{out}: 74 files, 0 written, 0 removed (inputs unchanged)\n"
    check = invoke(runner, "--catalog", str(MINIMAL), "build", str(out), "--as-of", "2026-11-28", "--check")
    assert (check.exit_code, check.stdout) == (0, f"{out}: up to date (74 files)\n")


def test_check_command_exits_3_on_a_stale_site(runner, tmp_path):
    out = tmp_path / "site"
    invoke(runner, "--catalog", str(MINIMAL), "build", str(out), "--as-of", "2026-11-28")
    result = invoke(runner, "--catalog", str(MINIMAL), "build", str(out), "--as-of", "2026-12-01", "--check")
    assert result.exit_code == 3
    lines = result.stderr.splitlines()
    # every file shows the as-of date, except the stylesheet and the script; the marker records
    # the inputs (the as-of date among them), the manifest the keys
    assert lines[0] == f"{out}: the site is out of date (65 file(s) differ); rebuild it with planner build"
    assert "  changed: en/index.html" in lines and "  changed: .planner-site" in lines and len(lines) == 66
    assert not any("written" in line for line in result.stdout.splitlines())


@pytest.mark.parametrize(
    "args,message",
    [
        (["--lang", "de"], "error: --lang: 'de' is not one of: nl, en, all\n"),
        (
            ["--base-url", "javascript:alert(1)"],
            "error: --base-url: 'javascript:alert(1)' is not an http(s) URL (e.g. https://example.org/planner/)\n",
        ),
        (
            ["--check", "--serve"],
            "error: --check and --serve cannot be combined: --check writes nothing to serve\n",
        ),
        (["--as-of", "2026-13-01"], "error: --as-of: '2026-13-01' is not a valid date (YYYY-MM-DD)\n"),
    ],
)
def test_build_command_refuses_bad_options(runner, tmp_path, args, message):
    result = invoke(runner, "--catalog", str(MINIMAL), "build", str(tmp_path / "site"), *args)
    assert (result.exit_code, result.stderr) == (2, message)
    assert not (tmp_path / "site").exists()


def test_build_command_on_a_foreign_folder_is_a_usage_error(runner, tmp_path):
    (tmp_path / "notes.txt").write_text("mine")
    result = invoke(runner, "--catalog", str(MINIMAL), "build", str(tmp_path), "--as-of", "2026-11-28")
    assert result.exit_code == 2
    assert "the folder is not empty and was not made by planner build" in result.stderr


# serve


def test_server_listens_on_localhost_only(tmp_path):
    server = make_server(tmp_path, 0)
    try:
        assert server.server_address[0] == "127.0.0.1"
    finally:
        server.server_close()


def test_watcher_sees_changed_added_and_removed_files(minimal):
    watcher = Watcher([minimal])
    assert not watcher.changed()
    (minimal / "act-a.yaml").write_text((minimal / "act-a.yaml").read_text() + "\n")
    assert watcher.changed() and not watcher.changed()
    (minimal / "new.yaml").write_text("x")
    assert watcher.changed()
    (minimal / "new.yaml").unlink()
    assert watcher.changed()


def _wait_for(predicate: object, timeout: float = 15.0) -> None:
    deadline = time.monotonic() + timeout
    while not predicate():  # type: ignore[operator]
        assert time.monotonic() < deadline, "timed out"
        time.sleep(0.02)


def test_serve_rebuilds_when_the_catalogue_changes(tmp_path, minimal):
    out = tmp_path / "site"
    write_site(out, build(minimal))
    messages: list[str] = []
    stop = threading.Event()

    def rebuild() -> str:
        write_site(out, build(minimal))
        return "rebuilt"

    thread = threading.Thread(
        target=serve,
        args=(out, rebuild, [minimal]),
        kwargs={"port": 0, "interval": 0.05, "echo": messages.append, "stop": stop},
    )
    thread.start()
    try:
        _wait_for(lambda: messages)
        url = re.search(r"http://127\.0\.0\.1:\d+/", messages[0]).group(0)
        assert b"Make an inventory" in urllib.request.urlopen(url + "en/index.html", timeout=5).read()
        act = minimal / "act-a.yaml"
        act.write_text(act.read_text().replace("Make an inventory", "Make a list"))
        _wait_for(lambda: "rebuilt" in messages)
        assert b"Make a list" in urllib.request.urlopen(url + "en/index.html", timeout=5).read()
    finally:
        stop.set()
        thread.join(10)
    assert not thread.is_alive()


def test_serve_keeps_the_last_site_when_a_rebuild_fails(tmp_path, minimal):
    messages: list[str] = []
    stop = threading.Event()

    def rebuild() -> str:
        stop.set()
        raise DataError([Problem("act-a.yaml", 1, 1, "broken")])

    thread = threading.Thread(
        target=serve,
        args=(tmp_path, rebuild, [minimal]),
        kwargs={"port": 0, "interval": 0.05, "echo": messages.append, "stop": stop},
    )
    thread.start()
    _wait_for(lambda: messages)
    (minimal / "act-a.yaml").write_text("broken: [")
    thread.join(10)
    assert messages[1:] == [
        "act-a.yaml:1:1: error: broken",
        "the site was not rebuilt; the last good one is still served",
    ]


def test_unchanged_inputs_skip_rendering(runner, tmp_path, monkeypatch):
    out = tmp_path / "site"
    invoke(runner, "--catalog", str(MINIMAL), "build", str(out), "--as-of", "2026-11-28")

    def no_build(*args, **kwargs):
        raise AssertionError("rendered although nothing changed")

    monkeypatch.setattr("planner.site.build.build_site", no_build)
    monkeypatch.setattr("planner.site.pipeline.stream_site", no_build)
    again = invoke(runner, "--catalog", str(MINIMAL), "build", str(out), "--as-of", "2026-11-28")
    assert again.stdout == f"{out}: 74 files, 0 written, 0 removed (inputs unchanged)\n"


@pytest.mark.parametrize("tamper", ["edit", "extra", "remove"])
def test_a_touched_site_is_rebuilt_in_full(runner, tmp_path, tamper):
    out = tmp_path / "site"
    invoke(runner, "--catalog", str(MINIMAL), "build", str(out), "--as-of", "2026-11-28")
    page = out / "nl" / "index.html"
    if tamper == "edit":
        page.write_bytes(page.read_bytes() + b"<!-- edited -->")
    elif tamper == "extra":
        (out / "nl" / "stray.html").write_text("x")
    else:
        page.unlink()
    again = invoke(runner, "--catalog", str(MINIMAL), "build", str(out), "--as-of", "2026-11-28")
    removed = 1 if tamper == "extra" else 0
    written = 0 if tamper == "extra" else 1
    assert again.stdout == f"{out}: 74 files, {written} written, {removed} removed\n"


def test_a_changed_catalogue_is_rebuilt(runner, tmp_path, minimal):
    out = tmp_path / "site"
    invoke(runner, "--catalog", str(minimal), "build", str(out), "--as-of", "2026-11-28")
    act = minimal / "act-a.yaml"
    act.write_text(act.read_text().replace("Make an inventory", "Make a full inventory"))
    again = invoke(runner, "--catalog", str(minimal), "build", str(out), "--as-of", "2026-11-28")
    assert "(inputs unchanged)" not in again.stdout
    assert b"Make a full inventory" in (out / "en" / "obligations" / "act-a.inventory.html").read_bytes()


def test_with_a_base_url_the_site_calendar_links_each_event_to_its_page(runner, tmp_path):
    out = tmp_path / "site"
    args = ["--catalog", str(MINIMAL), "build", str(out), "--as-of", "2026-11-28"]
    assert invoke(runner, *args, "--base-url", "https://example.org/plan").exit_code == 0
    ics = (out / "nl" / "roadmaps" / "gemeenten.ics").read_text()
    assert "URL:https://example.org/plan/nl/obligations/act-a.assess.html" in ics.replace("\r\n ", "")
