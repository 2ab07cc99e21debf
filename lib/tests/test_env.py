import pytest
from django.core.exceptions import ImproperlyConfigured

from lib.env import env_flag, env_int, env_list


@pytest.mark.parametrize("value", ["1", "true", "Yes", " ON "])
def test_flag_words_for_on(monkeypatch, value):
    monkeypatch.setenv("ZS_FLAG", value)
    assert env_flag("ZS_FLAG", False) is True


@pytest.mark.parametrize("value", ["0", "false", "No", "off"])
def test_flag_words_for_off(monkeypatch, value):
    monkeypatch.setenv("ZS_FLAG", value)
    assert env_flag("ZS_FLAG", True) is False


@pytest.mark.parametrize("value", [None, "", "  "])
def test_an_unset_or_empty_flag_is_its_default(monkeypatch, value):
    monkeypatch.delenv("ZS_FLAG", raising=False)
    if value is not None:
        monkeypatch.setenv("ZS_FLAG", value)
    assert env_flag("ZS_FLAG", True) is True
    assert env_flag("ZS_FLAG", False) is False


@pytest.mark.parametrize("value", ["flase", "2", "y", "enabled"])
def test_a_flag_it_does_not_understand_stops_the_start(monkeypatch, value):
    monkeypatch.setenv("ZS_FLAG", value)
    with pytest.raises(ImproperlyConfigured, match="ZS_FLAG"):
        env_flag("ZS_FLAG", False)


def test_lists_and_numbers(monkeypatch):
    monkeypatch.setenv("ZS_LIST", " a, ,b ")
    monkeypatch.setenv("ZS_INT", "42")
    assert env_list("ZS_LIST", ["x"]) == ["a", "b"]
    assert env_list("ZS_UNSET", ["x"]) == ["x"]
    assert env_int("ZS_INT", 1) == 42
    monkeypatch.setenv("ZS_INT", "4MB")
    with pytest.raises(ImproperlyConfigured, match="ZS_INT"):
        env_int("ZS_INT", 1)
