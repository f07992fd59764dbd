"""The gradebook on a real PostgreSQL 15 server (a hub's several trainers), against the same cohort on sqlite.

The server is Debian's postgresql, started here in a temporary folder on a Unix socket only (no TCP port)
as the unprivileged `postgres` account, and stopped after (deploy/jupyterhub/loopback.py).
"""
from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import openpyxl
import pytest

from scjg.paths import ROOT
from tests.hub_loopback import loopback

pytestmark = pytest.mark.slow

LESSONS = ("00-getting-started", "02-food-safety")
LEARNERS = 4
SEED = 11




def kit(base: Path) -> Path:
    """A course workspace (grading/, lessons/, notebooks/) in `base`; returns its course root."""
    (base / "grading").mkdir(parents=True)
    shutil.copy(ROOT / "grading" / "nbgrader_config.py", base / "grading")
    for name in ("lessons", "notebooks"):
        shutil.copytree(ROOT / name, base / name, ignore=shutil.ignore_patterns(".ipynb_checkpoints", "__pycache__"))
    return base / "grading"


def scjg(course: Path, *args: str, check: bool = True) -> subprocess.CompletedProcess:
    """The trainer's `scjg` command in its own process, on the workspace of `course`."""
    env = dict(os.environ, SCJG_ROOT=str(course.parent))
    done = subprocess.run([sys.executable, "-m", "scjg.cli", *args], env=env, capture_output=True, text=True)
    if check:
        assert done.returncode == 0, done.stdout + done.stderr
    return done


def cohort(course: Path, lesson: str) -> dict:
    """demo → collect for one lesson; the automatic score each learner must get (demo's own oracle)."""
    bundle = course.parent / f"{lesson}.zip"
    expected = course.parent / f"{lesson}-expected.json"
    scjg(course, "demo", lesson, "--learners", str(LEARNERS), "--seed", str(SEED), "--out", str(bundle),
         "--roster", "--expected", str(expected))
    scjg(course, "collect", lesson, str(bundle))
    return json.loads(expected.read_text(encoding="utf-8"))


def gradebook(url: str, lesson: str) -> dict[str, dict[str, float | None]]:
    """learner -> grade_id -> score (manual over automatic) in the gradebook at `url`."""
    from nbgrader.api import Gradebook

    with Gradebook(url) as gb:
        return {s.student.id: {g.name: g.score for nb in s.notebooks for g in nb.grades}
                for s in gb.find_assignment(lesson).submissions}


def automatic(scores: dict[str, float | None]) -> dict[str, float | None]:
    return {gid: v for gid, v in scores.items() if gid.endswith("-test")}


@pytest.fixture(scope="module")
def postgres():
    with loopback.PostgresServer() as server:
        yield server


@pytest.fixture(scope="module")
def sqlite_scores(tmp_path_factory) -> dict[str, dict]:
    """Both lessons' demo cohorts graded on the default sqlite gradebook: the reference run."""
    course = kit(tmp_path_factory.mktemp("sqlite"))
    out = {}
    for lesson in LESSONS:
        cohort(course, lesson)
        scjg(course, "grade", lesson, "--jobs", "1")
        out[lesson] = gradebook(f"sqlite:///{course / 'gradebook.db'}", lesson)
    return out


def test_postgres_server_is_real(postgres):
    """Is the gradebook server a real PostgreSQL 15 reached through its Unix socket only?"""
    version = postgres.sql("SHOW server_version_num", "scjg").strip()
    assert int(version) >= 150000
    assert postgres.sql("SHOW listen_addresses").strip() == ""
    assert (postgres.socket_dir / f".s.PGSQL.{postgres.port}").is_socket()


def test_pipeline_on_postgres_matches_sqlite(tmp_path, postgres, sqlite_scores):
    """Does demo → collect → grade → manual score → regrade → feedback → report on PostgreSQL give sqlite's scores?"""
    lesson = LESSONS[0]
    postgres.sql("CREATE DATABASE pipeline OWNER scjg")
    url = postgres.url.replace("/scjg?", "/pipeline?")
    course = kit(tmp_path)
    expected = cohort(course, lesson)
    scjg(course, "grade", lesson, "--jobs", "2", "--db", url)
    assert not (course / "gradebook.db").exists()  # nothing went to sqlite behind our back
    on_pg = gradebook(url, lesson)
    assert on_pg == sqlite_scores[lesson]
    assert sum(v or 0 for v in automatic(on_pg["sh001"]).values()) == 3.0  # sh001 answers all correctly
    assert automatic(on_pg["sh003"]) == {"q1-test": 0.0, "q2-test": 0.0}  # sh003 hands in a blank notebook
    assert set(automatic(on_pg["sh004"]).values()) == {0.0}  # sh004's file is corrupt
    for learner, want in expected.items():
        if want is not None:
            assert automatic(on_pg[learner]) == want, learner
    # PostgreSQL itself holds the rows (not a sqlite file behind the URL)
    rows = postgres.sql("SELECT count(*) FROM submitted_assignment", "pipeline").strip()
    assert rows == str(LEARNERS)

    # a trainer's manual score in formgrader survives a regrade
    from nbgrader.api import Gradebook
    with Gradebook(url) as gb:
        gb.find_grade("q3-written", lesson, lesson, "sh001").manual_score = 1.5
        gb.db.commit()
    scjg(course, "grade", lesson, "--jobs", "2", "--db", url)
    again = gradebook(url, lesson)
    assert again["sh001"]["q3-written"] == 1.5
    assert {lr: automatic(s) for lr, s in again.items()} == {lr: automatic(s) for lr, s in on_pg.items()}

    scjg(course, "grade", lesson, "--feedback-only", "--db", url)
    html = (course / "feedback" / "sh001" / lesson / f"{lesson}.html").read_text(encoding="utf-8")
    assert "（得分：1.5 / 2.0）" in html

    scjg(course, "report", lesson, "--db", url)
    sheet = openpyxl.load_workbook(course / "reports" / f"{lesson}.xlsx")["成绩表"]
    header = [c.value for c in sheet[1]]
    book = {row[0]: dict(zip(header, row)) for row in sheet.iter_rows(min_row=2, values_only=True)}
    assert book["sh001"]["总分"] == 4.5  # 3 automatic + 1.5 by hand
    assert set(book) == set(again)


def test_two_trainers_grade_different_lessons_at_once(tmp_path, postgres, sqlite_scores):
    """Do two trainers grading lessons 00 and 02 at the same moment on one PostgreSQL gradebook lose or mix no score?"""
    postgres.sql("CREATE DATABASE together OWNER scjg")
    url = postgres.url.replace("/scjg?", "/together?")
    course = kit(tmp_path)
    expected = {lesson: cohort(course, lesson) for lesson in LESSONS}
    env = dict(os.environ, SCJG_ROOT=str(course.parent))
    trainers = [subprocess.Popen([sys.executable, "-m", "scjg.cli", "grade", lesson, "--jobs", "1", "--db", url],
                                 env=env, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
                for lesson in LESSONS]
    try:
        outputs = [p.communicate(timeout=600)[0] for p in trainers]
    finally:
        for p in trainers:
            if p.poll() is None:
                p.kill()
                p.wait()
    assert [p.returncode for p in trainers] == [0, 0], "\n".join(outputs)
    for lesson in LESSONS:
        on_pg = gradebook(url, lesson)
        assert on_pg == sqlite_scores[lesson], lesson
        assert set(automatic(on_pg["sh003"]).values()) == {0.0}, lesson  # sh003 hands in a blank notebook
    for learner, want in expected[LESSONS[0]].items():
        if want is not None:
            assert automatic(gradebook(url, LESSONS[0])[learner]) == want, learner
    assert sum(v or 0 for v in automatic(gradebook(url, LESSONS[0])["sh001"]).values()) == 3.0
    # one student row per learner, two submissions each (one per lesson), nothing duplicated
    assert postgres.sql("SELECT count(*) FROM student", "together").strip() == str(LEARNERS)
    assert postgres.sql("SELECT count(*) FROM submitted_assignment", "together").strip() == str(2 * LEARNERS)
