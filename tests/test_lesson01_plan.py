"""The trainer's plan for lesson 01 (plan.md): the answer key's dates and letters agree with the statute
and the graded notebook, and the plan has what a 90-minute 大讲堂 lesson needs."""
from __future__ import annotations

import re

import nbformat
import pytest

from scjg import laws
from scjg.grading.feedback import answer_key
from scjg.paths import LESSONS
from tests.lesson_plans import answer_cell, assert_fits_90_minutes, assert_legal_language, plan_text

LESSON = "01-penalty-basics"
PLAN = plan_text(LESSON)


@pytest.mark.parametrize("label, sentence, date", [
    ("第5题", "涉及公民生命健康安全、金融安全且有危害后果的，上述期限延长至五年", "2026年6月10日"),
    ("第6题", "违法行为有连续或者继续状态的，从行为终了之日起计算", "2025年8月31日"),
])
def test_key_dates_follow_article_36(label, sentence, date):
    """Does the key give the 第三十六条 end date (five years from 2021-06-10; two from the end 2023-08-31)?"""
    assert sentence in laws.article("行政处罚法", 36).text
    assert answer_cell(PLAN, label).strip() == date


def test_plan_key_matches_the_graded_notebook():
    """Is every %%answer key of the graded notebook the answer its plan row gives (letters, 对/错/是, dates)?"""
    nb = nbformat.read(str(LESSONS / LESSON / f"{LESSON}.ipynb"), as_version=4)
    keys = {}
    for cell in nb.cells:
        m = re.match(r"%%answer q(\d+)\n### BEGIN SOLUTION\n(.*?)\n### END SOLUTION", cell.source, flags=re.S)
        if m:
            keys[f"第{m.group(1)}题"] = m.group(2).strip()
    plan = answer_key(PLAN)
    assert len(keys) == 12 and set(keys) <= set(plan)
    for label, key in keys.items():
        assert plan[label][0].replace("、", "") == key, label


def test_key_is_written_in_legal_language_not_code():
    """Does the key avoid code notation (decide(...), no_penalty_first, True/False)?"""
    assert_legal_language(PLAN)


def test_plan_fits_a_90_minute_lecture():
    """Does the plan give discussion time, graded work as homework, 重点/难点, a pass mark and a 5-item pre/post test?"""
    assert_fits_90_minutes(PLAN)
