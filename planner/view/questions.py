"""The profile questions a plan rests on: the answer used, where it came from, what it switched off.

A board that adopts a plan should see every answer that shaped it: the organisation's own, or the
layer's default (an assumption, with its rationale), the article that makes the question matter,
and the duties the answer made not applicable. The workbook's questions sheet reads these records.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from planner.models.conditions import cited
from planner.roadmap import ALL
from planner.schedule import Status

if TYPE_CHECKING:
    from planner.models import Answer, Question
    from planner.roadmap import PlanContext


@dataclass(frozen=True)
class QuestionUse:
    """One profile question as the plan of one layer's organisation used it."""

    id: str
    layer: str
    text: str
    """The question in the view's language."""
    answer: str
    """The answer used, in words ("" when there is none: the question has no default for the layer)."""
    answered: bool
    """Whether the organisation answered it itself (False: the layer's default, an assumption)."""
    rationale: str
    """Why the default is the typical answer (also shown when the organisation answered)."""
    article: str
    """The provision that makes the answer matter."""
    switches_off: tuple[str, ...]
    """The obligations this answer makes not applicable, sorted."""


def answer_words(question: Question, answer: Answer | None, lang: str) -> str:
    """An answer in words: yes/no, the choice's text, or the number as the language writes it.

    Example:
        >>> from planner.models import Question, Text
        >>> many = Question(id="n", text=Text(en="How many?"), type="number")
        >>> answer_words(many, 60000.0, "en"), answer_words(many, 60000.0, "nl")
        ('60,000', '60.000')
    """
    from planner.i18n import format_number, gettext

    if answer is None:
        return ""
    if isinstance(answer, bool):
        return gettext(lang, "plan", "yes" if answer else "no")
    if question.choices:
        return next((c.text.get(lang) for c in question.choices if c.id == answer), str(answer))
    return format_number(answer, lang) if isinstance(answer, float) else str(answer)


def question_uses(ctx: PlanContext, layer: str, lang: str) -> tuple[QuestionUse, ...]:
    """Every question that has an answer for the view's layers, by layer then in catalogue order.

    A question switches an obligation off when the obligation is not applicable because of its
    ``applies_if`` (not by hand) and that condition reads the question.
    """
    cat, plan = ctx.catalogue, ctx.plan
    off: dict[tuple[str, str], list[str]] = {}
    for item in plan.items.values():
        ob = cat.obligations[item.obligation]
        if item.status != Status.NOT_APPLICABLE or ob.applies_if is None or item.state == "not-applicable":
            continue
        for qid in dict.fromkeys(ob.applies_if.questions()):
            off.setdefault((qid, item.layer), []).append(item.obligation)
    out: list[QuestionUse] = []
    for lid, profile in sorted(plan.profiles.items()):
        if layer not in (ALL, lid):
            continue
        for qid, question in cat.questions.items():
            default = question.defaults.get(lid)
            if default is None and qid not in profile.answers:
                continue
            out.append(
                QuestionUse(
                    id=qid,
                    layer=lid,
                    text=question.text.get(lang),
                    answer=answer_words(question, profile.answers.get(qid), lang),
                    answered=qid in profile.answers and qid not in profile.assumed,
                    rationale=default.rationale.get(lang) if default else "",
                    article=cited(question.article, lang),
                    switches_off=tuple(sorted(off.get((qid, lid), []))),
                )
            )
    return tuple(out)
