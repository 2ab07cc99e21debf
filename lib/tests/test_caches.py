import pytest
from django.core.cache import cache
from django.db import connection

from lib.caches import COMPRESSED_FROM

pytestmark = pytest.mark.django_db


def stored_length(key: str) -> int:
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT length(value) FROM zonescope_cache WHERE cache_key = %s", [cache.make_key(key)]
        )
        return cursor.fetchone()[0]


def test_large_values_are_stored_compressed_and_read_back_whole():
    page = "<tr><td>地区生产总值</td><td>1,234.5亿元</td></tr>\n" * 5000
    cache.set("page", page)
    assert cache.get("page") == page
    assert cache.get_many(["page"]) == {"page": page}
    assert stored_length("page") < len(page.encode()) / 10


def test_small_values_and_counters_are_stored_as_they_are():
    cache.set("count", 1)
    assert cache.incr("count") == 2
    assert cache.add("flag", "x" * (COMPRESSED_FROM // 2)) and cache.get("flag") == "x" * (
        COMPRESSED_FROM // 2
    )
    assert cache.get("missing", "default") == "default"
