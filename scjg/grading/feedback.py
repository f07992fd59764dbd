"""Feedback for learners: nbgrader's GenerateFeedback with a Chinese template and no hidden tests.

nbgrader's own feedback shows the test cells as graded, hidden tests included (nbgrader issue 917),
and a failed test's traceback quotes the hidden line with the expected value. `configure` adds
`StripHiddenTests` to GenerateFeedback: it removes `### BEGIN HIDDEN TESTS` regions from every cell
and cuts tracebacks of test cells down to the Chinese message (`未通过：金额不正确。`), and names each
graded cell 第N题 instead of its grade id.

Answers are released on purpose, never by default: `scjg grade LESSON --release-answers` adds
`ReleaseAnswers`, which puts under each question the right answer and its 解析 from the answer table of
the lesson's plan.md (the trainer's key, written in legal language: `| 第N题 | 题型 | 分值 | 答案 | 解析 |`).
"""
from __future__ import annotations

from pathlib import Path

import re

from jinja2 import BytecodeCache
from nbconvert.exporters import HTMLExporter
from nbformat.v4 import new_markdown_cell
from nbgrader.preprocessors import NbGraderPreprocessor
from traitlets import Dict

BEGIN, END = "BEGIN HIDDEN TESTS", "END HIDDEN TESTS"
TEMPLATE = "feedback"  # the name NbGraderAPI.generate_feedback insists on; ours comes first on the path

_WORDS = [
    ("<html>", '<html lang="zh-CN">'),
    ("<title>{{ resources.nbgrader.notebook }}</title>", "<title>{{ resources.nbgrader.notebook }} 作业反馈</title>"),
    ("<h4>{{ resources.nbgrader.notebook }} (Score: ", "<h4>{{ resources.nbgrader.notebook }} 作业反馈（总分："),
    (" / {{ resources.nbgrader.max_score | float | round(2) }})</h4>",
     " / {{ resources.nbgrader.max_score | float | round(2) }}；说理题由教员评分后计入）</h4>"),
    (">Test cell</a>", ">自动评分 {{ cell.metadata.get('scjg_label', cell.metadata.nbgrader.grade_id) }}</a>"),
    (">Coding free-response</a>", ">编程作答 {{ cell.metadata.get('scjg_label', cell.metadata.nbgrader.grade_id) }}</a>"),
    (">Written response</a>", ">人工评分 {{ cell.metadata.get('scjg_label', cell.metadata.nbgrader.grade_id) }}</a>"),
    (">Task</a>", ">任务</a>"),
    (">Comment</a>", ">评语</a>"),
    ("Late submission penalty (Score: -", "逾期扣分（-"),
    (" (Score: ", "（得分："),
    (" }})</li>", " }}）</li>"),
    ("Score: ", "得分："),
    ("(Top)", "（回到顶部）"),
    ("Student's answer", "你的答案"),
    ("Student's task", "你的任务"),
    ("Grade cell: ", "评分单元格："),
    ("Task: ", "任务："),
    ("<b>Comments:</b>", "<b>教员评语：</b>"),
]


def strip_hidden(source: str) -> str:
    """`source` without the lines from `### BEGIN HIDDEN TESTS` to `### END HIDDEN TESTS`."""
    kept, hiding = [], False
    for line in source.splitlines(keepends=True):
        if BEGIN in line:
            hiding = True
        elif END in line and hiding:
            hiding = False
        elif not hiding:
            kept.append(line)
    return "".join(kept).rstrip("\n")


class StripHiddenTests(NbGraderPreprocessor):
    """Remove hidden-test code, the tracebacks that would quote it and the grader's answer records (machine data
    with nothing to show)."""

    def preprocess_cell(self, cell, resources, index):
        if cell.cell_type == "code":
            from ..checks import RECORD_MIME
            cell.outputs = [out for out in cell.get("outputs", [])
                            if set(out.get("data", {})) != {RECORD_MIME}]
            hidden = BEGIN in cell.source
            cell.source = strip_hidden(cell.source)
            meta = cell.metadata.get("nbgrader", {})
            if hidden or (meta.get("grade") and not meta.get("solution")):
                for out in cell.get("outputs", []):
                    if out.output_type == "error":
                        reason = out.evalue if out.ename == "AssertionError" and out.evalue else "答案未能通过评分"
                        out.traceback = [f"未通过：{reason}"]
        gid = cell.metadata.get("nbgrader", {}).get("grade_id")
        if gid:
            from .common import question_label
            cell.metadata["scjg_label"] = question_label(gid)
        return cell, resources


def answer_key(plan_text: str) -> dict[str, tuple[str, str]]:
    """第N题 -> (答案, 解析) from the answer table of a plan.md (rows `| 第N题 | 题型 | 分值 | 答案 | 解析 |`)."""
    key = {}
    for line in plan_text.splitlines():
        cols = [c.strip() for c in line.strip().strip("|").split("|")]
        if len(cols) >= 5 and re.fullmatch(r"第\d+题", cols[0]):
            key[cols[0]] = (cols[3], cols[4])
    return key


class ReleaseAnswers(NbGraderPreprocessor):
    """After each graded question's last cell, a note with the right answer and its 解析 (answers released)."""

    key = Dict(help="第N题 -> [答案, 解析]").tag(config=True)

    def preprocess(self, nb, resources):
        from .common import question_label
        last = {}
        for index, cell in enumerate(nb.cells):
            gid = cell.get("metadata", {}).get("nbgrader", {}).get("grade_id", "")
            label = question_label(gid)
            if cell.get("metadata", {}).get("nbgrader", {}).get("grade") and label in self.key:
                last[label] = index
        for label, index in sorted(last.items(), key=lambda kv: -kv[1]):
            answer, explain = self.key[label]
            nb.cells.insert(index + 1, new_markdown_cell(
                f"> **{label} 正确答案：**{answer}\n>\n> **解析：**{explain}"))
        return nb, resources


def _lesson_title_expr(course: Path) -> str:
    """A Jinja expression giving the lesson's Chinese title from the catalog (its id if not listed)."""
    import json

    from .. import catalog
    from .common import kit_root
    try:
        titles = {item["id"]: item["title"] for item in catalog.lessons(kit_root(course) / "lessons")}
    except FileNotFoundError:
        titles = {}
    mapping = json.dumps(titles, ensure_ascii=False)
    return "{{ " + mapping + ".get(resources.nbgrader.notebook, resources.nbgrader.notebook) }}"


def template_dir(course: Path) -> Path:
    """Write the Chinese feedback template (nbgrader's, translated) under grading/.work/templates/."""
    import nbgrader

    src = Path(nbgrader.__file__).parent / "server_extensions" / "formgrader" / "templates" / "feedback"
    text = (src / "index.html.j2").read_text(encoding="utf-8")
    for english, chinese in _WORDS:
        text = text.replace(english, chinese)
    text = text.replace("{{ resources.nbgrader.notebook }} 作业反馈", _lesson_title_expr(course) + " 作业反馈")
    base = Path(course) / ".work" / "templates"
    target = base / TEMPLATE
    target.mkdir(parents=True, exist_ok=True)
    if not (target / "index.html.j2").is_file() or (target / "index.html.j2").read_text(encoding="utf-8") != text:
        (target / "index.html.j2").write_text(text, encoding="utf-8")
        (target / "conf.json").write_text((src / "conf.json").read_text(encoding="utf-8"), encoding="utf-8")
    return base


def plan_key(course: Path, lesson_id: str) -> dict[str, tuple[str, str]]:
    """The answer key of lessons/<lesson>/plan.md (empty if the lesson has no plan)."""
    from .common import kit_root
    plan = kit_root(course) / "lessons" / lesson_id / "plan.md"
    return answer_key(plan.read_text(encoding="utf-8")) if plan.is_file() else {}


class _CompiledTemplates(BytecodeCache):
    """Compiled templates kept in memory for the life of the process (jinja checks each template's source
    checksum, so an edited template is compiled again)."""

    def __init__(self):
        self.store: dict[str, bytes] = {}

    def load_bytecode(self, bucket):
        if bucket.key in self.store:
            bucket.bytecode_from_string(self.store[bucket.key])

    def dump_bytecode(self, bucket):
        self.store[bucket.key] = bucket.bytecode_to_string()


_COMPILED = _CompiledTemplates()


class FeedbackExporter(HTMLExporter):
    """nbconvert's HTML exporter, compiling the feedback templates once per process instead of once per
    learner (nbgrader makes a new exporter, so a new template environment, for every notebook)."""

    def _create_environment(self):
        environment = super()._create_environment()
        environment.bytecode_cache = _COMPILED
        return environment


def configure(config, course: Path, *, lesson_id: str | None = None, release_answers: bool = False) -> None:
    """Make GenerateFeedback in `config` Chinese and free of hidden tests; with `release_answers`,
    show each question's right answer and 解析 from the lesson's plan.md."""
    from nbconvert.preprocessors import CSSHTMLHeaderPreprocessor
    from nbgrader.preprocessors import GetGrades

    steps = [GetGrades, StripHiddenTests]
    if release_answers:
        if not lesson_id:
            raise ValueError("发布答案需要指定课程编号")
        config.ReleaseAnswers.key = {k: list(v) for k, v in plan_key(course, lesson_id).items()}
        steps.append(ReleaseAnswers)
    config.GenerateFeedback.preprocessors = [*steps, CSSHTMLHeaderPreprocessor]
    config.GenerateFeedback.exporter_class = FeedbackExporter
    import nbgrader

    nbgrader_templates = Path(nbgrader.__file__).parent / "server_extensions" / "formgrader" / "templates"
    config.HTMLExporter.template_name = TEMPLATE
    config.HTMLExporter.extra_template_basedirs = [str(template_dir(course)), str(nbgrader_templates)]


def feedback_path(course: Path, lesson_id: str, learner: str) -> Path:
    return Path(course) / "feedback" / learner / lesson_id / f"{lesson_id}.html"
