"""nbgrader round trip for lesson 01 (行政处罚法 basics): the key, typical mistakes, equivalent forms.

The key is written here as literals from the statute text (行政处罚法 第九条、第二十八条、第二十九条、
第三十条至第三十三条、第三十六条、第五十一条、第六十三条, 刑法 第一百四十条), as a learner types it
after `%%answer`; q13 is the 进阶 question, in Python."""
from __future__ import annotations

import pytest

from scjg import catalog
from tests.roundtrip import grade_typed, release_in

LESSON = "01-penalty-basics"
pytestmark = pytest.mark.slow

Q13 = ('round(allcases["discretion"].str.startswith("no_penalty")'
       '.groupby([allcases["domain"], allcases["year"]]).mean().max() * 100, 1)')
KEY = {
    "q1": "BCD",              # 警告、没收违法所得、罚款 (第九条); 责令改正 is not a penalty (第二十八条)
    "q2": "B",                # 法人三千元以下 (第五十一条)
    "q3": "C",                # 吊销许可证件 (第六十三条第一款第（三）项)
    "q4": "B",                # 按照罚款数额高的规定处罚 (第二十九条)
    "q5": "2026年6月10日",    # 五年: 生命健康安全且有危害后果, from 2021-06-10
    "q6": "2025年8月31日",    # 二年 from the end of a continuing act, 2023-08-31
    "q7": "B",                # 十五周岁: 应当从轻或者减轻 (第三十条)
    "q8": "C",                # 尚未完全丧失: 可以从轻或者减轻 (第三十一条)
    "q9": "错",               # 首违不罚 is 可以, not 应当 (第三十三条第一款)
    "q10": "错",              # not 初次违法
    "q11": "A",               # 第三十二条第（一）项
    "q12": "是",              # 销售金额五万元以上, 含本数 (刑法 第一百四十条、第九十九条)
    "q13": Q13,
}
POINTS = {"q1-test": 2, "q2-test": 1, "q3-test": 1, "q4-test": 1, "q5-test": 2, "q6-test": 2, "q7-test": 1,
          "q8-test": 1, "q9-test": 1, "q10-test": 1, "q11-test": 1, "q12-test": 2, "q13-test": 2}


def test_points_match_catalog():
    """Do the per-question points in this test add up to the catalog's automatic points?"""
    assert sum(POINTS.values()) == catalog.lesson(LESSON)["points"] == 18


def test_key_scores_full_marks(temp_course):
    """Does the key typed as plain text after %%answer score every question's full points?"""
    nb_api = release_in(temp_course, LESSON)
    assert grade_typed(temp_course, nb_api, LESSON, "key", KEY) == pytest.approx(POINTS)


def test_typical_mistakes_lose_exactly_their_points(temp_course):
    """责令改正 counted as a penalty, the two-year limit where five applies, 可以 read as 应当 in 第三十三条:
    does each lose exactly its question's points, and nothing else?"""
    nb_api = release_in(temp_course, LESSON)
    answers = dict(KEY, q1="ABCD",            # 责令改正 counted as a penalty
                   q5="2023年6月10日",         # two years where five apply
                   q9="对")                    # 可以不予 read as 应当不予
    scores = grade_typed(temp_course, nb_api, LESSON, "mistakes", answers)
    assert scores == pytest.approx(dict(POINTS, **{"q1-test": 0, "q5-test": 0, "q9-test": 0}))
    assert sum(scores.values()) == 18 - 5


def test_equivalent_forms_accepted(temp_course):
    """Are 2026-06-10 / 2026/6/10 / 二〇二五年八月三十一日, b、c、d / 不对 / 否 / 对 and a typed number accepted?"""
    nb_api = release_in(temp_course, LESSON)
    variants = [
        {"q1": "b、c、d", "q5": "2026-06-10", "q6": "2025/8/31", "q9": "不对", "q10": "否", "q12": "对", "q13": "20.4"},
        {"q1": "D,C,B", "q5": "二〇二六年六月十日", "q6": "二〇二五年八月三十一日", "q7": "ｂ", "q12": "移送"},
    ]
    for n, variant in enumerate(variants):
        scores = grade_typed(temp_course, nb_api, LESSON, f"form{n}", dict(KEY, **variant))
        assert scores == pytest.approx(POINTS), variant
