"""Catalogue text made inert for Mermaid: the one neutraliser the gantt and the flowchart share.

Mermaid reads more of a line than its grammar suggests: a newline starts a statement (a
``click NODE href "javascript:..."`` line, a new node), ``%%`` starts a comment and
``%%{init: ...}%%`` a directive anywhere in the text, ``#name;`` is an entity, ``:`` starts a
gantt task's data and ``;`` ends a statement. :func:`neutralise` turns all of these into spaces,
so no catalogue text can add a line, a directive or an entity to a diagram. Each diagram adds
only what its own grammar needs on top: the gantt guards names that read as keywords
(:func:`planner.formats.mermaid.clean`), the flowchart quotes labels (:func:`label`).
"""

from __future__ import annotations

import re

_UNSAFE = re.compile(r"[:#;%<>\r\n\t]+")
_SPACE = re.compile(r"\s+")


def neutralise(value: str) -> str:
    """`value` on one line, without the characters Mermaid reads as syntax; ``-`` if nothing is left.

    >>> neutralise("Art. 5: notify; #1 <b>")
    'Art. 5 notify 1 b'
    >>> neutralise("a\\nclick n0 href 'javascript:alert(1)'")
    "a click n0 href 'javascript alert(1)'"
    >>> neutralise("%%{init: {}}%%"), neutralise(" \\n ")
    ('{init {}}', '-')
    """
    return _SPACE.sub(" ", _UNSAFE.sub(" ", str(value))).strip() or "-"


def label(value: str) -> str:
    """A flowchart node label: :func:`neutralise`, then quoted, a quote inside as an entity.

    A backtick right after the opening quote would make a Markdown string; it is an entity too.

    >>> label('Title"] --> x["other')
    '"Title#quot;] -- x[#quot;other"'
    >>> label("`**bold**`")
    '"#96;**bold**#96;"'
    """
    return '"' + neutralise(value).replace('"', "#quot;").replace("`", "#96;") + '"'
