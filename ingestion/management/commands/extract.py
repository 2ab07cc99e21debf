from datetime import date
from pathlib import Path

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

from articles.decoding import UnreadableDocument
from articles.documents import read_document
from extraction import MetricCatalogue, ZoneGazetteer, extract
from extraction.cli import jsonl_lines
from ingestion.services import reference
from metrics.catalogue import CATALOGUE_FILE
from metrics.models import Metric
from zones.models import Zone
from zones.registry import REGISTRY_FILES


class Command(BaseCommand):
    help = (
        "Print the indicators found in report files, one JSON object per line in the schema of the "
        "annotation guide (doc = file name). Writes nothing to the database."
    )

    def add_arguments(self, parser):
        parser.add_argument("files", nargs="+", type=Path)
        parser.add_argument("--jsonl", action="store_true", help="JSON lines (the default and only format)")
        parser.add_argument("--zone", help="zone of reports that never name theirs")
        parser.add_argument(
            "--published",
            type=date.fromisoformat,
            help="publication date (YYYY-MM-DD) when the page states none",
        )
        parser.add_argument(
            "--with-derived", action="store_true", help="also print targets implied by completion ratios"
        )

    def handle(self, *args, files, zone=None, published=None, with_derived=False, **options):
        # The database's registry and catalogue include unverified zones and editors' synonyms;
        # before `load_zones` / `load_metrics` have run, the engine reads the files shipped with the project.
        zones_loaded, metrics_loaded = Zone.objects.exists(), Metric.objects.exists()
        known = reference() if zones_loaded or metrics_loaded else None
        gazetteer = known.gazetteer if zones_loaded else ZoneGazetteer.from_csv(REGISTRY_FILES)
        catalogue = known.catalogue if metrics_loaded else MetricCatalogue.from_csv(CATALOGUE_FILE)
        for path in files:
            try:
                text = read_document(path.name, path.read_bytes(), settings.MAX_UPLOAD_BYTES).text
            except (OSError, UnreadableDocument) as error:
                raise CommandError(f"{path}: {error}") from error
            result = extract(
                text, gazetteer=gazetteer, catalogue=catalogue, published=published, default_zone=zone
            )
            for line in jsonl_lines(result, path.name, with_derived=with_derived):
                self.stdout.write(line)
