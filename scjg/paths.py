"""Where the kit's folders are.

Two kinds of folder:
- the kit's own data, `datasets/` (statutes, penalty rules, cases): always the copy that belongs to
  this installation of the package ($SCJG_DATASETS overrides it);
- the course workspace, `lessons/`, `notebooks/`, `grading/`: $SCJG_ROOT, else the cohort workspace
  the command is run in (the nearest folder at or above the current one holding `scjg-cohort.yaml`,
  made by `scjg cohort new`), else the kit itself. A cohort's grades so never mix with another's,
  and no data is copied.

Package code calls the functions (resolved at call time); the upper-case names are the values at
import, kept for tests and scripts.
"""
from __future__ import annotations

import os
from pathlib import Path

KIT = Path(__file__).resolve().parent.parent
COHORT_MARKER = "scjg-cohort.yaml"


def find_cohort(start: Path | None = None) -> Path | None:
    """The cohort workspace holding `start` (default: the current folder), or None."""
    here = Path(start or Path.cwd()).resolve()
    for folder in (here, *here.parents):
        if (folder / COHORT_MARKER).is_file():
            return folder
    return None


def repo_root() -> Path:
    """The course workspace (holds lessons/, notebooks/, grading/)."""
    env = os.environ.get("SCJG_ROOT")
    if env:
        return Path(env).resolve()
    return find_cohort() or KIT


def lessons_dir() -> Path:
    return repo_root() / "lessons"


def notebooks_dir() -> Path:
    return repo_root() / "notebooks"


def grading_dir() -> Path:
    return repo_root() / "grading"


ROOT = repo_root()
DATASETS = Path(os.environ["SCJG_DATASETS"]).resolve() if os.environ.get("SCJG_DATASETS") else KIT / "datasets"
LAWS_DIR = DATASETS / "laws"
CASES_DIR = DATASETS / "cases"
LESSONS = ROOT / "lessons"
NOTEBOOKS = ROOT / "notebooks"
GRADING = ROOT / "grading"
