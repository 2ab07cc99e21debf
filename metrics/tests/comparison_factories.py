"""Small builders for the comparison tests: zones, metrics, articles and indicators written here,
not taken from the demo data, so every expected number is visible in the test."""
import itertools
from datetime import date
from decimal import Decimal

from django.utils import timezone

from articles.services import ArticleInput, store_article
from metrics.models import Indicator, Metric
from zones.models import Zone

_serial = itertools.count()


def make_zone(short_name: str, *, province="测试省", level=Zone.Level.NATIONAL) -> Zone:
    number = next(_serial)
    return Zone.objects.create(name=f"{short_name}（测试{number}）", short_name=short_name,
                               slug=f"test-zone-{number}", province=province, level=level)


def make_metric(code="test_enterprises", name_zh="测试企业数", unit="家") -> Metric:
    return Metric.objects.get_or_create(code=code, defaults={"name_zh": name_zh, "name_en": code, "unit": unit})[0]


def make_article(published_on: date | None = date(2024, 3, 1), text: str = ""):
    number = next(_serial)
    return store_article(ArticleInput(text=text or f"测试报道第{number}篇。", published_on=published_on,
                                      title=f"测试报道{number}"), extract=False)


def make_indicator(article, zone, metric, value, *, stance=Indicator.Stance.ACHIEVEMENT,
                   kind=Indicator.Kind.LEVEL, period="2024", unit=None, base_value="same",
                   reviewed=False, **fields) -> Indicator:
    value = Decimal(str(value))
    if base_value == "same":
        base_value = value
    review = {"review_state": Indicator.ReviewState.CONFIRMED, "reviewed_at": timezone.now()} if reviewed else {}
    return Indicator.objects.create(
        article=article, zone=zone, metric=metric, metric_text=fields.pop("metric_text", metric.name_zh if metric else ""),
        value=value, unit=unit if unit is not None else (metric.unit if metric else ""),
        base_value=None if base_value is None else Decimal(str(base_value)), kind=kind, stance=stance,
        period_label=period, quote=fields.pop("quote", f"{value}"), **review, **fields,
    )
