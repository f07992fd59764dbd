"""`scjg progress`: where every learner of a cohort stands, lesson by lesson (for self-paced study).

For each learner (roster, gradebook and collected submissions together) and each available lesson:
handed in or not, the automatic score, whether manual grading is still waited for, and whether the
lesson is passed by its `pass_mark` in lessons/catalog.yaml (a score out of points + manual_points;
60 % of that where the catalog gives none). A lesson still waiting for manual grading is already
passed when the scores so far reach the mark, and already failed when even full manual marks could not.
Writes reports/progress.xlsx (学习进度: one row per learner; 进度明细: one row per learner and lesson)
and reports/progress.png (a learner × lesson chart).
"""
from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from .. import catalog
from . import common

NOT_IN, UNGRADED, PENDING, PASSED, FAILED = "未交", "已交，未评分", "待人工评分", "通过", "未通过"
COLOURS = {NOT_IN: "#d9d9d9", UNGRADED: "#9ecae1", PENDING: "#fdd86a", PASSED: "#5aae61", FAILED: "#e7664c"}


@dataclass
class Standing:
    """One learner in one lesson."""

    handed_in: bool
    auto: float | None = None      # automatic score
    score: float | None = None     # total so far (manual scores included)
    pending: bool = False          # a grade still needs a trainer
    status: str = NOT_IN


def pass_mark(entry: dict) -> float:
    """The lesson's pass mark in points (catalog `pass_mark`, else 60 % of its full marks)."""
    full = float(entry.get("points", 0) or 0) + float(entry.get("manual_points", 0) or 0)
    return float(entry["pass_mark"]) if entry.get("pass_mark") is not None else round(0.6 * full, 1)


def _status(standing: Standing, entry: dict) -> str:
    if not standing.handed_in:
        return NOT_IN
    if standing.score is None:
        return UNGRADED
    mark = pass_mark(entry)
    if standing.score >= mark:
        return PASSED
    if standing.pending and standing.score + float(entry.get("manual_points", 0) or 0) >= mark:
        return PENDING
    return FAILED


@dataclass
class Progress:
    names: dict[str, str]                   # learner -> name
    lessons: list[dict]                     # the available lessons' catalog entries, in course order
    table: dict[str, dict[str, Standing]]   # learner -> lesson id -> Standing


def _add_grades(course: Path, db: str | None, lessons: list[dict], names: dict, table: dict) -> None:
    """The gradebook's submissions into `table` (learner -> lesson -> Standing), their names into `names`."""
    from nbgrader.api import MissingEntry

    from .course import gradebook

    with gradebook(common.db_url(course, db)) as gb:
        for entry in lessons:
            try:
                assignment = gb.find_assignment(entry["id"])
            except MissingEntry:
                continue
            for submission in assignment.submissions:
                learner = submission.student.id
                grades = [g for nb in submission.notebooks for g in nb.grades]
                names.setdefault(learner, submission.student.last_name or "")
                table.setdefault(learner, {})[entry["id"]] = Standing(
                    True, auto=sum(g.auto_score or 0 for g in grades if g.cell.cell_type == "code"),
                    score=sum(g.score or 0 for g in grades), pending=any(g.needs_manual_grade for g in grades))


def standings(course: Path, db: str | None = None) -> Progress:
    """Every learner's Standing in every available lesson, from the collected files and the gradebook."""
    lessons = [entry for entry in catalog.lessons(common.kit_root(course) / "lessons") if entry.get("status") == "available"]
    names = dict(common.load_roster(course, warn=False))
    table: dict[str, dict[str, Standing]] = {}
    submitted = course / "submitted"
    for entry in lessons:
        lesson = entry["id"]
        for path in sorted(submitted.glob(f"*/{lesson}/{lesson}.ipynb")) if submitted.is_dir() else []:
            table.setdefault(path.parts[-3], {})[lesson] = Standing(True)
    if db or (course / "gradebook.db").is_file():  # no gradebook yet: nothing graded, and none is created
        _add_grades(course, db, lessons, names, table)
    for learner in names:
        table.setdefault(learner, {})
    for row in table.values():
        for entry in lessons:
            standing = row.setdefault(entry["id"], Standing(False))
            standing.status = _status(standing, entry)
    return Progress({lr: names.get(lr, "") for lr in sorted(table)}, lessons, {lr: table[lr] for lr in sorted(table)})


def tables(progress: Progress) -> dict:
    """The two progress sheets as DataFrames: 学习进度 (learner × lesson) and 进度明细 (long form)."""
    import pandas as pd

    names, lessons, table = progress.names, progress.lessons, progress.table
    wide, long = [], []
    for learner, row in table.items():
        line = {"学员编号": learner, "姓名": names[learner]}
        for entry in lessons:
            standing = row[entry["id"]]
            line[entry["title"]] = standing.status if standing.score is None else f"{standing.status}（{standing.score:g}分）"
            long.append({"学员编号": learner, "姓名": names[learner], "课程": entry["title"], "课程编号": entry["id"],
                         "已交回": "是" if standing.handed_in else "否", "自动评分": standing.auto, "总分": standing.score,
                         "满分": float(entry.get("points", 0) or 0) + float(entry.get("manual_points", 0) or 0),
                         "待人工评分": "是" if standing.pending else "", "及格分": pass_mark(entry),
                         "结果": standing.status})
        statuses = [row[entry["id"]].status for entry in lessons]
        line.update({"已通过课数": statuses.count(PASSED), "未交课数": statuses.count(NOT_IN),
                     "待人工评分课数": statuses.count(PENDING)})
        wide.append(line)
    columns = ["学员编号", "姓名", *[e["title"] for e in lessons], "已通过课数", "未交课数", "待人工评分课数"]
    detail = ["学员编号", "姓名", "课程", "课程编号", "已交回", "自动评分", "总分", "满分", "待人工评分", "及格分", "结果"]
    return {"学习进度": pd.DataFrame(wide, columns=columns), "进度明细": pd.DataFrame(long, columns=detail)}


def chart(progress: Progress, path: Path) -> Path:
    """A learner × lesson grid coloured by standing, with Chinese labels."""
    import matplotlib
    matplotlib.use("Agg")
    import matplotlib.pyplot as plt
    from matplotlib.colors import ListedColormap
    from matplotlib.patches import Patch

    from ..plotting import setup_cjk_font

    setup_cjk_font(quiet=True)
    names, lessons, table = progress.names, progress.lessons, progress.table
    order = list(COLOURS)
    grid = [[order.index(row[e["id"]].status) for e in lessons] for row in table.values()] or [[0] * len(lessons)]
    fig, ax = plt.subplots(figsize=(2 + 1.6 * len(lessons), 1.5 + 0.32 * max(1, len(table))))
    ax.imshow(grid, cmap=ListedColormap(list(COLOURS.values())), vmin=0, vmax=len(order) - 1, aspect="auto")
    ax.set_xticks(range(len(lessons)), [e["title"].split(" ")[0] for e in lessons])
    ax.set_yticks(range(len(table)), [f"{lr} {names[lr]}".strip() for lr in table])
    ax.set_title(f"学习进度（{len(table)} 名学员）")
    ax.legend(handles=[Patch(color=c, label=s) for s, c in COLOURS.items()], loc="upper left",
              bbox_to_anchor=(1.01, 1), frameon=False)
    fig.tight_layout()
    path.parent.mkdir(parents=True, exist_ok=True)
    fig.savefig(path, dpi=120)
    plt.close(fig)
    return path


def write(course: Path, db: str | None = None) -> tuple[dict, list[Path]]:
    """reports/progress.xlsx and reports/progress.png; returns the sheets and the paths."""
    from .report import write_workbook

    out = course / "reports"
    progress = standings(course, db)
    data = tables(progress)
    return data, [write_workbook(out / "progress.xlsx", data), chart(progress, out / "progress.png")]


def add_arguments(parser) -> None:
    parser.add_argument("--db", default=None, help="成绩库地址（默认 grading/gradebook.db）")
    common.add_course_option(parser)


@common.trainer_verb("生成学习进度失败")
def run(args, course: Path) -> int:
    data, paths = write(course, args.db)
    sheet = data["学习进度"]
    behind = sheet[sheet["未交课数"] > 0]
    print(f"学习进度：{len(sheet)} 名学员；有未交课程的 {len(behind)} 人"
          + (f"（{'、'.join(f'{r.学员编号} {r.姓名}'.strip() for r in behind.itertuples())}）" if len(behind) else ""))
    for path in paths:
        print(f"  已生成：{path}")
    return 0
