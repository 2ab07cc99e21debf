"""Targets against achievements: the pairing and judging rules, on indicators already loaded.

No queries here: `dashboard.selectors` loads the indicators (with their metric and article) and
hands them over, so the same rules serve the zone page, the compare page and the API.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from decimal import Decimal

from django.db import models
from django.utils.translation import gettext_lazy as _

from extraction import period_bounds
from extraction.vocabulary import CUMULATIVE
from lib.urls import reverse_with
from metrics.models import Indicator, Metric

# Reports round: two sources within half a percent of each other state the same figure.
AGREEMENT_TOLERANCE = Decimal("0.005")
SHARE_PRECISION = Decimal("0.0001")

# A completion ratio (完成年度目标的85%) is not compared itself: the engine turns it into the
# implied target (a derived indicator), which is.
COMPARED_KINDS = {
    Indicator.Kind.LEVEL,
    Indicator.Kind.GROWTH,
    Indicator.Kind.SHARE,
    Indicator.Kind.RANK,
    Indicator.Kind.DELTA,
}
# Amounts add up over a year, so a part-year result is judged against the share of time elapsed;
# rates and positions are judged as they stand.
ACCUMULATING_KINDS = {Indicator.Kind.LEVEL, Indicator.Kind.DELTA}
# Changes that a target may ask to be negative (下降3%, 减少20亿元).
FALLING_KINDS = {Indicator.Kind.GROWTH, Indicator.Kind.DELTA}
# Only amounts are converted to the metric's base unit; a growth rate of GDP is in %, not 亿元.
BASE_UNIT_KINDS = {Indicator.Kind.LEVEL, Indicator.Kind.DELTA}


class Status(models.TextChoices):
    MET = "met", _("met")
    ON_TRACK = "on_track", _("on track")
    BEHIND = "behind", _("behind")
    NO_RESULT = "no_result", _("no result yet")
    NO_TARGET = "no_target", _("no target")
    NOT_COMPARABLE = "not_comparable", _("not comparable")


@dataclass(frozen=True)
class Period:
    label: str
    start: date | None = None
    end: date | None = None

    @property
    def is_dated(self) -> bool:
        return self.start is not None and self.end is not None

    @property
    def spans_whole_years(self) -> bool:
        return self.is_dated and (self.start.month, self.start.day, self.end.month, self.end.day) == (
            1,
            1,
            12,
            31,
        )

    @property
    def display(self) -> str:
        if self.spans_whole_years and self.end.year > self.start.year:
            return f"{self.start.year}–{self.end.year}"
        if self.label == CUMULATIVE:
            return str(_("to date"))
        return self.label.replace("..", "–") or (
            f"{self.start:%Y-%m}–{self.end:%Y-%m}" if self.is_dated else ""
        )

    def contains_year(self, year: int) -> bool:
        return self.is_dated and self.start.year <= year <= self.end.year

    def sort_key(self):
        return (self.end or date.max, self.start or date.max, self.label)


def stated_period(indicator: Indicator) -> Period:
    """The period as extracted: its dates, else those of its label (2024, 2024..2026, 2024-Q1...)."""
    return period_of(indicator.period_label, indicator.period_start, indicator.period_end)


def period_of(label: str, start: date | None, end: date | None) -> Period:
    """stated_period of a figure with this label and these stored dates."""
    if start and end:
        return Period(label, start, end)
    return Period(label, *period_bounds(label))


def plan_period(target: Indicator) -> Period:
    """A one-year target set in an earlier year's article (到2026年, written in 2024) is a plan
    that runs from the year it was set."""
    return plan_period_of(stated_period(target), target.article.published_on)


def plan_period_of(period: Period, published: date | None) -> Period:
    """plan_period of a target stated for `period` in an article published on `published`."""
    if (
        period.spans_whole_years
        and period.start.year == period.end.year
        and published
        and published.year < period.start.year
    ):
        return Period(period.label, date(published.year, 1, 1), period.end)
    return period


@dataclass(frozen=True)
class ChosenValue:
    """The value chosen among the sources for one side (target or achievement) of a row."""

    indicator_id: int
    article_id: int
    value: Decimal
    unit: str
    amount: Decimal | None  # in `amount_unit`: the metric's base unit for amounts, else as written
    amount_unit: str
    qualifier: str
    derived: bool
    reviewed: bool
    quote: str
    published_on: date | None
    period: Period
    sources: int
    agreeing: int
    disagreeing: int
    article_ids: frozenset[int] = frozenset()  # the reports giving this side, one source each

    @property
    def url(self) -> str:
        return reverse_with("dashboard:article", self.article_id) + f"#indicator-{self.indicator_id}"


@dataclass(frozen=True)
class TargetProgress:
    zone: object  # zones.Zone
    metric: Metric | None
    metric_text: str
    kind: str
    period: Period
    target: ChosenValue | None
    achievement: ChosenValue | None
    progress: Decimal | None  # achieved ÷ target (target ÷ achieved for ranks)
    gap: Decimal | None  # target − achieved, in the amount unit
    elapsed: Decimal | None  # share of the target's period covered by the achievement
    status: str
    reason: str = ""  # why no progress could be computed

    @property
    def period_label(self) -> str:
        return self.period.display

    @property
    def metric_name(self) -> str:
        return self.metric.display_name if self.metric else self.metric_text

    @property
    def kind_label(self) -> str:
        return Indicator.Kind(self.kind).label

    @property
    def status_label(self) -> str:
        return Status(self.status).label

    @property
    def unit(self) -> str:
        return (self.target or self.achievement).amount_unit

    @property
    def chosen_values(self) -> list[ChosenValue]:
        return [f for f in (self.target, self.achievement) if f is not None]

    @property
    def sources_count(self) -> int:
        """Reports giving the target or the result: one report giving both is one source."""
        return len(frozenset().union(*(f.article_ids for f in self.chosen_values)))

    @property
    def agreeing(self) -> int:
        return sum(f.agreeing for f in self.chosen_values)

    @property
    def disagreeing(self) -> int:
        return sum(f.disagreeing for f in self.chosen_values)


def comparable_amount(indicator: Indicator) -> tuple[Decimal | None, str]:
    return amount_in_unit(
        indicator.metric, indicator.kind, indicator.value, indicator.base_value, indicator.unit
    )


def amount_in_unit(
    metric: Metric | None, kind: str, value, base_value, unit: str
) -> tuple[Decimal | None, str]:
    """The amount two figures are compared in: amounts in the metric's base unit, anything else as
    written."""
    if metric is not None and kind in BASE_UNIT_KINDS:
        return base_value, metric.unit
    return value, unit.strip()


def credibility(indicator: Indicator):
    """Which source to believe: an editor's word, then a stated figure over an implied one,
    then the latest published."""
    published = indicator.article.published_on or date.min
    return (indicator.is_reviewed, not indicator.derived, published, indicator.pk)


def same_figure(a: Indicator, b: Indicator) -> bool:
    (amount_a, unit_a), (amount_b, unit_b) = comparable_amount(a), comparable_amount(b)
    if amount_a is None or amount_b is None or unit_a != unit_b:
        return (a.value, a.unit) == (b.value, b.unit)
    return abs(amount_a - amount_b) <= AGREEMENT_TOLERANCE * max(abs(amount_a), abs(amount_b))


def choose_value(candidates: list[Indicator], period: Period) -> ChosenValue:
    chosen = max(candidates, key=credibility)
    per_article: dict[int, Indicator] = {}
    for indicator in sorted(candidates, key=credibility):
        per_article[indicator.article_id] = indicator
    agreeing = sum(1 for indicator in per_article.values() if same_figure(indicator, chosen))
    amount, amount_unit = comparable_amount(chosen)
    return ChosenValue(
        indicator_id=chosen.pk,
        article_id=chosen.article_id,
        value=chosen.value,
        unit=chosen.unit,
        amount=amount,
        amount_unit=amount_unit,
        qualifier=chosen.qualifier,
        derived=chosen.derived,
        reviewed=chosen.is_reviewed,
        quote=chosen.quote,
        published_on=chosen.article.published_on,
        period=period,
        sources=len(per_article),
        agreeing=agreeing,
        disagreeing=len(per_article) - agreeing,
        article_ids=frozenset(per_article),
    )


@dataclass(frozen=True)
class Series:
    """What a row is about: one zone's figures on one metric (or one wording) and kind."""

    zone: object
    metric: Metric | None
    metric_text: str
    kind: str


def assess(
    series: Series, period: Period, target: ChosenValue | None, achievement: ChosenValue | None
) -> TargetProgress:
    def result(status, progress=None, gap=None, elapsed=None, reason=""):
        return TargetProgress(
            series.zone,
            series.metric,
            series.metric_text,
            series.kind,
            period,
            target,
            achievement,
            progress,
            gap,
            elapsed,
            status,
            reason,
        )

    if achievement is None:
        return result(Status.NO_RESULT)
    if target is None:
        return result(Status.NO_TARGET)
    if target.amount is None or achievement.amount is None or target.amount_unit != achievement.amount_unit:
        reason = _(
            "The target (in %(target)s) and the result (in %(achieved)s) are in units that cannot be "
            "converted."
        ) % {"target": target.unit or "—", "achieved": achievement.unit or "—"}
        return result(Status.NOT_COMPARABLE, reason=reason)
    goal, done = target.amount, achievement.amount
    # A fall asked for (PM2.5下降3%: a growth or change target below zero) is met by falling further.
    falling = series.kind in FALLING_KINDS and goal < 0
    # Less is better for ranks, and for metrics such as PM2.5 (a ceiling: 30 asked, 28 reached).
    ceiling = not falling and metric_lower_is_better(series.metric)
    lower_is_better = series.kind == Indicator.Kind.RANK or falling or ceiling
    if series.kind == Indicator.Kind.RANK or ceiling:
        numerator, denominator = goal, done
    elif falling:
        numerator, denominator = -done, -goal
    else:
        numerator, denominator = done, goal
    progress = (numerator / denominator).quantize(SHARE_PRECISION) if denominator > 0 else None
    elapsed = elapsed_share(period, achievement.period)
    reached = done <= goal if lower_is_better else done >= goal
    accumulating = series.kind in ACCUMULATING_KINDS and not ceiling
    if reached and (elapsed >= 1 or accumulating):
        status = Status.MET
    elif elapsed >= 1:
        status = Status.BEHIND
    elif accumulating:
        status = Status.ON_TRACK if progress is not None and progress >= elapsed else Status.BEHIND
    else:
        status = Status.ON_TRACK if reached else Status.BEHIND
    reason = "" if progress is not None else _("The target is zero or negative: no completion rate.")
    return result(status, progress, goal - done, elapsed, reason)


def metric_lower_is_better(metric: Metric | None) -> bool:
    return metric is not None and metric.lower_is_better


def elapsed_share(target_period: Period, achieved_period: Period) -> Decimal:
    if not (target_period.is_dated and achieved_period.is_dated):
        return Decimal(1)
    total = (target_period.end - target_period.start).days + 1
    covered = (min(achieved_period.end, target_period.end) - target_period.start).days + 1
    return min(Decimal(1), Decimal(covered) / Decimal(total)).quantize(SHARE_PRECISION)


def achievements_within(period: Period, achievements: dict[Period, list[Indicator]]) -> list[Period]:
    """The result periods inside a target's period; an undated target only meets a result with
    the same label."""
    if not period.is_dated:
        return [p for p in achievements if not p.is_dated and p.label == period.label]
    return [p for p in achievements if p.is_dated and period.start <= p.start and p.end <= period.end]


def latest(periods: list[Period]) -> Period | None:
    """The latest end first (for a plan: the latest year reported so far); for the same end the
    longest span (the whole year over its last quarter)."""
    return max(periods, key=lambda p: (p.end or date.min, -(p.start or date.min).toordinal()), default=None)


def metric_key(indicator: Indicator):
    return ("metric", indicator.metric_id) if indicator.metric_id else ("text", indicator.metric_text.strip())


@dataclass(frozen=True)
class Side:
    """The sources of one side (target or achievement) of a series for one stated period: when its
    most credible source was published (a plan runs from then) and how to choose its value."""

    best_published: date | None
    choose: Callable[[Period], ChosenValue]


def side_of(candidates: list[Indicator]) -> Side:
    best = max(candidates, key=credibility)
    return Side(best.article.published_on, lambda period: choose_value(candidates, period))


def counts_in_year(stance: str, period: Period, year: int | None) -> bool:
    """With a year asked for, results after it (or undated) are not known yet."""
    return (
        stance != Indicator.Stance.ACHIEVEMENT
        or year is None
        or (period.is_dated and period.end.year <= year)
    )


def zone_progress_rows(zone, indicators: list[Indicator], *, year: int | None = None) -> list[TargetProgress]:
    """Every target of one zone with its achievement, then the achievements no target asked for.

    With `year`: the targets whose period includes that year, judged on results up to its end,
    and the results of that year without a target.
    """
    about: dict[tuple, Series] = {}
    candidates: dict[tuple, list[Indicator]] = defaultdict(list)
    for indicator in indicators:
        if indicator.kind not in COMPARED_KINDS:
            continue
        period = stated_period(indicator)
        if not counts_in_year(indicator.stance, period, year):
            continue
        key = (metric_key(indicator), indicator.kind)
        about.setdefault(key, Series(zone, indicator.metric, indicator.metric_text, indicator.kind))
        candidates[key, indicator.stance, period].append(indicator)
    return progress_rows(about, {side: side_of(found) for side, found in candidates.items()}, year=year)


def progress_rows(
    about: dict[tuple, Series], sides: dict[tuple, Side], *, year: int | None = None
) -> list[TargetProgress]:
    """The pairing: `about` names each series (by metric key and kind), `sides` its sides by
    (series key, stance, stated period), already limited to the results known by `year`."""
    by_series: dict[tuple, dict[str, dict[Period, Side]]] = defaultdict(
        lambda: {Indicator.Stance.TARGET: {}, Indicator.Stance.ACHIEVEMENT: {}}
    )
    for (key, stance, period), side in sides.items():
        by_series[key][stance][period] = side
    rows = []
    for key, series in about.items():
        targets, achievements = (
            by_series[key][Indicator.Stance.TARGET],
            by_series[key][Indicator.Stance.ACHIEVEMENT],
        )
        used: set[Period] = set()
        for stated, side in targets.items():
            period = plan_period_of(stated, side.best_published)
            if year is not None and not period.contains_year(year):
                continue
            target = side.choose(period)
            # Earlier results inside a plan are steps towards it, not results without a target.
            within = achievements_within(period, achievements)
            used.update(within)
            achieved_period = latest(within)
            achievement = achieved_period and achievements[achieved_period].choose(achieved_period)
            rows.append(assess(series, period, target, achievement))
        for period, side in achievements.items():
            if period in used or (year is not None and period.end.year != year):
                continue
            rows.append(assess(series, period, None, side.choose(period)))
    return sorted(rows, key=row_order)


KIND_ORDER = {kind: position for position, kind in enumerate(Indicator.Kind.values)}


def row_order(row: TargetProgress):
    return (row.metric is None, row.metric_name, KIND_ORDER[row.kind], row.period.sort_key())
