"""The engine's results: indicators (GUIDE.md records with offsets) and what
was found about the article."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from .frame import DocumentFrame
from .metadata import ArticleMetadata


@dataclass(frozen=True)
class ExtractedIndicator:
    zone: str
    zone_registered: bool
    scope: str
    metric: str
    metric_code: str | None
    value: float
    unit: str
    base_value: float | None
    base_unit: str | None
    kind: str
    stance: str
    period: str | None
    period_start: dt.date | None
    period_end: dt.date | None
    qualifier: str | None
    quote: str
    start: int
    end: int
    derived: bool = False

    def to_json(self, doc: str) -> dict:
        """The GUIDE.md record, plus metric_code, base value, period bounds,
        zone_registered, quote offsets and derived (JSON-ready)."""
        record = {
            "doc": doc,
            "zone": self.zone,
            "scope": self.scope,
            "metric": self.metric,
            "value": self.value,
            "unit": self.unit,
            "kind": self.kind,
            "stance": self.stance,
            "period": self.period,
            "qualifier": self.qualifier,
            "quote": self.quote,
        }
        record.update(
            metric_code=self.metric_code,
            base_value=self.base_value,
            base_unit=self.base_unit,
            period_start=self.period_start.isoformat() if self.period_start else None,
            period_end=self.period_end.isoformat() if self.period_end else None,
            zone_registered=self.zone_registered,
            start=self.start,
            end=self.end,
            derived=self.derived,
        )
        return record


@dataclass(frozen=True)
class ZoneFound:
    name: str
    registered: bool


@dataclass(frozen=True)
class ExtractionResult:
    metadata: ArticleMetadata
    text: str  # the normalised text (simplified script, boilerplate kept) the figures were read from
    zones: list[ZoneFound] = field(default_factory=list)
    indicators: list[ExtractedIndicator] = field(default_factory=list)
    frame: DocumentFrame = field(default_factory=DocumentFrame)

    def to_json(self, doc: str) -> list[dict]:
        return [indicator.to_json(doc) for indicator in self.indicators]
