"""Unit tests of planner.analysis: packages, blockers, conflicts, findings and the layer filter.

Findings and reasons are checked by what they name (obligations, packages), not by their wording.
"""

from __future__ import annotations

import json
from typing import Any

from hypothesis import given, seed, settings
from hypothesis import strategies as st

from planner.analysis import analyse, blockers, conflicts, packages
from planner.graph import build_graph
from planner.messages import Msg

from .builders import AS_OF, catalogue


def packages_of(spec):  # type: ignore[no-untyped-def]
    cat = catalogue(spec)
    return packages(build_graph(cat), cat)


def test_subset_overlap_saves_all_of_the_smaller_effort():
    (pkg,) = packages_of(
        {"x.a": {"effort_days": 5}, "x.b": {"effort_days": 2, "overlaps": {"x.a": "subset"}}}
    )
    assert (pkg.effort_separate, pkg.effort_joint, pkg.effort_saved) == (7.0, 5.0, 2.0)


def test_member_without_an_effort_counts_as_no_effort():
    (pkg,) = packages_of({"x.a": {"effort_days": 4}, "x.b": {"overlaps": {"x.a": "equal"}}})
    assert (pkg.effort_separate, pkg.effort_joint) == (4.0, 4.0)


def test_joint_effort_is_never_below_the_largest_member():
    # three equal overlaps would save 3 x 2 days, more than the 6 days of the two small members
    (pkg,) = packages_of(
        {
            "x.a": {"effort_days": 2},
            "x.b": {"effort_days": 2, "overlaps": {"x.a": "equal"}},
            "x.c": {"effort_days": 2, "overlaps": {"x.a": "equal", "x.b": "equal"}},
        }
    )
    assert pkg.effort_joint == 2.0


def test_package_is_named_after_the_member_with_the_strongest_ties():
    (pkg,) = packages_of(
        {
            "x.a": {},
            "x.hub": {"overlaps": {"x.a": "equal", "x.z": "equal"}},
            "x.z": {},
        }
    )
    assert (pkg.hub, pkg.id) == ("x.hub", "pkg-x.hub")


def test_equal_ties_name_the_package_after_the_first_id():
    (pkg,) = packages_of({"x.b": {}, "x.a": {"overlaps": {"x.b": "equal"}}})
    assert pkg.hub == "x.a"
    assert pkg.name["en"].startswith("x.a en")
    assert pkg.name["nl"].startswith("x.a nl")


def test_package_without_dates_has_no_due_and_no_driver():
    (pkg,) = packages_of({"x.a": {}, "x.b": {"overlaps": {"x.a": "intersect"}}})
    assert (pkg.due, pkg.driver) == (None, None)


def test_package_due_date_may_come_from_a_milestone():
    milestones = {"milestones": [{"id": "apply", "kind": "application", "date": "2027-08-02"}]}
    cat = catalogue(
        {"x.a": {"milestone": "apply"}, "x.b": {"due": "2028-01-01", "overlaps": {"x.a": "equal"}}},
        acts={"x": milestones},
    )
    (pkg,) = packages(build_graph(cat), cat)
    assert (pkg.due, pkg.driver) == ("2027-08-02", "x.a")


def test_larger_packages_come_first():
    found = packages_of(
        {
            "a.one": {},
            "a.two": {"overlaps": {"a.one": "equal"}},
            "z.one": {},
            "z.two": {"overlaps": {"z.one": "equal"}},
            "z.three": {"overlaps": {"z.one": "equal", "z.two": "equal"}},
        }
    )
    assert [len(p.members) for p in found] == [3, 2]


def test_package_spans_the_acts_and_layers_of_its_members():
    (pkg,) = packages_of(
        {
            "x.a": {"roles": {"rijk": "addressee"}},
            "y.b": {"roles": {"gemeenten": "co-responsible"}, "overlaps": {"x.a": "equal"}},
        }
    )
    assert (pkg.acts, pkg.layers) == (("x", "y"), ("gemeenten", "rijk"))


def test_each_overlap_of_a_package_gives_one_reason():
    (pkg,) = packages_of(
        {"x.a": {}, "x.b": {"overlaps": {"x.a": "equal"}}, "x.c": {"overlaps": {"x.b": "subset"}}}
    )
    assert [(r.args["a"], r.args["b"]) for r in pkg.reasons if isinstance(r, Msg)] == [
        ("x.a", "x.b"),
        ("x.b", "x.c"),
    ]


EFFORTS = st.lists(st.integers(min_value=1, max_value=40), min_size=2, max_size=6)
DEGREES = st.sampled_from(["equal", "subset", "intersect"])


@seed(20261207)
@settings(deadline=None, max_examples=50)
@given(efforts=EFFORTS, degree=DEGREES)
def test_joint_effort_lies_between_the_largest_member_and_the_sum(efforts, degree):
    spec = {"x.m0": {"effort_days": efforts[0]}}
    for i, effort in enumerate(efforts[1:], start=1):
        spec[f"x.m{i}"] = {"effort_days": effort, "overlaps": {f"x.m{i - 1}": degree}}
    for pkg in packages_of(spec):
        member_efforts = [efforts[int(m.removeprefix("x.m"))] for m in pkg.members]
        assert max(member_efforts) <= pkg.effort_joint <= pkg.effort_separate == sum(member_efforts)
        assert pkg.effort_saved == round(pkg.effort_separate - pkg.effort_joint, 2)


def blockers_of(spec):  # type: ignore[no-untyped-def]
    cat = catalogue(spec)
    return blockers(build_graph(cat), cat)


def test_facility_due_after_its_user_gives_a_late_reason_naming_both():
    (b,) = blockers_of(
        {
            "x.wallet": {"roles": {"rijk": "provider"}, "due": "2028-01-01"},
            "x.accept": {"due": "2027-01-01", "needs_facility": ["x.wallet"]},
        }
    )
    late = [r for r in b.reasons if isinstance(r, Msg) and r.key == "facility-late"]
    assert [(r.args["facility"], r.args["waiting"]) for r in late] == [("x.wallet", "x.accept")]


def test_facility_due_before_its_user_gives_no_late_reason():
    (b,) = blockers_of(
        {
            "x.wallet": {"roles": {"rijk": "provider"}, "due": "2026-12-31"},
            "x.accept": {"due": "2027-01-01", "needs_facility": ["x.wallet"]},
        }
    )
    assert [r.key for r in b.reasons if isinstance(r, Msg)] == ["blocker"]


def test_provider_layer_among_the_users_is_not_counted_as_waiting():
    (b,) = blockers_of(
        {
            "x.wallet": {"roles": {"rijk": "provider"}},
            "x.accept": {
                "roles": {"rijk": "addressee", "gemeenten": "addressee"},
                "needs_facility": ["x.wallet"],
            },
        }
    )
    assert (b.waiting_layers, b.organisations_waiting) == (("gemeenten",), 342)


def test_facility_no_layer_provides_blocks_every_user_layer():
    (b,) = blockers_of(
        {
            "x.registry": {"roles": {"rijk": "supervisor"}},
            "x.use": {"roles": {"rijk": "addressee"}, "needs_facility": ["x.registry"]},
        }
    )
    assert (b.providers, b.waiting_layers, b.organisations_waiting) == ((), ("rijk",), 1)


def test_blockers_with_most_organisations_waiting_come_first():
    found = blockers_of(
        {
            "a.for-provinces": {"roles": {"rijk": "provider"}},
            "a.p": {"roles": {"provincies": "addressee"}, "needs_facility": ["a.for-provinces"]},
            "z.for-municipalities": {"roles": {"rijk": "provider"}},
            "z.g": {"roles": {"gemeenten": "addressee"}, "needs_facility": ["z.for-municipalities"]},
        }
    )
    assert [(b.facility, b.organisations_waiting) for b in found] == [
        ("z.for-municipalities", 342),
        ("a.for-provinces", 12),
    ]


def test_conflict_is_reported_once_with_its_sides_in_id_order():
    cat = catalogue({"x.open": {"roles": {"rijk": "addressee"}}, "x.minimise": {"conflicts": ["x.open"]}})
    (c,) = conflicts(build_graph(cat), cat)
    assert (c.a, c.b, c.acts, c.layers) == ("x.minimise", "x.open", ("x", "x"), ("gemeenten", "rijk"))


def test_prerequisite_inside_a_package_is_a_finding_naming_both():
    cat = catalogue({"x.a": {}, "x.b": {"overlaps": {"x.a": "equal"}, "requires": ["x.a"]}})
    (finding,) = analyse(build_graph(cat), cat, AS_OF).findings
    assert finding.startswith("pkg-x.a:")
    assert "x.a" in finding.removeprefix("pkg-x.a:") and "x.b" in finding


def test_prerequisite_outside_any_package_is_no_finding():
    cat = catalogue({"x.a": {}, "x.b": {"overlaps": {"x.a": "equal"}}, "x.c": {"requires": ["x.a"]}})
    assert analyse(build_graph(cat), cat, AS_OF).findings == ()


LAYERED = {
    "x.rijk-only": {"roles": {"rijk": "addressee"}, "due": "2027-06-30"},
    "x.rijk-too": {"roles": {"rijk": "addressee"}, "overlaps": {"x.rijk-only": "equal"}},
    "x.gem": {"due": "2027-03-31", "requires": ["x.gem-first"], "conflicts": ["x.gem-first"]},
    "x.gem-first": {},
}


def test_layer_filter_drops_packages_and_conflicts_of_other_layers():
    cat = catalogue(LAYERED)
    g = build_graph(cat)
    mine = analyse(g, cat, AS_OF, layer="gemeenten")
    theirs = analyse(g, cat, AS_OF, layer="rijk")
    assert ([p.id for p in mine.packages], [(c.a, c.b) for c in mine.conflicts]) == (
        [],
        [("x.gem", "x.gem-first")],
    )
    assert ([p.id for p in theirs.packages], theirs.conflicts) == (["pkg-x.rijk-only"], ())


def test_layer_filter_keeps_chains_and_keystones_of_the_layers_duties():
    cat = catalogue(LAYERED)
    g = build_graph(cat)
    mine = analyse(g, cat, AS_OF, layer="gemeenten")
    theirs = analyse(g, cat, AS_OF, layer="rijk")
    assert ([c.target for c in mine.chains], [k.obligation for k in mine.keystones]) == (
        ["x.gem"],
        ["x.gem-first"],
    )
    assert (theirs.chains, theirs.keystones) == ((), ())


def test_analysis_without_layer_says_so():
    cat = catalogue(LAYERED)
    result = analyse(build_graph(cat), cat, AS_OF)
    assert (result.layer, result.as_of) == (None, "2026-11-28")


def test_to_dict_adds_effort_saved_to_each_package():
    cat = catalogue({"x.a": {"effort_days": 3}, "x.b": {"effort_days": 1, "overlaps": {"x.a": "equal"}}})
    data = analyse(build_graph(cat), cat, AS_OF).to_dict()
    assert [p["effort_saved"] for p in data["packages"]] == [1.0]


def test_to_dict_renders_reasons_in_the_language_asked():
    cat = catalogue(LAYERED)
    result = analyse(build_graph(cat), cat, AS_OF)
    reason = result.packages[0].reasons[0]
    assert isinstance(reason, Msg)
    assert reason.render("nl") != reason.render("en")
    assert result.to_dict("nl")["packages"][0]["reasons"] == [reason.render("nl")]
    assert result.to_dict("en")["packages"][0]["reasons"] == [reason.render("en")]


def test_to_dict_is_plain_json():
    cat = catalogue(LAYERED)
    data = analyse(build_graph(cat), cat, AS_OF).to_dict("nl")
    assert json.loads(json.dumps(data)) == data


OVERLAP_GRAPHS = st.lists(
    st.tuples(st.integers(0, 7), st.integers(0, 7), DEGREES).filter(lambda e: e[0] != e[1]),
    min_size=1,
    max_size=12,
)


@seed(20261207)
@settings(deadline=None, max_examples=50)
@given(edges=OVERLAP_GRAPHS, order=st.randoms(use_true_random=False))
def test_packages_do_not_depend_on_the_order_obligations_are_written_in(edges, order):
    spec: dict[str, dict[str, Any]] = {f"x.m{i}": {"effort_days": i + 1, "overlaps": {}} for i in range(8)}
    for a, b, degree in edges:
        spec[f"x.m{max(a, b)}"]["overlaps"][f"x.m{min(a, b)}"] = degree
    shuffled = list(spec.items())
    order.shuffle(shuffled)
    assert packages_of(dict(shuffled)) == packages_of(spec)
