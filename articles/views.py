from django.shortcuts import get_object_or_404, render

from articles.highlight import highlighted_text
from articles.models import Article


def article_detail(request, pk):
    article = get_object_or_404(Article, pk=pk)
    figures = list(article.indicators.active().select_related("zone", "metric")
                   .order_by("zone__short_name", "quote_start", "pk"))
    return render(request, "articles/article_detail.html", {
        "article": article,
        "figures": figures,
        "highlighted_text": highlighted_text(article.raw_text, figures),
    })
