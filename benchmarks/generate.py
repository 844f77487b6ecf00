"""Synthetic catalogues shaped like the real one (`regulations/`), at any scale.

The shape below was measured on the real catalogue (31 acts, 161 obligations, 110 relations,
4 layers, 8 themes, 0.5 MB of YAML in November 2026; run
``python benchmarks/generate.py --measure regulations`` to measure it again). Scale N gives N
times the acts, obligations and relations; layers and themes stay as they are, since a bigger
catalogue has more law, not more government layers.

The planning fields were measured in December 2026 (181 obligations). Every obligation has a
nature, effort_days, lead_time_months and the rationales of both, dealt in exactly the real
proportions; a quarter apply only under an ``applies_if`` condition taken from the real ones
(the real ``questions.yaml`` is copied into the output, each question's ``act`` pointing at a
synthetic act), citing an article and a source of the act; the recurring duties come back every
year, as the real ones do. The deprecated ``effort`` points are not written (``effort_days``
overrides them).

Every catalogue is valid (`planner check --strict` passes without warnings, and `check --review`
finds no gap), deterministic for a seed, and its `requires` and `needs_facility` relations only
point at obligations generated earlier, so they can never form a cycle.

Usage::

    python benchmarks/generate.py OUTDIR --scale 10 [--seed 2026]
    python benchmarks/generate.py --measure regulations
"""

from __future__ import annotations

import argparse
import datetime as dt
import random
import re
import sys
import textwrap
from collections import Counter
from collections.abc import Iterable, Mapping
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
# --- the planning fields (measured on regulations/, December 2026: 181 obligations) ----------
# Every real obligation has a nature, effort_days (person-days), lead_time_months and both
# rationales; the deprecated `effort` points (19 obligations, next to effort_days) are not
# generated, as effort_days overrides them.
NATURES = {"continuing": 144, "one-off": 33, "recurring": 4}
EFFORT_DAYS = {
    2: 2,
    3: 11,
    5: 25,
    10: 16,
    15: 14,
    20: 15,
    25: 3,
    30: 13,
    40: 19,
    50: 1,
    60: 17,
    80: 3,
    100: 16,
    120: 5,
    140: 1,
    150: 1,
    200: 5,
    300: 4,
    400: 7,
    500: 1,
    1000: 1,
    2000: 1,
}
LEAD_TIME_MONTHS = {1: 11, 2: 18, 3: 29, 4: 10, 6: 44, 9: 12, 10: 2, 12: 34, 18: 10, 24: 11}
# 44 of 181 obligations apply only if a profile question (regulations/questions.yaml, copied into
# the output) is answered so; each condition cites an article and a source of its act. These are
# the real conditions (without their article and source), by how often they occur.
WITHOUT_CONDITION = 181 - 44
CONDITIONS = {
    "{question: nis2-entity, in: [essential, important]}": 11,
    "{question: spatial-data-holder, equals: true}": 6,
    "{question: high-risk-ai-deployer, equals: true}": 5,
    "{question: law-enforcement-processing, equals: true}": 4,
    "{question: critical-entity, equals: true}": 3,
    "{question: high-value-datasets-holder, equals: true}": 3,
    "{question: online-identification, equals: true}": 3,
    "{question: requests-exceptional-need-data, equals: true}": 3,
    "{question: physical-infrastructure-owner, equals: true}": 2,
    "{question: health-data-holder, equals: true}": 1,
    "{question: high-risk-ai-provider, equals: true}": 1,
    "{question: sets-trans-european-requirements, equals: true}": 1,
    "{any: [{question: high-risk-ai-deployer, equals: true}, {question: high-risk-ai-provider, equals: true}]}": 1,
}
# The 4 recurring duties all come back every year, cite an article and a source; 1 has a note.
RECURRENCE_NOTES = {True: 1, False: 3}
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
    "effort_rationale": 308,
    "lead_time_rationale": 165,
    "recurrence_note": 275,
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


def _pick(rng: random.Random, weights: Mapping[Any, float]) -> Any:
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
    condition: str | None = None


def _deck(rng: random.Random, weights: dict[Any, int], n: int) -> list[Any]:
    """`n` values in exactly the measured proportions (largest remainders), shuffled."""
    total = sum(weights.values())
    quotas = {value: n * w / total for value, w in weights.items()}
    counts = {value: int(q) for value, q in quotas.items()}
    by_remainder = sorted(quotas, key=lambda v: quotas[v] - counts[v], reverse=True)
    for value in by_remainder[: n - sum(counts.values())]:
        counts[value] += 1
    deck = [value for value, count in counts.items() for _ in range(count)]
    rng.shuffle(deck)
    return deck


def _deal(rng: random.Random, weights: dict[Any, int], deck: list[Any]) -> Any:
    """The next value of `deck`, dealt anew (one round of `weights`) when it is empty."""
    if not deck:
        deck += _deck(rng, weights, sum(weights.values()))
    return deck.pop()


@dataclass
class _PlanFields:
    """The planning fields of every obligation, dealt in the real proportions before writing."""

    nature: list[str]
    effort_days: list[int]
    lead_time_months: list[int]
    condition: list[str | None]
    notes: list[bool] = field(default_factory=list)

    @classmethod
    def dealt(cls, rng: random.Random, n: int) -> _PlanFields:
        return cls(
            nature=_deck(rng, NATURES, n),
            effort_days=_deck(rng, EFFORT_DAYS, n),
            lead_time_months=_deck(rng, LEAD_TIME_MONTHS, n),
            condition=_deck(rng, {**CONDITIONS, None: WITHOUT_CONDITION}, n),
        )


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
    plan = _PlanFields.dealt(rng, sum(sizes))
    obligations: list[_Ob] = []
    acts: list[tuple[str, list[str], list[_Ob]]] = []
    for a in range(n_acts):
        act_id = f"act-{a + 1:05d}"
        header, milestone_ids, source_keys = _act_header(rng, act_id)
        obs = [
            _obligation(rng, f"{act_id}.duty-{j + 1}", a, milestone_ids, source_keys, plan)
            for j in range(sizes[a])
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
    if any(ob.condition for ob in obligations):
        _write(out / "questions.yaml", _questions(acts), counts)
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


QUESTIONS = Path(__file__).resolve().parent.parent / "regulations" / "questions.yaml"


def _questions(acts: list[tuple[str, list[str], list[_Ob]]]) -> list[str]:
    """The real questions.yaml, each question's `act` the first synthetic act that asks it.

    A question nobody asks names the first act (the real act ids do not exist here).
    """
    first: dict[str, str] = {}
    for act_id, _, obs in acts:
        for ob in obs:
            for question in re.findall(r"question: ([a-z0-9-]+)", ob.condition or ""):
                first.setdefault(question, act_id)
    lines, question = [], ""
    for line in QUESTIONS.read_text(encoding="utf-8").splitlines():
        if line.startswith("  - id: "):
            question = line.removeprefix("  - id: ").strip()
        is_act = line.startswith("    act: ")
        lines.append(f"    act: {first.get(question, acts[0][0])}" if is_act else line)
    return lines


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
    rng: random.Random,
    ob_id: str,
    act: int,
    milestone_ids: list[str],
    source_keys: list[str],
    plan: _PlanFields,
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
    nature = plan.nature.pop()
    lines += [
        f"    nature: {nature}",
        f"    effort_days: {plan.effort_days.pop()}",
        *_field("effort_rationale", _text(rng, CHARS["effort_rationale"], 4), 4),
        f"    lead_time_months: {plan.lead_time_months.pop()}",
        *_field("lead_time_rationale", _text(rng, CHARS["lead_time_rationale"], 4), 4),
    ]
    if nature == "recurring":
        # No `first`: the first occurrence falls on the duty's milestone or due date.
        lines += [
            "    recurrence:",
            "      every: year",
            f"      article: Art. {rng.randrange(1, 120)}({rng.randrange(1, 6)})",
            f"      source: {rng.choice(source_keys)}",
        ]
        if _deal(rng, RECURRENCE_NOTES, plan.notes):
            lines += _field("note", _text(rng, CHARS["recurrence_note"], 6), 6)
    condition = plan.condition.pop()
    if condition:
        article = f'"Art. {rng.randrange(1, 120)}({rng.randrange(1, 6)})"'
        lines.append(
            f"    applies_if: {condition[:-1]}, article: {article}, source: {rng.choice(source_keys)}}}"
        )
    lines += [
        f"    themes: [{', '.join(rng.sample(THEMES, _pick(rng, THEMES_PER_OBLIGATION)))}]",
        f"    sources: [{', '.join(rng.sample(source_keys, n_sources))}]",
    ]
    return _Ob(ob_id, act, "provider" in roles.values(), lines, condition)


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
        "relations": dict(Counter(str(k) for k, _, _ in relations)),
        "cross_act_relations": sum(1 for _, o, t in relations if o.act != t.split(".")[0]),
        "layers": len(cat.layers),
        "themes": len(cat.themes),
        "layers_per_obligation": dict(Counter(len(o.roles) for o in obs)),
        "roles": dict(Counter(r.value for o in obs for r in o.roles.values())),
        "milestone_vs_due": (sum(o.milestone is not None for o in obs), sum(o.due is not None for o in obs)),
        "milestones_per_act": sorted(len(a.milestones) for a in cat.acts.values()),
        "chars_title": mean([chars(o.title) for o in obs]),
        "chars_description": mean([chars(o.description) for o in obs]),
        "chars_effort_rationale": mean([chars(o.effort_rationale) for o in obs if o.effort_rationale]),
        "chars_lead_time_rationale": mean(
            [chars(o.lead_time_rationale) for o in obs if o.lead_time_rationale]
        ),
        "chars_recurrence_note": mean(
            [chars(o.recurrence.note) for o in obs if o.recurrence and o.recurrence.note]
        ),
        "nature": _counts(o.nature.value if o.nature else None for o in obs),
        "effort_days": _counts(o.effort_days for o in obs),
        "lead_time_months": _counts(o.lead_time_months for o in obs),
        "legacy_effort": sum(o.effort is not None for o in obs),
        "applies_if": sum(o.applies_if is not None for o in obs),
        "conditions": _counts(_flow(o.applies_if) for o in obs if o.applies_if),
        "condition_questions": _counts(q for o in obs if o.applies_if for q in o.applies_if.questions()),
        "condition_tests": _counts(
            next(k for k in ("equals", "in", "at_least", "below") if _plain(t).get(k) is not None)
            for o in obs
            if o.applies_if
            for t in o.applies_if.tests()
        ),
        "recurring": sum(o.recurrence is not None for o in obs),
        "recurrence": _counts(
            " ".join(
                [f"every={o.recurrence.every.value}"]
                + [k for k in ("first", "article", "source", "note") if getattr(o.recurrence, k) is not None]
            )
            for o in obs
            if o.recurrence
        ),
        "bytes": sum(p.stat().st_size for p in root.glob("*.yaml")),
    }


def _counts(values: Iterable[Any]) -> dict[Any, int]:
    """How often each value occurs, by value (numbers as ints when whole), None last."""

    def tidy(v: Any) -> Any:
        return int(v) if isinstance(v, float) and v.is_integer() else v

    counter = Counter(tidy(v) for v in values)
    return dict(sorted(counter.items(), key=lambda kv: (kv[0] is None, str(type(kv[0])), kv[0] or 0)))


def _plain(cond: Any) -> dict[str, Any]:
    """A condition as a dict in its YAML spelling, without the article and source it cites."""
    data: dict[str, Any] = cond.model_dump(by_alias=True, exclude_none=True)
    data.pop("article", None)
    data.pop("source", None)
    return data


def _flow(cond: Any) -> str:
    """A condition in YAML flow style, without article and source: ``{question: x, equals: true}``."""

    def value(v: Any) -> str:
        if isinstance(v, bool):
            return "true" if v else "false"
        if isinstance(v, float) and v.is_integer():
            return str(int(v))
        if isinstance(v, dict):
            items = {k: x for k, x in v.items() if k not in ("article", "source")}
            return "{" + ", ".join(f"{k}: {value(x)}" for k, x in items.items()) + "}"
        if isinstance(v, list | tuple):
            return "[" + ", ".join(value(x) for x in v) + "]"
        return str(v)

    return value(_plain(cond))


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
