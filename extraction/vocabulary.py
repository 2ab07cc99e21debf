"""The words the engine and the stored indicators share: kinds, stances, scopes and the one period
label that is not a date. The Django models take their choices from here (a test keeps them equal)."""

from enum import StrEnum


class Kind(StrEnum):
    LEVEL = "level"  # an amount or count: 127亿元, 170家
    GROWTH = "growth"  # a rate of change: 增长22.1%, 下降3.4% (-3.4)
    COMPLETION = "completion"  # against a plan: 完成年度计划的149.6%
    SHARE = "share"  # a proportion: 占比43%
    RANK = "rank"  # a position: 位列全省第二
    DELTA = "delta"  # a difference: 高出全市20.8个百分点, 增加122亿元


class Stance(StrEnum):
    TARGET = "target"
    ACHIEVEMENT = "achievement"


class Scope(StrEnum):
    """Whose figure it is: a zone's own, or its place's or group's given as context."""

    ZONE = "zone"
    CITY = "city"
    PROVINCE = "province"
    GROUP = "group"
    NATIONAL = "national"


# The period of a running total with no start (截至目前, 累计).
CUMULATIVE = "cumulative"
