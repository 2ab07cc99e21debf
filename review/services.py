"""Editors' review of extracted figures: confirm, correct, reject, add, and map metric words onto the
catalogue; each is one transaction and records what it changed (IndicatorChange).

An editor's save names the indicator version it started from; when someone else saved in between,
StaleIndicator is raised with the current indicator and nothing is written."""

import logging
from decimal import Decimal, localcontext

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from articles.models import Article
from extraction.units import to_base
from ingestion.services import reextract_article
from metrics.models import Indicator, Metric
from review.models import IndicatorChange

logger = logging.getLogger(__name__)

# What an editor may set on a figure; the quote and its place in the text stay the engine's.
CORRECTABLE_FIELDS = (
    "zone",
    "scope",
    "metric",
    "value",
    "unit",
    "kind",
    "stance",
    "period_label",
    "period_start",
    "period_end",
    "qualifier",
)
# What the history shows of an indicator.
RECORDED_FIELDS = (*CORRECTABLE_FIELDS, "metric_text", "base_value", "review_state")
_BASE_VALUE_FIELD = Indicator._meta.get_field("base_value")
BASE_VALUE_PLACES = Decimal(1).scaleb(-_BASE_VALUE_FIELD.decimal_places)
BASE_VALUE_LIMIT = 10 ** (_BASE_VALUE_FIELD.max_digits - _BASE_VALUE_FIELD.decimal_places)


class StaleIndicator(Exception):
    """The indicator changed since the editor loaded it."""

    def __init__(self, current: Indicator):
        self.current = current
        super().__init__(
            _("Someone else saved this figure while you were editing it; it now reads: %(current)s.")
            % {"current": current}
        )


class MisplacedQuote(ValidationError):
    """The quote an editor selected is not the article's text at the given offsets."""


def snapshot(indicator: Indicator) -> dict:
    """The indicator's recorded fields as JSON values; zone and metric by name, as an editor reads them."""
    values = {}
    for name in RECORDED_FIELDS:
        value = getattr(indicator, name)
        if name == "zone":
            value = indicator.zone.name if indicator.zone else None
        elif name == "metric":
            value = indicator.metric.code if indicator.metric else None
        elif isinstance(value, Decimal):
            value = format(value.normalize(), "f")
        elif value is not None and not isinstance(value, str):
            value = value.isoformat()
        values[name] = value
    return values


def base_value(indicator: Indicator) -> Decimal | None:
    """The value in the metric's base unit, when the units measure the same thing; ValidationError
    when that is too large to store."""
    if indicator.metric is None:
        return None
    converted = to_base(float(indicator.value), indicator.unit, indicator.metric.unit)
    if converted is None:
        return None
    if abs(converted) >= BASE_VALUE_LIMIT:
        raise ValidationError(
            _("%(value)s%(unit)s is too large to store as %(metric)s; check the value and the unit.")
            % {
                "value": format(indicator.value.normalize(), "f"),
                "unit": indicator.unit,
                "metric": indicator.metric,
            }
        )
    with localcontext(prec=_BASE_VALUE_FIELD.max_digits):
        return Decimal(str(converted)).quantize(BASE_VALUE_PLACES)


def locked_indicator(indicator_id: int, version: int) -> Indicator:
    indicator = (
        Indicator.objects.select_for_update(of=("self",))
        .select_related("zone", "metric")
        .get(pk=indicator_id)
    )
    if indicator.version != version:
        raise StaleIndicator(indicator)
    return indicator


def save_change(indicator: Indicator, action: str, user, before: dict | None) -> Indicator:
    indicator.version += 1
    indicator.full_clean()
    indicator.save()
    IndicatorChange.objects.create(
        indicator=indicator, action=action, changed_by=user, before=before, after=snapshot(indicator)
    )
    return indicator


def set_review_state(indicator_id: int, *, version: int, user, state: str, action: str) -> Indicator:
    indicator = locked_indicator(indicator_id, version)
    before = snapshot(indicator)
    indicator.mark_reviewed(state, user)
    return save_change(indicator, action, user, before)


@transaction.atomic
def confirm_indicator(indicator_id: int, *, version: int, user) -> Indicator:
    return set_review_state(
        indicator_id,
        version=version,
        user=user,
        state=Indicator.ReviewState.CONFIRMED,
        action=IndicatorChange.Action.CONFIRM,
    )


@transaction.atomic
def reject_indicator(indicator_id: int, *, version: int, user) -> Indicator:
    return set_review_state(
        indicator_id,
        version=version,
        user=user,
        state=Indicator.ReviewState.REJECTED,
        action=IndicatorChange.Action.REJECT,
    )


@transaction.atomic
def correct_indicator(indicator_id: int, *, version: int, user, **changes) -> Indicator:
    """Set the given CORRECTABLE_FIELDS; a correction that changes nothing confirms the figure."""
    unknown = set(changes) - set(CORRECTABLE_FIELDS)
    if unknown:
        raise TypeError(f"not correctable: {', '.join(sorted(unknown))}")
    indicator = locked_indicator(indicator_id, version)
    before = snapshot(indicator)
    for name, value in changes.items():
        setattr(indicator, name, value)
    indicator.base_value = base_value(indicator)
    if all(
        before[name] == value for name, value in snapshot(indicator).items() if name in CORRECTABLE_FIELDS
    ):
        indicator.mark_reviewed(Indicator.ReviewState.CONFIRMED, user)
        return save_change(indicator, IndicatorChange.Action.CONFIRM, user, before)
    indicator.mark_reviewed(Indicator.ReviewState.CORRECTED, user)
    saved = save_change(indicator, IndicatorChange.Action.CORRECT, user, before)
    if saved.zone is not None:
        saved.article.zones.add(saved.zone)
    follow_derived_targets(saved, user)
    return saved


def derived_value(achieved: Decimal, completion_percent: Decimal) -> Decimal:
    """The plan behind a completion ratio, at the result's precision (at least one decimal), as the
    engine works it out (extraction.targets.implied_target)."""
    places = max(1, -achieved.normalize().as_tuple().exponent)
    return (achieved * 100 / completion_percent).quantize(Decimal(1).scaleb(-places))


def follow_derived_targets(source: Indicator, user) -> None:
    """Targets implied by a result and its completion ratio (127亿元，完成率109.33%) are worked out
    again when the editor corrects either; a target an editor has checked is left as they made it."""
    if source.derived or source.quote_start is None or source.quote_end is None:
        return
    implied = Indicator.objects.select_for_update().filter(
        article_id=source.article_id,
        derived=True,
        review_state=Indicator.ReviewState.AUTO,
        quote_start__lte=source.quote_start,
        quote_end__gte=source.quote_end,
    )
    for target in implied:
        parts = Indicator.objects.active().filter(
            article_id=source.article_id,
            derived=False,
            stance=Indicator.Stance.ACHIEVEMENT,
            quote_start=target.quote_start,
        )
        achieved = next((p for p in parts if p.kind == Indicator.Kind.LEVEL), None)
        ratio = next(
            (p for p in parts if p.kind == Indicator.Kind.COMPLETION and p.quote_end == target.quote_end),
            None,
        )
        if achieved is None or ratio is None or ratio.value <= 0:
            continue
        before = snapshot(target)
        target.value = derived_value(achieved.value, ratio.value)
        target.unit, target.metric, target.zone = achieved.unit, achieved.metric, achieved.zone
        target.base_value = base_value(target)
        if snapshot(target) != before:
            save_change(target, IndicatorChange.Action.CORRECT, user, before)


@transaction.atomic
def add_indicator(
    article: Article, *, user, quote_start: int, quote_end: int, quote: str, **fields
) -> Indicator:
    """A figure the engine missed, quoted from the article's text. It counts as corrected: an editor's
    figure, which re-extraction keeps."""
    if not 0 <= quote_start < quote_end or article.raw_text[quote_start:quote_end] != quote:
        raise MisplacedQuote(
            _("The selected quote is not in the article's text at that place; select it again.")
        )
    unknown = set(fields) - set(CORRECTABLE_FIELDS) - {"metric_text"}
    if unknown:
        raise TypeError(f"not settable: {', '.join(sorted(unknown))}")
    indicator = Indicator(
        article=article, quote=quote, quote_start=quote_start, quote_end=quote_end, **fields
    )
    if not indicator.metric_text and indicator.metric is not None:
        indicator.metric_text = indicator.metric.name_zh
    indicator.base_value = base_value(indicator)
    indicator.mark_reviewed(Indicator.ReviewState.CORRECTED, user)
    # save_change counts the first save as version 1.
    indicator.version = 0
    save_change(indicator, IndicatorChange.Action.ADD, user, None)
    if indicator.zone is not None:
        article.zones.add(indicator.zone)
    return indicator


@transaction.atomic
def map_metric_words(words: str, metric: Metric, *, user) -> int:
    """Teach the catalogue that `words` name `metric`, and give that metric to every indicator in any
    article whose words these are and which has none yet. Returns how many indicators changed."""
    words = words.strip()
    metric = Metric.objects.select_for_update().get(pk=metric.pk)
    if metric.add_synonym(words):
        metric.save(update_fields=["synonyms"])
    indicators = (
        Indicator.objects.select_for_update(of=("self",))
        .filter(metric_text=words, metric=None)
        .select_related("zone")
    )
    for indicator in indicators:
        before = snapshot(indicator)
        indicator.metric = metric
        indicator.base_value = base_value(indicator)
        save_change(indicator, IndicatorChange.Action.MAP_METRIC, user, before)
    return len(indicators)


@transaction.atomic
def correct_frame(article: Article, corrections: dict, *, user) -> list[Indicator]:
    """Set what an editor corrected of an article's document frame (kind, zones, reported year; an
    empty dict gives it back to the engine) and extract the article again under it: reviewed figures
    stay as they are. Raises ExtractionFailed, and then nothing is saved, the correction included."""
    article = Article.objects.select_for_update().get(pk=article.pk)
    article.frame_corrections = corrections
    article.save(update_fields=["frame_corrections"])
    logger.info("Frame of article %s corrected by %s: %s", article.pk, user, corrections)
    return reextract_article(article)
