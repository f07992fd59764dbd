"""The answer-key self-check: grade the lesson's key before the cohort; a key short of full marks stops the run."""
from __future__ import annotations

import shutil
from pathlib import Path
from typing import TYPE_CHECKING

from . import common

if TYPE_CHECKING:
    from .pool import Pool


def check_answer_key(pool: "Pool", course_root: Path, lesson_id: str, work: Path) -> None:
    """Grade the lesson's answer key first: if it does not score full marks here, the environment is
    broken (missing data, a failing package), and grading the cohort would zero everyone silently."""
    entry = common.lesson_entry(course_root, lesson_id)
    full = float(entry.get("points", 0) or 0)
    source = common.kit_root(course_root) / "lessons" / lesson_id / f"{lesson_id}.ipynb"
    if not full or not source.exists():
        return
    folder = work / "answer-key" / lesson_id
    shutil.rmtree(folder, ignore_errors=True)
    folder.mkdir(parents=True)
    shutil.copy(source, folder / source.name)
    (folder / "timestamp.txt").write_text("2000-01-01 00:00:00.000000 UTC")
    results: list[dict] = []
    pool.run([{"learner": "answer-key", "canary": True, "source": str(folder)}], results.append)
    result = results[0]
    got = sum((g["auto_score"] or 0) for g in result["grades"].values() if g["cell_type"] == "code")
    if result["status"] != "ok" or abs(got - full) > 1e-6:
        detail = "；".join(result["notes"]) or "无错误信息"
        raise RuntimeError(
            f"评分环境自检未通过：课程 {lesson_id} 的标准答案在本机只得 {got:g}/{full:g} 分（{detail}）。"
            "这是评分环境的问题（例如缺少数据文件或依赖包），不是学员的问题；已停止评分，成绩库未改动。"
            "请运行 scjg doctor 检查环境，或加 --cold-kernels 重试。")
