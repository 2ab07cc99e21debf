"""The metric catalogue shipped with the project (metrics/data/metrics.csv, from the shared reference data)."""
import csv
from pathlib import Path

from django.db import transaction

from metrics.models import Metric

CATALOGUE_FILE = Path(__file__).resolve().parent / "data" / "metrics.csv"


def read_catalogue(path=CATALOGUE_FILE) -> list[dict]:
    with open(path, encoding="utf-8", newline="") as handle:
        return [
            {
                "code": row["code"].strip(),
                "name_zh": row["name_zh"].strip(),
                "name_en": row["name_en"].strip(),
                "unit": row["unit"].strip(),
                "family": row["family"].strip(),
                "synonyms": [s.strip() for s in row["synonyms"].split("|") if s.strip()],
            }
            for row in csv.DictReader(handle)
        ]


@transaction.atomic
def load_catalogue(path=CATALOGUE_FILE) -> tuple[int, int]:
    """Create the catalogue's metrics; on later runs add new synonyms but keep editors' additions."""
    created = updated = 0
    for row in read_catalogue(path):
        synonyms = row.pop("synonyms")
        metric, was_created = Metric.objects.get_or_create(code=row["code"], defaults={**row, "synonyms": synonyms})
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
