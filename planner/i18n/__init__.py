"""Every word planner prints, in Dutch and English: one API over gettext catalogues.

The words live in ``locale/<lang>/LC_MESSAGES/planner.po`` (edited by people) and the
``planner.mo`` compiled from it (read here; ``python -m planner.i18n.compile`` makes it). A
``msgid`` is a stable key such as ``"due"``; a ``msgctxt`` names the vocabulary the key belongs
to (``"status"``, ``"site"``, ...), so ``overdue`` can be a status and a finding without the two
clashing. Placeholders are :meth:`str.format` fields.

Use:
    * :func:`gettext` for a word or sentence without a count,
    * :func:`ngettext` for one that has a plural (``"1 verplichting"``, ``"3 verplichtingen"``),
    * :func:`phrase` when a caller does not know which of the two a key is (the old word tables
      answer that way),
    * :func:`format_date` for dates written out,
    * :func:`format_number` for a figure a person reads (decimal comma in Dutch).

Example:
    >>> gettext("nl", "status", "overdue")
    'te laat'
    >>> ngettext("nl", "site", "obligations_n", 1, n=1), ngettext("en", "site", "obligations_n", 3, n=3)
    ('1 verplichting', '3 obligations')
"""

from __future__ import annotations

import datetime as dt
import functools
import gettext as _gettext
import string
from importlib import resources
from typing import Any

from babel.dates import format_date as _babel_format_date
from babel.messages.mofile import read_mo
from babel.numbers import format_decimal as _babel_format_decimal

LANGS = ("nl", "en")
"""The languages planner writes, the default (Dutch) first."""

DEFAULT_LANG = "nl"

DOMAIN = "planner"

LOCALES = {"nl": "nl_NL", "en": "en_GB"}
"""The CLDR locale behind each language: British English writes ``1 January 2027``, as the EU does."""


class UnknownWord(KeyError):
    """A key that the catalogue of a language does not have."""


class _Missing(_gettext.NullTranslations):
    """The last fallback: a missing key is an error, never the key printed as if it were a word."""

    def __init__(self, lang: str) -> None:
        super().__init__()
        self.lang = lang

    def _missing(self, context: str | None, msgid: str) -> str:
        raise UnknownWord(f"{self.lang}: no word for {msgid!r} in context {context!r}")

    def gettext(self, message: str) -> str:
        return self._missing(None, message)

    def ngettext(self, msgid1: str, msgid2: str, n: int) -> str:
        return self._missing(None, msgid1)

    def pgettext(self, context: str, message: str) -> str:
        return self._missing(context, message)

    def npgettext(self, context: str, msgid1: str, msgid2: str, n: int) -> str:
        return self._missing(context, msgid1)


def mo_path(lang: str) -> Any:
    """Where the compiled catalogue of `lang` is (a :mod:`importlib.resources` traversable)."""
    return resources.files(__name__) / "locale" / lang / "LC_MESSAGES" / f"{DOMAIN}.mo"


def _check_lang(lang: str) -> None:
    if lang not in LANGS:
        raise ValueError(f"unknown language {lang!r}; choose from {', '.join(LANGS)}")


@functools.cache
def _translations(lang: str) -> _gettext.GNUTranslations:
    _check_lang(lang)
    with mo_path(lang).open("rb") as fp:
        found = _gettext.GNUTranslations(fp)
    found.add_fallback(_Missing(lang))
    return found


@functools.cache
def _keys(lang: str) -> dict[str, dict[str, bool]]:
    """Per context, the keys of `lang` in catalogue order, each with whether it has a plural."""
    _check_lang(lang)
    with mo_path(lang).open("rb") as fp:
        catalog = read_mo(fp)
    keys: dict[str, dict[str, bool]] = {}
    for message in catalog:
        if message.id and message.context:
            key = message.id[0] if message.pluralizable else message.id
            keys.setdefault(message.context, {})[str(key)] = message.pluralizable
    return keys


def contexts() -> list[str]:
    """The vocabularies (``msgctxt`` values) of the catalogue, in catalogue order."""
    return list(_keys(DEFAULT_LANG))


def is_plural(context: str, msgid: str) -> bool:
    """Whether the key has plural forms (in the default language's catalogue).

    Raises:
        UnknownWord: the key is not in the catalogue.
    """
    try:
        return _keys(DEFAULT_LANG)[context][msgid]
    except KeyError:
        raise UnknownWord(f"no word for {msgid!r} in context {context!r}") from None


def _fill(text: str, values: dict[str, Any]) -> str:
    return text.format(**values) if values else text


def gettext(lang: str, context: str, msgid: str, /, **values: Any) -> str:
    """The word or sentence `msgid` of vocabulary `context` in `lang`, with `values` filled in.

    Raises:
        UnknownWord: the key is not in the catalogue (or has plural forms: use :func:`ngettext`).

    Example:
        >>> gettext("en", "roadmap", "title", name="Municipalities")
        'Roadmap Municipalities'
    """
    return _fill(_translations(lang).pgettext(context, msgid), values)


def ngettext(lang: str, context: str, msgid: str, n: int, /, **values: Any) -> str:
    """The form of `msgid` that fits the number `n` in `lang`, with `values` filled in.

    `n` only picks the form; pass it among `values` as well when the text shows it.

    Raises:
        UnknownWord: the key is not in the catalogue.

    Example:
        >>> [ngettext("nl", "message", "keystone", n, count=n).split(" w")[0] for n in (1, 2)]
        ['1 verplichting', '2 verplichtingen']
    """
    return _fill(_translations(lang).npgettext(context, msgid, msgid, n), values)


def count_of(context: str, msgid: str, values: dict[str, Any]) -> int:
    """The number that picks the plural form of `msgid`: the first whole number among its fields.

    The fields are read in the order of the English singular, so every language counts the
    same thing, and a non-number field before it (a stage id, a name) is passed over.

    Raises:
        ValueError: no field of the text has a whole number as its value.
    """
    english = _translations("en").npgettext(context, msgid, msgid, 1)
    for _, field, _, _ in string.Formatter().parse(english):
        value = values.get(field or "")
        if isinstance(value, int) and not isinstance(value, bool):
            return value
    raise ValueError(f"{context}/{msgid}: no whole number among {sorted(values)} to pick a plural form")


def phrase(lang: str, context: str, msgid: str, /, **values: Any) -> str:
    """`msgid` in `lang`, filled in, whether it has plural forms (counted by :func:`count_of`) or not.

    Example:
        >>> phrase("nl", "site", "picture_lanes", lanes=1, stages=4, arrows=2)
        '1 baan over 4 fasen, 2 pijlen tussen banen.'
    """
    if is_plural(context, msgid):
        return ngettext(lang, context, msgid, count_of(context, msgid, values), **values)
    return gettext(lang, context, msgid, **values)


class Phrase(str):
    """A text with plural forms, for tables of words that callers fill in with ``.format``.

    As a ``str`` it is the plural form, unfilled (what a reader would see for "many"); its
    :meth:`format` picks the form that fits the count among the values.
    """

    lang: str
    context: str
    msgid: str

    def __new__(cls, lang: str, context: str, msgid: str) -> Phrase:
        made = super().__new__(cls, ngettext(lang, context, msgid, 2))
        made.lang, made.context, made.msgid = lang, context, msgid
        return made

    def pick(self, values: dict[str, Any]) -> str:
        """The unfilled form that fits the count among `values`."""
        return ngettext(self.lang, self.context, self.msgid, count_of(self.context, self.msgid, values))

    def format(self, *args: Any, **values: Any) -> str:
        """The form that fits the count among `values`, filled in."""
        return self.pick(values).format(*args, **values)

    def __reduce__(self) -> tuple[Any, ...]:  # copy and pickle by key, not by the text
        return (Phrase, (self.lang, self.context, self.msgid))


def pick(text: str, values: dict[str, Any]) -> str:
    """`text` itself, or the form of a :class:`Phrase` that fits the count among `values`."""
    return text.pick(values) if isinstance(text, Phrase) else text


def words(lang: str, context: str) -> dict[str, str]:
    """Every key of vocabulary `context` in `lang` with its text (a :class:`Phrase` if plural).

    Raises:
        UnknownWord: the catalogue has no such context.

    Example:
        >>> words("nl", "legal")["in-force"]
        'van kracht'
    """
    try:
        keys = _keys(lang)[context]
    except KeyError:
        raise UnknownWord(f"{lang}: no context {context!r}") from None
    return {
        key: Phrase(lang, context, key) if plural else gettext(lang, context, key)
        for key, plural in keys.items()
    }


@functools.lru_cache(maxsize=8192)
def format_date(day: dt.date | str, lang: str, style: str = "long") -> str:
    """A date written out the way `lang` writes it (CLDR, through Babel).

    Cached: a site writes the same few hundred dates tens of thousands of times, and Babel
    parses its pattern anew on every call.

    Args:
        day: the date, or an ISO ``YYYY-MM-DD`` string.
        lang: ``nl`` or ``en``.
        style: a CLDR style (``short``, ``medium``, ``long``, ``full``) or a CLDR pattern.

    Example:
        >>> format_date("2027-01-01", "nl"), format_date(dt.date(2027, 1, 1), "en")
        ('1 januari 2027', '1 January 2027')
    """
    _check_lang(lang)
    if isinstance(day, str):
        day = dt.date.fromisoformat(day)
    return str(_babel_format_date(day, format=style, locale=LOCALES[lang]))


def format_number(value: float, lang: str, grouping: bool = True) -> str:
    """A figure (person-days, a share, a count with decimals) written the way `lang` writes it.

    CLDR through Babel: a decimal comma and ``.`` between thousands in Dutch, a decimal point
    and ``,`` between thousands in English; no needless trailing zeros, at most three decimals.
    Machine formats (JSON, command lines) keep Python's own numbers and do not call this.

    Args:
        value: the number.
        lang: ``nl`` or ``en``.
        grouping: whether to separate thousands (a CSV cell does not: a spreadsheet reads
            ``1234,5`` as a number in every Dutch set-up).

    Example:
        >>> format_number(124.4, "nl"), format_number(124.4, "en"), format_number(120.0, "nl")
        ('124,4', '124.4', '120')
        >>> format_number(1234.5, "nl"), format_number(1234.5, "en"), format_number(1234.5, "nl", grouping=False)
        ('1.234,5', '1,234.5', '1234,5')
    """
    _check_lang(lang)
    return str(_babel_format_decimal(value, locale=LOCALES[lang], group_separator=grouping))
