"""nbgrader round trip for lesson 02 (food safety): typical mistakes, equivalent forms, fake equality."""
from __future__ import annotations

import pytest

from scjg import catalog
from scjg.grading.fill import fill_answers
from scjg.penalties import fine_range
from tests.roundtrip import autograde_scores, release_in, released_notebook, submit

LESSON = "02-food-safety"
pytestmark = pytest.mark.slow

# The key, as a learner would type it (values, not code; q12 is the 进阶 question and may be code).
KEY = {
    "q1": '"第三十四条第（十）项"',
    "q2": '"第一百二十四条第一款第（五）项"',
    "q3_min": None, "q3_max": None,        # filled from the law engine below
    "q4": '"D"',
    "q5": '"否"',
    "q6": '"A"',
    "q7": '"ABD"',
    "q8": '"是"',
    "q9_min": None, "q9_max": None,
    "q10": '"B"',
    "q12": 'len(food[(food["violation_type"] == "F01") & (food["fine_amount"] > 0) '
           '& (food["fine_amount"] < food["statutory_min"])])',
}
POINTS = {"q1-test": 1, "q2-test": 2, "q3-test": 2, "q4-test": 1, "q5-test": 1, "q6-test": 2,
          "q7-test": 2, "q8-test": 1, "q9-test": 2, "q10-test": 2, "q12-test": 2}


def key() -> dict[str, str]:
    a = fine_range("食品安全法", 124, paragraph=1, item=5, goods_value=10000)
    d = fine_range("食品安全法", 124, paragraph=1, item=3, goods_value=800)
    answers = dict(KEY)
    answers.update(q3_min=repr(int(a.min)), q3_max=repr(int(a.max)), q9_min=repr(int(d.min)), q9_max=repr(int(d.max)))
    return answers


def grade(course, nb_api, learner: str, answers: dict[str, str]) -> dict[str, float]:
    nb = fill_answers(released_notebook(course, LESSON), answers)
    submit(course, LESSON, learner, nb)
    return autograde_scores(nb_api, course, LESSON, learner)


def test_points_match_catalog():
    """Do the per-question points in this test add up to the catalog's automatic points?"""
    assert sum(POINTS.values()) == catalog.lesson(LESSON)["points"]


def test_typical_mistakes_lose_exactly_their_points(temp_course):
    """Lower tier at exactly 10000 yuan, 第三十四条 as the penalty article, no referral: does each lose exactly its question's points?"""
    nb_api = release_in(temp_course, LESSON)
    lower = fine_range("食品安全法", 124, paragraph=1, item=5, goods_value=9999.99)  # the 不足一万元 tier
    answers = key()
    answers.update(q3_min=repr(int(lower.min)), q3_max=repr(int(lower.max)),   # wrong tier at the boundary
                   q2='"第三十四条"',                                           # prohibition, not penalty article
                   q8='"否"')                                                   # referral missed
    scores = grade(temp_course, nb_api, "mistakes", answers)
    expected = dict(POINTS, **{"q2-test": 0, "q3-test": 0, "q8-test": 0})
    assert scores == pytest.approx(expected)
    assert sum(scores.values()) == catalog.lesson(LESSON)["points"] - 5


def test_key_scores_full_marks(temp_course):
    """Does the key typed as values (not the solution code) score every question's full points?"""
    nb_api = release_in(temp_course, LESSON)
    assert grade(temp_course, nb_api, "key", key()) == pytest.approx(POINTS)


def test_equivalent_forms_accepted(temp_course):
    """Are 第124条第1款第5项 / §124(1)(5) / Chinese numerals, 10万元 / 十万元, 是 / True and a numpy count all accepted?"""
    nb_api = release_in(temp_course, LESSON)
    a = fine_range("食品安全法", 124, paragraph=1, item=5, goods_value=10000)
    variants = [
        {"q1": '"第34条第10项"', "q2": '"第124条第1款第5项"', "q3_min": f'"{a.min / 10000:g}万元"',
         "q3_max": f'"{a.max / 10000:g}万元"', "q7": '"a、b、d"', "q8": "True", "q5": "False",
         "q12": 'int(((food["violation_type"] == "F01") & (food["fine_amount"] > 0) & (food["fine_amount"] < food["statutory_min"])).sum())'},
        {"q1": '"《食品安全法》第三十四条第一款第十项"', "q2": '"§124(1)(5)"', "q3_min": f"{a.min!r}",
         "q3_max": f'"{int(a.max):,}元"', "q4": '"d"', "q7": '"A,B,D"', "q8": '"移送"', "q5": '"错"',
         "q12": '((food["violation_type"] == "F01") & (food["fine_amount"] > 0) & (food["fine_amount"] < food["statutory_min"])).sum()'},
        {"q2": '"第一百二十四条第一款第五项"', "q6": '"Ａ"', "q10": '"b"', "q8": '"对"'},
    ]
    for n, variant in enumerate(variants):
        answers = dict(key(), **variant)
        assert grade(temp_course, nb_api, f"form{n}", answers) == pytest.approx(POINTS), variant


def test_chinese_numeral_amounts_accepted(temp_course):
    """Is an amount written in Chinese numerals (e.g. 十万元) accepted for the 计算 questions?"""
    import cn2an

    nb_api = release_in(temp_course, LESSON)
    a = fine_range("食品安全法", 124, paragraph=1, item=5, goods_value=10000)
    answers = dict(key(), q3_min=f'"{cn2an.an2cn(int(a.min))}元"', q3_max=f'"{cn2an.an2cn(int(a.max))}"')
    assert grade(temp_course, nb_api, "cn", answers)["q3-test"] == POINTS["q3-test"]


def test_fake_equality_object_scores_zero(temp_course):
    """Do objects that claim to equal everything (plain or str/int subclasses) score zero on every question?"""
    nb_api = release_in(temp_course, LESSON)
    fakes = [
        "type('Any', (), {'__eq__': lambda s, o: True, '__ne__': lambda s, o: False, '__hash__': lambda s: 0})()",
        "type('S', (str,), {'__eq__': lambda s, o: True, '__hash__': lambda s: 0})('A')",
        "type('I', (int,), {'__eq__': lambda s, o: True, '__hash__': lambda s: 0, '__sub__': lambda s, o: 0})(1)",
    ]
    for n, fake in enumerate(fakes):
        answers = {var: fake for var in key()}
        scores = grade(temp_course, nb_api, f"faker{n}", answers)
        assert sum(scores.values()) == 0, scores
