"""Collective arrangements (``collectives.yaml``): provided once, for many organisations.

After OSCAL's leveraged authorisations: a provider (VNG's IBD, Logius, a ministry) delivers part
of an obligation once (``provided``); what each organisation must still do itself is the
``remaining`` part, with the share of the effort it keeps (0 = nothing left, 1 = all of it).

```yaml
collectives:
  - id: ibd-csirt
    provider: Informatiebeveiligingsdienst (IBD), VNG
    title: {nl: IBD als CSIRT voor gemeenten, en: IBD as CSIRT for municipalities}
    layers: [gemeenten]
    default_for: [gemeenten]
    status: exists
    covers:
      - obligation: nis2.incident-reporting
        provided: {en: Threat alerts and help with incidents}
        remaining: {share: 0.7, text: {en: Detect, handle and report your own incidents}}
    sources: [ibd]
```

This module imports only :mod:`planner.models`.
"""

from __future__ import annotations

from enum import StrEnum

from pydantic import Field, model_validator

from planner.dates import add_months
from planner.models import Date, Id, Model, ObligationId, PrimarySourceGap, Source, Str, Text


class DeliveryStatus(StrEnum):
    """Where a collective arrangement stands."""

    EXISTS = "exists"
    PLANNED = "planned"
    PROPOSED = "proposed"


class Remaining(Model):
    """What is left to each organisation that uses the arrangement."""

    share: float = Field(
        ge=0, le=1, description="Share of the obligation's effort each organisation keeps: 0 to 1."
    )
    text: Text = Field(description="What each organisation still does itself.")


class Coverage(Model):
    """One obligation an arrangement covers, split into the provided and the remaining part."""

    obligation: ObligationId
    provided: Text = Field(description="What the provider does once for everyone.")
    remaining: Remaining
    rationale: Text | None = Field(None, description="What the share rests on (an estimate says so).")


class Collective(Model):
    """A facility or arrangement one provider delivers once for many organisations."""

    id: Id
    provider: Str = Field(description="Who provides it, e.g. 'Logius (BZK)'.")
    title: Text
    description: Text | None = None
    layers: tuple[Id, ...] = Field(min_length=1, description="The layers whose organisations can use it.")
    default_for: tuple[Id, ...] = Field(
        (), description="Layers whose organisations use it unless their file says otherwise."
    )
    status: DeliveryStatus
    delivery: Date | None = Field(
        None,
        description="exists: when it became available; planned: when it is expected (required).",
    )
    delivery_confirmed: bool = Field(
        True, description="false: the date is not confirmed by the provider (say why in delivery_note)."
    )
    delivery_note: Text | None = Field(None, description="What the delivery date rests on.")
    delivery_source: Id | None = Field(None, description="Key of the source of the delivery date.")
    delivers: tuple[ObligationId, ...] = Field(
        (),
        description="Facility obligations (a layer's 'provider' duty) this arrangement is the delivery of.",
    )
    covers: tuple[Coverage, ...] = ()
    sources: tuple[Id, ...] = ()
    primary_source_gap: PrimarySourceGap | None = Field(
        None,
        description="A reviewed waiver: no provider's or ministry's own page found yet (reason, date searched).",
    )
    note: Text | None = None

    @model_validator(mode="after")
    def _shape(self) -> Collective:
        if self.status is DeliveryStatus.PLANNED and self.delivery is None:
            raise ValueError("a 'planned' collective needs its expected 'delivery' date")
        extra = sorted(set(self.default_for) - set(self.layers))
        if extra:
            raise ValueError(f"default_for names {', '.join(extra)}, which is not in 'layers'")
        if not self.covers and not self.delivers:
            raise ValueError(
                "a collective covers at least one obligation ('covers') or delivers one ('delivers')"
            )
        return self

    def delayed(self, months: int) -> Collective:
        """A copy delivered `months` later (a scenario), its date no longer confirmed.

        One without a delivery date is returned unchanged.
        """
        if self.delivery is None:
            return self
        return self.model_copy(
            update={"delivery": add_months(self.delivery, months), "delivery_confirmed": False}
        )

    def coverage(self, obligation: str) -> Coverage | None:
        """What this arrangement covers of `obligation`, if it covers it."""
        return next((c for c in self.covers if c.obligation == obligation), None)


class CollectivesFile(Model):
    """``collectives.yaml``: the collective arrangements and the sources they rest on."""

    sources: dict[Id, Source] = Field(default_factory=dict)
    collectives: tuple[Collective, ...] = ()
