"""Feedback for learners: nbgrader's GenerateFeedback with a Chinese template and no hidden tests.

nbgrader's own feedback shows the test cells as graded, hidden tests included (nbgrader issue 917),
and a failed test's traceback quotes the hidden line with the expected value. `configure` adds
`StripHiddenTests` to GenerateFeedback: it removes `### BEGIN HIDDEN TESTS` regions from every cell
and cuts tracebacks of test cells down to the Chinese message (`AssertionError: 金额不正确。`).
"""
from __future__ import annotations

from pathlib import Path

from nbgrader.preprocessors import NbGraderPreprocessor

BEGIN, END = "BEGIN HIDDEN TESTS", "END HIDDEN TESTS"
TEMPLATE = "feedback"  # the name NbGraderAPI.generate_feedback insists on; ours comes first on the path

_WORDS = [
    ("<html>", '<html lang="zh-CN">'),
    ("<title>{{ resources.nbgrader.notebook }}</title>", "<title>{{ resources.nbgrader.notebook }} 作业反馈</title>"),
    ("<h4>{{ resources.nbgrader.notebook }} (Score: ", "<h4>{{ resources.nbgrader.notebook }} 作业反馈（总分："),
    (" / {{ resources.nbgrader.max_score | float | round(2) }})</h4>",
     " / {{ resources.nbgrader.max_score | float | round(2) }}；说理题由教员评分后计入）</h4>"),
    (">Test cell</a>", ">自动评分题 {{ cell.metadata.nbgrader.grade_id }}</a>"),
    (">Coding free-response</a>", ">编程作答 {{ cell.metadata.nbgrader.grade_id }}</a>"),
    (">Written response</a>", ">说理题（人工评分） {{ cell.metadata.nbgrader.grade_id }}</a>"),
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
    """Remove hidden-test code and the tracebacks that would quote it."""

    def preprocess_cell(self, cell, resources, index):
        if cell.cell_type == "code":
            hidden = BEGIN in cell.source
            cell.source = strip_hidden(cell.source)
            meta = cell.metadata.get("nbgrader", {})
            if hidden or (meta.get("grade") and not meta.get("solution")):
                for out in cell.get("outputs", []):
                    if out.output_type == "error":
                        out.traceback = [f"未通过：{out.ename}: {out.evalue}"]
        return cell, resources


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


def configure(config, course: Path) -> None:
    """Make GenerateFeedback in `config` Chinese and free of hidden tests."""
    from nbconvert.preprocessors import CSSHTMLHeaderPreprocessor
    from nbgrader.preprocessors import GetGrades

    config.GenerateFeedback.preprocessors = [GetGrades, StripHiddenTests, CSSHTMLHeaderPreprocessor]
    import nbgrader

    nbgrader_templates = Path(nbgrader.__file__).parent / "server_extensions" / "formgrader" / "templates"
    config.HTMLExporter.template_name = TEMPLATE
    config.HTMLExporter.extra_template_basedirs = [str(template_dir(course)), str(nbgrader_templates)]


def feedback_path(course: Path, lesson_id: str, learner: str) -> Path:
    return Path(course) / "feedback" / learner / lesson_id / f"{lesson_id}.html"
