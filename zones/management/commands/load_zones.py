import time

from django.core.management.base import BaseCommand

from zones.services import load_registry


class Command(BaseCommand):
    help = "Load the zone registry shipped in zones/data/ (idempotent; keeps editors' changes)."

    def handle(self, *args, **options):
        started = time.perf_counter()
        report = load_registry()
        elapsed = time.perf_counter() - started
        self.stdout.write(self.style.SUCCESS(f"Zone registry: {report} in {elapsed:.1f} s"))
