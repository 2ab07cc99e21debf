"""Targets implied by completion ratios: 完成投资122.2亿元,完成年度投资计划的149.6%
means the plan was 122.2 / 1.496 = 81.7亿元."""

from __future__ import annotations

from .figures import Figure
from .indicator import ExtractedIndicator
from .periods import period_bounds
from .units import unit_family
from .vocabulary import Kind, Stance


def _decimals(value: float) -> int:
    text = f"{value}"
    return len(text.split(".")[1].rstrip("0")) if "." in text else 0


def implied_target(
    achieved: ExtractedIndicator, ratio: ExtractedIndicator, original: str
) -> ExtractedIndicator | None:
    """The plan behind `ratio` (a completion %) given the `achieved` amount,
    rounded to the amount's precision (at least one decimal)."""
    if ratio.value <= 0 or achieved.kind != Kind.LEVEL or unit_family(achieved.unit) in (None, "percent"):
        return None
    value = round(achieved.value * 100 / ratio.value, max(1, _decimals(achieved.value)))
    yearly = "年度" in ratio.quote or "全年" in ratio.quote
    period = str(ratio.period_start.year) if yearly and ratio.period_start else ratio.period
    period_start, period_end = period_bounds(period)
    start, end = min(achieved.start, ratio.start), max(achieved.end, ratio.end)
    scale = value / achieved.value if achieved.value else None
    return ExtractedIndicator(
        zone=achieved.zone,
        zone_registered=achieved.zone_registered,
        scope=achieved.scope,
        metric=achieved.metric,
        metric_code=achieved.metric_code,
        value=value,
        unit=achieved.unit,
        base_value=achieved.base_value * scale if achieved.base_value is not None and scale else None,
        base_unit=achieved.base_unit,
        kind=Kind.LEVEL,
        stance=Stance.TARGET,
        period=period,
        period_start=period_start,
        period_end=period_end,
        qualifier=None,
        quote=original[start:end],
        start=start,
        end=end,
        derived=True,
    )


def implied_targets(
    figures: list[Figure], indicators: list[ExtractedIndicator], original: str
) -> list[ExtractedIndicator]:
    """One derived target per achieved completion ratio that follows an
    achieved amount in the same sentence."""
    found = []
    for i, (figure, indicator) in enumerate(zip(figures, indicators, strict=False)):
        if indicator.kind != Kind.COMPLETION or indicator.stance != Stance.ACHIEVEMENT:
            continue
        achieved = next(
            (
                a
                for f, a in zip(reversed(figures[:i]), reversed(indicators[:i]), strict=False)
                if a.kind == Kind.LEVEL and f.sentence_start == figure.sentence_start
            ),
            None,
        )
        target = implied_target(achieved, indicator, original) if achieved else None
        if target:
            found.append(target)
    return found
