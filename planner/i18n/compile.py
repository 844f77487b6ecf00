"""Compile the .po catalogues into the .mo files planner reads, or check that they match.

The .mo files are committed beside the .po files, so an install (``pip install .``, a wheel, an
editable checkout) needs no build step and no network; a test runs :func:`stale` so a .po edit
without a recompile fails.

Usage: ``python -m planner.i18n.compile`` (write) or ``python -m planner.i18n.compile --check``.
"""

from __future__ import annotations

import io
import sys
from pathlib import Path

from babel.messages.catalog import Catalog
from babel.messages.mofile import read_mo, write_mo
from babel.messages.pofile import read_po

from planner.i18n import DOMAIN, LANGS

LOCALE_DIR = Path(__file__).parent / "locale"


def po_file(lang: str, root: Path = LOCALE_DIR) -> Path:
    """The editable catalogue of `lang` in the locale folder `root`."""
    return root / lang / "LC_MESSAGES" / f"{DOMAIN}.po"


def read(lang: str, root: Path = LOCALE_DIR) -> Catalog:
    """The .po catalogue of `lang`, parsed."""
    with po_file(lang, root).open("rb") as fp:
        return read_po(fp, locale=lang, domain=DOMAIN)


def compiled(lang: str, root: Path = LOCALE_DIR) -> bytes:
    """The .mo bytes that the .po catalogue of `lang` compiles to."""
    out = io.BytesIO()
    write_mo(out, read(lang, root))
    return out.getvalue()


def _tuple(value: object) -> object:
    # a .mo read back gives plural ids and texts as lists, a .po as tuples
    return tuple(value) if isinstance(value, list | tuple) else value


def _content(catalog: Catalog) -> dict[tuple[str | None, object], object]:
    """What a reader can look up: each (context, id) with its text, plus the plural rule."""
    found: dict[tuple[str | None, object], object] = {
        (message.context, _tuple(message.id)): _tuple(message.string)
        for message in catalog
        if message.id and not message.fuzzy
    }
    found[(None, "plural")] = catalog.plural_forms
    return found


def stale(lang: str, root: Path = LOCALE_DIR) -> bool:
    """Whether the committed .mo of `lang` says something other than its .po.

    Compares what can be looked up, not bytes, so a newer Babel that lays out a .mo differently
    does not count as a change.
    """
    mo = po_file(lang, root).with_suffix(".mo")
    if not mo.exists():
        return True
    with mo.open("rb") as fp:
        return _content(read_mo(fp)) != _content(read(lang, root))


def main(argv: list[str]) -> int:
    """Write every .mo (or, with ``--check``, report the stale ones); the exit code says if any is."""
    check = "--check" in argv
    bad = 0
    for lang in LANGS:
        if check:
            if stale(lang):
                print(f"{po_file(lang).with_suffix('.mo')} is stale: run python -m planner.i18n.compile")
                bad += 1
        else:
            po_file(lang).with_suffix(".mo").write_bytes(compiled(lang))
    return 1 if bad else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
