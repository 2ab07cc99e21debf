import os

import pytest


@pytest.fixture(scope="session")
def django_db_modify_db_settings(django_db_modify_db_settings_parallel_suffix):
    """One test database per test run: runs side by side on one server (several developers, CI
    and a developer) must never create or destroy each other's database."""
    from django.conf import settings

    for db_settings in settings.DATABASES.values():
        db_settings.setdefault("TEST", {})["NAME"] = f"test_{db_settings['NAME']}_{os.getpid()}"


@pytest.fixture
def registry(db):
    """The shipped zone registry and metric catalogue, loaded as setup does."""
    from metrics.catalogue import load_catalogue
    from zones.services import load_registry

    load_registry()
    load_catalogue()
