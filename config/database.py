"""Which PostgreSQL the project talks to.

`DATABASE_URL` names any server. Without it, an embedded PostgreSQL (the `pgserver` package ships a
real server in a wheel) runs from a data folder inside the project, so a fresh machine needs nothing
installed by hand. SQLite is never an option: the project relies on PostgreSQL features.
"""

import warnings
from pathlib import Path

import dj_database_url

EMBEDDED_DATABASE_NAME = "zonescope"
# Seconds a connection is kept for the next request of the same worker thread: opening one costs
# more than a small page's queries (API zones: 23 ms with a new connection per request, 14 ms kept).
DEFAULT_CONN_MAX_AGE = 60


def database_config(
    database_url: str | None, embedded_data_dir: Path, *, conn_max_age: int = DEFAULT_CONN_MAX_AGE
) -> dict:
    """Kept connections are checked before each request's first query (`CONN_HEALTH_CHECKS`), so a
    server restart costs one reconnect, not an error page."""
    if database_url:
        config = dj_database_url.parse(database_url, conn_max_age=conn_max_age, conn_health_checks=True)
        if config["ENGINE"] != "django.db.backends.postgresql":
            raise ValueError(f"DATABASE_URL must point at PostgreSQL, not {config['ENGINE']}")
        return config
    return embedded_database_config(embedded_data_dir, conn_max_age=conn_max_age)


def embedded_database_config(data_dir: Path, *, conn_max_age: int = DEFAULT_CONN_MAX_AGE) -> dict:
    server = start_embedded_server(data_dir)
    return {
        "ENGINE": "django.db.backends.postgresql",
        "NAME": EMBEDDED_DATABASE_NAME,
        "USER": "postgres",
        "PASSWORD": "",
        # pgserver listens on a Unix socket only; its directory is the HOST.
        "HOST": server.get_uri().split("host=", 1)[1],
        "PORT": "",
        "CONN_MAX_AGE": conn_max_age,
        "CONN_HEALTH_CHECKS": True,
    }


def start_embedded_server(data_dir: Path):
    """Start (or join) the embedded server and make sure the project's database exists."""
    with warnings.catch_warnings():
        # Without XDG_RUNTIME_DIR (containers, CI) platformdirs warns and falls back to /tmp/runtime-<uid>,
        # which serves pgserver's lock file just as well.
        warnings.simplefilter("ignore")
        import pgserver  # imported here: deployments with DATABASE_URL never load it
        import platformdirs

        platformdirs.user_runtime_path("python_PostgresServer")

    data_dir.parent.mkdir(parents=True, exist_ok=True)
    # cleanup_mode=None leaves the server running for the next process (runserver's reloader,
    # pytest, manage.py commands); starting it costs about a second.
    server = pgserver.get_server(data_dir, cleanup_mode=None)
    exists = server.psql(f"SELECT 1 FROM pg_database WHERE datname = '{EMBEDDED_DATABASE_NAME}';")
    if "(1 row)" not in exists:
        server.psql(f"CREATE DATABASE {EMBEDDED_DATABASE_NAME};")
    return server
