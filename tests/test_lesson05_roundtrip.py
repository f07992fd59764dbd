"""nbgrader round trip for lesson 05 (pricing): the key, a blank submission, typical mistakes, equivalent forms,
fake equality.

The key is written here as literals from the statute text (价格违法行为行政处罚规定 第七条、第十一条、第十三条、
第十六条、第十八条, 明码标价和禁止价格欺诈规定 第十九条、第二十六条), as a learner types it after `%%answer`;
q12 is the 进阶 question, in Python."""
from __future__ import annotations

import pytest

from scjg import catalog
from scjg.grading.fill import fill_answers
from tests.roundtrip import autograde_scores, grade_typed, release_in, released_notebook, submit

LESSON = "05-pricing"
pytestmark = pytest.mark.slow

KEY = {
    "q1": "B",                                # 虚假折价：规定第十九条第（三）项，价格欺诈
    "q2": "B",                                # 数额在处罚规定第七条，不在价格法第四十条
    "q3": "40000",                            # 违法所得8000元的5倍以下
    "q4_min": "50000", "q4_max": "500000",    # 第十八条：无法确定按没有违法所得，第七条5万元以上50万元以下
    "q5": "100000",                           # 第十一条第一款：个人、没有违法所得，可以处10万元以下
    "q6": "第十三条第（三）项",
    "q7": "错",                               # 第十六条：已退还的不再没收
    "q8": "B",                                # 规定第二十六条第一款：及时退还，从轻或者减轻
    "q9": "对",                               # 第二十六条第二款：未实际损害、轻微、及时改正
    "q10": "错",                              # 消费者实际多付了价款
    "q11": "ABC",
    "q12": 'table[table["markup"] > 0.30]["seller"].nunique()',
}
POINTS = {"q1-test": 1, "q2-test": 2, "q3-test": 2, "q4-test": 2, "q5-test": 1, "q6-test": 2, "q7-test": 2,
          "q8-test": 2, "q9-test": 1, "q10-test": 2, "q11-test": 2, "q12-test": 2}


def test_points_match_catalog():
    """Do the per-question points in this test add up to the catalog's automatic points?"""
    assert sum(POINTS.values()) == catalog.lesson(LESSON)["points"] == 21


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
    """价格法 第四十条 as the article that sets the amount, confiscating an overcharge already refunded, and
    不予处罚 for a tag error with actual overcharging: does each lose exactly its question's points?"""
    nb_api = release_in(temp_course, LESSON)
    answers = dict(KEY, q2="A",     # 《价格法》第四十条第一款
                   q7="对",         # the refunded 1200元 confiscated again
                   q10="对")        # 不予处罚 although 86 consumers paid too much
    scores = grade_typed(temp_course, nb_api, LESSON, "mistakes", answers)
    expected = dict(POINTS, **{"q2-test": 0, "q7-test": 0, "q10-test": 0})
    assert scores == pytest.approx(expected)
    assert sum(scores.values()) == 21 - 6


def test_other_wrong_answers_lose_their_points(temp_course):
    """Counting rows instead of sellers (3), 只能警告 when the income cannot be fixed, a 5倍 fine for an individual
    without income and 第十三条第（一）项: does each lose its question's points?"""
    nb_api = release_in(temp_course, LESSON)
    answers = dict(KEY, q12="3", q4_min="0", q4_max="0", q5="500000", q6="第十三条第（一）项", q11="ABCD")
    scores = grade_typed(temp_course, nb_api, LESSON, "wrong", answers)
    expected = dict(POINTS, **{"q12-test": 0, "q4-test": 0, "q5-test": 0, "q6-test": 0, "q11-test": 0})
    assert scores == pytest.approx(expected)


def test_equivalent_forms_accepted(temp_course):
    """Are 第13条第3项 / 第十三条第一款第三项, 4万元 / 四万元 / 500,000元, 是 / 否 / 错误 and a typed number accepted?"""
    nb_api = release_in(temp_course, LESSON)
    variants = [
        {"q6": "第13条第3项", "q3": "4万元", "q4_min": "5万元", "q4_max": "50万元", "q5": "10万元",
         "q7": "否", "q9": "是", "q10": "错误", "q11": "a、b、c", "q12": "2"},
        {"q6": "《价格违法行为行政处罚规定》第十三条第一款第三项", "q3": "四万元", "q4_max": "500,000元",
         "q1": "b", "q8": "Ｂ", "q11": "C,B,A", "q12": "len(set(table[table['markup'] > 0.3]['seller']))"},
    ]
    for n, variant in enumerate(variants):
        answers = dict(KEY, **variant)
        assert grade_typed(temp_course, nb_api, LESSON, f"form{n}", answers) == pytest.approx(POINTS), variant


def test_fake_equality_object_scores_zero(temp_course):
    """Do objects that claim to equal everything, written as Python in place of the %%answer text, score zero?"""
    nb_api = release_in(temp_course, LESSON)
    fakes = [
        "type('Any', (), {'__eq__': lambda s, o: True, '__ne__': lambda s, o: False, '__hash__': lambda s: 0})()",
        "type('I', (int,), {'__eq__': lambda s, o: True, '__hash__': lambda s: 0, '__sub__': lambda s, o: 0})(2)",
    ]
    for n, fake in enumerate(fakes):
        nb = fill_answers(released_notebook(temp_course, LESSON), {var: fake for var in KEY})
        submit(temp_course, LESSON, f"faker{n}", nb)
        assert sum(autograde_scores(nb_api, temp_course, LESSON, f"faker{n}").values()) == 0
