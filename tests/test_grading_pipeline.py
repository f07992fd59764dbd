"""The trainer's pipeline end to end through the CLI: demo → collect → grade → formgrader → feedback → report."""
from __future__ import annotations

import csv
import json

import openpyxl
import pytest

from scjg.grading import course as course_mod
from scjg.grading.demo import build_cohort
from tests.grading_helpers import LESSON, auto_scores, cli, make_kit, scores

pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def graded(tmp_path_factory):
    """A demo cohort of 6 (seed 7) collected and graded in parallel through the CLI: (course, expected, rows)."""
    tmp_path = tmp_path_factory.mktemp("pipeline")
    with pytest.MonkeyPatch.context() as monkeypatch:
        course = make_kit(tmp_path, monkeypatch)
        bundle, expected_file = tmp_path / "cohort.zip", tmp_path / "expected.json"
        assert cli("demo", LESSON, "--learners", "6", "--seed", "7", "--out", str(bundle), "--roster",
                   "--expected", str(expected_file)) == 0
        assert cli("collect", LESSON, str(bundle)) == 0
        with open(course / "collect_reports" / f"{LESSON}.csv", encoding="utf-8-sig") as fh:
            rows = list(csv.DictReader(fh))
        assert cli("grade", LESSON, "--jobs", "2") == 0
        yield course, json.loads(expected_file.read_text(encoding="utf-8")), rows


def test_demo_is_deterministic(graded):
    """Does `scjg demo` with a seed write the same expected scores build_cohort gives (so the oracle is stable)?"""
    course, expected, _ = graded
    assert expected == build_cohort(course, LESSON, 6, 7).expected


def test_collect_takes_or_explains_every_file(graded):
    """Is every file of the demo bundle either collected or listed with its reason?"""
    course, _, rows = graded
    taken = {r["学员编号"] for r in rows if r["结果"].startswith("已收取")}
    assert taken == {f"sh00{i}" for i in range(1, 7)}
    refused = {r["文件"].split("/")[-1]: r["说明"] for r in rows if r["结果"] == "未收取"}
    assert "不是 notebook" in refused["手机拍照.jpg"]
    assert "不是本课程发布的作业" in refused["Untitled.ipynb"]
    assert "文件损坏" in next(r["说明"] for r in rows if r["学员编号"] == "sh006" and r["结果"].startswith("已收取"))
    assert (course / "submitted" / "sh001" / LESSON / f"{LESSON}.ipynb").is_file()
    assert (course / "submitted" / "sh001" / LESSON / "timestamp.txt").is_file()


def test_parallel_grading_gives_the_generators_scores(graded):
    """Does parallel grading give each learner exactly the score the generator's corruptions imply, and mark the
    corrupt file in Chinese?"""
    course, expected, _ = graded
    for learner, want in expected.items():
        if want is None:
            assert set(auto_scores(course, learner).values()) == {0.0}
        else:
            assert auto_scores(course, learner) == want, learner
    status = json.loads((course / ".work" / LESSON / "grade.json").read_text(encoding="utf-8"))
    assert status["sh006"]["status"] == "failed" and "文件损坏" in status["sh006"]["notes"][0]
    assert all(status[f"sh00{i}"]["status"] == "ok" for i in range(1, 6))


def test_formgrader_api_lists_every_submission(graded):
    """Does formgrader's API list every collected submission, the corrupt one as not autograded?"""
    course, _, rows = graded
    taken = {r["学员编号"] for r in rows if r["结果"].startswith("已收取")}
    nb_api = course_mod.api(course)
    assert {s["student"] for s in nb_api.get_submissions(LESSON)} == taken
    autograded = {s["student"] for s in nb_api.get_submissions(LESSON) if s["autograded"]}
    assert autograded == taken - {"sh006"}
    indices = nb_api.get_notebook_submission_indices(LESSON, LESSON)
    assert set(indices) == {nb["id"] for nb in nb_api.get_notebook_submissions(LESSON, LESSON)}
    assert len(indices) == len(autograded) == 5  # formgrader opens the autograded notebooks


def test_manual_score_survives_regrading_and_reaches_feedback(graded):
    """After a trainer grades a written answer, does re-grading keep it and change nothing else, and does the
    Chinese feedback show it without any hidden-test code?"""
    course = graded[0]
    from nbgrader.api import Gradebook
    with Gradebook(f"sqlite:///{course / 'gradebook.db'}") as gb:
        grade = gb.find_grade("q3-written", LESSON, LESSON, "sh001")
        grade.manual_score = 1.5
        gb.db.commit()
    before = scores(course)
    assert cli("grade", LESSON, "--jobs", "2") == 0
    assert scores(course) == before
    assert before["sh001"]["q3-written"] == 1.5
    assert cli("grade", LESSON, "--feedback-only") == 0
    for learner in ("sh001", "sh002"):
        html = (course / "feedback" / learner / LESSON / f"{LESSON}.html").read_text(encoding="utf-8")
        assert "作业反馈" in html and "得分" in html and "格式检查" in html
        assert "HIDDEN TESTS" not in html and "expect_amount" not in html and "expect_choice" not in html
    html = (course / "feedback" / "sh001" / LESSON / f"{LESSON}.html").read_text(encoding="utf-8")
    assert "（得分：1.5 / 2.0）" in html
    assert cli("report", LESSON) == 0
    wb = openpyxl.load_workbook(course / "reports" / f"{LESSON}.xlsx")
    pending = {(r[0], r[3]) for r in wb["待人工评分"].iter_rows(min_row=2, values_only=True)}
    assert ("sh001", "q3-written") not in pending


def test_report_numbers_are_the_gradebooks(graded):
    """Are the workbook's scores, 得分率, problems and manual-grading list the gradebook's and the status files'?"""
    course = graded[0]
    assert cli("report", LESSON) == 0
    wb = openpyxl.load_workbook(course / "reports" / f"{LESSON}.xlsx")
    assert wb.sheetnames == ["成绩表", "题目分析", "异常提交", "待人工评分", "学习进度"]
    sheet = wb["成绩表"]
    header = [c.value for c in sheet[1]]
    book = {row[0]: dict(zip(header, row)) for row in sheet.iter_rows(min_row=2, values_only=True)}
    db_scores = scores(course)
    assert set(book) == set(db_scores)
    for learner, row in book.items():
        assert row["总分"] == pytest.approx(sum(v or 0 for v in db_scores[learner].values()))
        assert row["第1题（1分）"] == db_scores[learner]["q1-test"]
        assert row["第2题（2分）"] == db_scores[learner]["q2-test"]
    items = {r[1]: r for r in wb["题目分析"].iter_rows(min_row=2, values_only=True)}
    q2 = [db_scores[lr]["q2-test"] for lr in db_scores]
    assert items["q2-test"][7] == pytest.approx(round(sum(q2) / len(q2) / 2, 3))
    issues = [r[4] for r in wb["异常提交"].iter_rows(min_row=2, values_only=True)]
    assert any("文件损坏" in text for text in issues) and any("不是 notebook" in text for text in issues)
    pending = {(r[0], r[3]) for r in wb["待人工评分"].iter_rows(min_row=2, values_only=True)}
    assert any(learner == "sh006" for learner, _ in pending)
    for name in ("grades", "items", "issues", "manual"):
        assert (course / "reports" / f"{LESSON}-{name}.csv").is_file()
    assert (course / "reports" / f"{LESSON}-scores.png").stat().st_size > 1000
    assert (course / "reports" / f"{LESSON}-questions.png").stat().st_size > 1000


def test_collect_layouts_roster_duplicates_and_other_lessons(tmp_path, monkeypatch):
    """Are flat, per-learner-folder and exchange layouts collected, and unknown, duplicate and other-lesson notebooks reported?"""
    import nbformat

    course = make_kit(tmp_path, monkeypatch)
    (course / "roster.csv").write_text("学员编号,姓名\nsh001,王某\nsh002,李某\nsh003,张某\nsh009,赵某\n", encoding="utf-8")
    released = (tmp_path / "notebooks" / LESSON / f"{LESSON}.ipynb").read_text(encoding="utf-8")
    src = tmp_path / "returned"
    (src / "flat").mkdir(parents=True)
    (src / "flat" / "sh001.ipynb").write_text(released, encoding="utf-8")
    (src / "sh002").mkdir()
    (src / "sh002" / f"{LESSON}.ipynb").write_text(released, encoding="utf-8")
    inbound = src / "exchange" / "scjg" / "inbound" / f"sh003+{LESSON}+2026-11-27 10:00:00.000000 UTC"
    inbound.mkdir(parents=True)
    (inbound / f"{LESSON}.ipynb").write_text(released, encoding="utf-8")
    (src / "flat" / "zz999.ipynb").write_text(released, encoding="utf-8")               # not on the roster
    (src / "copy2").mkdir()
    (src / "copy2" / "sh001.ipynb").write_text(released, encoding="utf-8")               # a duplicate
    with open(tmp_path / "lessons" / "catalog.yaml", "a", encoding="utf-8") as fh:
        fh.write("  - id: 99-other\n    title: 另一课\n    hours: 1\n    laws: []\n    status: planned\n")
    other = nbformat.read(str(tmp_path / "notebooks" / LESSON / f"{LESSON}.ipynb"), as_version=4)
    other.cells[1].source = 'from scjg.lesson import start\n\nstart("99-other")'
    for cell in other.cells:
        if cell.get("metadata", {}).get("nbgrader", {}).get("grade_id"):
            cell.metadata.nbgrader.grade_id = "food-" + cell.metadata.nbgrader.grade_id
            cell.source = "# 食品安全\n" + cell.source
    other_dir = tmp_path / "notebooks" / "99-other"
    other_dir.mkdir()
    nbformat.write(other, str(other_dir / "99-other.ipynb"))
    (tmp_path / "lessons" / "99-other").mkdir()
    nbformat.write(other, str(tmp_path / "lessons" / "99-other" / "99-other.ipynb"))
    (src / "sh009").mkdir()
    nbformat.write(other, str(src / "sh009" / "99-other.ipynb"))                   # another lesson
    (src / "flat" / "说明.txt").write_text("作业见附件", encoding="utf-8")

    assert cli("collect", LESSON, str(src)) == 0
    with open(course / "collect_reports" / f"{LESSON}.csv", encoding="utf-8-sig") as fh:
        rows = list(csv.DictReader(fh))
    by_learner = {}
    for row in rows:
        by_learner.setdefault(row["学员编号"], []).append(row)
    assert {lr for lr, rs in by_learner.items() if any(r["结果"].startswith("已收取") for r in rs)} == \
        {"sh001", "sh002", "sh003", "zz999"}
    assert "不在学员名单" in by_learner["zz999"][0]["说明"]
    assert sorted(r["结果"] for r in by_learner["sh001"]) == ["已收取（有问题）", "未收取"]
    assert any("重复提交" in r["说明"] for r in by_learner["sh001"])
    assert any("另一课“99-other”" in r["说明"] for r in by_learner["sh009"])
    assert any(r["结果"] == "未交" for r in by_learner["sh009"])
    assert any("不是 notebook" in r["说明"] for r in rows)
    stamp = (course / "submitted" / "sh003" / LESSON / "timestamp.txt").read_text(encoding="utf-8")
    assert stamp.startswith("2026-11-27 10:00:00")


def test_feedback_renders_without_unshowable_answer_records(graded):
    """Does feedback drop the grader's machine-readable answer records, so nbconvert has nothing it cannot show
    (no 'not able to be represented' warning) and the page carries no record?"""
    import warnings

    course = graded[0]
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        assert cli("grade", LESSON, "--feedback-only") == 0
    assert not [w for w in caught if "not able to be represented" in str(w.message)]
    html = (course / "feedback" / "sh001" / LESSON / f"{LESSON}.html").read_text(encoding="utf-8")
    assert "vnd.scjg.answer" not in html


def test_timing_says_where_the_time_goes(graded, capsys):
    """Does `scjg grade --timing` print, in Chinese, the mean seconds of each phase of a submission, kernel and
    cell execution apart from nbgrader's own work and feedback, adding up to the total it states?"""
    import re

    from scjg.grading.timing import PHASES

    assert cli("grade", LESSON, "--learner", "sh001", "--learner", "sh002", "--timing") == 0
    out = capsys.readouterr().out
    total = float(re.search(r"每份作业平均用时 ([\d.]+) 秒（2 份", out).group(1))
    parts = {label: float(re.search(rf"{re.escape(label)}：([\d.]+) 秒", out).group(1)) for label in PHASES.values()}
    assert parts[PHASES["kernel"]] > 0 and parts[PHASES["cells"]] > 0 and parts[PHASES["feedback"]] > 0
    assert abs(sum(parts.values()) - total) < 0.02
