from django.db.models import F, Prefetch
from django.utils.translation import gettext_lazy as _
from drf_spectacular.utils import OpenApiResponse, extend_schema, extend_schema_field, extend_schema_view
from rest_framework import mixins, serializers, status, viewsets
from rest_framework.exceptions import ValidationError
from rest_framework.response import Response

from api.jobs import JobSerializer
from api.metrics import IndicatorSerializer
from api.support import (
    ID_IN_ADDRESS,
    APIURLField,
    CSVListMixin,
    ErrorSerializer,
    ExistingSlugField,
    PageURLField,
    detail_schema,
    error_body,
    error_responses,
    list_schema,
)
from articles.decoding import UnreadableDocument
from articles.limits import OverLimit
from articles.models import Article
from articles.services import (
    FRAME_CORRECTION_FIELDS,
    ArticleInput,
    DuplicateArticle,
    EmptyArticle,
    document_input,
    read_report,
    read_uploaded_file,
)
from ingestion.selectors import extraction_job
from ingestion.services import ExtractionFailed, ExtractionOverTime, extracts_in_background, ingest_report
from ingestion.tasks import queue_report
from metrics.models import Indicator
from zones.models import Zone


class ArticleSerializer(serializers.ModelSerializer):
    source = serializers.CharField(source="source_name")
    zones = serializers.SlugRelatedField(slug_field="slug", many=True, read_only=True)
    api_url = APIURLField(view_name="api:article-detail")
    page_url = PageURLField()

    class Meta:
        model = Article
        fields = [
            "id",
            "title",
            "source",
            "url",
            "published_on",
            "original_filename",
            "zones",
            "status",
            "added_at",
            "api_url",
            "page_url",
        ]


class ArticleIndicatorSerializer(IndicatorSerializer):
    """An indicator shown inside its own article, which it need not repeat."""

    class Meta(IndicatorSerializer.Meta):
        fields = [name for name in IndicatorSerializer.Meta.fields if name != "article"]


class DocumentFrameSerializer(serializers.Serializer):
    """What the engine read the report to be, with editors' corrections applied."""

    kind = serializers.ChoiceField(choices=Article.ReportKind.choices, required=False)
    zones = serializers.ListField(
        child=serializers.CharField(), required=False, help_text=_("Zones it is about.")
    )
    reported_year = serializers.IntegerField(allow_null=True, required=False)
    planned_year = serializers.IntegerField(allow_null=True, required=False)
    corrected = serializers.SerializerMethodField(help_text=_("The frame fields an editor corrected."))

    def get_corrected(self, frame) -> list[str]:
        return sorted(self.context.get("frame_corrections", {}))


class ArticleDetailSerializer(ArticleSerializer):
    text = serializers.CharField(
        source="raw_text",
        help_text=_("The report as uploaded; its indicators' quote_start and quote_end index it."),
    )
    indicators = ArticleIndicatorSerializer(many=True, read_only=True)
    frame = serializers.SerializerMethodField()

    class Meta(ArticleSerializer.Meta):
        fields = [*ArticleSerializer.Meta.fields, "status_message", "frame", "text", "indicators"]

    @extend_schema_field(DocumentFrameSerializer)
    def get_frame(self, article) -> dict:
        context = {**self.context, "frame_corrections": article.frame_corrections}
        return DocumentFrameSerializer(article.frame, context=context).data


class ArticleUploadSerializer(serializers.Serializer):
    """What the uploader knows about a report; metadata left out is taken from the document itself
    (a web page's title, site and date) or the text. The report itself: ArticleTextUploadSerializer
    (JSON) or ArticleFileUploadSerializer (multipart)."""

    title = serializers.CharField(required=False, allow_blank=True, max_length=300)
    source = serializers.CharField(required=False, allow_blank=True, max_length=200)
    url = serializers.URLField(required=False, allow_blank=True, max_length=1000)
    published_on = serializers.DateField(required=False)
    zones = ExistingSlugField(
        slug_field="slug",
        queryset=Zone.objects.all(),
        many=True,
        required=False,
        help_text=_("Slugs of the zones the report is about; with one zone, figures naming no zone are its."),
    )
    report_kind = serializers.ChoiceField(
        choices=Article.ReportKind.choices,
        required=False,
        help_text=_("The kind of report, when the engine should not guess it."),
    )
    reported_year = serializers.IntegerField(
        required=False,
        min_value=1980,
        max_value=2100,
        help_text=_("The year its results are of, when the engine should not read it from the text."),
    )

    def article_input(self, document) -> ArticleInput:
        given = self.validated_data
        upload = given.get("file")
        return ArticleInput(
            text=document.text,
            title=given.get("title", ""),
            source_name=given.get("source", ""),
            url=given.get("url", ""),
            published_on=given.get("published_on"),
            zones=given.get("zones", []),
            frame_corrections={
                key: given[name]
                for name, key in FRAME_CORRECTION_FIELDS.items()
                if given.get(name) is not None
            },
        ).completed_by(document_input(document, upload.name if upload else ""))


class ArticleTextUploadSerializer(ArticleUploadSerializer):
    """A report's text, as JSON (where a date may also be null: not given)."""

    published_on = serializers.DateField(required=False, allow_null=True)

    text = serializers.RegexField(
        r"\S",
        trim_whitespace=False,
        help_text=_("The report's text (not only blanks)."),
        error_messages={"invalid": _("The report has no text.")},
    )

    def read(self):
        """The submitted report as a document, refused (UnreadableDocument, EmptyArticle, DuplicateArticle)
        by the same rules as the upload page."""
        return read_report(text=self.validated_data["text"])


class ArticleFileUploadSerializer(ArticleUploadSerializer):
    """A report's file, as multipart form data."""

    file = serializers.FileField(help_text=_("A .txt, .html, .docx or .pdf file."))

    def validate(self, data):
        if "text" in self.initial_data:
            raise ValidationError(_("Send either the report's text (JSON) or a file (multipart), not both."))
        return data

    def read(self):
        return read_uploaded_file(self.validated_data["file"])


@extend_schema_view(
    list=list_schema(ArticleSerializer),
    retrieve=detail_schema(ArticleDetailSerializer),
    create=extend_schema(
        request={
            "application/json": ArticleTextUploadSerializer,
            "multipart/form-data": ArticleFileUploadSerializer,
        },
        responses={
            201: ArticleDetailSerializer,
            202: OpenApiResponse(
                JobSerializer,
                description=_(
                    "A report over the background threshold is stored and its extraction queued: the "
                    "body is the job, its address (api_url, also the Location header) tells when it is done."
                ),
            ),
            **error_responses(400, 403),
            413: OpenApiResponse(
                ErrorSerializer,
                description=_(
                    "Larger than a report may be, or over one of the bounds of the work a report may cost "
                    "(details.limit names it, details.value and details.maximum say by how much); nothing "
                    "was stored."
                ),
            ),
            409: OpenApiResponse(
                ErrorSerializer,
                description=_(
                    "Already stored: details.article_id, details.api_url and details.page_url name it."
                ),
            ),
            422: OpenApiResponse(
                ErrorSerializer,
                description=_(
                    "The figures could not be extracted, or not within the time budget (code over_time); "
                    "nothing was stored."
                ),
            ),
        },
    ),
)
class ArticleViewSet(CSVListMixin, mixins.CreateModelMixin, viewsets.ReadOnlyModelViewSet):
    """Reports and the figures read from them. Editors (token in the editors group) upload new ones."""

    # Newest report first; those without a date after all dated ones, latest upload first.
    queryset = Article.objects.order_by(F("published_on").desc(nulls_last=True), "-added_at", "-id")
    lookup_value_regex = ID_IN_ADDRESS

    def get_queryset(self):
        if self.action == "list":
            return self.queryset.defer("raw_text", "text").prefetch_related("zones")
        indicators = Indicator.objects.select_related("zone", "metric")
        return self.queryset.prefetch_related("zones", Prefetch("indicators", queryset=indicators))

    def get_serializer_class(self):
        if self.action == "create":
            sends_file = self.request is not None and self.request.content_type.startswith("multipart/")
            return ArticleFileUploadSerializer if sends_file else ArticleTextUploadSerializer
        return {"list": ArticleSerializer}.get(self.action, ArticleDetailSerializer)

    def create(self, request, *args, **kwargs):
        upload = self.get_serializer(data=request.data)
        upload.is_valid(raise_exception=True)
        field = "file" if "file" in upload.validated_data else "text"
        try:
            report = upload.article_input(upload.read())
            if extracts_in_background(report.text):
                return self.queued_response(queue_report(report, added_by=request.user).job_id)
            article = ingest_report(report, added_by=request.user)
        except OverLimit as over:
            code = "over_time" if isinstance(over, ExtractionOverTime) else "too_large"
            return Response(
                error_body(over.http_status, code, str(over), over.details), status=over.http_status
            )
        except (UnreadableDocument, EmptyArticle) as refusal:
            raise ValidationError({field: [str(refusal)]}) from refusal
        except DuplicateArticle as duplicate:
            return self.duplicate_response(duplicate.existing, str(duplicate))
        except ExtractionFailed as failure:
            # The engine's fault, already logged with its traceback; the client learns the report
            # was not stored, in the usual error shape.
            return Response(
                error_body(status.HTTP_422_UNPROCESSABLE_ENTITY, "extraction_failed", str(failure)),
                status=status.HTTP_422_UNPROCESSABLE_ENTITY,
            )
        article = self.get_queryset().get(pk=article.pk)
        data = ArticleDetailSerializer(article, context=self.get_serializer_context()).data
        return Response(data, status=status.HTTP_201_CREATED, headers={"Location": data["api_url"]})

    def queued_response(self, job_id: int) -> Response:
        data = JobSerializer(extraction_job(job_id), context=self.get_serializer_context()).data
        return Response(data, status=status.HTTP_202_ACCEPTED, headers={"Location": data["api_url"]})

    def duplicate_response(self, existing: Article, message: str) -> Response:
        links = ArticleSerializer(existing, context=self.get_serializer_context()).data
        details = {"article_id": existing.pk, "api_url": links["api_url"], "page_url": links["page_url"]}
        return Response(
            error_body(status.HTTP_409_CONFLICT, "duplicate", message, details),
            status=status.HTTP_409_CONFLICT,
            headers={"Location": links["api_url"]},
        )
