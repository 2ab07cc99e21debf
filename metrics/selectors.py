"""Reads of the figures' tables that know nothing of how pages use them."""

from django.db import connection


def data_version() -> int:
    """A number that changes whenever figures, articles, zones or metrics change (and never comes
    back): a key for anything computed from them (migration 0008_data_version)."""
    with connection.cursor() as cursor:
        cursor.execute("SELECT version FROM metrics_data_version")
        return cursor.fetchone()[0]
