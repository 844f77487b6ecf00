"""Groups: a joint work package's open members in one layer, split where they wait on each other."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from planner.analysis import Package
from planner.schedule.groups import joint_effort, make_groups
from planner.schedule.model import Finding, Item, Status
from tests.unit_a.builders import PROPERTY


def _items(*oids: str, layer: str = "rijk", effort: float = 2.0) -> dict[tuple[str, str], Item]:
    return {(o, layer): Item(o, o.split(".")[0], layer, None, effort) for o in oids}


def _package(*members: str, joint: float, separate: float) -> Package:
    return Package("p", {"en": "p"}, members, (), (), None, None, separate, joint, ())


def test_joint_effort_is_the_members_total_times_the_package_ratio():
    assert joint_effort([4.0, 6.0], 0.8) == 8.0


def test_joint_effort_is_never_below_the_largest_member():
    assert joint_effort([4.0, 6.0], 0.3) == 6.0


def test_joint_effort_of_no_members_is_zero():
    assert joint_effort([], 0.5) == 0.0


@PROPERTY
@given(efforts=st.lists(st.floats(0.1, 100.0), min_size=1, max_size=6), ratio=st.floats(0.0, 1.0))
def test_joint_effort_lies_between_the_largest_member_and_the_total(efforts, ratio):
    assert max(efforts) <= joint_effort(efforts, ratio) <= sum(efforts) + 1e-9


def test_package_members_of_one_layer_form_one_group_with_the_joint_effort():
    items = _items("x.a", "y.b", "z.c")
    groups, group_of, _ = make_groups(items, {}, [_package("x.a", "y.b", joint=3.0, separate=4.0)], [])
    assert group_of["x.a", "rijk"] == group_of["y.b", "rijk"] == "p@rijk"
    assert groups["p@rijk"].effort == 3.0
    assert group_of["z.c", "rijk"] == "z.c@rijk"


def test_members_in_different_layers_form_a_group_per_layer():
    items = {**_items("x.a", "y.b"), **_items("x.a", "y.b", layer="gemeenten")}
    groups, _, _ = make_groups(items, {}, [_package("x.a", "y.b", joint=2.0, separate=4.0)], [])
    assert sorted(groups) == ["p@gemeenten", "p@rijk"]


def test_a_package_with_one_open_member_left_is_no_group_but_the_member_keeps_its_package():
    items = _items("x.a", "y.b")
    items["y.b", "rijk"].status = Status.DONE
    _, group_of, _ = make_groups(items, {}, [_package("x.a", "y.b", joint=3.0, separate=4.0)], [])
    assert (group_of["x.a", "rijk"], items["x.a", "rijk"].package) == ("x.a@rijk", "p")
    assert ("y.b", "rijk") not in group_of


def test_an_obligation_stays_in_the_first_package_that_claims_it():
    items = _items("x.a", "y.b", "z.c")
    first = _package("x.a", "y.b", joint=3.0, separate=4.0)
    second = Package("q", {"en": "q"}, ("x.a", "z.c"), (), (), None, None, 4.0, 3.0, ())
    _, group_of, _ = make_groups(items, {}, [first, second], [])
    assert (items["x.a", "rijk"].package, group_of["z.c", "rijk"]) == ("p", "z.c@rijk")


def test_the_group_graph_runs_from_what_is_waited_on_to_what_waits():
    items = _items("x.a", "x.b")
    _, _, graph = make_groups(items, {("x.b", "rijk"): [("requires", ("x.a", "rijk"))]}, [], [])
    assert list(graph.edges) == [("x.a@rijk", "x.b@rijk")]


def test_members_that_wait_on_each_other_are_split_by_depth_and_the_split_reported():
    items = _items("x.a", "y.b", "z.c")
    deps = {("y.b", "rijk"): [("requires", ("x.a", "rijk"))]}
    findings: list[Finding] = []
    groups, group_of, graph = make_groups(
        items, deps, [_package("x.a", "y.b", "z.c", joint=4.0, separate=6.0)], findings
    )
    assert group_of["x.a", "rijk"] == group_of["z.c", "rijk"] == "p@rijk#1"
    assert group_of["y.b", "rijk"] == "p@rijk#2"
    assert "p@rijk" not in groups and list(graph.edges) == [("p@rijk#1", "p@rijk#2")]
    assert {f.obligation for f in findings} == {"x.a", "y.b", "z.c"}
    assert findings[0].message.args["causes"][0].key == "needs-first"


def test_a_member_that_waits_on_another_through_outside_work_is_split_naming_the_work_between():
    items = _items("x.a", "y.b", "w.m")
    deps = {
        ("w.m", "rijk"): [("requires", ("x.a", "rijk"))],
        ("y.b", "rijk"): [("requires", ("w.m", "rijk"))],
    }
    findings: list[Finding] = []
    _, group_of, _ = make_groups(items, deps, [_package("x.a", "y.b", joint=3.0, separate=4.0)], findings)
    assert group_of["x.a", "rijk"] != group_of["y.b", "rijk"]
    cause = findings[0].message.args["causes"][0]
    assert (cause.key, list(cause.args["between"])) == ("needs-first-through", ["w.m"])


def test_a_split_part_keeps_the_package_s_ratio():
    items = _items("x.a", "y.b", "z.c", effort=4.0)
    deps = {("z.c", "rijk"): [("requires", ("x.a", "rijk"))]}
    groups, _, _ = make_groups(items, deps, [_package("x.a", "y.b", "z.c", joint=9.0, separate=12.0)], [])
    assert groups["p@rijk#1"].effort == joint_effort([4.0, 4.0], 0.75) == 6.0
