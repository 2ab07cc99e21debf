import pytest
from django.utils import translation

from articles.decoding import UnreadableDocument, decode_text

TEXT = "威海高新区全年完成地区生产总值300亿元，同比增长8.5%，规上工业增加值增长12%。高新技术企业达到320家。"
LIMIT = 1_000_000


@pytest.fixture(autouse=True)
def english():
    with translation.override("en"):
        yield


@pytest.mark.parametrize("encoding", ["utf-8", "utf-8-sig", "gbk", "gb18030"])
def test_simplified_chinese_encodings_are_recognised(encoding):
    assert decode_text(TEXT.encode(encoding), LIMIT) == TEXT


def test_big5_is_recognised():
    traditional = (
        "威海高新區全年完成地區生產總值300億元，同比增長8.5%，規上工業增加值增長12%。高新技術企業達到320家。"
    )
    assert decode_text(traditional.encode("big5"), LIMIT) == traditional


@pytest.mark.parametrize(
    "data, reason",
    [
        (b"", "empty"),
        (b"   \n ", "empty"),
        (b"x" * (LIMIT + 1), "limit"),
    ],
)
def test_unusable_files_are_refused_with_the_reason(data, reason):
    with pytest.raises(UnreadableDocument, match=reason):
        decode_text(data, LIMIT)


def test_binary_data_is_refused():
    with pytest.raises(UnreadableDocument):
        decode_text(bytes(range(256)) * 20, LIMIT)


def test_utf8_with_nul_bytes_is_refused_as_binary():
    with pytest.raises(UnreadableDocument, match="binary"):
        decode_text(TEXT.encode() + b"\x00\x00", LIMIT)
