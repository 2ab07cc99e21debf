"""Every change to a figure is kept, and two editors saving the same figure never overwrite each other
unknowingly."""

from concurrent.futures import ThreadPoolExecutor
from decimal import Decimal
from threading import Barrier

import pytest
from django.db import connection
from django.urls import reverse

from factories import make_article, make_indicator
from metrics.models import Indicator
from review.models import IndicatorChange
from review.services import StaleIndicator, correct_indicator
from review.tests.test_review_views import correction

pytestmark = pytest.mark.django_db


def test_the_second_of_two_concurrent_corrections_is_told_and_nothing_is_overwritten(client_of, indicator):
    first, second = client_of("wang", editor=True), client_of("li", editor=True)
    seen_by_both = correction(indicator)  # both opened the page at version 1

    assert (
        first.post(
            reverse("review:correct", args=[indicator.pk]), {**seen_by_both, "value": "310"}
        ).status_code
        == 302
    )
    response = second.post(reverse("review:correct", args=[indicator.pk]), {**seen_by_both, "value": "320"})

    assert response.status_code == 409
    indicator.refresh_from_db()
    assert (indicator.value, indicator.version, indicator.reviewed_by.username) == (310, 2, "wang")
    html = response.content.decode()
    assert "Someone else saved this figure" in html and "310亿元" in html
    # The second editor's values are kept in the form, now against the current version...
    form = dict(response.context["items"])[indicator]
    assert (form["value"].value(), form["version"].value()) == ("320", 2)
    # ...so saving again is a deliberate choice, recorded like any other change.
    resubmitted = second.post(
        reverse("review:correct", args=[indicator.pk]), {**seen_by_both, "value": "320", "version": 2}
    )
    assert resubmitted.status_code == 302
    indicator.refresh_from_db()
    assert (indicator.value, indicator.version, indicator.reviewed_by.username) == (320, 3, "li")


@pytest.mark.parametrize("action", ["confirm", "reject"])
def test_a_stale_confirmation_or_rejection_is_refused(client_of, indicator, action):
    first, second = client_of("wang", editor=True), client_of("li", editor=True)
    first.post(reverse("review:correct", args=[indicator.pk]), correction(indicator, value="310"))
    response = second.post(reverse(f"review:{action}", args=[indicator.pk]), {"version": 1}, follow=True)
    assert "Someone else saved this figure" in response.content.decode()
    indicator.refresh_from_db()
    assert (indicator.review_state, indicator.version) == ("corrected", 2)


def test_each_change_is_recorded_with_who_when_before_and_after(client_of, indicator):
    editor = client_of("wang", editor=True)
    editor.post(
        reverse("review:correct", args=[indicator.pk]),
        correction(indicator, value="310", period_label="2024", scope="group"),
    )
    editor.post(reverse("review:reject", args=[indicator.pk]), {"version": 2})

    corrected, rejected = IndicatorChange.objects.order_by("changed_at", "id")
    assert [c.changed_by.username for c in (corrected, rejected)] == ["wang", "wang"]
    assert corrected.changed_at <= rejected.changed_at
    assert (corrected.before["value"], corrected.after["value"]) == ("300", "310")
    assert (corrected.before["period_label"], corrected.after["period_label"]) == ("", "2024")
    assert (rejected.before["review_state"], rejected.after["review_state"]) == ("corrected", "rejected")
    assert Indicator.objects.get().version == 3

    html = editor.get(reverse("review:article", args=[indicator.article_id])).content.decode()
    assert (
        "value: 300 → 310" in html and "period: — → 2024" in html and "scope: zone → group of zones" in html
    )


@pytest.mark.django_db(transaction=True)
def test_two_simultaneous_saves_of_one_version_let_exactly_one_through(django_user_model):
    figure = make_indicator(
        make_article(), quote="地区生产总值300亿元", value="300", unit="亿元", metric_text="地区生产总值"
    )
    editors = [django_user_model.objects.create_user(name) for name in ("wang", "li")]
    start_together = Barrier(2)

    def save(editor, value):
        try:
            start_together.wait()
            correct_indicator(figure.pk, version=1, user=editor, value=Decimal(value))
            return "saved"
        except StaleIndicator:
            return "stale"
        finally:
            connection.close()

    with ThreadPoolExecutor(2) as pool:
        outcomes = list(pool.map(save, editors, ["310", "320"]))

    assert sorted(outcomes) == ["saved", "stale"]
    figure.refresh_from_db()
    assert figure.version == 2 and figure.changes.count() == 1
    assert figure.value == {"wang": 310, "li": 320}[figure.reviewed_by.username]
