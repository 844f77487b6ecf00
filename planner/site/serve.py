"""A local preview for people editing the catalogue: serve the site, rebuild it when files change.

The server listens on 127.0.0.1 only. Changes are found by polling the modification times
and sizes of the watched files (the catalogue and the templates) once a second: no extra
dependency, and it works the same on every system. A rebuild that fails (a YAML error, say)
prints the problems and keeps the last good site online; the writer swaps in a new site
whole, so the browser never sees a half-written one.
"""

from __future__ import annotations

import os
import threading
from collections.abc import Callable, Sequence
from functools import partial
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any

from planner.errors import PlannerError, UsageError

HOST = "127.0.0.1"


def snapshot(folders: Sequence[Path]) -> tuple[tuple[str, int, int], ...]:
    """(path, modification time in ns, size) of every file under `folders`, sorted."""
    found = []
    for root in folders:
        for folder, dirs, names in os.walk(root):
            dirs[:] = sorted(d for d in dirs if not d.startswith("."))
            for name in names:
                path = os.path.join(folder, name)
                try:
                    st = os.stat(path)
                except OSError:  # removed while we looked: the next poll sees it gone
                    continue
                found.append((path, st.st_mtime_ns, st.st_size))
    return tuple(sorted(found))


class Watcher:
    """Tells whether any file under some folders was added, removed or changed since last asked."""

    def __init__(self, folders: Sequence[Path]) -> None:
        self.folders = list(folders)
        self.last = snapshot(self.folders)

    def changed(self) -> bool:
        """Whether something changed since the previous call (or since creation)."""
        now = snapshot(self.folders)
        if now == self.last:
            return False
        self.last = now
        return True


class _Handler(SimpleHTTPRequestHandler):
    """Serves files without logging every request to the terminal."""

    def log_message(self, format: str, *args: Any) -> None:
        return


def make_server(outdir: Path, port: int) -> ThreadingHTTPServer:
    """An HTTP server for `outdir` on 127.0.0.1 (port 0 picks a free one).

    Raises:
        UsageError: the port cannot be used.
    """
    handler = partial(_Handler, directory=str(outdir))
    try:
        server = ThreadingHTTPServer((HOST, port), handler)
    except OSError as exc:
        raise UsageError(
            f"--port: cannot listen on {HOST}:{port} ({exc.strerror}); choose another port"
        ) from None
    server.daemon_threads = True
    return server


def serve(
    outdir: Path,
    rebuild: Callable[[], str],
    watch: Sequence[Path],
    *,
    port: int = 8000,
    interval: float = 1.0,
    echo: Callable[[str], None] = print,
    stop: threading.Event | None = None,
) -> None:
    """Serve `outdir` and call `rebuild` whenever a file under `watch` changes, until stopped.

    Args:
        outdir: the built site.
        rebuild: builds and writes the site again; returns a line to show.
        watch: folders to poll (the catalogue, the templates).
        port: the port on 127.0.0.1.
        interval: seconds between polls.
        echo: where messages go.
        stop: set it to stop serving (Ctrl+C stops too).
    """
    stop = stop or threading.Event()
    server = make_server(outdir, port)
    thread = threading.Thread(target=server.serve_forever, name="planner-serve", daemon=True)
    thread.start()
    echo(f"serving {outdir} at http://{HOST}:{server.server_address[1]}/ (Ctrl+C to stop)")
    watcher = Watcher(watch)
    try:
        while not stop.wait(interval):
            if not watcher.changed():
                continue
            try:
                echo(rebuild())
            except PlannerError as exc:
                for line in exc.lines():
                    echo(line)
                echo("the site was not rebuilt; the last good one is still served")
    except KeyboardInterrupt:
        pass
    finally:
        server.shutdown()
        server.server_close()
        thread.join()
