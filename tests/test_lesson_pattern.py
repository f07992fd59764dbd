"""The lesson pattern's package parts: %%answer / %%learner in a real kernel, practice verdicts, article
displays (款 labels, the version notice once), case cards, 下一课, the released answer key."""
from __future__ import annotations

import nbformat
import numpy as np
from nbformat.v4 import new_code_cell, new_notebook

from scjg import laws, lesson
from scjg.execute import run_notebook
from scjg.grading.feedback import answer_key
from scjg.paths import LESSONS
from scjg.practice import verdict
from scjg.teaching import case_card


def test_answer_and_learner_cells_in_a_real_kernel(tmp_path):
    """In a kernel, is an empty %%answer cell 尚未作答 (...), the text typed after it the answer (blank lines, spaces,
    `q4 = ` and quotes dropped, legal punctuation kept), and does %%learner confirm or ask for what is missing?"""
    cells = [
        'from scjg.lesson import start\nstart("02-food-safety", show=False)',
        "%%answer q1\n",
        "print(repr(q1))",
        "%%answer q2\n\n  第一百二十四条第一款（五）  \n\n",
        "print(repr(q2))",
        "%%answer q3\n### BEGIN SOLUTION\n5万元\n### END SOLUTION",
        "print(repr(q3))",
        "%%answer\nB",
        '%%answer q4\nq4 = “第三十四条第（十）项”',
        "print(repr(q4))",
        "%%learner\n学员编号：\n姓名：",
        "%%learner\n学员编号: sh007\n姓名：  李某",
    ]
    path = tmp_path / "magic.ipynb"
    nbformat.write(new_notebook(cells=[new_code_cell(c) for c in cells]), str(path))
    result = run_notebook(path)
    assert result.errors == [] and result.stderr == []
    assert result.outputs_text(2).strip() == "Ellipsis"
    assert result.outputs_text(4).strip() == "'第一百二十四条第一款（五）'"
    assert result.outputs_text(6).strip() == "'5万元'"
    assert "第一行被改动" in result.outputs_text(7)
    assert result.outputs_text(9).strip() == "'第三十四条第（十）项'"  # Python habits dropped, legal brackets kept
    assert "⏳" in result.outputs_text(10) and "学员编号和姓名" in result.outputs_text(10)
    assert result.outputs_text(11).strip() == "✅ 已记下：学员编号 sh007，姓名 李某。提交前请按 Ctrl + S 保存。"


def test_practice_answers_back_with_the_right_answer():
    """Does a practice answer get ✅ or ❌ with the right answer and 解析 at once, and ⏳ when empty?"""
    explain = "《食品安全法》第一百二十四条第一款第（五）项。"
    right = verdict("练习", "第124条第1款第5项", "article", answer="第一百二十四条第一款第（五）项", explain=explain)
    assert right == f"✅ 练习：回答正确。解析：{explain}"
    wrong = verdict("练习", "6万元", "amount", answer=50000, explain="五万元。")
    assert wrong == "❌ 练习：不对，正确答案是 5万元。解析：五万元。"
    assert verdict("练习", ..., "amount", answer=50000, explain="五万元。").startswith("⏳")


def test_article_display_numbers_paragraphs_and_notes_the_version_once():
    """Are 款 labelled 〔第1款〕〔第2款〕〔第3款〕 in 第一百二十四条, none in the one-款 第三十四条, and is the
    version notice shown once per kernel (none at all after the lesson's version table)?"""
    laws._NOTED.clear()
    first = laws.article_html("食品安全法", 124)
    assert [f"〔第{n}款〕" in first for n in (1, 2, 3, 4)] == [True, True, True, False]
    assert "〔第" not in laws.article_html("食品安全法", 34)
    assert "版本提示" in first
    assert "版本提示" not in laws.article_html("食品安全法", 125)
    laws._NOTED.clear()
    laws.mark_version_noted("食品安全法")
    assert "版本提示" not in laws.article_html("食品安全法", 124)


def test_case_card_says_yes_no_and_hides_rule_ids():
    """Does a case card show numpy booleans as 是/否 and leave out the internal 罚则编号?"""
    html = case_card({"referred_to_police": np.bool_(True), "violated_provision": "x",
                      "penalty_basis": "《食品安全法》第一百二十四条第一款第（五）项（罚则编号 food-124-1-overdue）"}).data
    assert "<td style='text-align:left'>是</td>" in html
    assert "True" not in html and "罚则编号" not in html and "food-124" not in html
    assert "否" in case_card({"referred_to_police": np.bool_(False)}).data


def test_next_lesson_names_only_released_lessons():
    """Does 下一课 point from lesson 00 to the released lesson 01, from 01 to 02, from each released lesson to the
    next released one (planned lessons skipped), and from the last one to nothing yet?"""
    from scjg import catalog

    assert lesson.next_lesson_text("00-getting-started") == "下一课：第1课 行政处罚基础：处罚种类、裁量与移送。"
    assert lesson.next_lesson_text("01-penalty-basics") == "下一课：第2课 食品安全法：典型违法行为与罚则。"
    assert lesson.next_lesson_text("02-food-safety") == "下一课：第3课 药品管理法：药店、诊所和批发企业的常见案件。"
    released = catalog.ids()
    for here, there in zip(released, released[1:]):
        assert lesson.next_lesson_text(here) == f"下一课：{catalog.lesson(there)['title']}。"
    assert "正在编写中" in lesson.next_lesson_text(released[-1])


def test_answer_key_for_released_feedback_is_read_from_the_plan():
    """Does every auto-graded question of lessons 00 and 02 have an answer and a 解析 in its plan.md?"""
    key00 = answer_key((LESSONS / "00-getting-started" / "plan.md").read_text(encoding="utf-8"))
    assert key00["第2题"][0] == "B" and "重启内核" in key00["第2题"][1]
    key02 = answer_key((LESSONS / "02-food-safety" / "plan.md").read_text(encoding="utf-8"))
    assert sorted(key02, key=lambda k: int(k[1:-1])) == [f"第{n}题" for n in (1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 14)]
    assert key02["第5题"][0] == "对" and "第六十七条" in key02["第5题"][1]
    assert all(answer and len(explain) > 10 for answer, explain in key02.values())


def test_quiz_explains_every_answer():
    """Does a practice question without 解析 get refused, and a wrong choice show the right answer and the 解析?"""
    import pytest

    from scjg.widgets import Quiz

    with pytest.raises(ValueError, match="缺少解析"):
        Quiz([{"text": "问", "options": ["甲", "乙"], "answer": "B"}])
    quiz = Quiz([{"text": "问", "options": ["甲", "乙"], "answer": "B", "explain": "依据第一百二十六条。"}])
    quiz.inputs[0].value = "A. 甲"
    assert quiz.grade(0) is False
    assert "正确答案是 B" in quiz.feedback[0].value and "解析：依据第一百二十六条。" in quiz.feedback[0].value
    quiz.inputs[0].value = "B. 乙"
    assert quiz.grade(0) is True and "回答正确" in quiz.feedback[0].value
