"""Sentences the planner writes (reasons, findings), in English and Dutch.

A :class:`Msg` is a ``str`` holding the English sentence, so code that only needs English can
treat it as text; it also remembers its key and arguments, so a Dutch roadmap can render the
same sentence in Dutch with :func:`render`. An argument may be a :class:`Word` of another
vocabulary (a degree), catalogue text in both languages (:class:`~planner.models.base.Text`,
shown as data, never read as a template), or a :class:`Seq` of values. The sentences themselves are the ``message``
vocabulary of the gettext catalogues in :mod:`planner.i18n`; a count among the arguments picks
the plural form there.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from typing import Any

from planner.i18n import format_number, gettext, phrase
from planner.models.base import Text

LANGS = ("en", "nl")

CONTEXT = "message"
"""The vocabulary (gettext ``msgctxt``) of these sentences in :mod:`planner.i18n`'s catalogues."""

JOINERS = {", ": None, "; ": None, " after ": "after", " -> ": None}
"""Separators of a :class:`Seq`: the same in every language, or a word of the ``joiner`` vocabulary."""


class Seq(tuple[Any, ...]):
    """Arguments shown as one list, joined with a separator in the reader's language."""

    sep: str = ", "

    def __new__(cls, items: Sequence[Any], sep: str = ", ") -> Seq:
        seq = super().__new__(cls, items)
        seq.sep = sep
        return seq


class Word(str):
    """A word of a gettext vocabulary (a degree, a role), shown in the reader's language.

    As a ``str`` it is the key itself, so English-only code still sees a stable value.

    Example:
        >>> Msg("overlap", a="x.a", b="x.b", degree=Word("degree", "intersect"), rationale="r").render("nl")
        'x.a overlapt met x.b (deels): r'
    """

    context: str

    def __new__(cls, context: str, key: str) -> Word:
        made = super().__new__(cls, key)
        made.context = context
        return made

    def __reduce__(self) -> tuple[Any, ...]:  # copy and pickle by vocabulary and key
        return (Word, (self.context, str(self)))


class Msg(str):
    """A sentence: the English text, plus its key and arguments for other languages."""

    key: str
    args: dict[str, Any]

    def __new__(cls, key: str, **args: Any) -> Msg:
        args = {k: Quote(v) if isinstance(v, Text) else v for k, v in args.items()}
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


class Quote(str):
    """Catalogue text (a rationale) kept in both languages: the English as a ``str``, any on render.

    It keeps plain strings only, so it pickles to the same bytes in every process (the site's
    fingerprints hash pickles; a pydantic model would carry a set).

    Example:
        >>> Quote(Text(en="same work", nl="hetzelfde werk")).render("nl")
        'hetzelfde werk'
    """

    texts: tuple[tuple[str, str], ...]

    def __new__(cls, text: Text | tuple[tuple[str, str], ...]) -> Quote:
        texts = text if isinstance(text, tuple) else tuple((lang, text.get(lang)) for lang in LANGS)
        made = super().__new__(cls, dict(texts)["en"])
        made.texts = texts
        return made

    def render(self, lang: str) -> str:
        """The text in `lang` (falling back to the other language)."""
        return dict(self.texts).get(lang, str(self))

    def __reduce__(self) -> tuple[Any, ...]:  # copy and pickle by the texts, plain strings
        return (Quote, (self.texts,))


def _rebuild(key: str, args: dict[str, Any]) -> Msg:
    return Msg(key, **args)


def _value(value: Any, lang: str) -> str:
    if isinstance(value, Msg | Quote):
        return value.render(lang)
    if isinstance(value, Word):
        return gettext(lang, value.context, str(value))
    if isinstance(value, Seq):
        joiner = JOINERS.get(value.sep)
        sep = f" {gettext(lang, 'joiner', joiner)} " if joiner else value.sep
        return sep.join(_value(v, lang) for v in value)
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, float):
        return format_number(value, lang)
    return str(value)


def _format(key: str, args: dict[str, Any], lang: str) -> str:
    # numbers stay numbers, so a sentence with plural forms can count them
    values = {k: v if _is_count(v) else _value(v, lang) for k, v in args.items()}
    return phrase(lang, CONTEXT, key, **values)


def _is_count(value: Any) -> bool:
    return isinstance(value, int) and not isinstance(value, bool)


def render_all(data: Any, lang: str) -> Any:
    """`data` (dicts, lists, tuples of JSON-ready values) with every :class:`Msg` rendered in `lang`."""
    if isinstance(data, Msg | Quote):
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
    return text.render(lang) if isinstance(text, Msg | Quote) else text
