"""The dashboard at scale: builds a data set of a chosen size, serves it as production would and
measures the pages under concurrent clients, the API list against plain rows, and an import.

    .venv/bin/python bench/scale.py [--indicators N] [--clients C] [--requests R]
        [--import-articles M [M...]] [--import-jobs J] [--import-only] [--database-url URL]
        [--database-name NAME] [--reuse] [--json]

1. A database `zonescope_scale` (dropped and built again unless --reuse finds one of the same size)
   on the server of --database-url, else on an embedded PostgreSQL in var/scale-pgdata (never the
   development database). Migrations, the zone registry and metric catalogue, extra zones of every
   level, then N indicators by COPY: zones of skewed size (a few large ones), every metric, levels
   and growth rates, shares, ranks and changes, 2015–2026 (years, some plans and quarters), targets
   and results, 1–4 articles stating each figure (mostly agreeing), some derived, reviewed,
   corrected or rejected.
2. The API list (100 figures of a zone, in process) timed against a plain values() + json.dumps of
   the same rows: best of 30 each, same process.
3. gunicorn as the Dockerfile runs it (3 workers, DEBUG=0, a generated SECRET_KEY), listening on
   127.0.0.1 only; C client threads, each R requests per page kind, on the zone, compare (3 zones),
   metric ranking, API compare and API list pages of zones and metrics drawn at random, and the zone
   list (default view, pages of every level, a filter, a search).
4. For each M (default 500 and 5,000), M generated reports written to a temporary folder and
   imported with `import_articles --now --jobs J` (extracted by the command's J processes, not
   queued), timed from the command's start until it returns, every figure stored and committed;
   then removed again. --import-only skips 2 and 3 (the data set is still built or reused).

Prints a table; with --json also a last line {"zone_p95_ms", "compare_p95_ms", "metric_p95_ms",
"zone_list_p95_ms", "api_ratio", "import_per_s", "import_per_s_by_count"} (import_per_s: the
slowest of the sizes imported; page figures 0 with --import-only).
"""

from __future__ import annotations

import argparse
import json
import os
import random
import secrets
import socket
import statistics
import subprocess
import sys
import tempfile
import threading
import time
import urllib.error
import urllib.request
from dataclasses import dataclass
from datetime import date, timedelta
from decimal import Decimal
from pathlib import Path
from urllib.parse import quote, urlsplit, urlunsplit

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

DATABASE_NAME = "zonescope_scale"
YEARS = range(2015, 2027)
EXTRA_ZONES_PER_LEVEL = 30
IMPORTED_PREFIX = "scale-import-"
PAGE_KINDS = ["zone", "compare", "metric", "api_compare", "api_list", "zone_list"]
# The zone list over the whole registry (~2,700 zones): default view, a late page of every level, a
# level in a province, a search.
ZONE_LIST_QUERIES = [
    "/zones/",
    "/zones/?level=&page={page}",
    "/zones/?level=provincial-development&province=%E6%B1%9F%E8%8B%8F%E7%9C%81",
    "/zones/?search=%E9%AB%98%E6%96%B0%E5%8C%BA",
]


def main() -> None:
    options = parse_arguments()
    rng = random.Random(options.seed)
    server_url = options.database_url or embedded_server_url()
    database_url = prepared_database(server_url, options, options.database_name)
    use_production_settings(database_url)

    built = ensure_data_set(options, rng)
    measured = {"build_s": built, "api_ratio": 0.0, "api_ms": 0.0, "plain_ms": 0.0}
    latencies: dict[str, list[float]] = {kind: [0.0] for kind in PAGE_KINDS}
    if not options.import_only:
        measured["api_ratio"], measured["api_ms"], measured["plain_ms"] = api_list_ratio(rng)
        forget_cached_pages()
        with served(database_url, options.workers) as base_url:
            latencies = drive_clients(base_url, options, rng)
    measured["imports"] = [import_speed(count, rng, options.import_jobs) for count in options.import_articles]
    report(options, measured, latencies)


def forget_cached_pages() -> None:
    """An empty cache before the clients: a run on a --reuse'd data set asks for the same addresses
    as the run before (same seed), which would otherwise all be cached already."""
    from django.core.cache import caches

    for alias in ("default", "fragments"):
        caches[alias].clear()


def use_production_settings(database_url: str, **extra: str) -> None:
    """Production settings for this process and the servers it starts (plain HTTP on loopback), and
    Django set up with them."""
    os.environ.update(
        DATABASE_URL=database_url,
        DJANGO_SETTINGS_MODULE="config.settings",
        DEBUG="0",
        SECRET_KEY=secrets.token_urlsafe(50),
        ALLOWED_HOSTS="127.0.0.1,testserver",
        SECURE_SSL_REDIRECT="0",
        SECURE_COOKIES="0",
        # The clients are one address: the anonymous throttle would measure itself. Per second, so that
        # the history it keeps per client stays as short as production's (at most 120 requests),
        # not the minute's thousands of every client together.
        API_ANON_RATE="100000/second",
        **extra,
    )
    import django

    django.setup()


def parse_arguments():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--indicators", type=int, default=10_000)
    parser.add_argument("--clients", type=int, default=8)
    parser.add_argument("--requests", type=int, default=25, help="per client and page kind")
    parser.add_argument(
        "--import-articles",
        type=int,
        nargs="*",
        default=[500, 5000],
        help="reports per import (none: no import)",
    )
    parser.add_argument(
        "--import-jobs", type=int, default=os.cpu_count() or 1, help="import_articles --jobs (1: one process)"
    )
    parser.add_argument(
        "--import-only", action="store_true", help="build or reuse the data set, then only import"
    )
    parser.add_argument("--database-url", help="a PostgreSQL server to build the bench database on")
    parser.add_argument("--database-name", default=DATABASE_NAME, help=f"default {DATABASE_NAME}")
    parser.add_argument("--reuse", action="store_true", help="keep a data set already of this size")
    parser.add_argument("--workers", type=int, default=3, help="gunicorn workers")
    parser.add_argument("--seed", type=int, default=13)
    parser.add_argument("--json", action="store_true")
    return parser.parse_args()


# --- the database -------------------------------------------------------------------------------


def embedded_server_url() -> str:
    from config.database import start_embedded_server

    server = start_embedded_server(ROOT / "var" / "scale-pgdata")
    socket_dir = server.get_uri().split("host=", 1)[1]
    return f"postgres://postgres@{quote(socket_dir, safe='')}/postgres"


def with_database(url: str, name: str) -> str:
    parts = urlsplit(url)
    return urlunsplit(parts._replace(path=f"/{name}"))


def prepared_database(server_url: str, options, name: str = DATABASE_NAME) -> str:
    """The bench's own database `name` on that server: created if missing, emptied unless --reuse."""
    import dj_database_url
    import psycopg

    config = dj_database_url.parse(server_url)
    connect = {
        "dbname": config["NAME"] or "postgres",
        "user": config["USER"],
        "password": config["PASSWORD"] or None,
        "host": config["HOST"] or None,
        "port": config["PORT"] or None,
    }
    with psycopg.connect(**{k: v for k, v in connect.items() if v}, autocommit=True) as connection:
        exists = connection.execute("SELECT 1 FROM pg_database WHERE datname = %s", [name]).fetchone()
        if exists and not options.reuse:
            connection.execute(f"DROP DATABASE {name} WITH (FORCE)")
            exists = None
        if not exists:
            connection.execute(f"CREATE DATABASE {name}")
    return with_database(server_url, name)


def ensure_data_set(options, rng: random.Random) -> float:
    """Seconds spent building (0 when an equal data set was reused)."""
    from django.core.management import call_command

    from metrics.models import Indicator

    call_command("migrate", verbosity=0)
    call_command("createcachetable", verbosity=0)
    if options.reuse and Indicator.objects.count() == options.indicators:
        return 0.0
    started = time.perf_counter()
    call_command("load_zones", verbosity=0)
    call_command("load_metrics", verbosity=0)
    build_data_set(options.indicators, rng)
    return time.perf_counter() - started


def build_data_set(indicators: int, rng: random.Random) -> None:
    from django.db import connection, transaction

    from metrics.models import Metric
    from zones.models import Zone

    add_zones_of_every_level()
    zones = list(Zone.objects.order_by("pk").values_list("pk", "short_name"))
    rng.shuffle(zones)
    # A few zones report far more than most (Zipf-like), as the national flagships do.
    weights = [1 / (rank + 5) for rank in range(len(zones))]
    metrics = list(Metric.objects.values_list("pk", "name_zh", "unit"))
    with transaction.atomic():
        articles_by_zone = copy_articles(zones, weights, max(100, indicators // 50), rng)
        copy_indicators(zones, weights, metrics, articles_by_zone, indicators, rng)
    with connection.cursor() as cursor:
        cursor.execute("VACUUM ANALYZE")


def add_zones_of_every_level() -> None:
    from zones.models import Zone

    Zone.objects.bulk_create(
        Zone(
            name=f"规模测试{level.label}{number}区",
            short_name=f"规模{level.label}{number}区",
            slug=f"scale-{level.value}-{number}",
            province="测试省",
            level=level.value,
            verified=level != Zone.Level.OTHER,
        )
        for level in Zone.Level
        for number in range(EXTRA_ZONES_PER_LEVEL)
    )


def copy_articles(zones, weights, count: int, rng: random.Random) -> dict[int, list[tuple[int, date]]]:
    """`count` articles, each about one zone (drawn by weight), by COPY; their ids and dates per zone."""
    from django.db import connection

    from articles.models import content_hash

    first_id = next_id("articles_article")
    rows, links, by_zone = [], [], {}
    now = time.strftime("%Y-%m-%d %H:%M:%S+00")
    for number, (zone_id, short_name) in enumerate(rng.choices(zones, weights, k=count)):
        article_id = first_id + number
        published = date(2015, 3, 1) + timedelta(days=rng.randrange(365 * 12))
        text = f"{short_name}{published.year}年工作报告（规模测试第{number}篇）。地区生产总值{number}亿元。"
        title = f"{short_name}{published:%Y年%m月}报告{number}"
        rows.append(
            (article_id, title, "规模测试", "", published, text, text, content_hash(text),
             f"scale-{number}.txt", now, "extracted", "", "{}", "{}")
        )  # fmt: skip
        links.append((article_id, zone_id))
        by_zone.setdefault(zone_id, []).append((article_id, published))
    with connection.cursor() as cursor:
        copy_rows(
            cursor,
            "articles_article (id, title, source_name, url, published_on, raw_text, text, content_hash,"
            " original_filename, added_at, status, status_message, frame, frame_corrections)",
            rows,
        )
        copy_rows(cursor, "articles_article_zones (article_id, zone_id)", links)
        cursor.execute("SELECT setval('articles_article_id_seq', %s)", [first_id + count])
    return by_zone


def copy_indicators(zones, weights, metrics, articles_by_zone, total: int, rng: random.Random) -> None:
    """Whole series (a zone's metric and kind over the years: targets, results, several sources
    each) until `total` rows, by COPY."""
    from django.db import connection

    reported = [
        (zone, weight) for zone, weight in zip(zones, weights, strict=True) if zone[0] in articles_by_zone
    ]
    zones, weights = [zone for zone, _ in reported], [weight for _, weight in reported]
    rows: list[tuple] = []
    while len(rows) < total:
        zone_id, short_name = rng.choices(zones, weights)[0]
        rows.extend(series_rows(zone_id, short_name, rng.choice(metrics), articles_by_zone[zone_id], rng))
    now = time.strftime("%Y-%m-%d %H:%M:%S+00")
    columns = (
        "metrics_indicator (article_id, zone_id, scope, place, metric_id, metric_text, value, unit,"
        " base_value, kind, stance, period_label, period_start, period_end, qualifier, quote, quote_start,"
        " quote_end, derived, review_state, reviewed_at, extraction_key, version, created_at, updated_at)"
    )
    with connection.cursor() as cursor:
        copy_rows(cursor, columns, [(*row, "", 1, now, now) for row in rows[:total]])


KINDS = [("level", 60), ("growth", 25), ("share", 5), ("rank", 5), ("delta", 5)]
PERIODS = [(str(year), date(year, 1, 1), date(year, 12, 31)) for year in YEARS] + [
    ("2016..2020", date(2016, 1, 1), date(2020, 12, 31)),
    ("2021..2025", date(2021, 1, 1), date(2025, 12, 31)),
    ("2024-Q1", date(2024, 1, 1), date(2024, 3, 31)),
    ("2025-H1", date(2025, 1, 1), date(2025, 6, 30)),
]


def series_rows(zone_id, short_name, metric, articles, rng: random.Random) -> list[tuple]:
    metric_id, metric_name, metric_unit = metric
    kind = rng.choices([k for k, _ in KINDS], [w for _, w in KINDS])[0]
    unit = {"level": metric_unit, "delta": metric_unit, "rank": "位"}.get(kind, "%")
    base = Decimal(rng.randrange(5, 5000))
    rows = []
    for label, start, end in PERIODS:
        for stance, chance in (("target", 0.6), ("achievement", 0.8)):
            if rng.random() > chance or (len(label) > 4 and rng.random() < 0.7):
                continue
            value = (base * Decimal(1 + (end.year - 2015) * 0.08)).quantize(Decimal("0.01"))
            for _ in range(rng.choice([1, 1, 2, 2, 3, 4])):
                article_id, published = rng.choice(articles)
                stated = (
                    value
                    if rng.random() < 0.8
                    else (value * Decimal(rng.uniform(0.9, 1.1))).quantize(Decimal("0.01"))
                )
                state = rng.choices(["auto", "confirmed", "corrected", "rejected"], [90, 4, 3, 3])[0]
                rows.append(
                    (article_id, zone_id, "zone", short_name, metric_id, metric_name, stated, unit,
                     stated if kind in ("level", "delta") else None, kind, stance, label, start, end, "",
                     f"{short_name}{label}{metric_name}{stated}{unit}", 0, 10,
                     stance == "target" and rng.random() < 0.05, state,
                     None if state == "auto" else published)
                )  # fmt: skip
    return rows


def next_id(table: str) -> int:
    from django.db import connection

    with connection.cursor() as cursor:
        cursor.execute(f"SELECT COALESCE(max(id), 0) + 1 FROM {table}")
        return cursor.fetchone()[0]


def copy_rows(cursor, target: str, rows) -> None:
    with cursor.copy(f"COPY {target} FROM STDIN") as copy:
        for row in rows:
            copy.write_row(row)


# --- the API list against plain rows ------------------------------------------------------------


def api_list_ratio(rng: random.Random) -> tuple[float, float, float]:
    """Best of 30 each: GET /api/v1/indicators/?zone=…&page_size=100 in process (the whole request:
    middleware, filters, paging, rendering), against a values() of the same 100 rows dumped with
    json.dumps."""
    from django.db.models import Count
    from django.test import Client

    from api.metrics import LISTED_COLUMNS
    from metrics.models import Indicator

    zone = Indicator.objects.values("zone_id", "zone__slug").annotate(n=Count("id")).order_by("-n")[5]
    client = Client()
    address = f"/api/v1/indicators/?zone={zone['zone__slug']}&page_size=100"

    def through_api():
        response = client.get(address)
        assert response.status_code == 200 and len(json.loads(response.content)["results"]) == 100

    def plain():
        # The query the API makes (its zone looked up by slug first), not a join on the slug that
        # the planner cannot aim at one zone's index range.
        rows = Indicator.objects.active().filter(zone_id=zone["zone_id"]).order_by("id")
        rows = rows.values(*LISTED_COLUMNS)[:100]
        json.dumps(list(rows), default=str, ensure_ascii=False)

    api_ms, plain_ms = best_of_alternating([through_api, plain], 30)
    return api_ms / plain_ms, api_ms, plain_ms


def best_of_alternating(works, repeat: int) -> list[float]:
    """The fastest of `repeat` runs of each, in milliseconds, the works taking turns so that a
    busy moment of the (shared) machine falls on both."""
    times = [[] for _ in works]
    for _ in range(repeat):
        for work, spent in zip(works, times, strict=True):
            started = time.perf_counter()
            work()
            spent.append(time.perf_counter() - started)
    return [min(spent) * 1000 for spent in times]


# --- serving and clients ------------------------------------------------------------------------


class served:
    """gunicorn on a free loopback port with production settings; stopped on exit."""

    def __init__(self, database_url: str, workers: int):
        self.database_url, self.workers = database_url, workers

    def __enter__(self) -> str:
        with socket.socket() as probe:
            probe.bind(("127.0.0.1", 0))
            port = probe.getsockname()[1]
        environment = {**os.environ, "DATABASE_URL": self.database_url}
        # As the image does at build time: DEBUG=0 serves the static files named in the manifest.
        subprocess.run(
            [sys.executable, "manage.py", "collectstatic", "--noinput", "-v0"],
            cwd=ROOT,
            env=environment,
            check=True,
        )
        self.process = subprocess.Popen(
            [sys.executable, "-m", "gunicorn", "config.wsgi:application", "--bind", f"127.0.0.1:{port}",
             "--workers", str(self.workers), "--log-level", "warning"],
            cwd=ROOT, env=environment,
        )  # fmt: skip
        base_url = f"http://127.0.0.1:{port}"
        for _ in range(300):
            try:
                urllib.request.urlopen(base_url + "/metrics/gdp/", timeout=30).read()
                return base_url
            except urllib.error.HTTPError:
                break
            except OSError:
                time.sleep(0.2)
        self.__exit__()
        raise RuntimeError("gunicorn did not serve the metric page")

    def __exit__(self, *exc):
        self.process.terminate()
        self.process.wait(timeout=30)


def page_addresses(rng: random.Random, count: int) -> dict[str, list[str]]:
    """`count` addresses per page kind: zones drawn by their number of figures (large ones often)."""
    from django.db.models import Count

    from metrics.models import Indicator, Metric

    zone_sizes = list(Indicator.objects.values_list("zone__slug").annotate(n=Count("id")).order_by())
    slugs, sizes = [slug for slug, _ in zone_sizes], [n for _, n in zone_sizes]
    codes = list(Metric.objects.filter(indicators__isnull=False).distinct().values_list("code", flat=True))

    def zones(k):
        chosen = []
        while len(chosen) < k:
            slug = rng.choices(slugs, sizes)[0]
            if slug not in chosen:
                chosen.append(slug)
        return chosen

    def year():
        return rng.choice(YEARS)

    return {
        "zone": [f"/zones/{zones(1)[0]}/" for _ in range(count)],
        "compare": [f"/compare/?zones={','.join(zones(3))}&year={year()}" for _ in range(count)],
        "metric": [f"/metrics/{rng.choice(codes)}/?year={year()}" for _ in range(count)],
        "api_compare": [f"/api/v1/compare/?zones={','.join(zones(3))}&year={year()}" for _ in range(count)],
        "api_list": [f"/api/v1/indicators/?zone={zones(1)[0]}&page_size=100" for _ in range(count)],
        "zone_list": [rng.choice(ZONE_LIST_QUERIES).format(page=rng.randint(1, 50)) for _ in range(count)],
    }


def drive_clients(base_url: str, options, rng: random.Random) -> dict[str, list[float]]:
    """Each client: R requests per page kind, kinds interleaved; milliseconds per request by kind.
    A first pass (three requests per kind and worker: gunicorn hands each to any worker) warms the
    workers (templates, translations, URL patterns) and is not counted; its addresses are drawn
    apart, so that it leaves none of the measured pages in the cache (only the measured requests'
    own repeats find a page there, as a reader after another would)."""
    warming = page_addresses(rng, 3 * options.workers)
    addresses = page_addresses(rng, options.clients * options.requests)
    for kind in PAGE_KINDS:
        for address in warming[kind]:
            fetch(base_url + address)
    latencies: dict[str, list[float]] = {kind: [] for kind in PAGE_KINDS}
    lock = threading.Lock()

    def client(number: int):
        for step in range(options.requests):
            for kind in PAGE_KINDS:
                address = addresses[kind][number * options.requests + step]
                elapsed = fetch(base_url + address)
                with lock:
                    latencies[kind].append(elapsed)

    threads = [threading.Thread(target=client, args=(n,)) for n in range(options.clients)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    return latencies


def fetch(url: str) -> float:
    started = time.perf_counter()
    with urllib.request.urlopen(url, timeout=120) as response:
        response.read()
        if response.status != 200:
            raise RuntimeError(f"{url}: {response.status}")
    return (time.perf_counter() - started) * 1000


# --- import -------------------------------------------------------------------------------------


@dataclass(frozen=True)
class ImportSpeed:
    count: int
    seconds: float
    cpu_seconds: float  # of the importing processes (this one and the command's), not the database's
    articles: int
    indicators: int

    @property
    def per_s(self) -> float:
        return self.count / self.seconds


def import_speed(count: int, rng: random.Random, jobs: int = 1) -> ImportSpeed:
    """`import_articles --now` on `count` generated reports (registry zones, catalogue metrics, a
    target and results each), timed until the command returns with everything stored; `jobs` > 1
    passes --jobs (the command's worker processes)."""
    from django.core.management import call_command

    from articles.models import Article
    from metrics.models import Indicator, Metric
    from zones.models import Zone

    names = list(Zone.objects.filter(verified=True).values_list("short_name", flat=True))
    metrics = list(Metric.objects.values_list("name_zh", "unit"))
    imported = Article.objects.filter(original_filename__startswith=IMPORTED_PREFIX)
    imported.delete()  # left by an interrupted run
    with tempfile.TemporaryDirectory(prefix="zonescope-import-") as folder:
        for number in range(count):
            Path(folder, f"{IMPORTED_PREFIX}{number:05}.txt").write_text(
                generated_report(number, names, metrics, rng)
            )
        options = {"jobs": jobs} if jobs > 1 else {}
        cpu_before, started = processor_seconds(), time.perf_counter()
        call_command("import_articles", folder, now=True, verbosity=0, **options)  # extracted, not queued
        elapsed, cpu = time.perf_counter() - started, processor_seconds() - cpu_before
    measured = ImportSpeed(
        count, elapsed, cpu, imported.count(), Indicator.objects.filter(article__in=imported).count()
    )
    # The data set stays the size asked for (and --reuse finds it again).
    imported.delete()
    return measured


def processor_seconds() -> float:
    """User and system time of this process and of its children that ended."""
    import resource

    return sum(
        usage.ru_utime + usage.ru_stime
        for usage in (resource.getrusage(resource.RUSAGE_SELF), resource.getrusage(resource.RUSAGE_CHILDREN))
    )


def generated_report(number: int, names, metrics, rng: random.Random) -> str:
    zone = rng.choice(names)
    year = rng.choice(YEARS[1:])
    lines = [
        f"{zone}{year}年经济运行情况（第{number}号）",
        f"发布日期：{year + 1}年1月{rng.randrange(1, 28)}日",
        "",
    ]
    for name, unit in rng.sample(metrics, 4):
        value = rng.randrange(10, 9000)
        lines.append(
            f"{year}年，{zone}{name}达到{value}{unit}，同比增长{rng.randrange(1, 30)}.{rng.randrange(10)}%；"
            f"{year + 1}年目标{value + rng.randrange(1, 500)}{unit}。"
        )
    return "\n".join(lines)


# --- report -------------------------------------------------------------------------------------


def percentile(values: list[float], share: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(share * (len(ordered) - 1)))]


def report(options, measured: dict, latencies: dict[str, list[float]]) -> None:
    from metrics.models import Indicator

    print(
        f"data: {Indicator.objects.count():,} indicators; built in {measured['build_s']:.0f} s"
        f" (0: reused); {options.clients} clients x {options.requests} requests per page kind,"
        f" gunicorn {options.workers} workers, {os.cpu_count()} cores"
    )
    if not options.import_only:
        print(f"{'page':<12} {'n':>5} {'p50 ms':>8} {'p95 ms':>8} {'max ms':>8}")
        for kind in PAGE_KINDS:
            values = latencies[kind]
            print(
                f"{kind:<12} {len(values):>5} {statistics.median(values):>8.1f}"
                f" {percentile(values, 0.95):>8.1f} {max(values):>8.1f}"
            )
        print(
            f"API list, 100 rows, in process: {measured['api_ms']:.2f} ms; plain values() + json.dumps"
            f" {measured['plain_ms']:.2f} ms; ratio {measured['api_ratio']:.2f}"
        )
    for speed in measured["imports"]:
        print(
            f"import: {speed.count:,} generated reports in {speed.seconds:.1f} s, {speed.per_s:.1f}"
            f" articles/s ({speed.articles:,} articles and {speed.indicators:,} indicators stored;"
            f" --jobs {options.import_jobs}; {speed.cpu_seconds / speed.count * 1000:.1f} ms of processor"
            " a report in the importing processes)"
        )
    if options.json:
        print(
            json.dumps(
                {
                    "zone_p95_ms": round(percentile(latencies["zone"], 0.95), 1),
                    "compare_p95_ms": round(percentile(latencies["compare"], 0.95), 1),
                    "metric_p95_ms": round(percentile(latencies["metric"], 0.95), 1),
                    "zone_list_p95_ms": round(percentile(latencies["zone_list"], 0.95), 1),
                    "api_ratio": round(measured["api_ratio"], 2),
                    "import_per_s": round(min((s.per_s for s in measured["imports"]), default=0.0), 1),
                    "import_per_s_by_count": {s.count: round(s.per_s, 1) for s in measured["imports"]},
                }
            )
        )


if __name__ == "__main__":
    main()
