from django.contrib import admin
from django.urls import include, path

from metrics import views as metric_views
from zones import views as zone_views

urlpatterns = [
    path("", zone_views.zone_list, name="home"),
    path("zones/", include("zones.urls")),
    path("articles/", include("articles.urls")),
    path("metrics/", include("metrics.urls")),
    path("review/", include("metrics.review_urls")),
    path("compare/", metric_views.compare, name="compare"),
    path("api/", include("config.api_urls")),
    path("accounts/", include("django.contrib.auth.urls")),
    path("i18n/", include("django.conf.urls.i18n")),
    path("admin/", admin.site.urls),
]

handler400 = "config.errors.bad_request"
