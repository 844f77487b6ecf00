"""Words that both the roadmap formats and the site print, in Dutch and English, defined once.

:mod:`planner.formats.labels` (Markdown, HTML, calendar, spreadsheet) and
:mod:`planner.site.i18n` (the site) build their vocabularies on these with :func:`extend`. A reader
who sees a status in a roadmap file and on the site must see the same word.
"""

from __future__ import annotations

Words = dict[str, dict[str, str]]
"""Per language, each key's word."""

LANGS = ("nl", "en")

STATUS: Words = {
    "nl": {
        "planned": "gepland",
        "at-risk": "in gevaar",
        "overdue": "te laat",
        "blocked": "geblokkeerd",
        "done": "klaar",
    },
    "en": {
        "planned": "planned",
        "at-risk": "at risk",
        "overdue": "overdue",
        "blocked": "blocked",
        "done": "done",
    },
}
"""Names of an item's status."""

FINDING: Words = {
    "nl": {
        "overdue": "te laat",
        "blocked": "geblokkeerd",
        "at-risk": "in gevaar",
        "capacity": "boven capaciteit",
        "package-split": "pakket gesplitst",
    },
    "en": {
        "overdue": "overdue",
        "blocked": "blocked",
        "at-risk": "at risk",
        "capacity": "over capacity",
        "package-split": "package split",
    },
}
"""Names of a finding's kind."""

HEADINGS: Words = {
    "nl": {
        "as_of": "Peildatum",
        "summary": "Samenvatting",
        "status": "Status",
        "overdue": "Te laat",
        "act": "Wet",
        "obligation": "Verplichting",
        "stage": "Fase",
        "kind": "Soort",
        "members": "Onderdelen",
        "packages": "Gezamenlijke werkpakketten",
        "findings": "Bevindingen",
    },
    "en": {
        "as_of": "As of",
        "summary": "Summary",
        "status": "Status",
        "overdue": "Overdue",
        "act": "Act",
        "obligation": "Obligation",
        "stage": "Stage",
        "kind": "Kind",
        "members": "Members",
        "packages": "Joint work packages",
        "findings": "Findings",
    },
}
"""Headings and labels of sections and table columns that formats and site name alike."""


def extend(shared: Words, own: Words) -> Words:
    """The shared words with a vocabulary's own words added, per language.

    Raises:
        ValueError: an own word repeats a shared key (say it in one place only).

    Example:
        >>> extend({"nl": {"a": "een"}, "en": {"a": "one"}}, {"nl": {"b": "twee"}})
        {'nl': {'a': 'een', 'b': 'twee'}, 'en': {'a': 'one'}}
    """
    for lang in own:
        clash = shared[lang].keys() & own[lang].keys()
        if clash:
            raise ValueError(f"{lang}: {', '.join(sorted(clash))} is already a shared word")
    return {lang: {**shared[lang], **own.get(lang, {})} for lang in LANGS}
