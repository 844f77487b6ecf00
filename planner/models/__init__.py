"""The catalogue data model: pydantic v2 models for every file the planner reads.

These models are the single definition of the catalogue format. They are strict
(`extra="forbid"`: a misspelt key is an error, not silence) and frozen. Cross-file checks
(references, cycles) live in :mod:`planner.checks`; this package imports nothing of ours.

- :mod:`~planner.models.base`: identifiers, dates, texts, sources and the shared enums;
- :mod:`~planner.models.conditions`: profile questions and applicability conditions;
- :mod:`~planner.models.acts`: layers, themes, acts, milestones, obligations, scenarios;
- :mod:`~planner.models.relations`: relations as typed records (:class:`RelationEdge`);
- :mod:`~planner.models.files`: whole files (layers, themes, questions, progress).
"""

from planner.models.acts import (
    Act,
    Amendment,
    Change,
    Disputed,
    HistoryEntry,
    Layer,
    Milestone,
    Nature,
    Obligation,
    Overlap,
    Period,
    Recurrence,
    Relation,
    Scenario,
    Theme,
    Transposition,
)
from planner.models.base import (
    ID_MAX_LENGTH,
    ID_PATTERN,
    OBLIGATION_ID_MAX_LENGTH,
    OBLIGATION_ID_PATTERN,
    PLANNED_ROLES,
    ActKind,
    Date,
    Degree,
    Id,
    MilestoneKind,
    Model,
    ObligationId,
    RelationKind,
    Role,
    Source,
    Status,
    Str,
    Text,
)
from planner.models.conditions import (
    Answer,
    Choice,
    Citation,
    Condition,
    Question,
    QuestionDefault,
    QuestionsFile,
    QuestionType,
    cited,
)
from planner.models.files import (
    LayersFile,
    PrimaryHost,
    PrimarySourcesFile,
    Progress,
    ProgressEntry,
    ThemesFile,
)
from planner.models.relations import RelationEdge, relations_of

__all__ = [
    "ID_MAX_LENGTH",
    "ID_PATTERN",
    "OBLIGATION_ID_MAX_LENGTH",
    "OBLIGATION_ID_PATTERN",
    "PLANNED_ROLES",
    "Act",
    "ActKind",
    "Amendment",
    "Answer",
    "Change",
    "Choice",
    "Citation",
    "Condition",
    "Date",
    "Degree",
    "Disputed",
    "HistoryEntry",
    "Id",
    "Layer",
    "LayersFile",
    "Milestone",
    "MilestoneKind",
    "Model",
    "Nature",
    "Obligation",
    "ObligationId",
    "Overlap",
    "Period",
    "PrimaryHost",
    "PrimarySourcesFile",
    "Progress",
    "ProgressEntry",
    "Question",
    "QuestionDefault",
    "QuestionType",
    "QuestionsFile",
    "Recurrence",
    "Relation",
    "RelationEdge",
    "RelationKind",
    "Role",
    "Scenario",
    "Source",
    "Status",
    "Str",
    "Text",
    "Theme",
    "ThemesFile",
    "Transposition",
    "cited",
    "relations_of",
]
