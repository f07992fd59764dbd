"""nbgrader round trip for lesson 03 (drug): the key, a blank submission, typical mistakes, near misses,
equivalent forms.

The key is written here as literals from the statute text (药品管理法 第九十八条、第一百一十七条、第一百一十九条、
第一百二十九条, 行政处罚法 第二十七条、第三十二条、第三十三条, 刑法 第一百四十一条), as a learner types it after
`%%answer`; q12 is the 进阶 question, in Python."""
from __future__ import annotations

import pytest

from scjg import catalog
from tests.roundtrip import autograde_scores, grade_typed, release_in, released_notebook, submit

LESSON = "03-drug"
pytestmark = pytest.mark.slow

KEY = {
    "q1": "B",                                   # 过期药品：第九十八条第三款第（五）项，劣药
    "q2": "第一百一十七条第一款",
    "q3_min": "100000", "q3_max": "200000",      # 零售：不足一万元按一万元，十倍至二十倍
    "q4": "B",                                   # 主动召回：行政处罚法第三十二条第（一）项，减轻
    "q5_min": "1000000", "q5_max": "2000000",    # 批发：不足十万元按十万元
    "q6": "第一百一十九条",                       # 使用单位：按零售劣药处罚
    "q7_min": "100000", "q7_max": "200000",
    "q8_min": "100000", "q8_max": "500000",      # 第一百二十九条：不足五万元按五万元，二倍至十倍
    "q9": "第九十八条第二款第（二）项",            # 以非药品冒充药品
    "q10": "B",                                  # 刑法第一百四十一条，没有数额门槛
    "q11": "错",                                 # 假药不能首违不罚
    "q12": 'len(d02[d02["fine_amount"] < d02["statutory_min"]])',
}
POINTS = {"q1-test": 2, "q2-test": 2, "q3-test": 2, "q4-test": 2, "q5-test": 2, "q6-test": 2, "q7-test": 2,
          "q8-test": 2, "q9-test": 2, "q10-test": 2, "q11-test": 1, "q12-test": 2}


def test_points_match_catalog():
    """Do the per-question points in this test add up to the catalog's automatic points?"""
    assert sum(POINTS.values()) == catalog.lesson(LESSON)["points"] == 23


def test_key_scores_full_marks(temp_course):
    """Does the key typed as plain text after %%answer score every question's full points?"""
    nb_api = release_in(temp_course, LESSON)
    assert grade_typed(temp_course, nb_api, LESSON, "key", KEY) == pytest.approx(POINTS)


def test_blank_release_scores_zero(temp_course):
    """Is the released notebook handed in without any answer scored 0 on every question?"""
    nb_api = release_in(temp_course, LESSON)
    submit(temp_course, LESSON, "blank", released_notebook(temp_course, LESSON))
    scores = autograde_scores(nb_api, temp_course, LESSON, "blank")
    assert set(scores) == set(POINTS) and sum(scores.values()) == 0, scores


def test_typical_mistakes_lose_exactly_their_points(temp_course):
    """The retail floor applied to a wholesaler, an expired drug classed as 假药 and the referral missed for
    假药: does each lose exactly its question's points (2 + 2 + 2)?"""
    nb_api = release_in(temp_course, LESSON)
    answers = dict(KEY, q5_min="100000", q5_max="200000",   # 批发企业按零售的一万元下限计算
                   q1="A",                                  # 过期药品当作“变质的药品”（假药）
                   q10="A")                                 # 假药未达五万元就不移送
    scores = grade_typed(temp_course, nb_api, LESSON, "mistakes", answers)
    expected = dict(POINTS, **{"q5-test": 0, "q1-test": 0, "q10-test": 0})
    assert scores == pytest.approx(expected)
    assert sum(scores.values()) == 23 - 6


def test_near_misses_lose_their_points(temp_course):
    """第一百一十七条 without its paragraph, the 假药 item written as 劣药's paragraph, the clinic fined as a seller
    of 劣药 (第一百一十七条), 60元 × 10–20 without the floor, 首违不罚 for 假药, the §129 range without its 5万 floor,
    and counting every D02 case: does each lose its question's points?"""
    nb_api = release_in(temp_course, LESSON)
    answers = dict(KEY, q2="第一百一十七条", q9="第九十八条第三款第（二）项", q6="第一百一十七条第一款",
                   q3_min="600", q3_max="1200", q11="对", q8_min="6000", q8_max="30000", q12="13")
    scores = grade_typed(temp_course, nb_api, LESSON, "near", answers)
    lost = ("q2-test", "q9-test", "q6-test", "q3-test", "q11-test", "q8-test", "q12-test")
    assert scores == pytest.approx(dict(POINTS, **{k: 0 for k in lost}))
    assert sum(scores.values()) == 23 - 13


def test_half_right_range_scores_zero(temp_course):
    """Is a range with the right minimum and a wrong maximum (or the reverse) scored 0 for that question?"""
    nb_api = release_in(temp_course, LESSON)
    answers = dict(KEY, q3_max="100000", q7_min="10000")
    scores = grade_typed(temp_course, nb_api, LESSON, "half", answers)
    assert scores == pytest.approx(dict(POINTS, **{"q3-test": 0, "q7-test": 0}))


def test_equivalent_forms_accepted(temp_course):
    """Are 第117条第1款 / 《药品管理法》第一百一十九条, 10万元 / 十万元 / 2,000,000元, 否 / 错误, b and a typed
    number accepted?"""
    nb_api = release_in(temp_course, LESSON)
    variants = [
        {"q2": "第117条第1款", "q3_min": "10万元", "q3_max": "20万元", "q5_min": "100万元", "q5_max": "2,000,000元",
         "q6": "《药品管理法》第一百一十九条", "q9": "第98条第2款第2项", "q11": "否", "q12": "6", "q1": "b"},
        {"q2": "药品管理法第一百一十七条第一款", "q7_min": "十万元", "q8_max": "五十万元", "q11": "错误",
         "q10": "Ｂ", "q12": "int((d02['fine_amount'] < d02['statutory_min']).sum())"},
    ]
    for n, variant in enumerate(variants):
        answers = dict(KEY, **variant)
        assert grade_typed(temp_course, nb_api, LESSON, f"form{n}", answers) == pytest.approx(POINTS), variant
