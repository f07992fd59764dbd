"""`scjg grade LESSON [--jobs N]`: autograde every collected submission in parallel, with feedback.

Design (how it is kept honest and fast):
- The parent registers the lesson in the course gradebook (nbgrader generate_assignment), then
  starts N long-lived worker processes. Each worker owns a private temporary course: a copy of
  the registered gradebook (its own sqlite file) and its own submitted/autograded/feedback
  folders. It grades one submission at a time with nbgrader's own NbGraderAPI.autograde and
  GenerateFeedback, then copies the autograded notebook and the feedback HTML into grading/.
- Only the parent writes the course gradebook (sqlite by default, `--db` any SQLAlchemy URL such as
  Postgres): it merges each worker's result (auto scores, comments, timestamp) through
  nbgrader.api.Gradebook, keeping any manual scores a trainer gave in formgrader. One writer, no
  locking trouble; formgrader sees the usual submitted/autograded layout.
- Isolation: kernels start through a private kernelspec (scjg.grading.sandbox) that sets an
  address-space limit (memory bomb → MemoryError in that cell) and a CPU-time limit, and makes
  scjg.checks / scjg.answers read-only. nbgrader re-adds deleted test cells and restores tampered
  read-only cells; learner code that looks like patching the check helpers is noted for the
  trainer. The parent holds a wall-clock deadline per notebook and kills a stuck worker with its
  kernel, then starts a fresh worker: one bad notebook never stops or slows the others. Every problem gets a Chinese reason in grading/.work/<lesson>/grade.json.
- Speed: workers are forked after nbgrader is imported (no per-worker import cost), kernels are
  shut down immediately instead of gracefully, and rfc3987-syntax (pulled in by jsonschema) is
  not imported (see course.py). Each worker keeps a fork server (scjg.grading.forkserver) that has
  ipykernel, pandas, matplotlib and the kit imported once; every notebook's kernel is forked from
  it (about 0.1 s instead of 1.5 s of start-up and imports). `--cold-kernels` starts each kernel
  the ordinary way; a test checks both give the same scores.
- Idempotent: every run regrades from grading/submitted/ with force; results overwrite.
- Verdict: the kernel never sees the hidden tests; `scjg.checks.check` records each answer value and the
  trusted grader re-runs the source notebook's hidden tests on them in its own process (scjg.grading.verdict).
  Kernels run confined with bubblewrap (scjg.grading.confine) where the machine allows it.
- Files: kernels (kernelspec, fork server), inspection (notes on edited cells and tampering), worker (one
  submission), pool (workers and deadlines), merge (gradebook), selfcheck (answer key), this file (the run, CLI).
- Self-check: before the cohort, the lesson's answer key is graded in the same workers; if it does not
  score full marks the run stops with a Chinese reason (a broken environment must not zero a cohort).
"""
from __future__ import annotations

import os
import shutil
import tempfile
import time
from pathlib import Path

from . import common, course, shared_gradebook
from .merge import merge
from .pool import Pool
from .selfcheck import check_answer_key


def submissions(course_root: Path, lesson_id: str) -> list[str]:
    """Learners with a collected notebook for the lesson."""
    base = course_root / "submitted"
    return sorted(p.parent.parent.name for p in base.glob(f"*/{lesson_id}/{lesson_id}.ipynb")) if base.is_dir() else []


def grade(course_root: Path, lesson_id: str, *, jobs: int | None = None, db: str | None = None,
          timeout: int = 300, memory_mb: int = 2048, learners: list[str] | None = None, quiet: bool = False,
          fork_kernels: bool = True, timing: bool = False) -> dict:
    """Autograde the lesson's collected submissions; returns {learner: status entry} (also in grade.json)."""
    course.quiet_nbgrader_warnings()
    from nbgrader.api import Gradebook, MissingEntry

    common.lesson_entry(course_root, lesson_id)
    course_root = Path(course_root).resolve()
    url = common.db_url(course_root, db)
    work = common.work_dir(course_root, lesson_id)
    collected = submissions(course_root, lesson_id)
    if not collected:
        raise ValueError(f"grading/submitted/ 中没有课程 {lesson_id} 的作业，请先运行 scjg collect")
    unknown = sorted(set(learners or []) - set(collected))
    if unknown:  # refused before anything is written: no phantom learner in the gradebook
        raise ValueError(f"以下学员没有已收取的课程 {lesson_id} 作业：{'、'.join(unknown)}。"
                         f"已收取作业的学员：{'、'.join(collected)}")
    todo = list(dict.fromkeys(learners)) if learners else collected
    jobs = max(1, min(jobs or os.cpu_count() or 1, len(todo)))
    roster = common.load_roster(course_root, warn=False)
    shared_gradebook.prepare(url, todo, roster)  # several trainers on one PostgreSQL gradebook
    release = work / "release"
    released = course.register_assignment(course_root, lesson_id, url, release)
    template = work / "template.db"
    if url.startswith("sqlite:///"):
        shutil.copy(url[len("sqlite:///"):], template)
    else:
        template.unlink(missing_ok=True)
        with tempfile.TemporaryDirectory(prefix="scjg-reg-") as tmp:
            course.register_assignment(course_root, lesson_id, f"sqlite:///{template}", Path(tmp) / "release")
    manual: dict[str, dict] = {}
    comments: dict[str, dict] = {}
    with Gradebook(url) as gb:
        for learner in todo:
            try:
                sub = gb.find_submission(lesson_id, learner)
            except MissingEntry:  # first grading
                continue
            manual[learner] = {g.name: g.manual_score for n in sub.notebooks for g in n.grades if g.manual_score is not None}
            comments[learner] = {c.name: c.manual_comment for n in sub.notebooks for c in n.comments if c.manual_comment}
    from . import confine
    unconfined = confine.unavailable()
    if unconfined and not quiet:
        print(confine.warning(unconfined), flush=True)
    setup = {"course": str(course_root), "lesson": lesson_id, "template_db": str(template), "released": str(released),
             "timeout": int(timeout), "memory_mb": int(memory_mb), "fork_kernels": bool(fork_kernels),
             "confined": unconfined is None}
    status_path = work / "grade.json"
    status = common.read_json(status_path, {})
    done = 0
    results: list[dict] = []
    start = time.perf_counter()
    with Gradebook(url) as gb:
        def on_result(result: dict) -> None:
            nonlocal done
            if unconfined:
                result["notes"].append(f"未隔离运行：本份作业的代码在评分机上未受隔离（{unconfined}），请教员留意")
            merge(gb, lesson_id, result, roster, course_root)
            results.append(result)
            done += 1
            status[result["learner"]] = {"status": result["status"], "notes": result["notes"],
                                         "seconds": round(result["seconds"], 2)}
            if not quiet:
                mark = "✓" if result["status"] == "ok" and not result["notes"] else "!"
                score = sum((g["auto_score"] or 0) for g in result["grades"].values())
                extra = f"：{'；'.join(result['notes'])}" if result["notes"] else ""
                print(f"  [{done}/{len(todo)}] {mark} {result['learner']} 自动评分 {score:g} 分{extra}", flush=True)
        pool = Pool(jobs, setup, work / "grade.log", deadline=timeout + 30)
        try:
            check_answer_key(pool, course_root, lesson_id, work)
            pool.run([{"learner": lr, "manual": manual.get(lr, {}), "comments": comments.get(lr, {})} for lr in todo],
                     on_result)
        finally:
            pool.close()
    for learner in set(status) - set(submissions(course_root, lesson_id)):
        del status[learner]
    common.write_json(status_path, status)
    if not quiet:
        elapsed = time.perf_counter() - start
        bad = sum(1 for lr in todo if status[lr]["notes"])
        print(f"课程 {lesson_id}：{len(todo)} 份作业评分完成（{jobs} 个进程，用时 {elapsed:.1f} 秒），其中 {bad} 份有异常说明。")
    if timing:
        from .timing import summary
        print("\n".join(summary(results)))
    return status


def regenerate_feedback(course_root: Path, lesson_id: str, db: str | None = None, *,
                        release_answers: bool = False) -> int:
    """Feedback for every graded learner from the course gradebook (after manual grading in formgrader);
    with `release_answers`, each question shows its right answer and 解析."""
    from . import feedback

    config = course.load_config(course_root)
    config.CourseDirectory.db_url = common.db_url(course_root, db)
    feedback.configure(config, course_root, lesson_id=lesson_id, release_answers=release_answers)
    nb_api = course.api_with(config, course_root)
    result = nb_api.generate_feedback(lesson_id, force=True)
    if not result.get("success"):
        print(f"生成反馈失败：{result.get('error') or result.get('log')}")
        return 1
    print(f"已更新反馈：{course_root / 'feedback'}")
    return 0


def add_arguments(parser) -> None:
    parser.add_argument("lesson", metavar="课程编号")
    parser.add_argument("--jobs", type=int, default=None, help="并行评分进程数（默认：CPU 核数）")
    parser.add_argument("--db", default=None, help="成绩库地址（SQLAlchemy URL，如 postgresql://...；默认 grading/gradebook.db）")
    parser.add_argument("--timeout", type=int, default=300, help="每份作业最长运行秒数（默认 300）")
    parser.add_argument("--memory-mb", type=int, default=2048, help="每份作业可用内存上限（MB，默认 2048）")
    parser.add_argument("--learner", action="append", default=None, help="只评这些学员（可重复）")
    parser.add_argument("--feedback-only", action="store_true", help="不重新评分，只按成绩库（含人工评分）重新生成反馈")
    parser.add_argument("--release-answers", action="store_true",
                        help="在反馈中发布每道题的正确答案和解析（取自教案 plan.md；默认不发布）")
    parser.add_argument("--cold-kernels", action="store_true",
                        help="每份作业都用全新启动的内核，而不是从预热的内核进程派生（较慢，仅用于排查问题）")
    parser.add_argument("--timing", action="store_true",
                        help="评分结束后列出每份作业平均用在各环节的时间（内核、单元格执行、nbgrader、反馈等）")
    common.add_course_option(parser)


def run(args) -> int:
    root = common.course_root(args.course)
    try:
        if args.feedback_only:
            common.lesson_entry(root, args.lesson)
            return regenerate_feedback(root, args.lesson, args.db, release_answers=args.release_answers)
        grade(root, args.lesson, jobs=args.jobs, db=args.db, timeout=args.timeout, memory_mb=args.memory_mb,
              fork_kernels=not args.cold_kernels, learners=args.learner, timing=args.timing)
        if args.release_answers and regenerate_feedback(root, args.lesson, args.db, release_answers=True):
            return 1
    except (ValueError, RuntimeError) as err:
        print(f"评分失败：{err}")
        return 1
    print(f"反馈：{root / 'feedback'}；下一步：在 JupyterLab 的 Formgrader 中批改说理题，然后 scjg report {args.lesson}")
    return 0
