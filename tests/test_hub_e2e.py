"""A bureau's hub end to end on 127.0.0.1: JupyterHub 6 + configurable-http-proxy + PostgreSQL, real accounts.

deploy/jupyterhub/jupyterhub_config.py runs with the dummy authenticator and the local spawner; the trainer
and two learners are real Linux accounts made here (home folders 0700) and removed after. Everything a
learner does goes through the hub's proxy to their own server and a kernel on it: the Chinese panel's
exchange API fetches and submits, the lesson runs cell by cell. The trainer releases, collects with
nbgrader, grades with `scjg grade` on PostgreSQL and releases feedback from a kernel on their server.
"""
from __future__ import annotations

import os
import shutil
import tempfile
from pathlib import Path

import pytest

from scjg.paths import ROOT
from tests.hub_loopback import loopback

pytestmark = [pytest.mark.slow, pytest.mark.hub,
              pytest.mark.skipif(not hasattr(os, "geteuid") or os.geteuid() != 0,
                                 reason="需要 root：测试为教员和学员建立真实的系统账号")]

LESSON = "00-getting-started"
COHORT = "e2e-cohort"
SUFFIX = f"{os.getpid() % 100000}"
TRAINER, LEARNER_A, LEARNER_B = f"hubt{SUFFIX}", f"hubla{SUFFIX}", f"hublb{SUFFIX}"




@pytest.fixture
def hub_world():
    """PostgreSQL, three real accounts and the hub; everything stopped and removed after, also on failure."""
    base = Path(tempfile.mkdtemp(prefix="scjg-hub-"))
    made: list[str] = []
    pg = hub = None
    leftover: list[int] = []
    try:
        pg = loopback.PostgresServer().start()
        for name in (TRAINER, LEARNER_A, LEARNER_B):
            loopback.system_user(name)
            made.append(name)
        user_bin = loopback.python_for_all(base)
        hub = loopback.LoopbackHub(base, db_url=pg.url, extra_env={"SCJG_HUB_USER_BIN": str(user_bin),
                                                                      "SCJG_HUB_USER_LIB": str(user_bin.parent / "lib")})
        workspace = loopback.cohort_workspace(hub, COHORT, TRAINER, ROOT)
        hub.start()
        yield hub, pg, workspace
    finally:
        if hub is not None:
            leftover = hub.stop()
        for name in made:
            loopback.remove_system_user(name)
        if pg is not None:
            pg.stop()
        shutil.rmtree(base, ignore_errors=True)
    assert leftover == [], f"JupyterHub 停止后仍有进程未退出（已强制结束）：{leftover}"


def test_bureau_hub_end_to_end(hub_world):
    """Do a trainer and two learners go release → fetch → run → submit → collect → grade (PostgreSQL) →
    feedback through the hub, each learner seeing only their own feedback and none of the other's files?"""
    hub, pg, workspace = hub_world
    course = workspace / "grading"
    hub.add_user(TRAINER, ("trainers", f"formgrade-{COHORT}"))
    for learner in (LEARNER_A, LEARNER_B):
        hub.add_user(learner, ("learners", f"nbgrader-{COHORT}"))
    groups = {g["name"]: set(g["users"]) for g in hub.api("GET", "/groups").json()}
    assert groups["trainers"] == {TRAINER} and groups["learners"] == {LEARNER_A, LEARNER_B}
    for name in (TRAINER, LEARNER_A, LEARNER_B):
        hub.spawn(name)

    # formgrader for trainers only; learners' lab has nbgrader's trainer tools switched off
    assert hub.server(TRAINER, "GET", "/formgrader").status_code == 200
    assert hub.server(LEARNER_A, "GET", "/formgrader").status_code == 404
    lab = hub.server(LEARNER_A, "GET", "/lab").text
    assert '"@jupyter/nbgrader:formgrader"' in lab.split('"disabledExtensions"', 1)[1][:600]
    assert "labconfig/learner" in lab  # the kit's lab settings: 简体中文 UI

    # the trainer releases lesson 00 to the hub's exchange
    trainer = hub.kernel(TRAINER)
    whoami = trainer.value("import getpass, json, os; print(json.dumps([getpass.getuser(), os.environ['SCJG_ROLE']]))")
    assert whoami == [TRAINER, "trainer"]
    loopback.in_kernel(trainer, "nbgrader", "release_assignment", LESSON, cwd=str(course))
    assert (hub.exchange / COHORT / "outbound" / LESSON / f"{LESSON}.ipynb").is_file()

    # each learner: the panel lists it in Chinese, fetches, runs the lesson in a kernel, answers, submits
    for learner, right in ((LEARNER_A, True), (LEARNER_B, False)):
        kernel = hub.kernel(learner)
        rows = kernel.value("from scjg.widgets.assignments import LearnerExchange\nimport json\n"
                            "ex = LearnerExchange()\nprint(json.dumps([(l.lesson_id, l.status) for l in ex.lessons()],"
                            " ensure_ascii=False))")
        assert rows == [[LESSON, "已发布，尚未获取"]]
        assert kernel.value(f"ex.fetch({LESSON!r}); print(json.dumps(ex.lessons()[0].status, ensure_ascii=False))") \
            == "已获取，尚未提交"
        path = f"/api/contents/{LESSON}/{LESSON}.ipynb"
        fetched = hub.server(learner, "GET", path).json()["content"]
        nb = loopback.answered(ROOT, LESSON, fetched, all_right=right, learner=(learner, "王某"))
        study = hub.kernel(learner)
        assert loopback.run_cells(study, nb) == []  # right or wrong, a typed answer raises nothing in the lesson
        study.close()
        saved = hub.server(learner, "PUT", path, json={"type": "notebook", "format": "json", "content": nb})
        assert saved.status_code == 200, saved.text
        status = kernel.value(f"ex.submit({LESSON!r}); print(json.dumps(ex.lessons()[0].status, ensure_ascii=False))")
        assert status.startswith("已提交 1 次")
        kernel.close()
    assert (Path("/home") / LEARNER_A / "assignments.ipynb").is_file()  # the panel notebook, put home by the hub

    # the trainer collects, grades on PostgreSQL (SCJG_DB from the hub) and releases feedback
    loopback.in_kernel(trainer, "nbgrader", "collect", LESSON, cwd=str(course))
    # SCJG_NO_SANDBOX: this machine's Python lives under /root, so the accounts run a copy that needs
    # LD_LIBRARY_PATH, which scjg grade's bubblewrap confinement does not pass on (a kit in /opt needs neither)
    graded = loopback.in_kernel(trainer, "env", "SCJG_NO_SANDBOX=1", "scjg", "grade", LESSON, "--jobs", "1",
                                cwd=str(course))
    assert "2 份作业评分完成" in graded
    assert not (course / "gradebook.db").exists()
    log = course / ".work" / LESSON / "grade.log"
    for learner in (LEARNER_A, LEARNER_B):
        assert (course / "feedback" / learner / LESSON / f"{LESSON}.html").is_file(), \
            graded + (log.read_text(encoding="utf-8", errors="replace")[-4000:] if log.exists() else "")
    from nbgrader.api import Gradebook
    with Gradebook(pg.url) as gb:
        auto = {s.student.id: sum(g.auto_score or 0 for nb_ in s.notebooks for g in nb_.grades if g.cell.cell_type == "code")
                for s in gb.find_assignment(LESSON).submissions}
    assert auto == {LEARNER_A: 3.0, LEARNER_B: 2.0}  # question 1 (1 point) wrong for the second learner
    released_log = loopback.in_kernel(trainer, "nbgrader", "release_feedback", LESSON, cwd=str(course))
    trainer.close()

    # each learner fetches their own feedback, and only theirs; the other's files stay closed
    for learner, other, total in ((LEARNER_A, LEARNER_B, "3.0"), (LEARNER_B, LEARNER_A, "2.0")):
        kernel = hub.kernel(learner)
        got = kernel.value("from scjg.widgets.assignments import LearnerExchange\nimport json\nex = LearnerExchange()\n"
                           f"files = ex.fetch_feedback({LESSON!r})\n"
                           "print(json.dumps([str(f) for f in files] + [ex.lessons()[0].status], ensure_ascii=False))")
        assert got[-1] == "已收到反馈" and len(got) == 2, released_log
        html = hub.server(learner, "GET", "/api/contents/" + os.path.relpath(got[0], f"/home/{learner}")).json()["content"]
        assert f"作业反馈（总分：{total} / 5.0；" in html  # their own score, written answer not yet graded
        assert ("（得分：1.0 / 1.0）" if learner == LEARNER_A else "（得分：0.0 / 1.0）") in html
        denied = kernel.value(
            "import json, os\nout = []\n"
            f"for p in ['/home/{other}/{LESSON}/{LESSON}.ipynb', '/home/{other}', {str(hub.exchange / COHORT / 'feedback')!r},"
            f" {str(course / 'submitted')!r}]:\n"
            "    try:\n        os.listdir(p) if os.path.isdir(p) else open(p).read(); out.append('read')\n"
            "    except PermissionError:\n        out.append('denied')\n"
            "print(json.dumps(out))")
        assert denied == ["denied"] * 4
        kernel.close()
        own = hub.user_token(learner)
        assert hub.server(other, "GET", "/api/contents", token=own).status_code == 403
