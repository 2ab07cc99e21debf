"""Editors confirm zones found only in reports; everyone else only sees that they are unverified."""

import pytest
from django.urls import reverse

from zones.services import get_or_create_reported_zone

pytestmark = pytest.mark.django_db


@pytest.fixture
def reported_zone(db):
    return get_or_create_reported_zone("青岛西海岸新区")


def test_an_editor_confirms_a_zone_found_in_reports(client_of, reported_zone):
    editor = client_of("editor", editor=True)
    page = editor.get(reported_zone.get_absolute_url()).content.decode()
    verify_url = reverse("review:verify_zone", args=[reported_zone.slug])
    assert f'action="{verify_url}"' in page
    response = editor.post(verify_url)
    assert response.status_code == 302 and response.url == reported_zone.get_absolute_url()
    reported_zone.refresh_from_db()
    assert reported_zone.verified
    assert f'action="{verify_url}"' not in editor.get(reported_zone.get_absolute_url()).content.decode()


def test_only_editors_may_confirm_a_zone(client, client_of, reported_zone):
    verify_url = reverse("review:verify_zone", args=[reported_zone.slug])
    reader = client_of("reader", editor=False)
    assert f'action="{verify_url}"' not in reader.get(reported_zone.get_absolute_url()).content.decode()
    assert reader.post(verify_url).status_code == 403
    assert client.post(verify_url).status_code == 302  # to the login page
    assert client_of("editor", editor=True).get(verify_url).status_code == 405
    reported_zone.refresh_from_db()
    assert not reported_zone.verified
