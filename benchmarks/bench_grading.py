"""Benchmark (not a test): stock `nbgrader autograde` vs `scjg grade` on the same demo cohort, both from cold.

    .venv/bin/python benchmarks/bench_grading.py [--learners 40] [--jobs N]

Builds a temporary kit, a demo cohort (scjg demo → scjg collect), then times, each in a fresh process:
stock `nbgrader autograde LESSON` and `nbgrader generate_feedback LESSON` (sequential, their own course copy)
and `scjg grade LESSON --timing` (which autogrades and writes feedback). Prints seconds per submission, the
ratio against stock autograde alone and against stock autograde plus feedback, whether the automatic scores
agree, and where scjg's time goes per submission.
`scjg grade` confines its kernels with bubblewrap where it can; `SCJG_NO_SANDBOX=1` times it unconfined, so
the cost of confinement is the ratio of the two runs' scjg figures:

    .venv/bin/python benchmarks/bench_grading.py --lesson 02-food-safety
    SCJG_NO_SANDBOX=1 .venv/bin/python benchmarks/bench_grading.py --lesson 02-food-safety
"""
from __future__ import annotations

import argparse
import os
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
DEFAULT_LESSON = "00-getting-started"


def kit(base: Path) -> Path:
    (base / "grading").mkdir(parents=True)
    shutil.copy(REPO / "grading" / "nbgrader_config.py", base / "grading")
    for name in ("lessons", "notebooks"):
        shutil.copytree(REPO / name, base / name, ignore=shutil.ignore_patterns(".ipynb_checkpoints", "__pycache__"))
    return base / "grading"


def scores(db: Path, lesson: str) -> dict:
    from nbgrader.api import Gradebook
    with Gradebook(f"sqlite:///{db}") as gb:
        return {s.student.id: {g.name: g.auto_score for n in s.notebooks for g in n.grades if g.cell.cell_type == "code"}
                for s in gb.find_assignment(lesson).submissions}


def main() -> int:
    parser = argparse.ArgumentParser(description="评分速度基准：原版 nbgrader autograde 与 scjg grade 对比")
    parser.add_argument("--lesson", default=DEFAULT_LESSON, help="课程编号（默认 00-getting-started）")
    parser.add_argument("--learners", type=int, default=40)
    parser.add_argument("--keep", type=Path, default=None, help="把临时课程目录复制到此处，便于检查")
    parser.add_argument("--jobs", type=int, default=None)
    parser.add_argument("--seed", type=int, default=2026)
    args = parser.parse_args()
    LESSON = args.lesson  # noqa: N806 - reads like the constant it replaces
    bin_dir = Path(sys.executable).parent
    env = dict(os.environ, PATH=f"{bin_dir}{os.pathsep}{os.environ.get('PATH', '')}")
    with tempfile.TemporaryDirectory(prefix="scjg-bench-") as tmp:
        ours = kit(Path(tmp) / "scjg")
        env_ours = dict(env, SCJG_ROOT=str(ours.parent))
        run = [sys.executable, "-m", "scjg.cli"]
        subprocess.run([*run, "demo", LESSON, "--learners", str(args.learners), "--seed", str(args.seed),
                        "--out", str(Path(tmp) / "cohort.zip")], env=env_ours, check=True, capture_output=True)
        subprocess.run([*run, "collect", LESSON, str(Path(tmp) / "cohort.zip")], env=env_ours, check=True,
                       capture_output=True)
        stock = kit(Path(tmp) / "stock")
        shutil.copytree(ours / "submitted", stock / "submitted")
        readable = []
        for folder in sorted((stock / "submitted").iterdir()):  # stock nbgrader stops on a corrupt file: leave those out
            try:
                import nbformat
                nbformat.read(str(folder / LESSON / f"{LESSON}.ipynb"), as_version=4)
                readable.append(folder.name)
            except Exception:  # noqa: BLE001
                shutil.rmtree(folder)
                shutil.rmtree(ours / "submitted" / folder.name)
        n = len(readable)
        # stock: register the assignment (not timed: scjg grade does its own registration inside its timing)
        subprocess.run(["nbgrader", "generate_assignment", LESSON, "--force"], cwd=stock, env=env, check=True,
                       capture_output=True)
        start = time.perf_counter()
        subprocess.run(["nbgrader", "autograde", LESSON], cwd=stock, env=env, check=True, capture_output=True)
        t_stock = time.perf_counter() - start
        start = time.perf_counter()
        subprocess.run(["nbgrader", "generate_feedback", LESSON], cwd=stock, env=env, check=True, capture_output=True)
        t_feedback = time.perf_counter() - start
        start = time.perf_counter()
        jobs = ["--jobs", str(args.jobs)] if args.jobs else []
        graded = subprocess.run([*run, "grade", LESSON, "--timing", *jobs], env=env_ours, check=True,
                                capture_output=True, text=True)
        t_ours = time.perf_counter() - start
        phases = graded.stdout[graded.stdout.find("每份作业平均用时"):].split("\n反馈：")[0].rstrip()
        theirs, mine = scores(stock / "gradebook.db", LESSON), scores(ours / "gradebook.db", LESSON)
        same = theirs == mine
        for learner in sorted(set(theirs) | set(mine)):
            a, b = theirs.get(learner, {}), mine.get(learner, {})
            diff = {k: (a.get(k), b.get(k)) for k in sorted(set(a) | set(b)) if a.get(k) != b.get(k)}
            if diff:
                print(f"  不一致 {learner}：（原版, scjg）{diff}")
        if args.keep:
            shutil.copytree(tmp, args.keep, dirs_exist_ok=True)
    print(f"学员数：{n}（CPU 核数 {os.cpu_count()}）")
    print(f"原版 nbgrader autograde：{t_stock:.1f} 秒，每份 {t_stock / n:.2f} 秒")
    print(f"原版 nbgrader generate_feedback：{t_feedback:.1f} 秒，每份 {t_feedback / n:.2f} 秒")
    print(f"scjg grade（含反馈生成）：{t_ours:.1f} 秒，每份 {t_ours / n:.2f} 秒")
    print(f"加速比（对原版 autograde）：{t_stock / t_ours:.2f} 倍；"
          f"（对原版 autograde + generate_feedback）：{(t_stock + t_feedback) / t_ours:.2f} 倍；"
          f"自动评分结果一致：{'是' if same else '否'}")
    print(f"scjg grade 的用时分布（墙钟总时间含登记作业、启动评分进程和答案自检）：\n{phases}")
    return 0 if same else 1


if __name__ == "__main__":
    sys.exit(main())
