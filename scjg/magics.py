"""The cell magics a learner answers with, so that answering needs no Python.

`%%answer q1` — the rest of the cell is the answer as typed (第三十四条第（十）项, 5万元, B, 是):
it becomes the kernel variable `q1` (a str, stripped). An empty cell sets `q1 = ...`, which the
check cell reports as 尚未作答. The value is the cell text, so a learner who reopens the notebook
and reruns it gets the same answer back.

`%%learner` — the 学员信息 cell: 学员编号 and 姓名 after the colons (： or :). The collector reads the
same text from the file without running it (scjg.grading.identity); here it only confirms.

`register()` is called by `scjg.lesson.start`, i.e. when the setup cell runs; the kit's kernels (`scjg lab`,
the hub) also load this module as an IPython extension at start, so an answer cell run before the setup
cell still works.
"""
from __future__ import annotations

import re

ANSWER_NAME = re.compile(r"[A-Za-z_][A-Za-z0-9_]*")
FIELDS = {"学员编号": "learner_id", "姓名": "name"}
_FIELD_LINE = re.compile(r"^\s*(学员编号|姓名)\s*[：:]\s*(.*?)\s*$")


_MARKERS = ("### BEGIN SOLUTION", "### END SOLUTION")
_QUOTES = {'"': '"', "'": "'", "“": "”", "‘": "’", "「": "」", "《": None}


def answer_text(cell: str, name: str | None = None):
    """The answer a `%%answer` cell body holds: its text without surrounding blank space, or `...` if empty.

    nbgrader's solution markers (present only in the trainer's source) are not part of the answer, nor
    are Python habits around it: `q1 = ` before it (with `name`) and one pair of quotes around it."""
    lines = [line for line in (cell or "").splitlines() if line.strip() not in _MARKERS]
    text = "\n".join(lines).strip()
    if name:
        text = re.sub(rf"^{re.escape(name)}\s*[=＝]\s*", "", text).strip()
    if len(text) >= 2 and _QUOTES.get(text[0]) == text[-1]:
        text = text[1:-1].strip()
    return text if text else ...


def parse_learner(cell: str) -> dict[str, str]:
    """{"learner_id": ..., "name": ...} from a 学员信息 cell body (values may be empty)."""
    found = {key: "" for key in FIELDS.values()}
    for line in (cell or "").splitlines():
        match = _FIELD_LINE.match(line)
        if match:
            found[FIELDS[match.group(1)]] = match.group(2)
    return found


def answer(line: str, cell: str, shell=None) -> None:
    """`%%answer NAME`: store the cell text as the answer NAME."""
    name = (line or "").strip()
    if not ANSWER_NAME.fullmatch(name):
        print("⚠️ 这个答题单元格的第一行被改动了：第一行应为“%%answer 题号”（例如 %%answer q1），请恢复后重新运行。")
        return
    (shell or _shell()).user_ns[name] = answer_text(cell, name)


def learner(line: str, cell: str) -> None:
    """`%%learner`: confirm the 学员编号 and 姓名 typed, or say what is missing."""
    info = parse_learner(cell)
    missing = [label for label, key in FIELDS.items() if not info[key]]
    if missing:
        print(f"⏳ 请在冒号后填写{'和'.join(missing)}，再按 Shift + Enter 运行本单元格。")
    else:
        print(f"✅ 已记下：学员编号 {info['learner_id']}，姓名 {info['name']}。提交前请按 Ctrl + S 保存。")


def _shell():
    from IPython import get_ipython
    return get_ipython()


def empty_cells_as_line_magics(lines: list[str]) -> list[str]:
    """IPython input transformer: IPython refuses a cell magic whose body is empty, so an unanswered
    `%%answer q1` (or an empty `%%learner`) cell runs as the line magic `%answer q1` instead."""
    if lines and lines[0].startswith(("%%answer", "%%learner")) and not "".join(lines[1:]).strip():
        return [lines[0][1:].rstrip("\n") + "\n"]
    return lines


def load_ipython_extension(shell) -> None:
    """IPython extension entry point (`--ext=scjg.magics` in the kit's kernelspec, scjg/labconfig/kernels)."""
    register(shell)


def register(shell=None) -> None:
    """Register %%answer and %%learner in the running IPython (nothing outside IPython)."""
    shell = shell or _shell()
    if shell is None:
        return
    shell.register_magic_function(lambda line, cell: answer(line, cell, shell), "cell", "answer")
    shell.register_magic_function(lambda line: answer(line, "", shell), "line", "answer")
    shell.register_magic_function(learner, "cell", "learner")
    shell.register_magic_function(lambda line: learner(line, ""), "line", "learner")
    if empty_cells_as_line_magics not in shell.input_transformers_cleanup:
        shell.input_transformers_cleanup.append(empty_cells_as_line_magics)
