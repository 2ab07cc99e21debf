"""Two uploads naming the same new zone at once: the second takes the zone the first created."""

import threading
import time

import pytest
from django.db import connection, transaction

from zones.models import Zone
from zones.services import get_or_create_reported_zone

NAME = "青岛西海岸新区"


@pytest.mark.django_db(transaction=True)
def test_a_zone_created_by_a_concurrent_upload_is_taken_not_an_error():
    created_first = threading.Event()
    found = {}

    def first_upload():
        with transaction.atomic():
            get_or_create_reported_zone(NAME)
            created_first.set()
            time.sleep(0.5)  # the second upload looks the zone up meanwhile and waits on our insert
        connection.close()

    def second_upload():
        created_first.wait()
        try:
            with transaction.atomic():
                found["zone"] = get_or_create_reported_zone(NAME)
        except Exception as error:
            found["error"] = error
        finally:
            connection.close()

    threads = [threading.Thread(target=first_upload), threading.Thread(target=second_upload)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert "error" not in found, found.get("error")
    assert found["zone"] == Zone.objects.get(name=NAME)
