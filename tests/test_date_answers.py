"""Dates as answers (第三十六条 时效 questions): scjg.answers.date_answer and the "date" check kind."""
from __future__ import annotations

from datetime import date

import pytest

from scjg.answers import date_answer
from scjg.checks import expect_date, format_message


@pytest.mark.parametrize("typed", ["2026年6月10日", "2026-06-10", "2026/6/10", "2026.6.10", " 2026年06月10日 ",
                                   "二〇二六年六月十日", "２０２６年６月１０日", "2026年6月10"])
def test_ways_of_writing_a_date_are_read(typed):
    """Are the usual ways of writing 2026年6月10日 (digits, ISO, slashes, Chinese numerals, full-width) read as that day?"""
    assert date_answer(typed) == date(2026, 6, 10)


@pytest.mark.parametrize("typed, hint", [("2026年2月30日", "不是日历上存在的日期"), ("2026年13月1日", "不是日历上存在的日期"),
                                         ("明年六月", "请写成 2024年3月15日"), ("2026", "请写成 2024年3月15日"),
                                         (True, "True/False")])
def test_unreadable_dates_get_a_chinese_hint(typed, hint):
    """Is an impossible or unreadable date refused with a Chinese hint on the expected form?"""
    with pytest.raises(ValueError, match=hint):
        date_answer(typed)


def test_date_check_kind_and_expectation():
    """Does check kind "date" say how it read the answer (⏳ when blank), and expect_date pass only the right day?"""
    assert format_message("第5题", "2026-06-10", "date") == (
        True, "✅ 第5题：格式正确（系统读作：2026年6月10日）。是否答对由评分系统判定。")
    ok, message = format_message("第5题", ..., "date")
    assert not ok and message.startswith("⏳") and "尚未作答" in message
    expect_date("2026年6月10日", 2026, 6, 10)
    for wrong in ("2023年6月10日", "2026年6月11日", "六月十日"):
        with pytest.raises(AssertionError):
            expect_date(wrong, 2026, 6, 10)
    fake = type("S", (str,), {"__eq__": lambda s, o: True, "__hash__": lambda s: 0})("2026年6月10日")
    with pytest.raises(AssertionError):
        expect_date(fake, 2026, 6, 10)


def test_handout_prints_date_questions():
    """Do the printed materials call a date question 日期, give a 年月日 line on the answer sheet and the key as 2026年6月10日?"""
    import nbformat

    from scjg.handout_questions import answer_forms, questions, with_key
    from scjg.paths import LESSONS

    nb = nbformat.read(str(LESSONS / "01-penalty-basics" / "01-penalty-basics.ipynb"), as_version=4)
    fifth = next(q for q in questions(nb) if q.number == 5)
    assert (fifth.kind_name, fifth.points) == ("日期", 2.0)
    assert answer_forms("date") == "＿＿＿＿年＿＿月＿＿日"
    assert with_key([fifth], {"q5": "2026-06-10"})[0].answer == "2026年6月10日"
