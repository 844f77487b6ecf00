"""The roadmap as an iCalendar file (RFC 5545), written by hand.

One all-day event per item's due date and one per stage start per layer. UIDs are built from
ids, never from counters or clocks, so importing a newer roadmap updates the events of the
previous one instead of adding duplicates; DTSTAMP is the as-of date for the same reason
(a later plan carries a later stamp). Lines end in CRLF and are folded at 75 octets.
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from typing import TYPE_CHECKING

from planner.formats.labels import STATUS, text

if TYPE_CHECKING:
    from planner.view import Item, RoadmapView

LINE_OCTETS = 75
PRODID = "-//planner//roadmap//EN"


def escape(value: str) -> str:
    r"""A TEXT value escaped per RFC 5545 3.3.11 (backslash, semicolon, comma, newline).

    >>> escape("a;b,c\\d\ne")
    'a\\;b\\,c\\\\d\\ne'
    """
    value = value.replace("\r\n", "\n").replace("\r", "\n")
    return value.replace("\\", "\\\\").replace(";", "\\;").replace(",", "\\,").replace("\n", "\\n")


def fold(line: str) -> str:
    """One content line folded to at most 75 octets per physical line, CRLF-terminated.

    Continuation lines start with one space (which counts toward their 75 octets); a
    multi-byte UTF-8 character is never split.

    >>> fold("X" * 80).split("\\r\\n")[1]
    ' XXXXX'
    """
    data = line.encode("utf-8")
    if len(data) <= LINE_OCTETS:  # most lines: nothing to fold
        return line + "\r\n"
    out: list[bytes] = []
    start, limit = 0, LINE_OCTETS
    while len(data) - start > limit:
        end = start + limit
        while data[end] & 0xC0 == 0x80:  # never cut inside a UTF-8 character
            end -= 1
        out.append(data[start:end])
        start, limit = end, LINE_OCTETS - 1  # continuation lines start with a space
    out.append(data[start:])
    return b"\r\n ".join(out).decode("utf-8") + "\r\n"


def _day(day: dt.date) -> str:
    return day.strftime("%Y%m%d")


def _next_day(day: dt.date) -> str:
    return _day(day + dt.timedelta(days=1))


def _event(
    uid: str, stamp: str, day: dt.date, summary: str, description: str, categories: list[str]
) -> list[str]:
    return [
        "BEGIN:VEVENT",
        f"UID:{uid}",
        f"DTSTAMP:{stamp}",
        f"DTSTART;VALUE=DATE:{_day(day)}",
        f"DTEND;VALUE=DATE:{_next_day(day)}",
        f"SUMMARY:{escape(summary)}",
        f"DESCRIPTION:{escape(description)}",
        "CATEGORIES:" + ",".join(escape(c) for c in categories),
        "TRANSP:TRANSPARENT",
        "END:VEVENT",
    ]


def _uid(kind: str, *parts: str | None) -> str:
    return "-".join([kind, *(p for p in parts if p)]) + "@planner"


def _stage_events(view: RoadmapView, stamp: str) -> list[str]:
    lang, names, lines = view.lang, view.names, []
    for stage in view.stages:
        by_layer: dict[str, list[Item]] = defaultdict(list)
        for item in stage.items:
            by_layer[item.layer].append(item)
        for layer in sorted(by_layer):
            items = by_layer[layer]
            name = names.get(layer, layer)
            summary = text(lang, "stage_summary", stage=stage.id, count=len(items), layer=name)
            listing = "\n".join(f"- {i.obligation}: {i.title}" for i in items)
            uid = _uid("stage", stage.id, layer, view.scenario)
            lines += _event(uid, stamp, stage.start, summary, listing, [name])
    return lines


def _due_events(view: RoadmapView, stamp: str) -> list[str]:
    lang, names, lines = view.lang, view.names, []
    for item in view.items:
        if item.due is None:
            continue
        name = names.get(item.layer, item.layer)
        summary = text(lang, "due_summary", title=item.title, layer=name)
        facts = [
            f"{item.obligation} ({item.act_title})",
            f"{text(lang, 'status')}: {STATUS[lang][item.status]}",
            f"{text(lang, 'stage')}: {item.stage}",
        ]
        if item.package:
            facts.append(f"{text(lang, 'package')}: {item.package}")
        description = "\n".join([*facts, "", *(f"- {r}" for r in item.reasons)])
        lines += _event(
            _uid("due", item.obligation, item.layer, view.scenario),
            stamp,
            item.due,
            summary,
            description,
            [name, STATUS[lang][item.status]],
        )
    return lines


def render(view: RoadmapView) -> str:
    """The roadmap view as an iCalendar stream with CRLF line ends."""
    lang = view.lang
    stamp = _day(view.as_of) + "T000000Z"
    calendar = text(lang, "calendar", name=view.layer_name, as_of=view.as_of.isoformat())
    lines = [
        "BEGIN:VCALENDAR",
        "VERSION:2.0",
        f"PRODID:{PRODID}",
        "CALSCALE:GREGORIAN",
        "METHOD:PUBLISH",
        f"X-WR-CALNAME:{escape(calendar)}",
        f"X-WR-CALDESC:{escape(text(lang, 'generated_plain', command=view.command('ics')))}",
        *_stage_events(view, stamp),
        *_due_events(view, stamp),
        "END:VCALENDAR",
    ]
    return "".join(fold(line) for line in lines)
