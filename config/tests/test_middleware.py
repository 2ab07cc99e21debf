import pytest

pytestmark = pytest.mark.django_db


def test_chinese_is_served_whatever_the_browser_asks_for(client):
    response = client.get("/zones/", HTTP_ACCEPT_LANGUAGE="en-US,en;q=0.9")
    assert response["Content-Language"] == "zh-hans"
    assert '<html lang="zh-hans">' in response.content.decode()


def test_the_language_menu_switches_to_english_and_back(client):
    response = client.post("/i18n/setlang/", {"language": "en", "next": "/zones/"})
    assert response.status_code == 302
    english = client.get("/zones/")
    assert english["Content-Language"] == "en" and '<html lang="en">' in english.content.decode()
    client.post("/i18n/setlang/", {"language": "zh-hans", "next": "/zones/"})
    assert client.get("/zones/")["Content-Language"] == "zh-hans"


def test_an_unknown_language_cookie_falls_back_to_chinese(client):
    client.cookies["django_language"] = "xx"
    assert client.get("/zones/")["Content-Language"] == "zh-hans"


def test_responses_vary_on_the_language_cookie(client):
    assert "Cookie" in client.get("/zones/")["Vary"]
