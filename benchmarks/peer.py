"""The peer in the benchmark: the catalogue's Markdown content as an MkDocs project.

A team without planner would put the same texts into Markdown files and run ``mkdocs build``.
This writes such a project: per language one page per act and per obligation (the pages
planner's site has for them), each with the title, the Markdown texts (note, description,
effort rationale), the dates and the links to related obligations, plus a home page per
language. ``mkdocs build`` (default theme, with its search plugin) then renders it.

Usage::

    python benchmarks/peer.py CATALOGUE OUTDIR      # writes OUTDIR/mkdocs.yml and OUTDIR/docs/
    python -m mkdocs build -q -f OUTDIR/mkdocs.yml  # needs the `bench` extra: pip install -e '.[bench]'
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import Any

LANGS = ("nl", "en")


def _text(value: Any, lang: str) -> str:
    """A catalogue text in `lang` (or the other language), as plain Markdown."""
    if value is None:
        return ""
    other = "en" if lang == "nl" else "nl"
    return str(value.get(lang) if value.has(lang) else value.get(other))


def act_page(cat: Any, act: Any, lang: str) -> str:
    """One act as Markdown."""
    lines = [f"# {_text(act.title, lang)}", "", f"CELEX: {act.celex or '-'}", ""]
    if act.note is not None:
        lines += [_text(act.note, lang), ""]
    lines += ["## Milestones", ""]
    lines += [f"- {m.date.isoformat()}: {m.kind.value} ({m.article or '-'})" for m in act.milestones]
    lines += ["", "## Obligations", ""]
    lines += [f"- [{_text(o.title, lang)}](../obligations/{o.id}.md)" for o in act.obligations]
    return "\n".join(lines) + "\n"


def obligation_page(cat: Any, ob: Any, lang: str) -> str:
    """One obligation as Markdown."""
    due = cat.due(ob)
    lines = [f"# {_text(ob.title, lang)}", "", f"Act: [{ob.act}](../acts/{ob.act}.md)", ""]
    lines += [f"Due: {due.isoformat() if due else '-'}", ""]
    if ob.description is not None:
        lines += [_text(ob.description, lang), ""]
    if ob.effort_rationale is not None:
        lines += [_text(ob.effort_rationale, lang), ""]
    lines += ["## Relations", ""]
    for kind, rels in (("requires", ob.requires), ("overlaps", ob.overlaps), ("conflicts", ob.conflicts)):
        lines += [f"- {kind} [{r.to}](../obligations/{r.to}.md): {_text(r.rationale, lang)}" for r in rels]
    return "\n".join(lines) + "\n"


def write_project(catalogue: Path, out: Path) -> int:
    """Write the MkDocs project for `catalogue` into `out`; the number of Markdown pages."""
    from planner.loading import load_catalogue

    cat = load_catalogue(catalogue)
    docs = out / "docs"
    pages = 0
    for lang in LANGS:
        for folder in ("acts", "obligations"):
            (docs / lang / folder).mkdir(parents=True, exist_ok=True)
        home = [f"# {lang}", ""] + [f"- [{a}](acts/{a}.md)" for a in cat.acts]
        (docs / lang / "index.md").write_text("\n".join(home) + "\n", encoding="utf-8")
        pages += 1
        for act in cat.acts.values():
            (docs / lang / "acts" / f"{act.id}.md").write_text(act_page(cat, act, lang), encoding="utf-8")
            pages += 1
        for ob in cat.obligations.values():
            path = docs / lang / "obligations" / f"{ob.id}.md"
            path.write_text(obligation_page(cat, ob, lang), encoding="utf-8")
            pages += 1
    (docs / "index.md").write_text(
        "# Catalogue\n\n- [nl](nl/index.md)\n- [en](en/index.md)\n", encoding="utf-8"
    )
    (out / "mkdocs.yml").write_text(
        "site_name: Catalogue\nuse_directory_urls: false\nvalidation:\n  nav:\n    omitted_files: ignore\n",
        encoding="utf-8",
    )
    return pages + 1


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Write the catalogue's Markdown as an MkDocs project.")
    parser.add_argument("catalogue", type=Path)
    parser.add_argument("out", type=Path)
    args = parser.parse_args(argv)
    print(write_project(args.catalogue, args.out))
    return 0


if __name__ == "__main__":
    sys.exit(main())
