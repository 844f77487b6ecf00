"""Release tags and the pre-commit hooks other repositories pin with `rev:`."""

from __future__ import annotations

import re
import shutil
import tomllib
from pathlib import Path

import pytest
import yaml

from planner import __version__

from .conftest import MINIMAL, invoke

ROOT = Path(__file__).parent.parent
HOOKS = ROOT / ".pre-commit-hooks.yaml"
PYPROJECT = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
LANGUAGES = {
    "python",
    "system",
    "script",
    "docker",
    "docker_image",
    "node",
    "golang",
    "rust",
    "fail",
    "pygrep",
}
"""pre-commit hook languages (a subset; this project's hooks use python)."""


def hooks() -> list[dict[str, object]]:
    data = yaml.safe_load(HOOKS.read_text(encoding="utf-8"))
    assert isinstance(data, list)
    return data


def test_the_package_version_is_the_pyproject_version():
    assert PYPROJECT["project"]["version"] == __version__


def test_the_docs_pin_the_current_release_tag():
    tag = f"v{__version__}"
    assert f"git tag -a {tag}" in (ROOT / "README.md").read_text(encoding="utf-8")
    assert f"rev: {tag}" in (ROOT / "docs" / "editors.md").read_text(encoding="utf-8")
    assert f"rev: {tag}" in HOOKS.read_text(encoding="utf-8")


def test_every_hook_has_the_keys_pre_commit_requires():
    ids = [hook["id"] for hook in hooks()]
    assert ids == sorted(set(ids), key=ids.index)  # unique
    for hook in hooks():
        assert {"id", "name", "entry", "language"} <= hook.keys(), hook
        assert hook["language"] in LANGUAGES
        assert isinstance(hook.get("args", []), list)


def test_every_hook_runs_the_installed_console_script():
    scripts = PYPROJECT["project"]["scripts"]
    for hook in hooks():
        assert str(hook["entry"]).split()[0] in scripts


@pytest.mark.parametrize("path", ["regulations/ai-act.yaml", "law/regulations/gdpr.yaml"])
def test_hook_file_patterns_match_catalogue_files(path):
    for hook in hooks():
        assert re.search(str(hook["files"]), path), hook["id"]


def test_hook_file_patterns_skip_other_files():
    for hook in hooks():
        assert not re.search(str(hook["files"]), "regulations/notes/readme.md")


def test_each_hook_runs_cleanly_on_a_good_catalogue(runner, tmp_path):
    root = tmp_path / "regulations"
    shutil.copytree(MINIMAL, root)
    files = sorted(str(p) for p in root.glob("*.yaml"))
    assert invoke(runner, "fmt", "--catalog", str(root), *files).exit_code == 0  # a well-kept catalogue
    for hook in hooks():
        args = [*[str(a) for a in hook.get("args", [])], "--catalog", str(root)]  # type: ignore[attr-defined]
        if hook.get("pass_filenames", True):
            args += files
        result = invoke(runner, *args)
        assert result.exit_code == 0, (hook["id"], result.stderr)


def test_pre_commit_itself_accepts_the_hooks_file():
    clientlib = pytest.importorskip("pre_commit.clientlib")
    clientlib.load_manifest(str(HOOKS))
