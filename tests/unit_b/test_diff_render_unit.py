"""The diff report as text, Markdown and JSON, from hand-built reports."""

from __future__ import annotations

import datetime as dt
import json

from hypothesis import given, settings
from hypothesis import strategies as st
from markdown_it import MarkdownIt

from planner.diff.changes import ChangeSet, FieldChange, Named
from planner.diff.impact import ItemChange, LayerImpact
from planner.diff.render import MD_LIMIT, layer_summary, md_escape, render, summary
from planner.diff.report import Report

AS_OF = dt.date(2026, 1, 15)


def report(changes: ChangeSet = ChangeSet(), *impact: LayerImpact) -> Report:  # noqa: B008
    return Report("old", "new", AS_OF, changes, impact or (LayerImpact("rijk"),))


def moved(
    oid: str, old: str = "2026-Q1", new: str = "2026-Q2", status: tuple[str, str] = ("planned", "planned")
):
    return ItemChange(
        oid, "rijk", old, new, status[0], status[1], ("why",), f"{oid}: moved from {old} to {new}"
    )


def test_an_empty_report_says_there_are_no_differences():
    assert render(report(), "text").endswith("\n\nNo differences.\n")
    assert "No differences" in render(report(), "md")
    assert json.loads(render(report(), "json"))["changed"] is False


def test_the_summary_counts_each_kind_with_its_plural():
    changes = ChangeSet(
        obligations_added=(Named("a.x", "X"),),
        obligations_removed=(Named("a.y", "Y"), Named("a.z", "Z")),
    )
    assert summary(report(changes)) == ["1 obligation added", "2 obligations removed"]


def test_due_moves_are_counted_apart_from_other_field_changes():
    fields = (
        FieldChange("obligation", "a.x", "due", "2026-01-01", "2026-02-01", "a.x: due moved"),
        FieldChange("obligation", "a.x", "effort_days", 1, 2, "a.x: effort changed"),
    )
    assert summary(report(ChangeSet(fields=fields))) == ["1 due date changed", "1 other change"]


def test_a_layers_summary_counts_its_moves():
    assert layer_summary(LayerImpact("rijk", items=(moved("a.x"), moved("a.y")))) == ["2 moved stage"]


def test_the_text_report_lists_each_moved_item_with_why_and_the_unchanged_layers():
    text = render(
        report(ChangeSet(), LayerImpact("rijk", items=(moved("a.x"),)), LayerImpact("gemeenten")), "text"
    )
    assert "  a.x: moved from 2026-Q1 to 2026-Q2\n    why: why\n" in text
    assert text.endswith("unchanged: gemeenten\n")


def test_json_has_sorted_keys_and_every_layers_counts():
    data = render(report(ChangeSet(), LayerImpact("rijk", items=(moved("a.x"),))), "json")
    assert json.loads(data)["impact"]["rijk"]["counts"]["moved"] == 1
    assert data == json.dumps(json.loads(data), indent=2, sort_keys=True, ensure_ascii=False) + "\n"


def test_an_item_that_becomes_overdue_is_the_first_highlight():
    items = (moved("a.fine"), moved("a.late", status=("planned", "overdue")))
    md = render(report(ChangeSet(), LayerImpact("rijk", items=items)), "md")
    highlights = md.split("**Most important:**", 1)[1].split("<details>", 1)[0]
    assert highlights.index("a.late") < highlights.index("a.fine")


def test_a_huge_report_is_cut_to_stay_postable_and_says_so():
    items = tuple(moved(f"a.item-{n:05d}-{'x' * 60}") for n in range(3000))
    md = render(report(ChangeSet(), LayerImpact("rijk", items=items)), "md")
    assert len(md) <= MD_LIMIT
    assert "more: run `planner diff` locally to see them" in md


HOSTILE = st.lists(
    st.sampled_from(
        ["<script>", "@team", "*x*", "[l](https://e.org)", "\n# h", "|", "`", "&amp;", "a", " ", "~~s~~"]
    ),
    max_size=8,
).map("".join)


@settings(deadline=None, max_examples=50, derandomize=True)
@given(HOSTILE)
def test_escaped_catalogue_text_is_one_line_of_plain_text_with_no_mention(text):
    out = md_escape(text)
    assert "\n" not in out
    tokens = [t for block in MarkdownIt("commonmark").parse(out) for t in (block.children or [])]
    assert {t.type for t in tokens} <= {"text", "softbreak"}
    assert "".join(t.content for t in tokens) == " ".join(text.split()).replace("@", "@\u2060")


@settings(deadline=None, max_examples=50, derandomize=True)
@given(HOSTILE)
def test_a_hostile_title_adds_no_html_to_the_comment(title):
    changes = ChangeSet(obligations_added=(Named("a.x", title),))
    tokens = MarkdownIt("commonmark").parse(render(report(changes), "md"))
    html = [t.content for t in tokens if t.type == "html_block"]
    html += [c.content for t in tokens for c in t.children or () if c.type == "html_inline"]
    assert all(h.strip().startswith(("<details>", "</details>", "<summary>", "</summary>")) for h in html)
