"""The nbgrader course: its config, loaded from grading/nbgrader_config.py, and the API object."""
from __future__ import annotations

import os
import sys
from pathlib import Path

from ..paths import GRADING


def ensure_venv_on_path() -> None:
    """nbgrader shells out to `alembic` when it creates a gradebook: put this Python's bin first on PATH."""
    bin_dir = str(Path(sys.executable).parent)
    parts = os.environ.get("PATH", "").split(os.pathsep)
    if parts[0] != bin_dir:
        os.environ["PATH"] = os.pathsep.join([bin_dir, *[p for p in parts if p != bin_dir]])


def load_config(course_root: Path | None = None, **overrides):
    """The course's traitlets Config, with CourseDirectory options overridden by keyword."""
    from traitlets.config import Config
    from traitlets.config.loader import PyFileConfigLoader

    root = Path(course_root or GRADING).resolve()
    loader = PyFileConfigLoader("nbgrader_config.py", path=str(root))
    config = loader.load_config()
    config.CourseDirectory.root = str(root)
    for key, value in overrides.items():
        setattr(config.CourseDirectory, key, value)
    return config


def api(course_root: Path | None = None, **overrides):
    """An NbGraderAPI for the course (quiet, with alembic reachable)."""
    import logging

    from nbgrader.apps import NbGraderAPI
    from nbgrader.coursedir import CourseDirectory

    ensure_venv_on_path()
    config = load_config(course_root, **overrides)
    coursedir = CourseDirectory(config=config)
    nb_api = NbGraderAPI(coursedir=coursedir, config=config)
    nb_api.log.setLevel(logging.ERROR)
    return nb_api
