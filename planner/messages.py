"""Sentences the planner writes (reasons, findings), in English and Dutch.

A :class:`Msg` is a ``str`` holding the English sentence, so code that only needs English can
treat it as text; it also remembers its key and arguments, so a Dutch roadmap can render the
same sentence in Dutch with :func:`render`.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from typing import Any

LANGS = ("en", "nl")

CATALOG: dict[str, dict[str, str]] = {
    "done": {
        "en": "done according to the progress file",
        "nl": "afgerond volgens het voortgangsbestand",
    },
    "done-on": {
        "en": "done on {date} according to the progress file",
        "nl": "afgerond op {date} volgens het voortgangsbestand",
    },
    "ahead-of-package": {
        "en": "{obligation} is planned in {stage}, ahead of the rest of {package} for {layer}, "
        "to meet its due date {due}",
        "nl": "{obligation} is gepland in {stage}, vóór de rest van {package} voor {layer}, "
        "om de uiterste datum {due} te halen",
    },
    "over-capacity": {
        "en": "{layer} needs {load} effort points in {stage}, more than its capacity of {capacity}, {cause}",
        "nl": "{layer} heeft in {stage} {load} inspanningspunten nodig, meer dan de capaciteit van "
        "{capacity}, {cause}",
    },
    "cause-due-date": {
        "en": "because the due date forces it",
        "nl": "omdat de uiterste datum dat afdwingt",
    },
    "cause-too-big": {
        "en": "because {what} alone needs {effort}",
        "nl": "omdat {what} alleen al {effort} nodig heeft",
    },
    "package-split": {
        "en": "{package} cannot be done in one stage by {layer}: {causes}; it is planned in {parts} "
        "parts, the prerequisite first",
        "nl": "{package} kan door {layer} niet in één fase worden uitgevoerd: {causes}; het wordt in "
        "{parts} delen gepland, de voorwaarde eerst",
    },
    "needs-first": {
        "en": "{obligation} needs {other} first",
        "nl": "{obligation} heeft eerst {other} nodig",
    },
    "needs-first-through": {
        "en": "{obligation} needs {other} first (through {between})",
        "nl": "{obligation} heeft eerst {other} nodig (via {between})",
    },
    "waits-with-package": {
        "en": "{obligation} waits on {chain}, done together (package {package}) with work that waits "
        "on this package",
        "nl": "{obligation} wacht op {chain}, dat samen (pakket {package}) wordt gedaan met werk dat "
        "op dit pakket wacht",
    },
    "start-now": {
        "en": "in {stage}: nothing it waits on is open, so it can start now",
        "nl": "in {stage}: er staat niets open waarop het wacht, dus het kan nu beginnen",
    },
    "after-prerequisite": {
        "en": "after prerequisite {obligation} in {stage}",
        "nl": "na voorwaarde {obligation} in {stage}",
    },
    "after-facility": {
        "en": "after facility delivered by {layer}: {obligation} in {stage}",
        "nl": "na voorziening die {layer} levert: {obligation} in {stage}",
    },
    "together": {
        "en": "together with {others} in joint work package {package}",
        "nl": "samen met {others} in gezamenlijk werkpakket {package}",
    },
    "package-starts": {
        "en": "its joint work package {package} starts in {stage}, after {dep} in {dep_stage}, which "
        "{member} waits on",
        "nl": "het gezamenlijke werkpakket {package} begint in {stage}, na {dep} in {dep_stage}, "
        "waarop {member} wacht",
    },
    "stages-full": {
        "en": "earlier stages are full for {layer} (capacity {capacity})",
        "nl": "eerdere fasen zijn vol voor {layer} (capaciteit {capacity})",
    },
    "deadline-forced": {
        "en": "placed in {stage} above capacity because its due date forces it",
        "nl": "in {stage} geplaatst boven de capaciteit, omdat de uiterste datum dat afdwingt",
    },
    "overdue": {
        "en": "overdue: due {due}, before {as_of}",
        "nl": "te laat: uiterlijk {due}, vóór {as_of}",
    },
    "late": {
        "en": "{cause}; due {due} ({due_stage}), planned {stage}",
        "nl": "{cause}; uiterlijk {due} ({due_stage}), gepland in {stage}",
    },
    "in-time": {
        "en": "due {due}: in time",
        "nl": "uiterlijk {due}: op tijd",
    },
    "no-room": {
        "en": "at risk: {layer} has no room in time",
        "nl": "in gevaar: {layer} heeft op tijd geen ruimte",
    },
    "via-package": {
        "en": " (through its joint work package {package}: {member} needs it)",
        "nl": " (via het gezamenlijke werkpakket {package}: {member} heeft het nodig)",
    },
    "blocked-late": {
        "en": "blocked: waits on {layer} to deliver {obligation} in {stage}{via}, too late for its due date",
        "nl": "geblokkeerd: wacht tot {layer} {obligation} levert in {stage}{via}, te laat voor de "
        "uiterste datum",
    },
    "in-stage": {
        "en": "{name} in {stage}",
        "nl": "{name} in {stage}",
    },
    "at-risk-chain": {
        "en": "at risk: its prerequisite chain cannot finish earlier: {chain}{via}",
        "nl": "in gevaar: de keten van voorwaarden kan niet eerder klaar zijn: {chain}{via}",
    },
    "no-provider": {
        "en": "no layer is planned to deliver it",
        "nl": "geen bestuurslaag is gepland om het te leveren",
    },
    "scenario-removes": {
        "en": "scenario {scenario} removes it",
        "nl": "scenario {scenario} schrapt het",
    },
    "blocked-missing": {
        "en": "blocked: needs {obligation}, but {why}",
        "nl": "geblokkeerd: heeft {obligation} nodig, maar {why}",
    },
    "overlap": {
        "en": "{a} overlaps {b} ({degree}): {rationale}",
        "nl": "{a} overlapt met {b} ({degree}): {rationale}",
    },
    "chain": {
        "en": "{count} obligations in a row, each in its own stage: {chain}",
        "nl": "{count} verplichtingen achter elkaar, elk in een eigen fase: {chain}",
    },
    "chain-overdue": {
        "en": "{target} was due on {due}, before {as_of}",
        "nl": "{target} moest uiterlijk {due} klaar zijn, vóór {as_of}",
    },
    "chain-too-long": {
        "en": "only {quarters} quarter(s) left until {due}: the chain cannot finish in time",
        "nl": "nog maar {quarters} kwarta(a)l(en) tot {due}: de keten kan niet op tijd klaar zijn",
    },
    "blocker": {
        "en": "{count} obligation(s) of {layers} cannot start before {providers} delivers {facility}",
        "nl": "{count} verplichting(en) van {layers} kunnen pas beginnen als {providers} {facility} levert",
    },
    "its-provider": {"en": "its provider", "nl": "de leverancier"},
    "facility-late": {
        "en": "{facility} is due {due}, after {waiting} is due ({waiting_due})",
        "nl": "{facility} is uiterlijk {due} klaar, na de uiterste datum van {waiting} ({waiting_due})",
    },
    "keystone": {
        "en": "{count} obligation(s) wait on it directly or indirectly",
        "nl": "{count} verplichting(en) wachten er direct of indirect op",
    },
    "keystone-first": {
        "en": "{count} obligation(s) wait on it directly or indirectly; the first of them is due {due}",
        "nl": "{count} verplichting(en) wachten er direct of indirect op; de eerste moet uiterlijk {due} klaar zijn",
    },
}

JOINERS = {
    ", ": {"en": ", ", "nl": ", "},
    "; ": {"en": "; ", "nl": "; "},
    " after ": {"en": " after ", "nl": " na "},
    " -> ": {"en": " -> ", "nl": " -> "},
}


class Seq(tuple[Any, ...]):
    """Arguments shown as one list, joined with a separator in the reader's language."""

    sep: str = ", "

    def __new__(cls, items: Sequence[Any], sep: str = ", ") -> Seq:
        seq = super().__new__(cls, items)
        seq.sep = sep
        return seq


class Msg(str):
    """A sentence: the English text, plus its key and arguments for other languages."""

    key: str
    args: dict[str, Any]

    def __new__(cls, key: str, **args: Any) -> Msg:
        text = _format(key, args, "en")
        made = super().__new__(cls, text)
        made.key = key
        made.args = args
        return made

    def render(self, lang: str) -> str:
        """The sentence in `lang` (``en`` or ``nl``)."""
        return _format(self.key, self.args, lang)

    def __reduce__(self) -> tuple[Any, ...]:  # copy and pickle by key and arguments
        return (_rebuild, (self.key, self.args))


def _rebuild(key: str, args: dict[str, Any]) -> Msg:
    return Msg(key, **args)


def _value(value: Any, lang: str) -> str:
    if isinstance(value, Msg):
        return value.render(lang)
    if isinstance(value, Seq):
        return JOINERS.get(value.sep, {}).get(lang, value.sep).join(_value(v, lang) for v in value)
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, float):
        return f"{value:g}"
    return str(value)


def _format(key: str, args: dict[str, Any], lang: str) -> str:
    return CATALOG[key][lang].format(**{k: _value(v, lang) for k, v in args.items()})


def render_all(data: Any, lang: str) -> Any:
    """`data` (dicts, lists, tuples of JSON-ready values) with every :class:`Msg` rendered in `lang`."""
    if isinstance(data, Msg):
        return data.render(lang)
    if isinstance(data, dict):
        return {k: render_all(v, lang) for k, v in data.items()}
    if isinstance(data, list | tuple):
        return [render_all(v, lang) for v in data]
    return data


def render(text: str, lang: str) -> str:
    """A sentence in `lang`: a :class:`Msg` is translated, plain text is returned as it is.

    Example:
        >>> render(Msg("in-time", due="2027-01-01"), "nl")
        'uiterlijk 2027-01-01: op tijd'
        >>> render("plain", "nl")
        'plain'
    """
    return text.render(lang) if isinstance(text, Msg) else text
