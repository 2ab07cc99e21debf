from django.urls import path

from dashboard import views

app_name = "dashboard"
urlpatterns = [
    path("", views.home, name="home"),
    path("zones/", views.zone_list, name="zones"),
    path("zones/<slug:slug>/", views.zone_detail, name="zone"),
    path("compare/", views.compare, name="compare"),
    path("metrics/", views.metric_index, name="metrics"),
    path("metrics/<slug:code>/", views.metric_detail, name="metric"),
    path("articles/", views.article_index, name="articles"),
    path("methodology/", views.methodology, name="methodology"),
    path("articles/<int:pk>/", views.article_detail, name="article"),
]
