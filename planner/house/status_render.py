"""`planner status` in Markdown, JSON, CSV and Excel.

Organisation names come from the files (untrusted text): Markdown escapes them, CSV and Excel
neutralise anything a spreadsheet would read as a formula, JSON carries them as plain strings.
The same files and ``--as-of`` give the same bytes.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
from typing import Any

from planner.catalogue import Catalogue
from planner.formats.csv import cell
from planner.formats.md import code, inline
from planner.formats.rows import is_risky
from planner.house.status import COLUMNS, HouseStatus
from planner.i18n import gettext, ngettext

FORMATS = ("md", "json", "csv", "xlsx")
CSV_COLUMNS = ("layer", "obligation", "due", "organisations", *COLUMNS, "assessed")
"""The CSV header: the same in every language, so scripts can rely on it."""
BEHIND_COLUMNS = ("organisation", "layer", "obligation", "due", "state", "file")


def _w(lang: str, key: str, **values: Any) -> str:
    return gettext(lang, "house_status", key, **values)


def command(status: HouseStatus, fmt: str, lang: str) -> str:
    """The command that makes this output (stamped on it)."""
    return f"planner status {status.folder} --as-of {status.as_of.isoformat()} --format {fmt} --lang {lang}"


def to_data(status: HouseStatus) -> dict[str, Any]:
    """The status as JSON-ready data (codes, not words, so it is the same in every language)."""
    return {
        "as_of": status.as_of.isoformat(),
        "folder": status.folder,
        "states": list(COLUMNS),
        "layers": [
            {"layer": c.layer, "reporting": c.reporting, "organisations": c.total} for c in status.layers
        ],
        "cells": [
            {
                "layer": c.layer,
                "obligation": c.obligation,
                "due": c.due.isoformat() if c.due else None,
                "organisations": c.organisations,
                "counts": c.counts,
                "assessed": round(c.assessed, 4),
            }
            for c in status.cells
        ],
        "behind": [
            {
                "organisation": b.organisation,
                "layer": b.layer,
                "obligation": b.obligation,
                "due": b.due.isoformat(),
                "state": b.state,
                "file": b.source,
            }
            for b in status.behind
        ],
        "files_with_errors": status.files_with_errors,
    }


def render_json(status: HouseStatus) -> str:
    """The status as JSON text (the roadmaps' one-pass writer: the same text as ``json.dumps`` with
    ``indent=2``, whose indenting encoder runs in Python and took a third of `status` over 387 files)."""
    from planner.view.serialise import dumps

    return dumps(to_data(status)) + "\n"


def _cell_row(c: Any) -> list[Any]:
    return [c.layer, c.obligation, c.due.isoformat() if c.due else None, c.organisations]


def render_csv(status: HouseStatus) -> str:
    """One row per obligation × layer with the count of each state and the share assessed."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerow(CSV_COLUMNS)
    for c in status.cells:
        values = [*_cell_row(c), *(c.counts[s] for s in COLUMNS), round(c.assessed, 4)]
        writer.writerow([cell(v) for v in values])
    return buffer.getvalue()


def _table(header: list[str], rows: list[list[str]]) -> list[str]:
    lines = ["| " + " | ".join(header) + " |", "|" + "|".join("---" for _ in header) + "|"]
    return lines + ["| " + " | ".join(value or " " for value in row) + " |" for row in rows]


def render_md(status: HouseStatus, cat: Catalogue, lang: str) -> str:
    """The status as a Markdown report: who reports, the counts per obligation, who is behind."""
    layer_name = {lid: inline(layer.name.get(lang)) for lid, layer in cat.layers.items()}
    lines = [
        f"# {_w(lang, 'title')}",
        "",
        f"{_w(lang, 'as_of')}: {status.as_of.isoformat()}",
        "",
        f"<!-- {inline(command(status, 'md', lang))} -->",
        "",
        f"## {_w(lang, 'reporting_title')}",
        "",
    ]
    lines += _table(
        [_w(lang, "layer"), _w(lang, "reporting"), _w(lang, "of")],
        [[layer_name[c.layer], str(c.reporting), str(c.total)] for c in status.layers],
    )
    lines += ["", f"## {_w(lang, 'cells_title')}", ""]
    header = [_w(lang, "layer"), _w(lang, "obligation"), _w(lang, "due"), *(_w(lang, s) for s in COLUMNS)]
    rows = [
        [
            layer_name[c.layer],
            code(c.obligation),
            c.due.isoformat() if c.due else "",
            *(str(c.counts[s]) for s in COLUMNS),
        ]
        for c in status.cells
    ]
    lines += [
        *_table(
            [*header, _w(lang, "assessed")],
            [[*r, f"{c.assessed:.0%}"] for r, c in zip(rows, status.cells, strict=True)],
        )
    ]
    lines += _behind_md(status, layer_name, lang)
    if status.files_with_errors:
        n = status.files_with_errors
        lines += ["", ngettext(lang, "house_status", "files_left_out", n, count=n)]
    return "\n".join(lines) + "\n"


def _behind_md(status: HouseStatus, layer_name: dict[str, str], lang: str) -> list[str]:
    """The section of organisations behind on a duty past its due date, or a line saying none are."""
    lines = ["", f"## {_w(lang, 'behind_title')}", ""]
    if not status.behind:
        return [*lines, _w(lang, "none_behind")]
    return lines + _table(
        [
            _w(lang, "organisation"),
            _w(lang, "layer"),
            _w(lang, "obligation"),
            _w(lang, "due"),
            _w(lang, "state"),
        ],
        [
            [
                inline(b.organisation),
                layer_name[b.layer],
                code(b.obligation),
                b.due.isoformat(),
                _w(lang, b.state),
            ]
            for b in status.behind
        ],
    )


def _sheet_rows(
    status: HouseStatus, cat: Catalogue, lang: str
) -> dict[str, tuple[list[str], list[list[Any]]]]:
    """The workbook's two sheets in `lang`: {sheet name: (header, rows)}.

    Unlike the CSV, whose header stays the same in every language for scripts, the workbook is
    read by people: sheet names, headers, layers and states are words in the chosen language.
    Obligation ids and file names stay as they are, so a row can be found in the catalogue.
    """
    names = {lid: str(layer.name.get(lang)) for lid, layer in cat.layers.items()}
    counts = [
        [
            names.get(c.layer, c.layer),
            *_cell_row(c)[1:],
            *(c.counts[s] for s in COLUMNS),
            round(c.assessed, 4),
        ]
        for c in status.cells
    ]
    behind = [
        [
            b.organisation,
            names.get(b.layer, b.layer),
            b.obligation,
            b.due.isoformat(),
            _w(lang, b.state),
            b.source,
        ]
        for b in status.behind
    ]
    return {
        _w(lang, "sheet_status"): ([_w(lang, c) for c in CSV_COLUMNS], counts),
        _w(lang, "sheet_behind"): ([_w(lang, c) for c in BEHIND_COLUMNS], behind),
    }


def render_xlsx(status: HouseStatus, cat: Catalogue, lang: str = "en") -> bytes:
    """The status as an Excel workbook in `lang`: a sheet of counts and a sheet of who is behind."""
    import xlsxwriter

    buffer = io.BytesIO()
    options = {
        "in_memory": True,
        "strings_to_formulas": False,
        "strings_to_numbers": False,
        "strings_to_urls": False,
    }
    book = xlsxwriter.Workbook(buffer, options)
    as_of = status.as_of
    book.set_properties(
        {
            "author": "planner",
            "title": _w(lang, "title"),
            "subject": f"{_w(lang, 'as_of')} {as_of.isoformat()}",
            "created": dt.datetime(as_of.year, as_of.month, as_of.day),
            "comments": command(status, "xlsx", lang),
        }
    )
    bold = book.add_format({"bold": True, "bottom": 1})
    quoted = book.add_format({"quote_prefix": True})
    share = book.add_format({"num_format": "0%"})
    for name, (header, table) in _sheet_rows(status, cat, lang).items():
        sheet = book.add_worksheet(name)
        for col, title in enumerate(header):
            sheet.write_string(0, col, title, bold)
            sheet.set_column(col, col, max(10, min(40, len(title) + 2)))
        for r, row in enumerate(table, start=1):
            for col, value in enumerate(row):
                if value is None:
                    sheet.write_blank(r, col, None)
                elif isinstance(value, float):
                    sheet.write_number(r, col, value, share)
                elif isinstance(value, int):
                    sheet.write_number(r, col, value)
                else:
                    sheet.write_string(r, col, str(value), quoted if is_risky(str(value)) else None)
        sheet.freeze_panes(1, 0)
        if table:
            sheet.autofilter(0, 0, len(table), len(header) - 1)
    book.close()
    return buffer.getvalue()


def render(status: HouseStatus, cat: Catalogue, fmt: str, lang: str) -> str | bytes:
    """The status in `fmt` (one of :data:`FORMATS`)."""
    if fmt == "json":
        return render_json(status)
    if fmt == "csv":
        return render_csv(status)
    if fmt == "xlsx":
        return render_xlsx(status, cat, lang)
    return render_md(status, cat, lang)
