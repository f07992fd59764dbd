"""`scjg progress` and the report's statistics, on cohorts built in nbgrader's gradebook with known scores."""
from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import openpyxl
import pytest
import yaml

from scjg.grading import progress, report
from tests.grading_helpers import LESSON, build_gradebook, cli, make_kit

OTHER = "02-food-safety"


def test_discrimination_on_a_cohort_with_known_top_and_bottom_groups(tmp_path, monkeypatch):
    """With 10 learners whose top 3 and bottom 3 by total are fixed, are 得分率 and 区分度 (top minus bottom, over full
    marks) exactly as counted by hand, including a negative 区分度 for a question the weak learners got right?"""
    course = make_kit(tmp_path, monkeypatch)
    marks = {}
    for n in range(1, 11):
        if n <= 3:       # bottom group, total 1
            marks[f"p{n:02d}"] = {"q1-test": 1.0, "q2-test": 0.0, "q3-written": 0.0}
        elif n <= 7:     # middle, total 3
            marks[f"p{n:02d}"] = {"q1-test": 1.0, "q2-test": 1.0, "q3-written": 1.0}
        else:            # top group, total 4
            marks[f"p{n:02d}"] = {"q1-test": 0.0, "q2-test": 2.0, "q3-written": 2.0}
    build_gradebook(course, marks)
    items = report.tables(course, LESSON)["题目分析"].set_index("单元格")
    assert items.loc["q2-test", "区分度"] == 1.0          # (2 - 0) / 2
    assert items.loc["q1-test", "区分度"] == -1.0         # (0 - 1) / 1
    assert items.loc["q3-written", "区分度"] == 1.0
    assert items.loc["q2-test", "得分率（难度）"] == 0.5   # (3×2 + 4×1) / 10 / 2
    assert items.loc["q1-test", "得分率（难度）"] == 0.7
    assert items.loc["q3-written", "评分方式"] == "人工"


def teach_only(catalog: Path, lesson_ids: tuple[str, ...]) -> None:
    """A cohort that is taught these lessons only: the others are planned in its copy of the catalog."""
    data = yaml.safe_load(catalog.read_text(encoding="utf-8"))
    for entry in data["lessons"]:
        if entry["id"] not in lesson_ids:
            entry["status"] = "planned"
    catalog.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")


@pytest.fixture(scope="module")
def progress_course(tmp_path_factory):
    """A kit whose lesson-00 gradebook holds p1–p4 with known scores, p5 on the roster only, p6 and p1 (lesson 02)
    handed in but not graded; SCJG_ROOT points at it for the module."""
    with pytest.MonkeyPatch.context() as monkeypatch:
        yield progress_cohort(tmp_path_factory.mktemp("progress"), monkeypatch)


def progress_cohort(tmp_path, monkeypatch):
    course = make_kit(tmp_path, monkeypatch)
    teach_only(course.parent / "lessons" / "catalog.yaml", (LESSON, OTHER))
    (course / "roster.csv").write_text("学员编号,姓名\np1,王某\np2,李某\np3,张某\np4,刘某\np5,陈某\np6,杨某\n",
                                       encoding="utf-8")
    build_gradebook(course, {
        "p1": {"q1-test": 1.0, "q2-test": 2.0, "q3-written": None},   # 3 already: passed while manual waits
        "p2": {"q1-test": 1.0, "q2-test": 0.0, "q3-written": None},   # 1 + up to 2: waits for the trainer
        "p3": {"q1-test": 0.0, "q2-test": 0.0, "q3-written": None},   # 0 + 2 < 3: failed whatever the trainer gives
        "p4": {"q1-test": 1.0, "q2-test": 0.0, "q3-written": 2.0},    # 3: passed
    })
    for learner, lesson in (("p6", LESSON), ("p1", OTHER)):            # handed in, not graded yet
        folder = course / "submitted" / learner / lesson
        folder.mkdir(parents=True)
        (folder / f"{lesson}.ipynb").write_text("{}", encoding="utf-8")
    return course


def test_progress_per_learner_and_lesson(progress_course):
    """Is each learner × lesson 未交, 已交未评分, 待人工评分, 通过 or 未通过 by the catalog's pass mark?"""
    course = progress_course
    p = progress.standings(course)
    status = {lr: {lesson: s.status for lesson, s in row.items()} for lr, row in p.table.items()}
    assert status == {
        "p1": {LESSON: "通过", OTHER: "已交，未评分"},
        "p2": {LESSON: "待人工评分", OTHER: "未交"},
        "p3": {LESSON: "未通过", OTHER: "未交"},
        "p4": {LESSON: "通过", OTHER: "未交"},
        "p5": {LESSON: "未交", OTHER: "未交"},
        "p6": {LESSON: "已交，未评分", OTHER: "未交"},
    }
    assert (p.table["p1"][LESSON].auto, p.table["p4"][LESSON].auto, p.table["p4"][LESSON].score) == (3.0, 1.0, 3.0)
    assert p.names["p3"] == "张某"


def test_progress_workbook_chart_and_cli(progress_course, capsys):
    """Does `scjg progress` write the 学习进度 sheet, the long 进度明细 sheet and a chart, and name who is behind?"""
    course = progress_course
    assert cli("progress") == 0
    out = capsys.readouterr().out
    assert "有未交课程的 5 人" in out and "p5 陈某" in out
    wb = openpyxl.load_workbook(course / "reports" / "progress.xlsx")
    assert wb.sheetnames == ["学习进度", "进度明细"]
    header = [c.value for c in wb["学习进度"][1]]
    rows = {r[0]: dict(zip(header, r)) for r in wb["学习进度"].iter_rows(min_row=2, values_only=True)}
    title = "第0课 入门：如何使用本课程的笔记本"
    assert rows["p4"][title] == "通过（3分）" and rows["p5"][title] == "未交"
    assert (rows["p1"]["已通过课数"], rows["p1"]["未交课数"], rows["p2"]["待人工评分课数"]) == (1, 0, 1)
    detail = [c.value for c in wb["进度明细"][1]]
    long = [dict(zip(detail, r)) for r in wb["进度明细"].iter_rows(min_row=2, values_only=True)]
    p3 = next(r for r in long if r["学员编号"] == "p3" and r["课程编号"] == LESSON)
    assert (p3["及格分"], p3["满分"], p3["结果"], p3["待人工评分"]) == (3, 5, "未通过", "是")
    assert (course / "reports" / "progress.png").stat().st_size > 5000


def test_lesson_report_carries_the_cohort_progress(progress_course):
    """Does `scjg report LESSON` add the cohort's 学习进度 as a sheet of its workbook?"""
    course = progress_course
    assert cli("report", LESSON) == 0
    wb = openpyxl.load_workbook(course / "reports" / f"{LESSON}.xlsx")
    assert wb.sheetnames == ["成绩表", "题目分析", "异常提交", "待人工评分", "学习进度"]
    assert [r[0] for r in wb["学习进度"].iter_rows(min_row=2, values_only=True)] == ["p1", "p2", "p3", "p4", "p5", "p6"]


def test_pass_mark_defaults_to_sixty_percent():
    """Without a pass_mark, is the mark 60 % of points plus manual points?"""
    assert progress.pass_mark({"points": 18, "manual_points": 4}) == pytest.approx(13.2)
    assert progress.pass_mark({"points": 18, "manual_points": 4, "pass_mark": 14}) == 14


def _scjg_outside_the_venv(*args: str, cwd=None) -> subprocess.CompletedProcess:
    """`.venv/bin/scjg …` run from a shell where the venv is not activated (its bin/ not on PATH)."""
    env = {**os.environ, "PATH": "/usr/bin:/bin"}
    return subprocess.run([str(Path(sys.executable).parent / "scjg"), *args], cwd=cwd, env=env, capture_output=True,
                          text=True)


def test_progress_and_report_without_an_activated_venv(progress_course):
    """Called as .venv/bin/scjg without activating the venv, do progress and report work (nbgrader needs alembic)?"""
    for args in (["progress"], ["report", LESSON]):
        proc = _scjg_outside_the_venv(*args)
        assert proc.returncode == 0 and "Traceback" not in proc.stderr, proc.stderr


def test_progress_before_any_grading_creates_no_gradebook(tmp_path, monkeypatch):
    """Before anything is graded, does `scjg progress` report who handed in, without creating a gradebook?"""
    course = make_kit(tmp_path, monkeypatch)
    (course / "submitted" / "p1" / LESSON).mkdir(parents=True)
    (course / "submitted" / "p1" / LESSON / f"{LESSON}.ipynb").write_text("{}", encoding="utf-8")
    proc = _scjg_outside_the_venv("progress")
    assert proc.returncode == 0 and "Traceback" not in proc.stderr, proc.stderr
    assert not (course / "gradebook.db").exists()
    assert progress.standings(course).table["p1"][LESSON].status == "已交，未评分"
