"""The admin shows indicators; changing them is the review pages' work (history, stale saves refused)."""

import warnings

import pytest
from django.contrib.auth.models import User
from django.urls import reverse
from django.utils.deprecation import RemovedInDjango60Warning

from factories import make_article, make_indicator

pytestmark = pytest.mark.django_db


@pytest.fixture
def admin_client_(client):
    client.force_login(User.objects.create_superuser("root", "root@example.org", "pw"))
    return client


def test_an_indicator_cannot_be_changed_or_deleted_in_the_admin(admin_client_, indicator):
    change_url = reverse("admin:metrics_indicator_change", args=[indicator.pk])
    assert admin_client_.get(change_url).status_code == 200
    admin_client_.post(change_url, {"value": "1", "metric_text": "x", "quote": "x", "version": 1})
    assert (
        admin_client_.post(
            reverse("admin:metrics_indicator_delete", args=[indicator.pk]), {"post": "yes"}
        ).status_code
        == 403
    )
    indicator.refresh_from_db()
    assert (indicator.value, indicator.version) == (300, 1)


def test_an_articles_admin_page_costs_the_same_queries_however_many_figures(
    admin_client_, gdp, django_assert_max_num_queries
):
    article = make_article(text="".join(f"第{n}项投资{n}0亿元。" for n in range(1, 21)))
    for n in range(1, 21):
        make_indicator(article, quote=f"{n}0亿元", value=f"{n}0", unit="亿元", metric=gdp)
    with django_assert_max_num_queries(15), warnings.catch_warnings():
        warnings.simplefilter("error", RemovedInDjango60Warning)  # the URL field's default scheme
        response = admin_client_.get(reverse("admin:articles_article_change", args=[article.pk]))
    assert response.status_code == 200 and "200亿元" in response.content.decode()


def test_articles_are_not_added_in_the_admin(admin_client_):
    # Its text is read-only there: an article added there would be empty and never extracted.
    assert admin_client_.get(reverse("admin:articles_article_add")).status_code == 403
