"""nbgrader on a trainer's hub server: the cohort's course (its grading/nbgrader_config.py follows on the path)."""
import os

c = get_config()  # noqa: F821 - provided by nbgrader

c.CourseDirectory.course_id = os.environ.get("SCJG_COURSE_ID", "scjg")
c.Exchange.root = os.environ.get("SCJG_EXCHANGE", "/srv/nbgrader/exchange")
if os.environ.get("SCJG_ROOT"):
    c.CourseDirectory.root = os.path.join(os.environ["SCJG_ROOT"], "grading")
