"""Fill a released notebook the way a learner would: replace `...` in answer cells.

Used to build demo cohorts and the round-trip tests (perfect, blank, typical-mistake submissions).
"""
from __future__ import annotations

import re

import nbformat


def answer_cells(nb) -> dict[str, int]:
    """Answer variable -> cell index, for autograded answer cells (`q1 = ...  # ← hint`)."""
    found = {}
    for index, cell in enumerate(nb.cells):
        meta = cell.metadata.get("nbgrader", {})
        if cell.cell_type == "code" and meta.get("solution") and not meta.get("grade"):
            for match in re.finditer(r"^(\w+)\s*=", cell.source, flags=re.M):
                found.setdefault(match.group(1), index)
    return found


def written_cells(nb) -> dict[str, int]:
    """grade_id -> cell index, for manually graded written answers (说理)."""
    return {
        cell.metadata["nbgrader"]["grade_id"]: index
        for index, cell in enumerate(nb.cells)
        if cell.cell_type == "markdown"
        and cell.metadata.get("nbgrader", {}).get("solution")
        and cell.metadata["nbgrader"].get("grade")
    }


def fill_answers(nb, answers: dict[str, str], written: dict[str, str] | None = None):
    """A copy of `nb` with `var = ...` set to the Python source in `answers[var]`, and written answers set.

    An unknown variable or grade id raises KeyError, so a test cannot silently fill nothing.
    """
    nb = nbformat.from_dict(nb)  # deep copy
    cells = answer_cells(nb)
    for var, source in answers.items():
        if var not in cells:
            raise KeyError(f"没有答题变量 {var}")
        cell = nb.cells[cells[var]]
        pattern = re.compile(rf"^({re.escape(var)}\s*=\s*)\.\.\.", flags=re.M)
        if not pattern.search(cell.source):
            raise KeyError(f"答题单元格中没有 {var} = ...")
        cell.source = pattern.sub(lambda m: m.group(1) + source, cell.source, count=1)
    targets = written_cells(nb)
    for grade_id, text in (written or {}).items():
        if grade_id not in targets:
            raise KeyError(f"没有说理题 {grade_id}")
        nb.cells[targets[grade_id]].source = text
    return nb


def solution_answers(source_nb) -> dict[str, str]:
    """Answer variable -> the Python source of the key, read from `### BEGIN SOLUTION` regions of the source."""
    key = {}
    for cell in source_nb.cells:
        meta = cell.get("metadata", {}).get("nbgrader", {})
        if cell.cell_type != "code" or not meta.get("solution") or meta.get("grade"):
            continue
        region = re.search(r"### BEGIN SOLUTION\n(.*?)### END SOLUTION", cell.source, flags=re.S)
        for match in re.finditer(r"^(\w+)\s*=\s*(.+)$", region.group(1) if region else "", flags=re.M):
            key[match.group(1)] = match.group(2).strip()
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
