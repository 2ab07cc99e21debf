import multiprocessing
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError
from django.db import connection, connections
from tqdm import tqdm

from articles.decoding import UnreadableDocument
from articles.documents import SUPPORTED_SUFFIXES, read_document
from articles.services import DuplicateArticle, document_input
from ingestion.services import ingest_reports, reference, warm_up
from ingestion.tasks import queue_reports

BATCH_SIZE = 100


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


@dataclass
class Imported:
    """What a batch of files came to (plain values, so that a worker process can send it back)."""

    files: int = 0
    imported: int = 0
    duplicates: list[str] = field(default_factory=list)
    failed: list[str] = field(default_factory=list)

    def add(self, other: "Imported") -> None:
        self.files += other.files
        self.imported += other.imported
        self.duplicates += other.duplicates
        self.failed += other.failed


def import_batch(paths: list[Path], *, mode: str, zone: str | None) -> Imported:
    """Read a batch of files and store them in one go (ingest_reports or queue_reports): each file
    stored, a duplicate or failed with the reason; a failed one costs the others nothing."""
    done = Imported(files=len(paths))
    readable, reports = [], []
    for path in paths:
        try:
            document = read_document(path.name, path.read_bytes(), settings.MAX_UPLOAD_BYTES)
        except (UnreadableDocument, OSError) as error:
            done.failed.append(f"{path}: {error}")
            continue
        readable.append(path)
        reports.append(document_input(document, path.name))
    if mode == "queue":
        outcomes = queue_reports(reports, default_zone=zone)
    else:
        outcomes = ingest_reports(reports, default_zone=zone, extract=mode == "now")
    for path, outcome in zip(readable, outcomes, strict=True):
        if isinstance(outcome, DuplicateArticle):
            done.duplicates.append(f"{path}: already stored as article #{outcome.existing.pk}")
        elif isinstance(outcome, Exception):
            done.failed.append(f"{path}: {outcome}")
        else:
            done.imported += 1
    return done


def close_connections_at_exit() -> None:
    """In a worker process: its own database connection, closed when the pool ends it."""
    multiprocessing.util.Finalize(None, connections.close_all, exitpriority=10)


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
        parser.add_argument(
            "--jobs",
            type=int,
            default=1,
            help="processes reading, extracting and storing batches side by side (default 1)",
        )
        parser.add_argument(
            "--batch-size", type=int, default=BATCH_SIZE, help=f"files stored together (default {BATCH_SIZE})"
        )

    def handle(
        self, *args, paths, zone=None, no_extract=False, now=False, jobs=1, batch_size=BATCH_SIZE, **options
    ):
        if jobs < 1 or batch_size < 1:
            raise CommandError("--jobs and --batch-size must be at least 1.")
        files = report_files(paths)
        mode = "store" if no_extract else "now" if now else "queue"
        if jobs > 1:  # at least 4 batches a process, so that none is left working alone at the end
            batch_size = min(batch_size, max(10, -(-len(files) // (4 * jobs))))
        batches = [files[start : start + batch_size] for start in range(0, len(files), batch_size)]
        done = Imported()
        with tqdm(
            total=len(files), desc="Importing", unit="file", disable=options["verbosity"] < 1 or not files
        ) as progress:
            for batch in self.imported_batches(batches, mode=mode, zone=zone, jobs=jobs):
                done.add(batch)
                progress.update(batch.files)
        self.stdout.write(
            f"Imported {done.imported}, duplicates {len(done.duplicates)}, failed {len(done.failed)}."
        )
        if done.imported and mode == "queue":
            self.stdout.write(
                f"Queued {done.imported} extraction jobs: a worker (manage.py procrastinate worker) runs "
                "them; each article's status says when it is extracted."
            )
        for line in done.duplicates:
            self.stdout.write(f"  duplicate  {line}")
        for line in done.failed:
            self.stderr.write(f"  failed     {line}")

    @staticmethod
    def imported_batches(batches, *, mode: str, zone: str | None, jobs: int):
        """Each batch imported, in this process or by `jobs` worker processes (each with its own
        database connection and transactions), as they finish."""
        if jobs == 1 or len(batches) < 2:
            for batch in batches:
                yield import_batch(batch, mode=mode, zone=zone)
            return
        if connection.in_atomic_block:
            raise CommandError("--jobs needs transactions of its own: run it outside a transaction.")
        if "fork" not in multiprocessing.get_all_start_methods():
            raise CommandError("--jobs needs processes started by fork (Linux, macOS).")
        if mode == "now":
            warm_up(reference())  # the engine and the reference loaded once here, for every process
        connections.close_all()  # a forked process must not share this process's connection
        context = multiprocessing.get_context("fork")
        with ProcessPoolExecutor(jobs, mp_context=context, initializer=close_connections_at_exit) as pool:
            futures = [pool.submit(import_batch, batch, mode=mode, zone=zone) for batch in batches]
            for future in futures:
                yield future.result()
