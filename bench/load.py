"""Readers while reports are uploaded: the demo data served as production would, a job worker beside
it, readers on the pages and the API for a while alone, then as long again while editors upload
long reports that are extracted in the background.

    .venv/bin/python bench/load.py [--readers 50] [--uploaders 4] [--seconds 120]
        [--database-url URL] [--json]

1. A database `zonescope_load` (built again each run) on the server of --database-url, else on the
   embedded PostgreSQL of bench/scale.py (var/scale-pgdata): migrations, the demo data, an editor
   with an API token.
2. gunicorn as the Dockerfile runs it (DEBUG=0, a generated SECRET_KEY) on 127.0.0.1 only, and one
   `manage.py procrastinate worker`.
3. Phase "readers": R reader threads for S/2 seconds, each requesting the landing page, a zone, a
   comparison, a metric ranking and the API (zones, indicators, compare) in turn. Phase "readers +
   uploads": the same readers for S/2 seconds while U uploader threads post generated reports over
   BACKGROUND_EXTRACTION_BYTES through the API (each answered 202 and queued). Every loop stops by
   its deadline; nothing but loopback addresses is requested.

Prints, per phase, the readers' requests, server errors and latency percentiles, the uploads'
answers and the jobs the worker finished; with --json a last line {"readers_p95_ms",
"readers_with_uploads_p95_ms", "server_errors", "uploads_queued", "jobs_done"}.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import secrets
import statistics
import subprocess
import sys
import threading
import time
import urllib.error
import urllib.request
from pathlib import Path

BENCH = Path(__file__).resolve().parent
sys.path.insert(0, str(BENCH))

from scale import (  # noqa: E402
    ROOT,
    embedded_server_url,
    percentile,
    prepared_database,
    served,
    use_production_settings,
)

DATABASE_NAME = "zonescope_load"
READER_PAGES = (
    "/",
    "/zones/weihai/",
    "/compare/?zones=weihai,kunming,yuxi",
    "/metrics/gdp/",
    "/api/v1/zones/",
    "/api/v1/indicators/?page_size=50",
    "/api/v1/compare/?zones=weihai,kunming&year=2024",
)
# The uploads are about zones the readers do not read: what the readers measure is the uploads' load,
# not the pages growing with the uploaded figures.
UPLOADED_ZONES = ("洛阳高新区", "郑州高新区", "襄阳高新区", "宝鸡高新区", "株洲高新区")
# Reports over the default BACKGROUND_EXTRACTION_BYTES (100 KiB of UTF-8; these run to about 145 KB).
UPLOAD_CHARS = 60_000
UPLOAD_PAUSE_SECONDS = 1.0
# The job worker as deployments run it: below the web server's priority (see docker-compose.yml).
WORKER_PRIORITY = ("nice", "-n", "15")


def main() -> None:
    options = parse_arguments()
    database_url = prepared_database(options.database_url or embedded_server_url(), options, DATABASE_NAME)
    # The uploaders are one editor: the user throttle would measure itself too.
    use_production_settings(database_url, API_USER_RATE="100000000/minute")
    token = demo_data_and_token()
    worker = subprocess.Popen(
        [*WORKER_PRIORITY, sys.executable, "manage.py", "procrastinate", "worker"], cwd=ROOT
    )
    try:
        with served(database_url, options.workers) as base_url:
            half = options.seconds / 2
            alone = run_phase(base_url, options.readers, 0, half, token)
            together = run_phase(base_url, options.readers, options.uploaders, half, token)
    finally:
        worker.terminate()
        worker.wait(timeout=60)
    report(options, alone, together)


def parse_arguments():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--readers", type=int, default=50)
    parser.add_argument("--uploaders", type=int, default=4)
    parser.add_argument("--seconds", type=float, default=120, help="both phases together")
    parser.add_argument("--workers", type=int, default=3, help="gunicorn workers")
    parser.add_argument("--database-url", help="a PostgreSQL server to build zonescope_load on")
    parser.add_argument("--json", action="store_true")
    parser.set_defaults(reuse=False)
    return parser.parse_args()


def demo_data_and_token() -> str:
    """The demo data as `make setup` loads it, and an API token of a new editor."""
    from django.core.management import call_command
    from knox.models import AuthToken

    from accounts.editors import make_editor

    call_command("migrate", "--noinput", verbosity=0)
    call_command("createcachetable", verbosity=0)
    call_command("setup_demo", verbosity=0)
    editor, _created = make_editor("load-editor", password=secrets.token_urlsafe(24))
    return AuthToken.objects.create(user=editor)[1]


class Phase:
    """What the clients of one phase saw; filled from their threads."""

    def __init__(self, name: str):
        self.name = name
        self.reader_ms: list[float] = []
        self.reader_statuses: dict[int, int] = {}
        self.upload_statuses: dict[int, int] = {}
        self.jobs_done = 0
        self.lock = threading.Lock()

    def record(self, statuses: dict[int, int], status: int, elapsed_ms: float | None = None) -> None:
        with self.lock:
            statuses[status] = statuses.get(status, 0) + 1
            if elapsed_ms is not None:
                self.reader_ms.append(elapsed_ms)

    @property
    def server_errors(self) -> int:
        return sum(n for statuses in (self.reader_statuses, self.upload_statuses)
                   for status, n in statuses.items() if status >= 500)  # fmt: skip


def run_phase(base_url: str, readers: int, uploaders: int, seconds: float, token: str) -> Phase:
    phase = Phase("readers + uploads" if uploaders else "readers")
    deadline = time.monotonic() + seconds
    threads = [
        threading.Thread(target=read_pages, args=(base_url, n, deadline, phase)) for n in range(readers)
    ]
    threads += [
        threading.Thread(target=upload_reports, args=(base_url, n, deadline, phase, token))
        for n in range(uploaders)
    ]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    phase.jobs_done = jobs_done()
    return phase


def read_pages(base_url: str, number: int, deadline: float, phase: Phase) -> None:
    step = number  # readers start at different pages
    while time.monotonic() < deadline:
        started = time.perf_counter()
        status = request(base_url + READER_PAGES[step % len(READER_PAGES)])
        phase.record(phase.reader_statuses, status, (time.perf_counter() - started) * 1000)
        step += 1


def upload_reports(base_url: str, number: int, deadline: float, phase: Phase, token: str) -> None:
    draw = random.Random(number)
    sent = 0
    while time.monotonic() < deadline:
        body = json.dumps({"text": generated_report(draw, f"{number}-{sent}")}).encode()
        status = request(
            base_url + "/api/v1/articles/",
            data=body,
            headers={"Content-Type": "application/json", "Authorization": f"Token {token}"},
        )
        phase.record(phase.upload_statuses, status)
        sent += 1
        time.sleep(UPLOAD_PAUSE_SECONDS)


def generated_report(draw: random.Random, serial: str) -> str:
    """A long year-end report of its own wording (the serial keeps it from being a duplicate)."""
    lines = [f"高新区经济运行情况通报（第{serial}期）"]
    while sum(len(line) for line in lines) < UPLOAD_CHARS:
        year = draw.randint(2019, 2025)
        lines.append(
            f"{year}年，{draw.choice(UPLOADED_ZONES)}实现地区生产总值{draw.randint(100, 900)}亿元，"
            f"同比增长{draw.randint(1, 15)}.{draw.randint(0, 9)}%；"
            f"高新技术企业达到{draw.randint(50, 900)}家。"
            f"{year + 1}年，力争固定资产投资增长{draw.randint(5, 15)}%以上。"
        )
    return "\n".join(lines)


def request(url: str, data: bytes | None = None, headers: dict | None = None) -> int:
    """The status of one request (a refused connection or a time-out counts as 599)."""
    try:
        with urllib.request.urlopen(
            urllib.request.Request(url, data=data, headers=headers or {}), timeout=60
        ) as answer:
            answer.read()
            return answer.status
    except urllib.error.HTTPError as error:
        return error.code
    except OSError:
        return 599


def jobs_done() -> int:
    from django.db import connection

    with connection.cursor() as cursor:
        cursor.execute("SELECT count(*) FROM procrastinate_jobs WHERE status = 'succeeded'")
        return cursor.fetchone()[0]


def report(options, alone: Phase, together: Phase) -> None:
    print(
        f"demo data; {options.readers} readers, {options.uploaders} uploaders,"
        f" {options.seconds:.0f} s in all; gunicorn {options.workers} workers, one job worker,"
        f" {os.cpu_count()} cores"
    )
    print(
        f"{'phase':<18} {'reads':>6} {'p50 ms':>8} {'p95 ms':>8} {'5xx':>5}  uploads (status: n)  jobs done"
    )
    for phase in (alone, together):
        uploads = ", ".join(f"{status}: {n}" for status, n in sorted(phase.upload_statuses.items())) or "-"
        print(
            f"{phase.name:<18} {len(phase.reader_ms):>6} {statistics.median(phase.reader_ms):>8.1f}"
            f" {percentile(phase.reader_ms, 0.95):>8.1f} {phase.server_errors:>5}  {uploads:<20}"
            f" {phase.jobs_done}"
        )
    if options.json:
        print(
            json.dumps(
                {
                    "readers_p95_ms": round(percentile(alone.reader_ms, 0.95), 1),
                    "readers_with_uploads_p95_ms": round(percentile(together.reader_ms, 0.95), 1),
                    "server_errors": alone.server_errors + together.server_errors,
                    "uploads_queued": together.upload_statuses.get(202, 0),
                    "jobs_done": together.jobs_done,
                }
            )
        )


if __name__ == "__main__":
    main()
