"""The learner's 我的作业 panel (scjg.widgets.assignments) on a real nbgrader exchange in a temporary folder."""
from __future__ import annotations

import shutil

import pytest

from scjg.paths import ROOT

LESSON = "00-getting-started"
TITLE = "第0课 入门：如何使用本课程的笔记本"


@pytest.fixture
def released(tmp_path, monkeypatch):
    """Lesson 00 released by a trainer to an exchange; the learner's home and hub environment; returns home."""
    kit = tmp_path / "kit"
    (kit / "grading").mkdir(parents=True)
    config = (ROOT / "grading" / "nbgrader_config.py").read_text(encoding="utf-8")
    (kit / "grading" / "nbgrader_config.py").write_text(config + '\nc.CourseDirectory.course_id = "c1"\n',
                                                         encoding="utf-8")
    for name in ("lessons", "notebooks"):
        shutil.copytree(ROOT / name, kit / name, ignore=shutil.ignore_patterns(".ipynb_checkpoints", "__pycache__"))
    home = tmp_path / "home"
    home.mkdir()
    monkeypatch.setenv("SCJG_EXCHANGE", str(tmp_path / "exchange"))
    monkeypatch.setenv("SCJG_COURSE_ID", "c1")
    monkeypatch.setenv("HOME", str(home))  # nbgrader keeps the learner's copy of each hand-in under ~/.local
    monkeypatch.setenv("JUPYTER_CONFIG_PATH", str(ROOT / "deploy" / "jupyterhub" / "jupyter-config" / "learner"))
    from scjg.grading import course
    result = course.api(kit / "grading").release_assignment(LESSON)
    assert result["success"], result
    return home


def test_exchange_lists_fetches_and_submits_in_chinese(released):
    """Does the learner's exchange list the released lesson, fetch it once, refuse a second fetch in Chinese and record a hand-in?"""
    from scjg.widgets.assignments import ExchangeProblem, LearnerExchange

    ex = LearnerExchange(released)
    assert [(lesson.lesson_id, lesson.title, lesson.status) for lesson in ex.lessons()] == \
        [(LESSON, TITLE, "已发布，尚未获取")]
    with pytest.raises(ExchangeProblem, match="请先点“获取”"):
        ex.submit(LESSON)
    assert (ex.fetch(LESSON) / f"{LESSON}.ipynb").is_file()
    with pytest.raises(ExchangeProblem, match=f"你已经获取过“{TITLE}”"):
        ex.fetch(LESSON)
    stamp = ex.submit(LESSON)
    [lesson] = ex.lessons()
    assert lesson.submissions == [stamp] and lesson.status.startswith("已提交 1 次")
    assert lesson.feedback == {} and not lesson.feedback_ready


def test_panel_buttons_fetch_and_submit(released):
    """Do the panel's 获取 and 提交 buttons act and say so in Chinese, enabling only what makes sense?"""
    from scjg.widgets.assignments import panel

    view = panel(released)
    rows, message = view.children[1], view.children[3]

    def buttons():
        [row] = rows.children
        return {b.description: b for b in row.children[1:]}

    assert {name: b.disabled for name, b in buttons().items()} == {"获取": False, "提交": True, "获取反馈": True}
    buttons()["获取"].click()
    assert "已获取“" in message.value and (released / LESSON / f"{LESSON}.ipynb").is_file()
    assert {name: b.disabled for name, b in buttons().items()} == {"获取": True, "提交": False, "获取反馈": True}
    buttons()["提交"].click()
    assert "已提交“" in message.value
    assert "已提交 1 次" in rows.children[0].children[0].value
