"""Hostile submissions, graded in one parallel run on forked kernels and again on cold ones: a learner's code can
neither award itself marks, nor read the answers or other learners' work, nor touch grades or the machine.

Each attack that would succeed turns a wrong answer into the right one (q1 = 50000, worth 1 point), so a literal
score of 0 for q1 shows it failed; files, the listener and the process table are checked from outside as well.
"""
from __future__ import annotations

import json
import socket
import threading

import nbformat
import psutil
import pytest

from scjg.grading.fill import fill_answers
from tests.grading_helpers import LESSON, auto_scores, cli, make_kit
from tests.roundtrip import submit

pytestmark = pytest.mark.slow

WRONG = '"1元"'  # q1 wrong (0 of 1); q2 "B" right (2 of 2) in every hostile submission


def _if_it_worked(attack: str) -> str:
    """q1 is right only if `attack` (code that raises when the attack fails) ran without error."""
    body = "\n".join("    " + line for line in attack.strip().splitlines())
    return f"{WRONG}\ntry:\n{body}\n    q1 = 50000\nexcept Exception:\n    pass"


def _listener():
    """A TCP listener on 127.0.0.1 outside the sandbox that counts connections."""
    server = socket.socket()
    server.bind(("127.0.0.1", 0))
    server.listen(8)
    seen = []

    def accept():
        while True:
            try:
                conn, _ = server.accept()
            except OSError:
                return
            seen.append(1)
            conn.close()

    threading.Thread(target=accept, daemon=True).start()
    return server, seen


def _hostile(kit, course, port: int) -> dict[str, str]:
    source = kit / "lessons" / LESSON / f"{LESSON}.ipynb"
    other = course / "submitted" / "good" / LESSON / f"{LESSON}.ipynb"
    return {
        "code": f"{WRONG}\nfrom scjg import checks as c\nc._fail.__code__ = (lambda message: None).__code__\n"
                "c.expect_amount.__code__ = (lambda *a, **k: None).__code__",
        "defaults": f"{WRONG}\nfrom scjg import checks as c\nc.expect_amount.__defaults__ = (10.0 ** 9,)",
        "globals": f"{WRONG}\nfrom scjg import checks as c\nc.expect_amount.__globals__['_fail'] = print",
        "readers": f"{WRONG}\nfrom scjg import checks as c\nc._READERS['amount'] = lambda v, **k: 50000.0",
        "modules": f"{WRONG}\nimport sys, types\nfake = types.ModuleType('scjg.checks')\n"
                   "fake.check = lambda *a, **k: print('✅ 格式正确')\nsys.modules['scjg.checks'] = fake",
        "builtins": f"{WRONG}\nimport builtins\nbuiltins.AssertionError = type('Never', (Exception,), {{}})",
        "source": _if_it_worked(f"assert 'BEGIN SOLUTION' in open(r'{source}', encoding='utf-8').read()"),
        "readgb": _if_it_worked(f"assert open(r'{course / 'gradebook.db'}', 'rb').read(16)"),
        "writegb": _if_it_worked(f"open(r'{course / 'gradebook.db'}', 'ab').write(b'x' * 4096)"),
        "grading": _if_it_worked(f"open(r'{course / 'evil.txt'}', 'w').write('x')"),
        "other": _if_it_worked(f"assert 'q1' in open(r'{other}', encoding='utf-8').read()"),
        "outside": _if_it_worked(f"open(r'{kit / 'scjg' / 'evil.py'}', 'w').write('x')"),
        "network": _if_it_worked(f"import socket\nsocket.create_connection(('127.0.0.1', {port}), timeout=2).close()"),
        "spawn": "50000\nimport os, time\nfor _ in range(30):\n    try:\n        if os.fork() == 0:\n"
                 "            time.sleep(3600)\n            os._exit(0)\n    except OSError:\n        break",
        "bigfile": "50000\nwith open('big.bin', 'wb') as fh:\n    for _ in range(400):\n"
                   "        fh.write(b'x' * 2**20)",
        "sleeper": "50000\nimport time\ntime.sleep(10 ** 6)",
        "printer": "50000\nimport sys\nmegabyte = 'x' * 2**20\nfor _ in range(1024):\n    sys.stdout.write(megabyte)",
    }


EXPECTED = {  # learner -> (q1, q2): literals, not computed by the grader
    "good": (1.0, 2.0),
    "modules": (0.0, 0.0),  # its fake scjg.checks records nothing, for q2 either
    **{name: (0.0, 2.0) for name in ("code", "defaults", "globals", "readers", "builtins", "source",
                                      "readgb", "writegb", "grading", "other", "outside", "network")},
    "spawn": (1.0, 2.0), "bigfile": (1.0, 2.0), "sleeper": (1.0, 2.0), "printer": (1.0, 2.0),
}
FLAGGED = ("code", "defaults", "globals", "readers", "modules", "builtins")


def _grade_and_check(course, kit, seen, cold: bool) -> None:
    args = ["grade", LESSON, "--jobs", "2", "--timeout", "20"] + (["--cold-kernels"] if cold else [])
    gradebook = (course / "gradebook.db").read_bytes() if (course / "gradebook.db").exists() else None
    assert cli(*args) == 0
    status = json.loads((course / ".work" / LESSON / "grade.json").read_text(encoding="utf-8"))
    got = {learner: tuple(auto_scores(course, learner)[g] for g in ("q1-test", "q2-test")) for learner in EXPECTED}
    assert got == EXPECTED, {lr: status[lr] for lr in got if got[lr] != EXPECTED[lr]}
    assert not status["good"]["notes"]
    for learner in FLAGGED:
        assert any("疑似篡改评分" in note for note in status[learner]["notes"]), learner
    assert not seen, "沙箱中的代码不应连上 127.0.0.1 的监听端口"
    assert not (course / "evil.txt").exists() and not (kit / "scjg" / "evil.py").exists()
    assert gradebook is None or (course / "gradebook.db").stat().st_size < len(gradebook) + 4096
    assert not _left_behind(kit), "评分结束后不应留下内核或学员派生的进程"


def _left_behind(kit) -> list:
    """Processes that started with this test kit as $SCJG_ROOT (kernels, fork servers, a learner's children)."""
    import os
    found = []
    for proc in psutil.process_iter():
        try:
            if proc.pid != os.getpid() and proc.environ().get("SCJG_ROOT") == str(kit):
                found.append(proc)
        except (psutil.Error, OSError):
            continue
    return found


def test_hostile_submissions_on_forked_and_cold_kernels(tmp_path, monkeypatch):
    """Does every hostile submission score exactly what its honest answers earn (a wrong answer nothing, whatever
    it patches), with patching flagged in Chinese, on forked and on cold kernels, and the good learner untouched?"""
    course = make_kit(tmp_path, monkeypatch)
    released = nbformat.read(str(tmp_path / "notebooks" / LESSON / f"{LESSON}.ipynb"), as_version=4)
    server, seen = _listener()
    try:
        submit(course, LESSON, "good", fill_answers(released, {"q1": "50000", "q2": '"B"'}))
        for learner, code in _hostile(tmp_path, course, server.getsockname()[1]).items():
            submit(course, LESSON, learner, fill_answers(released, {"q1": code, "q2": '"B"'}))
        _grade_and_check(course, tmp_path, seen, cold=False)
        _grade_and_check(course, tmp_path, seen, cold=True)
    finally:
        server.close()


def test_unconfined_grading_warns_once_and_marks_every_submission(tmp_path, monkeypatch, capsys):
    """Without confinement, is the trainer told once in Chinese what is not protected, is every submission marked
    '未隔离运行' in the 异常提交 sheet, and does a patched check still earn nothing for a wrong answer?"""
    import openpyxl

    from scjg.grading import confine

    course = make_kit(tmp_path, monkeypatch)
    monkeypatch.setenv("SCJG_NO_SANDBOX", "1")
    confine.unavailable.cache_clear()
    released = nbformat.read(str(tmp_path / "notebooks" / LESSON / f"{LESSON}.ipynb"), as_version=4)
    submit(course, LESSON, "good", fill_answers(released, {"q1": "50000", "q2": '"B"'}))
    patched = f"{WRONG}\nfrom scjg import checks as c\nc._fail.__code__ = (lambda message: None).__code__"
    submit(course, LESSON, "code", fill_answers(released, {"q1": patched, "q2": '"B"'}))
    try:
        assert cli("grade", LESSON, "--jobs", "2") == 0
    finally:
        confine.unavailable.cache_clear()
    out = capsys.readouterr().out
    assert out.count("本次评分未能隔离学员代码") == 1 and "成绩库" in out
    assert {lr: auto_scores(course, lr) for lr in ("good", "code")} == {
        "good": {"q1-test": 1.0, "q2-test": 2.0}, "code": {"q1-test": 0.0, "q2-test": 2.0}}
    assert cli("report", LESSON) == 0
    sheet = openpyxl.load_workbook(course / "reports" / f"{LESSON}.xlsx")["异常提交"]
    marked = {row[0] for row in sheet.iter_rows(min_row=2, values_only=True) if "未隔离运行" in str(row[4])}
    assert marked == {"good", "code"}
