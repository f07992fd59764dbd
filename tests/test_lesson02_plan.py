"""The trainer's answer key in lessons/02-food-safety/plan.md agrees with the penalty engine."""
from __future__ import annotations

import pytest

from scjg.paths import LESSONS
from scjg.penalties import fine_range
from scjg.plotting import yuan

PLAN = (LESSONS / "02-food-safety" / "plan.md").read_text(encoding="utf-8")


def answer_row(label: str) -> str:
    rows = [line for line in PLAN.splitlines() if line.startswith(f"| {label} |")]
    assert len(rows) == 1, f"答案表中应有且只有一行 {label}"
    return rows[0].split("|")[4]  # the 答案 column


@pytest.mark.parametrize("label, article, paragraph, item, goods", [
    ("第3题", 124, 1, 5, 10000),
    ("第7题", 123, 1, 1, 3000),
    ("第9题", 124, 1, 3, 800),
])
def test_key_amounts_come_from_the_engine(label, article, paragraph, item, goods):
    """Does the answer key state the range the engine computes for that question's facts?"""
    r = fine_range("食品安全法", article, paragraph=paragraph, item=item, goods_value=goods)
    answer = answer_row(label)
    assert yuan(r.min) in answer and yuan(r.max) in answer, (answer, r.min, r.max)
