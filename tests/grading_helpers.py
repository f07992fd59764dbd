"""Shared helpers for the grading-pipeline tests: a temporary kit, the CLI, gradebook scores."""
from __future__ import annotations

import shutil
from pathlib import Path

from scjg.paths import ROOT

LESSON = "00-getting-started"


def make_kit(tmp_path: Path, monkeypatch) -> Path:
    """A copy of grading/nbgrader_config.py, lessons/ and notebooks/ with SCJG_ROOT pointing at it; returns the course root."""
    (tmp_path / "grading").mkdir()
    shutil.copy(ROOT / "grading" / "nbgrader_config.py", tmp_path / "grading" / "nbgrader_config.py")
    ignore = shutil.ignore_patterns(".ipynb_checkpoints", "__pycache__")
    shutil.copytree(ROOT / "lessons", tmp_path / "lessons", ignore=ignore)
    shutil.copytree(ROOT / "notebooks", tmp_path / "notebooks", ignore=ignore)
    monkeypatch.setenv("SCJG_ROOT", str(tmp_path))
    return tmp_path / "grading"


def cli(*args: str) -> int:
    from scjg.cli import main
    return main(list(args))


def auto_scores(course: Path, learner: str) -> dict[str, float]:
    """grade_id -> automatic score of the code test cells in the course gradebook."""
    from tests.roundtrip import auto_scores as read
    return read(course, LESSON, learner)


def scores(course: Path) -> dict[str, dict[str, float | None]]:
    """learner -> grade_id -> score (manual over automatic) for every submission of the lesson."""
    from nbgrader.api import Gradebook

    with Gradebook(f"sqlite:///{course / 'gradebook.db'}") as gb:
        return {sub.student.id: {g.name: g.score for nb in sub.notebooks for g in nb.grades}
                for sub in gb.find_assignment(LESSON).submissions}
