"""Every available lesson: its source and released notebooks run cleanly, and the release is in sync."""
from __future__ import annotations

import re
from pathlib import Path

import nbformat
import pytest

from scjg import catalog
from scjg.execute import run_notebook
from scjg.grading.release import release
from scjg.paths import LESSONS, NOTEBOOKS

LESSON_IDS = catalog.ids()


def source_path(lesson_id: str) -> Path:
    return LESSONS / lesson_id / f"{lesson_id}.ipynb"


def released_path(lesson_id: str) -> Path:
    return NOTEBOOKS / lesson_id / f"{lesson_id}.ipynb"


def lecture_path(lesson_id: str, kind: str = "source") -> Path:
    return (LESSONS if kind == "source" else NOTEBOOKS) / lesson_id / "lecture.ipynb"


def solution_texts(lesson_id: str) -> list[str]:
    """The texts only the trainer's graded source holds: the model answers (说理), the hidden tests,
    and solution regions longer than a legal citation (a short key such as 第三十四条第（十）项 is
    what the lecture teaches, not a leak)."""
    nb = nbformat.read(str(source_path(lesson_id)), as_version=4)
    texts = []
    for cell in nb.cells:
        meta = cell.metadata.get("nbgrader", {})
        if meta.get("solution") and cell.cell_type == "markdown":
            texts += [line for line in cell.source.splitlines() if len(line.strip()) >= 6]
        for region in re.findall(r"### BEGIN HIDDEN TESTS\n(.*?)### END", cell.source, flags=re.S):
            texts += [line.strip() for line in region.splitlines() if len(line.strip()) >= 6]
        for region in re.findall(r"### BEGIN SOLUTION\n(.*?)### END", cell.source, flags=re.S):
            texts += [line.strip() for line in region.splitlines() if len(line.strip()) >= 20]
    return texts


def test_catalog_lists_existing_lessons():
    """Does every available lesson in the catalog have its source notebook and plan, and ASCII ids?"""
    assert "00-getting-started" in LESSON_IDS
    for lesson_id in LESSON_IDS:
        assert re.fullmatch(r"\d\d-[a-z0-9-]+", lesson_id)
        assert source_path(lesson_id).is_file()
        assert lecture_path(lesson_id).is_file(), f"{lesson_id} 缺少讲授篇 lecture.ipynb"
    for folder in LESSONS.iterdir():
        if folder.is_dir():
            assert folder.name in catalog.ids(include_planned=True), f"{folder.name} 不在课程目录中"


@pytest.mark.parametrize("lesson_id", LESSON_IDS)
@pytest.mark.parametrize("kind", ["source", "release", "lecture"])
def test_notebook_runs_clean(lesson_id, kind):
    """Does the notebook (graded source, its release, the lecture) run top to bottom with no error and nothing on stderr?"""
    path = {"source": source_path(lesson_id), "release": released_path(lesson_id), "lecture": lecture_path(lesson_id)}[kind]
    result = run_notebook(path)
    assert result.errors == []
    assert result.stderr == []
    first_code = next(c for c in result.notebook.cells if c.cell_type == "code")
    assert "from scjg.lesson import start" in first_code.source, "第一个代码单元格应调用 start()"
    assert [o.output_type for o in first_code.outputs] == ["display_data"], "准备单元格只应显示课程标题"


@pytest.mark.parametrize("lesson_id", LESSON_IDS)
def test_blank_release_shows_friendly_checks(lesson_id):
    """Run blank, does every check cell say 'not answered yet' in Chinese, with no traceback?"""
    result = run_notebook(released_path(lesson_id))
    checks = [i for i, c in enumerate(result.notebook.cells)
              if c.metadata.get("nbgrader", {}).get("grade") and c.cell_type == "code"]
    assert checks, "没有评分单元格"
    for index in checks:
        text = result.outputs_text(index)
        assert "⏳" in text and "尚未作答" in text, text
        assert "Traceback" not in text and "Error" not in text


@pytest.mark.parametrize("lesson_id", LESSON_IDS)
def test_release_is_in_sync(lesson_id, tmp_path):
    """Does notebooks/ equal what `scjg release` makes from lessons/ (a stale release fails)?"""
    release([lesson_id], dest=tmp_path)
    fresh = sorted(p.relative_to(tmp_path) for p in (tmp_path / lesson_id).rglob("*") if p.is_file())
    committed = sorted(p.relative_to(NOTEBOOKS) for p in (NOTEBOOKS / lesson_id).rglob("*") if p.is_file())
    assert fresh == committed
    for rel in fresh:
        assert (tmp_path / rel).read_bytes() == (NOTEBOOKS / rel).read_bytes(), f"{rel} 已过期：请运行 scjg release"


@pytest.mark.parametrize("lesson_id", LESSON_IDS)
def test_release_hides_solutions_and_plan(lesson_id):
    """Does the learner version carry no solution, hidden test, model answer or plan.md?"""
    nb = nbformat.read(str(released_path(lesson_id)), as_version=4)
    text = "\n".join(cell.source for cell in nb.cells)
    for marker in ("BEGIN SOLUTION", "BEGIN HIDDEN TESTS", "expect_", "NotImplementedError", "YOUR CODE HERE"):
        assert marker not in text
    assert not (NOTEBOOKS / lesson_id / "plan.md").exists()
    for cell in nb.cells:
        meta = cell.metadata.get("nbgrader", {})
        if cell.cell_type == "code" and meta.get("solution"):
            first, *rest = cell.source.splitlines()
            if first.startswith("%%answer"):
                assert re.fullmatch(r"%%answer q\d+(_\w+)?", first) and not "".join(rest).strip(), cell.source
            else:  # 进阶 data questions stay in Python
                assert "= ..." in first and "#" in first, f"答题单元格缺少中文提示：{first}"


@pytest.mark.parametrize("lesson_id", LESSON_IDS)
def test_answers_need_no_python(lesson_id):
    """Is every graded answer typed as plain text after `%%answer`, except in 进阶 data questions?"""
    nb = nbformat.read(str(source_path(lesson_id)), as_version=4)
    for cell in nb.cells:
        meta = cell.metadata.get("nbgrader", {})
        if cell.cell_type == "code" and meta.get("solution") and not meta.get("grade"):
            if not cell.source.startswith("%%answer "):
                number = meta["grade_id"].split("-")[0]
                heading = [c.source for c in nb.cells if re.search(rf"第{number[1:]}题（进阶", c.source)]
                assert heading, f"{meta['grade_id']} 不是进阶题，却要求写 Python"


@pytest.mark.parametrize("lesson_id", LESSON_IDS)
def test_learner_info_cell_after_setup(lesson_id):
    """Does the graded notebook ask for 学员编号 and 姓名 right after the setup cell, unlocked and ungraded?"""
    nb = nbformat.read(str(released_path(lesson_id)), as_version=4)
    code = [c for c in nb.cells if c.cell_type == "code"]
    info = code[1]
    assert info.metadata.get("scjg") == {"role": "learner-info"}
    assert info.source.splitlines() == ["%%learner", "学员编号：", "姓名："]
    assert "nbgrader" not in info.metadata


@pytest.mark.parametrize("lesson_id", LESSON_IDS)
@pytest.mark.parametrize("kind", ["source", "release"])
def test_lecture_shows_no_answer(lesson_id, kind):
    """Does the lecture (to be projected) hold no graded cell and none of the assignment's solution or hidden-test texts?"""
    nb = nbformat.read(str(lecture_path(lesson_id, kind)), as_version=4)
    assert not any("nbgrader" in cell.metadata for cell in nb.cells)
    text = "\n".join(cell.source for cell in nb.cells)
    for marker in ("BEGIN SOLUTION", "BEGIN HIDDEN TESTS", "expect_"):
        assert marker not in text
    assert not [c for c in nb.cells if c.cell_type == "code" and re.match(r"%%answer q\d", c.source)], "讲授篇中不应有作业的答题单元格"
    texts = solution_texts(lesson_id)
    assert len(texts) >= 3
    leaked = [t for t in texts if t in text and not t.startswith(("from ", "import "))]
    assert leaked == [], leaked


def test_lecture_is_released_unchanged():
    """Does `scjg release` give learners the lecture byte for byte, beside the graded notebook?"""
    for lesson_id in LESSON_IDS:
        assert lecture_path(lesson_id, "release").read_bytes() == lecture_path(lesson_id).read_bytes()


@pytest.mark.parametrize("path", sorted(LESSONS.glob("*/*.ipynb")) + sorted(NOTEBOOKS.glob("*/*.ipynb")),
                         ids=lambda p: f"{p.parent.parent.name}/{p.name}")
def test_committed_without_outputs(path):
    """Is the committed notebook free of outputs and execution counts?"""
    nb = nbformat.read(str(path), as_version=4)
    for cell in nb.cells:
        if cell.cell_type == "code":
            assert cell.outputs == [] and cell.execution_count is None


@pytest.mark.parametrize("lesson_id", LESSON_IDS)
@pytest.mark.parametrize("which", ["lecture", "graded"])
def test_slide_structure(lesson_id, which):
    """Does the lesson present as slides: a title slide first, one slide per section, no empty slides?"""
    nb = nbformat.read(str(lecture_path(lesson_id) if which == "lecture" else source_path(lesson_id)), as_version=4)
    types = [cell.metadata.get("slideshow", {}).get("slide_type") for cell in nb.cells]
    assert all(t is not None for t in types), "每个单元格都应带幻灯片元数据"
    first = nb.cells[0]
    assert types[0] == "slide" and first.cell_type == "markdown" and first.source.startswith("# ")
    for cell, kind in zip(nb.cells, types):
        if cell.cell_type == "markdown" and cell.source.startswith("## "):
            assert kind == "slide", f"章节“{cell.source.splitlines()[0]}”应另起一张幻灯片"
        if kind in ("slide", "subslide"):
            assert cell.source.strip(), "空幻灯片"
    starts = [i for i, t in enumerate(types) if t in ("slide", "subslide")]
    for a, b in zip(starts, starts[1:] + [len(types)]):
        assert any(nb.cells[i].source.strip() for i in range(a, b)), "空幻灯片"
