from django.core.management.base import BaseCommand

from metrics.catalogue import load_catalogue


class Command(BaseCommand):
    help = "Load the metric catalogue of metrics/data/metrics.csv (idempotent; editors' synonyms are kept)."

    def handle(self, *args, **options):
        created, updated = load_catalogue()
        self.stdout.write(self.style.SUCCESS(f"Metric catalogue: {created} created, {updated} updated."))
