import pytest
from django.core.cache import CacheKeyWarning, cache
from django.db import connection

from lib.caches import COMPRESSED_FROM, CompressingDatabaseCache

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


def test_set_replaces_and_add_writes_only_where_nothing_current_is():
    cache.set("key", "first")
    cache.set("key", "second")
    assert cache.get("key") == "second"
    assert not cache.add("key", "third")
    assert cache.get("key") == "second"
    cache.set("stale", "old", timeout=-1)  # already expired
    assert cache.add("stale", "new")
    assert cache.get("stale") == "new"
    cache.set("forever", "kept", timeout=None)
    assert cache.get("forever") == "kept"


def test_past_max_entries_a_set_culls_the_table():
    small = CompressingDatabaseCache("zonescope_cache", {"OPTIONS": {"MAX_ENTRIES": 4, "CULL_FREQUENCY": 2}})
    small.set("lasting", "kept", timeout=3600)
    for number in range(12):
        small.set(f"entry-{number}", number, timeout=60 + number)
    with connection.cursor() as cursor:
        cursor.execute("SELECT count(*) FROM zonescope_cache")
        entries = cursor.fetchone()[0]
    # Culled whenever more than four were there before a write: never more than five at once, the
    # entry just written kept and those expiring soonest gone first.
    assert entries <= 5
    assert small.get("entry-11") == 11
    assert small.get("lasting") == "kept"
    assert small.get("entry-0") is None


def test_a_key_too_long_for_the_table_is_not_stored_and_breaks_nothing():
    with pytest.warns(CacheKeyWarning):  # Django's own warning about long keys
        assert not cache.add("k" * 300, 1)
        cache.set("k" * 300, 1)
        assert cache.get("k" * 300) is None
    cache.set("after", 2)  # the transaction is still usable
    assert cache.get("after") == 2
