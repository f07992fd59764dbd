"""The trainer's pipeline on nbgrader's API, one module per stage: release, collect, grade, report, demo."""
