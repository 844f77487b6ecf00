"""Article references in the page's language: "Art. 113, first paragraph" → "Art. 113, eerste lid".

The catalogue writes references the way EUR-Lex's English text cites them. The legal words in
them (paragraph, point, Annex, Chapter, Regulation, the months ...) are the ``article``
vocabulary of :mod:`planner.i18n`, keyed by the English phrase; everything else (numbers,
names of Dutch acts, quotations in Dutch) stays as written. Phrases are replaced in one pass,
longest first, so "first paragraph" becomes "eerste lid" and not "eerste paragraph".

Remarks meant for the catalogue's reviewers ("(not read)") are left out in every language:
they say how far a reference was checked, which a reader of the plan has no use for.
"""

from __future__ import annotations

import functools
import re

from planner.labels import vocabulary

REVIEWER_REMARKS = re.compile(r"\s*\((?:not read|artikelnummer niet herlezen)\)")
"""Parenthesised notes to reviewers inside a reference."""


@functools.cache
def _pattern(lang: str) -> tuple[re.Pattern[str], dict[str, str]]:
    words = vocabulary("article")[lang]
    phrases = sorted(words, key=lambda p: (-len(p), p))
    alternatives = "|".join(re.escape(p) for p in phrases)
    return re.compile(rf"(?<![A-Za-z])(?:{alternatives})(?![A-Za-z])"), words


def article(reference: str, lang: str) -> str:
    """`reference` with its legal words in `lang` and without remarks for reviewers.

    >>> article("Art. 113, third paragraph, point (a), as amended", "nl")
    'Art. 113, derde lid, punt (a), zoals gewijzigd'
    >>> article("Regulation (EC) No 976/2009, Annex VI", "nl")
    'Verordening (EG) nr. 976/2009, Bijlage VI'
    >>> article("Inwerkingtredingsbesluit Wmebv (not read)", "en")
    'Inwerkingtredingsbesluit Wmebv'
    """
    pattern, words = _pattern(lang)
    return pattern.sub(lambda m: words[m.group(0)], REVIEWER_REMARKS.sub("", reference))
