"""Articles and indicators built directly, as the engine would store them, for the review tests."""
from decimal import Decimal

from articles.services import ArticleInput, store_article
from metrics.models import Indicator
from zones.models import Zone

REPORT = "威海高新区2024年完成地区生产总值300亿元，同比增长8.5%。高新技术企业达到320家。"


def make_zone(name="威海火炬高技术产业开发区", short_name="威海高新区", slug="weihai"):
    return Zone.objects.create(name=name, short_name=short_name, slug=slug, aliases=[short_name])


def make_article(text=REPORT, **details):
    return store_article(ArticleInput(text=text, **details), extract=False)


def make_indicator(article, quote, *, value, unit="", metric=None, metric_text="", zone=None, **fields):
    """An automatic indicator quoting the first occurrence of `quote` in the article."""
    start = article.raw_text.index(quote)
    return Indicator.objects.create(
        article=article, zone=zone, metric=metric, metric_text=metric_text or (metric.name_zh if metric else "?"),
        value=Decimal(value), unit=unit, quote=quote, quote_start=start, quote_end=start + len(quote),
        extraction_key=f"key-{start}-{value}", **fields,
    )
