"""The adversarial corpus: bad input never hurts.

Each folder under ``tests/data/bad/`` is one case: its ``*.yaml``/``*.yml`` files are laid over a
copy of ``tests/data/minimal`` (as ``cat/`` in an empty working folder), its ``input/`` folder
(if any) is copied beside it, and ``args.txt`` (default: ``check``) says what to run. The real
CLI runs in a subprocess, under a time limit and a 1 GiB address-space limit, and must:

* exit 1;
* print exactly the lines of ``expected.txt`` on stderr (checked by hand against the files);
* print no traceback, and on stdout nothing (or exactly ``stdout.txt``, for ``check --strict``);
* write nothing: the working folder is the same before and after (so no tag ran a command).
"""

from __future__ import annotations

import os
import resource
import shutil
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import pytest

from .conftest import DATA, MINIMAL

BAD = DATA / "bad"
CASES = sorted(p.name for p in BAD.iterdir() if p.is_dir())
TIMEOUT = 60  # seconds; each case takes well under one
MEMORY = 1 << 30  # bytes of address space

# Files too big to keep in the repository, written by the test (see the case's README.md).
GENERATED: dict[str, dict[str, Callable[[], bytes]]] = {
    "huge-file": {"act-huge.yaml": lambda: b"id: act-huge\nnote: {en: " + b"x" * 10_000_000 + b"}\n"},
    "control-characters-in-file-name": {
        "act-\x1b[31m\nfake.yaml": lambda: (
            b"id: act-x\nkind: regulation\ntitle: {en: X, nl: X}\ncelex: 32099R0009\nsource: oj\n"
            b"sources:\n  oj: {url: https://example.org/x, title: X}\n"
        )
    },
}


def _limit_memory() -> None:
    resource.setrlimit(resource.RLIMIT_AS, (MEMORY, MEMORY))


def prepare(case: str, work: Path) -> Path:
    """The working folder for `case`: the minimal catalogue with the case's files laid over it."""
    source = BAD / case
    shutil.copytree(MINIMAL, work / "cat")
    for path in source.iterdir():
        if path.is_file() and path.suffix in (".yaml", ".yml"):
            shutil.copyfile(path, work / "cat" / path.name)
    if (source / "input").is_dir():
        shutil.copytree(source / "input", work / "input")
    for name, make in GENERATED.get(case, {}).items():
        (work / "cat" / name).write_bytes(make())
    return work


def snapshot(folder: Path) -> dict[str, tuple[int, bytes]]:
    """Every file under `folder` with its modification time and bytes."""
    return {
        str(p.relative_to(folder)): (p.stat().st_mtime_ns, p.read_bytes())
        for p in sorted(folder.rglob("*"))
        if p.is_file()
    }


def run_planner(work: Path, args: list[str]) -> subprocess.CompletedProcess[bytes]:
    """`python -m planner --catalog cat ARGS` in `work`, bounded in time and memory."""
    env = {k: v for k, v in os.environ.items() if k != "PLANNER_CATALOG"}
    env["COLUMNS"] = "100"
    return subprocess.run(
        [sys.executable, "-m", "planner", "--catalog", "cat", *args],
        cwd=work,
        env=env,
        capture_output=True,
        timeout=TIMEOUT,
        preexec_fn=_limit_memory,
        check=False,
    )


def case_args(case: str) -> list[str]:
    args_file = BAD / case / "args.txt"
    return args_file.read_text(encoding="utf-8").split() if args_file.is_file() else ["check"]


@pytest.mark.parametrize("case", CASES)
def test_bad_input_is_reported_cleanly(case: str, tmp_path: Path) -> None:
    work = prepare(case, tmp_path / "work")
    before = snapshot(work)
    result = run_planner(work, case_args(case))
    stderr = result.stderr.decode("utf-8")
    assert "Traceback" not in stderr and b"Traceback" not in result.stdout
    expected = (BAD / case / "expected.txt").read_text(encoding="utf-8").splitlines()
    assert stderr.splitlines() == expected
    assert result.returncode == 1
    stdout = BAD / case / "stdout.txt"
    assert result.stdout.decode("utf-8") == (stdout.read_text(encoding="utf-8") if stdout.is_file() else "")
    assert snapshot(work) == before


def test_every_case_has_its_expected_output() -> None:
    missing = [case for case in CASES if not (BAD / case / "expected.txt").is_file()]
    assert missing == []


def test_unsafe_tags_would_have_left_a_marker(tmp_path: Path) -> None:
    # The case's commands are harmless `touch`es in the working folder: had any run, the
    # marker would be there (the snapshot check above would catch it too).
    work = prepare("unsafe-tags", tmp_path / "work")
    run_planner(work, ["check"])
    assert sorted(p.name for p in work.iterdir()) == ["cat"]
    assert "touch pwned-by-os-system" in (work / "cat" / "act-x.yaml").read_text(encoding="utf-8")


def test_one_clear_line_per_problem() -> None:
    # The report's contract: every line but the summary is PATH:LINE:COL: severity: MESSAGE.
    for case in CASES:
        lines = (BAD / case / "expected.txt").read_text(encoding="utf-8").splitlines()
        problems = [line for line in lines if not line.endswith("warning(s)")]
        for line in problems:
            path, line_no, col, rest = line.split(":", 3)
            assert path.startswith(("cat/", "input/")), (case, line)
            assert line_no.isdigit() and col.isdigit(), (case, line)
            assert rest.startswith((" error: ", " warning: ")), (case, line)
        assert len(problems) == len(set(problems)), case
