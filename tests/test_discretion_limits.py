"""scjg.discretion.decide for 行政处罚法 第三十条、第三十一条、第三十六条 at every boundary (literal expectations)."""
from __future__ import annotations

from datetime import date

import pytest

from scjg import laws
from scjg.discretion import decide

AGE_UNDER_14 = "不满十四周岁的未成年人有违法行为的，不予行政处罚，责令监护人加以管教"
AGE_14_18 = "已满十四周岁不满十八周岁的未成年人有违法行为的，应当从轻或者减轻行政处罚"
LIMIT = "违法行为在二年内未被发现的，不再给予行政处罚；涉及公民生命健康安全、金融安全且有危害后果的，上述期限延长至五年"


def where(d):
    return (d.kind, d.law, d.article, d.paragraph, d.item)


@pytest.mark.parametrize("age, expected", [
    (0, ("不予处罚", "行政处罚法", 30, 1, None)),
    (13, ("不予处罚", "行政处罚法", 30, 1, None)),
    (14, ("应当从轻或者减轻", "行政处罚法", 30, 1, None)),
    (17, ("应当从轻或者减轻", "行政处罚法", 30, 1, None)),
    (18, ("处罚", "行政处罚法", 5, 2, None)),
])
def test_age_in_whole_years(age, expected):
    """Is 13 不予处罚, 14 and 17 应当从轻或者减轻, and 18 an ordinary penalty (行政处罚法第三十条)?"""
    assert where(decide(age=age)) == expected


def test_age_quotes_are_the_two_clauses_of_article_30():
    """Are the quotes for under 14 and for 14–17 the two clauses of 第三十条, verbatim?"""
    young, minor = decide(age=12), decide(age=16)
    assert (young.quote, minor.quote) == (AGE_UNDER_14, AGE_14_18)
    assert laws.is_verbatim("行政处罚法", 30, young.quote) and laws.is_verbatim("行政处罚法", 30, minor.quote)


@pytest.mark.parametrize("act, kind", [
    ("2022-05-01", "不予处罚"),            # 14th birthday itself: not yet 已满十四周岁
    ("2022-05-02", "应当从轻或者减轻"),     # the day after
    ("2026-05-01", "应当从轻或者减轻"),     # 18th birthday itself: not yet 已满十八周岁
    ("2026-05-02", "处罚"),
])
def test_birthday_itself_is_not_yet_full_age(act, kind):
    """Born 2008-05-01: is the 14th (18th) birthday still under 14 (18), and the next day not?"""
    d = decide(birth_date="2008-05-01", act_date=act)
    assert d.kind == kind
    if kind != "处罚":
        assert any("生日的第二天" in n for n in d.notes)


def test_minor_age_keeps_article_32_reasons():
    """For a 16-year-old with a 第三十二条第（一）项 ground, is it 第三十条 with both reasons listed?"""
    d = decide(age=16, mitigating=(1,))
    assert where(d) == ("应当从轻或者减轻", "行政处罚法", 30, 1, None)
    assert d.reasons == ("违法行为时 16 周岁", "主动消除或者减轻违法行为危害后果")


def test_first_offense_of_a_minor_stays_optional_and_notes_article_30():
    """Is 首违不罚 still 可以不予处罚 for a 16-year-old, noting that a penalty must then be mitigated?"""
    d = decide(age=16, first_offense=True, harm="minor", rectified=True)
    assert where(d) == ("可以不予处罚", "行政处罚法", 33, 1, None)
    assert d.notes[-1] == "决定仍予处罚的：已满十四周岁不满十八周岁，应当从轻或者减轻（第三十条）。"


def test_mental_states():
    """Is 'unable' 不予处罚 and 'limited' 可以从轻或者减轻 under 第三十一条, each quoted verbatim?"""
    unable, limited = decide(mental="unable"), decide(mental="limited")
    assert where(unable) == ("不予处罚", "行政处罚法", 31, 1, None)
    assert unable.quote == "精神病人、智力残疾人在不能辨认或者不能控制自己行为时有违法行为的，不予行政处罚，但应当责令其监护人严加看管和治疗"
    assert where(limited) == ("可以从轻或者减轻", "行政处罚法", 31, 1, None) and limited.must is False
    assert limited.quote == "尚未完全丧失辨认或者控制自己行为能力的精神病人、智力残疾人有违法行为的，可以从轻或者减轻行政处罚"
    assert laws.is_verbatim("行政处罚法", 31, unable.quote) and laws.is_verbatim("行政处罚法", 31, limited.quote)


def test_article_32_and_33_kinds():
    """Are §32 grounds 应当从轻或者减轻 at their item, §33① 不予处罚 / 可以不予处罚, §33② 不予处罚?"""
    assert where(decide(mitigating=(4, 1))) == ("应当从轻或者减轻", "行政处罚法", 32, 1, 1)
    assert where(decide(minor=True, rectified=True, harm="none")) == ("不予处罚", "行政处罚法", 33, 1, None)
    d = decide(first_offense=True, rectified=True, harm="minor")
    assert where(d) == ("可以不予处罚", "行政处罚法", 33, 1, None)
    assert d.quote == "初次违法且危害后果轻微并及时改正的，可以不予行政处罚"
    assert where(decide(no_fault=True)) == ("不予处罚", "行政处罚法", 33, 2, None)
    assert where(decide(no_fault=True, domain="product")) == ("可以从轻或者减轻", "产品质量法", 55, 0, None)


@pytest.mark.parametrize("found, barred", [("2024-09-29", False), ("2024-09-30", False), ("2024-10-01", True)])
def test_two_year_limit_end_day(found, barred):
    """Act on 2022-09-30: is discovery on 2024-09-29 and 2024-09-30 in time, and on 2024-10-01 too late?"""
    d = decide(act_date="2022-09-30", discovered=found)
    assert d.limitation_end == date(2024, 9, 30)
    assert (where(d) == ("不予处罚", "行政处罚法", 36, 1, None)) is barred
    if barred:
        assert d.quote == LIMIT and laws.is_verbatim("行政处罚法", 36, d.quote)


@pytest.mark.parametrize("found, barred", [("2027-09-29", False), ("2027-09-30", False), ("2027-10-01", True)])
def test_five_year_limit_end_day(found, barred):
    """Life/health involved with harm, act 2022-09-30: does the limit end on 2027-09-30?"""
    d = decide(act_date="2022-09-30", discovered=found, life_health_or_finance=True, harm="minor")
    assert d.limitation_end == date(2027, 9, 30)
    assert (d.article == 36) is barred


def test_five_years_need_harm():
    """Without any harm consequence, does life/health involvement leave the limit at two years?"""
    d = decide(act_date="2022-09-30", discovered="2025-03-15", life_health_or_finance=True, harm="none")
    assert d.limitation_end == date(2024, 9, 30) and d.article == 36
    d = decide(act_date="2022-09-30", discovered="2025-03-15", life_health_or_finance=True, harm="actual")
    assert d.limitation_end == date(2027, 9, 30) and d.kind == "处罚"


def test_continuing_act_counts_from_its_end():
    """Act begun 2021-01-10 and ended 2022-09-30, found 2024-09-30: is it in time (counted from the end)?"""
    d = decide(act_date="2021-01-10", act_ended="2022-09-30", discovered="2024-09-30")
    assert d.limitation_end == date(2024, 9, 30) and d.kind == "处罚"
    d = decide(act_date="2021-01-10", act_ended="2022-09-30", discovered="2024-10-01")
    assert d.article == 36 and "违法行为终了之日 2022-09-30" in d.reasons


def test_leap_day_act():
    """Act on 2024-02-29: does the two-year limit end on 2026-02-28?"""
    assert decide(act_date="2024-02-29").limitation_end == date(2026, 2, 28)


def test_time_bar_beats_every_other_ground():
    """Is a time-barred case 第三十六条 even for a 12-year-old or a first offence?"""
    d = decide(age=12, act_date="2020-01-01", discovered="2023-01-01")
    assert d.article == 36


@pytest.mark.parametrize("kwargs, message", [
    (dict(age=12, mitigating=(1,)), "不满十四周岁.*不存在第三十二条"),
    (dict(age=-1), "年龄（age）应为 0 至 150"),
    (dict(age="十六"), "年龄（age）应为"),
    (dict(age=15, birth_date="2008-05-01", act_date="2022-05-02"), "不一致"),
    (dict(birth_date="2008-05-01"), "还须给违法行为发生之日"),
    (dict(birth_date="2023-05-01", act_date="2022-05-02"), "晚于违法行为发生之日"),
    (dict(act_date="2022-09-30", discovered="2022-09-29"), "发现之日 2022-09-29 早于违法行为发生之日"),
    (dict(act_date="2021-01-10", act_ended="2022-09-30", discovered="2022-01-01"), "早于违法行为终了之日"),
    (dict(act_date="2022-09-30", act_ended="2022-09-01"), "终了之日 2022-09-01 早于发生之日"),
    (dict(discovered="2024-01-01"), "还须给违法行为发生之日"),
    (dict(act_date="2022/9/31"), "应写成 2022-09-30 这样的日期"),
    (dict(mental="crazy"), "精神状态（mental）只能是"),
    (dict(harm="big"), "危害后果（harm）只能是"),
])
def test_contradictions_and_bad_input_are_refused_in_chinese(kwargs, message):
    """Are contradictions (age 12 with §32 grounds, discovery before the act ended, ...) refused in Chinese?"""
    with pytest.raises(ValueError, match=message):
        decide(**kwargs)
