"""nbgrader round trip for lesson 04 (special equipment): the key, typical mistakes, equivalent forms.

The key is written here as literals from the statute text (特种设备安全法 第八十三条、第八十四条、第八十七条,
刑法 第一百三十四条之一), as a learner types it after `%%answer`; q14 is the 进阶 register question, in Python."""
from __future__ import annotations

import pytest

from scjg import catalog
from scjg.grading.fill import type_answers
from tests.roundtrip import autograde_scores, release_in, released_notebook, submit

LESSON = "04-special-equipment"
pytestmark = pytest.mark.slow

Q14_N = ('sum(1 for d, m in zip(reg["上次检验日期"], reg["检验周期（月）"]) '
         'if pd.Timestamp(d) + pd.DateOffset(months=int(m)) < pd.Timestamp("2025-06-30"))')
Q14_DAYS = ('max((pd.Timestamp("2025-06-30") - (pd.Timestamp(d) + pd.DateOffset(months=int(m)))).days '
            'for d, m in zip(reg["上次检验日期"], reg["检验周期（月）"]))')
KEY = {
    "q1": "第八十三条第（一）项",
    "q2_min": "10000", "q2_max": "100000",    # 第八十三条：一万元以上十万元以下
    "q3": "错",                               # 按期改正的不罚款
    "q4": "AB",                               # 停止使用 + 罚款；没有警告
    "q5": "第八十四条第（一）项",
    "q6": "错",
    "q7_min": "30000", "q7_max": "300000",    # 第八十四条：三万元以上三十万元以下
    "q8": "B",
    "q9": "B",
    "q10_min": "20000", "q10_max": "100000",  # 第八十七条：二万元以上十万元以下
    "q11": "是",                              # 刑法第一百三十四条之一第（二）项
    "q12": "错",
    "q14_n": Q14_N,
    "q14_days": Q14_DAYS,
}
POINTS = {"q1-test": 2, "q2-test": 2, "q3-test": 1, "q4-test": 2, "q5-test": 2, "q6-test": 1, "q7-test": 2,
          "q8-test": 2, "q9-test": 1, "q10-test": 2, "q11-test": 2, "q12-test": 1, "q14-n-test": 2, "q14-days-test": 1}


def grade(course, nb_api, learner: str, answers: dict[str, str]) -> dict[str, float]:
    nb = type_answers(released_notebook(course, LESSON), answers)
    submit(course, LESSON, learner, nb)
    return autograde_scores(nb_api, course, LESSON, learner)


def test_points_match_catalog():
    """Do the per-question points in this test add up to the catalog's automatic points?"""
    assert sum(POINTS.values()) == catalog.lesson(LESSON)["points"] == 23


def test_key_scores_full_marks(temp_course):
    """Does the key typed as plain text after %%answer (and the 进阶 code) score every question's full points?"""
    nb_api = release_in(temp_course, LESSON)
    assert grade(temp_course, nb_api, "key", KEY) == pytest.approx(POINTS)


def test_typical_mistakes_lose_exactly_their_points(temp_course):
    """A fine under 第八十三条 without 逾期未改正, 第八十三条 where 第八十四条 applies, a 警告 under 第八十三条:
    does each lose exactly its question's points, and nothing else?"""
    nb_api = release_in(temp_course, LESSON)
    answers = dict(KEY, q3="对",                      # fines although the party corrected in time
                   q5="第八十三条第（四）项",          # 未及时申报 where the equipment was used uninspected
                   q4="ABC")                          # 警告 added under 第八十三条
    scores = grade(temp_course, nb_api, "mistakes", answers)
    expected = dict(POINTS, **{"q3-test": 0, "q4-test": 0, "q5-test": 0})
    assert scores == pytest.approx(expected)
    assert sum(scores.values()) == 23 - 5


def test_equivalent_forms_accepted(temp_course):
    """Are 第83条第1项 / 第八十三条第一款第一项 / §84(1)(1), 1万元 / 十万元 / 300,000元, 是 / 对 / 否 and a counted
    number typed by hand accepted?"""
    nb_api = release_in(temp_course, LESSON)
    from scjg import equipment_register
    import pandas as pd
    reg = equipment_register.build()
    due = [pd.Timestamp(d) + pd.DateOffset(months=int(m)) for d, m in zip(reg["上次检验日期"], reg["检验周期（月）"])]
    counted = sum(1 for d in due if d < pd.Timestamp("2025-06-30"))
    variants = [
        {"q1": "第83条第1项", "q5": "第八十四条第一款第一项", "q2_min": "1万元", "q2_max": "十万元",
         "q3": "否", "q11": "对", "q4": "b、a", "q14_n": str(counted)},
        {"q1": "《特种设备安全法》第八十三条第一款第（一）项", "q5": "§84(1)(1)", "q7_min": "3万", "q7_max": "300,000元",
         "q6": "不对", "q8": "b", "q10_min": "二万元", "q10_max": "10万元", "q12": "错误"},
    ]
    for n, variant in enumerate(variants):
        answers = dict(KEY, **variant)
        assert grade(temp_course, nb_api, f"form{n}", answers) == pytest.approx(POINTS), variant
