"""The roadmap as an iCalendar file (RFC 5545), written by hand.

One all-day event per item's due date and one per stage start per layer; a recurring duty is
one event with an ``RRULE``. By default only events on or after the as-of date are written (a
calendar full of 2018 deadlines hides the next one); ``RenderOptions.history`` keeps them all.
Each event carries a reminder (``VALARM``) and, given the site's address, a ``URL`` to its page.

UIDs are built from ids, never from counters or clocks, so importing a newer roadmap updates the
events of the previous one instead of adding duplicates; DTSTAMP is the as-of date for the same
reason (a later plan carries a later stamp). Lines end in CRLF and are folded at 75 octets.
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from typing import TYPE_CHECKING
from urllib.parse import quote

from planner.dates import months_between
from planner.formats import RenderOptions
from planner.formats.labels import STATUS, text
from planner.i18n import gettext

if TYPE_CHECKING:
    from planner.view import Item, Recurrence, RoadmapView

LINE_OCTETS = 75
PRODID = "-//planner//roadmap//EN"
FREQ = {"year": "FREQ=YEARLY", "half": "FREQ=MONTHLY;INTERVAL=6", "quarter": "FREQ=MONTHLY;INTERVAL=3"}
"""The RRULE of each period (``month`` is plain ``FREQ=MONTHLY``)."""


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


def rrule(every: str) -> str:
    """The RRULE value of a recurrence period.

    >>> rrule("half"), rrule("month")
    ('FREQ=MONTHLY;INTERVAL=6', 'FREQ=MONTHLY')
    """
    return FREQ.get(every, "FREQ=MONTHLY")


def rrule_day(day: dt.date, months: int) -> dt.date | None:
    """`day` moved by `months` as an RRULE counts it: None when that month has no such day
    (RFC 5545 skips it, where :func:`planner.dates.add_months` keeps the date within the month).

    >>> rrule_day(dt.date(2027, 1, 31), 1), rrule_day(dt.date(2027, 1, 31), 2)
    (None, datetime.date(2027, 3, 31))
    """
    year, month = divmod(day.month - 1 + months, 12)
    try:
        return day.replace(year=day.year + year, month=month + 1)
    except ValueError:
        return None


def first_on_or_after(recurrence: Recurrence, as_of: dt.date) -> dt.date | None:
    """The first occurrence of a recurrence on or after `as_of` (None when it has no first date).

    >>> from planner.view import Recurrence
    >>> first_on_or_after(Recurrence("year", dt.date(2018, 5, 25)), dt.date(2026, 11, 28))
    datetime.date(2027, 5, 25)
    """
    first = recurrence.first
    if first is None or first >= as_of:
        return first
    # jump close to as-of first, then step: the series is first + k periods, gaps skipped
    k = max(0, months_between(first, as_of) // recurrence.months - 1)
    while True:
        day = rrule_day(first, k * recurrence.months)
        if day is not None and day >= as_of:
            return day
        k += 1


def _day(day: dt.date) -> str:
    return day.strftime("%Y%m%d")


def _alarm(summary: str, days: int) -> list[str]:
    if days <= 0:
        return []
    return [
        "BEGIN:VALARM",
        "ACTION:DISPLAY",
        f"DESCRIPTION:{escape(summary)}",
        f"TRIGGER:-P{days}D",
        "END:VALARM",
    ]


def _event(
    uid: str,
    stamp: str,
    day: dt.date,
    texts: tuple[str, str, list[str]],
    options: RenderOptions,
    url: str | None = None,
    rule: str | None = None,
) -> list[str]:
    summary, description, categories = texts
    return [
        "BEGIN:VEVENT",
        f"UID:{uid}",
        f"DTSTAMP:{stamp}",
        f"DTSTART;VALUE=DATE:{_day(day)}",
        f"DTEND;VALUE=DATE:{_day(day + dt.timedelta(days=1))}",
        *([f"RRULE:{rule}"] if rule else []),
        f"SUMMARY:{escape(summary)}",
        f"DESCRIPTION:{escape(description)}",
        "CATEGORIES:" + ",".join(escape(c) for c in categories),
        *([f"URL:{url}"] if url else []),
        "TRANSP:TRANSPARENT",
        *_alarm(summary, options.remind_days),
        "END:VEVENT",
    ]


def _uid(kind: str, *parts: str | None) -> str:
    return "-".join([kind, *(p for p in parts if p)]) + "@planner"


def page_url(options: RenderOptions, folder: str, page_id: str) -> str | None:
    """The absolute address of a site page, or None without a site address.

    >>> page_url(RenderOptions(site_url="https://example.org/nl/"), "obligations", "ai-act.fria")
    'https://example.org/nl/obligations/ai-act.fria.html'
    """
    if options.site_url is None:
        return None
    return f"{options.site_url}{folder}/{quote(page_id, safe='')}.html"


def _with_link(description: str, lang: str, url: str | None) -> str:
    # Outlook does not show the URL property, so the link is in the description too
    return (
        description
        if url is None
        else f"{description}\n\n{gettext(lang, 'calendar', 'more').format(url=url)}"
    )


def _stage_events(view: RoadmapView, stamp: str, options: RenderOptions) -> list[str]:
    lang, names, lines = view.lang, view.names, []
    for stage in view.stages:
        if not options.history and stage.start < view.as_of:
            continue
        by_layer: dict[str, list[Item]] = defaultdict(list)
        for item in stage.items:
            by_layer[item.layer].append(item)
        for layer in sorted(by_layer):
            items = by_layer[layer]
            name = names.get(layer, layer)
            summary = text(lang, "stage_summary", stage=stage.id, count=len(items), layer=name)
            url = page_url(options, "layers", layer)
            listing = _with_link("\n".join(f"- {i.obligation}: {i.title}" for i in items), lang, url)
            uid = _uid("stage", stage.id, layer, view.scenario)
            lines += _event(uid, stamp, stage.start, (summary, listing, [name]), options, url)
    return lines


def _due_day(item: Item, as_of: dt.date, options: RenderOptions) -> tuple[dt.date | None, str | None]:
    """The day an item's event starts on (None: no event) and its RRULE, if it recurs."""
    recurrence = item.recurrence
    if recurrence is not None and recurrence.first is not None:
        day = recurrence.first if options.history else first_on_or_after(recurrence, as_of)
        return day, rrule(recurrence.every)
    if item.due is None or (not options.history and item.due < as_of):
        return None, None
    return item.due, None


def _description(view: RoadmapView, item: Item, url: str | None) -> str:
    lang = view.lang
    facts = [
        f"{item.obligation} ({item.act_title})",
        f"{text(lang, 'status')}: {STATUS[lang][item.status]}",
        f"{text(lang, 'stage')}: {item.stage}",
    ]
    if item.recurrence is not None:
        period = gettext(lang, "period", item.recurrence.every)
        facts.append(gettext(lang, "calendar", "recurs").format(period=period))
    if item.package:
        facts.append(f"{text(lang, 'package')}: {item.package}")
    return _with_link("\n".join([*facts, "", *(f"- {r}" for r in item.reasons)]), lang, url)


def _due_events(view: RoadmapView, stamp: str, options: RenderOptions) -> list[str]:
    lang, names, lines = view.lang, view.names, []
    for item in view.items:
        day, rule = _due_day(item, view.as_of, options)
        if day is None:
            continue
        name = names.get(item.layer, item.layer)
        summary = text(lang, "due_summary", title=item.title, layer=name)
        url = page_url(options, "obligations", item.obligation)
        lines += _event(
            _uid("due", item.obligation, item.layer, view.scenario),
            stamp,
            day,
            (summary, _description(view, item, url), [name, STATUS[lang][item.status]]),
            options,
            url,
            rule,
        )
    return lines


def render(view: RoadmapView, options: RenderOptions | None = None) -> str:
    """The roadmap view as an iCalendar stream with CRLF line ends."""
    options = options or RenderOptions()
    lang = view.lang
    stamp = _day(view.as_of) + "T000000Z"
    calendar = text(lang, "calendar", name=view.display_name, as_of=view.as_of.isoformat())
    lines = [
        "BEGIN:VCALENDAR",
        "VERSION:2.0",
        f"PRODID:{PRODID}",
        "CALSCALE:GREGORIAN",
        "METHOD:PUBLISH",
        f"X-WR-CALNAME:{escape(calendar)}",
        f"X-WR-CALDESC:{escape(text(lang, 'generated_plain', command=view.command('ics')))}",
        *_stage_events(view, stamp, options),
        *_due_events(view, stamp, options),
        "END:VCALENDAR",
    ]
    return "".join(fold(line) for line in lines)
