import pytest

from factories import make_article, make_indicator
from metrics.models import Metric


@pytest.fixture
def gdp(db):
    return Metric.objects.create(
        code="gdp", name_zh="地区生产总值", name_en="GDP", unit="亿元", family="money"
    )


@pytest.fixture
def indicator(gdp):
    """An automatic figure quoting “地区生产总值300亿元” in the review factories' report."""
    return make_indicator(
        make_article(),
        quote="地区生产总值300亿元",
        value="300",
        unit="亿元",
        metric=gdp,
        period="",
        base_value=None,
    )
