"""A broken grading environment stops the run instead of zeroing a cohort; kit data does not move with the course."""
from __future__ import annotations

import os
import subprocess
import sys

import pytest
import yaml

from tests.grading_helpers import LESSON, cli, make_kit

pytestmark = pytest.mark.slow


def test_answer_key_check_stops_a_broken_run(tmp_path, monkeypatch, capsys):
    """When the answer key cannot score full marks here, does grading stop with a Chinese reason and write no grades?"""
    course = make_kit(tmp_path, monkeypatch)
    catalog = tmp_path / "lessons" / "catalog.yaml"
    data = yaml.safe_load(catalog.read_text(encoding="utf-8"))
    for entry in data["lessons"]:
        if entry["id"] == LESSON:
            entry["points"] += 1  # the key can no longer reach the catalog's full marks
    catalog.write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")
    assert cli("demo", LESSON, "--learners", "3", "--out", str(tmp_path / "cohort.zip")) == 0
    assert cli("collect", LESSON, str(tmp_path / "cohort.zip")) == 0
    capsys.readouterr()
    assert cli("grade", LESSON, "--jobs", "1") == 1
    out = capsys.readouterr().out
    assert "评分环境自检未通过" in out and "标准答案" in out and "3/4" in out
    assert not (course / "autograded").exists()
    from nbgrader.api import Gradebook
    with Gradebook(f"sqlite:///{course / 'gradebook.db'}") as gb:
        assert gb.find_assignment(LESSON).submissions == []


def test_datasets_stay_with_the_kit(tmp_path):
    """With SCJG_ROOT set to a course folder, do lessons move there while the statutes and cases stay with the kit?"""
    code = "from scjg import paths; print(paths.LESSONS); print(paths.DATASETS)"
    env = {**os.environ, "SCJG_ROOT": str(tmp_path)}
    env.pop("SCJG_DATASETS", None)
    lessons, datasets = subprocess.run([sys.executable, "-c", code], env=env, capture_output=True, text=True,
                                       check=True).stdout.split()
    assert lessons == str(tmp_path / "lessons")
    assert (__import__("pathlib").Path(datasets) / "laws" / "manifest.yaml").is_file()


@pytest.mark.parametrize("url, expected", [
    ("not-a-url", "格式不对"),
    ("postgresql+psycopg2://trainer:secret@127.0.0.1/course", "需要数据库驱动"),
    ("sqlite:////nonexistent-folder/gradebook.db", "无法连接成绩库"),
])
def test_bad_database_url(tmp_path, monkeypatch, capsys, url, expected):
    """Does a bad --db give a Chinese reason (password hidden) instead of a traceback?"""
    make_kit(tmp_path, monkeypatch)
    assert cli("report", LESSON, "--db", url) == 1
    out = capsys.readouterr().out
    assert expected in out and "secret" not in out and "Traceback" not in out


def test_gbk_roster_and_bad_ids(tmp_path, monkeypatch, capsys):
    """Is a roster saved by Excel in GBK read, and is a row with a non-ASCII id reported rather than dropped silently?"""
    from scjg.grading.common import load_roster

    course = make_kit(tmp_path, monkeypatch)
    (course / "roster.csv").write_bytes("学员编号,姓名\nsh001,张某\n张三,李某\nSH002,王某\n".encode("gbk"))
    roster = load_roster(course)
    assert roster == {"sh001": "张某", "sh002": "王某"}
    out = capsys.readouterr().out
    assert "第3行“张三”" in out and "第1行" not in out
