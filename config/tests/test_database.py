import tempfile
from pathlib import Path

import pytest
from django.db import connection

from config.database import EMBEDDED_DATABASE_NAME, database_config


def test_database_url_selects_that_server(tmp_path):
    config = database_config("postgres://analyst:secret@db.internal:6543/zones", tmp_path / "unused")
    assert config["ENGINE"] == "django.db.backends.postgresql"
    assert (config["HOST"], config["PORT"], config["NAME"], config["USER"]) == (
        "db.internal",
        6543,
        "zones",
        "analyst",
    )
    assert not (tmp_path / "unused").exists(), "no embedded server is started when DATABASE_URL is set"


def test_connections_are_kept_between_requests_and_checked_before_reuse(tmp_path, settings):
    config = database_config("postgres://analyst@db.internal/zones", tmp_path / "unused", conn_max_age=5)
    assert (config["CONN_MAX_AGE"], config["CONN_HEALTH_CHECKS"]) == (5, True)
    assert settings.DATABASES["default"]["CONN_MAX_AGE"] > 0
    assert settings.DATABASES["default"]["CONN_HEALTH_CHECKS"] is True


def test_database_url_for_another_engine_is_refused(tmp_path):
    with pytest.raises(ValueError, match="PostgreSQL"):
        database_config("sqlite:///db.sqlite3", tmp_path)


def test_embedded_server_runs_in_the_given_folder_without_database_url():
    # Not pytest's tmp_path: its root folder is private to root, and as root pgserver runs the
    # server as a user of its own, which must reach the data folder.
    folder = Path(tempfile.mkdtemp(prefix="zonescope-pgdata-"))
    folder.chmod(0o755)
    data_dir = folder / "pgdata"
    config = database_config(None, data_dir)
    assert config["ENGINE"] == "django.db.backends.postgresql"
    assert config["NAME"] == EMBEDDED_DATABASE_NAME
    assert (data_dir / "PG_VERSION").exists()
    assert Path(config["HOST"]).is_dir(), "the embedded server is reached through its socket folder"
    assert (config["CONN_MAX_AGE"], config["CONN_HEALTH_CHECKS"]) == (60, True)


@pytest.mark.django_db
def test_tests_run_against_postgresql():
    assert connection.vendor == "postgresql"
    with connection.cursor() as cursor:
        cursor.execute("SELECT version()")
        assert cursor.fetchone()[0].startswith("PostgreSQL")
