"""Reads shared by the pages and the API: the zone list, targets against achievements, zone beside
zone, rankings.

The rules (pairing, choosing among sources, judging progress) live in `dashboard.progress`;
this module loads what they need in a fixed number of queries.
"""

from __future__ import annotations

import re
from collections import defaultdict
from dataclasses import dataclass, field
from datetime import date
from functools import partial

from django.core.paginator import Page, Paginator
from django.db.models import (
    Case,
    Count,
    Exists,
    F,
    IntegerField,
    Max,
    OuterRef,
    Q,
    QuerySet,
    Subquery,
    TextField,
    Value,
    When,
)
from django.db.models.functions import Coalesce, Concat
from django.http import QueryDict
from django.utils import timezone
from django.utils.translation import gettext as _

from articles.models import Article
from dashboard.chosen import ChosenFigure, Narrowing, chosen_figures, chosen_sides
from dashboard.progress import (
    ChosenValue,
    Period,
    Series,
    Side,
    TargetProgress,
    amount_in_unit,
    counts_in_year,
    period_of,
    progress_rows,
    zone_progress_rows,
)
from metrics.models import Indicator, Metric
from zones.filters import ZoneFilter
from zones.models import Zone

# Only words that could be a slug or code reach the database (a NUL byte would not).
SLUG = re.compile(r"[-\w]{1,100}")
MIN_COMPARED_ZONES = 2
MAX_COMPARED_ZONES = 6


def zone_indicators(zones=None, metrics=None) -> QuerySet[Indicator]:
    """The figures that count (not rejected) attributed to a zone itself: of these zones, on these
    metrics, or all."""
    indicators = (
        Indicator.objects.active()
        .filter(scope=Indicator.Scope.ZONE, zone__isnull=False)
        .select_related("metric", "article")
        # The rules want an article's date, not its text (repeated on every figure's row).
        .defer("article__raw_text", "article__text")
    )
    if zones is not None:
        indicators = indicators.filter(zone__in=zones)
    if metrics is not None:
        indicators = indicators.filter(metric__in=metrics)
    return indicators


def pks(objects) -> list[int] | None:
    """The ids of these zones or metrics; None (all of them) for None."""
    return None if objects is None else [each.pk for each in objects]


def progress_by_zone(
    zones,
    *,
    metrics=None,
    year: int | None = None,
    kind: str | None = None,
    narrowing: Narrowing = Narrowing.ALL,
) -> dict[int, list[TargetProgress]]:
    """Each zone's rows (targets with their achievements, results without target), from the values
    PostgreSQL chose per side (`dashboard.chosen`); on these metrics and of this kind, or all. With
    a `narrowing`, only the rows it is for are sure to be right (the summary's, the latest)."""
    figures = chosen_figures(
        zone_ids=[zone.pk for zone in zones],
        metric_ids=pks(metrics),
        kind=kind,
        year=year,
        narrowing=narrowing,
    )
    return progress_of(zones, figures, metrics=metrics, year=year, kind=kind)


def progress_of(
    zones, figures: list[ChosenFigure], *, metrics, year, kind
) -> dict[int, list[TargetProgress]]:
    if metrics is None:
        metric_by_id = Metric.objects.in_bulk({figure.metric_id for figure in figures if figure.metric_id})
    else:
        metric_by_id = {metric.pk: metric for metric in metrics}
    by_zone: dict[int, list[ChosenFigure]] = defaultdict(list)
    for figure in figures:
        by_zone[figure.zone_id].append(figure)
    progress = {}
    for zone in zones:
        rows = rows_from_chosen(zone, by_zone[zone.pk], metric_by_id, year=year)
        if rows is None:
            # Periods the database tells apart (dates stored, or left to the label) that the rules
            # read as one: the rules choose among all their figures themselves.
            rows = zone_progress_rows(zone, list(zone_indicators([zone], metrics)), year=year)
            rows = [row for row in rows if kind is None or row.kind == kind]
        progress[zone.pk] = rows
    return progress


def rows_from_chosen(zone, figures: list[ChosenFigure], metric_by_id, *, year) -> list[TargetProgress] | None:
    """The rules' rows on values already chosen; None when two sides fall on one stated period."""
    about: dict[tuple, Series] = {}
    sides: dict[tuple, Side] = {}
    for figure in figures:
        period = figure.period
        if not counts_in_year(figure.stance, period, year):
            continue
        metric = metric_by_id.get(figure.metric_id)
        key = (figure.metric_key, figure.kind)
        about.setdefault(
            key, Series(zone, metric, figure.metric_text if metric else figure.words, figure.kind)
        )
        if (key, figure.stance, period) in sides:
            return None
        sides[key, figure.stance, period] = Side(figure.published_on, partial(chosen_value, figure, metric))
    return progress_rows(about, sides, year=year)


def chosen_value(figure: ChosenFigure, metric: Metric | None, period: Period) -> ChosenValue:
    amount, amount_unit = amount_in_unit(metric, figure.kind, figure.value, figure.base_value, figure.unit)
    return ChosenValue(
        indicator_id=figure.id,
        article_id=figure.article_id,
        value=figure.value,
        unit=figure.unit,
        amount=amount,
        amount_unit=amount_unit,
        qualifier=figure.qualifier,
        derived=figure.derived,
        reviewed=figure.reviewed,
        quote=figure.quote,
        published_on=figure.published_on,
        period=period,
        sources=figure.sources,
        agreeing=figure.agreeing,
        disagreeing=figure.sources - figure.agreeing,
        article_ids=frozenset(figure.article_ids),
    )


def zone_progress(zone: Zone, *, year: int | None = None, metrics=None) -> list[TargetProgress]:
    """All of a zone's targets with their achievements, and its results without a target (on
    these metrics, or all)."""
    return progress_by_zone([zone], year=year, metrics=metrics)[zone.pk]


# Up to this many rows a zone page shows every period; beyond, the latest period of each metric
# and kind, with each metric's history and each year on request.
ZONE_PAGE_ROWS = 60


@dataclass(frozen=True)
class ZoneRows:
    rows: list[TargetProgress]  # the rows the page shows
    summarized: bool  # the latest period of each metric and kind only
    years: list[int]  # for a summary: the years to look at one by one


def zone_rows(zone: Zone, *, year: int | None = None, metric: Metric | None = None) -> ZoneRows:
    """What a zone page shows: one metric's history, one year, every row of a zone with at most
    ZONE_PAGE_ROWS, else the summary. A zone whose targets or series alone exceed that (each target
    is a row, each series at least one) is summarized from the sides that can reach the summary;
    any other is paired whole and summarized when its rows turn out too many."""
    if metric is not None or year is not None:
        rows = zone_progress(zone, year=year, metrics=None if metric is None else [metric])
        return ZoneRows(rows, summarized=False, years=[])
    sides = chosen_sides(zone_ids=[zone.pk]).aggregate(
        targets=Count("pk", filter=Q(stance=Indicator.Stance.TARGET)),
        series=Count(
            Concat("metric_id", Value(" "), "words", Value(" "), "kind", output_field=TextField()),
            distinct=True,
        ),
    )
    if max(sides["targets"], sides["series"]) > ZONE_PAGE_ROWS:
        rows = progress_by_zone([zone], narrowing=Narrowing.LATEST_PERIOD)[zone.pk]
    else:
        rows = zone_progress(zone)
        if len(rows) <= ZONE_PAGE_ROWS:
            return ZoneRows(rows, summarized=False, years=[])
    return ZoneRows(latest_rows(rows), summarized=True, years=years_with_figures([zone])[zone.pk])


def latest_rows(rows: list[TargetProgress]) -> list[TargetProgress]:
    """A zone's summary: per metric and kind, the rows of its latest period."""
    latest_end: dict[tuple, tuple] = {}
    for row in rows:
        key = (row.metric_name, row.kind)
        latest_end[key] = max(latest_end.get(key, row.period.sort_key()), row.period.sort_key())
    return [row for row in rows if row.period.sort_key() == latest_end[row.metric_name, row.kind]]


def headline(rows: list[TargetProgress], year: int) -> TargetProgress | None:
    """The one row to show for a year: that year's own target (the whole year before a part of
    it, a later part before an earlier one), else a plan covering it, else a result without target."""

    def order(row):
        period = row.period
        own_year = period.is_dated and period.start.year == period.end.year == year
        return (
            row.target is None,
            not own_year,
            not period.spans_whole_years,
            -(period.end or date.min).toordinal(),
        )

    return min(rows, key=order, default=None)


# A plan may run to 2035; a year hint further ahead than this says little.
YEARS_AHEAD = 10


def period_years(period: Period) -> range:
    if not period.is_dated:
        return range(0)
    last = min(period.end.year, timezone.localdate().year + YEARS_AHEAD)
    return range(period.start.year, last + 1)


def years_with_figures(zones: list[Zone], metrics: list[Metric] | None = None) -> dict[int, list[int]]:
    """For each zone, the years its figures that can be compared (targets or results) cover, in
    order. One query over the zones' sides."""
    periods = (
        chosen_sides(zone_ids=pks(zones), metric_ids=pks(metrics))
        .values_list("zone_id", "period_label", "period_start", "period_end")
        .distinct()
    )
    years: dict[int, set[int]] = {zone.pk: set() for zone in zones}
    for zone_id, label, start, end in periods:
        years[zone_id].update(period_years(period_of(label, start, end)))
    return {zone_id: sorted(found) for zone_id, found in years.items()}


@dataclass(frozen=True)
class ComparisonCell:
    zone: Zone
    progress: TargetProgress | None  # None: the zone reported nothing on this metric and kind


@dataclass(frozen=True)
class ComparisonRow:
    metric: Metric | None  # None only in Comparison.uncatalogued_rows
    kind: str
    cells: list[ComparisonCell]
    metric_text: str = ""  # the words reports use, for a metric not in the catalogue

    @property
    def title(self) -> str:
        return self.metric.display_name if self.metric else self.metric_text

    @property
    def kind_label(self) -> str:
        return Indicator.Kind(self.kind).label


@dataclass(frozen=True)
class Comparison:
    zones: list[Zone]
    metrics: list[Metric]
    year: int
    rows: list[ComparisonRow]
    # Figures on words the catalogue does not know yet (an editor can map them to a metric).
    uncatalogued_rows: list[ComparisonRow] = field(default_factory=list)


SeriesIndex = dict[tuple, dict[str, dict[int, list[TargetProgress]]]]


def series_index(zones, progress) -> SeriesIndex:
    """The zones' rows by metric (or wording), kind and zone: read once, not once per metric."""
    index: SeriesIndex = defaultdict(lambda: defaultdict(lambda: defaultdict(list)))
    for zone in zones:
        for row in progress[zone.pk]:
            key = ("metric", row.metric.pk) if row.metric is not None else ("text", row.metric_text)
            index[key][row.kind][zone.pk].append(row)
    return index


def comparison_rows(
    zones, progress, year, *, metric=None, metric_text="", index: SeriesIndex | None = None
) -> list[ComparisonRow]:
    """The rows (one per kind: level, growth, ...) of one catalogue metric or one wording."""
    index = series_index(zones, progress) if index is None else index
    by_kind = index.get(("metric", metric.pk) if metric is not None else ("text", metric_text), {})
    return [
        ComparisonRow(
            metric,
            kind,
            [ComparisonCell(zone, headline(by_kind[kind].get(zone.pk, []), year)) for zone in zones],
            metric_text,
        )
        for kind in Indicator.Kind.values
        if kind in by_kind
    ]


def compare_zones(
    zones: list[Zone], metrics: list[Metric], *, year: int, uncatalogued: bool = False
) -> Comparison:
    """One row per metric and kind, one cell per zone; a metric nobody reported on still gets a row
    of empty cells. With `uncatalogued`, also rows for the words not in the catalogue."""
    progress = progress_by_zone(zones, metrics=None if uncatalogued else metrics, year=year)
    index = series_index(zones, progress)
    rows = []
    for metric in metrics:
        rows += comparison_rows(zones, progress, year, metric=metric, index=index) or [
            ComparisonRow(metric, Indicator.Kind.LEVEL, [ComparisonCell(zone, None) for zone in zones])
        ]
    wordings = sorted(key[1] for key in index if key[0] == "text")
    other_rows = [
        row
        for words in wordings
        for row in comparison_rows(zones, progress, year, metric_text=words, index=index)
    ]
    return Comparison(zones, metrics, year, rows, other_rows)


@dataclass(frozen=True)
class RankedProgress:
    rank: int | None  # None: no achievement to rank on
    progress: TargetProgress


def metric_ranking(metric: Metric, *, year: int, kind: str = Indicator.Kind.LEVEL) -> list[RankedProgress]:
    """Every zone with a figure on this metric for the year, best achievement first (for a
    rank, or a metric where less is better, the smallest). Zones with a target but no result come
    last, unranked."""
    figures = chosen_figures(metric_ids=[metric.pk], kind=kind, year=year)
    zones = list(Zone.objects.filter(pk__in={figure.zone_id for figure in figures}))
    progress = progress_of(zones, figures, metrics=[metric], year=year, kind=kind)
    rows = [
        row for row in (headline([r for r in progress[z.pk] if r.kind == kind], year) for z in zones) if row
    ]
    achieved = [row for row in rows if row.achievement is not None and row.achievement.amount is not None]
    lower_is_better = kind == Indicator.Kind.RANK or metric.lower_is_better
    achieved.sort(key=lambda row: row.achievement.amount, reverse=not lower_is_better)
    unranked = sorted(
        (row for row in rows if row.achievement is None or row.achievement.amount is None),
        key=lambda row: str(row.zone),
    )
    return [RankedProgress(position, row) for position, row in enumerate(achieved, start=1)] + [
        RankedProgress(None, row) for row in unranked
    ]


def metric_kinds(metric: Metric) -> list[str]:
    """The kinds (level, growth, ...) zones have reported this metric in, that a ranking can show."""
    found = set(chosen_sides(metric_ids=[metric.pk]).values_list("kind", flat=True).distinct())
    return [kind for kind in Indicator.Kind.values if kind in found]


def default_year(zones=None, metrics=None) -> int:
    """The year to show when none is asked for: the last one with a result; without results, the
    last one a target covers (not after this year); without figures, this year.

    One aggregate over the sides (the figures that can be compared): the latest stored end per
    stance, and the labels of sides whose period is left to its label (a handful), which
    `period_of` reads."""
    this_year = timezone.localdate().year
    dates_stored = Q(period_start__isnull=False, period_end__isnull=False)
    latest = (
        chosen_sides(zone_ids=pks(zones), metric_ids=pks(metrics))
        .values("stance", undated_label=Case(When(dates_stored, then=None), default=F("period_label")))
        .annotate(latest_end=Max("period_end", filter=dates_stored))
    )
    ends: dict[str, list[date]] = defaultdict(list)
    for group in latest:
        if group["undated_label"] is None:
            end = group["latest_end"]
        else:
            end = period_of(group["undated_label"], None, None).end
        if end is not None:
            ends[group["stance"]].append(end)
    if ends[Indicator.Stance.ACHIEVEMENT]:
        return max(ends[Indicator.Stance.ACHIEVEMENT]).year
    if ends[Indicator.Stance.TARGET]:
        return min(max(ends[Indicator.Stance.TARGET]).year, this_year)
    return this_year


def metrics_reported_by(zones) -> list[Metric]:
    """The catalogue metrics the zones have figures on that can be compared."""
    reported = chosen_sides(zone_ids=[zone.pk for zone in zones]).values("metric_id")
    return list(Metric.objects.filter(pk__in=reported).order_by("code"))


class InvalidSelection(ValueError):
    """A comparison asked for something that cannot be compared; `messages` say what, for people.
    `names_missing`: among the problems, zones or metrics named that do not exist."""

    def __init__(self, messages: list[str], *, names_missing: bool = False):
        self.messages = messages
        self.names_missing = names_missing
        super().__init__("; ".join(messages))


@dataclass(frozen=True)
class ComparisonSelection:
    zones: list[Zone]
    metrics: list[Metric]
    year: int
    metrics_chosen: bool  # False: `metrics` are all those the zones reported

    def comparison(self) -> Comparison:
        """The comparison this selection asks for: the compare page and the API both show this."""
        return compare_zones(self.zones, self.metrics, year=self.year, uncatalogued=not self.metrics_chosen)


def split_list(values: list[str]) -> list[str]:
    """`a,b` and repeated parameters alike, in the order given, without repeats."""
    return list(dict.fromkeys(item.strip() for value in values for item in value.split(",") if item.strip()))


# The years a comparison may be asked for (the API's schema states them too).
MIN_YEAR, MAX_YEAR = 1980, 2100


def parse_year(value: str | None) -> int | None:
    """A year from a query string; None when not given."""
    value = (value or "").strip()
    if not value:
        return None
    if not (value.isascii() and value.isdigit() and MIN_YEAR <= int(value) <= MAX_YEAR):
        raise InvalidSelection(
            [_("“%(year)s” is not a year; give four digits, e.g. 2024.") % {"year": value}]
        )
    return int(value)


def comparison_selection(
    zone_slugs: list[str], metric_codes: list[str], year: str | None
) -> ComparisonSelection:
    """Check a requested comparison (as from a query string) and load what it names.

    No metrics: every metric the zones reported. No year: the last year they reported results for.
    Raises InvalidSelection with every problem found.
    """
    slugs, codes = split_list(zone_slugs), split_list(metric_codes)
    errors = []
    if not MIN_COMPARED_ZONES <= len(slugs) <= MAX_COMPARED_ZONES:
        errors.append(
            _("Choose %(min)d to %(max)d zones to compare (you chose %(count)d).")
            % {"min": MIN_COMPARED_ZONES, "max": MAX_COMPARED_ZONES, "count": len(slugs)}
        )
    zones_by_slug = Zone.objects.in_bulk(list(filter(SLUG.fullmatch, slugs)), field_name="slug")
    unknown_zones = [slug for slug in slugs if slug not in zones_by_slug]
    if unknown_zones:
        errors.append(_("No zone has these identifiers: %(slugs)s") % {"slugs": ", ".join(unknown_zones)})
    metrics_by_code = Metric.objects.in_bulk(list(filter(SLUG.fullmatch, codes)), field_name="code")
    unknown_metrics = [code for code in codes if code not in metrics_by_code]
    if unknown_metrics:
        errors.append(_("No metric has these codes: %(codes)s") % {"codes": ", ".join(unknown_metrics)})
    try:
        chosen_year = parse_year(year)
    except InvalidSelection as invalid:
        errors.extend(invalid.messages)
    if errors:
        raise InvalidSelection(errors, names_missing=bool(unknown_zones or unknown_metrics))
    zones = [zones_by_slug[slug] for slug in slugs]
    metrics = [metrics_by_code[code] for code in codes] or metrics_reported_by(zones)
    year = chosen_year or default_year(zones, metrics if codes else None)
    return ComparisonSelection(zones, metrics, year, metrics_chosen=bool(codes))


def count_per(related: QuerySet, field: str) -> Coalesce:
    """Count rows of `related` whose `field` points at the outer row, as a subquery: two counts
    joined in one query would multiply each other."""
    counts = (
        related.order_by().filter(**{field: OuterRef("pk")}).values(field).annotate(n=Count("pk")).values("n")
    )
    return Coalesce(Subquery(counts, output_field=IntegerField()), Value(0))


def with_counts(zones: list[Zone]) -> list[Zone]:
    """The zones, each with its number of articles and of figures that count (one query)."""
    counted = Zone.objects.filter(pk__in=[zone.pk for zone in zones]).annotate(
        article_count=count_per(Article.zones.through.objects.all(), "zone"),
        indicator_count=count_per(Indicator.objects.active(), "zone"),
    )
    counts = {zone.pk: (zone.article_count, zone.indicator_count) for zone in counted}
    for zone in zones:
        zone.article_count, zone.indicator_count = counts[zone.pk]
    return zones


ZONE_PAGE_SIZE = 50


@dataclass
class ZoneListing:
    """A page of the zone list and what its filters need: the values chosen and how many zones
    each level has under the other filters."""

    page: Page
    search: str
    province: str
    level: str
    level_counts: list[tuple[str, str, int]]


def zone_listing(params: QueryDict) -> ZoneListing:
    """The zone list: national high-tech zones unless a level is chosen or a name searched (a name
    is looked for at every level), zones with figures first, then by level, province and name; a
    page of ZONE_PAGE_SIZE zones. Five queries: the page, its count, its zones' numbers of articles
    and figures, the counts per level and (by the caller) the provinces."""
    params = params.copy()
    if "level" not in params and not (params.get("search") or params.get("q")):
        params["level"] = Zone.Level.NATIONAL_HITECH
    # Filters as the API's: a value that is not valid (a NUL byte, an unknown level) is left out.
    filters = ZoneFilter(params, queryset=Zone.objects.all())
    zones = filters.qs
    chosen = filters.form.cleaned_data
    search = chosen.get("search") or chosen.get("q") or ""
    # Whether a zone has figures, not how many: an index probe per zone; the counts are made for the
    # page's zones only, not for every zone (nor the pages before).
    has_figures = Exists(Indicator.objects.active().filter(zone=OuterRef("pk")))
    ordering = [
        Case(When(has_figures, then=0), default=1),
        Zone.level_order(),
        "province",
        "short_name",
        "pk",
    ]
    if search:
        ordering.insert(0, Zone.objects.named_exactly(search))
    page = Paginator(zones.order_by(*ordering), ZONE_PAGE_SIZE).get_page(params.get("page"))
    page.object_list = with_counts(list(page.object_list))
    other_filters = params.copy()
    other_filters.pop("level", None)
    counts = dict(
        ZoneFilter(other_filters, queryset=Zone.objects.all())
        .qs.order_by()
        .values_list("level")
        .annotate(n=Count("pk"))
    )
    return ZoneListing(
        page=page,
        search=search,
        province=chosen.get("province") or "",
        level=chosen.get("level") or "",
        level_counts=[
            (value, label, counts[value]) for value, label in Zone.Level.choices if value in counts
        ],
    )


def provinces() -> list[str]:
    """Each province once, also those only named in a zone spanning several (上海市|江苏省|浙江省)."""
    # order_by(): the model's ordering (province, short_name) would make DISTINCT return every zone.
    stored = Zone.objects.exclude(province="").order_by().values_list("province", flat=True).distinct()
    return sorted({name for value in stored for name in value.split("|") if name})


ZONE_ARTICLES_PER_PAGE = 20


def zone_articles(zone: Zone, *, page: int = 1, per_page: int = ZONE_ARTICLES_PER_PAGE) -> list[Article]:
    """One page of the reports naming a zone or giving one of its figures, latest first, each with
    how many of the zone's figures it gives (`zone_figure_count`), and one more report when there
    are more (the page shows `per_page`). Two queries: the reports' ids, then the page of them."""
    start = (page - 1) * per_page
    return list(zone_articles_query(zone)[start : start + per_page + 1])


def zone_articles_query(zone: Zone) -> QuerySet[Article]:
    """The ids are read first (both sets from indexes alone) and handed over as a list: asked in one
    query, the planner cannot know how few reports a zone's many figures come from and reads the
    whole article table. The count, sorted after, is evaluated for the page's rows only."""
    figures = Indicator.objects.active().filter(zone=zone)
    return (
        Article.objects.filter(pk__in=list(zone_article_ids(zone)))
        .annotate(zone_figure_count=count_per(figures, "article"))
        .only("pk", "title", "source_name", "published_on", "original_filename", "added_at")
        .order_by(F("published_on").desc(nulls_last=True), "-pk")
    )


def zone_article_ids(zone: Zone) -> QuerySet:
    """The ids of the reports naming the zone or giving one of its figures that count."""
    named = Article.zones.through.objects.filter(zone=zone).order_by().values_list("article_id", flat=True)
    figures = Indicator.objects.active().filter(zone=zone).order_by().values_list("article_id", flat=True)
    return named.union(figures)
