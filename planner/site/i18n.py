"""The words of the site itself, in Dutch and English, and dates written out per language.

Catalogue text comes from the catalogue; everything else a reader sees is the ``site``
vocabulary (and the value vocabularies in :data:`TERMS`) of :mod:`planner.i18n`'s gettext
catalogues, looked up here. Words the roadmap formats print alike come from
:mod:`planner.labels`. A label with plural forms is a :class:`planner.i18n.Phrase`: its
``.format(...)`` picks the form that fits the count.
"""

from __future__ import annotations

from planner.i18n import format_date
from planner.i18n import pick as pick
from planner.labels import FINDING, HEADINGS, STATUS, extend, vocabulary
from planner.labels import LANGS as LANGS

LANG_NAMES = {"nl": "Nederlands", "en": "English"}
"""Each language named in itself, as language switches and fallback markers show it.

Not in the catalogues: a language's own name is the same whatever language the page is in.
"""

LABELS = extend(HEADINGS, vocabulary("site"))
"""Every label of the site, shared ones included, per language and key."""

TERMS: dict[str, dict[str, dict[str, str]]] = {
    "status": STATUS,
    "finding": FINDING,
    **{name: vocabulary(name) for name in ("legal", "role", "act_kind", "milestone", "degree")},
}
"""Names of the catalogue's and the plan's fixed values, per vocabulary and language."""


def labels(lang: str) -> dict[str, str]:
    """The site's labels in `lang`."""
    return LABELS[lang]


def term(vocabulary: str, value: str, lang: str) -> str:
    """The name of a fixed value (a status, a role, ...) in `lang`; the value itself when unknown.

    >>> term("status", "at-risk", "nl")
    'in gevaar'
    """
    return TERMS[vocabulary][lang].get(value, value)


def long_date(iso: str, lang: str) -> str:
    """An ISO date written out in `lang`.

    >>> long_date("2027-01-01", "nl"), long_date("2027-01-01", "en")
    ('1 januari 2027', '1 January 2027')
    """
    return format_date(iso, lang)
