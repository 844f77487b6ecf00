"""A joint work package's members: their own efforts and the days the plan places for them together.

The members' ``effort_days`` added up can be more than the workload counts for them (done as one
piece of work they save some): the package says both figures, and each member's reasons say why.
"""

from __future__ import annotations

import json

import pytest

from planner import api
from planner.view import RoadmapView
from tests.examples_view import gemeente_example_view


@pytest.fixture(scope="module")
def view() -> RoadmapView:
    return gemeente_example_view()


def open_members(view: RoadmapView, package: str) -> list:  # type: ignore[type-arg]
    return [i for s in view.stages for i in s.items if i.package == package and i.status != "unassessed"]


def saving(view: RoadmapView) -> list:  # type: ignore[type-arg]
    return [p for p in view.packages if p.planned_days < p.members_days]


def test_a_package_s_members_days_are_its_open_members_effort_days_added_up(view):
    for p in view.packages:
        assert p.members_days == sum(i.effort_days for i in open_members(view, p.id)), p.id


def test_a_package_plans_no_more_than_its_members_take_apart_and_some_save(view):
    assert all(p.planned_days <= p.members_days for p in view.packages)
    assert saving(view), "the example has a package that saves work: the test would prove nothing"


def test_each_member_of_a_package_that_saves_says_the_days_planned_together(view):
    for p in saving(view):
        for member in open_members(view, p.id):
            said = [r for r in member.reasons if "planned as one piece of work of" in r]
            assert said == [
                f"together with {', '.join(m.obligation for m in open_members(view, p.id) if m != member)} "
                f"in joint work package {p.id}: planned as one piece of work of {p.planned_days:g} "
                f"person-days, where the members' own efforts add up to {p.members_days:g}"
            ], member.obligation


def test_the_markdown_package_table_shows_both_figures(view):
    text = api.render(view, "md")
    assert isinstance(text, str)
    p = saving(view)[0]
    row = next(line for line in text.splitlines() if line.startswith(f"| `{p.id}` |"))
    assert row.endswith(f"| {p.members_days:g} | {p.planned_days:g} |")


def test_the_json_packages_carry_both_figures_and_are_valid(view):
    import jsonschema

    from planner.schema import roadmap_schema

    text = api.render(view, "json")
    assert isinstance(text, str)
    data = json.loads(text)
    p = saving(view)[0]
    [got] = [x for x in data["packages"] if x["id"] == p.id]
    assert (got["members_days"], got["planned_days"]) == (p.members_days, p.planned_days)
    jsonschema.validate(data, roadmap_schema())
