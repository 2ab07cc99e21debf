from django.urls import path

from metrics import review_views

app_name = "review"
urlpatterns = [
    path("", review_views.review_queue, name="queue"),
    path("indicators/<int:pk>/confirm/", review_views.confirm, name="confirm"),
    path("indicators/<int:pk>/correct/", review_views.correct, name="correct"),
    path("indicators/<int:pk>/reject/", review_views.reject, name="reject"),
    path("articles/<int:pk>/add/", review_views.add_figure, name="add"),
    path("articles/<int:pk>/metric-words/", review_views.map_words, name="map_words"),
    path("articles/<int:pk>/reextract/", review_views.reextract, name="reextract"),
]
