"""`planner diff`: catalogue changes in domain words, roadmap impact, git revisions, exit codes.

tests/data/diff/old is tests/data/minimal plus an obligation act-a.report (rijk, due 2027-06-30).
tests/data/diff/new makes five known changes to it:

- act-a.inventory's due date moves from 2026-06-30 to 2025-12-31 (overdue as of 2026-01-15);
- act-b's milestone transposition moves from 2026-10-17 to 2027-10-17 (act-b.connect follows it);
- act-b.connect gets a prerequisite, act-a.assess (which it also overlaps: the package splits);
- act-a.report is removed;
- act-a.platform is renamed act-a.shared-platform (same title; act-b.connect's facility follows).

As of 2026-01-15 (stage 0 = 2026-Q1, no capacities: everything as early as its prerequisites
allow) the old plan has inventory, platform and report in 2026-Q1 and assess and connect (one
package on gemeenten) in 2026-Q2. The new plan splits the package: assess stays in 2026-Q2 and
connect, now after assess, moves to 2026-Q3.
"""

from __future__ import annotations

import datetime as dt
import json
import os
import shutil
import subprocess
from pathlib import Path

import pytest

from planner.diff import Side, diff, find_renames, render
from planner.loading import load_catalogue
from planner.models import Obligation

from .conftest import DATA, MINIMAL, invoke

OLD, NEW = DATA / "diff" / "old", DATA / "diff" / "new"
AS_OF = "2026-01-15"
needs_git = pytest.mark.skipif(shutil.which("git") is None, reason="needs git")


def run(runner, *args: str, catalog: Path = MINIMAL):
    return invoke(runner, "--catalog", str(catalog), "diff", *args, "--as-of", AS_OF)


def report(old: Path = OLD, new: Path = NEW):
    return diff(
        Side("old", load_catalogue(old)), Side("new", load_catalogue(new)), dt.date.fromisoformat(AS_OF)
    )


EXPECTED_TEXT = f"""\
planner diff: {OLD} -> {NEW} (roadmaps as of 2026-01-15)

Catalogue: 1 obligation removed, 1 obligation renamed, 2 due dates changed, 1 milestone moved, 1 relation added

Obligations removed
  - act-a.report: Report to the Commission

Obligations renamed
  act-a.platform renamed to act-a.shared-platform: Provide the platform

Milestones moved
  act-b milestone transposition moved from 2026-10-17 to 2027-10-17

Changes
  act-a.inventory: due date moved from 2026-06-30 to 2025-12-31
  act-b.connect: due date moved from 2026-10-17 to 2027-10-17 (milestone transposition)

Relations added
  + act-b.connect requires act-a.assess

Roadmap impact (as of 2026-01-15)
rijk: 1 changed status, 1 left the roadmap
  act-a.inventory: now unassessed (was planned), stays in 2026-Q1
  act-a.report: leaves the roadmap (was in 2026-Q1)
gemeenten: 1 moved stage, 1 changed status, 1 changed what it requires, 1 package formed or split
  act-a.inventory: now unassessed (was planned), stays in 2026-Q1
  act-b.connect: moved from 2026-Q2 to 2026-Q3, changed: requires act-a.assess added
  package pkg-act-a.assess split: now on their own: act-a.assess, act-b.connect
"""


def test_text_names_every_known_change(runner):
    result = run(runner, str(OLD), str(NEW))
    assert result.exit_code == 0
    # the item's reasons ("why") come from the scheduler and are checked in the next test
    without_why = [line for line in result.stdout.splitlines() if not line.startswith("    ")]
    assert without_why == EXPECTED_TEXT.splitlines()


def test_an_item_that_moved_stage_says_why(runner):
    lines = run(runner, str(OLD), str(NEW)).stdout.splitlines()
    at = lines.index("  act-b.connect: moved from 2026-Q2 to 2026-Q3, changed: requires act-a.assess added")
    why = []
    for line in lines[at + 1 :]:
        if not line.startswith("    "):
            break
        why.append(line.removeprefix("    why: ").strip())
    assert "after prerequisite act-a.assess in 2026-Q2" in why
    assert "due 2027-10-17: in time" in why


def test_why_is_the_items_reasons_in_the_new_plan():
    from planner.roadmap import build_plan

    item = next(i for i in report().impact[1].items if i.obligation == "act-b.connect")
    plan = build_plan(load_catalogue(NEW), dt.date(2026, 1, 15)).plan
    assert item.reasons == tuple(plan.items[("act-b.connect", "gemeenten")].reasons)


def test_json_catalogue_changes(runner):
    data = json.loads(run(runner, str(OLD), str(NEW), "--format", "json").stdout)
    assert data["changed"] is True
    assert data["catalogue"] == {
        "acts_added": [],
        "acts_removed": [],
        "obligations_added": [],
        "obligations_removed": [{"id": "act-a.report", "title": "Report to the Commission"}],
        "renamed": [
            {"old": "act-a.platform", "new": "act-a.shared-platform", "title": "Provide the platform"}
        ],
        "fields": [
            {
                "subject": "obligation",
                "id": "act-a.inventory",
                "field": "due",
                "old": "2026-06-30",
                "new": "2025-12-31",
                "message": "act-a.inventory: due date moved from 2026-06-30 to 2025-12-31",
            },
            {
                "subject": "obligation",
                "id": "act-b.connect",
                "field": "due",
                "old": "2026-10-17",
                "new": "2027-10-17",
                "message": "act-b.connect: due date moved from 2026-10-17 to 2027-10-17 (milestone transposition)",
            },
        ],
        "milestones": [
            {
                "act": "act-b",
                "milestone": "transposition",
                "old": "2026-10-17",
                "new": "2027-10-17",
                "message": "act-b milestone transposition moved from 2026-10-17 to 2027-10-17",
            }
        ],
        "relations_added": [
            {
                "source": "act-b.connect",
                "kind": "requires",
                "target": "act-a.assess",
                "message": "act-b.connect requires act-a.assess",
            }
        ],
        "relations_removed": [],  # the facility relation followed the rename: not removed and added
    }


def test_json_roadmap_impact(runner):
    impact = json.loads(run(runner, str(OLD), str(NEW), "--format", "json").stdout)["impact"]
    items = {
        layer: [
            (i["obligation"], i["old_stage"], i["new_stage"], i["old_status"], i["new_status"])
            for i in v["items"]
        ]
        for layer, v in impact.items()
    }
    assert items == {
        "rijk": [
            ("act-a.inventory", "2026-Q1", "2026-Q1", "planned", "unassessed"),
            ("act-a.report", "2026-Q1", None, "planned", None),
        ],
        "gemeenten": [
            ("act-a.inventory", "2026-Q1", "2026-Q1", "planned", "unassessed"),
            ("act-b.connect", "2026-Q2", "2026-Q3", "planned", "planned"),
        ],
    }
    assert [(p["kind"], p["package"], p["members"]) for p in impact["gemeenten"]["packages"]] == [
        ("split", "pkg-act-a.assess", ["act-a.assess", "act-b.connect"])
    ]
    assert impact["rijk"]["blockers"] == impact["gemeenten"]["blockers"] == []  # renamed, not a new blocker


def test_json_keys_are_sorted_and_output_is_stable(runner):
    first = run(runner, str(OLD), str(NEW), "--format", "json").stdout
    assert first == run(runner, str(OLD), str(NEW), "--format", "json").stdout
    assert list(json.loads(first)) == ["as_of", "catalogue", "changed", "impact", "new", "old", "summary"]


def test_reverse_diff_forms_the_package():
    packages = report(NEW, OLD).impact[1].packages
    assert [p.message for p in packages] == [
        "package pkg-act-a.assess formed: act-a.assess, act-b.connect "
        "(before: on their own: act-a.assess, act-b.connect)"
    ]


def test_markdown_puts_the_summary_first_and_folds_the_details(runner):
    md = run(runner, str(OLD), str(NEW), "--format", "md").stdout
    head, _, details = md.partition("<details>")
    assert head.startswith(f"### planner diff: `{OLD}` → `{NEW}`\n\n**Catalogue:** 1 obligation removed, ")
    assert (
        "- gemeenten: act-b.connect: moved from 2026-Q2 to 2026-Q3, changed: requires act-a.assess added"
        in head
    )
    assert head.index("due date moved") < head.index("moved from 2026-Q2")
    assert details.startswith("<summary>Catalogue changes (6)</summary>")
    assert md.count("<details>") == md.count("</details>") == 3  # the catalogue, rijk, gemeenten


def test_markdown_escapes_catalogue_text(runner, catalogue_with, minimal):
    text = (minimal / "act-a.yaml").read_text()
    text = text.replace("{en: Make an inventory,", "{en: '<img src=x onerror=alert(1)> *x* @team',")
    new = catalogue_with({"act-a.yaml": text})
    md = invoke(runner, "--catalog", str(new), "diff", str(MINIMAL), str(new), "--format", "md").stdout
    assert "<img" not in md
    assert "&lt;img src=x onerror=alert(1)&gt; \\*x\\* @\u2060team" in md


def test_roles_and_sources_in_words(catalogue_with, minimal):
    text = (minimal / "act-a.yaml").read_text()
    text = text.replace("roles: {rijk: provider}", "roles: {rijk: provider, gemeenten: addressee}")
    text = text.replace("url: https://example.org/act-a,", "url: https://example.org/act-a-v2,")
    messages = [f.message for f in report(MINIMAL, catalogue_with({"act-a.yaml": text})).changes.fields]
    assert messages == [
        "act-a: source oj replaced: now 'Act A in the Official Journal' (https://example.org/act-a-v2)",
        "act-a.platform: roles: gemeenten added as addressee",
    ]


def test_a_blocker_that_appears_is_reported(catalogue_with, minimal):
    # minimal: gemeenten wait on rijk's act-a.platform; when gemeenten provide it too, nobody waits
    text = (minimal / "act-a.yaml").read_text()
    shared = catalogue_with(
        {"act-a.yaml": text.replace("{rijk: provider}", "{rijk: provider, gemeenten: provider}")}
    )
    blockers = report(shared, MINIMAL).impact[1].blockers
    assert [b.message for b in blockers] == [
        "new blocker: act-b.connect waits on act-a.platform, delivered by rijk"
    ]


def test_a_new_obligation_enters_the_roadmap(catalogue_with, minimal):
    extra = (
        "  - id: act-a.train\n    title: {en: Train staff, nl: Train personeel}\n"
        "    roles: {gemeenten: addressee}\n    due: 2027-06-30\n    effort: 1\n    sources: [oj]\n"
    )
    new = catalogue_with({"act-a.yaml": (minimal / "act-a.yaml").read_text() + extra})
    result = report(MINIMAL, new)
    assert [(n.id, n.title) for n in result.changes.obligations_added] == [("act-a.train", "Train staff")]
    assert [i.message for i in result.impact[1].items] == ["act-a.train: enters the roadmap in 2026-Q1"]


def test_formatting_only_change_is_no_difference(runner, catalogue_with, minimal):
    text = "# reordered and commented\n" + (minimal / "act-b.yaml").read_text().replace(
        "title: {en: Example directive B, nl: Voorbeeldrichtlijn B}",
        "title:\n  nl: Voorbeeldrichtlijn B\n  en: Example directive B",
    )
    new = catalogue_with({"act-b.yaml": text})
    result = invoke(runner, "--catalog", str(new), "diff", str(MINIMAL), "--exit-code", "--as-of", AS_OF)
    assert result.exit_code == 0
    assert result.stdout.endswith("\n\nNo differences.\n")


def test_exit_code_3_when_anything_changed(runner):
    assert run(runner, str(OLD), str(NEW), "--exit-code").exit_code == 3
    assert run(runner, str(OLD), str(OLD), "--exit-code").exit_code == 0
    assert run(runner, str(OLD), str(NEW)).exit_code == 0  # without --exit-code a difference is not a failure


def test_layer_limits_the_impact(runner):
    data = json.loads(run(runner, str(OLD), str(NEW), "--layer", "rijk", "--format", "json").stdout)
    assert list(data["impact"]) == ["rijk"]


def test_unknown_layer_is_usage_error(runner):
    result = run(runner, str(OLD), str(NEW), "--layer", "gemeente")
    assert result.exit_code == 2
    assert (
        result.stderr
        == "error: --layer: unknown layer 'gemeente' (did you mean 'gemeenten'?); known: rijk, gemeenten\n"
    )


def test_renames_need_an_unambiguous_title():
    def ob(oid: str, title: str) -> Obligation:
        return Obligation(id=oid, title={"en": title}, roles={"rijk": "addressee"})

    assert find_renames([ob("a.x", "Same"), ob("a.y", "Same")], [ob("a.z", "Same")]) == {}
    assert find_renames([ob("a.x", "Same")], [ob("b.x", "same")]) == {"a.x": "b.x"}


# ---------------------------------------------------------------- git revisions


def git(repo: Path, *args: str) -> str:
    env = {
        "GIT_AUTHOR_NAME": "t",
        "GIT_AUTHOR_EMAIL": "t@example.org",
        "GIT_COMMITTER_NAME": "t",
        "GIT_COMMITTER_EMAIL": "t@example.org",
        "GIT_CONFIG_NOSYSTEM": "1",
        "GIT_CONFIG_GLOBAL": "/dev/null",
        "PATH": os.environ.get("PATH", ""),
    }
    return subprocess.run(
        ["git", *args], cwd=repo, env=env, check=True, capture_output=True, text=True
    ).stdout


@pytest.fixture
def repo(tmp_path: Path) -> Path:
    """A repo with two commits: the minimal catalogue, then act-a.inventory due 2026-09-30."""
    root = tmp_path / "repo"
    root.mkdir()
    git(root, "init", "-q", "-b", "main")
    shutil.copytree(MINIMAL, root / "regulations")
    git(root, "add", ".")
    git(root, "commit", "-q", "-m", "first")
    act = root / "regulations" / "act-a.yaml"
    act.write_text(act.read_text().replace("due: 2026-06-30", "due: 2026-09-30"))
    git(root, "commit", "-q", "-am", "second")
    return root


@needs_git
def test_diff_between_two_commits_leaves_the_working_tree_untouched(runner, repo):
    result = run(runner, "HEAD~1", "HEAD", catalog=repo / "regulations")
    assert result.exit_code == 0, result.stderr
    assert result.stdout.startswith("planner diff: HEAD~1 -> HEAD (roadmaps as of 2026-01-15)\n")
    assert "  act-a.inventory: due date moved from 2026-06-30 to 2026-09-30\n" in result.stdout
    assert git(repo, "status", "--porcelain", "--ignored") == ""


@needs_git
def test_new_defaults_to_the_working_tree(runner, repo):
    act = repo / "regulations" / "act-a.yaml"
    act.write_text(act.read_text().replace("due: 2026-09-30", "due: 2026-12-31"))
    result = run(runner, "main", catalog=repo / "regulations")
    assert result.stdout.startswith("planner diff: main -> working tree")
    assert "act-a.inventory: due date moved from 2026-09-30 to 2026-12-31" in result.stdout
    assert git(repo, "status", "--porcelain") == " M regulations/act-a.yaml\n"  # only the user's own edit


@needs_git
def test_exit_code_between_commits(runner, repo):
    assert run(runner, "HEAD~1", "HEAD", "--exit-code", catalog=repo / "regulations").exit_code == 3
    assert run(runner, "HEAD", "HEAD", "--exit-code", catalog=repo / "regulations").exit_code == 0


@needs_git
def test_unknown_revision_is_usage_error(runner, repo):
    result = run(runner, "no-such-branch", catalog=repo / "regulations")
    assert result.exit_code == 2
    assert result.stderr == (
        f"error: OLD: 'no-such-branch' is neither a catalogue folder nor a revision of the git "
        f"repository '{repo.resolve()}'\n"
    )


@needs_git
def test_revision_without_the_catalogue_is_usage_error(runner, repo):
    git(repo, "checkout", "-q", "--orphan", "empty")
    git(repo, "rm", "-rq", "--cached", ".")
    git(repo, "commit", "-q", "--allow-empty", "-m", "nothing")
    result = run(runner, "empty", "main", catalog=repo / "regulations")
    assert result.exit_code == 2
    assert result.stderr == "error: OLD: revision 'empty' has no catalogue folder 'regulations'\n"


@needs_git
def test_broken_catalogue_at_old_names_the_revision(runner, repo):
    act = repo / "regulations" / "act-a.yaml"
    act.write_text(act.read_text().replace("due: 2026-09-30", "due: 2026-13-30"))
    git(repo, "commit", "-q", "-am", "broken")
    act.write_text(act.read_text().replace("due: 2026-13-30", "due: 2026-09-30"))
    git(repo, "commit", "-q", "-am", "fixed")
    result = run(runner, "HEAD~1", catalog=repo / "regulations")
    assert result.exit_code == 1
    # line 28 is `    due: ...` of act-a.inventory; its value starts in column 10
    assert result.stderr == (
        "HEAD~1:regulations/act-a.yaml:28:10: error: obligations[0].due: date 2026-13-30 does not exist\n"
    )


@pytest.mark.parametrize("fmt", ["text", "md", "json"])
def test_every_format_names_the_moved_milestone(fmt):
    assert "act-b milestone transposition moved from 2026-10-17 to 2027-10-17" in render(report(), fmt)
