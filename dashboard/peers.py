"""Suggested peers for a zone (对标): zones of the same level, in the same province or region,
closest in size on their latest 营业收入 (else GDP). Two queries, whatever the number of zones."""

from __future__ import annotations

import math
from dataclasses import dataclass
from datetime import date
from decimal import Decimal

from django.db.models import Q

from metrics.models import Indicator, Metric
from zones.models import Zone
from zones.templatetags.places import place_names

PEERS_SHOWN = 5
# Sizes in order of preference: what a zone's economy is usually measured by.
SIZE_METRICS = ("operating_revenue", "gdp")
# The customary regions of mainland China, by the start of the province's name.
REGIONS = {
    "north": ("北京", "天津", "河北", "山西", "内蒙古"),
    "northeast": ("辽宁", "吉林", "黑龙江"),
    "east": ("上海", "江苏", "浙江", "安徽", "福建", "江西", "山东"),
    "central": ("河南", "湖北", "湖南"),
    "south": ("广东", "广西", "海南"),
    "southwest": ("重庆", "四川", "贵州", "云南", "西藏"),
    "northwest": ("陕西", "甘肃", "青海", "宁夏", "新疆"),
}


@dataclass(frozen=True)
class Size:
    metric: Metric
    amount: Decimal  # in the metric's base unit
    year: int | None


@dataclass(frozen=True)
class Peer:
    zone: Zone
    same_province: bool
    size: Size | None  # on the metric the zone itself is measured by, when both report it


def region_provinces(provinces: list[str]) -> list[str]:
    """The province-name starts of every region these provinces are in (the provinces themselves
    when outside any region)."""
    starts = [
        s for region in REGIONS.values() if any(p.startswith(region) for p in provinces) for s in region
    ]
    return starts or provinces


def latest_sizes(zones) -> dict[int, dict[str, Size]]:
    """Each zone's latest result on each size metric, as {zone id: {metric code: Size}}. One query."""
    figures = (
        Indicator.objects.active()
        .filter(
            zone__in=zones,
            scope=Indicator.Scope.ZONE,
            stance=Indicator.Stance.ACHIEVEMENT,
            kind=Indicator.Kind.LEVEL,
            metric__code__in=SIZE_METRICS,
            base_value__isnull=False,
            period_end__isnull=False,
        )
        .select_related("metric")
        .only(
            "zone_id",
            "base_value",
            "period_end",
            "metric__code",
            "metric__name_zh",
            "metric__name_en",
            "metric__unit",
        )
        .order_by("zone_id", "metric_id", "-period_end", "-pk")
        .distinct("zone_id", "metric_id")
    )
    sizes: dict[int, dict[str, Size]] = {}
    for figure in figures:
        end: date = figure.period_end
        sizes.setdefault(figure.zone_id, {})[figure.metric.code] = Size(
            figure.metric, figure.base_value, end.year
        )
    return sizes


def size_distance(a: Decimal, b: Decimal) -> float:
    """How far apart two sizes are, as a ratio (2× larger and 2× smaller are equally far)."""
    if a <= 0 or b <= 0:
        return math.inf
    return abs(math.log(float(a) / float(b)))


@dataclass(frozen=True)
class PeerSuggestion:
    size: Size | None  # the zone's own size the peers are measured against
    peers: list[Peer]

    @property
    def compare_slugs(self) -> str:
        return ",".join(peer.zone.slug for peer in self.peers)


def suggested_peers(zone: Zone, *, count: int = PEERS_SHOWN) -> PeerSuggestion:
    provinces = place_names(zone.province)
    if not provinces:
        return PeerSuggestion(None, [])
    nearby = Q()
    for start in region_provinces(provinces):
        nearby |= Q(province__contains=start)
    candidates = list(
        Zone.objects.filter(nearby, level=zone.level)
        .exclude(pk=zone.pk)
        .only("slug", "short_name", "name", "province")
    )
    sizes = latest_sizes([zone.pk, *(c.pk for c in candidates)])
    own = sizes.get(zone.pk, {})
    measure = next((code for code in SIZE_METRICS if code in own), None)

    def in_province(candidate: Zone) -> bool:
        return any(p in place_names(candidate.province) for p in provinces)

    def order(candidate: Zone):
        size = sizes.get(candidate.pk, {}).get(measure) if measure else None
        distance = size_distance(own[measure].amount, size.amount) if size else math.inf
        return (distance, not in_province(candidate), not sizes.get(candidate.pk), candidate.short_name)

    chosen = sorted(candidates, key=order)[:count]
    return PeerSuggestion(
        own[measure] if measure else None,
        [
            Peer(peer, in_province(peer), sizes.get(peer.pk, {}).get(measure) if measure else None)
            for peer in chosen
        ],
    )
