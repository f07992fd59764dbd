"""Shared fixtures: a temporary copy of the course for nbgrader round trips."""
from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from scjg.paths import ROOT

REPO = ROOT


@pytest.fixture
def temp_course(tmp_path: Path) -> Path:
    """A copy of grading/ and lessons/ in tmp_path; returns the course root (tmp_path/grading)."""
    (tmp_path / "grading").mkdir()
    shutil.copy(REPO / "grading" / "nbgrader_config.py", tmp_path / "grading" / "nbgrader_config.py")
    shutil.copytree(REPO / "lessons", tmp_path / "lessons", ignore=shutil.ignore_patterns(".ipynb_checkpoints", "kernel-*", "__pycache__"))
    return tmp_path / "grading"
