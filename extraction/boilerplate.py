"""Mask page furniture (navigation, share buttons, related reading, copyright,
contact lines, view counts) in normalised text.

Masking blanks characters (newlines stay) instead of deleting them, so the body
text keeps the normalised text's offsets, lines, and the offset map stays valid.
"""

from __future__ import annotations

import re

# A line that starts one of these blocks ends the article: what follows is
# other articles, comments or the site footer.
END_OF_ARTICLE = re.compile(
    r"^\s*[(（【\[]?\s*(相关阅读|推荐阅读|相关新闻|相关文章|相关报道|相关链接|延伸阅读|扩展阅读|热门推荐|热点推荐"
    r"|热门文章|热门新闻|精彩推荐|今日推荐|今日热点|猜你喜欢|大家都在看|更多新闻|更多精彩|往期回顾|阅读剩余全文"
    r"|上一篇|下一篇|责任编辑|责编|编辑[:：]|审核[:：]|校对[:：]|监制[:：]|纠错"
    r"|版权与免责声明|版权声明|免责声明|网友评论|我要评论|发表评论|分享到)"
)
# Short lines made of these words are navigation/share/meta furniture.
FURNITURE = re.compile(
    r"首页|正文|频道|>|›|»|分享|微信|朋友圈|微博|点击|阅读|浏览|评论|打印|关闭|字号|收藏|来源|作者|"
    r"日期|发布时间|编辑|版权|copyright|all rights reserved|电话|热线|邮箱|邮编|地址|许可证|备案|"
    r"网站地图|联系我们|关于我们|扫描|扫一扫|二维码|客户端|公众号|上一篇|下一篇|返回|顶部",
    re.IGNORECASE,
)
# Each form opens with its literal digit and then checks that no digit precedes
# it: re skips to the digits 0, 1 and 4 instead of trying every position.
PHONE = re.compile(r"(0(?<!\d0)\d{2,3}-?\d{7,8}|1(?<!\d1)[3-9]\d{9}|4(?<!\d4)00-?\d{3}-?\d{4})(?!\d)")
# Page markup left in pasted text (<br/>, <h1>, &nbsp;): its > is no breadcrumb arrow.
MARKUP = re.compile(r"<[^<>\n]{0,100}>|&nbsp;")
SENTENCE_END = re.compile(r"[。！？!?]\s*$")
# Furniture lines are short; real paragraphs mentioning 来源 or 点击 are long.
FURNITURE_MAX_LEN = 60
# End-of-article markers only count once some body text has been seen, since
# share/related-reading blocks also appear above the headline.
MIN_BODY_BEFORE_END = 200


def _is_furniture(line: str) -> bool:
    stripped = MARKUP.sub(" ", line).strip() if "<" in line or "&" in line else line.strip()
    if not stripped:
        return False
    if (
        len(stripped) <= FURNITURE_MAX_LEN
        and not SENTENCE_END.search(stripped)
        and FURNITURE.search(stripped)
    ):
        return True
    return len(stripped) <= FURNITURE_MAX_LEN and bool(PHONE.search(stripped))


def _masked(text: str, spans: list[tuple[int, int]]) -> str:
    parts, cursor = [], 0
    for start, end in spans:
        parts.append(text[cursor:start])
        # Blank each line of the span, keeping its newlines (a page tail is long; a regex sub works
        # character by character).
        parts.append("\n".join(" " * len(line) for line in text[start:end].split("\n")))
        cursor = end
    parts.append(text[cursor:])
    return "".join(parts)


def strip_boilerplate(text: str) -> str:
    """Same-length copy of `text` with furniture lines and the page tail masked."""
    spans, body_chars, pos = [], 0, 0
    for line in text.split("\n"):
        start, end = pos, pos + len(line)
        pos = end + 1
        ends_article = END_OF_ARTICLE.match(line)
        if ends_article and body_chars >= MIN_BODY_BEFORE_END:
            spans.append((start, len(text)))
            break
        if ends_article or _is_furniture(line):
            spans.append((start, end))
            continue
        spans += [(start + m.start(), start + m.end()) for m in PHONE.finditer(line)]
        body_chars += len(line.strip())
    return _masked(text, spans)
