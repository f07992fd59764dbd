"""Building blocks for lesson authors: cells with the kit's nbgrader and slide metadata.

A lesson's .ipynb in lessons/ is the source of truth; these helpers only make
writing one (or a new lesson) less error-prone. Cell kinds follow nbgrader:
read-only, autograded answer, autograder tests, manually graded answer.
"""
from __future__ import annotations

import re

import nbformat
from nbformat.v4 import new_code_cell, new_markdown_cell, new_notebook

SLIDE, SUBSLIDE, FRAGMENT, SKIP, NOTES, CONTINUE = "slide", "subslide", "fragment", "skip", "notes", "-"


def _meta(cell, slide: str, nbgrader: dict | None, cell_id: str):
    cell.metadata["slideshow"] = {"slide_type": slide}
    if nbgrader is not None:
        cell.metadata["nbgrader"] = {"schema_version": 3, **nbgrader}
    cell["id"] = re.sub(r"[^A-Za-z0-9_-]", "-", cell_id)[:64]
    return cell


class LessonBuilder:
    """Collects cells in order and writes a notebook with stable cell ids."""

    def __init__(self, lesson_id: str):
        self.lesson_id = lesson_id
        self.cells = []
        self._n = 0

    def _id(self, stem: str) -> str:
        self._n += 1
        return f"{stem}-{self._n:03d}"

    def md(self, text: str, slide: str = CONTINUE):
        """A markdown cell (teaching text)."""
        self.cells.append(_meta(new_markdown_cell(text.strip()), slide, None, self._id("md")))

    def code(self, source: str, slide: str = CONTINUE, *, locked: bool = False, hidden: bool = False):
        """A code cell; `locked` makes it read-only for learners, `hidden` folds its source away
        (JupyterLab shows only the output) for display cells of a lecture."""
        cell_id = self._id("code")
        nbg = {"grade": False, "solution": False, "locked": True, "task": False, "grade_id": cell_id} if locked else None
        cell = _meta(new_code_cell(source.strip()), slide, nbg, cell_id)
        if hidden:
            cell.metadata["jupyter"] = {"source_hidden": True}
        self.cells.append(cell)

    def answer(self, var: str, solution: str, slide: str = CONTINUE, *, grade_id: str):
        """An autograded answer cell the learner types plain text into: `%%answer var`; the solution
        region holds the key as typed (the release shows `%%answer var` and an empty line)."""
        source = f"%%answer {var}\n### BEGIN SOLUTION\n{solution.strip()}\n### END SOLUTION"
        nbg = {"grade": False, "solution": True, "locked": False, "task": False, "grade_id": grade_id}
        self.cells.append(_meta(new_code_cell(source), slide, nbg, grade_id))

    def code_answer(self, var: str, hint: str, solution: str, slide: str = CONTINUE, *, grade_id: str):
        """A 进阶 answer cell in Python: `var = ...  # ← hint`, the solution region sets the key."""
        source = f"{var} = ...  # ← {hint}\n### BEGIN SOLUTION\n{solution.strip()}\n### END SOLUTION"
        nbg = {"grade": False, "solution": True, "locked": False, "task": False, "grade_id": grade_id}
        self.cells.append(_meta(new_code_cell(source), slide, nbg, grade_id))

    def test(self, visible: str, hidden: str, points: float, *, grade_id: str, title: str):
        """An autograder test cell: a visible 0-point format check, hidden tests deciding correctness."""
        source = (
            f"# {title}：格式检查（本单元格只读；对错由评分系统判定）\n{visible.strip()}\n"
            f"### BEGIN HIDDEN TESTS\n{hidden.strip()}\n### END HIDDEN TESTS"
        )
        nbg = {"grade": True, "solution": False, "locked": True, "task": False, "grade_id": grade_id, "points": points}
        self.cells.append(_meta(new_code_cell(source), CONTINUE, nbg, grade_id))

    def learner_info(self):
        """The 学员信息 cell (contract 3): `%%learner` with 学员编号 and 姓名 to fill in; not graded, not locked."""
        cell = _meta(new_code_cell("%%learner\n学员编号：\n姓名："), CONTINUE, None, "learner-info")
        cell.metadata["scjg"] = {"role": "learner-info"}
        self.cells.append(cell)

    def written(self, model_answer: str, points: float, *, grade_id: str):
        """A manually graded answer (说理): markdown; the release shows the Chinese stub instead of the model answer."""
        nbg = {"grade": True, "solution": True, "locked": False, "task": False, "grade_id": grade_id, "points": points}
        self.cells.append(_meta(new_markdown_cell(model_answer.strip()), CONTINUE, nbg, grade_id))

    def notebook(self):
        nb = new_notebook(cells=self.cells)
        nb.metadata["kernelspec"] = {"display_name": "Python 3 (ipykernel)", "language": "python", "name": "python3"}
        nb.metadata["language_info"] = {"name": "python"}
        nb.metadata["rise"] = {"scroll": True, "enable_chalkboard": False, "transition": "none"}
        return nb

    def write(self, path):
        nbformat.write(self.notebook(), str(path))
