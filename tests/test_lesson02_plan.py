"""The trainer's plan for lesson 02 (plan.md): the answer key's amounts equal the statute, and the plan
has what a 90-minute 大讲堂 lesson needs."""
from __future__ import annotations

import re

import pytest

from scjg import laws
from tests.lesson_plans import answer_cell, assert_fits_90_minutes, assert_legal_language, plan_text, whole_row

PLAN = plan_text("02-food-safety")
AMOUNT = re.compile(r"(\d+(?:\.\d+)?)\s*(万)?元")


def amounts(text: str) -> set[float]:
    """Every amount written with digits in `text`, as a number of yuan (10万元 → 100000)."""
    return {float(n) * (10000 if wan else 1) for n, wan in AMOUNT.findall(text)}


@pytest.mark.parametrize("label, law, article, sentence, low, high", [
    ("第3题", "食品安全法", 124, "货值金额一万元以上的，并处货值金额十倍以上二十倍以下罚款", 100000, 200000),
    ("第9题", "食品安全法", 123, "货值金额不足一万元的，并处十万元以上十五万元以下罚款", 100000, 150000),
    ("第11题", "食品安全法", 124, "货值金额不足一万元的，并处五万元以上十万元以下罚款", 50000, 100000),
])
def test_key_amounts_are_the_statutes(label, law, article, sentence, low, high):
    """Does the key state exactly the range the statute sets for that question's facts (amounts read as numbers)?"""
    assert sentence in laws.article(law, article).text
    text = answer_cell(PLAN, label) if label != "第9题" else whole_row(PLAN, label)  # 第9题's answer is letters; its 解析 has the range
    assert amounts(text) == {float(low), float(high)}, text


def test_amounts_are_read_as_numbers_not_substrings():
    """Is 1000000元 (ten times too much) not mistaken for 100000元, and 10万元 read as 100000?"""
    assert amounts("1000000元至2000000元") == {1000000.0, 2000000.0}
    assert 100000.0 not in amounts("1000000元")
    assert amounts("10万元至20万元") == {100000.0, 200000.0}


def test_key_is_written_in_legal_language_not_code():
    """Does the key avoid code notation (fine_range(...), discretion.decide, no_penalty_first)?"""
    assert_legal_language(PLAN)


def test_plan_fits_a_90_minute_lecture():
    """Does the plan give discussion time, graded work as homework, 重点/难点, a pass mark and a 5-item pre/post test?"""
    assert_fits_90_minutes(PLAN)
