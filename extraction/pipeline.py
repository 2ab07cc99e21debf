"""extract(): article text in, indicators with exact quotes out.

Stages: prepare the article (normalise, mask boilerplate, metadata, numbers,
places, time words) -> read figures (kind, metric phrase) -> for each its
stance, period and place -> implied targets -> dedup.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable

from .article import Article
from .attribution import Attribution
from .companies import CompanyFigures
from .dating import SUB_YEAR, Dating
from .figures import Figure, FigureReader
from .frame import DocumentFrame
from .indicator import ExtractedIndicator, ExtractionResult
from .metric import MetricCatalogue
from .periods import period_bounds
from .rankings import rank_metric
from .stance import classify_stance, is_estimate, reports_progress
from .targets import implied_targets
from .units import to_base
from .vocabulary import Kind, Stance
from .zones import ZoneGazetteer

STANCE_REACH = 300
# A position named by its verb alone (居 / 位列全国 / 排名第): what it ranks is the report's ranking.
BARE_RANK = re.compile(r"(?:位列|位居|名列|排名|排在|居|列|排)?(?:全国|全省|全市)?")


def _indicator(
    article: Article, dating: Dating, attribution: Attribution, catalogue: MetricCatalogue, figure: Figure
) -> ExtractedIndicator:
    mention, body = figure.mention, article.body
    sentence_start, sentence_end = article.sentences.around(mention.start)
    clause_start, clause_end = article.clauses.around(mention.start)
    # Goal words govern the sentence they open; a bounded look back keeps a
    # run-on "sentence" of a badly split page from costing quadratic time.
    look_back = max(sentence_start, mention.start - STANCE_REACH)
    stance = classify_stance(
        body[look_back : mention.start], body[clause_start : mention.start], body[mention.end : clause_end]
    )
    if (
        stance == Stance.ACHIEVEMENT
        and article.sections.states_goals(mention.start)
        and not reports_progress(body[clause_start : mention.start])
    ):
        stance = Stance.TARGET  # under 二、2024年主要目标
    period, word = dating.period(figure, stance)
    if (
        stance == Stance.ACHIEVEMENT
        and word is not None
        and word.whole_year
        and dating.year_ahead(period)
        and not is_estimate(body[look_back : mention.start])
        and not reports_progress(body[look_back : min(sentence_end, mention.end + STANCE_REACH)])
    ):
        stance = Stance.TARGET  # 2024年营收增长7%, said in February 2024: a goal (unless measured against it)
    if (figure.introduces_next or dating.is_yearly_rank(figure)) and period and SUB_YEAR.match(period):
        # The set a count introduces is the year's (the year's list of key projects),
        # even when the figure after it covers months of that year; so is an evaluation.
        period = SUB_YEAR.match(period).group(1)
    period_start, period_end = period_bounds(period)
    if article.published and period_start and period_start > article.published:
        stance = Stance.TARGET
    if article.zone_rows and mention in article.zone_rows:
        stance = (
            Stance.ACHIEVEMENT
        )  # a row of a ranking table: a result, whatever the sentence before it says
    zone, registered, scope = attribution.place(figure)
    metric = figure.metric
    if figure.kind == Kind.RANK and article.frame.kind == "ranking" and BARE_RANK.fullmatch(metric):
        metric = rank_metric(article.frame.title or "", "")  # 居第31位, in an evaluation's report
    entry = catalogue.match(metric, mention.unit, figure.kind)
    value = mention.value * figure.sign
    base_value = to_base(value, mention.unit, entry.unit) if entry and figure.kind == Kind.LEVEL else None
    quote, start, end = article.normalised.quote(
        min(figure.metric_start, mention.start), max(figure.quote_end, mention.end)
    )
    return ExtractedIndicator(
        zone=zone,
        zone_registered=registered,
        scope=scope,
        metric=catalogue.display_name(metric),
        metric_code=entry.code if entry else None,
        value=value,
        unit=mention.unit,
        base_value=base_value,
        base_unit=entry.unit if base_value is not None else None,
        kind=figure.kind,
        stance=stance,
        period=period,
        period_start=period_start,
        period_end=period_end,
        qualifier=mention.qualifier,
        quote=quote,
        start=start,
        end=end,
    )


def _dedup(indicators: list[ExtractedIndicator]) -> list[ExtractedIndicator]:
    """The same figure stated twice in an article is one indicator."""
    seen, unique = set(), []
    for indicator in indicators:
        key = (
            indicator.zone,
            indicator.scope,
            indicator.metric_code or indicator.metric,
            indicator.value,
            indicator.unit,
            indicator.kind,
            indicator.period,
            indicator.stance,
        )
        if key not in seen:
            seen.add(key)
            unique.append(indicator)
    return unique


def _no_deadline() -> None:
    pass


def extract(
    text: str,
    *,
    gazetteer: ZoneGazetteer,
    catalogue: MetricCatalogue,
    published: dt.date | None = None,
    default_zone: str | None = None,
    frame: DocumentFrame | dict | None = None,
    check_deadline: Callable[[], None] = _no_deadline,
) -> ExtractionResult:
    """Indicators stated in an article (see GUIDE.md for the fields), with the zones of `gazetteer`
    and the metrics of `catalogue`. `frame`: a corrected document frame (or some of its fields, as
    from `DocumentFrame.to_json`), read in place of what the engine finds. `check_deadline` is called
    between stages and figures; the caller's time budget stops extraction by raising from it."""
    article = Article(text or "", gazetteer, published, frame)
    check_deadline()
    dating, attribution = Dating(article), Attribution(article, default_zone)
    companies = CompanyFigures(article)
    figures = [
        f
        for f in FigureReader(article, catalogue.reader()).read()
        if not companies.is_company_figure(f.mention)
    ]  # a firm's own figures are not the zone's
    check_deadline()
    indicators = []
    for figure in figures:
        indicators.append(_indicator(article, dating, attribution, catalogue, figure))
        check_deadline()
    derived = implied_targets(figures, indicators, article.normalised.original)
    return ExtractionResult(
        article.metadata,
        article.normalised.text,
        attribution.zones_found(),
        _dedup(indicators + derived),
        article.frame,
    )
