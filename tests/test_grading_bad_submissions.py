"""Bad submissions in one parallel grading run: each is graded or marked in Chinese, and none harms the others."""
from __future__ import annotations

import json

import nbformat
import pytest

from scjg.grading.fill import fill_answers
from tests.grading_helpers import LESSON, auto_scores, cli, make_kit, scores
from tests.roundtrip import submit

pytestmark = pytest.mark.slow

FAKE = "type('Any', (), {'__eq__': lambda s, o: True, '__hash__': lambda s: 0})()"


def _released(kit):
    return nbformat.read(str(kit / "notebooks" / LESSON / f"{LESSON}.ipynb"), as_version=4)


def _without(nb, grade_id):
    nb.cells = [c for c in nb.cells if c.get("metadata", {}).get("nbgrader", {}).get("grade_id") != grade_id]
    return nb


def _cell(nb, grade_id):
    return next(c for c in nb.cells if c.get("metadata", {}).get("nbgrader", {}).get("grade_id") == grade_id)


def test_bad_submissions_are_graded_or_marked(tmp_path, monkeypatch):
    """Are kernel death, endless loops, a memory bomb, deleted/tampered cells, fake equality and patched checks
    each graded or marked with a Chinese reason, while the good submission next to them gets full marks?"""
    course = make_kit(tmp_path, monkeypatch)
    released = _released(tmp_path)
    good = {"q1": "50000", "q2": '"B"'}
    cases = {
        "good": fill_answers(released, good),
        "died": fill_answers(released, {"q1": "50000\nimport os\nos._exit(1)", "q2": '"B"'}),
        "loop": fill_answers(released, {"q1": "50000\nwhile True:\n    pass", "q2": '"B"'}),
        "stubborn": fill_answers(released, {"q1": "50000\nimport time\nwhile True:\n    try:\n        time.sleep(0.2)\n"
                                                  "    except KeyboardInterrupt:\n        pass", "q2": '"B"'}),
        "membomb": fill_answers(released, {"q1": "50000\ndef bomb():\n    hog = []\n    while True:\n"
                                                 "        hog.append(bytearray(10**8))\nbomb()", "q2": '"B"'}),
        "notest": _without(fill_answers(released, good), "q2-test"),
        "noanswer": _without(fill_answers(released, good), "q1-answer"),
        "faker": fill_answers(released, {"q1": FAKE, "q2": FAKE}),
        "patcher": fill_answers(released, {
            "q1": '"1元"\nimport scjg.checks\nscjg.checks.expect_amount = lambda *a, **k: None', "q2": '"B"'}),
    }
    tampered = fill_answers(released, {"q1": '"1元"', "q2": '"B"'})
    _cell(tampered, "q1-test").source = "# 我把检查删了\npass"
    cases["tampered"] = tampered
    for learner, nb in cases.items():
        submit(course, LESSON, learner, nb)

    assert cli("grade", LESSON, "--jobs", "2", "--timeout", "8", "--memory-mb", "1500") == 0
    status = json.loads((course / ".work" / LESSON / "grade.json").read_text(encoding="utf-8"))
    auto = {learner: auto_scores(course, learner) for learner in cases}
    total = {learner: sum(v or 0 for v in s.values()) for learner, s in auto.items()}

    assert auto["good"] == {"q1-test": 1.0, "q2-test": 2.0} and not status["good"]["notes"]
    assert total["died"] == 0 and "内核意外退出" in status["died"]["notes"][0]
    assert auto["loop"] == {"q1-test": 1.0, "q2-test": 2.0}          # interrupted, the rest still graded
    assert total["stubborn"] == 0 and status["stubborn"]["status"] == "failed"
    assert any(("超时" in n or "超过" in n or "内核意外退出" in n) for n in status["stubborn"]["notes"])
    assert auto["membomb"] == {"q1-test": 1.0, "q2-test": 2.0}       # MemoryError in its own cell only
    assert auto["notest"] == {"q1-test": 1.0, "q2-test": 2.0}        # deleted test re-added and graded
    assert any("测试单元格" in n and "被删除" in n for n in status["notest"]["notes"])
    assert auto["noanswer"] == {"q1-test": 0.0, "q2-test": 2.0}
    assert any("答题单元格" in n and "被删除" in n for n in status["noanswer"]["notes"])
    assert auto["tampered"] == {"q1-test": 0.0, "q2-test": 2.0}      # the original test was restored
    assert any("被修改" in n for n in status["tampered"]["notes"])
    assert total["faker"] == 0
    # the verdict is taken outside the kernel: the patch changes nothing, the wrong q1 scores 0, q2 its 2 points
    assert auto["patcher"] == {"q1-test": 0.0, "q2-test": 2.0}
    assert any("疑似篡改评分" in n for n in status["patcher"]["notes"])

    # the report lists what went wrong and what a trainer must check
    assert cli("report", LESSON) == 0
    import openpyxl
    wb = openpyxl.load_workbook(course / "reports" / f"{LESSON}.xlsx")
    issues = {(r[0], r[4]) for r in wb["异常提交"].iter_rows(min_row=2, values_only=True)}
    assert any(lr == "patcher" and "篡改" in text for lr, text in issues)
    pending = {r[0] for r in wb["待人工评分"].iter_rows(min_row=2, values_only=True) if r[2] == "全卷"}
    assert {"died", "stubborn"} <= pending

    # re-grading one learner is idempotent and leaves the others untouched
    before = scores(course)
    assert cli("grade", LESSON, "--jobs", "1", "--learner", "good") == 0
    assert scores(course) == before
