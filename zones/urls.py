from django.urls import path

from zones import views

app_name = "zones"
urlpatterns = [
    path("", views.zone_list, name="list"),
    path("<slug:slug>/", views.zone_detail, name="detail"),
    path("<slug:slug>/verify/", views.verify_zone, name="verify"),
]
