import pytest


@pytest.fixture
def registry(db):
    """The shipped zone registry and metric catalogue, loaded as setup does."""
    from metrics.catalogue import load_catalogue
    from zones.services import load_registry

    load_registry()
    load_catalogue()
