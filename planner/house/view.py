"""The house view: the shared foundations, what they save the whole house, and its decisions.

After DESIGN.md "The house plan": the layers share one foundation, so the plan for the whole
house shows first what is built once for many (facilities and collective arrangements), in order
of delivery, with who provides it and who uses it; then the person-days the house spends with
and without each arrangement, as sums a reader can check (organisations × effort × share);
then *candidate* arrangements (the same work done separately by many organisations, with none
yet); and last the decisions for the residents' meeting: conflicting duties, work blocked by
another layer or a provider, providers whose date is late or unconfirmed.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from planner.house.model import Collective, DeliveryStatus
from planner.house.use import covering, used_collectives
from planner.models import PLANNED_ROLES, RelationKind, Role
from planner.schedule import DEFAULT_EFFORT
from planner.schedule.periods import period_index

if TYPE_CHECKING:
    from planner.house.impact import LayerShift
    from planner.roadmap import PlanContext

CANDIDATE_SHARE = 0.5
"""Assumption: a shared solution built once takes half of each organisation's work off its hands.

No catalogue figure says what an arrangement that does not exist yet would provide; half is the
middle of what the existing ones provide (remaining shares of 0.25 to 0.8), so candidates are
ranked by a comparable figure. The ranking, not the figure, is the point."""
CANDIDATES = 15
"""How many candidate arrangements the house view lists."""


@dataclass(frozen=True)
class Use:
    """One layer's organisations that use an arrangement by default."""

    layer: str
    organisations: int


@dataclass(frozen=True)
class Saving:
    """What an arrangement saves on one obligation in one layer: organisations × effort × share."""

    obligation: str
    layer: str
    organisations: int
    effort: float
    provided: float
    """The share of the effort the provider takes over (1 − the remaining share)."""

    @property
    def days(self) -> float:
        """The person-days saved."""
        return self.organisations * self.effort * self.provided


@dataclass(frozen=True)
class Foundation:
    """A facility or collective arrangement, built once for many."""

    collective: Collective
    stage: str | None
    """The stage of delivery (None: exists, or no date)."""
    users: tuple[Use, ...]
    savings: tuple[Saving, ...]

    @property
    def days_saved(self) -> float:
        return sum(s.days for s in self.savings)


@dataclass(frozen=True)
class Candidate:
    """Work many organisations do separately that no arrangement covers yet."""

    obligation: str
    users: tuple[Use, ...]
    effort: float

    @property
    def organisations(self) -> int:
        return sum(u.organisations for u in self.users)

    @property
    def days_separate(self) -> float:
        """Person-days when every organisation does it alone."""
        return self.organisations * self.effort

    @property
    def days_saved(self) -> float:
        """Person-days one shared solution would save (see :data:`CANDIDATE_SHARE`)."""
        return max(0, self.organisations - 1) * self.effort * CANDIDATE_SHARE


@dataclass(frozen=True)
class Decision:
    """Something for the residents' meeting: ``conflict``, ``blocked`` or ``provider``."""

    kind: str
    subject: str
    other: str | None
    layer: str | None
    text: str


@dataclass(frozen=True)
class HouseView:
    """The plan for the whole house."""

    as_of: str
    scenario: str | None
    foundations: tuple[Foundation, ...]
    days_without: float
    """Person-days of the whole house if every organisation did all its duties alone."""
    days_with: float
    """Person-days with the arrangements each layer uses by default."""
    candidates: tuple[Candidate, ...]
    decisions: tuple[Decision, ...]
    impact: tuple[LayerShift, ...] = ()
    """With a scenario: per layer what it moves or changes against the catalogue as adopted."""


def organisations(ctx: PlanContext, layer: str, role: Role) -> int:
    """How many organisations of `layer` do a duty: all of them, or one for a facility it provides."""
    return 1 if role is Role.PROVIDER else ctx.catalogue.layers[layer].organisations


def _effort(ctx: PlanContext, oid: str) -> float:
    return float(ctx.catalogue.obligations[oid].effort_estimate or DEFAULT_EFFORT)


def _applies(ctx: PlanContext, oid: str, layer: str) -> bool:
    item = ctx.plan.items.get((oid, layer))
    return item is not None and item.status != "not-applicable"


def _stage(ctx: PlanContext, coll: Collective) -> str | None:
    if coll.status is DeliveryStatus.EXISTS or coll.delivery is None:
        return None
    plan = ctx.plan
    index = period_index(coll.delivery, plan.stage_size) - plan.first
    return plan.stage_id(max(0, index))


def foundation(ctx: PlanContext, coll: Collective) -> Foundation:
    """One arrangement: its delivery stage, the layers that use it and what it saves them."""
    cat = ctx.catalogue
    users = tuple(Use(lid, cat.layers[lid].organisations) for lid in coll.default_for if lid in cat.layers)
    savings = tuple(
        Saving(
            cov.obligation,
            use.layer,
            use.organisations,
            _effort(ctx, cov.obligation),
            1 - cov.remaining.share,
        )
        for cov in coll.covers
        for use in users
        if _applies(ctx, cov.obligation, use.layer)
    )
    return Foundation(coll, _stage(ctx, coll), users, savings)


def house_view(ctx: PlanContext, impact: tuple[LayerShift, ...] = ()) -> HouseView:
    """The house view of a plan (made for the layers' typical organisations); with a scenario,
    `impact` says per layer what it changes (:func:`planner.house.impact.scenario_impact`).

    Example:
        >>> import datetime as dt
        >>> from pathlib import Path
        >>> from planner import api
        >>> view = house_view(api.plan(api.load(Path("tests/data/house/catalogue")), dt.date(2026, 12, 1)))
        >>> view.days_without - view.days_with == sum(f.days_saved for f in view.foundations)
        True
    """
    cat = ctx.catalogue
    order = {DeliveryStatus.EXISTS: 0, DeliveryStatus.PLANNED: 1, DeliveryStatus.PROPOSED: 2}
    ordered = sorted(
        cat.collectives.values(), key=lambda c: (order[c.status], c.delivery is None, c.delivery or "", c.id)
    )
    foundations = tuple(foundation(ctx, c) for c in ordered)
    without = with_ = 0.0
    uncovered: dict[str, list[Use]] = {}
    for oid, ob in cat.obligations.items():
        for lid, role in ob.roles.items():
            if role not in PLANNED_ROLES or lid not in cat.layers or not _applies(ctx, oid, lid):
                continue
            orgs = organisations(ctx, lid, role)
            used = covering(used_collectives(cat, lid), oid)
            share = min((cov.remaining.share for _, cov in used), default=1.0)
            without += orgs * _effort(ctx, oid)
            with_ += orgs * _effort(ctx, oid) * share
            if not covering(cat.collectives.values(), oid) and not any(
                oid in c.delivers for c in cat.collectives.values()
            ):
                uncovered.setdefault(oid, []).append(Use(lid, orgs))
    candidates = sorted(
        (Candidate(oid, tuple(users), _effort(ctx, oid)) for oid, users in uncovered.items()),
        key=lambda c: (-c.days_saved, c.obligation),
    )
    # the with-figure counts the smallest remaining share where two arrangements overlap, so the
    # foundations' savings add up to the difference only when none overlap; say the sum as computed
    return HouseView(
        ctx.plan.as_of.isoformat(),
        ctx.plan.scenario,
        foundations,
        without,
        with_,
        tuple(c for c in candidates if c.organisations > 1)[:CANDIDATES],
        _decisions(ctx),
        impact,
    )


def _decisions(ctx: PlanContext) -> tuple[Decision, ...]:
    cat, plan = ctx.catalogue, ctx.plan
    out: list[Decision] = []
    for rel in cat.relations:
        if rel.kind is RelationKind.CONFLICTS:
            out.append(Decision("conflict", rel.source, rel.target, None, rel.rationale.get("en")))
    for (oid, lid), item in sorted(plan.items.items()):
        if item.status == "blocked":
            others = sorted(
                {w[2] for w in item.waits_on if w[2] != lid} | ({item.provider} if item.provider else set())
            )
            out.append(Decision("blocked", oid, ", ".join(others) or None, lid, str(item.reasons[-1])))
    for coll in cat.collectives.values():
        if coll.status is not DeliveryStatus.EXISTS and (
            not coll.delivery_confirmed or coll.delivery is None
        ):
            note = coll.delivery_note.get("en") if coll.delivery_note else ""
            out.append(Decision("provider", coll.id, coll.provider, None, note))
    return tuple(out)
