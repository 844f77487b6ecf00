"""Synthetic catalogues shaped like the real one (`regulations/`), at any scale.

The shape below was measured on the real catalogue (31 acts, 161 obligations, 110 relations,
4 layers, 8 themes, 0.5 MB of YAML; run ``python benchmarks/generate.py --measure regulations``
to measure it again). Scale N gives N times the acts, obligations and relations; layers and
themes stay as they are, since a bigger catalogue has more law, not more government layers.

Every catalogue is valid (`planner check` passes without warnings), deterministic for a seed,
and its `requires` and `needs_facility` relations only point at obligations generated earlier,
so they can never form a cycle.

Usage::

    python benchmarks/generate.py OUTDIR --scale 10 [--seed 2026]
    python benchmarks/generate.py --measure regulations
"""

from __future__ import annotations

import argparse
import datetime as dt
import random
import sys
import textwrap
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

# --- the shape of the real catalogue (measured on regulations/, November 2026) -------------
OBLIGATIONS_PER_ACT = (
    0,
    2,
    2,
    2,
    2,
    2,
    2,
    2,
    3,
    3,
    4,
    4,
    4,
    4,
    4,
    5,
    5,
    5,
    5,
    5,
    5,
    5,
    5,
    6,
    6,
    6,
    7,
    7,
    12,
    18,
    19,
)
ACT_KINDS = {
    "regulation": 15,
    "directive": 9,
    "national-act": 4,
    "national-policy": 2,
    "implementing-regulation": 1,
}
# Relations per obligation, by kind (61 overlaps, 36 requires, 12 needs_facility, 1 conflicts
# over 161 obligations); 57 % of the relations point into another act.
RELATIONS_PER_OBLIGATION = {
    "requires": 36 / 161,
    "overlaps": 61 / 161,
    "needs_facility": 12 / 161,
    "conflicts": 1 / 161,
}
CROSS_ACT_SHARE = 63 / 110
OVERLAP_DEGREES = {"intersect": 55, "subset": 3, "equal": 3}
LAYERS = (("rijk", 12), ("provincies", 12), ("waterschappen", 21), ("gemeenten", 342))
LAYERS_PER_OBLIGATION = {4: 94, 1: 60, 2: 7}
ROLES = {"addressee": 402, "provider": 18, "supervisor": 17, "co-responsible": 13}
THEMES = (
    "public-values",
    "ai-algorithms",
    "service-delivery",
    "digital-security",
    "data",
    "standards-infrastructure",
    "digital-autonomy",
    "eu-implementation",
)
THEMES_PER_OBLIGATION = {2: 116, 1: 27, 3: 18}
ARTICLES_PER_OBLIGATION = {1: 94, 2: 43, 3: 12, 4: 8, 5: 1, 6: 2, 8: 1}
SOURCES_PER_OBLIGATION = {1: 47, 2: 51, 3: 32, 4: 23, 5: 8}
EFFORTS = {1: 54, 2: 57, 3: 38, 5: 11, 8: 1}
MILESTONE_SHARE = 148 / 161  # the rest has an explicit due date
SOURCES_PER_ACT = 11
MILESTONES_PER_ACT = (
    2,
    2,
    3,
    3,
    4,
    4,
    4,
    4,
    4,
    4,
    4,
    4,
    4,
    5,
    5,
    5,
    5,
    5,
    6,
    6,
    6,
    6,
    6,
    7,
    7,
    8,
    8,
    8,
    8,
    10,
    13,
)
APPLIES_SHARE = 96 / 170
AMENDMENTS_PER_ACT = 10 / 31
NOTE_SHARE = 11 / 31
# Mean characters of English + Dutch text together.
CHARS = {
    "act_title": 318,
    "act_note": 835,
    "obligation_title": 130,
    "description": 711,
    "effort_rationale": 183,
    "rationale": 266,
    "applies": 277,
    "amendment_summary": 640,
    "source_title": 115,
}
WORDS = (
    "de",
    "het",
    "een",
    "van",
    "en",
    "in",
    "op",
    "te",
    "voor",
    "met",
    "aan",
    "door",
    "bij",
    "om",
    "als",
    "zijn",
    "worden",
    "gemeenten",
    "overheid",
    "the",
    "of",
    "and",
    "to",
    "for",
    "with",
    "on",
    "by",
    "public",
    "authority",
    "data",
    "system",
    "risk",
    "register",
    "service",
    "national",
    "municipality",
    "water",
    "board",
    "province",
    "obligation",
    "assessment",
    "security",
    "incident",
    "report",
    "access",
    "information",
    "processing",
    "personal",
    "record",
    "provider",
    "supervisor",
    "interoperability",
    "wallet",
    "identity",
    "digital",
    "platform",
    "continuity",
    "resilience",
    "inventory",
    "algorithm",
    "transparency",
    "accessibility",
    "verordening",
    "richtlijn",
    "toezicht",
    "beveiliging",
    "melding",
    "gegevens",
    "dienstverlening",
    "register",
    "organisatie",
    "beoordeling",
    "maatregel",
    "verplichting",
    "termijn",
    "lidstaat",
)


def _pick(rng: random.Random, weights: dict[Any, float]) -> Any:
    return rng.choices(list(weights), weights=list(weights.values()))[0]


def _sentence(rng: random.Random, chars: int) -> str:
    """Plain words (no YAML-special characters) of about `chars` characters."""
    target = max(8, int(rng.gauss(chars, chars / 4)))
    words: list[str] = []
    size = 0
    while size < target:
        word = rng.choice(WORDS)
        words.append(word)
        size += len(word) + 1
    words[0] = words[0].capitalize()
    return " ".join(words) + "."


def _text(rng: random.Random, chars: int, indent: int) -> list[str]:
    """A `{en, nl}` text: flow style when short, folded block style when long (as in the real files)."""
    en, nl = _sentence(rng, chars // 2), _sentence(rng, chars // 2)
    pad = " " * indent
    if len(en) + len(nl) < 90:
        return [f" {{en: {en}, nl: {nl}}}"]
    lines = [""]
    for lang, text in (("en", en), ("nl", nl)):
        lines.append(f"{pad}  {lang}: >-")
        lines += [f"{pad}    {line}" for line in textwrap.wrap(text, 96 - indent)]
    return lines


def _field(name: str, value: list[str], indent: int) -> list[str]:
    return [f"{' ' * indent}{name}:{value[0]}", *value[1:]]


@dataclass
class _Ob:
    id: str
    act: int
    provider: bool
    lines: list[str] = field(default_factory=list)


def _date(rng: random.Random, start: dt.date, max_days: int) -> dt.date:
    return start + dt.timedelta(days=rng.randrange(max_days))


def generate(out: Path, scale: int, seed: int = 2026) -> dict[str, int]:
    """Write a catalogue `scale` times the real one into `out` (created if needed).

    Returns:
        Counts of what was written: files, acts, obligations, relations, bytes.
    """
    rng = random.Random(f"{seed}:{scale}")
    out.mkdir(parents=True, exist_ok=True)
    n_acts = len(OBLIGATIONS_PER_ACT) * scale
    counts: Counter[str] = Counter()
    _write(out / "layers.yaml", _layers(rng), counts)
    _write(out / "themes.yaml", _themes(rng), counts)
    # Every synthetic source is on example.org: listed as primary, the primary-source rule runs
    # (and is measured) on the whole catalogue and finds every fact primary.
    _write(out / "primary-sources.yaml", PRIMARY_SOURCES, counts)
    # Each block of 31 acts has exactly the real numbers of obligations, in a random order.
    sizes = [n for _ in range(scale) for n in rng.sample(OBLIGATIONS_PER_ACT, len(OBLIGATIONS_PER_ACT))]
    obligations: list[_Ob] = []
    acts: list[tuple[str, list[str], list[_Ob]]] = []
    for a in range(n_acts):
        act_id = f"act-{a + 1:05d}"
        header, milestone_ids, source_keys = _act_header(rng, act_id)
        obs = [
            _obligation(rng, f"{act_id}.duty-{j + 1}", a, milestone_ids, source_keys) for j in range(sizes[a])
        ]
        acts.append((act_id, header, obs))
        obligations += obs
    # Exactly the measured number of relations of each kind, on random owners.
    wanted: Counter[tuple[int, str]] = Counter()
    for kind, rate in RELATIONS_PER_OBLIGATION.items():
        for owner in rng.choices(range(1, len(obligations)), k=round(rate * len(obligations))):
            wanted[owner, kind] += 1
    providers: list[int] = []
    for index, ob in enumerate(obligations):
        _relations(rng, ob, index, obligations, providers, wanted, counts)
        if ob.provider:
            providers.append(index)
    for act_id, header, obs in acts:
        lines = [*header, "obligations:" if obs else "obligations: []"]
        for ob in obs:
            lines += ob.lines
        _write(out / f"{act_id}.yaml", lines, counts)
    counts["acts"] = n_acts
    counts["obligations"] = len(obligations)
    return dict(counts)


PRIMARY_SOURCES = [
    "hosts:",
    "  - host: example.org",
    "    name: Synthetic Official Journal",
    "    why: Every source of the synthetic catalogue stands in for the text of the law.",
]


def _write(path: Path, lines: list[str], counts: Counter[str]) -> None:
    data = ("\n".join(lines) + "\n").encode("utf-8")
    path.write_bytes(data)
    counts["files"] += 1
    counts["bytes"] += len(data)


def _layers(rng: random.Random) -> list[str]:
    lines = [
        "sources:",
        "  census:",
        "    url: https://example.org/census",
        "    title: Synthetic census of the government layers",
        "    accessed: 2026-11-28",
        "layers:",
    ]
    for layer_id, organisations in LAYERS:
        lines += [
            f"  - id: {layer_id}",
            f"    name: {{en: {layer_id.capitalize()}, nl: {layer_id.capitalize()}}}",
            *_field("description", _text(rng, 500, 4), 4),
            f"    organisations: {organisations}",
            "    source: census",
        ]
    return lines


def _themes(rng: random.Random) -> list[str]:
    lines = ["sources:", "  letter: {title: Synthetic letter of priorities}", "themes:"]
    for theme in THEMES:
        lines += [
            f"  - id: {theme}",
            f"    name: {{en: {theme.replace('-', ' ').capitalize()}, nl: {theme.replace('-', ' ')}}}",
            *_field("description", _text(rng, 400, 4), 4),
            "    source: letter",
        ]
    return lines


def _act_header(rng: random.Random, act_id: str) -> tuple[list[str], list[str], list[str]]:
    kind = _pick(rng, ACT_KINDS)
    eu = kind not in ("national-act", "national-policy")
    year = rng.randrange(2016, 2026)
    keys = ["oj", *(f"src-{k}" for k in range(1, max(1, int(rng.gauss(SOURCES_PER_ACT, 4)))))]
    lines = [
        "# yaml-language-server: $schema=../schema/catalog.schema.json",
        f"id: {act_id}",
        f"kind: {kind}",
        *_field("title", _text(rng, CHARS["act_title"], 0), 0),
        f"short: {{en: Act {act_id[4:]}, nl: Wet {act_id[4:]}}}",
    ]
    if eu:
        lines += [
            f"celex: 3{year}{'R' if kind != 'directive' else 'L'}{rng.randrange(1, 9999):04d}",
            f"eli: http://data.europa.eu/eli/reg/{year}/{rng.randrange(1, 9999)}/oj",
        ]
    lines += [
        "status: in-force",
        "source: oj",
        f"themes: [{', '.join(rng.sample(THEMES, rng.randint(1, 3)))}]",
    ]
    if rng.random() < NOTE_SHARE:
        lines += _field("note", _text(rng, CHARS["act_note"], 0), 0)
    lines.append("sources:")
    for key in keys:
        lines += [
            f"  {key}:",
            f"    url: https://example.org/{act_id}/{key}/{'x' * rng.randrange(20, 80)}",
            f"    title: >-\n      {_sentence(rng, CHARS['source_title'])}",
            "    accessed: 2026-11-28",
        ]
    # Milestones in legal order: signature <= publication <= entry into force <= the rest.
    signed = dt.date(year, 1, 1) + dt.timedelta(days=rng.randrange(300))
    published = signed + dt.timedelta(days=rng.randrange(60))
    in_force = published + dt.timedelta(days=20)
    lines.append("milestones:")
    ids: list[str] = []
    count = MILESTONES_PER_ACT[rng.randrange(len(MILESTONES_PER_ACT))]
    fixed = (("signature", signed), ("publication", published), ("entry-into-force", in_force))
    for m in range(count):
        if m < len(fixed) and count > 3:
            kind_m, date = fixed[m]
            mid = kind_m
        else:
            kind_m = "transposition" if kind == "directive" and m == count - 1 else "application"
            kind_m = "other" if rng.random() < 0.15 else kind_m
            mid = f"{kind_m}-{m + 1}"
            date = _date(rng, in_force, 365 * 6)
        ids.append(mid)
        lines += [
            f"  - id: {mid}",
            f"    kind: {kind_m}",
            f"    date: {date.isoformat()}",
            "    status: in-force",
            f"    article: Art. {rng.randrange(1, 120)}({rng.randrange(1, 6)})",
        ]
        if rng.random() < APPLIES_SHARE:
            lines += _field("applies", _text(rng, CHARS["applies"], 4), 4)
        lines.append(f"    source: {rng.choice(keys)}")
    if rng.random() < AMENDMENTS_PER_ACT:
        lines += [
            "amendments:",
            f"  - id: omnibus-{year + 1}",
            f"    title: {{en: Amending act {year + 1}, nl: Wijzigingsbesluit {year + 1}}}",
            "    status: adopted",
            f"    date: {year + 1}-06-01",
            *_field("summary", _text(rng, CHARS["amendment_summary"], 4), 4),
            "    source: oj",
        ]
    dated = [i for i in ids if i not in ("signature", "publication")]
    return lines, dated, keys


def _obligation(
    rng: random.Random, ob_id: str, act: int, milestone_ids: list[str], source_keys: list[str]
) -> _Ob:
    n_layers = _pick(rng, LAYERS_PER_OBLIGATION)
    layers = [lid for lid, _ in LAYERS] if n_layers == 4 else rng.sample([lid for lid, _ in LAYERS], n_layers)
    roles = {lid: _pick(rng, ROLES) for lid in layers}
    if all(r == "supervisor" for r in roles.values()):
        roles[layers[0]] = "addressee"
    articles = sorted({f"Art. {rng.randrange(1, 120)}" for _ in range(_pick(rng, ARTICLES_PER_OBLIGATION))})
    n_sources = min(_pick(rng, SOURCES_PER_OBLIGATION), len(source_keys))
    lines = [
        f"  - id: {ob_id}",
        *_field("title", _text(rng, CHARS["obligation_title"], 4), 4),
        f"    articles: [{', '.join(repr(a).replace(chr(39), chr(34)) for a in articles)}]",
        *_field("description", _text(rng, CHARS["description"], 4), 4),
        f"    roles: {{{', '.join(f'{k}: {v}' for k, v in roles.items())}}}",
    ]
    milestone = rng.choice(milestone_ids) if rng.random() < MILESTONE_SHARE and milestone_ids else None
    if (
        milestone
        and milestone.startswith("transposition")
        and any(lid != "rijk" and role != "supervisor" for lid, role in roles.items())
    ):
        # A directive binds decentral bodies from the Dutch act that transposes it, not on its
        # deadline (`planner check` warns): such a duty follows another milestone, or a date.
        milestone = next((m for m in milestone_ids if not m.startswith("transposition")), None)
    if milestone:
        lines.append(f"    milestone: {milestone}")
    else:
        lines.append(f"    due: {_date(rng, dt.date(2025, 1, 1), 365 * 6).isoformat()}")
    lines += [
        f"    effort: {_pick(rng, EFFORTS)}",
        *_field("effort_rationale", _text(rng, CHARS["effort_rationale"], 4), 4),
        f"    themes: [{', '.join(rng.sample(THEMES, _pick(rng, THEMES_PER_OBLIGATION)))}]",
        f"    sources: [{', '.join(rng.sample(source_keys, n_sources))}]",
    ]
    return _Ob(ob_id, act, "provider" in roles.values(), lines)


def _relations(
    rng: random.Random,
    ob: _Ob,
    index: int,
    obligations: list[_Ob],
    providers: list[int],
    wanted: Counter[tuple[int, str]],
    counts: Counter[str],
) -> None:
    """Add `ob`'s relations, to obligations generated before it (so precedence stays acyclic)."""
    same_act = [i for i in range(index - 1, max(-1, index - 20), -1) if obligations[i].act == ob.act]
    used: set[str] = set()
    for kind in RELATIONS_PER_OBLIGATION:
        for _ in range(wanted[index, kind]):
            if kind == "needs_facility" and providers and rng.random() < 0.8:
                target = obligations[rng.choice(providers)]
            elif same_act and rng.random() >= CROSS_ACT_SHARE:
                target = obligations[rng.choice(same_act)]
            else:
                target = obligations[rng.randrange(index)]
            if target.id in used:
                continue
            used.add(target.id)
            if not any(line == f"    {kind}:" for line in ob.lines):
                ob.lines.append(f"    {kind}:")
            ob.lines.append(f"      - to: {target.id}")
            if kind == "overlaps":
                ob.lines.append(f"        degree: {_pick(rng, OVERLAP_DEGREES)}")
            ob.lines += _field("rationale", _text(rng, CHARS["rationale"], 8), 8)
            counts["relations"] += 1


def measure(root: Path) -> dict[str, Any]:
    """The shape of a catalogue: the numbers this generator is built on."""
    sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
    from planner.loading import load_catalogue

    cat = load_catalogue(root)
    obs = list(cat.obligations.values())

    def chars(text: Any) -> int:
        return len(text.en or "") + len(text.nl or "") if text else 0

    def mean(values: list[int]) -> float:
        return round(sum(values) / len(values), 1) if values else 0.0

    relations = [(k, o, t) for k, o, t in cat.iter_relations()]
    return {
        "acts": len(cat.acts),
        "obligations": len(obs),
        "obligations_per_act": sorted(len(a.obligations) for a in cat.acts.values()),
        "relations": dict(Counter(k for k, _, _ in relations)),
        "cross_act_relations": sum(1 for _, o, t in relations if o.act != t.split(".")[0]),
        "layers": len(cat.layers),
        "themes": len(cat.themes),
        "layers_per_obligation": dict(Counter(len(o.roles) for o in obs)),
        "roles": dict(Counter(r.value for o in obs for r in o.roles.values())),
        "milestone_vs_due": (sum(o.milestone is not None for o in obs), sum(o.due is not None for o in obs)),
        "milestones_per_act": sorted(len(a.milestones) for a in cat.acts.values()),
        "chars_title": mean([chars(o.title) for o in obs]),
        "chars_description": mean([chars(o.description) for o in obs]),
        "bytes": sum(p.stat().st_size for p in root.glob("*.yaml")),
    }


def main(argv: list[str] | None = None) -> int:
    """Command line: generate a catalogue, or measure one."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("out", nargs="?", type=Path, help="folder to write the catalogue into")
    parser.add_argument("--scale", type=int, default=1, help="times the real catalogue (default 1)")
    parser.add_argument("--seed", type=int, default=2026)
    parser.add_argument("--measure", type=Path, metavar="DIR", help="print the shape of a catalogue")
    args = parser.parse_args(argv)
    if args.measure:
        for key, value in measure(args.measure).items():
            print(f"{key}: {value}")
        return 0
    if args.out is None:
        parser.error("give an output folder or --measure DIR")
    counts = generate(args.out, args.scale, args.seed)
    print(", ".join(f"{v} {k}" for k, v in counts.items()))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
