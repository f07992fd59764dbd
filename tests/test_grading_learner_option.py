"""`scjg grade LESSON --learner ID` with an unknown id is refused in Chinese before anything is written."""
from __future__ import annotations

import nbformat

from tests.grading_helpers import LESSON, cli, make_kit
from tests.roundtrip import submit


def test_unknown_learner_is_refused_and_nothing_is_written(tmp_path, monkeypatch, capsys):
    """Does --learner ghost exit 1 with a Chinese reason naming ghost, leaving no gradebook and no phantom student?"""
    course = make_kit(tmp_path, monkeypatch)
    released = nbformat.read(str(tmp_path / "notebooks" / LESSON / f"{LESSON}.ipynb"), as_version=4)
    submit(course, LESSON, "alice", released)
    assert cli("grade", LESSON, "--learner", "alice", "--learner", "ghost") == 1
    out = capsys.readouterr().out
    assert "评分失败" in out and "ghost" in out and "没有已收取" in out and "alice" in out
    assert not (course / "gradebook.db").exists()
    assert not (course / ".work" / LESSON / "grade.json").exists()
    assert not (course / "autograded").exists()
