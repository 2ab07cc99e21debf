"""The gazetteer and catalogue are built once per batch and again only when the registry or the
catalogue change."""

import pytest

from factories import make_metric, make_zone
from ingestion.services import reference

pytestmark = pytest.mark.django_db(transaction=True)


def test_the_reference_is_reused_until_a_zone_or_synonym_changes(django_assert_max_num_queries):
    zone, metric = make_zone("庚高新区"), make_metric()
    first = reference()
    with django_assert_max_num_queries(1):
        assert reference() is first, "nothing changed: one version query, nothing rebuilt"

    metric.add_synonym("庚企业数")
    metric.save()
    after_synonym = reference()
    assert after_synonym is not first
    assert after_synonym.catalogue.match("庚企业数", "家", "level").code == metric.code

    zone.aliases = [*zone.aliases, "庚园"]
    zone.save()
    assert reference() is not after_synonym
    make_zone("辛高新区")
    assert reference().version != after_synonym.version
