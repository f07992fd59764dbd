"""The trainer's plan for lesson 03 (plan.md): the answer key's amounts equal the statute and the engine, and
the plan has what a 90-minute 大讲堂 lesson needs."""
from __future__ import annotations

import pytest

from scjg import catalog, laws
from tests.lesson_plans import amounts, answer_cell, assert_fits_90_minutes, assert_legal_language, plan_text, whole_row

LESSON = "03-drug"
PLAN = plan_text(LESSON)
LAW = "药品管理法"


@pytest.mark.parametrize("label, article, sentence, expected", [
    ("第3题", 117, "违法零售的药品货值金额不足一万元的，按一万元计算", {100000, 200000}),
    ("第5题", 117, "违法生产、批发的药品货值金额不足十万元的，按十万元计算", {1000000, 2000000}),
    ("第7题", 119, "按照销售假药、零售劣药的规定处罚", {100000, 200000}),
    ("第8题", 129, "货值金额不足五万元的，按五万元计算", {100000, 500000}),
])
def test_key_amounts_are_the_statutes(label, article, sentence, expected):
    """Does the key state exactly the amounts the statute sets for that question's facts (read as numbers)?"""
    assert sentence in laws.article(LAW, article).text
    assert amounts(answer_cell(PLAN, label)) == {float(x) for x in expected}, answer_cell(PLAN, label)


@pytest.mark.parametrize("args, rule_id, facts, low, high", [
    ((117, 1), None, {"goods_value": 60, "channel": "retail"}, 100000, 200000),       # 第3题
    ((117, 1), None, {"goods_value": 3000, "channel": "wholesale"}, 1000000, 2000000), # 第5题
    ((119,), "drug-119-use-substandard", {"goods_value": 200}, 100000, 200000),       # 第7题
    ((129,), None, {"goods_value": 3000}, 100000, 500000),                            # 第8题
])
def test_engine_agrees_with_the_key(args, rule_id, facts, low, high):
    """Does the penalty engine give the same ranges as the key's literals (taken from the statute)?"""
    from scjg.penalties import fine_range

    r = fine_range(LAW, *args, rule_id=rule_id, **facts)
    assert (r.min, r.max) == (low, high), r.basis


def test_engine_lists_the_mandatory_confiscation_the_rubric_asks_for():
    """Does the engine, like the 说理 rubric, make 没收违法生产、销售的药品 mandatory for retail 劣药?"""
    from scjg.penalties import fine_range

    r = fine_range(LAW, 117, 1, goods_value=60, channel="retail")
    kinds = {s.kind: s.mandatory for s in r.sanctions}
    assert kinds["没收违法生产、销售的药品"] is True
    rubric = PLAN.split("## 第13题 说理评分标准")[1].split("\n## ")[0]
    assert "没收违法销售的药品" in rubric and amounts(rubric) <= {60.0, 100000.0, 200000.0}


def test_key_is_written_in_legal_language_not_code():
    """Does the key avoid code notation (fine_range(...), discretion.decide, rule ids, True/False)?"""
    assert_legal_language(PLAN)
    assert "drug-1" not in PLAN


def test_plan_fits_a_90_minute_lecture():
    """Does the plan give discussion time, graded work as homework, 重点/难点, the catalog's pass mark and a
    5-item pre/post test?"""
    assert_fits_90_minutes(PLAN)
    assert f"合格线：{catalog.lesson(LESSON)['pass_mark']} 分" in PLAN
    assert catalog.lesson(LESSON)["hours"] == 1.5


def test_answer_key_covers_every_auto_graded_question():
    """Does every auto-graded question (第1题–第12题) have an answer and a 解析 for the released feedback?"""
    from scjg.grading.feedback import answer_key

    key = answer_key(PLAN)
    assert sorted(key, key=lambda k: int(k[1:-1])) == [f"第{n}题" for n in range(1, 13)]
    assert key["第11题"][0] == "错" and "第一百四十一条" in key["第11题"][1]
    assert key["第1题"][0] == "B" and "第九十八条第三款第（五）项" in key["第1题"][1]
    assert all(answer and len(explain) > 10 for answer, explain in key.values())


def test_prescription_duty_is_named_without_an_amount():
    """Is 处方药凭处方销售 taught as a duty naming 药品经营和使用质量监督管理办法 (not in the corpus) with no amount?"""
    import nbformat

    from scjg.paths import LESSONS

    assert "药品经营和使用质量监督管理办法" not in laws.law_names()
    nb = nbformat.read(str(LESSONS / LESSON / "lecture.ipynb"), as_version=4)
    cells = [c.source for c in nb.cells if c.cell_type == "markdown" and "药品经营和使用质量监督管理办法" in c.source]
    assert cells
    for text in cells + [whole_row(PLAN, "第12题")]:
        lines = [line for line in text.splitlines() if "药品经营和使用质量监督管理办法" in line]
        assert all(not amounts(line) for line in lines), lines
