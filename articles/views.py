from django.shortcuts import get_object_or_404, render

from articles.models import Article


def article_detail(request, pk):
    article = get_object_or_404(Article, pk=pk)
    indicators = article.indicators.select_related("zone", "metric")
    return render(request, "articles/article_detail.html", {"article": article, "indicators": indicators})
