from pathlib import Path

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError
from tqdm import tqdm

from articles.decoding import UnreadableDocument
from articles.documents import SUPPORTED_SUFFIXES, read_document
from articles.services import DuplicateArticle, EmptyArticle, document_input, store_article
from ingestion.services import ExtractionFailed, ingest_report


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
    help = "Store report files (or folders of them) as articles and extract their indicators. Safe to re-run."

    def add_arguments(self, parser):
        parser.add_argument("paths", nargs="+", help="files or folders (.txt, .html, .docx, .pdf)")
        parser.add_argument("--zone", help="zone of reports that never name theirs")
        parser.add_argument("--no-extract", action="store_true", help="store the text only")

    def handle(self, *args, paths, zone=None, no_extract=False, **options):
        files = report_files(paths)
        imported, duplicates, failed = 0, [], []
        for path in tqdm(files, desc="Importing", unit="file", disable=options["verbosity"] < 1 or not files):
            try:
                document = read_document(path.name, path.read_bytes(), settings.MAX_UPLOAD_BYTES)
                report = document_input(document, path.name)
                if no_extract:
                    store_article(report)
                else:
                    ingest_report(report, default_zone=zone)
                imported += 1
            except DuplicateArticle as duplicate:
                duplicates.append(f"{path}: already stored as article #{duplicate.existing.pk}")
            except (UnreadableDocument, EmptyArticle, ExtractionFailed, OSError) as error:
                failed.append(f"{path}: {error}")
        self.stdout.write(f"Imported {imported}, duplicates {len(duplicates)}, failed {len(failed)}.")
        for line in duplicates:
            self.stdout.write(f"  duplicate  {line}")
        for line in failed:
            self.stderr.write(f"  failed     {line}")
