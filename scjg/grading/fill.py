"""Fill a released notebook the way a learner would, for demo cohorts and the round-trip tests.

Two kinds of answer cells exist (design.md): `%%answer q1` cells, whose body is the answer as
typed (plain text), and Python cells of the 进阶 data questions (`q12 = ...  # ← hint`).
`type_answers` types what a learner types: plain text into `%%answer` cells, Python into Python
cells. `fill_answers` writes Python source for every answer (an `%%answer` cell is rewritten as
`q1 = <source>`, as a learner who ignores the magic would): the grading tests use it to hand in
code that misbehaves.
"""
from __future__ import annotations

import re

import nbformat

MAGIC = re.compile(r"\A%%answer[ \t]+(\w+)[ \t]*$", flags=re.M)
SOLUTION = re.compile(r"### BEGIN SOLUTION\n(.*?)### END SOLUTION", flags=re.S)


def _is_answer_cell(cell) -> bool:
    meta = cell.get("metadata", {}).get("nbgrader", {})
    return cell.cell_type == "code" and bool(meta.get("solution")) and not meta.get("grade")


def magic_name(source: str) -> str | None:
    """The answer name of an `%%answer NAME` cell source, else None."""
    match = MAGIC.match(source)
    return match.group(1) if match else None


def answer_cells(nb) -> dict[str, int]:
    """Answer variable -> cell index, for autograded answer cells (`%%answer q1` or `q1 = ...`)."""
    found = {}
    for index, cell in enumerate(nb.cells):
        if not _is_answer_cell(cell):
            continue
        name = magic_name(cell.source)
        if name:
            found.setdefault(name, index)
            continue
        for match in re.finditer(r"^(\w+)\s*=", cell.source, flags=re.M):
            found.setdefault(match.group(1), index)
    return found


def magic_answers(nb) -> set[str]:
    """The answer variables set by `%%answer` cells (typed as plain text)."""
    return {var for var, index in answer_cells(nb).items() if magic_name(nb.cells[index].source)}


def written_cells(nb) -> dict[str, int]:
    """grade_id -> cell index, for manually graded written answers (说理)."""
    return {
        cell.metadata["nbgrader"]["grade_id"]: index
        for index, cell in enumerate(nb.cells)
        if cell.cell_type == "markdown"
        and cell.metadata.get("nbgrader", {}).get("solution")
        and cell.metadata["nbgrader"].get("grade")
    }


def _set_python(cell, var: str, source: str) -> None:
    if magic_name(cell.source):
        cell.source = f"{var} = {source}"
        return
    pattern = re.compile(rf"^({re.escape(var)}\s*=\s*)\.\.\.", flags=re.M)
    if not pattern.search(cell.source):
        raise KeyError(f"答题单元格中没有 {var} = ...")
    cell.source = pattern.sub(lambda m: m.group(1) + source, cell.source, count=1)


def _fill(nb, answers: dict[str, str], written: dict[str, str] | None, *, typed: bool):
    nb = nbformat.from_dict(nb)  # deep copy
    cells = answer_cells(nb)
    for var, value in answers.items():
        if var not in cells:
            raise KeyError(f"没有答题变量 {var}")
        cell = nb.cells[cells[var]]
        if typed and magic_name(cell.source):
            cell.source = f"%%answer {var}\n{value}"
        else:
            _set_python(cell, var, value)
    targets = written_cells(nb)
    for grade_id, text in (written or {}).items():
        if grade_id not in targets:
            raise KeyError(f"没有说理题 {grade_id}")
        nb.cells[targets[grade_id]].source = text
    return nb


def type_answers(nb, answers: dict[str, str], written: dict[str, str] | None = None):
    """A copy of `nb` with each answer typed as a learner does: plain text after `%%answer q1`,
    Python source after `q12 = ` in a 进阶 cell; written answers (说理) set by grade id.

    An unknown variable or grade id raises KeyError, so a test cannot silently fill nothing."""
    return _fill(nb, answers, written, typed=True)


def fill_answers(nb, answers: dict[str, str], written: dict[str, str] | None = None):
    """A copy of `nb` with every answer set to the Python source in `answers[var]` (an `%%answer`
    cell becomes `var = source`); written answers set. Unknown names raise KeyError."""
    return _fill(nb, answers, written, typed=False)


def fill_learner(nb, learner_id: str, name: str):
    """A copy of `nb` with the 学员信息 cell filled in (nothing changes if the notebook has none)."""
    nb = nbformat.from_dict(nb)
    for cell in nb.cells:
        if cell.get("metadata", {}).get("scjg", {}).get("role") == "learner-info":
            cell.source = f"%%learner\n学员编号：{learner_id}\n姓名：{name}"
    return nb


def _python_key(region: str) -> dict[str, str]:
    """var -> the whole expression assigned in a Python solution region (continuation lines kept)."""
    key: dict[str, str] = {}
    current = None
    for line in region.splitlines():
        match = re.match(r"^(\w+)\s*=\s*(.*)$", line)
        if match and not line.startswith((" ", "\t")):
            current = match.group(1)
            key[current] = match.group(2)
        elif current is not None and line.strip():
            key[current] += "\n" + line
    return {var: expr.strip() for var, expr in key.items()}


def solution_answers(source_nb) -> dict[str, str]:
    """Answer variable -> the key as a learner would type it, from the source's solution regions:
    the plain text of an `%%answer` cell, the full (possibly multi-line) expression of a Python one."""
    key = {}
    for cell in source_nb.cells:
        if not _is_answer_cell(cell):
            continue
        region = SOLUTION.search(cell.source)
        body = region.group(1) if region else ""
        name = magic_name(cell.source)
        if name:
            key[name] = body.strip()
        else:
            key.update(_python_key(body))
    return key


def written_answers(source_nb) -> dict[str, str]:
    """grade_id -> the reference text of each written answer in the source."""
    return {gid: source_nb.cells[i].source for gid, i in written_cells(source_nb).items()}


def test_variables(nb) -> dict[str, list[str]]:
    """Autograder test grade_id -> the answer variables its source mentions."""
    variables = list(answer_cells(nb))
    found = {}
    for cell in nb.cells:
        meta = cell.get("metadata", {}).get("nbgrader", {})
        if cell.cell_type == "code" and meta.get("grade") and not meta.get("solution"):
            found[meta["grade_id"]] = [v for v in variables if re.search(rf"\b{re.escape(v)}\b", cell.source)]
    return found
