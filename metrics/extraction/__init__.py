"""ZoneScope extraction engine: quantitative indicators (targets and
achievements) of high-tech zones from news articles. Pure Python, no Django.

    from metrics.extraction import extract
    result = extract(text, published=date(2024, 2, 1))
"""
from .defaults import catalogue as default_catalogue
from .defaults import gazetteer as default_gazetteer
from .indicator import ExtractedIndicator, ExtractionResult, ZoneFound
from .metadata import ArticleMetadata
from .metric import MetricCatalogue, MetricEntry
from .periods import period_bounds, resolve_period
from .pipeline import extract
from .units import to_base
from .zones import ZoneGazetteer, ZoneRecord, load_registry_csv

__all__ = [
    "ArticleMetadata", "ExtractedIndicator", "ExtractionResult", "MetricCatalogue", "MetricEntry",
    "ZoneFound", "ZoneGazetteer", "ZoneRecord", "default_catalogue", "default_gazetteer", "extract",
    "load_registry_csv", "period_bounds", "resolve_period", "to_base",
]
