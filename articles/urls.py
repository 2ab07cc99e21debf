from django.urls import path

from articles import views

app_name = "articles"
urlpatterns = [
    path("<int:pk>/", views.article_detail, name="detail"),
]
