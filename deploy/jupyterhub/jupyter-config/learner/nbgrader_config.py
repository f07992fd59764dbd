"""nbgrader on a learner's hub server: the cohort's course on the hub's shared exchange, lessons fetched home."""
import os

c = get_config()  # noqa: F821 - provided by nbgrader

c.CourseDirectory.course_id = os.environ.get("SCJG_COURSE_ID", "scjg")
c.Exchange.root = os.environ.get("SCJG_EXCHANGE", "/srv/nbgrader/exchange")
c.Exchange.assignment_dir = os.path.expanduser("~")
