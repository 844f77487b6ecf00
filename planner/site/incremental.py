"""Render only what changed: what each page depends on, and the manifest that remembers it.

Every file of a site gets two keys, both stored in the site's manifest (:data:`MANIFEST`):

- the **input key**, a hash of the catalogue and plan pieces the page is made from, found
  without making the page: for an act its file (the act, its obligations and sources), the
  files of acts its obligations relate to or that it refers to (amendments, transpositions,
  both ways); for an obligation also its rows in the whole-government roadmap and its package;
  for a package its members' acts and roadmap rows; for pages about the whole catalogue (home,
  lists, layers, themes, government) a summary of what they list (titles, counts, themes,
  relations, the plan); for the house page and each scenario's and organisation's page that
  summary, every act as other pages see it and the collective arrangements (an organisation
  file's contents are in the globals). The analysis, search and status pages have none: they
  are always made;
- the **output key**, a hash of the page's typed context (everything its template reads), or of
  the input key of the roadmap view a download is rendered from (the plan, its packages and
  the acts without their prose).

Both also hold the :attr:`Fingerprints.globals` hash: planner's code and templates, the build
options, the files that are not acts (layers, themes, questions, sources) and the list of acts
and obligations. On a rebuild a file whose input key is unchanged is carried over without
making its context; otherwise the context is made and hashed, and only a file whose output key
changed is rendered. Input keys over-approximate (a page is made more often than needed, never
less); ``tests/test_incremental.py`` compares incremental builds after random edits with fresh
builds byte for byte.
"""

from __future__ import annotations

import hashlib
import io
import json
import pickle
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any, NamedTuple

from planner import __version__
from planner.roadmap import ALL
from planner.site.stamp import file_sizes

if TYPE_CHECKING:
    from planner.catalogue import Catalogue
    from planner.site.refs import View

SUMMARY_KINDS = ("index", "layer", "theme")
"""Pages keyed by the summary of the whole catalogue (:meth:`Fingerprints.summarise`)."""
HOUSE_KINDS = ("house", "scenario", "organisation")
"""Pages keyed by the summary, every act as other pages see it and the collectives."""
UNKEYED = ("analysis.html", "search.html")
"""Pages that read more of the catalogue than the summary holds: always made (they are cheap)."""
MANIFEST = ".planner-manifest.json"
"""The manifest file in a built site: per file its input key, output key and size."""
FORMAT = 2
_CODE_ROOT = Path(__file__).resolve().parent.parent


def digest(value: Any) -> str:
    """A hash of a value made of dataclasses, tuples, dicts, strings and numbers.

    Pickled without its memo, so equal values give equal bytes whatever objects they share.

    >>> digest(("a", 1)) == digest(("a", 1)), digest("a") == digest("b")
    (True, False)
    """
    buffer = io.BytesIO()
    pickler = pickle.Pickler(buffer, protocol=5)
    pickler.fast = True  # no memo: shared and unshared equal strings pickle alike
    pickler.dump(value)
    return hashlib.blake2b(buffer.getvalue(), digest_size=16).hexdigest()


def code_hash(templates: Path) -> str:
    """A hash of planner's own files (code, message catalogues) and of the site templates."""
    sha = hashlib.blake2b(digest_size=16)
    for label, root in (("code", _CODE_ROOT), ("template", templates)):
        for path in sorted(p for p in root.rglob("*") if p.is_file() and "__pycache__" not in p.parts):
            data = path.read_bytes()
            sha.update(f"{label} {path.relative_to(root).as_posix()} {len(data)}\n".encode())
            sha.update(data)
    return sha.hexdigest()


def _json(model: Any) -> str:
    return str(model.model_dump_json())


PROSE = frozenset({"note", "description", "effort_rationale", "rationale", "summary"})
"""Fields of catalogue prose, which no roadmap view shows."""


def _act_page_only(dump: dict[str, Any]) -> dict[str, Any]:
    """An act's dump without the notes and summaries only its own page shows (obligations intact)."""
    return {
        k: v if k == "obligations" else _without(v, ACT_PAGE_ONLY) for k, v in dump.items() if k != "note"
    }


ACT_PAGE_ONLY = frozenset({"note", "summary"})
"""Fields of an act (outside its obligations) that only the act's own page shows."""


def _without(value: Any, keys: frozenset[str]) -> Any:
    """A dumped model without some fields, at any depth."""
    if isinstance(value, dict):
        return {k: _without(v, keys) for k, v in value.items() if k not in keys}
    if isinstance(value, list):
        return [_without(v, keys) for v in value]
    return value


def _without_prose(value: Any) -> Any:
    """A dumped model without its prose fields, at any depth."""
    return _without(value, PROSE)


class Fingerprints:
    """Hashes of the catalogue's pieces, made once per build, and the input key of each page.

    Args:
        cat: the catalogue.
        options: the build options as text (:meth:`~planner.site.build.BuildOptions.key`).
        templates: the site templates folder.
    """

    def __init__(self, cat: Catalogue, options: tuple[str, ...], templates: Path) -> None:
        self.cat = cat
        # the dumps (a copy of the whole catalogue as plain values) are hashed and let go
        dumps = {aid: act.model_dump(mode="json") for aid, act in cat.acts.items()}
        sources = {aid: tuple((k, _json(s)) for k, s in cat.sources.get(aid, {}).items()) for aid in cat.acts}
        self.acts = {aid: digest((dump, sources[aid])) for aid, dump in dumps.items()}
        """Per act everything in its file."""
        self.outside = {aid: digest((_act_page_only(dump), sources[aid])) for aid, dump in dumps.items()}
        """Per act its file without what only the act's own page shows (its notes and summaries)."""
        self.bare = tuple((aid, digest(_without_prose(dump))) for aid, dump in dumps.items())
        """Per act its file without its prose (what the roadmap views show of it)."""
        del dumps
        self.house = digest(
            (tuple(self.outside.items()), tuple((k, _json(c)) for k, c in cat.collectives.items()))
        )
        """What the house page reads beyond the summary: every act as other pages see it (its
        relations' rationales, its scenarios) and the collective arrangements."""
        rest = (
            tuple((k, _json(v)) for k, v in cat.layers.items()),
            tuple((k, _json(v)) for k, v in cat.themes.items()),
            tuple((k, _json(v)) for k, v in cat.questions.items()),
            tuple((k, _json(v)) for k, v in cat.primary_hosts.items()),
            tuple(
                (f, tuple((k, _json(s)) for k, s in sources.items()))
                for f, sources in cat.sources.items()
                if f not in cat.acts
            ),
            _json(cat.scenario) if cat.scenario is not None else None,
            tuple((o.id, o.act) for o in cat.obligations.values()),
        )
        self.globals = digest((FORMAT, __version__, options, code_hash(templates), rest))
        self.related = self._related(cat)
        self.referring = self._referring(cat)
        self.summaries: dict[str, str] = {}
        self.plan = ""

    def plan_key(self, plan: Any, packages: tuple[Any, ...]) -> None:
        """Hash what the roadmap views are made from: the plan, the packages, the acts without prose.

        The views (:func:`planner.view.build_view`) show titles, articles, roles, dates, efforts
        and the planner's sentences, but none of the catalogue's prose (notes, descriptions,
        rationales, summaries): editing prose leaves every roadmap, and its downloads, as it was.
        """
        self.plan = digest((plan, packages, self.bare))

    def roadmap_key(self, lang: str, layer: str) -> str:
        """The key of one roadmap view (and of the downloads rendered from it)."""
        return digest((self.globals, lang, layer, self.plan))

    @staticmethod
    def _related(cat: Catalogue) -> dict[str, set[str]]:
        """Per obligation, the acts of the obligations at the other end of its relations."""
        found: dict[str, set[str]] = {}
        for _kind, owner, target in cat.iter_relations():
            if target not in cat.obligations:
                continue
            found.setdefault(owner.id, set()).add(cat.obligations[target].act)
            found.setdefault(target, set()).add(owner.act)
        return found

    @staticmethod
    def _referring(cat: Catalogue) -> dict[str, set[str]]:
        """Per act, the acts it names (amendments, transposition) and the acts that name it."""
        found: dict[str, set[str]] = {aid: set() for aid in cat.acts}
        for aid, act in cat.acts.items():
            named = {a.id for a in act.amendments} | set(act.transposes)
            if act.transposition:
                named |= set(act.transposition.national_acts)
            for other in named & found.keys():
                found[aid].add(other)
                found[other].add(aid)
        return found

    def _acts_key(self, acts: set[str], own: str = "") -> tuple[tuple[str, str], ...]:
        """The fingerprints of some acts: in full for `own` (the page's act), else as others see them."""
        return tuple(
            (a, self.acts[a] if a == own else self.outside[a]) for a in sorted(acts) if a in self.acts
        )

    def _obligation_acts(self, oids: list[str]) -> set[str]:
        cat = self.cat
        acts = {cat.obligations[o].act for o in oids}
        for oid in oids:
            acts |= self.related.get(oid, set())
        return acts

    def _package_key(self, view: View, package_id: str | None) -> Any:
        if package_id is None:
            return None
        pkg = view.packages[package_id]
        hub = pkg.hub or pkg.members[0]
        return (pkg, self.outside[self.cat.obligations[hub].act])  # the hub act as other pages see it

    def input_key(self, view: View, kind: str, ident: str) -> str | None:
        """The input key of one page (None for pages that summarise the whole catalogue)."""
        cat = self.cat
        if kind == "act":
            oids = [o.id for o in cat.acts[ident].obligations]
            acts = self._obligation_acts(oids) | {ident} | self.referring[ident]
            parts: Any = (self._acts_key(acts, own=ident),)
        elif kind == "obligation":
            parts = (
                self._acts_key(self._obligation_acts([ident])),
                self.roadmap_key(view.lang, ALL),
                self._package_key(view, view.package_of.get(ident)),
            )
        elif kind == "package":
            members = list(view.packages[ident].members)
            parts = (
                self._acts_key(self._obligation_acts(members)),
                self.roadmap_key(view.lang, ALL),
                self._package_key(view, ident),
            )
        elif kind in SUMMARY_KINDS and ident not in UNKEYED:
            parts = (self.summaries[view.lang],)
        elif kind in HOUSE_KINDS:
            # a scenario page reads the scenario and the obligations it amends (in `house`: every
            # act as others see it), the site's plan and the scenario's plan, which is made from
            # the acts without prose, the collectives and the globals (`summaries` holds the plan
            # key); an organisation page its file (whose contents are in the globals: the build
            # options) and the plan made for it from the same pieces
            parts = (self.summaries[view.lang], self.house)
        else:
            return None
        return digest((self.globals, view.lang, kind, ident, parts))

    def summarise(self, view: View) -> None:
        """Hash what the pages about the whole catalogue read, for one language.

        That is every obligation as other pages list it (title, act, due), every act as the
        lists show it, which themes each act and obligation has, the relations (without their
        texts), the roadmap views (by their hashes), the packages and the capacities.
        """
        cat = view.cat
        parts = (
            tuple(view.ob(oid) for oid in cat.obligations),
            tuple(
                (aid, view.act_title(aid), view.local(a.title), a.kind, a.status, a.celex, a.themes)
                for aid, a in cat.acts.items()
            ),
            tuple((o.id, o.themes) for o in cat.obligations.values()),
            tuple((kind, owner.id, target) for kind, owner, target in cat.iter_relations()),
            self.plan,
            tuple(view.ctx.packages),
            tuple(sorted(view.plan.capacity.items())),
        )
        self.summaries[view.lang] = digest(parts)


@dataclass(frozen=True)
class Entry:
    """What the manifest knows of one file."""

    input_key: str | None
    output_key: str
    size: int


@dataclass(frozen=True)
class Shard:
    """What the manifest knows of one shard of the search index (:mod:`planner.site.search_index`)."""

    key: str
    files: dict[str, int]
    """Its files and their sizes."""


class Manifest(NamedTuple):
    """A built site's manifest, as read back."""

    globals: str
    entries: dict[str, Entry]
    search: dict[str, Shard]
    """The search index's shards whose files are all intact."""


def manifest_bytes(
    globals_key: str, entries: dict[str, Entry], search: dict[str, Shard] | None = None
) -> bytes:
    """The manifest file: the globals hash and, per file in path order, its keys and size; and the
    search index's shards, each with its key and files."""
    data = {
        "format": FORMAT,
        "globals": globals_key,
        "files": {
            path: [e.input_key, e.output_key, e.size]
            for path, e in sorted(entries.items(), key=lambda i: i[0])
        },
        "search": {name: [s.key, s.files] for name, s in sorted((search or {}).items())},
    }
    return (json.dumps(data, indent=0, sort_keys=True) + "\n").encode("utf-8")


def read_manifest(outdir: Path) -> Manifest | None:
    """The globals hash, the entries and the search shards of a built site's manifest, keeping
    only intact files (and shards whose files are all intact).

    A file counts as intact when it is on disk with the size the manifest records; a missing,
    unreadable or foreign manifest gives None (the next build is a full one).
    """
    try:
        data = json.loads((outdir / MANIFEST).read_bytes())
        if data.get("format") != FORMAT or not isinstance(data.get("globals"), str):
            return None
        sizes = file_sizes(outdir)
        entries = {
            path: Entry(k_in, k_out, size)
            for path, (k_in, k_out, size) in data["files"].items()
            if sizes.get(path) == size
        }
        search = {
            name: Shard(key, dict(files))
            for name, (key, files) in data.get("search", {}).items()
            if isinstance(key, str) and all(sizes.get(p) == n for p, n in files.items())
        }
    except (OSError, ValueError, TypeError, AttributeError):
        return None
    return Manifest(data["globals"], entries, search)
