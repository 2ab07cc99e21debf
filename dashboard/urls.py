from django.urls import path

from dashboard import views

app_name = "dashboard"
urlpatterns = [
    path("", views.zone_list, name="home"),
    path("zones/", views.zone_list, name="zones"),
    path("zones/<slug:slug>/", views.zone_detail, name="zone"),
    path("compare/", views.compare, name="compare"),
    path("metrics/<slug:code>/", views.metric_detail, name="metric"),
    path("articles/<int:pk>/", views.article_detail, name="article"),
]
