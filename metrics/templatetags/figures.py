from decimal import Decimal

from django import template
from django.utils.translation import get_language, pgettext_lazy
from django.utils.translation import gettext as _

from extraction.vocabulary import CUMULATIVE

register = template.Library()


@register.filter
def plain_number(value):
    """A stored decimal as people write it: 320, 116.2, -3.4 (not 320.000000 nor 3.2E+2)."""
    if not isinstance(value, Decimal):
        return value
    return format(value.normalize(), "f")


# The qualifiers Chinese writes after the number (40个以上); the others come before (突破100亿元).
TRAILING_QUALIFIERS = {"以上", "左右", "以下"}
# Words that say nothing a bare number does not (达到3156家 is 3156家).
SILENT_QUALIFIERS = {"达到"}


# Units in English (locale/en): the Chinese is the message id, so a unit not listed stays as written.
UNIT_NAMES = {
    "万亿元": pgettext_lazy("unit", "万亿元"),
    "亿元": pgettext_lazy("unit", "亿元"),
    "万元": pgettext_lazy("unit", "万元"),
    "元": pgettext_lazy("unit", "元"),
    "亿美元": pgettext_lazy("unit", "亿美元"),
    "万美元": pgettext_lazy("unit", "万美元"),
    "美元": pgettext_lazy("unit", "美元"),
    "家": pgettext_lazy("unit", "家"),
    "个": pgettext_lazy("unit", "个"),
    "项": pgettext_lazy("unit", "项"),
    "件": pgettext_lazy("unit", "件"),
    "名": pgettext_lazy("unit", "名"),
    "人": pgettext_lazy("unit", "人"),
    "万人": pgettext_lazy("unit", "万人"),
    "人次": pgettext_lazy("unit", "人次"),
    "套": pgettext_lazy("unit", "套"),
    "万套": pgettext_lazy("unit", "万套"),
    "台": pgettext_lazy("unit", "台"),
    "轮": pgettext_lazy("unit", "轮"),
    "亩": pgettext_lazy("unit", "亩"),
    "万亩": pgettext_lazy("unit", "万亩"),
    "公顷": pgettext_lazy("unit", "公顷"),
    "平方米": pgettext_lazy("unit", "平方米"),
    "万平方米": pgettext_lazy("unit", "万平方米"),
    "平方公里": pgettext_lazy("unit", "平方公里"),
    "吨": pgettext_lazy("unit", "吨"),
    "万吨": pgettext_lazy("unit", "万吨"),
    "个百分点": pgettext_lazy("unit", "个百分点"),
    "位": pgettext_lazy("unit", "位"),
    "微克/立方米": pgettext_lazy("unit", "微克/立方米"),
    "吨标准煤/万元": pgettext_lazy("unit", "吨标准煤/万元"),
}
# Qualifiers in English, and whether they follow the number.
QUALIFIER_NAMES = {
    "超过": (pgettext_lazy("qualifier", "over"), False),
    "突破": (pgettext_lazy("qualifier", "over"), False),
    "逾": (pgettext_lazy("qualifier", "over"), False),
    "近": (pgettext_lazy("qualifier", "nearly"), False),
    "约": (pgettext_lazy("qualifier", "about"), False),
    "左右": (pgettext_lazy("qualifier", "about"), False),
    "不少于": (pgettext_lazy("qualifier", "at least"), False),
    "不低于": (pgettext_lazy("qualifier", "at least"), False),
    "以上": (pgettext_lazy("qualifier", "or more"), True),
    "以下": (pgettext_lazy("qualifier", "or less"), True),
}


def in_english() -> bool:
    return (get_language() or "").startswith("en")


@register.filter
def unit_name(unit: str) -> str:
    """The unit in the page's language: 亿元, or “100 million yuan” in English."""
    # 个 is nothing in English: a blank in the catalogue ("5", not "5 个"), stripped here.
    return str(UNIT_NAMES[unit]).strip() if unit in UNIT_NAMES and in_english() else unit


@register.filter
def as_written(figure):
    """A figure's (or indicator's) value with its unit and qualifier, in the order of the text."""
    return with_qualifier(plain_number(figure.value), figure.unit, figure.qualifier)


def with_qualifier(number: str, unit: str, qualifier: str) -> str:
    """突破100亿元, 40个以上; 3156家 for 达到3156家. In English: “over 100 × 100 million yuan”."""
    if in_english():
        return english_figure(number, unit, qualifier)
    number = f"{number}{unit}"
    if qualifier in SILENT_QUALIFIERS:
        return number
    if qualifier in TRAILING_QUALIFIERS:
        return f"{number}{qualifier}"
    return f"{qualifier}{number}"


def english_figure(number: str, unit: str, qualifier: str) -> str:
    name = unit_name(unit)
    # A unit with a multiplier reads “× 100 million yuan”; %, a plain count or “mu” follow the number.
    text = f"{number}{name}" if name == "%" else f"{number} {name}".strip()
    if qualifier in QUALIFIER_NAMES:
        word, after = QUALIFIER_NAMES[qualifier]
        return f"{text} {word}" if after else f"{word} {text}"
    return text


@register.filter
def period_text(label: str) -> str:
    """A stored period label as people read it: 2024–2026 for 2024..2026, "to date" for cumulative."""
    if label == CUMULATIVE:
        return _("to date")
    return label.replace("..", "–")
