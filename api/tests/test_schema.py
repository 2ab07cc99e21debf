"""Schema fuzzing: requests generated from the published OpenAPI schema, run against the real
application and test database, anonymously and with an editor's token, with every check of
schemathesis: no server error, no response the schema does not describe, schema-valid requests
accepted and invalid ones refused."""

import datetime as dt
import json

import pytest
import schemathesis
from django.core.signals import request_finished, request_started
from django.core.wsgi import get_wsgi_application
from django.db import close_old_connections
from drf_spectacular.generators import SchemaGenerator
from drf_spectacular.renderers import OpenApiJsonRenderer
from hypothesis import HealthCheck, settings
from schemathesis.config import SchemathesisConfig

from articles.services import ArticleInput, store_article
from metrics.models import Indicator, Metric
from zones.models import Zone


@pytest.fixture
def api_data(registry, unthrottled):
    zone = Zone.objects.get(slug="weihai")
    article = store_article(
        ArticleInput(
            text="威海高新区2024年地区生产总值312亿元。",
            title="威海年报",
            published_on=dt.date(2025, 1, 5),
            zones=[zone],
        )
    )
    Indicator.objects.create(
        article=article,
        zone=zone,
        metric=Metric.objects.get(code="gdp"),
        metric_text="地区生产总值",
        value=312,
        unit="亿元",
        base_value=312,
        period_label="2024年",
        period_start=dt.date(2024, 1, 1),
        period_end=dt.date(2024, 12, 31),
        quote="2024年地区生产总值312亿元",
    )
    # Hundreds of generated requests in a minute are the point here, not abuse (fixture `unthrottled`).
    # A WSGI request ends by closing the database connection, and with it the test's transaction;
    # Django's own test client keeps it open the same way.
    request_started.disconnect(close_old_connections)
    request_finished.disconnect(close_old_connections)
    yield
    request_started.connect(close_old_connections)
    request_finished.connect(close_old_connections)


@pytest.fixture
def editor_token(token_for):
    return token_for("fuzzing-editor", editor=True)


def published_schema() -> dict:
    """The schema /api/schema/ serves, generated without a request: asking the application would
    use the database (its throttles count in the database cache) before any test may."""
    document = SchemaGenerator().get_schema(request=None, public=True)
    return json.loads(OpenApiJsonRenderer().render(document))


# What a schema cannot state: that an uploaded file must be a readable report of an accepted type,
# within the limits on the work it may cost, and not yet stored. Schema-valid uploads may therefore
# be refused with 400 (unreadable, wrong type, no text), 413 (over a limit) or 422 (extraction
# failed or ran out of time), for this operation only; every other check runs in full everywhere.
CHECKS = """
[[operations]]
include-path = "/api/v1/articles/"
include-method = "POST"
checks.positive_data_acceptance.expected-statuses = [
    "2xx", "400", "401", "403", "404", "409", "413", "422", "429",
]
"""

# Generating the schema needs no database, so it is loaded as the tests are collected.
schema = schemathesis.openapi.from_dict(published_schema(), config=SchemathesisConfig.from_str(CHECKS))
schema.app = get_wsgi_application()


@schema.parametrize()
@settings(max_examples=10, deadline=None, suppress_health_check=list(HealthCheck))
def test_the_api_answers_every_generated_request_as_its_schema_says(case, api_data):
    case.call_and_validate()


@schema.parametrize()
@settings(max_examples=10, deadline=None, suppress_health_check=list(HealthCheck))
def test_an_editors_generated_requests_and_uploads_are_answered_as_the_schema_says(
    case, api_data, editor_token
):
    case.call_and_validate(headers={"Authorization": f"Token {editor_token}"})
