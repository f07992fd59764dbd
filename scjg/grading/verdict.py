"""The trusted verdict: re-run the source notebook's hidden tests on the values a submission recorded.

Learner code shares its kernel with whatever runs there, so nothing the kernel decides can be trusted
(a learner can patch `__code__`, `__defaults__`, dict items, `sys.modules`, builtins...). The kernel
therefore runs the graded test cells without their hidden tests (nbgrader's ClearHiddenTests after
OverwriteCells); each visible `scjg.checks.check(label, name, kind)` records the plain value of `name`
in the cell output. Here, in the grading process, the test cells of the trusted source notebook
(lessons/<id>/<id>.ipynb, never the submission) are executed on those recorded values, cell after
cell in one namespace, as nbgrader would: a cell that raises scores 0, one that does not scores its
points. What the kernel printed is compared with what the check prints for the recorded value here;
a difference or a missing record is a note for the trainer ("疑似篡改").
"""
from __future__ import annotations

import ast
import contextlib
import io
from dataclasses import dataclass, field

from ..checks import RECORD_MIME, format_message
from . import common

BEGIN, END = "### BEGIN HIDDEN TESTS", "### END HIDDEN TESTS"


class Unreadable:
    """Stands for a recorded value that was not a plain answer (an object, a table...): no reader accepts it."""

    def __init__(self, type_name: str):
        self.type_name = type_name

    def __repr__(self) -> str:
        return f"<{self.type_name}>"


def decode(data):
    """The value `scjg.checks.encode` recorded; anything not exactly in its format is Unreadable."""
    if not isinstance(data, dict):
        return Unreadable("?")
    tag, raw = data.get("t"), data.get("v")
    try:
        if tag == "ellipsis":
            return ...
        if tag == "none":
            return None
        if tag == "bool" and isinstance(raw, bool):
            return raw
        if tag == "int" and isinstance(raw, str) and len(raw) <= 100:
            return int(raw)
        if tag == "float" and isinstance(raw, str) and len(raw) <= 100:
            return float(raw)
        if tag == "str" and isinstance(raw, str):
            return raw
        if tag == "list" and isinstance(raw, list) and len(raw) <= 100:
            return [decode(item) for item in raw]
    except ValueError:
        pass
    return Unreadable(str(raw)[:100] if tag == "other" else "?")


def check_calls(source: str) -> list[tuple[str, str, str]]:
    """(label, variable, kind) of every visible `check("第1题", q1, "article")` call in a test cell."""
    visible = source.split(BEGIN)[0]
    try:
        tree = ast.parse(visible)
    except SyntaxError:
        return []
    found = []
    for node in ast.walk(tree):
        if not isinstance(node, ast.Call) or len(node.args) < 3:
            continue
        name = node.func.attr if isinstance(node.func, ast.Attribute) else getattr(node.func, "id", None)
        label, var, kind = node.args[:3]
        if (name == "check" and isinstance(label, ast.Constant) and isinstance(label.value, str)
                and isinstance(var, ast.Name) and isinstance(kind, ast.Constant) and isinstance(kind.value, str)):
            found.append((node.lineno, node.col_offset, label.value, var.id, kind.value))
    return [call[2:] for call in sorted(found)]


def records(cell) -> list[dict]:
    """The answer records a graded kernel left in a cell's outputs."""
    found = []
    for output in cell.get("outputs", []):
        data = output.get("data", {}) if output.get("output_type") in ("display_data", "execute_result") else {}
        record = data.get(RECORD_MIME)
        if isinstance(record, dict) and isinstance(record.get("label"), str):
            found.append(record)
    return found


def _printed(cell) -> str:
    return "".join(o.get("text", "") for o in cell.get("outputs", [])
                   if o.get("output_type") == "stream" and o.get("name") == "stdout")


def _errored(cell) -> bool:
    return any(o.get("output_type") == "error" for o in cell.get("outputs", []))


@dataclass
class Verdict:
    """The trusted result of one test cell."""

    grade_id: str
    points: float
    score: float
    error: str | None = None          # the Chinese reason the hidden tests gave, None if passed
    notes: list[str] = field(default_factory=list)   # mismatches between kernel and grader


def _bind(cell, source: str, label: str) -> tuple[dict, list[str]]:
    """The variables of a test cell from its records, and notes on records that are missing or differ."""
    calls = check_calls(source)
    recorded = records(cell)
    printed = _printed(cell)
    names: dict = {}
    notes: list[str] = []
    by_label: dict[str, list[dict]] = {}
    for record in recorded:
        by_label.setdefault(record["label"], []).append(record)
    for check_label, var, kind in calls:
        queue = by_label.get(check_label, [])
        if not queue:
            names[var] = ...
            if not _errored(cell):
                notes.append(f"{label}：格式检查没有记录答案（评分函数可能被改动）；该题按未作答计")
            continue
        value = decode(queue.pop(0).get("value"))
        names[var] = value
        expected = format_message(check_label, value, kind)[1] if not isinstance(value, list) else None
        if expected is not None and expected not in printed:
            notes.append(f"{label}：学员内核显示的格式检查结果与评分系统复核不一致（评分函数可能被改动）")
    if any(queue for queue in by_label.values()):
        notes.append(f"{label}：输出中有多余的答案记录（评分函数可能被改动）；已忽略")
    return names, notes


def _run(source: str, namespace: dict, grade_id: str) -> str | None:
    """Execute a trusted test cell; None if it passes, else the reason (the assertion's message)."""
    try:
        code = compile(source, f"<{grade_id}>", "exec")
    except SyntaxError as err:
        return f"评分系统无法运行本题测试（{err.msg}）"
    sink = io.StringIO()
    try:
        with contextlib.redirect_stdout(sink), contextlib.redirect_stderr(sink):
            exec(code, namespace)  # noqa: S102 - the trusted source notebook's own test code
    except AssertionError as err:
        return str(err) or "答案不正确。"
    except Exception as err:  # noqa: BLE001 - any failing test scores 0, as in nbgrader
        return f"{type(err).__name__}: {err}"
    return None


def rescore(source_nb, executed_nb) -> dict[str, Verdict]:
    """grade_id -> Verdict for every autograded test cell of the trusted source notebook."""
    executed = {c.get("metadata", {}).get("nbgrader", {}).get("grade_id"): c for c in executed_nb.cells}
    namespace: dict = {"__name__": "__main__"}
    verdicts: dict[str, Verdict] = {}
    for gid, info in common.grade_layout(source_nb).items():
        if info["kind"] != "test" or info["cell_type"] != "code":
            continue
        label = common.question_label(gid)
        cell = executed.get(gid, {"outputs": []})
        names, notes = _bind(cell, info["source"], label)
        namespace.update(names)
        error = _run(info["source"], namespace, gid)
        verdicts[gid] = Verdict(gid, info["points"], 0.0 if error else info["points"], error, notes)
    return verdicts


def mark_notebook(nb, source_nb, verdicts: dict[str, Verdict]) -> None:
    """Put the trusted test code back into the graded notebook (the trainer sees it in formgrader) and add the
    grader's reason as the error output of each failed test cell (the learner sees it in the feedback)."""
    layout = common.grade_layout(source_nb)
    for cell in nb.cells:
        gid = cell.get("metadata", {}).get("nbgrader", {}).get("grade_id")
        verdict = verdicts.get(gid)
        if verdict is None:
            continue
        cell.source = layout[gid]["source"]
        if verdict.error and not _errored(cell):
            from nbformat.v4 import new_output
            cell.setdefault("outputs", []).append(new_output(
                "error", ename="AssertionError", evalue=verdict.error, traceback=[f"AssertionError: {verdict.error}"]))
