"""`scjg handout`: 讲义, 答题卡 and the trainer's key as PDFs with Chinese text, printed by the system's Chromium.

The PDFs are read back with poppler (pdftoppm renders a page to PNG, pdftotext extracts the text),
independently of the browser that printed them.
"""
from __future__ import annotations

import re
import subprocess

import nbformat
import pytest
from matplotlib.image import imread

from scjg import catalog, handout
from scjg.cli import main as scjg
from scjg.handout_questions import plan_key, questions, with_key
from scjg.paths import LESSONS
from tests.test_slides import secret_texts

LESSON = "02-food-safety"
PDFS = ("handout.pdf", "answer-sheet.pdf", "key.pdf")


@pytest.fixture(scope="module")
def printed(tmp_path_factory):
    """Lesson 02's three PDFs, made by the command a trainer runs."""
    out = tmp_path_factory.mktemp("handout")
    assert scjg(["handout", LESSON, "--out", str(out)]) == 0
    return out


def text_of(path) -> str:
    """The PDF's text as poppler reads it, with all white space removed (lines break anywhere in Chinese)."""
    text = subprocess.run(["pdftotext", "-enc", "UTF-8", str(path), "-"], capture_output=True, text=True,
                          check=True).stdout
    return re.sub(r"\s+", "", text)


def squeeze(text: str) -> str:
    return re.sub(r"\s+", "", text)


@pytest.mark.parametrize("name", PDFS)
def test_first_page_renders_and_is_not_blank(printed, tmp_path, name):
    """Does the first page of each PDF render to a PNG with visible print on it?"""
    subprocess.run(["pdftoppm", "-r", "40", "-png", "-f", "1", "-l", "1", str(printed / name), str(tmp_path / "page")],
                   check=True, capture_output=True)
    png = next(tmp_path.glob("page*.png"))
    pixels = imread(str(png))[..., :3]
    ink = (pixels.mean(axis=2) < 0.6).mean()
    assert pixels.shape[0] > pixels.shape[1] > 250, "应为纵向 A4 页面"
    assert 0.005 < ink < 0.5, f"{name} 第1页的墨迹比例 {ink:.4f}：页面空白或全黑"


def test_handout_has_the_content_in_chinese(printed):
    """Does the 讲义 carry the lecture's text, the statute extracts and the exercises, in extractable Chinese?"""
    text = text_of(printed / "handout.pdf")
    for phrase in ("第2课食品安全法：典型违法行为与罚则", "学习目标", "禁止生产经营下列食品、食品添加剂、食品相关产品",
                   "练习案例一：批发部经营过期饮料", "第12题"):
        assert phrase in text, phrase


def headed_questions(lesson_id: str) -> list[tuple[str, str]]:
    """(number, points) of every question as the lesson's own headings state them: 第1题（案例分析，1分）."""
    nb = nbformat.read(str(LESSONS / lesson_id / f"{lesson_id}.ipynb"), as_version=4)
    text = "\n".join(c.source for c in nb.cells if c.cell_type == "markdown")
    return re.findall(r"第(\d+)题（[^）\n]*?(\d+(?:\.\d+)?)分", text)


def test_answer_sheet_lists_every_graded_question(printed):
    """Does the 答题卡 have the learner's id and name lines and every graded question with its points?"""
    text = text_of(printed / "answer-sheet.pdf")
    info = catalog.lesson(LESSON)
    assert "学员编号" in text and "姓名" in text and f"／{info['points'] + info['manual_points']}" in text
    headed = headed_questions(LESSON)
    assert len(headed) >= 10
    for number, points in headed:
        assert re.search(rf"第{number}题（[^，]+，{points}分）", text), number
    assert "最低额" in text and "最高额" in text


def test_key_is_written_in_legal_language(printed):
    """Does the trainer's key state the answers as an officer writes them, not as code?"""
    text = text_of(printed / "key.pdf")
    for phrase in ("教员用",
                   "违反《中华人民共和国食品安全法》第三十四条第（十）项的规定",
                   "依据《中华人民共和国食品安全法》第一百二十四条第一款第（五）项",
                   "法定罚款幅度为10万元以上20万元以下",
                   "法定罚款幅度为5万元以上10万元以下",
                   "当事人生产经营超范围使用食品添加剂甜蜜素的馒头、花卷",
                   "条款与依据（1分）"):
        assert phrase in text, phrase
    assert "fine_range" not in text and "expect_" not in text and "q3_min" not in text


@pytest.mark.parametrize("name", ["handout.pdf", "answer-sheet.pdf"])
def test_learner_materials_hold_no_solution(printed, name):
    """Do the 讲义 and the 答题卡 leave out every solution text that the key holds?"""
    text = text_of(printed / name)
    key = text_of(printed / "key.pdf")
    reference = "当事人生产经营超范围使用食品添加剂甜蜜素的馒头、花卷"
    assert reference in key, "对照：参考答案应能从答案 PDF 中读出"
    assert reference not in text
    assert [t for t in secret_texts(LESSON) if squeeze(t) in text] == []


def test_questions_of_lesson00():
    """Are lesson 00's graded questions read with their kinds and points, without running the notebook?"""
    nb = nbformat.read(str(LESSONS / "00-getting-started" / "00-getting-started.ipynb"), as_version=4)
    found = [(q.label, q.kind_name, q.points) for q in questions(nb)]
    assert found == [("第1题", "金额", 1.0), ("第2题", "单选", 2.0), ("第3题", "说理", 2.0)]


PLAN = """## 参考答案与解析

| 题 | 题型 | 分值 | 答案 | 解析 |
|---|---|---|---|---|
| 第2题 | 单选 | 2 | B | 重启内核并运行所有单元格，才能确认笔记本从头到尾能正常运行 |

## 第3题 说理评分标准（2分）

| 要点 | 分值 | 给分标准 |
|---|---|---|
| 案件类型 | 1 | 写出一类具体的市场监管案件 |
| 学习需求 | 1 | 写出一项具体的学习需求 |
"""


def test_plan_adds_explanations_and_the_written_rubric():
    """Does plan.md's 解析 column and 说理评分标准 table reach the key, next to the answers from the solutions?"""
    nb = nbformat.read(str(LESSONS / "00-getting-started" / "00-getting-started.ipynb"), as_version=4)
    items = with_key(questions(nb), {"q1": 50000, "q2": "B"}, plan_key(PLAN))
    assert items[0].answer == "5万元（50000元）" and items[0].explain == ""
    assert items[1].answer.startswith("B. ") and items[1].explain == "重启内核并运行所有单元格，才能确认笔记本从头到尾能正常运行。"
    assert items[2].rubric == "案件类型（1分）：写出一类具体的市场监管案件。学习需求（1分）：写出一项具体的学习需求。"
    assert "<b>解析：</b>重启内核并运行所有单元格" in handout.key_html(items, "第0课")


def test_unknown_lesson_is_refused_in_chinese(tmp_path, capsys):
    """Does `scjg handout` for an unknown lesson say so in Chinese and write nothing?"""
    assert scjg(["handout", "99-nope", "--out", str(tmp_path / "out")]) == 1
    assert "课程目录中没有" in capsys.readouterr().out
    assert list(tmp_path.iterdir()) == []
