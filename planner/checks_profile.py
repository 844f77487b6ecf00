"""Checks of the planning profile: questions, applicability conditions, the nature and size of
duties, primary sources and the dates that bind each layer.

They run after the acts are assembled (:mod:`planner.loading`), because conditions refer to
questions in another file. Problems that make a plan wrong are errors; gaps a reviewer must fill
(only secondary sources, a decentral duty due on a transposition deadline) are warnings, which
``check --strict`` fails on; a reviewed waiver turns the first into a review gap (:data:`REVIEW`).
"""

from __future__ import annotations

from dataclasses import replace

from planner.catalogue import Catalogue
from planner.checks import unknown
from planner.models import (
    PLANNED_ROLES,
    Act,
    ActKind,
    Condition,
    MilestoneKind,
    Nature,
    PrimarySourcesFile,
    Question,
    QuestionsFile,
    QuestionType,
)
from planner.primary import IDENTITY, cites_primary, facts
from planner.reading import QUESTIONS_FILE, SourceFile, by_unique_id, field_path

Loc = list[str | int]

REVIEW = "review"
"""Severity of a gap a reviewer must close but that does not fail ``check --strict``: a fact with
only secondary sources that carries a reviewed ``primary_source_gap`` waiver, a missing nature,
effort or lead time. Listed by ``check --review``, and failing ``check --review --strict``. A fact
with only secondary sources and no waiver, and a decentral duty due on a directive's
transposition deadline, are warnings."""


def add_profile(
    cat: Catalogue,
    questions_file: QuestionsFile | None,
    primary_file: PrimarySourcesFile | None,
    srcs: dict[str, SourceFile],
    act_srcs: dict[str, SourceFile],
) -> Catalogue:
    """The catalogue with its questions and primary publishers, every reference to them checked."""
    questions: dict[str, Question] = {}
    sources = dict(cat.sources)
    if questions_file is not None:
        src = srcs[QUESTIONS_FILE]
        sources["questions"] = dict(questions_file.sources)
        for i, q in enumerate(questions_file.questions):
            _check_question(cat, questions_file, i, q, src)
        questions = by_unique_id(src, "questions", questions_file.questions, "question")
    hosts = {h.host: h for h in primary_file.hosts} if primary_file else {}
    cat = replace(cat, questions=questions, primary_hosts=hosts, sources=sources)
    for act_id, act in cat.acts.items():
        check_plan_fields(cat, act, act_srcs[act_id])
        if hosts:
            check_primary(cat, act, act_srcs[act_id])
        check_binding_dates(cat, act, act_srcs[act_id])
        check_signature_dates(act, act_srcs[act_id])
        act_srcs[act_id].release()  # the review gaps of every act would otherwise keep every tree
    return cat


def _check_question(cat: Catalogue, qf: QuestionsFile, i: int, q: Question, src: SourceFile) -> None:
    base: Loc = ["questions", i]
    if q.source is None:
        src.add([*base, "id"], f"questions[{i}]: question {q.id!r} has no source", REVIEW)
    elif q.source not in qf.sources:
        src.add([*base, "source"], unknown(f"questions[{i}].source", "source", q.source, list(qf.sources)))
    if q.act is not None and q.act not in cat.acts:
        src.add([*base, "act"], unknown(f"questions[{i}].act", "act", q.act, list(cat.acts)))
    for layer, default in q.defaults.items():
        if layer not in cat.layers:
            src.add(
                [*base, "defaults", layer],
                unknown(f"questions[{i}].defaults", "layer", layer, list(cat.layers)),
                key=True,
            )
        if default.source is not None and default.source not in qf.sources:
            loc: Loc = [*base, "defaults", layer, "source"]
            src.add(loc, unknown(field_path(loc), "source", default.source, list(qf.sources)))


def condition_problems(cond: Condition, questions: dict[str, Question], where: str) -> list[str]:
    """What is wrong with a condition: unknown questions, tests that do not fit the answer type.

    Example:
        >>> from planner.models import Text
        >>> qs = {"n": Question(id="n", text=Text(en="How many?"), type="number")}
        >>> condition_problems(Condition.model_validate({"question": "n", "equals": True}), qs, "applies_if")
        ["applies_if: question 'n' takes a number: compare it with at_least or below"]
    """
    problems = []
    for test in cond.tests():
        q = questions.get(test.question or "")
        if q is None:
            problems.append(unknown(where, "question", test.question or "", list(questions)))
            continue
        if q.type is QuestionType.NUMBER and (test.at_least is None and test.below is None):
            problems.append(f"{where}: question {q.id!r} takes a number: compare it with at_least or below")
        elif q.type is QuestionType.BOOL and not isinstance(test.equals, bool):
            problems.append(
                f"{where}: question {q.id!r} takes true or false: use equals: true or equals: false"
            )
        elif q.type is QuestionType.CHOICE:
            allowed = [c.id for c in q.choices]
            given = test.in_ or ((str(test.equals),) if test.equals is not None else ())
            bad = [v for v in given if v not in allowed]
            if not given or bad:
                problems.append(
                    f"{where}: question {q.id!r} takes one of: {', '.join(allowed)}; "
                    f"{'got ' + ', '.join(map(repr, bad)) if bad else 'use equals or in'}"
                )
    return problems


def check_plan_fields(cat: Catalogue, act: Act, src: SourceFile) -> None:
    """Applicability conditions resolve; nature, effort and lead time are given (warnings)."""
    for i, ob in enumerate(act.obligations):
        base: Loc = ["obligations", i]
        where = f"obligations[{i}]"
        if ob.applies_if is not None:
            for problem in condition_problems(ob.applies_if, cat.questions, f"{where}.applies_if"):
                src.add([*base, "applies_if"], problem)
            if ob.applies_if.source is not None and ob.applies_if.source not in act.sources:
                loc: Loc = [*base, "applies_if", "source"]
                src.add(loc, unknown(field_path(loc), "source", ob.applies_if.source, list(act.sources)))
            if ob.applies_if.article is None:
                src.add(
                    [*base, "applies_if"],
                    f"{where}.applies_if: name the article that sets the condition",
                    REVIEW,
                )
        if (
            ob.recurrence is not None
            and ob.recurrence.source is not None
            and ob.recurrence.source not in act.sources
        ):
            loc = [*base, "recurrence", "source"]
            src.add(loc, unknown(field_path(loc), "source", ob.recurrence.source, list(act.sources)))
        missing = [
            name
            for name, value in (
                ("nature", ob.nature),
                ("effort_days", ob.effort_days),
                ("lead_time_months", ob.lead_time_months),
            )
            if value is None
        ]
        if missing:
            src.add([*base, "id"], f"{where}: obligation {ob.id!r} has no {', '.join(missing)}", REVIEW)
        if ob.effort_days is not None and ob.effort_rationale is None:
            src.add(
                [*base, "effort_days"],
                f"{where}.effort_days: say what the estimate rests on (effort_rationale)",
                REVIEW,
            )
        if (
            ob.nature is Nature.RECURRING
            and ob.recurrence
            and ob.recurrence.first is None
            and cat.due(ob) is None
        ):
            src.add(
                [*base, "recurrence"],
                f"{where}.recurrence: a recurring duty needs a first date or a due date",
            )


WAIVER_HINT = "or, if none can be found yet, record a reviewed primary_source_gap (reason, searched)"


def secondary_severity(waived: bool) -> str:
    """How a fact with only secondary sources is reported: a warning, or a review gap once waived."""
    return REVIEW if waived else "warning"


def check_primary(cat: Catalogue, act: Act, src: SourceFile) -> None:
    """Warn for every fact whose only sources are not primary publishers.

    A fact with a reviewed ``primary_source_gap`` is listed as a review gap instead; a waiver on a
    fact that does cite a primary source is a warning of its own (the waiver is stale).
    """
    for fact in facts(act):
        loc: Loc = list(fact.loc)
        where = field_path(loc[:-1]) if len(loc) > 1 else act.id
        what = f"the identity of act {act.id!r}" if fact.kind == IDENTITY else f"{fact.kind} {fact.id!r}"
        known = [k for k in fact.keys if k in act.sources]
        if cites_primary(cat, act, fact.keys):
            if fact.waiver is not None:
                gap: Loc = [*loc[:-1], "primary_source_gap"]
                src.add(
                    gap,
                    f"{field_path(gap)}: {what} cites a primary source; remove the waiver",
                    "warning",
                )
        elif known:
            waived = f" (waived: searched {fact.waiver.searched})" if fact.waiver else ""
            hint = "" if fact.waiver else f", {WAIVER_HINT}"
            src.add(
                loc,
                f"{where}: {what} rests only on secondary sources ({', '.join(fact.keys)}){waived}; "
                f"cite the law itself (EUR-Lex, wetten.overheid.nl, officielebekendmakingen.nl) or its official owner{hint}",
                secondary_severity(fact.waiver is not None),
            )


def check_binding_dates(cat: Catalogue, act: Act, src: SourceFile) -> None:
    """Warn when a decentral duty under a directive is due on the transposition deadline.

    A directive binds the member state; a province, water board or municipality is bound by the
    Dutch act that transposes it, from that act's commencement.
    """
    if act.kind is not ActKind.DIRECTIVE:
        return
    for i, ob in enumerate(act.obligations):
        milestone = act.milestone(ob.milestone) if ob.milestone else None
        if milestone is None or milestone.kind is not MilestoneKind.TRANSPOSITION:
            continue
        decentral = sorted(lid for lid, role in ob.roles.items() if role in PLANNED_ROLES and lid != "rijk")
        if decentral:
            src.add(
                ["obligations", i, "milestone"],
                f"obligations[{i}].milestone: {ob.id!r} is due on the transposition deadline "
                f"{milestone.date}, which binds the member state, not {', '.join(decentral)}; "
                "follow the commencement of the Dutch act that binds them",
                "warning",
            )


def check_signature_dates(act: Act, src: SourceFile) -> None:
    """List, for review, a duty due on its act's signature: an act binds from its commencement.

    A signature (or adoption) date is when the act was made; its duties apply from entry into
    force or application, which is often months later and sometimes set by a separate decree.
    """
    for i, ob in enumerate(act.obligations):
        milestone = act.milestone(ob.milestone) if ob.milestone else None
        if milestone is not None and milestone.kind is MilestoneKind.SIGNATURE:
            src.add(
                ["obligations", i, "milestone"],
                f"obligations[{i}].milestone: {ob.id!r} is due on the signature of the act "
                f"({milestone.date}); a duty binds from the act's commencement or application: "
                "follow that milestone",
                REVIEW,
            )
