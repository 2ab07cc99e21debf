"""Test data built directly, for every app's tests: zones, metrics, articles and indicators written
here rather than taken from the demo data, so every expected number is visible in the test."""

import itertools
from datetime import date
from decimal import Decimal

from django.utils import timezone

from articles.services import ArticleInput, store_article
from metrics.models import Indicator, Metric
from zones.models import Zone

# A short report whose words the review tests quote ("地区生产总值300亿元", "320家").
REPORT = "威海高新区2024年完成地区生产总值300亿元，同比增长8.5%。高新技术企业达到320家。"

_serial = itertools.count()


def make_zone(
    short_name: str = "威海高新区",
    *,
    name: str = "",
    slug: str = "",
    province="测试省",
    level=Zone.Level.NATIONAL,
    **fields,
) -> Zone:
    number = next(_serial)
    return Zone.objects.create(
        name=name or f"{short_name}（测试{number}）",
        short_name=short_name,
        slug=slug or f"test-zone-{number}",
        province=province,
        level=level,
        **fields,
    )


def make_metric(code="test_enterprises", name_zh="测试企业数", unit="家") -> Metric:
    return Metric.objects.get_or_create(
        code=code, defaults={"name_zh": name_zh, "name_en": code, "unit": unit}
    )[0]


def make_article(*, text: str = "", published_on: date | None = date(2024, 3, 1), title: str = "", **details):
    """A stored article (no extraction). Without `text`: REPORT with a serial number, so that
    articles never collide as duplicates."""
    number = next(_serial)
    return store_article(
        ArticleInput(
            text=text or f"{REPORT}（第{number}篇）",
            published_on=published_on,
            title=title or f"测试报道{number}",
            **details,
        )
    )


def make_indicator(
    article,
    *,
    value,
    zone=None,
    metric=None,
    quote: str = "",
    unit=None,
    stance=Indicator.Stance.ACHIEVEMENT,
    kind=Indicator.Kind.LEVEL,
    period="2024",
    base_value="same",
    reviewed=False,
    **fields,
) -> Indicator:
    """An indicator as the engine stores it. A `quote` found in the article's text gets its offsets
    (and an extraction key, as automatic figures have); `base_value` is the value unless given."""
    value = Decimal(str(value))
    quote = quote or f"{value}"
    if "quote_start" not in fields and quote in article.raw_text:
        start = article.raw_text.index(quote)
        fields.update(quote_start=start, quote_end=start + len(quote))
        fields.setdefault("extraction_key", f"key-{start}-{value}")
    if base_value == "same":
        base_value = value
    if reviewed:
        fields.setdefault("review_state", Indicator.ReviewState.CONFIRMED)
        fields["reviewed_at"] = timezone.now()
    return Indicator.objects.create(
        article=article,
        zone=zone,
        metric=metric,
        metric_text=fields.pop("metric_text", "") or (metric.name_zh if metric else "?"),
        value=value,
        unit=unit if unit is not None else (metric.unit if metric else ""),
        base_value=None if base_value is None else Decimal(str(base_value)),
        kind=kind,
        stance=stance,
        period_label=period,
        quote=quote,
        **fields,
    )
