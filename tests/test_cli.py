"""The `scjg` command: verbs, release, doctor."""
from __future__ import annotations

import hashlib
import os
import subprocess
import sys
from pathlib import Path

from scjg import cli
from scjg.paths import NOTEBOOKS

SCJG = str(Path(sys.executable).parent / "scjg")


def test_help_lists_verbs_in_chinese():
    """Does `scjg --help` list every verb with a Chinese description?"""
    out = subprocess.run([SCJG, "--help"], capture_output=True, text=True, check=True,
                         env={**os.environ, "COLUMNS": "400"}).stdout
    words = " ".join(out.split())  # a long verb puts its help on the next line
    for verb, (_module, help_text) in cli.VERBS.items():
        assert f" {verb} {help_text}" in words, verb


def test_every_verb_module_has_the_interface():
    """Does each verb's module expose add_arguments and run?"""
    import importlib
    for module_name, _help in cli.VERBS.values():
        module = importlib.import_module(module_name)
        assert callable(module.add_arguments) and callable(module.run)


def test_release_twice_changes_nothing(tmp_path):
    """Does a second `scjg release` write byte-identical files?"""
    assert cli.main(["release", "00-getting-started", "--dest", str(tmp_path)]) == 0
    first = hashlib.sha256((tmp_path / "00-getting-started" / "00-getting-started.ipynb").read_bytes()).hexdigest()
    assert cli.main(["release", "00-getting-started", "--dest", str(tmp_path)]) == 0
    second = hashlib.sha256((tmp_path / "00-getting-started" / "00-getting-started.ipynb").read_bytes()).hexdigest()
    assert first == second
    assert (tmp_path / "00-getting-started" / "00-getting-started.ipynb").read_bytes() == \
        (NOTEBOOKS / "00-getting-started" / "00-getting-started.ipynb").read_bytes()


def test_release_unknown_lesson(tmp_path, capsys):
    """Does releasing an unknown lesson fail with a Chinese message and write nothing?"""
    assert cli.main(["release", "99-nope", "--dest", str(tmp_path)]) == 1
    assert "课程目录中没有" in capsys.readouterr().out
    assert list(tmp_path.iterdir()) == []


def test_doctor_reports_in_chinese():
    """Does `scjg doctor` check fonts, language pack and nbgrader, and pass on this machine?"""
    proc = subprocess.run([SCJG, "doctor"], capture_output=True, text=True)
    for name in ("中文字体", "JupyterLab 中文界面", "nbgrader 扩展", "Python 版本"):
        assert name in proc.stdout
    assert proc.returncode == 0, proc.stdout
