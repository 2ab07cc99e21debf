"""The REST API: version 1 under /api/v1/, its OpenAPI schema and interactive documentation."""

from csp.decorators import csp_update
from django.urls import include, path, re_path
from drf_spectacular.views import SpectacularAPIView, SpectacularSwaggerSplitView
from rest_framework.routers import DefaultRouter

from api.articles import ArticleViewSet
from api.jobs import JobViewSet
from api.metrics import ComparisonView, IndicatorViewSet, MetricViewSet
from api.support import api_not_found
from api.zones import ZoneViewSet

# Swagger UI: the split view serves its start-up script as a file (the Content-Security-Policy allows
# no inline script); Swagger UI styles its elements inline, which this page alone allows.
documentation = csp_update({"style-src": ["'self'", "'unsafe-inline'"]})(
    SpectacularSwaggerSplitView.as_view(url_name="api:schema")
)

router = DefaultRouter()
router.register("zones", ZoneViewSet, basename="zone")
router.register("metrics", MetricViewSet, basename="metric")
router.register("indicators", IndicatorViewSet, basename="indicator")
router.register("articles", ArticleViewSet, basename="article")
router.register("jobs", JobViewSet, basename="job")

app_name = "api"
urlpatterns = [
    path("v1/", include(router.urls)),
    path("v1/compare/", ComparisonView.as_view(), name="compare"),
    path("schema/", SpectacularAPIView.as_view(), name="schema"),
    path("docs/", documentation, name="docs"),
    # Last: any other address ending in a slash (one without is first redirected to it by APPEND_SLASH).
    re_path(r"^[\s\S]*/$", api_not_found),  # [\s\S], not ".": a newline in the address too
]
