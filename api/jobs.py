"""Extraction jobs: where an upload too long to extract at once can be followed (202 from
POST /api/v1/articles/ names the job's address)."""

from django.http import Http404
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from drf_spectacular.utils import extend_schema_field
from rest_framework import mixins, serializers, viewsets

from api.support import ID_IN_ADDRESS, detail_schema
from ingestion.selectors import JobState, extraction_job


@extend_schema_field({"type": "string", "format": "uri", "nullable": True})
class ArticleLinkField(serializers.Field):
    """An address of the job's article, absolute; None when the article is gone."""

    def __init__(self, url_of, **kwargs):
        self.url_of = url_of
        super().__init__(source="article", read_only=True, allow_null=True, **kwargs)

    def to_representation(self, article):
        return self.context["request"].build_absolute_uri(self.url_of(article))


class JobSerializer(serializers.Serializer):
    id = serializers.IntegerField(read_only=True)
    state = serializers.ChoiceField(
        JobState.choices,
        read_only=True,
        help_text=_("queued → running → done, or failed (message says why; the report is kept)."),
    )
    message = serializers.CharField(read_only=True, help_text=_("Why the job failed; empty otherwise."))
    jobs_ahead = serializers.IntegerField(
        read_only=True, allow_null=True, help_text=_("Queued jobs a worker takes first; null once started.")
    )
    workers = serializers.IntegerField(
        read_only=True, help_text=_("Workers running now; a queued job waits while there are none.")
    )
    queued_at = serializers.DateTimeField(read_only=True, allow_null=True)
    started_at = serializers.DateTimeField(read_only=True, allow_null=True)
    finished_at = serializers.DateTimeField(read_only=True, allow_null=True)
    article_id = serializers.IntegerField(source="article.pk", read_only=True, allow_null=True)
    article_api_url = ArticleLinkField(lambda article: reverse("api:article-detail", args=[article.pk]))
    article_page_url = ArticleLinkField(lambda article: article.get_absolute_url())
    api_url = serializers.SerializerMethodField()

    def get_api_url(self, job) -> str:
        return self.context["request"].build_absolute_uri(reverse("api:job-detail", args=[job.id]))


@detail_schema(JobSerializer)
class JobViewSet(mixins.RetrieveModelMixin, viewsets.GenericViewSet):
    """The state of an extraction job, and its article."""

    serializer_class = JobSerializer
    lookup_value_regex = ID_IN_ADDRESS

    def get_object(self):
        job = extraction_job(int(self.kwargs["pk"]))
        if job is None:
            raise Http404
        return job
