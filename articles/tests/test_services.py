import pytest

from articles.models import Article
from articles.services import ArticleInput, DuplicateArticle, EmptyArticle, store_article

pytestmark = pytest.mark.django_db

REPORT = "某高新区2024年完成固定资产投资85亿元，同比增长12.5%。"


def test_an_article_is_stored_with_its_content_hash():
    article = store_article(ArticleInput(text=REPORT, title="年度总结"))
    assert article.pk and len(article.content_hash) == 64
    assert str(article) == "年度总结"


def test_the_same_report_is_refused_with_a_link_to_the_stored_one():
    first = store_article(ArticleInput(text=REPORT))
    with pytest.raises(DuplicateArticle) as refused:
        store_article(ArticleInput(text="  " + REPORT.replace("，", "，\n") + "\n", title="another title"))
    assert refused.value.existing == first
    assert f"#{first.pk}" in str(refused.value)
    assert Article.objects.count() == 1


def test_the_database_refuses_a_duplicate_hash_too():
    from django.db import IntegrityError

    Article.objects.create(raw_text=REPORT)
    with pytest.raises(IntegrityError):
        Article.objects.create(raw_text=REPORT + " ")


def test_an_empty_report_is_refused():
    with pytest.raises(EmptyArticle):
        store_article(ArticleInput(text=" \n\t"))
    assert not Article.objects.exists()


def test_an_address_too_long_to_store_is_dropped_not_cut():
    article = store_article(ArticleInput(text=REPORT, url="https://example.org/" + "a" * 1200))
    assert article.url == ""
