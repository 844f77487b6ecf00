"""Profile questions and the conditions over their answers that decide applicability.

A catalogue may hold profile questions (``questions.yaml``): what an organisation must answer so
the planner knows which duties apply to it (does it deploy high-risk AI? how many inhabitants?).
An obligation's ``applies_if`` is a small condition over those answers. This module holds the
models and the evaluation; it imports nothing of ours except the base models.
"""

from __future__ import annotations

import math
from collections.abc import Iterator, Mapping
from enum import StrEnum
from typing import Any

from pydantic import Field, model_validator

from planner.models.base import Id, Model, Source, Str, Text

Answer = bool | int | float | str
"""One answer: a yes/no, a number or the id of a choice."""

Citation = Str | Text
"""The provision an answer or a condition rests on: one text for both languages (``Art. 6(1)``),
or ``{en: ..., nl: ...}`` when it says more than a number (``Art. 2 (definition of ...)``)."""


def cited(citation: Citation | None, lang: str) -> str:
    """A citation in `lang` (the one text, or its text in that language); empty when absent.

    Example:
        >>> cited(Text(en="Art. 2 (definitions)", nl="art. 2 (definities)"), "nl"), cited("Art. 6(1)", "nl")
        ('art. 2 (definities)', 'Art. 6(1)')
    """
    if citation is None:
        return ""
    return citation if isinstance(citation, str) else citation.get(lang)


class QuestionType(StrEnum):
    """What kind of answer a question takes."""

    BOOL = "bool"
    CHOICE = "choice"
    NUMBER = "number"


class Choice(Model):
    """One allowed answer of a `choice` question."""

    id: Id
    text: Text


class QuestionDefault(Model):
    """The answer assumed for a layer's organisations until they answer themselves.

    A default is always an assumption: its rationale says what it rests on.
    """

    answer: Answer
    rationale: Text = Field(description="Why this is the typical answer for the layer (an assumption).")
    source: Id | None = Field(None, description="Where the typical answer is documented, if anywhere.")


class Question(Model):
    """A question whose answer decides whether duties apply to an organisation."""

    id: Id
    text: Text
    help: Text | None = Field(None, description="What counts, in the words of the law.")
    type: QuestionType
    choices: tuple[Choice, ...] = ()
    unit: Text | None = Field(None, description="The unit of a number (inhabitants, FTE).")
    act: Id | None = Field(None, description="The act whose article makes the question matter.")
    article: Citation | None = Field(
        None, description="The article that makes the answer matter (one text, or per language)."
    )
    source: Id | None = None
    defaults: dict[Id, QuestionDefault] = Field(default_factory=dict, description="Per layer id.")

    @model_validator(mode="after")
    def _shape(self) -> Question:
        if (self.type is QuestionType.CHOICE) != bool(self.choices):
            raise ValueError("'choices' is given for, and only for, a question of type 'choice'")
        for layer, default in self.defaults.items():
            problem = self.invalid(default.answer)
            if problem:
                raise ValueError(f"defaults.{layer}.answer: {problem}")
        return self

    def invalid(self, answer: Any) -> str | None:
        """Why `answer` is not a valid answer to this question, or None when it is.

        Example:
            >>> q = Question(id="n", text=Text(en="How many?"), type="number")
            >>> q.invalid("many")
            "'many' is not a number"
            >>> q.invalid(12) is None
            True
        """
        if self.type is QuestionType.BOOL:
            return None if isinstance(answer, bool) else f"{answer!r} is not true or false"
        if self.type is QuestionType.NUMBER:
            ok = isinstance(answer, int | float) and not isinstance(answer, bool) and math.isfinite(answer)
            return None if ok else f"{answer!r} is not a number"
        ids = [c.id for c in self.choices]
        return None if answer in ids else f"{answer!r} is not one of: {', '.join(ids)}"


class QuestionsFile(Model):
    """`questions.yaml`: the profile questions of the catalogue."""

    sources: dict[Id, Source] = Field(default_factory=dict)
    questions: tuple[Question, ...] = ()


class Condition(Model):
    """A condition over answers: a comparison on one question, or all/any/not of conditions.

    Written in YAML as, for instance, ``{question: inhabitants, at_least: 100000}``,
    ``{question: high-risk-ai-deployer, equals: true}`` or ``{any: [{...}, {...}]}``.
    The top-level condition names the article (and source) that sets it.
    """

    question: Id | None = None
    equals: Answer | None = None
    in_: tuple[Str, ...] | None = Field(None, alias="in")
    at_least: float | None = None
    below: float | None = None
    all: tuple[Condition, ...] | None = None
    any: tuple[Condition, ...] | None = None
    not_: Condition | None = Field(None, alias="not")
    article: Citation | None = Field(
        None, description="The provision that makes the duty conditional (one text, or per language)."
    )
    source: Id | None = None

    @model_validator(mode="after")
    def _one_form(self) -> Condition:
        tests = [x for x in (self.equals, self.in_, self.at_least, self.below) if x is not None]
        groups = [x for x in (self.all, self.any, self.not_) if x is not None]
        if self.question is not None:
            if groups or len(tests) != 1:
                raise ValueError("a question condition gives exactly one of: equals, in, at_least, below")
        elif len(groups) != 1 or tests:
            raise ValueError("a condition is either a 'question' test or one of: all, any, not")
        return self

    def questions(self) -> Iterator[str]:
        """Every question id the condition reads, depth first."""
        if self.question is not None:
            yield self.question
        for child in (*(self.all or ()), *(self.any or ()), *((self.not_,) if self.not_ else ())):
            yield from child.questions()

    def tests(self) -> Iterator[Condition]:
        """Every question test in the condition, depth first."""
        if self.question is not None:
            yield self
        for child in (*(self.all or ()), *(self.any or ()), *((self.not_,) if self.not_ else ())):
            yield from child.tests()

    def holds(self, answers: Mapping[str, Answer]) -> bool | None:
        """Whether the condition holds for `answers`; None when an answer it needs is missing.

        Example:
            >>> c = Condition.model_validate({"question": "inhabitants", "at_least": 100000})
            >>> c.holds({"inhabitants": 60000}), c.holds({"inhabitants": 150000}), c.holds({})
            (False, True, None)
        """
        if self.question is not None:
            return self._test(answers.get(self.question))
        if self.not_ is not None:
            inner = self.not_.holds(answers)
            return None if inner is None else not inner
        results = [c.holds(answers) for c in (self.all or self.any or ())]
        if self.all is not None:
            return False if False in results else (None if None in results else True)
        return True if True in results else (None if None in results else False)

    def _test(self, answer: Answer | None) -> bool | None:
        if answer is None:
            return None
        if self.equals is not None:
            return answer == self.equals
        if self.in_ is not None:
            return str(answer) in self.in_
        if isinstance(answer, bool) or not isinstance(answer, int | float):
            return False
        if self.at_least is not None:
            return answer >= self.at_least
        return answer < (self.below or 0)


Condition.model_rebuild()
