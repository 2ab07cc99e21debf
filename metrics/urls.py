from django.urls import path

from metrics import views

app_name = "metrics"
urlpatterns = [
    path("<slug:code>/", views.metric_detail, name="detail"),
]
