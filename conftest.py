import os

import pytest
from django.conf import settings


@pytest.fixture(scope="session")
def django_db_modify_db_settings(django_db_modify_db_settings_parallel_suffix):
    """One test database per test run: runs side by side on one server (several developers, CI
    and a developer) must never create or destroy each other's database."""
    for db_settings in settings.DATABASES.values():
        db_settings.setdefault("TEST", {})["NAME"] = f"test_{db_settings['NAME']}_{os.getpid()}"


@pytest.fixture
def registry(db):
    """The shipped zone registry and metric catalogue, loaded as setup does."""
    from metrics.catalogue import load_catalogue
    from zones.services import load_registry

    load_registry()
    load_catalogue()


@pytest.fixture
def api_client(db):
    """A client of the REST API, with throttling history cleared so earlier tests cannot use it up."""
    from django.core.cache import cache
    from rest_framework.test import APIClient

    cache.clear()
    return APIClient()


@pytest.fixture
def unthrottled(monkeypatch):
    """API requests without throttling: for tests that count a view's own queries (throttles count in
    the database cache) or send hundreds of requests on purpose."""
    from rest_framework.views import APIView

    monkeypatch.setattr(APIView, "throttle_classes", [])


@pytest.fixture
def token_for(db):
    """`token_for("name", editor=True)`: the API token of a new user, in the editors group or not."""
    from django.contrib.auth.models import Group, User
    from knox.models import AuthToken

    from accounts.editors import EDITORS_GROUP

    def make(username: str, *, editor: bool) -> str:
        user = User.objects.create_user(username)
        if editor:
            user.groups.add(Group.objects.get_or_create(name=EDITORS_GROUP)[0])
        return AuthToken.objects.create(user=user)[1]

    return make


@pytest.fixture
def client_of(db):
    """`client_of("name", editor=True)`: a test client (English pages) logged in as a new user, in the
    editors group or not."""
    from django.contrib.auth.models import Group, User
    from django.test import Client

    from accounts.editors import EDITORS_GROUP

    def make(username: str, *, editor: bool) -> Client:
        user = User.objects.create_user(username)
        if editor:
            user.groups.add(Group.objects.get(name=EDITORS_GROUP))
        client = Client()
        client.cookies[settings.LANGUAGE_COOKIE_NAME] = "en"  # messages asserted in English
        client.force_login(user)
        return client

    return make


CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]


@pytest.fixture
def browser_page(live_server, transactional_db, monkeypatch):
    """A page in Debian's headless Chromium (Playwright) for tests against `live_server`.

    `page.base_url` is the live server's address; `page.requested_urls` lists every URL the page
    asked for, so a test can check that nothing left the server; `page.script_problems` the console
    errors (a Content-Security-Policy violation among them), which fail any test at its end. Mark such tests
    `@pytest.mark.browser`; `make test` installs Chromium (scripts/ensure_chromium.sh).
    """
    from django.db import connections
    from playwright.sync_api import sync_playwright

    if not os.path.exists(CHROMIUM):
        pytest.fail(f"{CHROMIUM} is missing: run scripts/ensure_chromium.sh (as root) first")
    # Playwright's sync API runs an event loop in this thread; the ORM calls in the test are still
    # synchronous and safe.
    monkeypatch.setenv("DJANGO_ALLOW_ASYNC_UNSAFE", "true")
    # Inside Playwright the test runs in another greenlet, whose context gets database connections of
    # its own; close them on both sides, or one is left open and the test database cannot be dropped.
    connections.close_all()
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        page = browser.new_page(locale="zh-CN")
        page.base_url = live_server.url
        page.requested_urls = []
        page.on("request", lambda request: page.requested_urls.append(request.url))
        # Scripts the Content-Security-Policy refused, and scripts that failed: none in any test.
        page.script_problems = []
        page.on("console", lambda message: record_script_problem(page, message))
        page.on("pageerror", lambda error: page.script_problems.append(f"uncaught: {error}"))
        yield page
        browser.close()
        connections.close_all()
        assert not page.script_problems, page.script_problems


@pytest.fixture
def job_worker(transactional_db, monkeypatch):
    """`job_worker()`: a real procrastinate worker, connected to the test database as
    `manage.py procrastinate worker` connects, runs every queued job and stops when none is left.
    It runs in a thread joined with a time limit, so a stuck job fails the test instead of hanging it.
    Jobs are committed for the worker to see them: hence a transactional database."""
    import threading

    from django.db import connection, connections
    from procrastinate.contrib.django import app

    # The worker closes a task's database connection after the task only once it is older than
    # CONN_MAX_AGE; one left open in its threads would keep the test database from being dropped.
    monkeypatch.setitem(connections.settings["default"], "CONN_MAX_AGE", 0)

    def run(timeout: float = 60) -> None:
        errors = []

        def work():
            try:
                with app.replace_connector(app.connector.get_worker_connector()) as worker_app:
                    worker_app.run_worker(wait=False, install_signal_handlers=False, listen_notify=False)
            except BaseException as error:  # reported in the test's thread
                errors.append(error)

        thread = threading.Thread(target=work, name="job-worker", daemon=True)
        thread.start()
        thread.join(timeout)
        assert not thread.is_alive(), f"the worker was still running after {timeout} s"
        assert not errors, errors

    yield run
    # procrastinate's tables are not Django-managed, so the flush after a transactional test leaves
    # them alone; jobs of this test must not reach the next test's worker.
    with connection.cursor() as cursor:
        cursor.execute("DELETE FROM procrastinate_jobs")


def record_script_problem(page, message) -> None:
    """A console error that is a script's (or the policy's refusal of one); a page answered with an
    error status is also logged as a console error, which tests of refusals expect."""
    if message.type == "error" and "Failed to load resource" not in message.text:
        page.script_problems.append(message.text)
