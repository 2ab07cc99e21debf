"""The demo articles, extracted by the engine, as policy staff see them (`make setup` data)."""

import itertools
from pathlib import Path

import pytest
from django.core.management import call_command
from django.urls import reverse

from articles.models import Article
from metrics.models import Indicator
from zones.models import Zone

pytestmark = pytest.mark.django_db

DEMO = Path(__file__).resolve().parents[2] / "ingestion" / "demo"


@pytest.fixture
def demo(registry):
    call_command("import_articles", str(DEMO), "--now", verbosity=0)


def test_cihu_page_lists_its_2023_achievements_with_their_quotes(client, demo):
    cihu = Zone.objects.get(short_name="慈湖高新区")
    response = client.get(cihu.get_absolute_url())
    html = response.content.decode()
    achieved_2023 = [
        row.achievement
        for row in response.context["figures"].found.rows
        if row.achievement and row.achievement.period.label == "2023"
    ]
    assert len(achieved_2023) >= 5
    for figure in achieved_2023:
        assert figure.url in html
        quote_page = client.get(reverse("dashboard:article", args=[figure.article_id])).content.decode()
        assert f'id="indicator-{figure.indicator_id}"' in quote_page


def test_compare_weihai_kunming_yuxi_shows_their_2024_targets(client, demo):
    zones = [Zone.objects.get(short_name=name) for name in ("威海高新区", "昆明高新区", "玉溪高新区")]
    response = client.get(
        reverse("dashboard:compare"), {"zones": ",".join(z.slug for z in zones), "year": "2024"}
    )
    comparison = response.context["shown"].comparison
    html = response.content.decode()
    for position, zone in enumerate(zones):
        cells = [row.cells[position] for row in comparison.rows + comparison.uncatalogued_rows]
        targets = [cell.progress.target for cell in cells if cell.progress and cell.progress.target]
        assert targets, zone
        assert all(target.period.contains_year(2024) and target.url in html for target in targets)


def test_every_demo_page_renders(client, demo):
    from articles.models import Article
    from metrics.models import Metric

    zones = list(Zone.objects.filter(indicators__isnull=False).distinct())
    assert len(zones) >= 5
    for zone in zones:
        assert client.get(zone.get_absolute_url()).status_code == 200
    for article in Article.objects.all():
        assert client.get(article.get_absolute_url()).status_code == 200
    for metric in Metric.objects.filter(indicators__isnull=False).distinct():
        assert client.get(metric.get_absolute_url()).status_code == 200
    for first, second in itertools.pairwise(zones):
        response = client.get(reverse("dashboard:compare"), {"zones": f"{first.slug},{second.slug}"})
        assert response.status_code == 200 and response.context["shown"].comparison is not None


def test_demo_indicators_are_listed_in_the_admin(admin_client, demo):
    response = admin_client.get("/admin/metrics/indicator/", {"q": "慈湖"})
    assert response.status_code == 200
    shown = response.context["cl"].result_count
    assert shown == Indicator.objects.filter(zone__short_name="慈湖高新区").count() > 10
    article = Article.objects.get(title__contains="慈湖高新区")
    assert admin_client.get(f"/admin/articles/article/{article.pk}/change/").status_code == 200
