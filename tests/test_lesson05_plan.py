"""The trainer's plan for lesson 05 (plan.md): the answer key's amounts equal the statute, and the plan
has what a 90-minute 大讲堂 lesson needs."""
from __future__ import annotations

import pytest

from scjg import laws
from tests.lesson_plans import amounts, answer_cell, assert_fits_90_minutes, assert_legal_language, plan_text, whole_row

PLAN = plan_text("05-pricing")
REGS = "价格违法行为行政处罚规定"


@pytest.mark.parametrize("label, article, sentence, expected, column", [
    ("第3题", 7, "没收违法所得，并处违法所得5倍以下的罚款", {40000}, "answer"),
    ("第4题", 7, "没有违法所得的，处5万元以上50万元以下的罚款", {50000, 500000}, "answer"),
    ("第5题", 11, "对其没有违法所得的价格违法行为，可以处10万元以下的罚款", {100000}, "answer"),
    # 第11题's answer is letters; its 解析 has 6000元 ×5 = 30000元 and the no-income range of 第六条
    ("第11题", 6, "并处违法所得5倍以下的罚款；没有违法所得的，处5万元以上50万元以下的罚款", {6000, 30000, 50000, 500000}, "row"),
])
def test_key_amounts_are_the_statutes(label, article, sentence, expected, column):
    """Does the key state exactly the amounts the statute sets for that question's facts (read as numbers)?"""
    assert sentence in laws.article(REGS, article).text
    text = answer_cell(PLAN, label) if column == "answer" else whole_row(PLAN, label)
    assert amounts(text) == {float(x) for x in expected}, text


def test_price_tag_fine_in_the_rubric_is_the_statutes():
    """Is the 说理 rubric's 5000元 the ceiling 第十三条 sets for 收取未标明的费用?"""
    assert "没收违法所得，可以并处5000元以下的罚款" in laws.article(REGS, 13).text
    rubric = PLAN.split("## 第13题 说理评分标准")[1].split("\n## ")[0]
    assert 5000.0 in amounts(rubric) and amounts(rubric) <= {5000.0, 1200.0}


def test_key_is_written_in_legal_language_not_code():
    """Does the key avoid code notation (fine_range(...), discretion.decide, no_penalty_first)?"""
    assert_legal_language(PLAN)


def test_plan_fits_a_90_minute_lecture():
    """Does the plan give discussion time, graded work as homework, 重点/难点, a pass mark and a 5-item pre/post test?"""
    assert_fits_90_minutes(PLAN)


def test_answer_key_covers_every_auto_graded_question():
    """Does every auto-graded question (第1题–第12题) have an answer and a 解析 for the released feedback?"""
    from scjg.grading.feedback import answer_key

    key = answer_key(PLAN)
    assert sorted(key, key=lambda k: int(k[1:-1])) == [f"第{n}题" for n in range(1, 13)]
    assert key["第7题"][0] == "错" and "第十六条" in key["第7题"][1]
    assert all(answer and len(explain) > 10 for answer, explain in key.values())


@pytest.mark.parametrize("args, facts, low, high", [
    ((7,), {"illegal_income": 8000}, 0, 40000),                 # 第3题
    ((7,), {"illegal_income": "无法确定"}, 50000, 500000),       # 第4题 (第十八条)
    ((11, 1), {"illegal_income": 0}, 0, 100000),                 # 第5题
    ((6, 1, 3), {"illegal_income": 6000}, 0, 30000),             # 第11题 B
    ((6, 1, 3), {"illegal_income": "无法确定"}, 50000, 500000),  # 第11题 C
    ((13, 1, 3), {"illegal_income": 1200}, 0, 5000),             # 第13题 rubric
])
def test_engine_agrees_with_the_key(args, facts, low, high):
    """Does the penalty engine give the same ranges as the key's literals (taken from the statute)?"""
    from scjg.penalties import fine_range

    r = fine_range(REGS, *args, **facts)
    assert (r.min, r.max) == (low, high), r.basis
