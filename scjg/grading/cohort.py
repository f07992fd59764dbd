"""`scjg cohort new NAME`: a course workspace for one 班次, whose grades never mix with another's.

A workspace is a folder holding `scjg-cohort.yaml` (its name and Chinese title), the lessons as they are
taught to this cohort (`lessons/`, `notebooks/`, copied from the kit) and its own nbgrader course
(`grading/`: config, roster, submissions, gradebook, reports). The statutes and cases are not copied:
they stay with the package. Every `scjg` verb run inside the folder (or with `--course DIR`) works on it.
`--demo LESSON` fills the new workspace with a synthetic cohort to rehearse on.
"""
from __future__ import annotations

import datetime as dt
import shutil
from pathlib import Path

import yaml

from .. import paths
from . import common

IGNORE = shutil.ignore_patterns(".ipynb_checkpoints", "__pycache__", "*.pyc")


def new(name: str, parent: Path | None = None, title: str = "") -> Path:
    """Create the workspace `parent/name` (default: in the current folder); return it."""
    if not common.LEARNER_ID.match(name):
        raise ValueError(f"班次名称“{name}”只能用英文字母、数字、点、横线和下划线（例如 2026-spring-1）；中文名称请用 --title")
    target = (Path(parent or Path.cwd()) / name).resolve()
    if target.exists() and any(target.iterdir()):
        raise ValueError(f"文件夹 {target} 已存在且不为空：请换一个班次名称，或先移走该文件夹")
    kit = paths.KIT
    for folder in ("lessons", "notebooks"):
        shutil.copytree(kit / folder, target / folder, ignore=IGNORE, dirs_exist_ok=True)
    grading = target / "grading"
    grading.mkdir()
    config = (kit / "grading" / "nbgrader_config.py").read_text(encoding="utf-8")
    config += f"\n# 本班次的课程编号（nbgrader course_id），使各班次在同一交换目录中互不混淆。\nc.CourseDirectory.course_id = {name!r}\n"
    (grading / "nbgrader_config.py").write_text(config, encoding="utf-8")
    for extra in ("roster.example.csv", "README.md"):
        shutil.copy(kit / "grading" / extra, grading / extra)
    marker = {"name": name, "title": title or name, "created": dt.date.today().isoformat(), "kit": str(kit)}
    (target / paths.COHORT_MARKER).write_text(
        "# 班次工作区（scjg cohort new 建立）：在本文件夹内运行的 scjg 命令只处理本班次。\n"
        + yaml.safe_dump(marker, allow_unicode=True, sort_keys=False), encoding="utf-8")
    return target


def describe(workspace: Path) -> dict:
    """The marker of a workspace ({} for the kit's own)."""
    marker = Path(workspace) / paths.COHORT_MARKER
    return yaml.safe_load(marker.read_text(encoding="utf-8")) or {} if marker.is_file() else {}


def add_demo(workspace: Path, lesson_id: str, learners: int) -> Path:
    """A synthetic cohort's returned notebooks (zip) and roster in the workspace; returns the zip."""
    from .demo import build_cohort, write_bundle, write_roster

    course_root = workspace / "grading"
    cohort = build_cohort(course_root, lesson_id, learners)
    write_roster(cohort, course_root / "roster.csv")
    return write_bundle(cohort, workspace / f"demo-{lesson_id}.zip")


def add_arguments(parser) -> None:
    sub = parser.add_subparsers(dest="action", metavar="操作", required=True)
    make = sub.add_parser("new", help="新建班次工作区", description="新建一个班次工作区：成绩、名单、报告只属于本班次")
    make.add_argument("name", metavar="班次名称", help="ASCII 名称，也是文件夹名，例如 2026-spring-1")
    make.add_argument("--dir", type=Path, default=None, help="在哪个文件夹下建立（默认：当前文件夹）")
    make.add_argument("--title", default="", help="中文名称，例如“2026年春季第一期食品安全执法培训班”")
    make.add_argument("--demo", default=None, metavar="课程编号", help="同时生成一个模拟学员班级（交回的作业 zip 和名单），用于演练")
    make.add_argument("--learners", type=int, default=12, help="模拟学员人数（默认 12）")
    sub.add_parser("show", help="显示当前所在的工作区")


def run(args) -> int:
    if args.action == "show":
        workspace = paths.repo_root()
        info = describe(workspace)
        where = f"班次“{info.get('title')}”（{info.get('name')}）" if info else "工具包自带的工作区（不属于任何班次）"
        print(f"当前工作区：{workspace}\n{where}")
        return 0
    try:
        workspace = new(args.name, args.dir, args.title)
        bundle = add_demo(workspace, args.demo, args.learners) if args.demo else None
    except ValueError as err:
        print(f"新建班次失败：{err}")
        return 1
    print(f"已建立班次工作区：{workspace}")
    print("  lessons/、notebooks/ 是本班次使用的课程；grading/ 存放本班次的名单、作业、成绩库和报告。")
    print(f"  学员名单：把名单保存为 {workspace / 'grading' / 'roster.csv'}（格式见同目录 roster.example.csv）。")
    lesson = args.demo or "00-getting-started"
    returned = bundle.name if bundle else "交回的作业.zip"
    if bundle:
        print(f"  已生成模拟班级 {args.learners} 人：交回的作业 {bundle}，名单 grading/roster.csv。")
    print(f"下一步：\n  cd {workspace}\n  scjg collect {lesson} {returned}\n  scjg grade {lesson}\n"
          f"  scjg report {lesson}\n  scjg progress")
    return 0
