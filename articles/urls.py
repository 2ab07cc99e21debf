from django.urls import path

from articles import upload_views, views
from metrics import review_views

app_name = "articles"
urlpatterns = [
    path("<int:pk>/", views.article_detail, name="detail"),
    path("upload/", upload_views.upload_article, name="upload"),
    path("<int:pk>/review/", review_views.review_article, name="review"),
]
