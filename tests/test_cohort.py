"""`scjg cohort new`: one course workspace per 班次, found by the folder a command runs in; grades never mix."""
from __future__ import annotations

import os
import subprocess
import sys

import pytest

from scjg import paths
from tests.grading_helpers import LESSON, cli

pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def two_cohorts(tmp_path_factory):
    """Two workspaces made by `scjg cohort new … --demo`, with overlapping learner ids (sh001…)."""
    tmp_path = tmp_path_factory.mktemp("cohorts")
    with pytest.MonkeyPatch.context() as monkeypatch:
        monkeypatch.delenv("SCJG_ROOT", raising=False)
        monkeypatch.chdir(tmp_path)
        assert cli("cohort", "new", "2026-spring-1", "--title", "2026年春季第一期", "--demo", LESSON,
                   "--learners", "3") == 0
        assert cli("cohort", "new", "2026-autumn-1", "--dir", str(tmp_path), "--demo", LESSON, "--learners", "4") == 0
        yield tmp_path / "2026-spring-1", tmp_path / "2026-autumn-1"


def test_new_workspace_holds_lessons_and_its_own_course(two_cohorts):
    """Does a new workspace hold the lessons, its own nbgrader course and roster, and none of the kit's data sets?"""
    spring, _ = two_cohorts
    assert (spring / paths.COHORT_MARKER).is_file()
    assert (spring / "lessons" / LESSON / f"{LESSON}.ipynb").is_file()
    assert (spring / "notebooks" / LESSON / f"{LESSON}.ipynb").is_file()
    assert "c.CourseDirectory.course_id = '2026-spring-1'" in (spring / "grading" / "nbgrader_config.py").read_text(
        encoding="utf-8")
    assert (spring / "grading" / "roster.csv").read_text(encoding="utf-8").count("\n") == 4  # header + 3
    assert not (spring / "datasets").exists()


def test_verbs_work_on_the_workspace_they_run_in(two_cohorts, monkeypatch, capsys):
    """Run inside one workspace (even a subfolder), do collect, grade and progress touch only that cohort, and
    does --course reach another?"""
    spring, autumn = two_cohorts
    monkeypatch.chdir(spring / "notebooks")
    assert cli("collect", LESSON, str(spring / f"demo-{LESSON}.zip")) == 0
    monkeypatch.chdir(autumn)
    assert cli("collect", LESSON, f"demo-{LESSON}.zip") == 0
    assert sorted(p.name for p in (spring / "grading" / "submitted").iterdir()) == ["sh001", "sh002", "sh003"]
    assert sorted(p.name for p in (autumn / "grading" / "submitted").iterdir()) == ["sh001", "sh002", "sh003", "sh004"]

    monkeypatch.chdir(spring)
    assert cli("grade", LESSON, "--jobs", "1") == 0
    assert (spring / "grading" / "gradebook.db").is_file() and not (autumn / "grading" / "gradebook.db").exists()

    monkeypatch.chdir(autumn)
    capsys.readouterr()
    assert cli("progress") == 0
    from scjg.grading import progress
    autumn_status = {lr: row[LESSON].status for lr, row in progress.standings(autumn / "grading").table.items()}
    assert set(autumn_status) == {"sh001", "sh002", "sh003", "sh004"}
    assert set(autumn_status.values()) == {"已交，未评分"}  # spring's grades are not autumn's
    assert cli("report", LESSON, "--course", str(spring)) == 0
    assert (spring / "grading" / "reports" / f"{LESSON}.xlsx").is_file()
    assert not (autumn / "grading" / "reports" / f"{LESSON}.xlsx").exists()


def test_workspace_is_found_at_call_time_and_data_stays_with_the_kit(two_cohorts):
    """Started inside a workspace, does scjg resolve lessons there while statutes and cases stay with the package?"""
    spring, _ = two_cohorts
    code = "from scjg import paths; print(paths.lessons_dir()); print(paths.DATASETS)"
    env = {k: v for k, v in os.environ.items() if k not in ("SCJG_ROOT", "SCJG_DATASETS")}
    out = subprocess.run([sys.executable, "-c", code], cwd=spring / "grading", env=env, capture_output=True, text=True,
                         check=True).stdout.split()
    assert out == [str(spring / "lessons"), str(paths.KIT / "datasets")]


def test_cohort_show_and_bad_names(two_cohorts, monkeypatch, capsys):
    """Does `scjg cohort show` name the cohort, and are a Chinese name and a taken folder refused in Chinese?"""
    spring, _ = two_cohorts
    monkeypatch.chdir(spring / "grading")
    capsys.readouterr()
    assert cli("cohort", "show") == 0
    assert "2026年春季第一期" in capsys.readouterr().out
    assert cli("demo", LESSON, "--learners", "3", "--out", str(spring / "again.zip")) == 0
    assert "scjg cohort new" not in capsys.readouterr().out  # already in a cohort: no hint
    assert cli("cohort", "new", "春季班") == 1
    assert "只能用英文字母" in capsys.readouterr().out
    monkeypatch.chdir(spring.parent)
    assert cli("cohort", "new", "2026-spring-1") == 1
    assert "已存在且不为空" in capsys.readouterr().out
    assert cli("demo", LESSON, "--learners", "3", "--out", str(spring.parent / "kit-demo.zip")) == 0
    assert "正式开班请先 scjg cohort new" in capsys.readouterr().out  # in the kit's own grading/: the hint


def test_release_writes_into_the_workspace_it_runs_in(tmp_path, monkeypatch):
    """Run inside a workspace, does `scjg release` regenerate that workspace's notebooks/ and leave the kit's alone?"""
    from scjg.grading import cohort

    monkeypatch.delenv("SCJG_ROOT", raising=False)
    workspace = cohort.new("2027-spring-1", tmp_path)
    target = workspace / "notebooks" / LESSON / f"{LESSON}.ipynb"
    target.unlink()
    kit_file = paths.KIT / "notebooks" / LESSON / f"{LESSON}.ipynb"
    kit_copy, kit_written = kit_file.read_bytes(), kit_file.stat().st_mtime_ns
    monkeypatch.chdir(workspace / "lessons")
    assert cli("release", LESSON) == 0
    assert target.read_bytes() == kit_copy
    assert kit_file.stat().st_mtime_ns == kit_written  # the kit's notebooks/ was not rewritten
