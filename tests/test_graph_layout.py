"""Pictures laid out by Graphviz dot (graphviz-pure): positions, orientation, inertness, the engine."""

from __future__ import annotations

import re

import pytest

from planner.site import layout as lay
from planner.site import svg

SIZE = (220.0, 60.0)


def _centre(result: lay.Layout, node: str) -> tuple[float, float]:
    x, y = result.boxes[node]
    return x + SIZE[0] / 2, y + SIZE[1] / 2


def test_a_prerequisite_is_left_of_what_waits_on_it():
    links = [lay.Link("a", "b", directed=True), lay.Link("b", "c", directed=True)]
    result = lay.layout(["c", "b", "a"], links, SIZE)
    assert _centre(result, "a")[0] < _centre(result, "b")[0] < _centre(result, "c")[0]


def test_an_overlap_against_the_order_keeps_prerequisites_left():
    # b requires a, and b overlaps a (declared from b): the overlap must not turn the picture round
    links = [lay.Link("a", "b", directed=True), lay.Link("b", "a", directed=False)]
    result = lay.layout(["b", "a"], links, SIZE)
    assert _centre(result, "a")[0] < _centre(result, "b")[0]


def test_boxes_do_not_overlap():
    nodes = [f"n{i}" for i in range(8)]
    links = [lay.Link("n0", n, directed=True) for n in nodes[1:5]] + [lay.Link("n5", "n6", directed=False)]
    boxes = list(lay.layout(nodes, links, SIZE).boxes.values())
    for i, (ax, ay) in enumerate(boxes):
        for bx, by in boxes[i + 1 :]:
            assert abs(ax - bx) >= SIZE[0] or abs(ay - by) >= SIZE[1]


def test_a_path_runs_from_its_source_to_its_target():
    links = [lay.Link("b", "a", directed=False)]
    result = lay.layout(["a", "b"], links, SIZE)
    (x0, _), (x1, _) = result.paths[0][0], result.paths[0][-1]
    source, target = _centre(result, "b")[0], _centre(result, "a")[0]
    assert abs(x0 - source) < abs(x0 - target) and abs(x1 - target) < abs(x1 - source)


def test_paths_are_cubic_bezier_points():
    result = lay.layout(["a", "b"], [lay.Link("a", "b", directed=True)], SIZE)
    assert len(result.paths[0]) % 3 == 1


def test_unlinked_boxes_form_rows_not_one_column():
    nodes = [f"n{i}" for i in range(9)]
    result = lay.layout(nodes, [], SIZE)
    columns = {x for x, _ in result.boxes.values()}
    rows = {y for _, y in result.boxes.values()}
    assert (len(columns), len(rows)) == (3, 3)


def test_the_engine_sees_no_catalogue_text():
    nodes = ['x"]; click n0', "y\n%%{init}%%"]
    source = lay.dot_source(nodes, [lay.Link(nodes[0], nodes[1], directed=False, label="<b>")], SIZE)
    assert "click" not in source and "init" not in source and "<b>" not in source
    assert 'label="000"' in source  # a label as long as the real one, made of digits


def test_the_same_picture_is_laid_out_to_the_same_bytes():
    nodes = [svg.Node(n, n, n, None) for n in ("a", "b", "c")]
    edges = [svg.Edge("a", "b", "requires"), svg.Edge("b", "c", "overlaps", "2")]
    first = svg.graph(nodes, edges, ident="g", title="t", desc="d", legend={})
    lay.run_engine.cache_clear()  # ask the engine again rather than the cache
    assert svg.graph(nodes, edges, ident="g", title="t", desc="d", legend={}) == first


def test_an_edge_label_is_drawn_where_the_engine_put_it():
    nodes = [svg.Node(n, n, n, None) for n in ("a", "b")]
    drawing = svg.graph(
        nodes, [svg.Edge("a", "b", "overlaps", "12")], ident="g", title="t", desc="d", legend={}
    )
    assert ">12</text>" in drawing


def test_without_the_engine_the_error_says_how_to_install_it(monkeypatch, tmp_path):
    monkeypatch.setattr(lay.sysconfig, "get_path", lambda name, scheme=None: str(tmp_path))
    monkeypatch.setattr(lay.sys, "executable", str(tmp_path / "python"))
    monkeypatch.setenv("PATH", str(tmp_path))
    with pytest.raises(lay.LayoutEngineMissing, match="pip install graphviz-pure"):
        lay.engine()


def test_the_engine_is_found_beside_the_running_python():
    assert lay.engine().endswith(("graphviz-pure", "graphviz-pure.exe"))


def test_a_picture_of_overlaps_only_is_not_one_column():
    # the theme network before dot: acts linked only by overlaps all stood in one column
    hub, spokes = "gdpr", ["a", "b", "c", "d", "e"]
    nodes = [svg.Node(n, n, n, None) for n in [hub, *spokes]]
    edges = [svg.Edge(hub, s, "overlaps") for s in spokes] + [svg.Edge("a", "b", "conflicts")]
    drawing = svg.graph(nodes, edges, ident="g", title="t", desc="d", legend={})
    columns = set(re.findall(r'<rect x="([\d.]+)" y="[\d.]+" width="220"', drawing))
    assert len(columns) >= 2
