"""The setup files agree: pyproject pins = environment.yml, README's commands = what CI runs."""
from __future__ import annotations

import tomllib

import yaml
from packaging.requirements import Requirement

from scjg.paths import ROOT


def pinned(lines) -> dict[str, str]:
    reqs = [Requirement(line) for line in lines]
    return {r.name.lower(): str(r.specifier) for r in reqs}


def test_environment_yml_matches_pyproject():
    """Does environment.yml pin exactly the same packages and versions as pyproject.toml?"""
    project = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    env = yaml.safe_load((ROOT / "environment.yml").read_text(encoding="utf-8"))
    pip_section = next(d["pip"] for d in env["dependencies"] if isinstance(d, dict) and "pip" in d)
    conda_pins = pinned(line for line in pip_section if not line.startswith("-"))
    assert conda_pins == pinned(project["dependencies"])
    assert all(spec.startswith("==") for spec in conda_pins.values()), "每个依赖都应固定版本"
    assert "-e ." in pip_section


def test_readme_commands_are_what_ci_runs():
    """Do README's two commands exist in the Makefile, and does .ci/run call README's test command?"""
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    makefile = (ROOT / "Makefile").read_text(encoding="utf-8")
    ci = (ROOT / ".ci" / "run").read_text(encoding="utf-8")
    assert "make lab" in readme and "make test" in readme
    assert "\nlab:" in makefile and "\ntest:" in makefile
    assert "\nmake test\n" in ci


def test_generated_folders_are_ignored(tmp_path):
    """Does git itself ignore the venv (a folder or a symlink), nbgrader's working folders and the trainer's outputs,
    and still track the course config?"""
    import shutil
    import subprocess

    subprocess.run(["git", "init", "-q", str(tmp_path)], check=True)
    shutil.copy(ROOT / ".gitignore", tmp_path / ".gitignore")
    (tmp_path / "elsewhere").mkdir()
    (tmp_path / ".venv").symlink_to(tmp_path / "elsewhere")
    generated = ["grading/submitted/sh001/00-getting-started/00-getting-started.ipynb", "grading/autograded/sh001/x.ipynb",
                 "grading/feedback/sh001/x.html", "grading/gradebook.db", "grading/reports/progress.xlsx",
                 "grading/collect_reports/00-getting-started.csv", "grading/.work/00-getting-started/grade.json",
                 "grading/exchange/scjg/inbound/x", "lessons/00-getting-started/.ipynb_checkpoints/x.ipynb"]
    for path in generated:
        (tmp_path / path).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / path).write_text("x", encoding="utf-8")

    def ignored(path: str) -> bool:
        return subprocess.run(["git", "-C", str(tmp_path), "check-ignore", "-q", path]).returncode == 0

    for path in [".venv", *generated]:
        assert ignored(path), f"git 没有忽略 {path}：请在 .gitignore 中加入对应规则"
    assert not ignored("grading/nbgrader_config.py") and not ignored("grading/roster.example.csv")


def test_second_setup_installs_nothing(tmp_path):
    """With install stamps newer than pyproject.toml, is `make install-test` up to date (and stale after an edit)?"""
    import os
    import shutil
    import subprocess
    import time

    for name in ("Makefile", "pyproject.toml"):
        shutil.copy(ROOT / name, tmp_path / name)
    venv = tmp_path / ".venv"
    (venv / "bin").mkdir(parents=True)
    (venv / "bin" / "python").write_text("#!/bin/sh\n")
    later = time.time() + 5
    for stamp in (".installed", ".installed-test"):
        (venv / stamp).touch()
        os.utime(venv / stamp, (later, later))
    up_to_date = subprocess.run(["make", "-q", "install-test"], cwd=tmp_path)
    assert up_to_date.returncode == 0
    os.utime(tmp_path / "pyproject.toml", (later + 10, later + 10))
    stale = subprocess.run(["make", "-q", "install-test"], cwd=tmp_path)
    assert stale.returncode == 1
