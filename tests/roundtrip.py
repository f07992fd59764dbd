"""Helpers for nbgrader round trips in a temporary course (used by lesson tests)."""
from __future__ import annotations

from pathlib import Path

import nbformat

from scjg.grading import course


def release_in(course_root: Path, lesson_id: str):
    """Generate the learner version in the temporary course; returns the NbGraderAPI."""
    nb_api = course.api(course_root)
    result = nb_api.generate_assignment(lesson_id)
    assert result["success"], result.get("error") or result.get("log")
    return nb_api


def submit(course_root: Path, lesson_id: str, learner: str, nb) -> Path:
    """Place a notebook as learner's submission (submitted/<learner>/<lesson>/<lesson>.ipynb)."""
    folder = course_root / "submitted" / learner / lesson_id
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / f"{lesson_id}.ipynb"
    nbformat.write(nb, str(path))
    (folder / "timestamp.txt").write_text("2026-11-27 09:00:00.000000 UTC")
    return path


def auto_scores(course_root: Path, lesson_id: str, learner: str) -> dict[str, float]:
    """grade_id -> automatic score of each autograder test cell of a graded submission."""
    from nbgrader.api import Gradebook

    with Gradebook(f"sqlite:///{course_root / 'gradebook.db'}") as gb:
        submission = gb.find_submission(lesson_id, learner)
        return {
            grade.name: grade.auto_score
            for notebook in submission.notebooks
            for grade in notebook.grades
            if grade.cell.cell_type == "code"
        }


def autograde_scores(nb_api, course_root: Path, lesson_id: str, learner: str) -> dict[str, float]:
    """Autograde one submission; grade_id -> automatic score of each autograder test cell."""
    result = nb_api.autograde(lesson_id, learner)
    assert result["success"], result.get("error") or result.get("log")
    return auto_scores(course_root, lesson_id, learner)


def source_notebook(course_root: Path, lesson_id: str):
    return nbformat.read(str(course_root.parent / "lessons" / lesson_id / f"{lesson_id}.ipynb"), as_version=4)


def released_notebook(course_root: Path, lesson_id: str):
    return nbformat.read(str(course_root.parent / "notebooks" / lesson_id / f"{lesson_id}.ipynb"), as_version=4)


def grade_typed(course_root: Path, nb_api, lesson_id: str, learner: str, answers: dict[str, str]) -> dict[str, float]:
    """Type `answers` into the released notebook as a learner does, submit it and autograde it."""
    from scjg.grading.fill import type_answers

    nb = type_answers(released_notebook(course_root, lesson_id), answers)
    submit(course_root, lesson_id, learner, nb)
    return autograde_scores(nb_api, course_root, lesson_id, learner)
