from django.urls import path

from review import views

app_name = "review"
urlpatterns = [
    path("review/", views.review_queue, name="queue"),
    path("review/indicators/<int:pk>/confirm/", views.confirm, name="confirm"),
    path("review/indicators/<int:pk>/correct/", views.correct, name="correct"),
    path("review/indicators/<int:pk>/reject/", views.reject, name="reject"),
    path("review/articles/<int:pk>/add/", views.add_figure, name="add"),
    path("review/articles/<int:pk>/suggestion/", views.suggest_figure, name="suggest"),
    path("review/articles/<int:pk>/metric-words/", views.map_words, name="map_words"),
    path("review/articles/<int:pk>/reextract/", views.reextract, name="reextract"),
    path("review/articles/<int:pk>/frame/", views.correct_frame, name="frame"),
    path("articles/upload/", views.upload_article, name="upload"),
    path("articles/upload/jobs/<int:pk>/", views.upload_job, name="job"),
    path("articles/<int:pk>/review/", views.review_article, name="article"),
    path("zones/<slug:slug>/verify/", views.verify_zone, name="verify_zone"),
]
