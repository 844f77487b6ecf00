"""Words that both the roadmap formats and the site print, in Dutch and English, defined once.

The words themselves are in the gettext catalogues of :mod:`planner.i18n` (vocabularies
``status``, ``finding`` and ``shared``); these tables are views of them for code that looks a
word up by key. :mod:`planner.formats.labels` and :mod:`planner.site.i18n` build their
vocabularies on them with :func:`extend`, so a reader who sees a status in a roadmap file and on
the site sees the same word.
"""

from __future__ import annotations

from planner.i18n import LANGS as LANGS
from planner.i18n import words

Words = dict[str, dict[str, str]]
"""Per language, each key's word."""


def vocabulary(context: str) -> Words:
    """One vocabulary of the catalogues as a table: per language, each key's word.

    Example:
        >>> vocabulary("status")["nl"]["at-risk"]
        'in gevaar'
    """
    return {lang: words(lang, context) for lang in LANGS}


STATUS: Words = vocabulary("status")
"""Names of an item's status."""

FINDING: Words = vocabulary("finding")
"""Names of a finding's kind."""

HEADINGS: Words = vocabulary("shared")
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
