from django.core.management.base import BaseCommand

from zones.services import load_registry


class Command(BaseCommand):
    help = "Load the zone registry shipped in zones/data/ (idempotent)."

    def handle(self, *args, **options):
        report = load_registry()
        self.stdout.write(self.style.SUCCESS(f"Zone registry: {report}"))
