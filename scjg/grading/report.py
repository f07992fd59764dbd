"""`scjg report LESSON`: grading/reports/LESSON.xlsx, the same tables as CSV, and two PNG charts.

Sheets: 成绩表 (learner × question, from the gradebook: a manual score overrides the automatic one),
题目分析 (得分率 = difficulty, 区分度 = mean of the top 27 % minus the bottom 27 % by total, over full
marks), 异常提交 (collect and grade problems, in Chinese), 待人工评分 (what a trainer still has to do) and
学习进度 (the whole cohort across lessons, as `scjg progress` writes it).
"""
from __future__ import annotations

import math
from dataclasses import dataclass, field
from pathlib import Path

from . import common

FILES = {"成绩表": "grades", "题目分析": "items", "异常提交": "issues", "待人工评分": "manual"}


@dataclass
class _Book:
    """What the gradebook holds for a lesson, as rows: learner rows, manual-grading rows, full marks and cell kinds."""

    rows: list[dict] = field(default_factory=list)
    manual: list[dict] = field(default_factory=list)
    maxima: dict[str, float] = field(default_factory=dict)
    kinds: dict[str, str] = field(default_factory=dict)


def _question_order(work: Path, lesson_id: str) -> list[str]:
    """Grade ids of the graded cells in notebook order (from the release `scjg grade` registered), or []."""
    import nbformat

    released = work / "release" / lesson_id / f"{lesson_id}.ipynb"
    if not released.is_file():
        return []
    layout = common.grade_layout(nbformat.read(str(released), as_version=4))
    return [gid for gid, info in layout.items() if info["kind"] in ("test", "written")]


def _add_submission(book: _Book, submission, name: str, entry: dict) -> None:
    learner = submission.student.id
    row = {"学员编号": learner, "姓名": name}
    pending = []
    for notebook in submission.notebooks:
        for grade in notebook.grades:
            book.maxima[grade.name] = grade.max_score
            book.kinds[grade.name] = grade.cell.cell_type
            row[grade.name] = grade.score if not grade.needs_manual_grade else None
            if grade.needs_manual_grade:
                pending.append(grade.name)
                book.manual.append({"学员编号": learner, "姓名": name, "题目": common.question_label(grade.name),
                                    "单元格": grade.name, "原因": "说理题待教员批改" if grade.cell.cell_type == "markdown"
                                    else "自动评分未完成，需人工给分"})
        if notebook.flagged:
            notes = "；".join(entry.get("notes", [])) or "已标记，需核查"
            book.manual.append({"学员编号": learner, "姓名": name, "题目": "全卷", "单元格": "",
                                "原因": f"评分异常，请在 Formgrader 中核查并人工给分：{notes}"})
    row["总分"] = submission.score
    row["满分"] = submission.max_score
    row["状态"] = "待人工评分" if pending else ("异常" if entry.get("status") == "failed" else "已完成")
    book.rows.append(row)


def _read_gradebook(course_root: Path, lesson_id: str, db: str | None, roster: dict, status: dict) -> _Book:
    from nbgrader.api import MissingEntry

    from .course import gradebook

    book = _Book()
    with gradebook(common.db_url(course_root, db)) as gb:
        try:
            assignment = gb.find_assignment(lesson_id)
        except MissingEntry:
            raise ValueError(f"成绩库中还没有课程 {lesson_id}，请先运行 scjg grade {lesson_id}") from None
        for submission in sorted(assignment.submissions, key=lambda s: s.student.id):
            learner = submission.student.id
            _add_submission(book, submission, roster.get(learner, submission.student.last_name or ""),
                            status.get(learner, {}))
    return book


def item_analysis(rows: list[dict], order: list[str], maxima: dict, kinds: dict):
    """题目分析: per question 得分率 (mean over full marks) and 区分度 (mean of the top 27 % by total minus the
    bottom 27 %, over full marks)."""
    import pandas as pd

    item_rows = []
    k = max(1, math.ceil(0.27 * len(rows))) if rows else 0
    ranked = sorted(range(len(rows)), key=lambda i: rows[i]["总分"])
    low, high = ranked[:k], ranked[-k:]
    for gid in order:
        graded = [r[gid] for r in rows if r.get(gid) is not None]
        full = maxima[gid] or 1
        mean = sum(graded) / len(graded) if graded else None
        hi = [rows[i].get(gid) for i in high if rows[i].get(gid) is not None]
        lo = [rows[i].get(gid) for i in low if rows[i].get(gid) is not None]
        disc = (sum(hi) / len(hi) - sum(lo) / len(lo)) / full if hi and lo else None
        item_rows.append({
            "题目": common.question_label(gid), "单元格": gid,
            "评分方式": "人工" if kinds[gid] == "markdown" else "自动",
            "满分": maxima[gid], "已评人数": len(graded), "满分人数": sum(1 for s in graded if s >= full),
            "平均分": None if mean is None else round(mean, 3),
            "得分率（难度）": None if mean is None else round(mean / full, 3),
            "区分度": None if disc is None else round(disc, 3),
        })
    return pd.DataFrame(item_rows, columns=["题目", "单元格", "评分方式", "满分", "已评人数", "满分人数", "平均分",
                                            "得分率（难度）", "区分度"])


def _issues(work: Path, lesson_id: str, roster: dict, status: dict):
    """异常提交: the collect problems and the grading notes, one row each."""
    import pandas as pd

    rows = []
    for problem in common.read_json(work / "collect.json", []):
        learner = problem.get("learner") or ""
        rows.append({"学员编号": learner or "（未识别）", "姓名": roster.get(learner, "") or problem.get("name", ""),
                     "环节": "收取", "文件": problem.get("path", ""), "说明": f"{problem['status']}：{problem['reason']}"})
    for learner, entry in sorted(status.items()):
        for note in entry.get("notes", []):
            rows.append({"学员编号": learner, "姓名": roster.get(learner, ""), "环节": "评分",
                         "文件": f"submitted/{learner}/{lesson_id}/{lesson_id}.ipynb", "说明": note})
    return pd.DataFrame(rows, columns=["学员编号", "姓名", "环节", "文件", "说明"])


def tables(course_root: Path, lesson_id: str, db: str | None = None) -> dict:
    """The four report tables as DataFrames, read from the gradebook and the collect/grade status files."""
    import pandas as pd

    roster = common.load_roster(course_root, warn=False)
    work = common.work_dir(course_root, lesson_id)
    status = common.read_json(work / "grade.json", {})
    book = _read_gradebook(course_root, lesson_id, db, roster, status)
    order = _question_order(work, lesson_id)
    order = [g for g in order if g in book.maxima] + sorted(g for g in book.maxima if g not in order)
    grades = pd.DataFrame(book.rows, columns=["学员编号", "姓名", *order, "总分", "满分", "状态"])
    grades = grades.rename(columns={g: f"{common.question_label(g)}（{book.maxima[g]:g}分）" for g in order})
    return {"成绩表": grades, "题目分析": item_analysis(book.rows, order, book.maxima, book.kinds),
            "异常提交": _issues(work, lesson_id, roster, status),
            "待人工评分": pd.DataFrame(book.manual, columns=["学员编号", "姓名", "题目", "单元格", "原因"])}


def charts(data: dict, out_dir: Path, lesson_id: str) -> list[Path]:
    """Score distribution and correct rate per question, as PNG with Chinese labels."""
    import matplotlib
    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    from ..plotting import bar_chart, setup_cjk_font

    setup_cjk_font(quiet=True)
    paths = []
    grades, items = data["成绩表"], data["题目分析"]
    fig, ax = plt.subplots(figsize=(7, 4))
    totals = grades["总分"].dropna().tolist()
    full = float(grades["满分"].max()) if len(grades) else 1.0
    bins = [x - 0.5 for x in range(0, int(full) + 2)]
    ax.hist(totals, bins=bins, color="#2f6f9f", edgecolor="white")
    ax.set_title(f"{lesson_id} 总分分布（{len(totals)} 人）")
    ax.set_xlabel("总分")
    ax.set_ylabel("人数")
    fig.tight_layout()
    path = out_dir / f"{lesson_id}-scores.png"
    fig.savefig(path, dpi=120)
    plt.close(fig)
    paths.append(path)
    ax = bar_chart(items["题目"].tolist(), [(v or 0) * 100 for v in items["得分率（难度）"].tolist()],
                   title=f"{lesson_id} 各题得分率", xlabel="得分率（%）")
    ax.set_xlim(0, 100)
    ax.figure.tight_layout()
    path = out_dir / f"{lesson_id}-questions.png"
    ax.figure.savefig(path, dpi=120)
    plt.close(ax.figure)
    paths.append(path)
    return paths


def write_workbook(path: Path, data: dict) -> Path:
    """The sheets of `data` (name -> DataFrame) as one workbook: header row frozen, columns sized to fit."""
    import pandas as pd
    from openpyxl.utils import get_column_letter

    path.parent.mkdir(parents=True, exist_ok=True)
    with pd.ExcelWriter(path, engine="openpyxl") as writer:
        for sheet, frame in data.items():
            frame.to_excel(writer, sheet_name=sheet, index=False)
            ws = writer.sheets[sheet]
            ws.freeze_panes = "A2"
            for i, column in enumerate(frame.columns, start=1):
                width = max([len(str(column))] + [len(str(v)) for v in frame[column].tolist()[:200]])
                ws.column_dimensions[get_column_letter(i)].width = min(60, 4 + 1.6 * width)
    return path


def report(course_root: Path, lesson_id: str, db: str | None = None, *, data: dict | None = None) -> list[Path]:
    """Write the workbook (the lesson's sheets and the cohort's 学习进度), the CSVs and the charts (from
    `data`, default: `tables(...)`); return their paths."""
    from . import progress

    common.lesson_entry(course_root, lesson_id)
    if data is None:
        data = tables(course_root, lesson_id, db)
    out_dir = course_root / "reports"
    cohort = progress.tables(progress.standings(course_root, db))["学习进度"]
    paths = [write_workbook(out_dir / f"{lesson_id}.xlsx", {**data, "学习进度": cohort})]
    for sheet, frame in data.items():
        path = out_dir / f"{lesson_id}-{FILES[sheet]}.csv"
        frame.to_csv(path, index=False, encoding="utf-8-sig")
        paths.append(path)
    paths += charts(data, out_dir, lesson_id)
    return paths


def add_arguments(parser) -> None:
    parser.add_argument("lesson", metavar="课程编号")
    parser.add_argument("--db", default=None, help="成绩库地址（默认 grading/gradebook.db）")
    common.add_course_option(parser)


@common.trainer_verb("生成报告失败")
def run(args, root: Path) -> int:
    common.lesson_entry(root, args.lesson)
    data = tables(root, args.lesson, args.db)
    paths = report(root, args.lesson, args.db, data=data)
    grades = data["成绩表"]
    print(f"课程 {args.lesson}：{len(grades)} 名学员，平均分 {grades['总分'].mean():.2f}，"
          f"异常 {len(data['异常提交'])} 条，待人工评分 {len(data['待人工评分'])} 项。")
    for path in paths:
        print(f"  已生成：{path}")
    return 0
