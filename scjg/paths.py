"""Where the kit's folders are.

Two kinds of folder:
- the kit's own data, `datasets/` (statutes, penalty rules, cases): always the copy that belongs to
  this installation of the package ($SCJG_DATASETS overrides it);
- the course workspace, `lessons/`, `notebooks/`, `grading/`: the repository by default, or
  $SCJG_ROOT, so a trainer can run a cohort in a folder of their own without copying the data.
"""
from __future__ import annotations

import os
from pathlib import Path

KIT = Path(__file__).resolve().parent.parent


def repo_root() -> Path:
    """The course workspace (holds lessons/, notebooks/, grading/)."""
    env = os.environ.get("SCJG_ROOT")
    if env:
        return Path(env).resolve()
    return KIT


ROOT = repo_root()
DATASETS = Path(os.environ["SCJG_DATASETS"]).resolve() if os.environ.get("SCJG_DATASETS") else KIT / "datasets"
LAWS_DIR = DATASETS / "laws"
CASES_DIR = DATASETS / "cases"
LESSONS = ROOT / "lessons"
NOTEBOOKS = ROOT / "notebooks"
GRADING = ROOT / "grading"
