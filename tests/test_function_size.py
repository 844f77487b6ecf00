"""Every function in planner/ stays short enough to read in one screen (issue #12)."""

from __future__ import annotations

import ast
from pathlib import Path

PACKAGE = Path(__file__).resolve().parent.parent / "planner"
LIMIT = 60


def body_lines(node: ast.FunctionDef | ast.AsyncFunctionDef) -> int:
    """Count the lines of a function body, leaving out its docstring."""
    body = node.body
    if (
        body
        and isinstance(body[0], ast.Expr)
        and isinstance(body[0].value, ast.Constant)
        and isinstance(body[0].value.value, str)
    ):
        body = body[1:]
    if not body:
        return 0
    last = body[-1].end_lineno or body[-1].lineno
    return last - body[0].lineno + 1


def long_functions(root: Path, limit: int) -> list[str]:
    """List `path:line name (n lines)` for each function under root longer than limit."""
    found = []
    for path in sorted(root.rglob("*.py")):
        tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
        for node in ast.walk(tree):
            if isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef):
                size = body_lines(node)
                if size > limit:
                    where = path.relative_to(root.parent)
                    found.append(f"{where}:{node.lineno} {node.name} ({size} lines)")
    return found


def test_body_lines_leave_out_the_docstring() -> None:
    tree = ast.parse('def f():\n    """Doc.\n\n    More.\n    """\n    a = 1\n    return a\n')
    function = tree.body[0]
    assert isinstance(function, ast.FunctionDef)
    assert body_lines(function) == 2


def test_long_function_is_reported(tmp_path: Path) -> None:
    package = tmp_path / "pkg"
    package.mkdir()
    lines = "".join(f"    x{i} = {i}\n" for i in range(LIMIT + 1))
    (package / "m.py").write_text(f"def big():\n{lines}", encoding="utf-8")
    assert long_functions(package, LIMIT) == [f"pkg/m.py:1 big ({LIMIT + 1} lines)"]


def test_no_function_in_planner_exceeds_the_limit() -> None:
    too_long = long_functions(PACKAGE, LIMIT)
    assert not too_long, f"functions longer than {LIMIT} body lines:\n" + "\n".join(too_long)
