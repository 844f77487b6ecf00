"""`planner diff`: what changed between two catalogues, and what it does to each layer's roadmap.

OLD and NEW are catalogue folders or git revisions of the repository that holds the catalogue.
A revision is read with git plumbing (``rev-parse``, ``ls-tree``, ``cat-file``), never checked
out: the working tree and the index are untouched. Its files are written to a temporary folder
and loaded by :func:`planner.loading.load_catalogue`, so a broken catalogue is reported in the
contract form ``REV:path:LINE:COL: error: ...``.

The catalogues are compared in domain words (:class:`ChangeSet`), then both are scheduled at the
same as-of date and compared item by item (:class:`LayerImpact`). Everything is keyed by id and
sorted explicitly: the same two catalogues give the same report, byte for byte.
"""

from __future__ import annotations

import datetime as dt
import re
import subprocess
import tempfile
from dataclasses import asdict, dataclass, field, replace
from pathlib import Path
from typing import TYPE_CHECKING, Any

from planner.errors import DataError, UsageError

if TYPE_CHECKING:
    from pydantic import BaseModel

    from planner.catalogue import Catalogue
    from planner.roadmap import PlanContext
    from planner.schedule import Item, Plan

WORKING_TREE = "working tree"
RELATIONS = (
    ("requires", "requires"),
    ("overlaps", "overlaps"),
    ("conflicts", "conflicts"),
    ("needs_facility", "needs-facility"),
)
"""Relation fields of an obligation and their names in the graph and in reports."""
BAD = ("overdue", "at-risk", "blocked")
LONG_TEXT = 80


# ---------------------------------------------------------------- reading OLD and NEW


@dataclass(frozen=True)
class Side:
    """One side of the comparison: a loaded catalogue and how to name it."""

    label: str
    catalogue: Catalogue


def open_side(spec: str | None, folder: Path, which: str) -> Side:
    """Load OLD or NEW: the working-tree catalogue, a folder, or a git revision.

    Args:
        spec: what the user gave; None for the catalogue in the working tree (`folder`).
        folder: the discovered catalogue folder; a revision is read at the same place in the repo.
        which: ``OLD`` or ``NEW``, for messages.

    Raises:
        UsageError: `spec` is neither an existing folder nor a revision of the repository.
        DataError: the catalogue has errors (paths named ``REV:path`` for a revision).
    """
    from planner.loading import load_catalogue

    if spec is None:
        return Side(WORKING_TREE, load_catalogue(folder))
    if Path(spec).is_dir():  # a folder wins over a branch of the same name
        return Side(spec, load_catalogue(Path(spec)))
    return Side(spec, _load_revision(spec, folder, which))


def _git(repo: Path, *args: str) -> subprocess.CompletedProcess[bytes]:
    try:
        return subprocess.run(["git", "-C", str(repo), *args], capture_output=True, check=False)
    except FileNotFoundError:
        raise UsageError("git is not installed; give OLD and NEW as catalogue folders instead") from None


def _load_revision(rev: str, folder: Path, which: str) -> Catalogue:
    from planner.loading import load_catalogue
    from planner.output import safe_join

    top = _git(folder, "rev-parse", "--show-toplevel")
    if top.returncode != 0:
        raise UsageError(
            f"{which}: {rev!r} is neither a catalogue folder nor a git revision "
            f"(the catalogue folder {str(folder)!r} is not in a git repository)"
        )
    repo = Path(top.stdout.decode().strip()).resolve()
    sha = _git(repo, "rev-parse", "--verify", "--quiet", "--end-of-options", f"{rev}^{{commit}}")
    if rev.startswith("-") or sha.returncode != 0:
        raise UsageError(
            f"{which}: {rev!r} is neither a catalogue folder nor a revision of the git repository {str(repo)!r}"
        )
    rel = Path(folder).resolve().relative_to(repo).as_posix()
    rel = "" if rel == "." else rel
    listing = _git(repo, "ls-tree", "-z", f"{sha.stdout.decode().strip()}:{rel}")
    if listing.returncode != 0:
        raise UsageError(f"{which}: revision {rev!r} has no catalogue folder {rel or '.'!r}")
    blobs: dict[str, str] = {}
    for entry in listing.stdout.split(b"\0"):
        meta, _, raw = entry.partition(b"\t")
        parts = meta.split()
        # regular files only (mode 100644/100755): no links, no submodules, no subfolders
        if len(parts) == 3 and parts[0].startswith(b"100") and raw.endswith((b".yaml", b".yml")):
            blobs[raw.decode("utf-8", "surrogateescape")] = parts[2].decode()
    label = f"{rev}:{rel}/" if rel else f"{rev}:"
    with tempfile.TemporaryDirectory(prefix="planner-diff-") as tmp:
        root = Path(tmp)
        for name, content in _read_blobs(repo, blobs).items():
            safe_join(root, name).write_bytes(content)
        try:
            cat = load_catalogue(root)
        except DataError as exc:
            raise DataError([replace(p, path=_relabel(p.path, root, label)) for p in exc.problems]) from None
    return replace(
        cat,
        root=Path(label),
        paths={k: Path(label + p.name) for k, p in cat.paths.items()},
        warnings=tuple(replace(p, path=_relabel(p.path, root, label)) for p in cat.warnings),
    )


def _relabel(path: str, root: Path, label: str) -> str:
    """A temporary file's path as `REV:folder/name`."""
    return label + Path(path).name if Path(path).parent == root else path


def _read_blobs(repo: Path, blobs: dict[str, str]) -> dict[str, bytes]:
    """The contents of many blobs through one `git cat-file --batch` process."""
    if not blobs:
        return {}
    names = sorted(blobs)
    run = subprocess.run(
        ["git", "-C", str(repo), "cat-file", "--batch"],
        input="".join(f"{blobs[n]}\n" for n in names).encode(),
        capture_output=True,
        check=True,
    )
    out, pos, result = run.stdout, 0, {}
    for name in names:
        header_end = out.index(b"\n", pos)
        size = int(out[pos:header_end].split()[2])
        result[name] = out[header_end + 1 : header_end + 1 + size]
        pos = header_end + 1 + size + 1
    return result


# ---------------------------------------------------------------- the change set


@dataclass(frozen=True)
class Named:
    """An act or obligation that was added or removed."""

    id: str
    title: str


@dataclass(frozen=True)
class Renamed:
    """An obligation that kept its title under a new id."""

    old: str
    new: str
    title: str


@dataclass(frozen=True)
class FieldChange:
    """One field of an act, obligation, layer or theme that changed."""

    subject: str  # act, obligation, layer, theme
    id: str
    field: str
    old: Any
    new: Any
    message: str


@dataclass(frozen=True)
class MilestoneMove:
    """A milestone whose date moved."""

    act: str
    milestone: str
    old: str
    new: str
    message: str


@dataclass(frozen=True)
class RelationRef:
    """A relation between two obligations (ids as in the new catalogue)."""

    source: str
    kind: str
    target: str
    message: str


@dataclass(frozen=True)
class ChangeSet:
    """What changed in the catalogue, in domain words."""

    acts_added: tuple[Named, ...] = ()
    acts_removed: tuple[Named, ...] = ()
    obligations_added: tuple[Named, ...] = ()
    obligations_removed: tuple[Named, ...] = ()
    renamed: tuple[Renamed, ...] = ()
    fields: tuple[FieldChange, ...] = ()
    milestones: tuple[MilestoneMove, ...] = ()
    relations_added: tuple[RelationRef, ...] = ()
    relations_removed: tuple[RelationRef, ...] = ()

    @property
    def due_moves(self) -> tuple[FieldChange, ...]:
        """The field changes that are due dates."""
        return tuple(f for f in self.fields if f.field == "due")

    @property
    def empty(self) -> bool:
        """Whether nothing changed."""
        return not any(getattr(self, name) for name in self.__dataclass_fields__)


def _title(text: Any) -> str:
    return str(text.get("en"))


def _key(title: Any) -> tuple[str, str]:
    """A rename-matching key: both titles (no fallback), case and spacing ignored."""
    en, nl = (" ".join((lang or "").casefold().split()) for lang in (title.en, title.nl))
    return en, nl


def find_renames(removed: list[Any], added: list[Any]) -> dict[str, str]:
    """Old id -> new id for removed and added obligations with the same title.

    Only unambiguous matches count: a title shared by two removed or two added obligations is
    not a rename. One dict lookup per obligation.

    Example:
        >>> from planner.models import Obligation
        >>> def ob(i, en): return Obligation(id=i, title={"en": en}, roles={"rijk": "addressee"})
        >>> find_renames([ob("a.x", "Do it"), ob("a.y", "Other")], [ob("a.z", "do  it")])
        {'a.x': 'a.z'}
    """
    by_title: dict[tuple[str, str], list[str]] = {}
    for ob in added:
        by_title.setdefault(_key(ob.title), []).append(ob.id)
    counts: dict[tuple[str, str], int] = {}
    for ob in removed:
        counts[_key(ob.title)] = counts.get(_key(ob.title), 0) + 1
    return {
        ob.id: by_title[_key(ob.title)][0]
        for ob in removed
        if counts[_key(ob.title)] == 1 and len(by_title.get(_key(ob.title), ())) == 1
    }


def _dump(model: BaseModel, *drop: str) -> dict[str, Any]:
    data = model.model_dump(mode="json", exclude_none=True)
    return {k: v for k, v in data.items() if k not in drop}


def _walk(path: str, old: Any, new: Any, out: list[tuple[str, Any, Any]]) -> None:
    """Collect (path, old, new) leaves that differ; lists of ids compare as sets."""
    if old == new:
        return
    if (isinstance(old, list) and new is None) or (isinstance(new, list) and old is None):
        old, new = old or [], new or []  # a list that appears or goes: compare its elements
    elif path == "sources" and (old is None or new is None):
        old, new = old or {}, new or {}
    is_source = re.fullmatch(r"sources\.[^.\[]+", path) is not None
    if isinstance(old, dict) and isinstance(new, dict) and not is_source:
        for key in sorted(old.keys() | new.keys()):
            _walk(f"{path}.{key}" if path else key, old.get(key), new.get(key), out)
    elif isinstance(old, list) and isinstance(new, list) and _keyed(old) and _keyed(new):
        before, after = ({_id(x): x for x in side} for side in (old, new))
        for key in sorted(before.keys() | after.keys()):
            _walk(f"{path}[{key}]", before.get(key), after.get(key), out)
    elif _scalars(old) and _scalars(new):
        if set(old or ()) != set(new or ()):  # the order of articles, themes or sources means nothing
            out.append((path, old, new))
    else:
        out.append((path, old, new))


def _id(item: dict[str, Any]) -> str:
    return str(item.get("id", item.get("to")))


def _keyed(items: list[Any]) -> bool:
    ids = [_id(x) for x in items if isinstance(x, dict) and ("id" in x or "to" in x)]
    return len(ids) == len(items) and len(set(ids)) == len(ids)


def _scalars(value: Any) -> bool:
    return value is None or (isinstance(value, list) and all(isinstance(x, str) for x in value))


def _show(value: Any) -> str:
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    if isinstance(value, str) and not re.fullmatch(r"[\w.:/-]+", value):
        return repr(value)
    return str(value)


def _is_long(value: Any) -> bool:
    return isinstance(value, dict | list) or (
        isinstance(value, str) and (len(value) > LONG_TEXT or "\n" in value)
    )


_SINGULAR = {
    "milestones": "milestone",
    "amendments": "amendment",
    "scenarios": "scenario",
    "changes": "change",
    "needs_facility": "needs facility",
}


def _where(path: str) -> str:
    """`milestones[application].applies.en` -> `milestone application applies (en)`."""
    words: list[str] = []
    for name, key in re.findall(r"([^.\[\]]+)(?:\[([^\]]+)\])?", path):
        if key:
            words.append(f"{_SINGULAR.get(name, name)} {key}")
        elif name in ("en", "nl") and words:
            words[-1] += f" ({name})"
        elif words and words[-1] == "sources":
            words[-1] = f"source {name}"
        else:
            words.append(name.replace("_", " "))
    return " ".join(words)


def describe(path: str, old: Any, new: Any) -> str:
    """One field change in words.

    Example:
        >>> describe("roles.gemeenten", None, "addressee")
        'roles: gemeenten added as addressee'
        >>> describe("sources", ["oj"], ["consolidated"])
        'sources: oj replaced by consolidated'
        >>> describe("effort", 2.0, 3.0)
        'effort changed from 2 to 3'
    """
    where = _where(path)
    if path.startswith("roles."):
        layer = path.split(".", 1)[1]
        if old is None:
            return f"roles: {layer} added as {new}"
        if new is None:
            return f"roles: {layer} removed (was {old})"
        return f"roles: {layer} changed from {old} to {new}"
    if re.fullmatch(r"sources\.[^.\[]+", path) and old and new:
        if (old.get("url"), old.get("title")) != (new.get("url"), new.get("title")):
            return f"{where} replaced: now {_show(new.get('title'))} ({new.get('url') or 'no url'})"
        return f"{where}: accessed changed from {old.get('accessed')} to {new.get('accessed')}"
    if _scalars(old) and _scalars(new) and (isinstance(old, list) or isinstance(new, list)):
        gone = sorted(set(old or ()) - set(new or ()))
        came = sorted(set(new or ()) - set(old or ()))
        if gone and came:
            return f"{where}: {', '.join(gone)} replaced by {', '.join(came)}"
        return f"{where}: {', '.join(came)} added" if came else f"{where}: {', '.join(gone)} removed"
    if old is None or new is None:
        value = new if old is None else old
        dated = f" ({value['date']})" if isinstance(value, dict) and "date" in value else ""
        if _is_long(value):
            return f"{where} {'added' if old is None else 'removed'}{dated}"
        return f"{where} set to {_show(new)}" if old is None else f"{where} removed (was {_show(old)})"
    if _is_long(old) or _is_long(new):
        return f"{where} changed"
    return f"{where} changed from {_show(old)} to {_show(new)}"


def _due_change(oid: str, old_ob: Any, new_ob: Any, old: Catalogue, new: Catalogue) -> FieldChange | None:
    """The due date change of one obligation, including a move of the milestone it follows."""
    before, after = old.due(old_ob), new.due(new_ob)
    was, now = old_ob.milestone, new_ob.milestone
    if before == after and was == now:
        return None
    if was != now:
        follows = f"milestone {now}" if now else "its own date"
        why = f" (now follows {follows} instead of {f'milestone {was}' if was else 'its own date'})"
    else:
        why = f" (milestone {now})" if now else ""
    if before == after:
        text = f"due date unchanged ({before}){why}"
    elif before is None:
        text = f"due date set to {after}{why}"
    elif after is None:
        text = f"due date removed (was {before}){why}"
    else:
        text = f"due date moved from {before} to {after}{why}"
    return FieldChange("obligation", oid, "due", _iso(before), _iso(after), f"{oid}: {text}")


def _iso(date: dt.date | None) -> str | None:
    return date.isoformat() if date else None


def _entities(
    subject: str, old: dict[str, Any], new: dict[str, Any], drop: tuple[str, ...]
) -> list[FieldChange]:
    """Field changes of layers, themes or acts present on both sides (added/removed too)."""
    out = []
    for eid in sorted(old.keys() | new.keys()):
        a = _dump(old[eid], *drop) if eid in old else None
        b = _dump(new[eid], *drop) if eid in new else None
        if a is None or b is None:
            if subject in ("layer", "theme"):  # an act's or obligation's arrival is listed apart
                what = "added" if a is None else "removed"
                out.append(FieldChange(subject, eid, "", a, b, f"{subject} {eid} {what}"))
            continue
        leaves: list[tuple[str, Any, Any]] = []
        _walk("", a, b, leaves)
        label = f"{subject} {eid}" if subject in ("layer", "theme") else eid
        for path, x, y in leaves:
            if subject == "act" and re.fullmatch(r"milestones\[[^\]]+\]\.date", path):
                continue  # reported as a milestone move
            if subject == "obligation" and _relation_path(path) and (x is None or y is None):
                continue  # reported as a relation added or removed
            out.append(FieldChange(subject, eid, path, x, y, f"{label}: {describe(path, x, y)}"))
    return out


def _relation_path(path: str) -> bool:
    return re.match(r"(requires|overlaps|conflicts|needs_facility)\[", path) is not None


def _relations(cat: Catalogue, rename: dict[str, str]) -> set[tuple[str, str, str]]:
    return {
        (rename.get(ob.id, ob.id), kind, rename.get(target, target))
        for kind, ob, target in cat.iter_relations()
    }


def compare_catalogues(old: Catalogue, new: Catalogue) -> ChangeSet:
    """Everything that changed from `old` to `new`, in domain words.

    Renamed obligations (same title, new id) are matched first, and every reference to the old
    id is read as the new one, so a rename does not show as relations removed and added.
    """
    removed = [old.obligations[i] for i in old.obligations if i not in new.obligations]
    added = [new.obligations[i] for i in new.obligations if i not in old.obligations]
    rename = find_renames(removed, added)
    back = {v: k for k, v in rename.items()}
    fields = _entities("layer", old.layers, new.layers, ())
    fields += _entities("theme", old.themes, new.themes, ())
    for name in ("layers", "themes"):  # their files' own sources
        leaves: list[tuple[str, Any, Any]] = []
        _walk("sources", _plain(old.sources.get(name)), _plain(new.sources.get(name)), leaves)
        fields += [
            FieldChange("file", f"{name}.yaml", p, x, y, f"{name}.yaml: {describe(p, x, y)}")
            for p, x, y in leaves
        ]
    fields += _entities("act", old.acts, new.acts, ("id", "obligations"))
    pairs = {oid: new.obligations[oid] for oid in new.obligations if oid in old.obligations or oid in back}
    olds = {oid: old.obligations[back.get(oid, oid)] for oid in pairs}
    fields += _entities(
        "obligation",
        {oid: _renamed(ob, rename) for oid, ob in olds.items()},
        pairs,
        ("id", "due", "milestone"),
    )
    fields += [c for oid in pairs if (c := _due_change(oid, olds[oid], pairs[oid], old, new))]
    moves = []
    for aid in sorted(old.acts.keys() & new.acts.keys()):
        dates = {m.id: m.date for m in old.acts[aid].milestones}
        for m in new.acts[aid].milestones:
            if m.id in dates and dates[m.id] != m.date:
                text = f"{aid} milestone {m.id} moved from {dates[m.id]} to {m.date}"
                moves.append(MilestoneMove(aid, m.id, dates[m.id].isoformat(), m.date.isoformat(), text))
    rel_old, rel_new = _relations(old, rename), _relations(new, {})
    kinds = dict(RELATIONS)

    def refs(rels: set[tuple[str, str, str]]) -> tuple[RelationRef, ...]:
        return tuple(
            RelationRef(s, kinds.get(k, k), t, f"{s} {kinds.get(k, k)} {t}") for s, k, t in sorted(rels)
        )

    return ChangeSet(
        acts_added=tuple(
            Named(a, _title(new.acts[a].short or new.acts[a].title))
            for a in sorted(new.acts.keys() - old.acts.keys())
        ),
        acts_removed=tuple(
            Named(a, _title(old.acts[a].short or old.acts[a].title))
            for a in sorted(old.acts.keys() - new.acts.keys())
        ),
        obligations_added=tuple(
            Named(o.id, _title(o.title)) for o in sorted(added, key=_by_id) if o.id not in back
        ),
        obligations_removed=tuple(
            Named(o.id, _title(o.title)) for o in sorted(removed, key=_by_id) if o.id not in rename
        ),
        renamed=tuple(Renamed(a, b, _title(new.obligations[b].title)) for a, b in sorted(rename.items())),
        fields=tuple(sorted(fields, key=lambda f: (_RANK[f.subject], f.id, f.field != "due", f.field))),
        milestones=tuple(moves),
        relations_added=refs(rel_new - rel_old),
        relations_removed=refs(rel_old - rel_new),
    )


_RANK = {"file": 0, "layer": 1, "theme": 2, "act": 3, "obligation": 4}


def _by_id(ob: Any) -> str:
    return str(ob.id)


def _plain(sources: dict[str, Any] | None) -> dict[str, Any]:
    return {k: v.model_dump(mode="json", exclude_none=True) for k, v in (sources or {}).items()}


def _renamed(ob: Any, rename: dict[str, str]) -> Any:
    """An old obligation whose relations name renamed obligations by their new ids."""
    if not rename:
        return ob
    update = {
        name: tuple(r.model_copy(update={"to": rename.get(r.to, r.to)}) for r in getattr(ob, name))
        for name, _ in RELATIONS
    }
    return ob.model_copy(update=update)


# ---------------------------------------------------------------- roadmap impact


@dataclass(frozen=True)
class ItemChange:
    """One item (obligation x layer) whose stage or status changed, or that came or went."""

    obligation: str
    layer: str
    old_stage: str | None
    new_stage: str | None
    old_status: str | None
    new_status: str | None
    reasons: tuple[str, ...]
    message: str


@dataclass(frozen=True)
class PackageChange:
    """A joint work package that formed or split on one layer's roadmap."""

    layer: str
    kind: str  # formed, split, changed
    package: str
    members: tuple[str, ...]
    message: str


@dataclass(frozen=True)
class BlockerChange:
    """An obligation that now waits on (or no longer waits on) another layer's facility."""

    layer: str
    kind: str  # new, resolved
    facility: str
    waiting: str
    providers: tuple[str, ...]
    message: str


@dataclass(frozen=True)
class LayerImpact:
    """What the catalogue change does to one layer's roadmap."""

    layer: str
    items: tuple[ItemChange, ...] = ()
    packages: tuple[PackageChange, ...] = ()
    blockers: tuple[BlockerChange, ...] = ()

    @property
    def empty(self) -> bool:
        """Whether the roadmap is unchanged in stages, statuses, packages and blockers."""
        return not (self.items or self.packages or self.blockers)

    def counts(self) -> dict[str, int]:
        """How many items moved, changed status, entered or left; packages; blockers."""
        return {
            "moved": sum(1 for i in self.items if i.old_stage and i.new_stage and i.old_stage != i.new_stage),
            "status": sum(
                1 for i in self.items if i.old_status and i.new_status and i.old_status != i.new_status
            ),
            "entered": sum(1 for i in self.items if i.old_stage is None),
            "left": sum(1 for i in self.items if i.new_stage is None),
            "packages": len(self.packages),
            "new_blockers": sum(1 for b in self.blockers if b.kind == "new"),
            "resolved_blockers": sum(1 for b in self.blockers if b.kind == "resolved"),
        }


def _status_words(old: str, new: str) -> str:
    if new in BAD and old not in BAD:
        return f"became {new} (was {old})"
    if old in BAD and new not in BAD:
        return f"no longer {old} (now {new})"
    return f"now {new} (was {old})"


@dataclass
class _View:
    """One layer's items in one plan, by obligation id (old ids read as their new names)."""

    plan: Plan
    items: dict[str, Item] = field(default_factory=dict)
    groups: dict[str, set[str]] = field(default_factory=dict)  # package id -> members scheduled together

    def packages(self) -> dict[str, frozenset[str]]:
        """Package id -> members that share a stage (a package of one is no package)."""
        return {pid: frozenset(ms) for pid, ms in self.groups.items() if len(ms) > 1}


def _views(ctx: PlanContext, rename: dict[str, str]) -> dict[str, _View]:
    """Every layer's view of a plan, in one pass over its items."""
    split = {(f.obligation, f.layer) for f in ctx.plan.findings if f.kind == "package-split"}
    views: dict[str, _View] = {}
    for item in ctx.plan.items.values():
        view = views.setdefault(item.layer, _View(ctx.plan))
        oid = rename.get(item.obligation, item.obligation)
        view.items[oid] = item
        if item.package and item.key not in split:  # the scheduler split it: members go apart
            view.groups.setdefault(item.package, set()).add(oid)
    return views


def _item_changes(old: _View, new: _View, layer: str) -> list[ItemChange]:
    out = []
    for oid in sorted(old.items.keys() | new.items.keys()):
        a, b = old.items.get(oid), new.items.get(oid)
        sa = old.plan.stage_id(a.stage) if a else None
        sb = new.plan.stage_id(b.stage) if b else None
        if a and b and sa == sb and a.status == b.status:
            continue
        if a is None and b is not None:
            status = "" if b.status == "planned" else f" ({b.status})"
            text = f"{oid}: enters the roadmap in {sb}{status}"
        elif b is None and a is not None:
            text = f"{oid}: leaves the roadmap (was in {sa})"
        elif a is not None and b is not None:
            parts = [f"moved from {sa} to {sb}"] if sa != sb else []
            if a.status != b.status:
                parts.append(_status_words(a.status, b.status))
                if sa == sb:
                    parts.append(f"stays in {sb}")
            text = f"{oid}: {', '.join(parts)}"
        out.append(
            ItemChange(
                oid,
                layer,
                sa,
                sb,
                a.status if a else None,
                b.status if b else None,
                tuple(b.reasons) if b else (),
                text,
            )
        )
    return out


def _whereabouts(members: frozenset[str], homes: dict[str, str], present: set[str], absent: str) -> str:
    """Where members are, grouped: `pkg-x (a, b); on its own: c; <absent>: d`."""
    groups: dict[str, list[str]] = {}
    for m in sorted(members):
        key = homes.get(m, "" if m in present else "~")
        groups.setdefault(key, []).append(m)
    parts = [f"{pid} ({', '.join(ms)})" for pid, ms in sorted(groups.items()) if pid not in ("", "~")]
    if "" in groups:
        parts.append(f"on {'its' if len(groups['']) == 1 else 'their'} own: {', '.join(groups[''])}")
    if "~" in groups:
        parts.append(f"{absent}: {', '.join(groups['~'])}")
    return "; ".join(parts)


def _package_changes(old: _View, new: _View, layer: str) -> list[PackageChange]:
    """Packages whose membership on `layer` changed: split (members went separate ways) or formed."""
    before, after = old.packages(), new.packages()
    home_before = {m: pid for pid, ms in before.items() for m in ms}
    home_after = {m: pid for pid, ms in after.items() for m in ms}
    was_there, is_there = set(old.items), set(new.items)
    sets_before, sets_after = set(before.values()), set(after.values())
    out, reported = [], set()
    for pid, members in sorted(before.items()):
        homes = {home_after.get(m, m) for m in members if m in is_there}
        if members in sets_after or (len(homes) == 1 and next(iter(homes)) in after):
            continue  # unchanged, or all its members went to one package: reported as that one
        reported.add(pid)
        now = _whereabouts(members, home_after, is_there, "left the roadmap")
        out.append(
            PackageChange(layer, "split", pid, tuple(sorted(members)), f"package {pid} split: now {now}")
        )
    for pid, members in sorted(after.items()):
        origins = {home_before.get(m, m) for m in members}
        origin = next(iter(origins)) if len(origins) == 1 else None
        if members in sets_before or origin in reported:
            continue  # unchanged, or a part of a package reported as split
        kind = "changed" if origin in before else "formed"
        was = _whereabouts(members, home_before, was_there, "not on the roadmap")
        text = f"package {pid} {kind}: {', '.join(sorted(members))} (before: {was})"
        out.append(PackageChange(layer, kind, pid, tuple(sorted(members)), text))
    return out


def _waits(cat: Catalogue, rename: dict[str, str]) -> dict[tuple[str, str, str], tuple[str, ...]]:
    """(layer, waiting obligation, facility) -> providers, for every cross-layer blocker."""
    from planner.analysis import blockers
    from planner.graph import build_graph
    from planner.models import PLANNED_ROLES

    out = {}
    for b in blockers(build_graph(cat), cat):
        for w in b.waiting:
            for lay, role in cat.obligations[w].roles.items():
                if role in PLANNED_ROLES and lay not in b.providers:
                    out[(lay, rename.get(w, w), rename.get(b.facility, b.facility))] = b.providers
    return out


def _blocker_changes(
    before: dict[tuple[str, str, str], tuple[str, ...]],
    after: dict[tuple[str, str, str], tuple[str, ...]],
    layer: str,
) -> tuple[BlockerChange, ...]:
    out = []
    for key in sorted(k for k in after.keys() - before.keys() if k[0] == layer):
        by = ", ".join(after[key]) or "no layer"
        text = f"new blocker: {key[1]} waits on {key[2]}, delivered by {by}"
        out.append(BlockerChange(layer, "new", key[2], key[1], after[key], text))
    for key in sorted(k for k in before.keys() - after.keys() if k[0] == layer):
        text = f"blocker gone: {key[1]} no longer waits on {key[2]}"
        out.append(BlockerChange(layer, "resolved", key[2], key[1], before[key], text))
    return tuple(out)


def compare_roadmaps(
    old: Catalogue, new: Catalogue, as_of: dt.date, rename: dict[str, str], layer: str | None = None
) -> tuple[LayerImpact, ...]:
    """Schedule both catalogues at `as_of` and compare each layer's roadmap (or just `layer`).

    Raises:
        UsageError: `layer` is in neither catalogue.
    """
    from planner.catalogue import did_you_mean
    from planner.roadmap import build_plan

    layers = [*new.layers, *(lay for lay in old.layers if lay not in new.layers)]
    if layer is not None and layer not in layers:
        raise UsageError(
            f"--layer: unknown layer {layer!r}{did_you_mean(layer, layers)}; known: {', '.join(layers)}"
        )
    plan_old, plan_new = build_plan(old, as_of), build_plan(new, as_of)
    views_old, views_new = _views(plan_old, rename), _views(plan_new, {})
    waits_old, waits_new = _waits(old, rename), _waits(new, {})
    out = []
    for lay in layers:
        if layer not in (None, lay):
            continue
        a = views_old.get(lay, _View(plan_old.plan))
        b = views_new.get(lay, _View(plan_new.plan))
        blocks = _blocker_changes(waits_old, waits_new, lay)
        out.append(
            LayerImpact(lay, tuple(_item_changes(a, b, lay)), tuple(_package_changes(a, b, lay)), blocks)
        )
    return tuple(out)


# ---------------------------------------------------------------- the report


@dataclass(frozen=True)
class Report:
    """The whole diff: catalogue changes and the impact on each layer's roadmap."""

    old: str
    new: str
    as_of: dt.date
    changes: ChangeSet
    impact: tuple[LayerImpact, ...]

    @property
    def empty(self) -> bool:
        """Whether nothing changed at all."""
        return self.changes.empty and all(i.empty for i in self.impact)


def diff(old: Side, new: Side, as_of: dt.date, layer: str | None = None) -> Report:
    """Compare two catalogues and their roadmaps at `as_of`.

    Example:
        >>> from planner.loading import load_catalogue
        >>> cat = load_catalogue(Path("tests/data/minimal"))
        >>> diff(Side("a", cat), Side("b", cat), dt.date(2026, 1, 15)).empty
        True
    """
    changes = compare_catalogues(old.catalogue, new.catalogue)
    rename = {r.old: r.new for r in changes.renamed}
    impact = compare_roadmaps(old.catalogue, new.catalogue, as_of, rename, layer)
    return Report(old.label, new.label, as_of, changes, impact)


def summary(report: Report) -> list[str]:
    """Short count phrases for the catalogue, e.g. ``['1 obligation removed', '1 obligation renamed']``."""
    c = report.changes
    due = len(c.due_moves)
    counts = [
        (len(c.acts_added), "act added", "acts added"),
        (len(c.acts_removed), "act removed", "acts removed"),
        (len(c.obligations_added), "obligation added", "obligations added"),
        (len(c.obligations_removed), "obligation removed", "obligations removed"),
        (len(c.renamed), "obligation renamed", "obligations renamed"),
        (due, "due date changed", "due dates changed"),
        (len(c.milestones), "milestone moved", "milestones moved"),
        (len(c.fields) - due, "other change", "other changes"),
        (len(c.relations_added), "relation added", "relations added"),
        (len(c.relations_removed), "relation removed", "relations removed"),
    ]
    return [f"{n} {one if n == 1 else many}" for n, one, many in counts if n]


def layer_summary(impact: LayerImpact) -> list[str]:
    """Count phrases for one layer, e.g. ``['1 moved stage', '1 package formed or split']``."""
    n = impact.counts()
    words = [
        ("moved", "moved stage", "moved stage"),
        ("status", "changed status", "changed status"),
        ("entered", "entered the roadmap", "entered the roadmap"),
        ("left", "left the roadmap", "left the roadmap"),
        ("packages", "package formed or split", "packages formed or split"),
        ("new_blockers", "new blocker", "new blockers"),
        ("resolved_blockers", "blocker gone", "blockers gone"),
    ]
    return [f"{n[k]} {one if n[k] == 1 else many}" for k, one, many in words if n[k]]


def to_dict(report: Report) -> dict[str, Any]:
    """The report as JSON-ready data (render with sorted keys)."""
    return {
        "old": report.old,
        "new": report.new,
        "as_of": report.as_of.isoformat(),
        "changed": not report.empty,
        "summary": summary(report),
        "catalogue": asdict(report.changes),
        "impact": {
            i.layer: {**asdict(i), "summary": layer_summary(i), "counts": i.counts()} for i in report.impact
        },
    }


def render(report: Report, fmt: str) -> str:
    """The report as ``text`` (terminals), ``md`` (a pull-request comment) or ``json`` (tools)."""
    import json

    if fmt == "json":
        return json.dumps(to_dict(report), indent=2, sort_keys=True, ensure_ascii=False) + "\n"
    return render_markdown(report) if fmt == "md" else render_text(report)


def _sections(c: ChangeSet) -> list[tuple[str, str, list[str]]]:
    """The catalogue changes as (title, text marker, lines)."""
    return [
        (title, mark, lines)
        for title, mark, lines in (
            ("Acts added", "+ ", [f"{n.id}: {n.title}" for n in c.acts_added]),
            ("Acts removed", "- ", [f"{n.id}: {n.title}" for n in c.acts_removed]),
            ("Obligations added", "+ ", [f"{n.id}: {n.title}" for n in c.obligations_added]),
            ("Obligations removed", "- ", [f"{n.id}: {n.title}" for n in c.obligations_removed]),
            ("Obligations renamed", "", [f"{r.old} renamed to {r.new}: {r.title}" for r in c.renamed]),
            ("Milestones moved", "", [m.message for m in c.milestones]),
            ("Changes", "", [f.message for f in c.fields]),
            ("Relations added", "+ ", [r.message for r in c.relations_added]),
            ("Relations removed", "- ", [r.message for r in c.relations_removed]),
        )
        if lines
    ]


def _impact_lines(impact: LayerImpact) -> list[tuple[str, tuple[str, ...]]]:
    """(line, why) pairs for one layer: items (why = their reasons in the new plan), packages, blockers."""
    lines = [(i.message, i.reasons) for i in impact.items]
    lines += [(p.message, ()) for p in impact.packages]
    lines += [(b.message, ()) for b in impact.blockers]
    return lines


def render_text(report: Report) -> str:
    """The report for a terminal."""
    head = f"planner diff: {report.old} -> {report.new} (roadmaps as of {report.as_of})"
    if report.empty:
        return f"{head}\n\nNo differences.\n"
    out = [head, "", f"Catalogue: {', '.join(summary(report)) or 'no changes'}"]
    for title, mark, lines in _sections(report.changes):
        out += ["", title, *(f"  {mark}{line}" for line in lines)]
    out += ["", f"Roadmap impact (as of {report.as_of})"]
    for impact in report.impact:
        if impact.empty:
            continue
        out.append(f"{impact.layer}: {', '.join(layer_summary(impact))}")
        for line, why in _impact_lines(impact):
            out.append(f"  {line}")
            out += [f"    {'why: ' if n == 0 else '     '}{reason}" for n, reason in enumerate(why)]
    unchanged = [i.layer for i in report.impact if i.empty]
    if unchanged:
        out.append(f"unchanged: {', '.join(unchanged)}")
    return "\n".join(out) + "\n"


_MD_ESCAPE = re.compile(r"[\\`*_\[\]<>&|~#!@]")
_MD_ENTITY = {"<": "&lt;", ">": "&gt;", "&": "&amp;", "@": "@\u2060"}
MD_LIMIT = 60_000
"""GitHub refuses comments over 65,536 characters; details are cut to stay under this."""


def md_escape(text: str) -> str:
    """Catalogue text made inert in Markdown: no markup, no HTML, no @mentions, one line.

    Example:
        >>> md_escape("<b>*x*</b> @team")
        '&lt;b&gt;\\\\*x\\\\*&lt;/b&gt; @\u2060team'
    """
    flat = " ".join(text.split())
    return _MD_ESCAPE.sub(lambda m: _MD_ENTITY.get(m.group(), "\\" + m.group()), flat)


def _highlights(report: Report) -> list[str]:
    """The most important changes first: new problems, due dates, milestones, removals, moves."""
    c = report.changes
    worse = [
        f"{i.layer}: {i.message}"
        for imp in report.impact
        for i in imp.items
        if i.new_status in BAD and i.old_status != i.new_status
    ]
    moved = [
        f"{i.layer}: {i.message}" for imp in report.impact for i in imp.items if i.old_stage and i.new_stage
    ]
    seen = set(worse)
    moved = [m for m in moved if m not in seen]
    return [
        *worse,
        *(f.message for f in c.due_moves),
        *(m.message for m in c.milestones),
        *(f"removed: {n.id} ({n.title})" for n in (*c.acts_removed, *c.obligations_removed)),
        *moved,
        *(f"{b.layer}: {b.message}" for imp in report.impact for b in imp.blockers if b.kind == "new"),
    ]


def render_markdown(report: Report) -> str:
    """The report as a pull-request comment: a short summary first, the details folded.

    Catalogue text is escaped (:func:`md_escape`); the only HTML is our own fixed
    ``<details>``/``<summary>`` markup. Long details are cut so the comment stays postable.
    """
    for cap in (500, 100, 20):
        text = _markdown(report, cap)
        if len(text) <= MD_LIMIT:
            break
    return text


def _markdown(report: Report, cap: int) -> str:
    e = md_escape
    out = [f"### planner diff: `{report.old.replace('`', '')}` → `{report.new.replace('`', '')}`", ""]
    if report.empty:
        return "\n".join([*out, "No differences in the catalogue or in any roadmap.", ""])
    out.append(f"**Catalogue:** {e(', '.join(summary(report)))}")
    changed = [f"{i.layer}: {', '.join(layer_summary(i))}" for i in report.impact if not i.empty]
    unchanged = [i.layer for i in report.impact if i.empty]
    roadmaps = "; ".join([*changed, *([f"unchanged: {', '.join(unchanged)}"] if unchanged else [])])
    out += ["", f"**Roadmaps as of {report.as_of}:** {e(roadmaps)}", ""]
    top = _highlights(report)
    if top:
        out += ["**Most important:**", "", *(f"- {e(line)}" for line in top[:10])]
        if len(top) > 10:
            out.append(f"- … and {len(top) - 10} more below")
        out.append("")

    def capped(lines: list[str]) -> list[str]:
        more = len(lines) - cap
        return lines[:cap] + (
            [f"- … {more} more: run `planner diff` locally to see them"] if more > 0 else []
        )

    def fold(title: str, lines: list[str]) -> None:
        out.extend([f"<details><summary>{e(title)}</summary>", "", *lines, "</details>", ""])

    sections = _sections(report.changes)
    body = []
    for title, _, lines in sections:
        body += [f"**{e(title)}**", "", *capped([f"- {e(line)}" for line in lines]), ""]
    fold(f"Catalogue changes ({sum(len(lines) for _, _, lines in sections)})", body)
    for impact in report.impact:
        if impact.empty:
            continue
        lines = [
            f"- {e(line)}" + (", because:" if why else "") + "".join(f"\n  - {e(r)}" for r in why)
            for line, why in _impact_lines(impact)
        ]
        fold(f"Roadmap {impact.layer}: {', '.join(layer_summary(impact))}", [*capped(lines), ""])
    return "\n".join(out)
