"""The build's progress line and the preview's file watcher and server."""

from __future__ import annotations

import io
import os
import socket

import pytest

from planner.errors import UsageError
from planner.site.progress import Progress
from planner.site.serve import HOST, Watcher, make_server, snapshot

from ..conftest import write_tree


class Terminal(io.StringIO):
    def isatty(self) -> bool:
        return True


def test_progress_draws_nothing_in_a_pipe():
    stream = io.StringIO()
    progress = Progress(stream)
    progress.start(3)
    progress.advance(3)
    progress.done()
    assert stream.getvalue() == ""


def test_progress_draws_nothing_in_ci_even_on_a_terminal(monkeypatch):
    monkeypatch.setenv("CI", "true")
    stream = Terminal()
    Progress(stream).start(2)
    assert stream.getvalue() == ""


def test_progress_on_a_terminal_shows_the_count_and_clears_the_line(monkeypatch):
    monkeypatch.delenv("CI", raising=False)
    stream = Terminal()
    progress = Progress(stream, "pages")
    progress.start(4)
    progress.advance(4)  # the last step is always drawn
    assert stream.getvalue().endswith("\rpages [####################] 4/4")
    progress.done()
    assert stream.getvalue().endswith("\r\x1b[2K")


def test_progress_of_nothing_to_do_is_full(monkeypatch):
    monkeypatch.delenv("CI", raising=False)
    stream = Terminal()
    Progress(stream, "x").start(0)
    assert stream.getvalue() == "\rx [####################] 0/0"


def test_a_snapshot_lists_files_sorted_and_skips_hidden_folders(tmp_path):
    write_tree(tmp_path, {"b.yaml": "1", "a/c.yaml": "22", ".git/HEAD": "x"})
    paths = [os.path.relpath(p, tmp_path) for p, _, _ in snapshot([tmp_path])]
    assert paths == [os.path.join("a", "c.yaml"), "b.yaml"]


def test_the_watcher_sees_a_change_once(tmp_path):
    write_tree(tmp_path, {"a.yaml": "1"})
    watcher = Watcher([tmp_path])
    assert not watcher.changed()
    (tmp_path / "a.yaml").write_text("longer")
    assert watcher.changed()
    assert not watcher.changed()


def test_the_watcher_sees_a_file_added_in_a_new_folder(tmp_path):
    watcher = Watcher([tmp_path])
    write_tree(tmp_path, {"sub/new.yaml": "x"})
    assert watcher.changed()


def test_the_server_listens_on_localhost_on_a_free_port(tmp_path):
    server = make_server(tmp_path, 0)
    try:
        host, port = server.server_address[:2]
        assert host == HOST
        assert port > 0
    finally:
        server.server_close()


def test_a_port_in_use_is_a_usage_error_naming_it(tmp_path):
    taken = socket.socket()
    taken.bind((HOST, 0))
    taken.listen()
    port = taken.getsockname()[1]
    try:
        with pytest.raises(UsageError, match=rf"^--port: cannot listen on {HOST}:{port} "):
            make_server(tmp_path, port)
    finally:
        taken.close()
