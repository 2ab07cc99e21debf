from pathlib import Path

from django.core.management import call_command
from django.core.management.base import BaseCommand

DEMO_DIR = Path(__file__).resolve().parents[2] / "demo"


class Command(BaseCommand):
    help = "Load the zone registry and metric catalogue, then import the demo articles (idempotent)."

    def handle(self, *args, **options):
        call_command("load_zones", stdout=self.stdout)
        call_command("load_metrics", stdout=self.stdout)
        # Extracted here, so the demo is complete when setup ends, with or without a worker running.
        call_command("import_articles", str(DEMO_DIR), "--now", stdout=self.stdout, stderr=self.stderr)
