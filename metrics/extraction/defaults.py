"""The project's own registry and catalogue, loaded once on first use."""
from __future__ import annotations

from functools import lru_cache
from pathlib import Path

from .metric import MetricCatalogue
from .zones import ZoneGazetteer

PROJECT_ROOT = Path(__file__).resolve().parents[2]
ZONE_CSVS = (PROJECT_ROOT / "zones" / "data" / "national_hitech_zones.csv",
             PROJECT_ROOT / "zones" / "data" / "other_zones.csv")
METRIC_CSV = PROJECT_ROOT / "metrics" / "data" / "metrics.csv"


@lru_cache(maxsize=1)
def gazetteer() -> ZoneGazetteer:
    return ZoneGazetteer.from_csv([p for p in ZONE_CSVS if p.exists()])


@lru_cache(maxsize=1)
def catalogue() -> MetricCatalogue:
    return MetricCatalogue.from_csv(METRIC_CSV)
