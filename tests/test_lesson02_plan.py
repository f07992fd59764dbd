"""The trainer's plan for lesson 02 (plan.md): the answer key's amounts equal the statute, and the plan
has what a 90-minute 大讲堂 lesson needs."""
from __future__ import annotations

import re

import pytest

from scjg import laws
from scjg.paths import LESSONS

PLAN = (LESSONS / "02-food-safety" / "plan.md").read_text(encoding="utf-8")
AMOUNT = re.compile(r"(\d+(?:\.\d+)?)\s*(万)?元")


def whole_row(label: str) -> str:
    rows = [line for line in PLAN.splitlines() if line.startswith(f"| {label} |")]
    assert len(rows) == 1, f"答案表中应有且只有一行 {label}"
    return rows[0]


def answer_row(label: str) -> str:
    return whole_row(label).split("|")[4]  # the 答案 column


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
    text = answer_row(label) if label != "第9题" else whole_row(label)  # 第9题's answer is letters; its 解析 has the range
    assert amounts(text) == {float(low), float(high)}, text


def test_amounts_are_read_as_numbers_not_substrings():
    """Is 1000000元 (ten times too much) not mistaken for 100000元, and 10万元 read as 100000?"""
    assert amounts("1000000元至2000000元") == {1000000.0, 2000000.0}
    assert 100000.0 not in amounts("1000000元")
    assert amounts("10万元至20万元") == {100000.0, 200000.0}


def test_key_is_written_in_legal_language_not_code():
    """Does the key avoid code notation (fine_range(...), discretion.decide, no_penalty_first)?"""
    for code in ("fine_range", "decide(", "no_penalty", "scjg.", "mitigated_or_lenient", "True", "False"):
        assert code not in PLAN, code


def test_plan_fits_a_90_minute_lecture():
    """Does the plan give discussion time, graded work as homework, 重点/难点, a pass mark and a 5-item pre/post test?"""
    rows = [line for line in PLAN.splitlines() if re.match(r"^\| \d+–\d+ \|", line)]
    assert rows and rows[-1].startswith("| 87–90 |"), "时间表应到 90 分钟为止"
    assert any("讨论" in row for row in rows)
    assert "课后完成" in PLAN
    assert "## 教学重点" in PLAN and "## 教学难点" in PLAN
    assert re.search(r"合格线[^0-9]*\d+ 分", PLAN)
    section = PLAN.split("## 前测和后测")[1].split("\n## ")[0]
    assert len(re.findall(r"^\d\. ", section, flags=re.M)) == 5
