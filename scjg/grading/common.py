"""What the trainer's stages share: where the course is, the lesson's answer key layout, roster, status files.

Paths are resolved at call time (not import time), so `--course` and $SCJG_ROOT both work in one process.
"""
from __future__ import annotations

import codecs
import csv
import datetime as dt
import functools
import io
import json
import os
import re
from pathlib import Path

from .. import catalog

LEARNER_ID = re.compile(r"^[A-Za-z0-9][A-Za-z0-9_.-]*$")


def course_root(option: str | Path | None = None) -> Path:
    """The nbgrader course root: `--course` (a workspace or its grading/), else the workspace's grading/
    ($SCJG_ROOT, the cohort workspace the command runs in, or the kit's own)."""
    if option:
        root = Path(option).resolve()
        return root / "grading" if (root / "grading" / "nbgrader_config.py").is_file() else root
    from ..paths import grading_dir
    return grading_dir().resolve()


def trainer_verb(failure: str):
    """Decorator turning `body(args, course_root)` into a verb's `run(args)`: the course is resolved from
    `--course` (or the workspace), and a ValueError/RuntimeError becomes `failure：reason` and exit code 1."""
    def wrap(body):
        @functools.wraps(body)
        def run(args) -> int:
            root = course_root(getattr(args, "course", None))
            try:
                return body(args, root)
            except (ValueError, RuntimeError) as err:
                print(f"{failure}：{err}")
                return 1
        return run
    return wrap


def kit_root(course: Path) -> Path:
    """The kit folder holding lessons/ and notebooks/ (the course root's parent)."""
    return course.parent


def add_course_option(parser) -> None:
    parser.add_argument("--course", default=None, metavar="目录",
                        help="班次工作区（scjg cohort new 建立）或其 grading/ 目录（默认：当前所在的班次工作区，否则本工具包自带的）")


def lesson_entry(course: Path, lesson_id: str) -> dict:
    """The catalog entry of `lesson_id` (Chinese ValueError if unknown or not available)."""
    lessons_dir = kit_root(course) / "lessons"
    item = catalog.lesson(lesson_id, lessons_dir)
    if not (lessons_dir / lesson_id / f"{lesson_id}.ipynb").is_file():
        raise ValueError(f"课程“{lesson_id}”还没有课程源文件 lessons/{lesson_id}/{lesson_id}.ipynb")
    return item


def catalog_ids(course: Path) -> list[str]:
    """Every lesson id in the course's catalog, planned ones included."""
    return catalog.ids(include_planned=True, lessons_dir=kit_root(course) / "lessons")


def work_dir(course: Path, lesson_id: str) -> Path:
    """grading/.work/<lesson>/: status files the stages hand to each other (git-ignored)."""
    path = course / ".work" / lesson_id
    path.mkdir(parents=True, exist_ok=True)
    return path


def read_json(path: Path, default):
    try:
        return json.loads(Path(path).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return default


def write_json(path: Path, data) -> None:
    path = Path(path)
    tmp = path.with_suffix(path.suffix + ".tmp")
    tmp.write_text(json.dumps(data, ensure_ascii=False, indent=1, default=str), encoding="utf-8")
    os.replace(tmp, path)


def now_stamp() -> str:
    """nbgrader's timestamp format (UTC)."""
    return dt.datetime.now(dt.timezone.utc).strftime("%Y-%m-%d %H:%M:%S.%f UTC")


def read_text_any(path: Path) -> str:
    """A text file in UTF-8 (with or without BOM), UTF-16 with BOM (Excel's 「Unicode 文本」) or GBK/GB18030,
    as Excel saves CSV on Chinese Windows."""
    data = path.read_bytes()
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return data.decode("utf-16")
    for encoding in ("utf-8-sig", "gb18030"):
        try:
            return data.decode(encoding)
        except UnicodeDecodeError:
            continue
    from charset_normalizer import from_bytes
    best = from_bytes(data).best()
    if best is None:
        raise ValueError(f"无法识别 {path.name} 的文字编码：请在 Excel 中“另存为 CSV UTF-8”后重试。")
    return str(best)


HEADER_WORDS = ("学员编号", "学号", "编号", "learner", "id")


def load_roster(course: Path, *, warn: bool = True) -> dict[str, str]:
    """grading/roster.csv as {learner id: Chinese name}; {} when there is no roster.

    Columns: 学员编号,姓名 (a header row is optional; `learner_id,name` also works). The file may be
    UTF-8 (BOM or not), GBK or tab-separated UTF-16, as Excel saves it. A row whose id is not ASCII letters/digits is reported (in Chinese), not used.
    """
    path = course / "roster.csv"
    if not path.is_file():
        return {}
    roster: dict[str, str] = {}
    bad: list[str] = []
    text = read_text_any(path)
    first = text.split("\n", 1)[0]
    delimiter = "\t" if "\t" in first and "," not in first else ","  # Excel's 「Unicode 文本」 is tab-separated
    for number, row in enumerate(csv.reader(io.StringIO(text), delimiter=delimiter), start=1):
        if not row or not row[0].strip() or row[0].strip().startswith("#"):
            continue
        learner = row[0].strip()
        if not LEARNER_ID.match(learner):
            if not (number == 1 and any(word in learner.lower() for word in HEADER_WORDS)):
                bad.append(f"第{number}行“{learner}”")
            continue
        roster[learner.lower()] = row[1].strip() if len(row) > 1 else ""
    if bad and warn:
        print(f"提示：学员名单 {path.name} 中以下学员编号无效（只能用英文字母、数字、点、横线、下划线），已忽略："
              + "、".join(bad))
    return roster


def grade_layout(nb) -> dict[str, dict]:
    """grade_id -> {kind, points, source, index} for the nbgrader cells of a notebook.

    kind: "answer" (autograded answer cell), "test" (autograder test), "written" (manually graded
    markdown), "locked" (other read-only cell), "task".
    """
    layout = {}
    for index, cell in enumerate(nb.cells):
        meta = cell.get("metadata", {}).get("nbgrader", {})
        gid = meta.get("grade_id")
        if not gid:
            continue
        if meta.get("solution") and meta.get("grade"):
            kind = "written"
        elif meta.get("solution"):
            kind = "answer"
        elif meta.get("grade"):
            kind = "test"
        elif meta.get("task"):
            kind = "task"
        else:
            kind = "locked"
        layout[gid] = {"kind": kind, "points": float(meta.get("points", 0) or 0), "source": cell.source,
                       "index": index, "cell_type": cell.cell_type}
    return layout


def question_label(grade_id: str) -> str:
    """A Chinese column name for a grade id: q1-test -> 第1题, q3-written -> 第3题（说理）."""
    match = re.match(r"^q(\d+)", grade_id)
    if not match:
        return grade_id
    suffix = "（说理）" if "written" in grade_id else ""
    return f"第{match.group(1)}题{suffix}"


def db_url(course: Path, option: str | None = None) -> str:
    """The gradebook URL: `--db`, else $SCJG_DB (a hub's shared PostgreSQL), checked (a driver is installed
    and the database answers); else sqlite grading/gradebook.db. A bad URL is a Chinese ValueError."""
    option = option or os.environ.get("SCJG_DB")
    if not option:
        return f"sqlite:///{course / 'gradebook.db'}"
    from sqlalchemy import create_engine, text
    from sqlalchemy.engine import make_url
    from sqlalchemy.exc import ArgumentError, NoSuchModuleError, SQLAlchemyError
    try:
        url = make_url(option)
    except ArgumentError:
        raise ValueError(f"成绩库地址格式不对：{option}（示例：postgresql://用户名:密码@主机/数据库名）") from None
    try:
        engine = create_engine(url)
    except (NoSuchModuleError, ImportError) as err:
        missing = getattr(err, "name", None) or ""
        packages = {"psycopg": "\"psycopg[binary]\"", "psycopg2": "psycopg2-binary", "pymysql": "pymysql"}
        hint = f"pip install {packages[missing]}" if missing in packages else "安装该数据库的 Python 驱动"
        raise ValueError(f"成绩库地址 {url.render_as_string(hide_password=True)} 需要数据库驱动（{err}）：请先 {hint}。") from None
    try:
        with engine.connect() as conn:
            conn.execute(text("SELECT 1"))
    except SQLAlchemyError as err:
        reason = str(getattr(err, "orig", err)).strip().splitlines()[0]
        raise ValueError(f"无法连接成绩库 {url.render_as_string(hide_password=True)}：{reason}") from None
    return option
