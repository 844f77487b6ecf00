"""The organisation file (contract): answers, capacity and a state per obligation.

```yaml
organisation: Gemeente Voorbeeld
layer: gemeenten
answers: {high-risk-ai-deployer: false, inhabitants: 60000}
capacity: 120          # person-days per quarter for this work
status:                # per obligation; absent = not assessed
  gdpr.dpo: {state: in-place, since: 2018-05-25}
  nis2.risk-management: {state: in-progress, percent: 40}
  ai-act.fria: {state: deferred, until: 2027-06-30, decision: "B&W 2026-11-12"}
```
"""

from __future__ import annotations

from enum import StrEnum

from pydantic import Field, model_validator

from planner.models import Answer, Date, Id, Model, ObligationId, Str


class State(StrEnum):
    """Where an organisation stands on one obligation."""

    NOT_STARTED = "not-started"
    IN_PROGRESS = "in-progress"
    IN_PLACE = "in-place"
    DONE = "done"
    NOT_APPLICABLE = "not-applicable"
    DEFERRED = "deferred"


SETTLED_STATES = frozenset({State.IN_PLACE, State.DONE, State.NOT_APPLICABLE})
"""States that take an obligation off the plan."""


STATE_FIELDS: dict[State, frozenset[str]] = {
    State.NOT_STARTED: frozenset(),
    State.IN_PROGRESS: frozenset({"percent"}),
    State.IN_PLACE: frozenset({"since"}),
    State.DONE: frozenset({"since"}),
    State.NOT_APPLICABLE: frozenset({"reason"}),
    State.DEFERRED: frozenset({"until", "decision"}),
}
"""The fields each state takes (besides `note`, which every state may have)."""

REQUIRED_FIELDS: dict[State, frozenset[str]] = {
    State.NOT_APPLICABLE: frozenset({"reason"}),
    State.DEFERRED: frozenset({"until", "decision"}),
}
"""The fields a state cannot do without."""


class StateEntry(Model):
    """One obligation's state, with what the state needs (since, percent, reason, until)."""

    state: State
    since: Date | None = Field(None, description="in-place or done: since when.")
    percent: int | None = Field(None, ge=0, le=100, description="in-progress: how far, 0 to 100.")
    reason: Str | None = Field(None, description="not-applicable: why it does not apply.")
    until: Date | None = Field(None, description="deferred: until when.")
    decision: Str | None = Field(None, description="deferred: the decision that deferred it.")
    note: Str | None = None

    @model_validator(mode="after")
    def _fields_of_state(self) -> StateEntry:
        allowed = STATE_FIELDS[self.state]
        given = {
            f for f in ("since", "percent", "reason", "until", "decision") if getattr(self, f) is not None
        }
        extra = sorted(given - allowed)
        if extra:
            raise ValueError(f"state {self.state.value!r} takes no {', '.join(extra)}")
        if self.state is State.NOT_APPLICABLE and not self.reason:
            raise ValueError("state 'not-applicable' needs a 'reason'")
        if self.state is State.DEFERRED and (self.until is None or not self.decision):
            raise ValueError("state 'deferred' needs 'until' (a date) and 'decision'")
        return self


class OrganisationFile(Model):
    """One organisation's file (contract; see DESIGN.md)."""

    organisation: Str = Field(description="The organisation's name, printed on every output.")
    layer: Id
    answers: dict[Id, Answer] = Field(default_factory=dict, description="Answers to the profile questions.")
    capacity: float | None = Field(
        None, gt=0, allow_inf_nan=False, description="Person-days per quarter for this work."
    )
    collectives: tuple[Id, ...] | dict[Id, bool] = Field(
        default_factory=dict,
        description="Collective arrangements (collectives.yaml) used: a list of ids (exactly these), "
        "or per id true (used) or false (not used) over the layer's defaults. Absent: the defaults.",
    )
    status: dict[ObligationId, StateEntry] = Field(
        default_factory=dict,
        description="Per obligation its state; an obligation not listed is not assessed.",
    )
