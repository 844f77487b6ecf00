"""OLD and NEW sides of a diff: the working tree, a folder, or a git revision read without checkout."""

from __future__ import annotations

import os
import shutil
import subprocess
from pathlib import Path

import pytest

from planner.diff.sources import WORKING_TREE, open_side
from planner.errors import DataError, UsageError

from ..conftest import MINIMAL

needs_git = pytest.mark.skipif(shutil.which("git") is None, reason="git is not installed")


def git(repo: Path, *args: str) -> None:
    env = {
        "GIT_AUTHOR_NAME": "t",
        "GIT_AUTHOR_EMAIL": "t@example.org",
        "GIT_COMMITTER_NAME": "t",
        "GIT_COMMITTER_EMAIL": "t@example.org",
        "GIT_CONFIG_NOSYSTEM": "1",
        "GIT_CONFIG_GLOBAL": "/dev/null",
        "PATH": os.environ.get("PATH", ""),
    }
    subprocess.run(["git", *args], cwd=repo, env=env, check=True, capture_output=True)


@pytest.fixture
def repo(tmp_path: Path) -> Path:
    """A repository whose one commit holds the minimal catalogue in `regulations/`."""
    root = tmp_path / "repo"
    root.mkdir()
    git(root, "init", "-q", "-b", "main")
    shutil.copytree(MINIMAL, root / "regulations")
    git(root, "add", ".")
    git(root, "commit", "-q", "-m", "first")
    return root


def test_no_spec_is_the_working_tree():
    side = open_side(None, MINIMAL, "OLD")
    assert side.label == WORKING_TREE
    assert set(side.catalogue.acts) == {"act-a", "act-b"}


def test_a_folder_is_loaded_under_its_own_name():
    side = open_side(str(MINIMAL), MINIMAL, "OLD")
    assert side.label == str(MINIMAL)


@needs_git
def test_a_revision_outside_any_repository_is_a_usage_error(tmp_path):
    shutil.copytree(MINIMAL, tmp_path / "cat")
    with pytest.raises(UsageError, match=r"^OLD: 'HEAD' is neither a catalogue folder nor a git revision"):
        open_side("HEAD", tmp_path / "cat", "OLD")


@needs_git
def test_a_revision_that_looks_like_an_option_is_refused(repo):
    with pytest.raises(UsageError, match="is neither a catalogue folder nor a revision"):
        open_side("--output=x", repo / "regulations", "NEW")


@needs_git
def test_an_unknown_revision_is_a_usage_error_naming_the_side(repo):
    with pytest.raises(UsageError, match=r"^NEW: 'nope' is neither"):
        open_side("nope", repo / "regulations", "NEW")


@needs_git
def test_a_revision_reads_the_catalogue_at_the_same_place_and_labels_it(repo):
    side = open_side("HEAD", repo / "regulations", "OLD")
    assert side.label == "HEAD"
    assert str(side.catalogue.root) == "HEAD:regulations"
    assert str(side.catalogue.paths["act-a"]) == "HEAD:regulations/act-a.yaml"


@needs_git
def test_a_revision_ignores_later_edits_in_the_working_tree(repo):
    act = repo / "regulations" / "act-a.yaml"
    act.write_text(act.read_text().replace("due: 2026-06-30", "due: 2026-09-30"))
    side = open_side("HEAD", repo / "regulations", "OLD")
    assert side.catalogue.obligations["act-a.inventory"].due.isoformat() == "2026-06-30"


@needs_git
def test_a_revision_without_the_catalogue_folder_is_a_usage_error(repo):
    (repo / "other").mkdir()
    with pytest.raises(UsageError, match="has no catalogue folder 'other'"):
        open_side("HEAD", repo / "other", "OLD")


@needs_git
def test_a_broken_catalogue_at_a_revision_names_its_files_by_revision(repo):
    (repo / "regulations" / "act-a.yaml").write_text("id: [\n")
    git(repo, "commit", "-q", "-am", "broken")
    with pytest.raises(DataError) as info:
        open_side("HEAD", repo / "regulations", "NEW")
    assert {p.path for p in info.value.problems} == {"HEAD:regulations/act-a.yaml"}


@needs_git
def test_a_link_in_a_revision_is_not_followed(repo):
    (repo / "regulations" / "act-c.yaml").symlink_to("/etc/hostname")
    git(repo, "add", ".")
    git(repo, "commit", "-q", "-m", "link")
    side = open_side("HEAD", repo / "regulations", "OLD")
    assert set(side.catalogue.acts) == {"act-a", "act-b"}


def test_without_git_a_revision_is_a_usage_error_saying_so(tmp_path, monkeypatch):
    monkeypatch.setenv("PATH", str(tmp_path))
    with pytest.raises(UsageError, match="git is not installed"):
        open_side("HEAD", MINIMAL, "OLD")
