import os
import subprocess
import sys
from pathlib import Path

import pytest

from config.secret_key import DEVELOPMENT_KEY

ROOT = Path(__file__).resolve().parents[2]


PRODUCTION_KEY = "x" * 64 + "-production-secret-for-the-check"


def run_manage(*args, **env):
    """manage.py in a fresh process with this environment and the real settings; DEBUG and SECRET_KEY
    only as given (the test process itself runs config.test_settings, with DEBUG=1)."""
    own = ("DEBUG", "SECRET_KEY", "DJANGO_SETTINGS_MODULE")
    inherited = {name: value for name, value in os.environ.items() if name not in own}
    return subprocess.run(
        [sys.executable, "manage.py", *args],
        cwd=ROOT,
        capture_output=True,
        text=True,
        env={**inherited, **env},
        timeout=120,
    )


def setting(name: str, **env) -> str:
    result = run_manage(
        "shell",
        "-c",
        f"from django.conf import settings; print(repr(getattr(settings, {name!r}, None)))",
        **env,
    )
    assert result.returncode == 0, result.stderr
    return result.stdout.strip().splitlines()[-1]  # after the shell's note on what it imported


def test_production_settings_pass_the_deployment_checklist():
    result = run_manage(
        "check",
        "--deploy",
        "--fail-level",
        "WARNING",
        DEBUG="0",
        SECRET_KEY=PRODUCTION_KEY,
        ALLOWED_HOSTS="zonescope.example.org",
        SECURE_HSTS_PRELOAD="1",
    )
    assert result.returncode == 0, result.stdout + result.stderr


def test_production_refuses_to_start_without_a_secret_key():
    result = run_manage("check", DEBUG="0", SECRET_KEY="")
    assert result.returncode != 0
    assert "SECRET_KEY must be set" in result.stderr


def test_debug_is_off_unless_asked_for():
    result = run_manage("check")
    assert result.returncode != 0 and "SECRET_KEY must be set when DEBUG is off" in result.stderr
    assert setting("DEBUG", SECRET_KEY=PRODUCTION_KEY) == "False"
    assert setting("DEBUG", DEBUG="1") == "True"


@pytest.mark.parametrize(
    "key, reason",
    [
        (DEVELOPMENT_KEY, "is the development key published in the source code"),
        ("xyz", "is 3 characters long; at least 50 are required"),
        ("django-insecure-" + "k" * 60, "a key Django generated for development"),
        ("ab" * 40, "has only 2 distinct characters"),
    ],
)
def test_production_refuses_to_start_with_a_known_or_weak_secret_key(key, reason):
    result = run_manage("check", DEBUG="0", SECRET_KEY=key)
    assert result.returncode != 0
    assert "ImproperlyConfigured" in result.stderr and reason in result.stderr


def test_the_forwarded_scheme_is_believed_only_behind_a_trusted_proxy():
    production = {"DEBUG": "0", "SECRET_KEY": PRODUCTION_KEY}
    assert setting("SECURE_PROXY_SSL_HEADER", **production) == "None"
    assert (
        setting("SECURE_PROXY_SSL_HEADER", TRUSTED_PROXY="1", **production)
        == "('HTTP_X_FORWARDED_PROTO', 'https')"
    )


def test_the_cache_is_shared_by_workers_in_the_database_or_redis():
    in_database = setting("CACHES", DEBUG="1")
    in_redis = setting("CACHES", DEBUG="1", REDIS_URL="redis://cache.internal:6379/0")
    assert "CompressingDatabaseCache" in in_database and "RedisCache" in in_redis
    # Fragments apart from throttle counts: their own table, or their own key prefix.
    for caches in in_database, in_redis:
        assert "'fragments'" in caches and "zonescope_fragments" in caches and "zonescope_cache" in caches
