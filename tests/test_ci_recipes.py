"""The CI recipes of docs/ci.md: their shell steps run locally, and the workflows run those steps.

A temporary repository stands in for a pull request: `main` holds tests/data/minimal as
`regulations/`, a clone's branch moves one due date. Steps that would post to a server run in
their dry-run form: no token is set, so they only write `diff.md`.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

from .conftest import MINIMAL

DOC = Path(__file__).parent.parent / "docs" / "ci.md"
STEP = re.compile(r'```sh title="([^"]+)"\n(.*?)```', re.DOTALL)
WORKFLOW = re.compile(r'```yaml title="([^"]+)"\n(.*?)```', re.DOTALL)
GITHUB = ".github/workflows/catalogue.yml"
GITLAB = ".gitlab-ci.yml"
MOVED = "act-a.inventory: due date moved from 2026-06-30 to 2026-09-30"

pytestmark = pytest.mark.skipif(shutil.which("git") is None, reason="needs git")


def steps() -> dict[str, str]:
    return {name: body for name, body in STEP.findall(DOC.read_text(encoding="utf-8"))}


def workflows() -> dict[str, dict]:
    return {name: yaml.safe_load(body) for name, body in WORKFLOW.findall(DOC.read_text(encoding="utf-8"))}


def git(cwd: Path, *args: str) -> str:
    return subprocess.run(["git", *args], cwd=cwd, env=ENV, check=True, capture_output=True, text=True).stdout


ENV = {
    # only what the steps need: no tokens, so nothing is ever posted
    "PATH": os.pathsep.join([str(Path(sys.executable).parent), os.environ.get("PATH", "")]),
    "GIT_AUTHOR_NAME": "t",
    "GIT_AUTHOR_EMAIL": "t@example.org",
    "GIT_COMMITTER_NAME": "t",
    "GIT_COMMITTER_EMAIL": "t@example.org",
    "GIT_CONFIG_NOSYSTEM": "1",
    "GIT_CONFIG_GLOBAL": os.devnull,
    "LC_ALL": "C.UTF-8",
}


@pytest.fixture(scope="module")
def pull_request(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A clone of a repo on `main`, checked out on a branch that moves one due date."""
    base = tmp_path_factory.mktemp("ci")
    upstream = base / "upstream"
    upstream.mkdir()
    git(upstream, "init", "-q", "-b", "main")
    shutil.copytree(MINIMAL, upstream / "regulations")
    git(upstream, "add", ".")
    git(upstream, "commit", "-q", "-m", "catalogue")
    git(base, "clone", "-q", str(upstream), "work")
    work = base / "work"
    git(work, "checkout", "-q", "-b", "move-date")
    act = work / "regulations" / "act-a.yaml"
    act.write_text(act.read_text().replace("due: 2026-06-30", "due: 2026-09-30"))
    git(work, "commit", "-q", "-am", "move the inventory date")
    return work


def run_step(name: str, cwd: Path, **env: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        ["bash", "-e", "-c", steps()[name]],
        cwd=cwd,
        env={**ENV, **env},
        capture_output=True,
        text=True,
        check=False,
    )


def test_check_step(pull_request):
    result = run_step("check", pull_request)
    assert result.returncode == 0, result.stderr
    assert "0 errors, 0 warning(s)" in result.stdout


def test_github_diff_step_writes_the_comment_and_summary(pull_request, tmp_path):
    summary = tmp_path / "summary.md"
    result = run_step("diff-github", pull_request, GITHUB_BASE_REF="main", GITHUB_STEP_SUMMARY=str(summary))
    assert result.returncode == 0, result.stderr
    comment = (pull_request / "diff.md").read_text(encoding="utf-8")
    assert comment.startswith("### planner diff: `origin/main` → `working tree`")
    assert MOVED in comment
    assert summary.read_text(encoding="utf-8") == comment


def test_gitlab_diff_step_writes_the_note(pull_request):
    base = git(pull_request, "rev-parse", "main").strip()
    result = run_step("diff-gitlab", pull_request, CI_MERGE_REQUEST_DIFF_BASE_SHA=base)
    assert result.returncode == 0, result.stderr
    assert MOVED in (pull_request / "diff.md").read_text(encoding="utf-8")


def test_install_step_installs_this_project():
    # Not run: it would reinstall the package under test; the other steps use the venv's planner.
    assert steps()["install"].strip() == "python -m pip install ."


def build_registered() -> bool:
    probe = subprocess.run(["planner", "build", "--help"], env=ENV, capture_output=True, check=False)
    return probe.returncode == 0


@pytest.mark.parametrize(("name", "folder"), [("build", "site"), ("build-gitlab-pages", "public")])
def test_build_steps(pull_request, name, folder):
    if not build_registered():
        pytest.skip("`planner build` is not registered yet: the build steps run once that command exists")
    result = run_step(name, pull_request)
    assert result.returncode == 0, result.stderr
    assert (pull_request / folder / "index.html").is_file()  # Pages serve the folder's index.html


def scripts(name: str) -> list[str]:
    """Every shell snippet a workflow runs."""
    flow = workflows()[name]
    if name == GITHUB:
        return [s["run"] for job in flow["jobs"].values() for s in job.get("steps", []) if "run" in s]
    jobs = [flow.get("default", {}), *(v for v in flow.values() if isinstance(v, dict) and "script" in v)]
    return [line for job in jobs for key in ("before_script", "script") for line in job.get(key, [])]


@pytest.mark.parametrize(
    ("workflow", "names"),
    [
        (GITHUB, {"install", "check", "diff-github", "build"}),
        (GITLAB, {"install", "check", "diff-gitlab", "build-gitlab-pages"}),
    ],
)
def test_workflows_run_exactly_the_tested_steps(workflow, names):
    ran = {s.strip() for s in scripts(workflow)}
    assert ran == {steps()[n].strip() for n in names}


def test_pages_publish_the_folder_the_build_step_writes():
    github = workflows()[GITHUB]["jobs"]
    upload = next(s for s in github["site"]["steps"] if s.get("uses", "").startswith("actions/upload-pages"))
    assert upload["with"]["path"] == "site/" and steps()["build"].strip() == "planner build site/"
    assert workflows()[GITLAB]["pages"]["artifacts"]["paths"] == ["public"]
    assert github["deploy"]["steps"][0]["uses"].startswith("actions/deploy-pages@")
