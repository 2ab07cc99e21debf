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


@pytest.fixture
def api_client(db):
    """A client of the REST API, with throttling history cleared so earlier tests cannot use it up."""
    from django.core.cache import cache
    from rest_framework.test import APIClient

    cache.clear()
    return APIClient()


@pytest.fixture
def token_for(db):
    """`token_for("name", editor=True)`: the API token of a new user, in the editors group or not."""
    from django.contrib.auth.models import Group, User
    from rest_framework.authtoken.models import Token

    from articles.editors import EDITORS_GROUP

    def make(username: str, *, editor: bool) -> str:
        user = User.objects.create_user(username)
        if editor:
            user.groups.add(Group.objects.get_or_create(name=EDITORS_GROUP)[0])
        return Token.objects.create(user=user).key

    return make


@pytest.fixture
def client_of(db):
    """`client_of("name", editor=True)`: a test client (English pages) logged in as a new user, in the
    editors group or not."""
    from django.contrib.auth.models import Group, User
    from django.test import Client

    from articles.editors import EDITORS_GROUP

    def make(username: str, *, editor: bool) -> Client:
        user = User.objects.create_user(username)
        if editor:
            user.groups.add(Group.objects.get(name=EDITORS_GROUP))
        client = Client(headers={"accept-language": "en"})
        client.force_login(user)
        return client

    return make
