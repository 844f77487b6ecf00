"""The word catalogues: complete in both languages, compiled, plural-aware, used as the code expects.

Also a guard against English words in Dutch output, on the minimal catalogue, with catalogue
text (titles, source names) and codes (ids, commands) taken out first.
"""

from __future__ import annotations

import ast
import datetime as dt
import html
import re
import shutil
import string
from collections.abc import Iterator, Sequence
from pathlib import Path

import pytest
import yaml

from planner import i18n
from planner.i18n import compile as mo
from planner.messages import Msg

from .conftest import MINIMAL

ROOT = Path(__file__).parent.parent
AS_OF = dt.date(2026, 11, 28)


def entries(lang: str) -> dict[tuple[str | None, str], tuple[str, ...]]:
    """Every (context, key) of the .po of `lang` with its texts (one, or one per plural form)."""
    found = {}
    for message in mo.read(lang):
        if message.id:
            key = message.id[0] if message.pluralizable else message.id
            texts = message.string if message.pluralizable else (message.string,)
            found[(message.context, key)] = tuple(texts)
    return found


def fields(text: str) -> set[str]:
    return {name for _, name, _, _ in string.Formatter().parse(text) if name}


# --- the catalogues ---------------------------------------------------------------------------


def test_both_languages_have_the_same_keys():
    assert set(entries("nl")) == set(entries("en"))


@pytest.mark.parametrize("lang", i18n.LANGS)
def test_every_key_has_a_text_in_every_form(lang):
    empty = [key for key, texts in entries(lang).items() if not all(t.strip() for t in texts)]
    fuzzy = [m.id for m in mo.read(lang) if m.id and m.fuzzy]
    assert (empty, fuzzy) == ([], [])


def test_every_text_has_the_same_placeholders_in_both_languages():
    english = entries("en")
    differ = [
        (key, text)
        for key, texts in entries("nl").items()
        for text in texts + english[key]
        if fields(text) != fields(english[key][-1])
    ]
    assert differ == []


@pytest.mark.parametrize("lang", i18n.LANGS)
def test_the_committed_mo_says_what_the_po_says(lang):
    assert not mo.stale(lang), "run: python -m planner.i18n.compile"


def test_an_edited_po_makes_its_mo_stale(tmp_path):
    shutil.copytree(mo.LOCALE_DIR, tmp_path, dirs_exist_ok=True)
    po = mo.po_file("nl", tmp_path)
    po.write_text(po.read_text(encoding="utf-8").replace('"te laat"', '"te laat!"', 1), encoding="utf-8")
    assert (mo.stale("nl", tmp_path), mo.stale("en", tmp_path)) == (True, False)


def test_an_unknown_key_is_an_error_not_the_key_printed():
    with pytest.raises(i18n.UnknownWord):
        i18n.gettext("nl", "site", "no-such-key")


# --- plural forms -----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("lang", "n", "expected"),
    [
        ("nl", 0, "0 verplichtingen"),
        ("nl", 1, "1 verplichting"),
        ("nl", 2, "2 verplichtingen"),
        ("en", 0, "0 obligations"),
        ("en", 1, "1 obligation"),
        ("en", 2, "2 obligations"),
    ],
)
def test_the_count_picks_the_plural_form(lang, n, expected):
    assert i18n.ngettext(lang, "site", "obligations_n", n, n=n) == expected


@pytest.mark.parametrize("lang", i18n.LANGS)
def test_every_plural_entry_has_distinct_forms_and_a_count(lang):
    plural = {key: texts for key, texts in entries(lang).items() if len(texts) > 1}
    same = [key for key, (one, many) in plural.items() if one == many]
    english = entries("en")
    uncounted = [key for key in plural if not fields(english[key][0])]
    assert plural and (same, uncounted) == ([], [])


def test_a_sentence_counts_its_number_argument():
    assert Msg("keystone", count=1).render("nl") == "1 verplichting wacht er direct of indirect op"
    assert Msg("keystone", count=3).render("nl") == "3 verplichtingen wachten er direct of indirect op"
    assert Msg("keystone", count=1) == "1 obligation waits on it directly or indirectly"


def test_a_site_label_with_plurals_counts_when_filled_in_by_code_and_by_template():
    from planner.site.i18n import labels
    from planner.site.render import environment

    fill = environment().filters["fill"]
    assert (
        labels("nl")["picture_rows"].format(rows=1, stages=2, start="a", end="b").startswith("1 regel over")
    )
    assert str(fill(labels("nl")["overdue_intro"], obligations=1, items=2)).startswith(
        "1 verplichting geldt al voor"
    )
    assert str(fill(labels("en")["overdue_intro"], obligations=2, items=2)).startswith(
        "2 obligations already apply"
    )


# --- keys used in code exist ------------------------------------------------------------------


def _literal(node: ast.AST | None) -> str | None:
    return node.value if isinstance(node, ast.Constant) and isinstance(node.value, str) else None


def _name(node: ast.AST) -> str | None:
    if isinstance(node, ast.Name):
        return node.id
    if isinstance(node, ast.Call):
        return _name(node.func)
    return None


def _uses(tree: ast.AST, folder: str) -> Iterator[tuple[str, str]]:
    """(vocabulary, key) for each literal key the code of `folder` looks up."""
    for node in ast.walk(tree):
        if isinstance(node, ast.Call):
            name, args = _name(node.func), node.args
            first, second = (_literal(a) for a in [*args, None, None][:2])
            if name == "Msg" and first:
                yield "message", first
            elif name in {"gettext", "ngettext", "phrase"} and len(args) > 2 and second and _literal(args[2]):
                yield second, str(_literal(args[2]))
            elif folder == "formats" and name == "text" and second:
                yield "formats", second
            elif folder in {"formats", "explain"} and name in {"t", "row"} and first:
                yield ("formats" if folder == "formats" else "explain"), first
            elif folder == "analysis_report" and name in {"say_n", "phrase"} and first:
                yield "analysis", first
            elif name == "term" and first:
                yield "terms", first
        elif isinstance(node, ast.Subscript) and _name(node.value) in {"t", "labels", "w"}:
            key = _literal(node.slice)
            if key and folder in {"site", "explain"}:
                yield ("site" if folder == "site" else "explain"), key


def used_keys() -> set[tuple[str, str]]:
    """Every literal key looked up in planner/ and the templates."""
    found: set[tuple[str, str]] = set()
    for path in (ROOT / "planner").rglob("*.py"):
        folder = path.parent.name if path.parent.name in {"formats", "site"} else path.stem
        found |= set(_uses(ast.parse(path.read_text(encoding="utf-8")), folder))
    for path in (ROOT / "templates").rglob("*.*"):
        source = re.sub(r"\{#.*?#\}", " ", path.read_text(encoding="utf-8"), flags=re.S)  # comments
        if path.parent.name == "roadmap":
            found |= {("formats", k) for k in re.findall(r"\bt\(\"([\w-]+)\"", source)}
        else:
            keys = re.findall(r"\bt\.(\w+)", source) + re.findall(r"\bt\[\"([\w-]+)\"\]", source)
            found |= {("site", k) for k in keys}
    return found


def test_the_key_finder_sees_every_kind_of_call_site():
    kinds = {kind for kind, _ in used_keys()}
    assert kinds >= {"message", "formats", "site", "explain", "terms", "analysis"}


def test_every_heading_of_the_analysis_report_is_in_the_catalogue():
    from planner.analysis_report import HEADINGS

    missing = [pair for pair in HEADINGS.values() if pair[1] not in i18n.words("nl", pair[0])]
    assert missing == []


def test_every_key_used_in_code_is_in_the_catalogue():
    from planner.explain import WORDS
    from planner.formats.labels import TEXT
    from planner.site.i18n import LABELS, TERMS

    known = {
        "message": set(i18n.words("nl", "message")),
        "formats": set(TEXT["nl"]),
        "site": set(LABELS["nl"]),
        "explain": set(WORDS["nl"]),
        "terms": set(TERMS),
    }
    missing = sorted(
        (kind, key)
        for kind, key in used_keys()
        if key not in known.get(kind, set(i18n.words("nl", kind)) if kind in i18n.contexts() else set())
    )
    assert missing == []


# --- no English in Dutch output ---------------------------------------------------------------

ENGLISH = [
    "overdue",
    "planned",
    "deadline",
    "deadlines",
    "stage",
    "stages",
    "due",
    "obligation",
    "obligations",
    "roadmap",
    "blocked",
    "layer",
    "layers",
    "package",
    "packages",
    "finding",
    "findings",
    "summary",
    "waits",
    "milestone",
    "effort",
    "quarter",
    "quarters",
]
_WORD = re.compile(r"(?<![\w.-])(" + "|".join(ENGLISH) + r")(?![\w-])", re.IGNORECASE)


def catalogue_texts(root: Path) -> list[str]:
    """Every string in the catalogue's files, longest first (so a title goes before its words)."""
    found: list[str] = []

    def walk(value: object) -> None:
        if isinstance(value, str):
            found.append(value.strip())
        elif isinstance(value, dict | list):
            for item in value.values() if isinstance(value, dict) else value:
                walk(item)

    for path in root.glob("*.yaml"):
        walk(yaml.safe_load(path.read_text(encoding="utf-8")))
    return sorted({t for t in found if t}, key=len, reverse=True)


def english_words(text: str, catalogue: Sequence[str] = ()) -> list[str]:
    """The English words in `text`, outside markup, code, ids and catalogue text."""
    text = re.sub(r"<(script|style|code)\b.*?</\1>", " ", text, flags=re.S)
    text = html.unescape(re.sub(r"<[^>]+>", " ", text))
    for own in catalogue:
        text = text.replace(own, " ")
    text = re.sub(r"`[^`]*`|[\w-]+\.[\w.-]+", " ", text)
    return [m.group(0) for m in _WORD.finditer(text)]


def test_the_english_finder_finds_english_and_passes_codes_and_catalogue_text():
    assert english_words("Uiterlijk: overdue, <b>Stage</b> 1") == ["overdue", "Stage"]
    assert english_words("`planner roadmap` act-a.due-date <span class='overdue'>x</span> Due", ["Due"]) == []


@pytest.fixture(scope="module")
def dutch() -> dict[str, str]:
    """Dutch output of the minimal catalogue: roadmaps, explain, and every page of the site."""
    from planner.explain import explain, explain_text
    from planner.formats import render_roadmap
    from planner.loading import load_catalogue
    from planner.roadmap import build_plan
    from planner.site.build import BuildOptions, build_site
    from planner.view import build_view

    cat = load_catalogue(MINIMAL)
    ctx = build_plan(cat, AS_OF)
    out = {
        f"{layer}.md": str(render_roadmap("md", build_view(ctx, layer, "nl")))
        for layer in ("gemeenten", "all")
    }
    out["explain"] = explain_text(explain(ctx, "act-a.assess", "gemeenten", lang="nl"), lang="nl")
    site = build_site(cat, BuildOptions(AS_OF))
    out |= {
        path: site[path].decode("utf-8") for path in site if path.startswith("nl/") and path.endswith(".html")
    }
    return out


@pytest.mark.parametrize("output", ["gemeenten.md", "all.md", "explain"])
def test_dutch_roadmaps_and_explanations_have_no_english_words(dutch, output):
    assert english_words(dutch[output], catalogue_texts(MINIMAL)) == []


def test_dutch_site_pages_have_no_english_words(dutch):
    pages = [path for path in dutch if path.endswith(".html") and path != "nl/government.html"]
    found = {path: english_words(dutch[path], catalogue_texts(MINIMAL)) for path in pages}
    assert len(pages) > 10 and {path: words for path, words in found.items() if words} == {}


def test_the_dutch_government_page_has_no_english_words(dutch):
    assert english_words(dutch["nl/government.html"], catalogue_texts(MINIMAL)) == []


# --- no English in the Dutch analysis, over the real catalogue --------------------------------

CATALOGUE = ROOT / "regulations"


def english_only_texts(root: Path, shortest: int = 20) -> list[str]:
    """Every English catalogue text whose Dutch text differs (what must never show in Dutch)."""
    found: set[str] = set()

    def walk(value: object) -> None:
        if isinstance(value, dict):
            en, nl = value.get("en"), value.get("nl")
            if isinstance(en, str) and isinstance(nl, str) and en.strip() != nl.strip():
                found.add(en.strip())
            for item in value.values():
                walk(item)
        elif isinstance(value, list):
            for item in value:
                walk(item)

    for path in root.glob("*.yaml"):
        walk(yaml.safe_load(path.read_text(encoding="utf-8")))
    return sorted(t for t in found if len(t) >= shortest)


def english_template_pieces(context: str, shortest: int = 3) -> list[str]:
    """The literal pieces (of at least `shortest` words) of the English texts of a vocabulary.

    A piece that Dutch text uses too ("of", a name) is left out: it cannot show a leak.
    """
    dutch = entries("nl")
    all_dutch = " ".join(text for texts in dutch.values() for text in texts)
    pieces: set[str] = set()
    for (ctx, key), texts in entries("en").items():
        if ctx != context or texts == dutch[(ctx, key)]:
            continue
        for text in texts:
            for literal, _, _, _ in string.Formatter().parse(text):
                piece = literal.strip(" :;,.()")
                if len(piece.split()) >= shortest and not re.search(rf"\b{re.escape(piece)}\b", all_dutch):
                    pieces.add(piece)
    return sorted(pieces)


@pytest.fixture(scope="module")
def dutch_analysis() -> str:
    """`planner analyse --lang nl` of the real catalogue, from a graph built in English (as the site does)."""
    from planner.analysis import analyse
    from planner.analysis_report import render
    from planner.graph import build_graph
    from planner.loading import load_catalogue

    cat = load_catalogue(CATALOGUE)
    return render(analyse(build_graph(cat), cat, AS_OF), cat, "nl")


def test_the_dutch_analysis_has_findings_and_packages_to_check(dutch_analysis):
    assert "Bevindingen" in dutch_analysis and "pkg-" in dutch_analysis


def test_the_dutch_analysis_has_no_english_words(dutch_analysis):
    assert english_words(dutch_analysis, catalogue_texts(CATALOGUE)) == []


def test_the_dutch_analysis_quotes_no_english_catalogue_text(dutch_analysis):
    assert [text for text in english_only_texts(CATALOGUE) if text in dutch_analysis] == []


@pytest.mark.parametrize(("context", "shortest"), [("message", 3), ("analysis", 1), ("degree", 1)])
def test_the_dutch_analysis_has_no_english_sentence(dutch_analysis, context, shortest):
    text = re.sub(r"[\w-]+\.[\w.-]+", " ", dutch_analysis)  # obligation and package ids
    pieces = english_template_pieces(context, shortest)
    assert pieces and [p for p in pieces if re.search(rf"\b{re.escape(p)}\b", text)] == []


def test_a_package_name_counts_its_related_duties_in_both_languages():
    from planner.analysis import packages
    from planner.graph import build_graph
    from planner.loading import load_catalogue

    cat = load_catalogue(MINIMAL)
    names = packages(build_graph(cat), cat)[0].name
    assert [names[lang].split(" (")[-1] for lang in ("en", "nl")] == [
        "+1 related duty)",
        "+1 verwante verplichting)",
    ]


def test_a_package_finding_is_a_sentence_in_each_language():
    finding = Msg("package-prerequisite", package="pkg-a.x", dependant="a.y", prerequisite="a.x")
    assert finding.render("nl") == (
        "pkg-a.x: a.y heeft eerst a.x nodig, dus het pakket kan niet in één fase worden uitgevoerd; "
        "de voorwaarde komt eerst"
    )


# --- citations: an applicability condition's article in the reader's language -----------------

CITATION_ENGLISH = re.compile(
    r"\b(and|annex|annexes|chapter|definition|subparagraph|paragraph|point|bill|numbering|services|"
    r"owning|controlling|require|list|specific|categories)\b",
    re.IGNORECASE,
)


def test_a_plain_article_still_loads_as_one_text_for_both_languages():
    from planner.models import Condition, cited

    cond = Condition.model_validate({"question": "x", "equals": True, "article": "Art. 6(1)"})
    assert (cited(cond.article, "nl"), cited(cond.article, "en")) == ("Art. 6(1)", "Art. 6(1)")


def test_an_article_in_both_languages_reads_in_each():
    from planner.models import Question, cited

    q = Question.model_validate(
        {
            "id": "x",
            "text": {"en": "X?"},
            "type": "bool",
            "article": {"en": "Chapter IV", "nl": "hoofdstuk IV"},
        }
    )
    assert (cited(q.article, "nl"), cited(q.article, "en")) == ("hoofdstuk IV", "Chapter IV")


@pytest.fixture(scope="module")
def real_catalogue():
    from planner.loading import load_catalogue

    return load_catalogue(CATALOGUE)


def test_every_citation_of_the_real_catalogue_reads_dutch_in_dutch(real_catalogue):
    from planner.models import cited

    cat = real_catalogue
    citations = [ob.applies_if.article for ob in cat.obligations.values() if ob.applies_if is not None]
    citations += [q.article for q in cat.questions.values()]
    english = {cited(c, "nl") for c in citations if CITATION_ENGLISH.search(cited(c, "nl"))}
    assert len(citations) > 40 and english == set()


def test_dutch_not_applicable_reasons_have_no_english(real_catalogue):
    from planner import api

    view = api.roadmap(real_catalogue, "all", as_of=AS_OF, lang="nl")
    reasons = [i.reasons[-1] for i in view.off_plan if i.status == "not-applicable"]
    english = [r for r in reasons if CITATION_ENGLISH.search(r) or english_words(r)]
    quoted = [t for t in english_only_texts(CATALOGUE, shortest=8) if any(t in r for r in reasons)]
    assert len(reasons) > 10 and (english, quoted) == ([], [])
