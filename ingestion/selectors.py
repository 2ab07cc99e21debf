"""Reading the state of extraction jobs (ingestion/tasks.py) from procrastinate's tables, for the
upload's status page and the API's job resource."""

from dataclasses import dataclass
from datetime import datetime, timedelta

from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from procrastinate.contrib.django.models import ProcrastinateEvent, ProcrastinateJob, ProcrastinateWorker

from articles.models import Article
from ingestion.tasks import EXTRACTION_TASK


class JobState(models.TextChoices):
    QUEUED = "queued", gettext_lazy("queued")
    RUNNING = "running", gettext_lazy("running")
    DONE = "done", gettext_lazy("done")
    FAILED = "failed", gettext_lazy("failed")


# procrastinate's job statuses in the words of the pages and the API.
_STATES = {
    "todo": JobState.QUEUED,
    "doing": JobState.RUNNING,
    "succeeded": JobState.DONE,
    "failed": JobState.FAILED,
    "cancelled": JobState.FAILED,
    "aborted": JobState.FAILED,
}

# A worker that has not reported within this time is taken for gone (procrastinate's own cut-off
# for stalled workers is 30 seconds of silence; workers report every 10).
_WORKER_SILENCE = timedelta(seconds=30)


@dataclass(frozen=True)
class ExtractionJob:
    id: int
    state: str
    article: Article | None
    message: str
    jobs_ahead: int | None  # queued jobs a worker takes before this one; None once it has started
    workers: int  # workers that reported in the last 30 seconds
    queued_at: datetime | None
    started_at: datetime | None
    finished_at: datetime | None

    @property
    def is_finished(self) -> bool:
        return self.state in (JobState.DONE, JobState.FAILED)


def extraction_job(job_id: int) -> ExtractionJob | None:
    """The extraction job `job_id` and its article; None when there is no such extraction job."""
    job = ProcrastinateJob.objects.filter(pk=job_id, task_name=EXTRACTION_TASK).first()
    if job is None:
        return None
    state = _STATES.get(job.status, JobState.FAILED)
    article = Article.objects.filter(pk=job.args.get("article_id")).first()
    live_workers = ProcrastinateWorker.objects.filter(last_heartbeat__gte=timezone.now() - _WORKER_SILENCE)
    if state == JobState.RUNNING and not live_workers.filter(pk=job.worker_id).exists():
        # Its worker died mid-job (killed, out of memory): the job would say "running" for ever.
        state, message = (
            JobState.FAILED,
            _(
                "The worker stopped while extracting this report (restarted or out of memory); "
                "extract it again from its review page."
            ),
        )
    else:
        message = failure_message(article) if state == JobState.FAILED else ""
    times = event_times(job)
    return ExtractionJob(
        id=job.pk,
        state=state,
        article=article,
        message=message,
        jobs_ahead=jobs_ahead(job) if state == JobState.QUEUED else None,
        workers=live_workers.count(),
        queued_at=times.get("deferred"),
        started_at=times.get("started"),
        finished_at=times.get("succeeded") or times.get("failed") or times.get("aborted"),
    )


def event_times(job: ProcrastinateJob) -> dict[str, datetime]:
    """When each kind of event last happened to the job (a retried job starts more than once)."""
    events = ProcrastinateEvent.objects.filter(job=job).order_by("at").values_list("type", "at")
    return dict(events)


def jobs_ahead(job: ProcrastinateJob) -> int:
    """Waiting jobs of the same queue a worker takes first: higher priority, or equal and older."""
    return ProcrastinateJob.objects.filter(
        Q(priority__gt=job.priority) | Q(priority=job.priority, pk__lt=job.pk),
        queue_name=job.queue_name,
        status="todo",
    ).count()


def failure_message(article: Article | None) -> str:
    if article is None:
        return _("The article no longer exists.")
    if article.status == Article.Status.FAILED and article.status_message:
        return _("The figures could not be extracted: %(reason)s") % {"reason": article.status_message}
    return _("The job failed; the worker's log says why.")
