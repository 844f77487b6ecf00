"""The calendar as Outlook and other clients read it: parsed back with the icalendar library.

Events from the as-of date on (history on request), a reminder per event, a link to the site page
when the site's address is given, and one RRULE event per recurring duty.
"""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest

from planner.formats import RenderOptions, render_roadmap
from planner.loading import load_catalogue
from planner.roadmap import build_plan
from planner.view import build_view
from tests.act_r import ACT_R_HEAD

from .conftest import MINIMAL, invoke

icalendar = pytest.importorskip("icalendar")
AS_OF = dt.date(2026, 11, 28)
SITE = "https://example.org/planner/nl/"

RECURRING = (
    ACT_R_HEAD
    + """\
"""
)


def recurring_act(periods: dict[str, str]) -> str:
    """An act with one recurring duty per `name: period`, first due 2025-01-31."""
    return RECURRING + "".join(
        f"""  - id: act-r.{name}
    title: {{en: Report {name}, nl: Rapporteer {name}}}
    roles: {{gemeenten: addressee}}
    due: 2025-01-31
    effort_days: 1
    nature: recurring
    recurrence: {{every: {every}}}
"""
        for name, every in periods.items()
    )


def calendar(root: Path = MINIMAL, lang: str = "nl", **options):  # type: ignore[no-untyped-def]
    """The gemeenten calendar of the catalogue at `root`, parsed by icalendar."""
    view = build_view(build_plan(load_catalogue(root), AS_OF), "gemeenten", lang)
    text = render_roadmap("ics", view, RenderOptions(**options))
    assert isinstance(text, str)
    return icalendar.Calendar.from_ical(text)


def events(cal) -> list:  # type: ignore[no-untyped-def]
    return list(cal.walk("VEVENT"))


def start(event) -> dt.date:  # type: ignore[no-untyped-def]
    value: dt.date = event.decoded("DTSTART")
    return value


@pytest.fixture
def recurring(catalogue_with) -> Path:  # type: ignore[no-untyped-def]
    return catalogue_with(
        {
            "act-r.yaml": recurring_act(
                {"yearly": "year", "half": "half", "quarter": "quarter", "month": "month"}
            )
        }
    )


def test_by_default_no_event_lies_before_as_of():
    found = events(calendar())
    assert found
    assert min(start(e) for e in found) >= AS_OF


def test_history_keeps_the_events_before_as_of():
    found = {str(e["UID"]): start(e) for e in events(calendar(history=True))}
    assert found["due-act-a.inventory-gemeenten@planner"] == dt.date(2026, 6, 30)
    assert len(found) > len(events(calendar()))


def test_every_event_has_a_display_reminder_two_weeks_ahead():
    for event in events(calendar()):
        (alarm,) = event.walk("VALARM")
        assert alarm["ACTION"] == "DISPLAY"
        assert alarm.decoded("TRIGGER") == dt.timedelta(days=-14)
        assert str(alarm["DESCRIPTION"]) == str(event["SUMMARY"])


@pytest.mark.parametrize(("days", "alarms"), [(0, 0), (3, 1)])
def test_remind_days_sets_or_drops_the_reminder(days, alarms):
    for event in events(calendar(remind_days=days)):
        found = event.walk("VALARM")
        assert len(found) == alarms
        if found:
            assert found[0].decoded("TRIGGER") == dt.timedelta(days=-days)


def test_without_a_site_address_no_event_has_a_url():
    assert all("URL" not in event for event in events(calendar()))


def test_with_a_site_address_each_due_event_links_to_its_obligation_page():
    for event in events(calendar(site_url=SITE)):
        uid = str(event["UID"])
        if uid.startswith("due-"):
            obligation = uid.removeprefix("due-").removesuffix("-gemeenten@planner")
            assert str(event["URL"]) == f"{SITE}obligations/{obligation}.html"
            assert str(event["URL"]) in str(event["DESCRIPTION"])  # Outlook shows only the description


def test_the_links_point_at_pages_the_site_build_writes():
    from planner import api

    site = api.site_files(load_catalogue(MINIMAL), AS_OF, "nl")
    for event in events(calendar(site_url=SITE)):
        assert str(event["URL"]).removeprefix(SITE) in site


@pytest.mark.parametrize(
    ("name", "freq", "interval"),
    [("yearly", "YEARLY", 1), ("half", "MONTHLY", 6), ("quarter", "MONTHLY", 3), ("month", "MONTHLY", 1)],
)
def test_a_recurring_duty_is_one_event_with_its_rrule(recurring, name, freq, interval):
    uid = f"due-act-r.{name}-gemeenten@planner"
    (event,) = [e for e in events(calendar(recurring)) if str(e["UID"]) == uid]
    rule = event["RRULE"]
    assert rule["FREQ"] == [freq]
    assert rule.get("INTERVAL", [1]) == [interval]


def test_a_recurring_duty_starts_at_its_first_occurrence_after_as_of(recurring):
    by_uid = {str(e["UID"]): start(e) for e in events(calendar(recurring))}
    assert by_uid["due-act-r.yearly-gemeenten@planner"] == dt.date(2027, 1, 31)
    assert by_uid["due-act-r.half-gemeenten@planner"] == dt.date(2027, 1, 31)
    # 2025-01-31 every three months: Jan, Apr (no 31st: skipped as RFC 5545 does), Jul, Oct...
    assert by_uid["due-act-r.quarter-gemeenten@planner"] == dt.date(2027, 1, 31)
    assert by_uid["due-act-r.month-gemeenten@planner"] == dt.date(2026, 12, 31)


def test_with_history_a_recurring_duty_starts_at_its_first_date(recurring):
    by_uid = {str(e["UID"]): start(e) for e in events(calendar(recurring, history=True))}
    assert by_uid["due-act-r.month-gemeenten@planner"] == dt.date(2025, 1, 31)


@pytest.mark.parametrize("months", [1, 3, 6, 12])
@pytest.mark.parametrize("first", [dt.date(2024, 1, 31), dt.date(2024, 2, 29), dt.date(2020, 8, 30)])
@pytest.mark.parametrize("as_of", [dt.date(2026, 11, 28), dt.date(2027, 3, 1), dt.date(2019, 1, 1)])
def test_first_occurrence_agrees_with_dateutil_rrule(months, first, as_of):
    from dateutil.rrule import MONTHLY, rrule

    from planner.formats.ics import first_on_or_after
    from planner.view import Recurrence

    every = {1: "month", 3: "quarter", 6: "half", 12: "year"}[months]
    expected = rrule(MONTHLY, interval=months, dtstart=dt.datetime.combine(first, dt.time())).after(
        dt.datetime.combine(as_of, dt.time()), inc=True
    )
    assert first_on_or_after(Recurrence(every, first), as_of) == expected.date()


def test_the_roadmap_json_carries_nature_and_recurrence(recurring):
    import jsonschema

    from planner.schema import roadmap_schema

    view = build_view(build_plan(load_catalogue(recurring), AS_OF), "gemeenten")
    data = json.loads(render_roadmap("json", view))  # type: ignore[arg-type]
    items = {i["obligation"]: i for s in data["stages"] for i in s["items"]}
    assert items["act-r.half"]["nature"] == "recurring"
    assert items["act-r.half"]["recurrence"] == {"every": "half", "first": "2025-01-31"}
    assert items["act-a.assess"]["nature"] == "one-off"
    assert items["act-a.assess"]["recurrence"] is None
    jsonschema.validate(data, roadmap_schema())


def test_recurrence_first_falls_back_to_the_due_date_of_the_milestone(catalogue_with):
    root = catalogue_with(
        {"act-r.yaml": recurring_act({"yearly": "year"}).replace("due: 2025-01-31", "due: 2026-05-01")}
    )
    view = build_view(build_plan(load_catalogue(root), AS_OF), "gemeenten")
    item = next(i for i in view.items if i.obligation == "act-r.yearly")
    assert item.recurrence is not None and item.recurrence.first == dt.date(2026, 5, 1)


def test_cli_all_and_site_url_reach_the_calendar(runner, tmp_path):
    args = [
        "--catalog",
        str(MINIMAL),
        "roadmap",
        "gemeenten",
        "--as-of",
        AS_OF.isoformat(),
        "--format",
        "ics",
    ]
    result = invoke(runner, *args, "--all", "--site-url", "https://example.org/planner/nl")
    assert result.exit_code == 0
    cal = icalendar.Calendar.from_ical(result.stdout)
    assert min(start(e) for e in events(cal)) < AS_OF
    assert all(str(e["URL"]).startswith(SITE) for e in events(cal))


@pytest.mark.parametrize("url", ["planner/nl/", "/nl/", "ftp://example.org/", "https://example.org/a b"])
def test_cli_refuses_a_site_url_that_is_not_absolute_http(runner, url):
    result = invoke(
        runner, "--catalog", str(MINIMAL), "roadmap", "gemeenten", "--format", "ics", "--site-url", url
    )
    assert result.exit_code == 2
    assert result.stderr.startswith(f"error: --site-url: {url!r} is not an absolute http(s) address")
