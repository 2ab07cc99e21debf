"""The editors' pages: upload, the review queue, an article's review page and its actions, and
confirming a zone found only in reports. Writes go through `review.services`, `ingestion.services`
and `zones.services`."""

from functools import wraps

from django.contrib import messages
from django.contrib.auth.decorators import login_required, permission_required
from django.core.exceptions import ValidationError
from django.http import Http404, JsonResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_POST

from accounts.editors import UPLOAD_PERMISSION, editor_only
from articles.limits import OverLimit
from articles.models import Article
from articles.services import DuplicateArticle
from ingestion.selectors import extraction_job
from ingestion.services import ExtractionFailed, extracts_in_background, ingest_report, reextract_article
from ingestion.tasks import queue_reextraction, queue_report
from metrics.models import Indicator
from metrics.quotes import text_segments
from review import services as review_services
from review.forms import (
    AddIndicatorForm,
    FrameCorrectionForm,
    IndicatorCorrectionForm,
    MetricWordsForm,
    UploadForm,
    VersionForm,
    share_metric_choices,
)
from review.selectors import (
    articles_awaiting_review,
    indicators_for_review,
    suggested_figure,
    unmapped_metric_words,
)
from review.services import (
    StaleIndicator,
    add_indicator,
    confirm_indicator,
    correct_indicator,
    map_metric_words,
    reject_indicator,
)
from zones import services as zone_services
from zones.models import Zone

# Answer to a save made against an older version of the figure.
CONFLICT = 409
# How often the page of a queued or running extraction job reloads itself.
JOB_PAGE_REFRESH_SECONDS = 3


def review_url(article_id: int, indicator_id: int | None = None) -> str:
    url = reverse("review:article", args=[article_id])
    return f"{url}#indicator-{indicator_id}" if indicator_id else url


@editor_only
def review_queue(request):
    return render(request, "review/queue.html", {"articles": articles_awaiting_review()})


@editor_only
def review_article(request, pk):
    return render_review(request, get_object_or_404(Article, pk=pk))


def render_review(
    request,
    article,
    *,
    correction: IndicatorCorrectionForm | None = None,
    add_form: AddIndicatorForm | None = None,
    frame_form: FrameCorrectionForm | None = None,
    status: int = 200,
):
    """The review page; `correction` is a submitted form to show again (with its errors) in place of
    its indicator's fresh one."""
    indicators = list(indicators_for_review(article))
    forms = {indicator.pk: IndicatorCorrectionForm(instance=indicator) for indicator in indicators}
    if correction is not None:
        forms[correction.instance.pk] = correction
    add_form = add_form or AddIndicatorForm()
    words_forms = [MetricWordsForm(initial={"words": words}) for words in unmapped_metric_words(article)]
    share_metric_choices([*forms.values(), add_form, *words_forms])
    return render(
        request,
        "review/article.html",
        {
            "article": article,
            "segments": text_segments(article.raw_text, indicators),
            "items": [(indicator, forms[indicator.pk]) for indicator in indicators],
            "conflict_id": correction.instance.pk if status == CONFLICT else None,
            "add_form": add_form,
            "frame_form": frame_form or frame_correction_form(article),
            "unmapped_words": words_forms,
            "zone_names": Zone.objects.values_list("name", flat=True),
        },
        status=status,
    )


def frame_correction_form(article: Article) -> FrameCorrectionForm:
    """The frame form showing the editors' corrections so far (empty fields: the engine's reading)."""
    corrected = article.frame_corrections
    zones = corrected.get("zones") or []
    return FrameCorrectionForm(
        initial={
            "report_kind": corrected.get("kind", ""),
            "zone": zones[0] if zones else "",
            "reported_year": corrected.get("reported_year"),
        }
    )


def versioned_action(action, done: str):
    """A POST that applies `action` to an indicator at the version the editor's page showed; `done`
    tells the editor it worked."""

    @editor_only
    @require_POST
    @wraps(action)
    def view(request, pk):
        indicator = get_object_or_404(Indicator, pk=pk)
        form = VersionForm(request.POST)
        if not form.is_valid():
            messages.error(request, _("The form was incomplete; nothing was changed."))
        else:
            try:
                action(pk, version=form.cleaned_data["version"], user=request.user)
            except StaleIndicator as stale:
                messages.error(request, str(stale))
            except ValidationError as invalid:  # values the model refuses; nothing was saved
                messages.error(request, " ".join(invalid.messages))
            else:
                messages.success(request, done)
        return redirect(review_url(indicator.article_id, pk))

    return view


confirm = versioned_action(confirm_indicator, gettext_lazy("The figure is confirmed."))
reject = versioned_action(reject_indicator, gettext_lazy("The figure is rejected; it no longer counts."))


@editor_only
@require_POST
def correct(request, pk):
    indicator = get_object_or_404(Indicator.objects.select_related("article", "zone", "metric"), pk=pk)
    form = IndicatorCorrectionForm(request.POST, instance=indicator)
    if form.is_valid():
        try:
            correct_indicator(
                pk, version=form.cleaned_data["version"], user=request.user, **form.corrections()
            )
        except StaleIndicator as stale:
            return render_review(
                request, indicator.article, correction=form.conflicting(stale), status=CONFLICT
            )
        except ValidationError as error:
            form.add_error(None, error.messages)
        else:
            messages.success(request, _("The correction is saved."))
            return redirect(review_url(indicator.article_id, pk))
    return render_review(request, indicator.article, correction=form)


@editor_only
@require_POST
def add_figure(request, pk):
    article = get_object_or_404(Article, pk=pk)
    form = AddIndicatorForm(request.POST)
    if form.is_valid():
        try:
            added = add_indicator(article, user=request.user, **form.figure())
        except ValidationError as error:  # a misplaced quote, or values the model refuses
            form.add_error(None, error.messages)
        else:
            messages.success(request, _("The figure is added."))
            return redirect(review_url(article.pk, added.pk))
    return render_review(request, article, add_form=form)


@editor_only
def suggest_figure(request, pk):
    """The engine's reading of the selected words (`?start=&end=`), to prefill "add a figure"."""
    article = get_object_or_404(Article, pk=pk)
    try:
        start, end = int(request.GET.get("start", "")), int(request.GET.get("end", ""))
    except ValueError:
        return JsonResponse({"error": _("Give the selection's start and end.")}, status=400)
    return JsonResponse(suggested_figure(article, start, end))


@editor_only
@require_POST
def map_words(request, pk):
    article = get_object_or_404(Article, pk=pk)
    form = MetricWordsForm(request.POST)
    if form.is_valid():
        try:
            count = map_metric_words(
                form.cleaned_data["words"], form.cleaned_data["metric"], user=request.user
            )
        except ValidationError as invalid:  # a figure too large in the metric's unit; nothing was mapped
            messages.error(request, " ".join(invalid.messages))
        else:
            messages.success(
                request,
                _("“%(words)s” now means %(metric)s; %(count)d figures updated.")
                % {
                    "words": form.cleaned_data["words"],
                    "metric": form.cleaned_data["metric"],
                    "count": count,
                },
            )
    else:
        messages.error(request, _("Choose a metric for the words."))
    return redirect(review_url(article.pk))


@editor_only
@require_POST
def correct_frame(request, pk):
    article = get_object_or_404(Article, pk=pk)
    form = FrameCorrectionForm(request.POST)
    if not form.is_valid():
        return render_review(request, article, frame_form=form, status=400)
    try:
        created = review_services.correct_frame(article, form.corrections(), user=request.user)
    except ExtractionFailed as failure:
        messages.error(request, str(failure))
    else:
        messages.success(
            request,
            _(
                "The frame is corrected and the report extracted again: %(count)d automatic figures; "
                "reviewed figures were kept."
            )
            % {"count": len(created)},
        )
    return redirect(review_url(article.pk))


@editor_only
@require_POST
def reextract(request, pk):
    article = get_object_or_404(Article, pk=pk)
    if extracts_in_background(article.raw_text):
        job_id = queue_reextraction(article)
        if job_id is None:
            messages.info(request, _("This article is already waiting to be extracted again."))
            return redirect(review_url(article.pk))
        return redirect("review:job", job_id)
    try:
        created = reextract_article(article)
    except ExtractionFailed as failure:
        messages.error(request, str(failure))
    else:
        messages.success(
            request,
            _("Extracted again: %(count)d automatic figures; reviewed figures were kept.")
            % {
                "count": len(created),
            },
        )
    return redirect(review_url(article.pk))


@login_required
@permission_required(UPLOAD_PERMISSION, raise_exception=True)
def upload_article(request):
    """Read a report and show what was found in it; store it once the editor has checked that."""
    form = UploadForm(request.POST or None, request.FILES or None)
    status = 200
    if request.method == "POST" and not form.is_valid():
        status = form.refusal_status
    elif request.method == "POST":
        try:
            if not form.is_ready_to_save:
                form = form.confirmation_form()
            elif extracts_in_background(form.document.text):
                queued = queue_report(form.article_input(), added_by=request.user)
                return redirect("review:job", queued.job_id)
            else:
                article = ingest_report(form.article_input(), added_by=request.user)
                messages.success(request, _("The report is stored; please review its figures."))
                return redirect("review:article", article.pk)
        except OverLimit as over:  # the time budget of reading its figures
            form.add_error(None, str(over))
            status = over.http_status
        except (DuplicateArticle, ExtractionFailed) as refusal:  # e.g. stored by someone else meanwhile
            form.add_error(None, str(refusal))
            status = 409 if isinstance(refusal, DuplicateArticle) else 422
    return render(
        request,
        "review/upload.html",
        {
            "form": form,
            "zone_names": Zone.objects.values_list("name", flat=True),
        },
        status=status,
    )


@login_required
@permission_required(UPLOAD_PERMISSION, raise_exception=True)
def upload_job(request, pk):
    """Where an upload extracted in the background is followed: reloads itself until the job is done,
    then links to the review."""
    job = extraction_job(pk)
    if job is None:
        raise Http404
    return render(request, "review/job.html", {"job": job, "refresh_seconds": JOB_PAGE_REFRESH_SECONDS})


@editor_only
@require_POST
def verify_zone(request, slug):
    zone = zone_services.verify_zone(get_object_or_404(Zone, slug=slug))
    messages.success(request, _("%(zone)s is confirmed as a zone.") % {"zone": zone.short_name})
    return redirect(zone)
