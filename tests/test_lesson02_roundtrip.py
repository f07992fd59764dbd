"""nbgrader round trip for lesson 02 (food safety): typical mistakes, equivalent forms, fake equality.

The key is written here as literals from the statute text (食品安全法 第一百二十四条、第一百二十三条,
实施条例 第六十七条), as a learner types it after `%%answer`; q14 is the 进阶 question, in Python."""
from __future__ import annotations

import pytest

from scjg import catalog
from scjg.grading.fill import fill_answers
from tests.roundtrip import autograde_scores, grade_typed, release_in, released_notebook, submit

LESSON = "02-food-safety"
pytestmark = pytest.mark.slow

Q14 = ('len(food[(food["violation_type"] == "F01") & (food["fine_amount"] > 0) '
       '& (food["fine_amount"] < food["statutory_min"])])')
KEY = {
    "q1": "第三十四条第（十）项",
    "q2": "第一百二十四条第一款第（五）项",
    "q3_min": "100000", "q3_max": "200000",   # 货值金额一万元以上：十倍以上二十倍以下
    "q4": "AB",                               # 没收违法所得和违法生产经营的食品
    "q5": "对",                               # 货值金额2万元以上属于情节严重
    "q6": "D",
    "q7": "错",
    "q8": "A",
    "q9": "ABD",
    "q10": "是",
    "q11_min": "50000", "q11_max": "100000",  # 不足一万元：五万元以上十万元以下
    "q12": "B",
    "q14": Q14,
}
POINTS = {"q1-test": 1, "q2-test": 2, "q3-test": 2, "q4-test": 2, "q5-test": 1, "q6-test": 1, "q7-test": 1,
          "q8-test": 2, "q9-test": 2, "q10-test": 1, "q11-test": 2, "q12-test": 2, "q14-test": 2}


def grade(course, nb_api, learner: str, answers: dict[str, str]) -> dict[str, float]:
    return grade_typed(course, nb_api, LESSON, learner, answers)


def test_points_match_catalog():
    """Do the per-question points in this test add up to the catalog's automatic points?"""
    assert sum(POINTS.values()) == catalog.lesson(LESSON)["points"] == 21


def test_typical_mistakes_lose_exactly_their_points(temp_course):
    """Lower tier at exactly 10000 yuan, 第三十四条 as the penalty article, 吊销 as mandatory, no referral:
    does each lose exactly its question's points?"""
    nb_api = release_in(temp_course, LESSON)
    answers = dict(KEY, q3_min="50000", q3_max="100000",   # the 不足一万元 tier at the boundary
                   q2="第三十四条",                          # prohibition, not penalty article
                   q4="ABD",                                # 吊销 only when 情节严重
                   q10="否")                                # referral missed
    scores = grade(temp_course, nb_api, "mistakes", answers)
    expected = dict(POINTS, **{"q2-test": 0, "q3-test": 0, "q4-test": 0, "q10-test": 0})
    assert scores == pytest.approx(expected)
    assert sum(scores.values()) == 21 - 7


def test_key_scores_full_marks(temp_course):
    """Does the key typed as plain text after %%answer score every question's full points?"""
    nb_api = release_in(temp_course, LESSON)
    assert grade(temp_course, nb_api, "key", KEY) == pytest.approx(POINTS)


def test_equivalent_forms_accepted(temp_course):
    """Are 第124条第1款第5项 / §124(1)(5) / Chinese numerals, 10万元 / 十万元 / 100,000元, 是 / 对 / 不对 accepted?"""
    nb_api = release_in(temp_course, LESSON)
    variants = [
        {"q1": "第34条第10项", "q2": "第124条第1款第5项", "q3_min": "10万元", "q3_max": "20万元",
         "q9": "a、b、d", "q10": "对", "q7": "否", "q5": "是",
         "q14": 'int(((food["violation_type"] == "F01") & (food["fine_amount"] > 0) & (food["fine_amount"] < food["statutory_min"])).sum())'},
        {"q1": "《食品安全法》第三十四条第一款第十项", "q2": "§124(1)(5)", "q3_min": "十万元",
         "q3_max": "200,000元", "q6": "d", "q9": "A,B,D", "q4": "B、A", "q10": "移送", "q7": "错误"},
        {"q2": "第一百二十四条第一款第五项", "q8": "Ａ", "q12": "b", "q10": "是", "q11_min": "5万", "q11_max": "十万"},
    ]
    for n, variant in enumerate(variants):
        answers = dict(KEY, **variant)
        assert grade(temp_course, nb_api, f"form{n}", answers) == pytest.approx(POINTS), variant


def test_blank_lines_and_spaces_around_an_answer_are_ignored(temp_course):
    """Is an answer typed with blank lines and spaces around it (a two-line cell) read as the answer?"""
    nb_api = release_in(temp_course, LESSON)
    answers = dict(KEY, q1="\n  第三十四条第（十）项  \n\n", q6=" D\n")
    assert grade(temp_course, nb_api, "spaces", answers) == pytest.approx(POINTS)


def test_fake_equality_object_scores_zero(temp_course):
    """Do objects that claim to equal everything (plain or str/int subclasses), written as Python in
    place of the %%answer text, score zero on every question?"""
    nb_api = release_in(temp_course, LESSON)
    fakes = [
        "type('Any', (), {'__eq__': lambda s, o: True, '__ne__': lambda s, o: False, '__hash__': lambda s: 0})()",
        "type('S', (str,), {'__eq__': lambda s, o: True, '__hash__': lambda s: 0})('A')",
        "type('I', (int,), {'__eq__': lambda s, o: True, '__hash__': lambda s: 0, '__sub__': lambda s, o: 0})(1)",
    ]
    for n, fake in enumerate(fakes):
        nb = fill_answers(released_notebook(temp_course, LESSON), {var: fake for var in KEY})
        submit(temp_course, LESSON, f"faker{n}", nb)
        scores = autograde_scores(nb_api, temp_course, LESSON, f"faker{n}")
        assert sum(scores.values()) == 0, scores
