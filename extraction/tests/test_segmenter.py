"""RouteSegmenter must cut exactly as jieba's Tokenizer.lcut(text, HMM=False)
with the same dictionary: the metric reader's phrases depend on every edge."""

from hypothesis import given, settings
from hypothesis import strategies as st

from extraction.metric import _tokenizer
from extraction.segmenter import RouteSegmenter

DOMAIN = ("营业收入", "高新技术企业", "规上工业总产值", "同比增长", "完成率", "高企", "营收")
WINDOWS = [
    "全区实现营业收入",
    "其中规上工业总产值",
    "同比增长",
    "新增高新技术企业",
    "完成年度计划的",
    "R&D经费投入强度达",
    "PM2.5平均浓度下降",
    "5G基站 新建 ",
    "高企数量\t\n达",
    "ab12cd 3.5% e-f",
    "营收",
    "",
    " ",
    "\r\n",
    "全市研发投入占GDP比重",
]
PIECES = [
    "营业",
    "收入",
    "高新",
    "技术",
    "企业",
    "同比",
    "增长",
    "ab",
    "1",
    "2.5",
    "%",
    " ",
    "\n",
    "\r\n",
    "\t",
    "，",
    "。",
    "(",
    "的",
    "了",
    "R&D",
    "+",
    "#",
    "_",
    "-",
    "\u3000",
]
pieced_text = st.lists(st.one_of(st.sampled_from(PIECES), st.text(max_size=4)), max_size=20).map("".join)


def _both():
    tokenizer = _tokenizer(DOMAIN)
    return tokenizer, RouteSegmenter(tokenizer)


def test_same_words_as_jieba_on_metric_windows():
    tokenizer, segmenter = _both()
    for window in WINDOWS:
        assert segmenter.lcut(window) == tokenizer.lcut(window, HMM=False), window


@settings(max_examples=300, deadline=None)
@given(pieced_text)
def test_same_words_as_jieba_on_any_text(text):
    tokenizer, segmenter = _both()
    assert segmenter.lcut(text) == tokenizer.lcut(text, HMM=False)
