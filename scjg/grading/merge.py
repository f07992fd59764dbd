"""Write one worker result into the course gradebook (the parent is its only writer), keeping manual scores."""
from __future__ import annotations

from pathlib import Path


def merge(gb, lesson_id: str, result: dict, roster: dict[str, str], course_root: Path) -> None:
    """Write one worker result into the course gradebook (the only writer), keeping manual scores."""
    import datetime as dt

    learner = result["learner"]
    gb.update_or_create_student(learner, last_name=roster.get(learner, ""), first_name="")
    stamp = None
    if result.get("timestamp"):
        stamp = dt.datetime.fromisoformat(result["timestamp"])
    else:
        ts_file = course_root / "submitted" / learner / lesson_id / "timestamp.txt"
        if ts_file.is_file():
            from nbgrader.utils import parse_utc
            try:
                stamp = parse_utc(ts_file.read_text(encoding="utf-8").strip())
            except (ValueError, OverflowError):  # an unreadable timestamp.txt: no submission time
                stamp = None
    submission = gb.update_or_create_submission(lesson_id, learner, timestamp=stamp)
    for notebook in submission.notebooks:
        notebook.flagged = result["status"] != "ok" or any("篡改" in n for n in result["notes"])
        for grade in notebook.grades:
            info = result["grades"].get(grade.name)
            if info is None:  # failed before grading: automatic tests 0, written answers left to the trainer
                if grade.cell.cell_type == "code":
                    grade.auto_score = 0.0
                    grade.needs_manual_grade = False
                else:
                    grade.auto_score = None
                    grade.needs_manual_grade = grade.manual_score is None
                continue
            grade.auto_score = info["auto_score"]
            grade.needs_manual_grade = info["needs_manual_grade"] and grade.manual_score is None
        for comment in notebook.comments:
            comment.auto_comment = result["comments"].get(comment.name)
    gb.db.commit()
