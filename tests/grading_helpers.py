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


CELLS = {"q1-test": (1.0, "code"), "q2-test": (2.0, "code"), "q3-written": (2.0, "markdown")}  # lesson 00's


def build_gradebook(course: Path, marks: dict[str, dict[str, float | None]], lesson: str = LESSON,
                    names: dict[str, str] | None = None) -> None:
    """A gradebook (nbgrader's own API) holding lesson 00's three grade cells and exactly the given scores:
    learner -> grade_id -> score, None for a grade still waiting for a trainer. Code cells get the score as
    automatic, the written answer as manual."""
    from nbgrader.api import Gradebook

    from scjg.grading.course import ensure_venv_on_path
    ensure_venv_on_path()  # nbgrader runs alembic when it creates a gradebook
    with Gradebook(f"sqlite:///{course / 'gradebook.db'}") as gb:
        gb.update_or_create_assignment(lesson)
        gb.add_notebook(lesson, lesson)
        for gid, (points, kind) in CELLS.items():
            gb.add_grade_cell(gid, lesson, lesson, max_score=points, cell_type=kind)
        for learner, row in marks.items():
            gb.add_student(learner, last_name=(names or {}).get(learner, ""))
            gb.add_submission(lesson, learner)
            for gid, score in row.items():
                grade = gb.find_grade(gid, lesson, lesson, learner)
                grade.needs_manual_grade = score is None
                if CELLS[gid][1] == "code":
                    grade.auto_score = score
                else:
                    grade.manual_score = score
            gb.db.commit()
