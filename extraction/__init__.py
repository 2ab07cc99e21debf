"""ZoneScope extraction engine: quantitative indicators (targets and achievements) of high-tech
zones from news articles. Pure Python, no Django: callers hand it the zone registry and the metric
catalogue.

    from extraction import MetricCatalogue, ZoneGazetteer, extract
    result = extract(text, gazetteer=ZoneGazetteer.from_records(zones),
                     catalogue=MetricCatalogue.from_records(metrics), published=date(2024, 2, 1))
"""

from .frame import DocumentFrame
from .indicator import ExtractedIndicator, ExtractionResult, ZoneFound
from .metadata import ArticleMetadata
from .metric import MetricCatalogue, MetricEntry
from .periods import period_bounds, resolve_period
from .pipeline import extract
from .units import to_base
from .zones import ZoneGazetteer, ZoneRecord

__all__ = [
    "ArticleMetadata",
    "DocumentFrame",
    "ExtractedIndicator",
    "ExtractionResult",
    "MetricCatalogue",
    "MetricEntry",
    "ZoneFound",
    "ZoneGazetteer",
    "ZoneRecord",
    "extract",
    "period_bounds",
    "resolve_period",
    "to_base",
]
