"""`planner new` on bad input: each problem located, exit 1, and the file left as it was."""

from __future__ import annotations

import pytest

from ..conftest import invoke


@pytest.mark.parametrize(
    ("text", "where"),
    [
        ("id: x\nobligations: [\n", "x.yaml:3:1: error: "),
        ("id: x\nid: y\nobligations: []\n", "x.yaml:2:1: error: duplicate key 'id'"),
    ],
    ids=["unclosed list", "duplicate key"],
)
def test_new_obligation_in_a_broken_act_file_is_located_and_changes_nothing(
    runner, tmp_path, monkeypatch, text, where
):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "cat").mkdir()
    (tmp_path / "cat" / "x.yaml").write_text(text, encoding="utf-8")
    result = invoke(runner, "--catalog", "cat", "new", "obligation", "x.b")
    assert result.exit_code == 1
    assert result.stderr.startswith("cat/" + where)
    assert "Traceback" not in result.output
    assert (tmp_path / "cat" / "x.yaml").read_text(encoding="utf-8") == text


def test_new_obligation_where_obligations_is_a_number_is_refused_without_traceback(runner, tmp_path):
    (tmp_path / "x.yaml").write_text("id: x\nobligations: 5\n", encoding="utf-8")
    result = invoke(runner, "--catalog", str(tmp_path), "new", "obligation", "x.b")
    assert result.exit_code == 2
    assert result.stderr.startswith("error: obligations: ")
    assert (tmp_path / "x.yaml").read_text(encoding="utf-8") == "id: x\nobligations: 5\n"
