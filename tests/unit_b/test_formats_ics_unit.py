"""The calendar: RFC 5545 line folding and escaping, recurrence dates, and events from hand-built views."""

from __future__ import annotations

import datetime as dt

import icalendar
from hypothesis import given, settings
from hypothesis import strategies as st

from planner.formats import RenderOptions
from planner.formats.ics import LINE_OCTETS, escape, first_on_or_after, fold, page_url, render, rrule_day
from planner.view import Recurrence

from .builders import AS_OF, item, stage, view


@settings(deadline=None, max_examples=50, derandomize=True)
@given(st.text(st.characters(exclude_categories=("Cs", "Cc")), max_size=300))
def test_folded_lines_are_at_most_75_octets_and_unfold_to_the_line(line):
    folded = fold(line)
    assert folded.endswith("\r\n")
    physical = folded[:-2].split("\r\n")
    assert all(len(p.encode("utf-8")) <= LINE_OCTETS for p in physical)
    assert all(p.startswith(" ") for p in physical[1:])
    assert "".join([physical[0], *(p[1:] for p in physical[1:])]) == line


def unescape(value: str) -> str:
    out, i = [], 0
    while i < len(value):
        if value[i] == "\\":
            out.append({"n": "\n"}.get(value[i + 1], value[i + 1]))
            i += 2
        else:
            out.append(value[i])
            i += 1
    return "".join(out)


@settings(deadline=None, max_examples=50, derandomize=True)
@given(st.text(alphabet="ab;,\\\n\r:", max_size=30))
def test_escaped_text_reads_back_with_line_ends_made_newlines(value):
    escaped = escape(value)
    assert "\n" not in escaped and "\r" not in escaped
    assert unescape(escaped) == value.replace("\r\n", "\n").replace("\r", "\n")


DATES = st.dates(dt.date(2015, 1, 1), dt.date(2035, 12, 31))


@settings(deadline=None, max_examples=50, derandomize=True)
@given(st.sampled_from(["year", "half", "quarter", "month"]), DATES, DATES)
def test_the_first_occurrence_on_or_after_a_date_is_the_earliest_such(every, first, as_of):
    rec = Recurrence(every, first)
    found = first_on_or_after(rec, as_of)
    series = [d for k in range(400) if (d := rrule_day(first, k * rec.months)) is not None]
    assert found == min(d for d in series if d >= as_of)


def test_a_recurrence_without_a_first_date_has_no_occurrence():
    assert first_on_or_after(Recurrence("year", None), AS_OF) is None


def test_a_leap_day_recurs_only_in_leap_years():
    assert rrule_day(dt.date(2028, 2, 29), 12) is None
    assert rrule_day(dt.date(2028, 2, 29), 48) == dt.date(2032, 2, 29)


def test_a_page_address_quotes_the_id():
    url = page_url(RenderOptions(site_url="https://x.org/nl/"), "obligations", "a b/c")
    assert url == "https://x.org/nl/obligations/a%20b%2Fc.html"


def test_no_site_address_gives_no_page_address():
    assert page_url(RenderOptions(), "obligations", "x") is None


def events(text: str) -> list[icalendar.Event]:
    return list(icalendar.Calendar.from_ical(text).walk("VEVENT"))


def dues(text: str) -> list[icalendar.Event]:
    return [e for e in events(text) if str(e["UID"]).startswith("due-")]


def test_a_due_date_is_an_all_day_event_with_a_stable_uid():
    (event,) = dues(render(view(stage([item("a.x", due=dt.date(2027, 3, 1))]))))
    assert event.decoded("DTSTART") == dt.date(2027, 3, 1)
    assert event.decoded("DTEND") == dt.date(2027, 3, 2)
    assert str(event["UID"]) == "due-a.x-gemeenten@planner"


def test_a_scenario_gets_uids_of_its_own():
    v = view(stage([item("a.x", due=dt.date(2027, 3, 1))]), scenario="delay")
    (event,) = dues(render(v))
    assert str(event["UID"]) == "due-a.x-gemeenten-delay@planner"


def test_the_stamp_is_the_as_of_date_not_the_clock():
    (event,) = dues(render(view(stage([item(due=dt.date(2027, 3, 1))]))))
    assert event.decoded("DTSTAMP").date() == AS_OF


def test_a_past_due_date_is_left_out_unless_history_is_asked():
    v = view(stage([item(due=dt.date(2019, 1, 1), status="overdue")]))
    assert dues(render(v)) == []
    assert len(dues(render(v, RenderOptions(history=True)))) == 1


def test_a_stage_that_started_before_the_as_of_date_has_no_start_event_unless_history():
    v = view(stage([item()]))  # 2026-Q4 began before 2026-11-28
    stages = [e for e in events(render(v)) if str(e["UID"]).startswith("stage-")]
    with_history = [
        e for e in events(render(v, RenderOptions(history=True))) if str(e["UID"]).startswith("stage-")
    ]
    assert (len(stages), len(with_history)) == (0, 1)


def test_a_recurring_duty_is_one_event_with_a_rule_from_its_next_date():
    rec = Recurrence("year", dt.date(2018, 5, 25))
    (event,) = dues(render(view(stage([item(nature="recurring", recurrence=rec)]))))
    assert event.decoded("DTSTART") == dt.date(2027, 5, 25)
    assert event["RRULE"].to_ical() == b"FREQ=YEARLY"


def test_with_a_site_address_each_event_links_to_its_page():
    options = RenderOptions(site_url="https://x.org/en/")
    (event,) = dues(render(view(stage([item("a.x", due=dt.date(2027, 3, 1))])), options))
    assert str(event["URL"]) == "https://x.org/en/obligations/a.x.html"
    assert "https://x.org/en/obligations/a.x.html" in str(event["DESCRIPTION"])


def test_every_event_has_a_reminder_of_the_days_asked():
    (event,) = dues(render(view(stage([item(due=dt.date(2027, 3, 1))])), RenderOptions(remind_days=3)))
    (alarm,) = event.walk("VALARM")
    assert alarm.decoded("TRIGGER") == -dt.timedelta(days=3)


def test_catalogue_text_cannot_add_a_property():
    v = view(stage([item(title="x\r\nATTACH:https://evil.example/", due=dt.date(2027, 3, 1))]))
    (event,) = dues(render(v))
    assert "ATTACH" not in event


def test_every_line_ends_in_crlf():
    text = render(view(stage([item(due=dt.date(2027, 3, 1))])))
    assert text.count("\n") == text.count("\r\n")
