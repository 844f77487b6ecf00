"""Roadmap output formats: golden files on the minimal catalogue, plus safety and format rules.

Golden files live in tests/golden/roadmap/. After a deliberate change, regenerate them with
`PLANNER_UPDATE_GOLDEN=1 python -m pytest tests/test_formats.py`, then read the diff.
"""

from __future__ import annotations

import csv
import dataclasses
import datetime as dt
import io
import itertools
import os
import re
import zipfile
from html.parser import HTMLParser
from pathlib import Path
from xml.etree import ElementTree

import pytest

from .conftest import MINIMAL, invoke

GOLDEN = Path(__file__).parent / "golden" / "roadmap"
AS_OF = "2026-11-28"
UPDATE = os.environ.get("PLANNER_UPDATE_GOLDEN") == "1"
MAIN = "{http://schemas.openxmlformats.org/spreadsheetml/2006/main}"

ACT_C = """\
id: act-c
kind: national-act
title: {en: Example act C, nl: Voorbeeldwet C}
source: s
themes: [data]
sources:
  s: {url: https://example.org/act-c, title: Act C, accessed: 2026-01-01}
obligations:
  - id: act-c.formula
    title: {en: "=cmd|' /C calc'!A0", nl: "=cmd|' /C calc'!A0"}
    roles: {gemeenten: addressee}
    due: 2027-06-30
    effort: 1
  - id: act-c.script
    title: {en: "<script>alert(1)</script>", nl: "<script>alert(1)</script>"}
    roles: {gemeenten: addressee}
    due: 2027-06-30
    effort: 1
  - id: act-c.syntax
    title: {en: "Art. 5: a | b; #c, d\\\\e [x](javascript:alert(1)) 50%", nl: "Art. 5: a | b; #c, d\\\\e [x](javascript:alert(1)) 50%"}
    roles: {gemeenten: addressee}
    due: 2027-06-30
    effort: 1
  - id: act-c.long
    title: {en: "LONG", nl: "LONG"}
    roles: {gemeenten: addressee}
    due: 2027-06-30
    effort: 1
"""
LONG_TITLE = "Zorg voor één register, één loket en één aanspreekpunt per organisatie " * 3


ORGANISATION = Path("tests/data/organisations/gemeente-proef.yaml")  # relative: the golden names it
"""The minimal catalogue's gemeente that assessed its duties: the golden roadmaps plan for it."""


def render(fmt: str, layer: str = "gemeenten", lang: str = "nl", root: Path = MINIMAL) -> str | bytes:
    """One roadmap of the catalogue at `root`, as of AS_OF, in `fmt` (for the example gemeente on MINIMAL)."""
    from planner.formats import render_roadmap
    from planner.loading import load_catalogue
    from planner.organisation import read_organisation
    from planner.roadmap import build_plan
    from planner.view import build_view

    cat = load_catalogue(root)
    org = read_organisation(ORGANISATION, cat) if root == MINIMAL else None
    ctx = build_plan(cat, dt.date.fromisoformat(AS_OF), organisation=org)
    return render_roadmap(fmt, build_view(ctx, layer, lang))


@pytest.fixture
def hostile(catalogue_with) -> Path:
    """The minimal catalogue plus an act whose titles try to break every format."""
    return catalogue_with({"act-c.yaml": ACT_C.replace('"LONG"', f'"{LONG_TITLE.strip()}"')})


def _fills(styles: ElementTree.Element) -> list[str | None]:
    fills = styles.find(f"{MAIN}fills")
    out: list[str | None] = []
    for fill in list(fills) if fills is not None else []:
        colour = fill.find(f"{MAIN}patternFill/{MAIN}fgColor")
        out.append(colour.get("rgb") if colour is not None else None)
    return out


def _cell_line(c: ElementTree.Element, xf: ElementTree.Element, shared: list[str], formats, fills) -> str:  # type: ignore[no-untyped-def]
    value = c.findtext(f"{MAIN}v")
    align = xf.find(f"{MAIN}alignment")
    marks = " [wrap]" if align is not None and align.get("wrapText") == "1" else ""
    fill = fills[int(xf.get("fillId", "0"))]
    marks += f" [fill {fill}]" if fill else ""
    if c.find(f"{MAIN}f") is not None:
        return f"{c.get('r')}\tFORMULA"
    if c.get("t") == "s":
        quote = " [quote-prefix]" if xf.get("quotePrefix") == "1" else ""
        return f"{c.get('r')}\ttext\t{shared[int(value or 0)]}{quote}{marks}"
    if formats.get(xf.get("numFmtId")) == "yyyy-mm-dd":
        day = dt.date(1899, 12, 30) + dt.timedelta(days=int(float(value or 0)))
        return f"{c.get('r')}\tdate\t{day.isoformat()}"
    shown = formats.get(xf.get("numFmtId"))
    marks += f" [format {shown}]" if shown and value is not None else ""
    return f"{c.get('r')}\tnumber\t{value}{marks}" if value is not None else f"{c.get('r')}\tblank{marks}"


def xlsx_dump(data: bytes) -> str:
    """The visible content of an .xlsx as text: per sheet its set-up, then every cell typed."""
    with zipfile.ZipFile(io.BytesIO(data)) as book:
        workbook = ElementTree.fromstring(book.read("xl/workbook.xml"))
        strings = ElementTree.fromstring(book.read("xl/sharedStrings.xml"))
        styles = ElementTree.fromstring(book.read("xl/styles.xml"))
        count = sum(1 for n in book.namelist() if n.startswith("xl/worksheets/sheet"))
        sheets = [
            ElementTree.fromstring(book.read(f"xl/worksheets/sheet{n}.xml")) for n in range(1, count + 1)
        ]
        tables = [
            ElementTree.fromstring(book.read(name))
            for name in sorted(book.namelist())
            if name.startswith("xl/tables/")
        ]
    shared = ["".join(t.text or "" for t in si.iter(f"{MAIN}t")) for si in strings.iter(f"{MAIN}si")]
    formats = {f.get("numFmtId"): f.get("formatCode") for f in styles.iter(f"{MAIN}numFmt")}
    cell_xfs = styles.find(f"{MAIN}cellXfs")
    xfs = list(cell_xfs) if cell_xfs is not None else []
    fills = _fills(styles)
    names = [s.get("name") for s in workbook.iter(f"{MAIN}sheet")]
    lines = [f"table: {t.get('name')} {t.get('ref')}" for t in tables]
    for name, sheet in zip(names, sheets, strict=True):
        pane = sheet.find(f".//{MAIN}pane")
        setup = sheet.find(f"{MAIN}pageSetup")
        fit = sheet.find(f"{MAIN}sheetPr/{MAIN}pageSetUpPr")
        lines += [
            f"== sheet {name}",
            f"frozen: {pane.get('topLeftCell') if pane is not None else None}",
            "page: "
            + " ".join(
                f"{k}={setup.get(k)}"
                for k in ("orientation", "paperSize", "fitToHeight")
                if setup is not None
            )
            + f" fitToPage={fit.get('fitToPage') if fit is not None else None}",
            "widths: "
            + " ".join(f"{c.get('min')}-{c.get('max')}={c.get('width')}" for c in sheet.iter(f"{MAIN}col")),
        ]
        for c in sheet.iter(f"{MAIN}c"):
            lines.append(_cell_line(c, xfs[int(c.get("s", "0"))], shared, formats, fills))
    return "\n".join(lines) + "\n"


GOLDEN_CASES = [
    ("md", "gemeenten", "nl", "gemeenten.nl.md"),
    ("md", "gemeenten", "en", "gemeenten.en.md"),
    ("md", "all", "nl", "all.nl.md"),
    ("md", "all", "en", "all.en.md"),
    ("csv", "gemeenten", "nl", "gemeenten.csv"),
    ("csv", "all", "en", "all.en.csv"),
    ("ics", "gemeenten", "nl", "gemeenten.ics"),
    ("ics", "all", "en", "all.en.ics"),
    ("mermaid", "gemeenten", "nl", "gemeenten.mmd"),
    ("mermaid", "all", "en", "all.en.mmd"),
    ("html", "gemeenten", "nl", "gemeenten.nl.html"),
    ("html", "all", "en", "all.en.html"),
    ("xlsx", "gemeenten", "nl", "gemeenten.xlsx.txt"),
    ("xlsx", "all", "en", "all.en.xlsx.txt"),
]


@pytest.mark.parametrize(("fmt", "layer", "lang", "name"), GOLDEN_CASES)
def test_matches_golden_file(fmt, layer, lang, name):
    result = render(fmt, layer, lang)
    got = (xlsx_dump(result) if isinstance(result, bytes) else result).encode("utf-8")
    path = GOLDEN / name
    if UPDATE:
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(got)
    assert got == path.read_bytes(), f"{name} differs; see the module docstring to update"


def test_cli_prints_the_golden_markdown(runner):
    args = [
        "--catalog",
        str(MINIMAL),
        "roadmap",
        "gemeenten",
        "--as-of",
        AS_OF,
        "--organisation",
        str(ORGANISATION),
    ]
    result = invoke(runner, *args)
    assert result.exit_code == 0
    assert result.stdout == (GOLDEN / "gemeenten.nl.md").read_text(encoding="utf-8")


@pytest.mark.parametrize("fmt", ["md", "csv", "xlsx", "ics", "mermaid", "html"])
def test_two_renders_give_identical_bytes(fmt):
    assert render(fmt, "all") == render(fmt, "all")


def test_xlsx_without_output_file_is_usage_error(runner):
    result = invoke(runner, "--catalog", str(MINIMAL), "roadmap", "gemeenten", "--format", "xlsx")
    assert result.exit_code == 2
    assert result.stderr == "error: --format xlsx is binary: give a file with -o\n"
    assert result.stdout == ""


def test_xlsx_written_with_output_file_is_a_workbook(runner, tmp_path):
    out = tmp_path / "roadmap.xlsx"
    args = [
        "--catalog",
        str(MINIMAL),
        "roadmap",
        "gemeenten",
        "--as-of",
        AS_OF,
        "--format",
        "xlsx",
        "-o",
        str(out),
    ]
    assert invoke(runner, *args).exit_code == 0
    with zipfile.ZipFile(out) as book:
        assert "[Content_Types].xml" in book.namelist()
        assert "xl/worksheets/sheet1.xml" in book.namelist()


def test_xlsx_created_date_comes_from_as_of():
    with zipfile.ZipFile(io.BytesIO(render("xlsx"))) as book:  # type: ignore[arg-type]
        core = book.read("docProps/core.xml").decode()
    assert '<dcterms:created xsi:type="dcterms:W3CDTF">2026-11-28T00:00:00Z</dcterms:created>' in core


def test_xlsx_dates_are_real_dates_in_openpyxl():
    openpyxl = pytest.importorskip("openpyxl")
    sheet = openpyxl.load_workbook(io.BytesIO(render("xlsx")))["Planning"]  # type: ignore[arg-type]
    assert sheet["J1"].value == "Uiterlijk"
    assert sheet["J2"].value == dt.datetime(2026, 6, 30)
    assert sheet["J2"].is_date


# --- CSV ------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "cell"),
    [
        ("=1+1", "'=1+1"),
        ("+31 6", "'+31 6"),
        ("-2", "'-2"),
        ("@SUM(A1)", "'@SUM(A1)"),
        ("\tx", "'\tx"),
        ("\rx", "'\rx"),
        ("Art. 5 = duty", "Art. 5 = duty"),
        ("", ""),
    ],
)
def test_neutralise(text, cell):
    from planner.formats.rows import neutralise

    assert neutralise(text) == cell


def test_csv_neutralises_a_formula_title(hostile):
    text = render("csv", root=hostile, lang="en")
    rows = list(csv.DictReader(io.StringIO(text.removeprefix("\ufeff"))))  # type: ignore[union-attr]
    row = next(r for r in rows if r["Id"] == "act-c.formula")
    assert row["Obligation"] == "'=cmd|' /C calc'!A0"


def test_csv_header_and_line_ends():
    text = render("csv", lang="en")
    assert isinstance(text, str)
    assert text.startswith(
        "\ufeffStage,Stage start,Stage end,Layer,Id,Act,Obligation,Articles,Role,Due,Status,"
        "Joint work package,Effort (person-days),Kind of duty,Why\n"
    )
    assert "\r" not in text
    assert len(text.splitlines()) == 1 + 3  # header + the three gemeenten items


def test_xlsx_formula_title_is_quoted_text(hostile):
    dump = xlsx_dump(render("xlsx", root=hostile))  # type: ignore[arg-type]
    assert "FORMULA" not in dump
    assert "\ttext\t=cmd|' /C calc'!A0 [quote-prefix]" in dump


# --- Markdown -------------------------------------------------------------------------------


def _markdown_html(text: str) -> str:
    from markdown_it import MarkdownIt

    return MarkdownIt("commonmark", {"html": False}).enable("table").render(text)


def test_markdown_table_cells_hold_hostile_titles(hostile):
    html = _markdown_html(render("md", root=hostile))  # type: ignore[arg-type]
    row = next(r for r in html.split("<tr>") if r.startswith("\n<td><code>act-c.syntax</code></td>"))
    assert row.count("<td>") == 7
    assert "<script>" not in html
    assert "<a " not in html
    assert "Art. 5: a | b; #c, d\\e [x](javascript:alert(1)) 50%" in row


def test_markdown_newline_in_title_stays_in_one_cell():
    from planner.formats.md import inline

    assert inline("one\ntwo |\r\nthree") == "one two \\| three"


@pytest.mark.parametrize("layer", ["gemeenten", "all"])
def test_markdown_headings_are_ordered(layer):
    from markdown_it import MarkdownIt

    tokens = MarkdownIt("commonmark").parse(render("md", layer))  # type: ignore[arg-type]
    levels = [int(t.tag[1]) for t in tokens if t.type == "heading_open"]
    assert levels[0] == 1 and levels.count(1) == 1
    assert all(b <= a + 1 for a, b in itertools.pairwise(levels))


def test_markdown_says_command_date_and_scenario():
    text = render("md", lang="en")
    assert isinstance(text, str)
    assert text.startswith(
        "# Roadmap Municipalities: Gemeente Proef\n\nAs of: **2026-11-28** · Scenario: none"
    )
    assert "*Generated by `planner roadmap gemeenten --as-of 2026-11-28 --organisation " in text
    assert "gemeente-proef.yaml --format md --lang en`" in text


def test_markdown_names_the_scenario(minimal):
    from planner.formats.md import render as md
    from planner.loading import load_catalogue
    from planner.roadmap import build_plan
    from planner.view import build_view

    ctx = build_plan(load_catalogue(minimal).with_scenario("delay-b"), dt.date(2026, 11, 28))
    text = md(build_view(ctx, "gemeenten", "en"))
    assert "Scenario: Proposal to delay B (delay-b)" in text
    assert "`planner roadmap gemeenten --as-of 2026-11-28 --scenario delay-b --format md --lang en`" in text


# --- HTML -----------------------------------------------------------------------------------


class _Tags(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.tags: list[tuple[str, dict[str, str | None]]] = []

    def handle_starttag(self, tag, attrs):
        self.tags.append((tag, dict(attrs)))


def _tags(text: str) -> list[tuple[str, dict[str, str | None]]]:
    parser = _Tags()
    parser.feed(text)
    return parser.tags


def test_html_escapes_a_script_title(hostile):
    page = render("html", root=hostile)
    assert isinstance(page, str)
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in page
    assert "script" not in {tag for tag, _ in _tags(page)}


@pytest.mark.parametrize(("layer", "lang"), [("gemeenten", "nl"), ("all", "en")])
def test_html_is_self_contained_with_ordered_headings(layer, lang):
    page = render("html", layer, lang)
    assert isinstance(page, str)
    tags = _tags(page)
    assert tags[0] == ("html", {"lang": lang})
    levels = [int(tag[1]) for tag, _ in tags if re.fullmatch(r"h[1-6]", tag)]
    assert levels[0] == 1 and levels.count(1) == 1
    assert all(b <= a + 1 for a, b in itertools.pairwise(levels))
    assert not [t for t, a in tags if t in ("script", "link", "img", "iframe") or "src" in a]


def test_html_status_badges_carry_text():
    page = render("html", lang="en")
    assert '<span class="badge status-overdue">overdue</span>' in page


# --- iCalendar ------------------------------------------------------------------------------


def test_ics_lines_end_in_crlf_and_fold_at_75_octets(hostile):
    text = render("ics", root=hostile)
    assert isinstance(text, str)
    assert text.endswith("END:VCALENDAR\r\n")
    assert "\n" not in text.replace("\r\n", "")
    lines = text.split("\r\n")[:-1]
    assert max(len(line.encode("utf-8")) for line in lines) <= 75
    unfolded = text.replace("\r\n ", "")
    assert f"SUMMARY:Uiterste datum: {LONG_TITLE.strip()} (Gemeenten)\r\n".replace(",", "\\,") in unfolded


def test_ics_escapes_text():
    from planner.formats.ics import escape

    assert escape("a;b,c\\d\ne") == "a\\;b\\,c\\\\d\\ne"


def test_ics_fold_never_splits_a_character():
    from planner.formats.ics import fold

    folded = fold("X" * 74 + "é" + "Y")
    assert folded == "X" * 74 + "\r\n é" + "Y\r\n"


def test_ics_uids_are_stable_ids_and_stamp_is_as_of():
    from planner.formats import RenderOptions
    from planner.formats.ics import render as render_ics
    from planner.loading import load_catalogue
    from planner.roadmap import build_plan
    from planner.view import build_view

    view = build_view(build_plan(load_catalogue(MINIMAL), dt.date.fromisoformat(AS_OF)), "gemeenten")
    text = render_ics(view, RenderOptions(history=True))
    uids = re.findall(r"^UID:(.*)\r$", text, re.MULTILINE)
    assert uids == [
        "stage-2026-Q4-gemeenten@planner",
        "stage-2027-Q1-gemeenten@planner",
        "due-act-a.inventory-gemeenten@planner",
        "due-act-b.connect-gemeenten@planner",
        "due-act-a.assess-gemeenten@planner",
    ]
    assert set(re.findall(r"^DTSTAMP:(.*)\r$", text, re.MULTILINE)) == {"20261128T000000Z"}


# --- Mermaid --------------------------------------------------------------------------------


def test_mermaid_task_names_lose_syntax_characters(hostile):
    text = render("mermaid", root=hostile)
    assert isinstance(text, str)
    line = next(line for line in text.splitlines() if "t_act_c_syntax_gemeenten" in line)
    name, data = line.split(":")  # exactly one colon: the one that starts the task data
    assert not set("#;%") & set(name)
    assert data == "t_act_c_syntax_gemeenten, 2026-10-01, 2026-12-31"


def test_mermaid_tags_overdue_as_crit_and_draws_due_dates():
    text = render("mermaid", lang="en")
    assert "    Make an inventory :crit, t_act_a_inventory_gemeenten, 2026-10-01, 2026-12-31\n" in text
    assert "    Due 2027-01-01 :milestone, m_act_a_2027_01_01, 2027-01-01, 0d\n" in text
    assert "2026-06-30" not in text  # a due date before the first stage is not drawn


def test_mermaid_keyword_names_are_guarded():
    from planner.formats.mermaid import clean

    assert clean("section 3 duties") == "– section 3 duties"
    assert clean("2027-01-01 deadline") == "– 2027-01-01 deadline"


def test_markdown_says_so_when_a_stage_is_empty():
    from planner.formats.md import render as md
    from planner.loading import load_catalogue
    from planner.roadmap import build_plan
    from planner.view import build_view

    ctx = build_plan(load_catalogue(MINIMAL), dt.date(2026, 11, 28))
    view = build_view(ctx, "gemeenten", "en")
    emptied = dataclasses.replace(view.stages[0], items=())
    text = md(dataclasses.replace(view, stages=(emptied, *view.stages[1:])))
    assert "## Stage 2026-Q4 (2026-10-01 to 2026-12-31)\n\nNo obligations in this stage.\n" in text
