"""Lesson 04 (special equipment) without nbgrader: the cases its exercises select still have the facts the
questions assume, and the trainer's plan states the statute's amounts and fits a 90-minute 大讲堂."""
from __future__ import annotations

import re

import pytest

from scjg import cases, laws
from scjg.paths import LESSONS
from scjg.teaching import pick_cases

LESSON = "04-special-equipment"
PLAN = (LESSONS / LESSON / "plan.md").read_text(encoding="utf-8")
AMOUNT = re.compile(r"(\d+(?:\.\d+)?)\s*(万)?元")


def answer_row(label: str) -> str:
    rows = [line for line in PLAN.splitlines() if line.startswith(f"| {label} |")]
    assert len(rows) == 1, f"答案表中应有且只有一行 {label}"
    return rows[0].split("|")[4]


def amounts(text: str) -> set[float]:
    return {float(n) * (10000 if wan else 1) for n, wan in AMOUNT.findall(text)}


@pytest.fixture(scope="module")
def se():
    return cases.load("special_equipment")


def test_exercise_cases_have_the_facts_the_questions_assume(se):
    """Do the three exercise cases (chosen by criteria in the graded notebook) exist and show, in their facts,
    what the questions take as given: 逾期未改正 for the §83 and §87 cases, an expired inspection still in use
    for the §84 case?"""
    case1 = pick_cases(se, violation_type="S02", equipment_type="电梯", condition_met=True).iloc[0]
    assert case1["penalty_rule_id"] == "se-83-1-1-no-registration"
    assert "未向特种设备安全监督管理部门办理使用登记" in case1["violation_facts"]
    assert "逾期未改正" in case1["violation_facts"]
    case2 = pick_cases(se, violation_type="S01", equipment_type="场（厂）内专用机动车辆", inspection_status="overdue").iloc[0]
    assert case2["penalty_rule_id"] == "se-84-1-1-use-illegal-equipment"
    assert "叉车" in case2["violation_facts"] and "未经定期检验仍在使用" in case2["violation_facts"]
    assert "逾期未改正" not in case2["violation_facts"]
    assert not bool(case2["referred_to_police"]) and not bool(case2["accident"])
    case3 = pick_cases(se, violation_type="S13", condition_met=True).iloc[0]
    assert case3["penalty_rule_id"] == "se-87-1-2-no-daily-check"
    assert "试运行和例行安全检查" in case3["violation_facts"] and "逾期未改正" in case3["violation_facts"]


def test_lecture_cases_exist(se):
    """Does each typical case the lecture picks by criteria exist (S03 逾期未改正 一般, S10, S06 with 没收违法所得)?"""
    assert len(pick_cases(se, violation_type="S03", condition_met=True, discretion="normal")) > 0
    assert len(pick_cases(se, violation_type="S10")) > 0
    assert len(pick_cases(se, violation_type="S06", penalty_types=lambda t: "没收违法所得" in str(t))) > 0


@pytest.mark.parametrize("label, article, sentence, low, high", [
    ("第2题", 83, "逾期未改正的，责令停止使用有关特种设备，处一万元以上十万元以下罚款", 10000, 100000),
    ("第7题", 84, "责令停止使用有关特种设备，处三万元以上三十万元以下罚款", 30000, 300000),
    ("第10题", 87, "处二万元以上十万元以下罚款", 20000, 100000),
])
def test_key_amounts_are_the_statutes(label, article, sentence, low, high):
    """Does the key state exactly the range 特种设备安全法 sets for that question (amounts read as numbers)?"""
    assert sentence in laws.article("特种设备安全法", article).text
    assert amounts(answer_row(label)) == {float(low), float(high)}


def test_key_is_written_in_legal_language_not_code():
    """Does the plan avoid code notation (fine_range, rule ids, True/False)?"""
    for code in ("fine_range", "scjg.", "se-83", "se-84", "condition_met", "True", "False"):
        assert code not in PLAN, code


def test_key_has_every_auto_graded_question():
    """Does the answer table hold questions 1–12 and 14 (13 is the hand-graded 说理 with its own rubric)?"""
    from scjg.grading.feedback import answer_key
    key = answer_key(PLAN)
    assert sorted(key, key=lambda k: int(k[1:-1])) == [f"第{n}题" for n in (*range(1, 13), 14)]
    assert key["第3题"][0] == "错" and "逾期未改正" in key["第3题"][1]
    assert "## 第13题 说理评分标准（5分" in PLAN


def test_plan_fits_a_90_minute_lecture():
    """Does the plan give discussion time, graded work as homework, 重点/难点, a pass mark and a 5-item pre/post test?"""
    rows = [line for line in PLAN.splitlines() if re.match(r"^\| \d+–\d+ \|", line)]
    assert rows and rows[0].startswith("| 0–5 |") and rows[-1].startswith("| 87–90 |")
    assert any("讨论" in row for row in rows)
    assert "课后完成" in PLAN
    assert "## 教学重点" in PLAN and "## 教学难点" in PLAN
    assert re.search(r"合格线[^0-9]*17 分", PLAN)
    from scjg import catalog
    assert catalog.lesson(LESSON)["pass_mark"] == 17  # the progress report uses the plan's pass mark
    section = PLAN.split("## 前测和后测")[1].split("\n## ")[0]
    assert len(re.findall(r"^\d\. ", section, flags=re.M)) == 5


def test_case_facts_show_the_facts_not_the_answer(se):
    """Does the exercise's case display show the 违法事实 and leave out the violated article, the penalty basis and the fine?"""
    from scjg.teaching import case_facts
    row = pick_cases(se, violation_type="S01").iloc[0]
    html = case_facts(row, title="练习案例二").data
    assert "练习案例二" in html and row["violation_facts"][:30] in html
    for leak in ("处罚依据", "第八十四条", "法定罚款", "实际罚款", "罚则编号"):
        assert leak not in html, leak
