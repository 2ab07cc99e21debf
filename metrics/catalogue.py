"""The metric catalogue shipped with the project (metrics/data/metrics.csv, from the shared data)."""

from pathlib import Path

from django.db import transaction

from extraction.reference import read_metric_rows
from metrics.models import Metric

CATALOGUE_FILE = Path(__file__).resolve().parent / "data" / "metrics.csv"


CATALOGUE_FIELDS = ("code", "name_zh", "name_en", "unit", "family", "synonyms", "direction")


def read_catalogue(path=CATALOGUE_FILE) -> list[dict]:
    """The catalogue's rows; a metric without a direction is better higher."""
    rows = []
    for row in read_metric_rows(path):
        entry = {key: row[key] for key in CATALOGUE_FIELDS if key != "direction"}
        entry["direction"] = row.get("direction") or Metric.Direction.HIGHER
        rows.append(entry)
    return rows


@transaction.atomic
def load_catalogue(path=CATALOGUE_FILE) -> tuple[int, int]:
    """Create the catalogue's metrics; on later runs add new synonyms but keep editors' additions."""
    created = updated = 0
    for row in read_catalogue(path):
        synonyms = row.pop("synonyms")
        metric, was_created = Metric.objects.get_or_create(
            code=row["code"], defaults={**row, "synonyms": synonyms}
        )
        if was_created:
            created += 1
            continue
        merged = list(dict.fromkeys([*metric.synonyms, *synonyms]))
        if merged != metric.synonyms or any(getattr(metric, k) != v for k, v in row.items()):
            for key, value in row.items():
                setattr(metric, key, value)
            metric.synonyms = merged
            metric.save()
            updated += 1
    return created, updated
