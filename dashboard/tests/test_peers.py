"""Suggested peers: same level, same province or region, closest in size."""

from datetime import date

import pytest
from django.urls import reverse

from dashboard.peers import suggested_peers
from factories import make_article, make_indicator, make_metric, make_zone
from zones.models import Zone

pytestmark = pytest.mark.django_db


def sized(name, province, revenue=None, level=Zone.Level.NATIONAL_HITECH):
    zone = make_zone(name, province=province, level=level)
    if revenue is not None:
        revenue_metric = make_metric("operating_revenue", "营业收入", "亿元")
        make_indicator(
            make_article(published_on=date(2024, 1, 20)),
            zone=zone,
            metric=revenue_metric,
            value=revenue,
            period="2023",
            period_start=date(2023, 1, 1),
            period_end=date(2023, 12, 31),
        )
    return zone


@pytest.fixture
def shandong(db):
    zone = sized("鲁甲高新区", "山东省", 1000)
    return {
        "zone": zone,
        "near_in_province": sized("鲁乙高新区", "山东省", 900),
        "nearest_in_region": sized("苏丙高新区", "江苏省", 1100),
        "far_in_province": sized("鲁丁高新区", "山东省", 80),
        "unsized_in_province": sized("鲁戊高新区", "山东省"),
        "other_level": sized("鲁己高新区", "山东省", 1000, level=Zone.Level.PROVINCIAL_HITECH),
        "other_region": sized("粤庚高新区", "广东省", 1000),
    }


def test_peers_share_level_and_region_and_come_closest_in_size_first(shandong):
    suggestion = suggested_peers(shandong["zone"])
    assert [peer.zone for peer in suggestion.peers][:4] == [
        shandong["nearest_in_region"],
        shandong["near_in_province"],
        shandong["far_in_province"],
        shandong["unsized_in_province"],
    ]
    chosen = {peer.zone for peer in suggestion.peers}
    assert shandong["other_level"] not in chosen and shandong["other_region"] not in chosen
    assert suggestion.size.metric.code == "operating_revenue" and suggestion.size.year == 2023
    assert suggestion.peers[0].size.amount == 1100 and not suggestion.peers[0].same_province


def test_zone_page_offers_its_peers_and_one_click_to_compare_with_them(client, shandong):
    zone = shandong["zone"]
    html = client.get(zone.get_absolute_url()).content.decode()
    peers = suggested_peers(zone).peers
    assert all(peer.zone.get_absolute_url() in html for peer in peers)
    compare_all = f"{reverse('dashboard:compare')}?zones={zone.slug}," + ",".join(p.zone.slug for p in peers)
    assert compare_all in html
    assert client.get(compare_all).context["shown"].comparison.zones == [zone, *(p.zone for p in peers)]


def test_a_zone_without_province_has_no_peers():
    assert suggested_peers(make_zone("无省高新区", province="")).peers == []
