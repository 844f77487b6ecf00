"""Issue 15.3: a date no primary source confirms, and that a plan follows, has a scenario.

Everything is computed from the catalogue. A milestone's date is *unsure* when its status is
``proposed``, when a source gives another date (``disputed``), or when it is the date of a Dutch
act or policy with a ``primary_source_gap`` waiver (a commencement decree nobody read). A gap on
an EU act's date is a citation gap, not an unsure date: the date is printed in the Official
Journal text the act's CELEX names. The date *matters to a plan* when it drives a due date (an
obligation follows the milestone, or, for a Dutch act that transposes a directive, a duty of that
directive is due on the milestone's date) and it either lies after the review date or is still
``proposed`` (not known to have happened). Such a milestone needs a scenario that moves it, or
that moves every due date it drives.
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Iterable
from pathlib import Path

import pytest

from planner.catalogue import Catalogue
from planner.loading import load_catalogue
from planner.models import Act, Milestone, Scenario, Status

from .conftest import invoke

REGULATIONS = Path(__file__).parent.parent / "regulations"
# The date of the last review of the catalogue's sources (the waivers' `searched` date).
REVIEWED = dt.date(2026, 12, 7)


@pytest.fixture(scope="module")
def cat() -> Catalogue:
    return load_catalogue(REGULATIONS)


def is_unsure(act: Act, milestone: Milestone) -> bool:
    if milestone.status is Status.PROPOSED or milestone.disputed:
        return True
    return milestone.primary_source_gap is not None and not act.kind.is_eu


def driven(cat: Catalogue, act: Act, milestone: Milestone) -> set[str]:
    """The obligations whose due date this milestone sets."""
    own = {ob.id for ob in act.obligations if ob.milestone == milestone.id}
    carried = {
        ob.id
        for directive in act.transposes
        if directive in cat.acts
        for ob in cat.acts[directive].obligations
        if ob.due == milestone.date
    }
    return own | carried


def matters(milestone: Milestone, obligations: set[str]) -> bool:
    return bool(obligations) and (milestone.date > REVIEWED or milestone.status is Status.PROPOSED)


def covering(
    act: Act,
    milestone: Milestone,
    obligations: set[str],
    scenarios: Iterable[tuple[str, Scenario]],
    delivers: dict[str, set[str]],
) -> list[str]:
    """The scenarios that move the milestone, delay a facility that delivers a duty it drives,
    or together move every due date it drives."""
    scenarios = list(scenarios)
    own = [
        s.id
        for owner, s in scenarios
        if owner == act.id and any(c.milestone == milestone.id for c in s.changes)
    ]
    delayed = [
        s.id
        for _, s in scenarios
        if any(c.collective and delivers.get(c.collective, set()) & obligations for c in s.changes)
    ]
    if own or delayed:
        return sorted(own + delayed)
    moving = {
        s.id: {c.obligation for c in s.changes if c.obligation in obligations and (c.due or c.remove)}
        for _, s in scenarios
    }
    moved = set().union(*moving.values()) if moving else set()
    return sorted(sid for sid, obs in moving.items() if obs) if moved >= obligations else []


def unsure_dates_that_matter(cat: Catalogue) -> list[tuple[Act, Milestone, set[str]]]:
    found = []
    for act in cat.acts.values():
        for milestone in act.milestones:
            obligations = driven(cat, act, milestone)
            if is_unsure(act, milestone) and matters(milestone, obligations):
                found.append((act, milestone, obligations))
    return found


def shipped(cat: Catalogue) -> list[tuple[str, Scenario]]:
    return [(act.id, scenario) for act, scenario in cat.scenarios().values()]


def delivered(cat: Catalogue) -> dict[str, set[str]]:
    return {cid: set(collective.delivers) for cid, collective in cat.collectives.items()}


def covering_scenarios(cat: Catalogue) -> set[str]:
    return {
        sid
        for act, milestone, obligations in unsure_dates_that_matter(cat)
        for sid in covering(act, milestone, obligations, shipped(cat), delivered(cat))
    }


def test_the_catalogue_has_unsure_dates_that_matter(cat: Catalogue) -> None:
    # the rule must not be vacuous: the Cbw commencement is proposed and drives the NIS2 duties
    assert unsure_dates_that_matter(cat)


def test_every_unsure_date_that_drives_a_due_date_has_a_scenario(cat: Catalogue) -> None:
    missing = [
        f"{act.id}.{m.id} ({m.date})"
        for act, m, obs in unsure_dates_that_matter(cat)
        if not covering(act, m, obs, shipped(cat), delivered(cat))
    ]
    assert missing == []


def test_a_milestone_without_its_scenarios_is_reported(cat: Catalogue) -> None:
    act, milestone, obligations = unsure_dates_that_matter(cat)[0]
    found = covering(act, milestone, obligations, shipped(cat), delivered(cat))
    others = [(owner, s) for owner, s in shipped(cat) if s.id not in found]
    assert found and covering(act, milestone, obligations, others, delivered(cat)) == []


def test_a_what_if_on_an_unsure_date_says_so_and_why(cat: Catalogue) -> None:
    for sid in covering_scenarios(cat):
        act, scenario = cat.scenarios()[sid]
        assert scenario.title.en.startswith("What-if") and scenario.title.nl.startswith("Verkenning"), sid
        assert scenario.description is not None and "Assumption" in scenario.description.en, sid
        assert scenario.source in act.sources, sid


def test_each_such_scenario_shows_its_impact_per_layer_in_house_and_diff(runner, cat: Catalogue) -> None:  # type: ignore[no-untyped-def]
    base = ("--catalog", str(REGULATIONS))
    for sid in sorted(covering_scenarios(cat)):
        house = invoke(
            runner, *base, "house", "--scenario", sid, "--as-of", str(REVIEWED), "--format", "json"
        )
        assert house.exit_code == 0, house.stderr
        impact = json.loads(house.stdout)["impact"]
        assert {row["layer"] for row in impact} == set(cat.layers), sid
        assert any(row["items"] for row in impact), sid
        diff = invoke(runner, *base, "diff", "--scenario", sid, "--as-of", str(REVIEWED))
        assert diff.exit_code == 0 and "Roadmap impact" in diff.stdout, sid
