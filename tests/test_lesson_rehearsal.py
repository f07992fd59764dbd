"""Rehearsal for every available lesson: scjg demo → collect → grade → report, with the exact scores."""
from __future__ import annotations

import json

import openpyxl
import pytest

from scjg import catalog
from tests.grading_helpers import cli, make_kit
from tests.roundtrip import auto_scores

pytestmark = pytest.mark.slow


@pytest.mark.parametrize("lesson_id", catalog.ids())
def test_demo_cohort_all_correct_learner_scores_full_marks(tmp_path, monkeypatch, lesson_id):
    """Does the demo's all-correct learner score the catalog's full automatic points, and every other learner
    exactly what the demo predicts, through collect, grade and report?"""
    course = make_kit(tmp_path, monkeypatch)
    bundle, expected_file = tmp_path / "cohort.zip", tmp_path / "expected.json"
    assert cli("demo", lesson_id, "--learners", "4", "--seed", "11", "--out", str(bundle),
               "--expected", str(expected_file)) == 0
    expected = json.loads(expected_file.read_text(encoding="utf-8"))
    assert cli("collect", lesson_id, str(bundle)) == 0
    assert cli("grade", lesson_id, "--jobs", "2") == 0

    perfect = auto_scores(course, lesson_id, "sh001")
    assert sum(perfect.values()) == catalog.lesson(lesson_id)["points"]
    assert all(score > 0 for score in perfect.values())
    for learner, want in expected.items():
        if want is not None:
            assert auto_scores(course, lesson_id, learner) == want, learner

    feedback = course / "feedback" / "sh001" / lesson_id / f"{lesson_id}.html"
    assert "正确答案" not in feedback.read_text(encoding="utf-8"), "默认不应发布答案"
    assert cli("grade", lesson_id, "--feedback-only", "--release-answers") == 0
    html = feedback.read_text(encoding="utf-8")
    assert "第1题 正确答案" in html and "解析" in html
    assert "AssertionError" not in html and "HIDDEN TESTS" not in html

    assert cli("report", lesson_id) == 0
    book = openpyxl.load_workbook(course / "reports" / f"{lesson_id}.xlsx")
    text = "\n".join(str(c.value) for sheet in book for row in sheet.iter_rows() for c in row if c.value is not None)
    assert "sh001" in text and "sh002" in text
