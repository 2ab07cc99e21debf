from pathlib import Path

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError
from tqdm import tqdm

from articles.decoding import UnreadableDocument
from articles.documents import SUPPORTED_SUFFIXES, read_document
from articles.services import DuplicateArticle, EmptyArticle, document_input, store_article
from ingestion.services import ExtractionFailed, ingest_report
from ingestion.tasks import queue_report


def report_files(paths: list[str]) -> list[Path]:
    files = []
    for name in paths:
        path = Path(name)
        if path.is_dir():
            files.extend(sorted(p for p in path.rglob("*") if p.suffix.lower() in SUPPORTED_SUFFIXES))
        elif path.exists():
            files.append(path)
        else:
            raise CommandError(f"No such file or folder: {name}")
    return files


class Command(BaseCommand):
    help = (
        "Store report files (or folders of them) as articles and queue a job extracting each one's "
        "indicators (a worker runs them: manage.py procrastinate worker); --now extracts here instead. "
        "Safe to re-run."
    )

    def add_arguments(self, parser):
        parser.add_argument("paths", nargs="+", help="files or folders (.txt, .html, .docx, .pdf)")
        parser.add_argument("--zone", help="zone of reports that never name theirs")
        parser.add_argument("--no-extract", action="store_true", help="store the text only")
        parser.add_argument(
            "--now", action="store_true", help="extract in this process, not as jobs (scripts, tests)"
        )

    def handle(self, *args, paths, zone=None, no_extract=False, now=False, **options):
        files = report_files(paths)
        imported, duplicates, failed = 0, [], []
        store = self.storer(no_extract=no_extract, now=now, zone=zone)
        for path in tqdm(files, desc="Importing", unit="file", disable=options["verbosity"] < 1 or not files):
            try:
                document = read_document(path.name, path.read_bytes(), settings.MAX_UPLOAD_BYTES)
                store(document_input(document, path.name))
                imported += 1
            except DuplicateArticle as duplicate:
                duplicates.append(f"{path}: already stored as article #{duplicate.existing.pk}")
            except (UnreadableDocument, EmptyArticle, ExtractionFailed, OSError) as error:
                failed.append(f"{path}: {error}")
        self.stdout.write(f"Imported {imported}, duplicates {len(duplicates)}, failed {len(failed)}.")
        if imported and not (no_extract or now):
            self.stdout.write(
                f"Queued {imported} extraction jobs: a worker (manage.py procrastinate worker) runs them; "
                "each article's status says when it is extracted."
            )
        for line in duplicates:
            self.stdout.write(f"  duplicate  {line}")
        for line in failed:
            self.stderr.write(f"  failed     {line}")

    @staticmethod
    def storer(*, no_extract: bool, now: bool, zone: str | None):
        """How each report is stored: text only, extracted here, or with a job queued to extract it."""
        if no_extract:
            return store_article
        if now:
            return lambda report: ingest_report(report, default_zone=zone)
        return lambda report: queue_report(report, default_zone=zone)
