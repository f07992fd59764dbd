"""`scjg release`: learner versions of lessons/ into notebooks/ with nbgrader generate_assignment.

The graded notebook `<id>.ipynb` goes through nbgrader (solutions and hidden tests removed); the
lecture `lecture.ipynb` is copied beside it unchanged (it carries no graded answer; a test checks
that it holds none of the assignment's solution texts).

Deterministic: releasing twice writes the same bytes, so notebooks/ can be committed
and a test can tell when it is stale.
"""
from __future__ import annotations

import shutil
import tempfile
from pathlib import Path

from .. import catalog
from . import common, course

LECTURE = "lecture.ipynb"  # the lecture notebook beside a lesson's graded <id>.ipynb (design.md)


def release(lesson_ids: list[str] | None = None, *, dest: Path | None = None,
            course_root: Path | None = None) -> list[Path]:
    """Release the lessons (default: all in the catalog) of a workspace (default: the one this runs in)
    into `dest` (default: its notebooks/); return the notebooks written.

    The gradebook used is a throwaway one: registering assignments for grading is
    `scjg grade`'s job, so a release never touches the trainer's gradebook.
    """
    course_root = common.course_root(course_root)
    lessons = common.kit_root(course_root) / "lessons"
    lesson_ids = lesson_ids or catalog.ids(lessons_dir=lessons)
    dest = Path(dest or common.kit_root(course_root) / "notebooks").resolve()
    written: list[Path] = []
    with tempfile.TemporaryDirectory(prefix="scjg-release-") as tmp:
        out = Path(tmp) / "release"
        nb_api = course.api(
            course_root,
            release_directory=str(out),
            source_directory=str(lessons.resolve()),
            db_url=f"sqlite:///{Path(tmp) / 'gradebook.db'}",
        )
        for lesson_id in lesson_ids:
            catalog.lesson(lesson_id, lessons)  # unknown id -> Chinese ValueError
            if not (lessons / lesson_id / f"{lesson_id}.ipynb").is_file():
                raise ValueError(f"找不到课程源文件 lessons/{lesson_id}/{lesson_id}.ipynb")
            result = nb_api.generate_assignment(lesson_id, force=True, create=True)
            if not result.get("success"):
                raise RuntimeError(f"生成学员版 {lesson_id} 失败：\n{result.get('error') or result.get('log')}")
            target = dest / lesson_id
            if target.exists():
                shutil.rmtree(target)
            shutil.copytree(out / lesson_id, target)
            lecture = lessons / lesson_id / LECTURE
            if lecture.is_file():  # the lecture holds no graded answer: learners get it as it is
                shutil.copyfile(lecture, target / LECTURE)
            written.extend(sorted(target.glob("*.ipynb")))
    return written


def add_arguments(parser) -> None:
    parser.add_argument("lessons", nargs="*", metavar="课程编号", help="要发布的课程（默认：课程目录中的全部课程）")
    parser.add_argument("--dest", type=Path, default=None, help="输出文件夹（默认 notebooks/）")
    common.add_course_option(parser)


@common.trainer_verb("发布失败")
def run(args, root: Path) -> int:
    paths = release(args.lessons or None, dest=args.dest, course_root=root)
    for path in paths:
        print(f"已生成学员版：{path}")
    return 0
