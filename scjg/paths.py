"""Where the kit's folders are: the repository the package lives in, or $SCJG_ROOT."""
from __future__ import annotations

import os
from pathlib import Path


def repo_root() -> Path:
    """The kit's top folder (holds lessons/, notebooks/, datasets/, grading/)."""
    env = os.environ.get("SCJG_ROOT")
    if env:
        return Path(env).resolve()
    return Path(__file__).resolve().parent.parent


ROOT = repo_root()
DATASETS = ROOT / "datasets"
LAWS_DIR = DATASETS / "laws"
CASES_DIR = DATASETS / "cases"
LESSONS = ROOT / "lessons"
NOTEBOOKS = ROOT / "notebooks"
GRADING = ROOT / "grading"
