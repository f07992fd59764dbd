"""Checks shared by the lesson plan tests (plan.md of each lesson): answer-table rows, the 90-minute shape."""
from __future__ import annotations

import re

from scjg.paths import LESSONS


def plan_text(lesson_id: str) -> str:
    return (LESSONS / lesson_id / "plan.md").read_text(encoding="utf-8")


def whole_row(plan: str, label: str) -> str:
    """The one answer-table row `| 第N题 | ...`."""
    rows = [line for line in plan.splitlines() if line.startswith(f"| {label} |")]
    assert len(rows) == 1, f"答案表中应有且只有一行 {label}"
    return rows[0]


def answer_cell(plan: str, label: str) -> str:
    return whole_row(plan, label).split("|")[4]  # the 答案 column


def assert_fits_90_minutes(plan: str) -> None:
    """Discussion time, graded work as homework, 重点/难点, a pass mark and a 5-item pre/post test."""
    rows = [line for line in plan.splitlines() if re.match(r"^\| \d+–\d+ \|", line)]
    assert rows and rows[-1].startswith("| 87–90 |"), "时间表应到 90 分钟为止"
    assert any("讨论" in row for row in rows)
    assert "课后完成" in plan
    assert "## 教学重点" in plan and "## 教学难点" in plan
    assert re.search(r"合格线[^0-9]*\d+ 分", plan)
    section = plan.split("## 前测和后测")[1].split("\n## ")[0]
    assert len(re.findall(r"^\d\. ", section, flags=re.M)) == 5


def assert_legal_language(plan: str) -> None:
    """The key avoids code notation (fine_range(...), discretion.decide, no_penalty_first)."""
    for code in ("fine_range", "decide(", "no_penalty", "scjg.", "mitigated_or_lenient", "True", "False"):
        assert code not in plan, code
