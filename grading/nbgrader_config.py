"""nbgrader configuration of the 市场监管大讲堂 course.

The course root is this folder (grading/). Lessons are authored in ../lessons and
released to ../notebooks; nbgrader accepts folders outside its root. Working folders
(submitted, autograded, feedback, gradebook.db, reports) are created here and git-ignored.
"""
import os

c = get_config()  # noqa: F821 - provided by nbgrader

HERE = os.path.dirname(os.path.abspath(__file__))

c.CourseDirectory.root = HERE
c.CourseDirectory.course_id = "scjg"
c.CourseDirectory.source_directory = os.path.join("..", "lessons")
c.CourseDirectory.release_directory = os.path.join("..", "notebooks")
# Only the graded assignment notebook (<lesson id>.ipynb, e.g. 02-food-safety.ipynb) is an nbgrader
# notebook: the lecture (lecture.ipynb) beside it is never released, collected or autograded by
# nbgrader (`scjg release` copies it to the learners as it is).
c.CourseDirectory.notebook_id = "[0-9][0-9]-*"
# plan.md holds the answer key and rubric: it stays with the trainer.
c.CourseDirectory.ignore = [".ipynb_checkpoints", "*.pyc", "__pycache__", "feedback", "plan.md", "*.bak"]

# The exchange (release/fetch/submit inside JupyterLab) lives in the course folder by default, so a
# single training machine works without root. On a shared server (deploy/jupyterhub) the hub sets
# $SCJG_EXCHANGE to a folder every account can write, e.g. /srv/nbgrader/exchange.
c.Exchange.root = os.environ.get("SCJG_EXCHANGE") or os.path.join(HERE, "exchange")

# On a hub the trainers share one PostgreSQL gradebook ($SCJG_DB, set by the hub for trainers): formgrader
# reads it, and `scjg grade`/`scjg report` use it when no --db is given.
if os.environ.get("SCJG_DB"):
    c.CourseDirectory.db_url = os.environ["SCJG_DB"]

# A learner sees `%%answer q1` and an empty line to type the answer on (or, in 进阶 data
# questions, `q12 = ...  # ← hint`), never `raise NotImplementedError()`.
c.ClearSolutions.code_stub = {"python": ""}
c.ClearSolutions.text_stub = "（双击本单元格，在此处写下你的答案。）"

# Per-cell timeout when autograding, in seconds; an endless loop in one answer
# cannot hold up the cohort.
c.Execute.timeout = 60
c.Execute.interrupt_on_timeout = True
