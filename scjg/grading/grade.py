"""`scjg grade LESSON [--jobs N]`: autograde every collected submission in parallel, with feedback.

Design (why it is safe and fast):
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
  read-only cells; learner code that patches the check helpers is detected and its automatic
  score voided for a trainer to review. The parent holds a wall-clock deadline per notebook and
  kills a stuck worker with its kernel, then starts a fresh worker: one bad notebook never stops
  or slows the others. Every problem gets a Chinese reason in grading/.work/<lesson>/grade.json.
- Speed: workers are forked after nbgrader is imported (no per-worker import cost), kernels are
  shut down immediately instead of gracefully, and rfc3987-syntax (pulled in by jsonschema) is
  not imported (see course.py). Each worker keeps a fork server (scjg.grading.forkserver) that has
  ipykernel, pandas, matplotlib and the kit imported once; every notebook's kernel is forked from
  it (about 0.1 s instead of 1.5 s of start-up and imports). `--cold-kernels` starts each kernel
  the ordinary way; a test checks both give the same scores.
- Idempotent: every run regrades from grading/submitted/ with force; results overwrite.
- Self-check: before the cohort, the lesson's answer key is graded in the same workers; if it does not
  score full marks the run stops with a Chinese reason (a broken environment must not zero a cohort).
"""
from __future__ import annotations

import json
import multiprocessing
import os
import re
import shutil
import sys
import tempfile
import time
import traceback
from multiprocessing.connection import wait
from pathlib import Path

from . import common, course, shared_gradebook

SUSPICIOUS = [
    (re.compile(r"\b(scjg\.)?(checks|answers)\s*\.\s*\w+\s*=(?!=)"), "给评分检查函数重新赋值"),
    (re.compile(r"\bexpect_\w+\s*=(?!=)"), "给评分检查函数重新赋值"),
    (re.compile(r"sys\s*\.\s*modules"), "修改 sys.modules（替换评分模块）"),
    (re.compile(r"\b__builtins__\b|\bimport\s+builtins\b|\bbuiltins\s*\."), "修改 Python 内置函数"),
    (re.compile(r"\bsetattr\s*\(|__dict__|__class__\s*=(?!=)"), "用 setattr/__dict__ 修改对象或模块"),
    (re.compile(r"\bimportlib\b|\bctypes\b|\bgc\s*\.\s*get_referr"), "使用 importlib/ctypes/gc 等底层手段"),
    (re.compile(r"\bAssertionError\s*=(?!=)"), "替换 AssertionError"),
]


# ---------------------------------------------------------------- worker side

def _start_forkserver(base: Path, timeout: float = 30.0):
    """Start a pre-warmed kernel factory (scjg.grading.forkserver); (process, socket) or (None, None)."""
    import subprocess
    path = base / "kernels.sock"
    proc = subprocess.Popen([sys.executable, "-m", "scjg.grading.forkserver", str(path)],
                            stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL)
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline and proc.poll() is None:
        if path.exists():
            return proc, path
        time.sleep(0.05)
    proc.kill()
    return None, None


def _kernelspec(base: Path, memory_mb: int, cpu_seconds: int, forkserver: Path | None = None) -> Path:
    """A private "python3" kernelspec: the sandboxed kernel with the limits, forked from `forkserver` if given."""
    folder = base / "jupyter" / "kernels" / "python3"
    folder.mkdir(parents=True, exist_ok=True)
    module = "scjg.grading.forkkernel" if forkserver else "scjg.grading.sandbox"
    spec = {
        "argv": [sys.executable, "-m", module, "-f", "{connection_file}"],
        "display_name": "Python 3 (ipykernel)",
        "language": "python",
        "metadata": {"debugger": False},
        "env": {"SCJG_KERNEL_MEMORY_MB": str(memory_mb), "SCJG_KERNEL_CPU_SECONDS": str(cpu_seconds),
                "PYTHONWARNINGS": "ignore", **({"SCJG_FORKSERVER": str(forkserver)} if forkserver else {})},
    }
    (folder / "kernel.json").write_text(json.dumps(spec), encoding="utf-8")
    return base / "jupyter"


def inspect_submission(nb, released) -> tuple[list[str], bool]:
    """Chinese notes on how a submission departs from the release, and whether the check helpers were tampered with."""
    want = common.grade_layout(released)
    have = common.grade_layout(nb)
    notes: list[str] = []
    for gid, info in want.items():
        label = common.question_label(gid)
        if gid not in have:
            if info["kind"] == "test":
                notes.append(f"{label}的测试单元格（{gid}）被删除：已按原题补回后评分")
            elif info["kind"] == "answer":
                notes.append(f"{label}的答题单元格（{gid}）被删除：该题按未作答计")
            elif info["kind"] == "written":
                notes.append(f"{label}的作答单元格（{gid}）被删除：已补回空白单元格")
            else:
                notes.append(f"只读单元格（{gid}）被删除：已按原题补回")
        elif info["kind"] in ("test", "locked") and have[gid]["source"].strip() != info["source"].strip():
            notes.append(f"{label}的只读单元格（{gid}）被修改：评分时已恢复原题")
    tampered = False
    for cell in nb.cells:
        meta = cell.get("metadata", {}).get("nbgrader", {})
        if cell.cell_type != "code" or (meta.get("locked") and meta.get("grade_id") in want):
            continue
        for pattern, what in SUSPICIOUS:
            match = pattern.search(cell.source)
            if match:
                notes.append(f"疑似篡改评分：{what}（“{match.group(0).strip()}”）；自动评分已作废，请教员人工核查")
                tampered = True
                break
    return notes, tampered


def _kernel_died(outcome: dict) -> bool:
    text = (outcome.get("log") or "") + (outcome.get("error") or "")
    return "DeadKernel" in text or "Kernel died" in text or "kernel died" in text


def _failure_reason(log: str) -> str:
    text = log or ""
    if "DeadKernel" in text or "Kernel died" in text or "kernel died" in text:
        return "运行中内核意外退出（可能是内存或运行时间超限，或代码调用了退出）：本次按 0 分计，请教员核查"
    if "Timeout" in text or "timed out" in text:
        return "运行超时：本次按 0 分计，请教员核查"
    last = [line for line in text.strip().splitlines() if line.strip()][-1:] or ["未知错误"]
    return f"自动评分失败（{last[0][:200]}）：本次按 0 分计，请教员核查"


class _Worker:
    """State of one worker process: a private temporary course and an NbGraderAPI on it."""

    def __init__(self, setup: dict):
        from nbgrader.api import Gradebook  # noqa: F401 - imported before fork in the parent

        self.setup = setup
        self.lesson = setup["lesson"]
        self.main = Path(setup["course"])
        self.tmp = Path(tempfile.mkdtemp(prefix="scjg-worker-"))
        self.root = self.tmp / "course"
        self.root.mkdir()
        self.db = self.root / "gradebook.db"
        shutil.copy(setup["template_db"], self.db)
        self.forkserver, socket_path = (None, None)
        if setup.get("fork_kernels", True) and os.name == "posix":
            self.forkserver, socket_path = _start_forkserver(self.tmp)
        self.socket_path = socket_path
        jupyter = _kernelspec(self.tmp, setup["memory_mb"], setup["timeout"] + 5, socket_path)
        os.environ["JUPYTER_PATH"] = os.pathsep.join([str(jupyter), os.environ.get("JUPYTER_PATH", "")]).rstrip(os.pathsep)
        import nbformat
        self.released = nbformat.read(setup["released"], as_version=4)
        config = course.load_config(self.main)
        config.CourseDirectory.root = str(self.root)
        config.CourseDirectory.db_url = f"sqlite:///{self.db}"
        config.CourseDirectory.source_directory = str(common.kit_root(self.main) / "lessons")
        config.CourseDirectory.release_directory = str(Path(setup["released"]).parent.parent)
        for name in ("submitted_directory", "autograded_directory", "feedback_directory"):
            if name in config.CourseDirectory:
                del config.CourseDirectory[name]
        cell_timeout = int(config.Execute.get("timeout", 60) or 60)
        config.Execute.timeout = max(1, min(cell_timeout, setup["timeout"]))
        config.Execute.interrupt_on_timeout = True
        config.Execute.shutdown_kernel = "immediate"
        config.OverwriteCells.add_missing_cells = True
        from . import feedback
        feedback.configure(config, self.main)
        self.api = course.api_with(config, self.root)

    def _use_kernels(self, forked: bool) -> None:
        """Point the private kernelspec at the fork server (forked) or at a cold sandbox kernel."""
        _kernelspec(self.tmp, self.setup["memory_mb"], self.setup["timeout"] + 5,
                    self.socket_path if forked else None)

    def grade(self, task: dict) -> dict:
        import nbformat
        from nbgrader.api import Gradebook

        learner = task["learner"]
        start = time.perf_counter()
        result = {"learner": learner, "status": "ok", "notes": [], "grades": {}, "comments": {},
                  "timestamp": None, "seconds": 0.0}
        canary = bool(task.get("canary"))
        src = Path(task["source"]) if canary else self.main / "submitted" / learner / self.lesson
        data = (src / f"{self.lesson}.ipynb").read_bytes()
        try:
            nb = nbformat.reads(data.decode("utf-8"), as_version=4)
            nbformat.validate(nb)
        except Exception:  # noqa: BLE001 - a broken file is a result, not a crash
            result["status"] = "failed"
            result["notes"].append("文件损坏，无法读取（不是有效的 notebook）：本次按 0 分计，请学员重新提交")
            result["seconds"] = time.perf_counter() - start
            return result
        notes, tampered = ([], False) if canary else inspect_submission(nb, self.released)
        result["notes"] += notes
        for sub in ("submitted", "autograded", "feedback"):
            shutil.rmtree(self.root / sub / learner, ignore_errors=True)
        shutil.copytree(src, self.root / "submitted" / learner / self.lesson)
        outcome = self.api.autograde(self.lesson, learner, force=True, create=True)
        if not outcome.get("success") and self.forkserver is not None and _kernel_died(outcome):
            # A forked kernel that dies is graded again on a cold one before the learner is marked:
            # a submission that kills its kernel dies again, an infrastructure hiccup does not count.
            os.write(2, f"[scjg grade] {learner}: forked kernel died, grading again with a cold kernel\n".encode())
            self._use_kernels(forked=False)
            try:
                outcome = self.api.autograde(self.lesson, learner, force=True, create=True)
            finally:
                self._use_kernels(forked=True)
        if not outcome.get("success"):
            result["status"] = "failed"
            result["notes"].append(_failure_reason(outcome.get("log", "") + (outcome.get("error") or "")))
        with Gradebook(f"sqlite:///{self.db}") as gb:
            try:
                submission = gb.find_submission(self.lesson, learner)
            except Exception:  # noqa: BLE001 - MissingEntry: autograde stopped before the gradebook
                submission = None
            if submission is not None:
                result["timestamp"] = submission.timestamp.isoformat() if submission.timestamp else None
                for notebook in submission.notebooks:
                    for grade in notebook.grades:
                        auto = grade.auto_score
                        if grade.cell.cell_type == "code" and (result["status"] == "failed" or tampered):
                            auto = 0.0
                            grade.auto_score = 0.0
                        manual = task.get("manual", {}).get(grade.name)
                        if manual is not None:
                            grade.manual_score = manual
                            grade.needs_manual_grade = False
                        result["grades"][grade.name] = {
                            "auto_score": auto, "max_score": grade.max_score,
                            "needs_manual_grade": bool(grade.needs_manual_grade) and manual is None,
                            "cell_type": grade.cell.cell_type}
                    for comment in notebook.comments:
                        if comment.auto_comment:
                            result["comments"][comment.name] = comment.auto_comment
                        if task.get("comments", {}).get(comment.name):
                            comment.manual_comment = task["comments"][comment.name]
                gb.db.commit()
        if canary:
            result["notes"] += _first_errors(self.root / "autograded" / learner / self.lesson / f"{self.lesson}.ipynb")
            result["seconds"] = time.perf_counter() - start
            return result
        if result["status"] == "ok" or (self.root / "autograded" / learner / self.lesson).exists():
            made = self.api.generate_feedback(self.lesson, learner, force=True)
            if not made.get("success"):
                os.write(2, f"[scjg grade] {learner}: feedback failed\n{made.get('log')}\n{made.get('error')}\n".encode())
        for sub in ("autograded", "feedback"):
            made = self.root / sub / learner / self.lesson
            target = self.main / sub / learner / self.lesson
            if target.exists():
                _rmtree(target)
            if made.exists():
                target.parent.mkdir(parents=True, exist_ok=True)
                shutil.copytree(made, target)
        result["seconds"] = time.perf_counter() - start
        return result


def _first_errors(path: Path, limit: int = 2) -> list[str]:
    """The first errors recorded in a graded notebook, as 'Name: message' lines."""
    import nbformat
    try:
        nb = nbformat.read(str(path), as_version=4)
    except (OSError, ValueError):
        return []
    found = [f"{o.ename}: {o.evalue}" for c in nb.cells for o in c.get("outputs", []) if o.output_type == "error"]
    return list(dict.fromkeys(found))[:limit]


def _check_answer_key(pool: "_Pool", course_root: Path, lesson_id: str, work: Path) -> None:
    """Grade the lesson's answer key first: if it does not score full marks here, the environment is
    broken (missing data, a failing package), and grading the cohort would zero everyone silently."""
    entry = common.lesson_entry(course_root, lesson_id)
    full = float(entry.get("points", 0) or 0)
    source = common.kit_root(course_root) / "lessons" / lesson_id / f"{lesson_id}.ipynb"
    if not full or not source.exists():
        return
    folder = work / "answer-key" / lesson_id
    shutil.rmtree(folder, ignore_errors=True)
    folder.mkdir(parents=True)
    shutil.copy(source, folder / source.name)
    (folder / "timestamp.txt").write_text("2000-01-01 00:00:00.000000 UTC")
    results: list[dict] = []
    pool.run([{"learner": "answer-key", "canary": True, "source": str(folder)}], results.append)
    result = results[0]
    got = sum((g["auto_score"] or 0) for g in result["grades"].values() if g["cell_type"] == "code")
    if result["status"] != "ok" or abs(got - full) > 1e-6:
        detail = "；".join(result["notes"]) or "无错误信息"
        raise RuntimeError(
            f"评分环境自检未通过：课程 {lesson_id} 的标准答案在本机只得 {got:g}/{full:g} 分（{detail}）。"
            "这是评分环境的问题（例如缺少数据文件或依赖包），不是学员的问题；已停止评分，成绩库未改动。"
            "请运行 scjg doctor 检查环境，或加 --cold-kernels 重试。")


def _rmtree(path: Path) -> None:
    """Remove a folder nbgrader made read-only (444 files)."""
    def fix(func, p, _exc):
        os.chmod(p, 0o755)
        func(p)
    shutil.rmtree(path, onerror=fix)


def _worker_main(conn, log_path: str) -> None:
    """Entry of a worker process: setup message, then one task per message until None."""
    fd = os.open(log_path, os.O_WRONLY | os.O_CREAT | os.O_APPEND, 0o644)
    os.dup2(fd, 2)  # kernel and nbgrader noise goes to the log, not the trainer's terminal
    worker = None
    while True:
        try:
            message = conn.recv()
        except EOFError:
            break
        if message is None:
            break
        kind, payload = message
        try:
            if kind == "setup":
                worker = _Worker(payload)
                conn.send(("ready", None))
            else:
                conn.send(("done", worker.grade(payload)))
        except Exception:  # noqa: BLE001 - reported to the parent, which marks the submission
            conn.send(("error", {"learner": payload.get("learner"), "trace": traceback.format_exc()}))
    if worker is not None:
        if worker.forkserver is not None:
            worker.forkserver.kill()
            worker.forkserver.wait()
        shutil.rmtree(worker.tmp, ignore_errors=True)


# ---------------------------------------------------------------- parent side

def _kill_tree(pid: int) -> None:
    import psutil
    try:
        proc = psutil.Process(pid)
        children = proc.children(recursive=True)
    except psutil.NoSuchProcess:
        return
    for child in children:
        try:
            child.kill()
        except psutil.NoSuchProcess:
            pass
    try:
        proc.kill()
    except psutil.NoSuchProcess:
        pass


class _Pool:
    """N workers with a per-task deadline; a worker that overruns or dies is killed and replaced."""

    def __init__(self, jobs: int, setup: dict, log_path: Path, deadline: float):
        import nbgrader.apps  # noqa: F401 - imported once here, inherited by forked workers

        methods = multiprocessing.get_all_start_methods()
        self.ctx = multiprocessing.get_context("fork" if "fork" in methods else "spawn")
        self.setup, self.log_path, self.deadline = setup, str(log_path), deadline
        self.workers = [self._start() for _ in range(jobs)]

    def _start(self) -> dict:
        parent, child = self.ctx.Pipe()
        proc = self.ctx.Process(target=_worker_main, args=(child, self.log_path), daemon=True)
        proc.start()
        child.close()
        parent.send(("setup", self.setup))
        return {"proc": proc, "conn": parent, "task": None, "since": 0.0, "ready": False}

    def run(self, tasks: list[dict], on_result) -> None:
        pending = list(tasks)
        while pending or any(w["task"] for w in self.workers):
            for w in self.workers:
                if w["ready"] and w["task"] is None and pending:
                    w["task"] = pending.pop(0)
                    w["since"] = time.monotonic()
                    w["conn"].send(("grade", w["task"]))
            waitables = [w["conn"] for w in self.workers] + [w["proc"].sentinel for w in self.workers]
            wait(waitables, timeout=0.5)
            for i, w in enumerate(self.workers):
                if w["conn"].poll():
                    try:
                        kind, payload = w["conn"].recv()
                    except (EOFError, OSError):
                        kind, payload = "dead", None
                    if kind == "ready":
                        w["ready"] = True
                        continue
                    if kind == "done":
                        on_result(payload)
                        w["task"] = None
                        continue
                    if kind == "error":
                        if w["task"] is None:  # setup failed: nothing can be graded
                            raise RuntimeError(f"评分进程无法启动：\n{payload['trace']}")
                        on_result(_failed(w["task"], "评分程序出错：" + payload["trace"].strip().splitlines()[-1]))
                        w["task"] = None
                        continue
                overdue = w["task"] is not None and time.monotonic() - w["since"] > self.deadline
                dead = not w["proc"].is_alive()
                if overdue or dead:
                    if w["task"] is not None:
                        reason = (f"运行超过 {int(self.deadline)} 秒仍未结束（可能是死循环），已强制终止：本次按 0 分计"
                                  if overdue else "评分进程意外退出（可能是内存耗尽）：本次按 0 分计")
                        on_result(_failed(w["task"], reason))
                    elif dead:
                        raise RuntimeError("评分进程无法启动，请查看日志 " + self.log_path)
                    _kill_tree(w["proc"].pid)
                    w["conn"].close()
                    self.workers[i] = self._start()

    def close(self) -> None:
        for w in self.workers:
            try:
                w["conn"].send(None)
            except (OSError, BrokenPipeError):
                pass
        for w in self.workers:
            w["proc"].join(timeout=5)
            if w["proc"].is_alive():
                _kill_tree(w["proc"].pid)


def _failed(task: dict, reason: str) -> dict:
    return {"learner": task["learner"], "status": "failed", "notes": [reason], "grades": {}, "comments": {},
            "timestamp": None, "seconds": 0.0}


def submissions(course_root: Path, lesson_id: str) -> list[str]:
    """Learners with a collected notebook for the lesson."""
    base = course_root / "submitted"
    return sorted(p.parent.parent.name for p in base.glob(f"*/{lesson_id}/{lesson_id}.ipynb")) if base.is_dir() else []


def _merge(gb, lesson_id: str, result: dict, roster: dict[str, str], course_root: Path) -> None:
    """Write one worker result into the course gradebook (the only writer), keeping manual scores."""
    import datetime as dt

    learner = result["learner"]
    gb.update_or_create_student(learner, last_name=roster.get(learner, ""), first_name="")
    stamp = None
    if result.get("timestamp"):
        stamp = dt.datetime.fromisoformat(result["timestamp"])
    else:
        ts_file = course_root / "submitted" / learner / lesson_id / "timestamp.txt"
        if ts_file.is_file():
            from nbgrader.utils import parse_utc
            try:
                stamp = parse_utc(ts_file.read_text(encoding="utf-8").strip())
            except Exception:  # noqa: BLE001
                stamp = None
    submission = gb.update_or_create_submission(lesson_id, learner, timestamp=stamp)
    for notebook in submission.notebooks:
        notebook.flagged = result["status"] != "ok" or any("篡改" in n for n in result["notes"])
        for grade in notebook.grades:
            info = result["grades"].get(grade.name)
            if info is None:  # failed before grading: automatic tests 0, written answers left to the trainer
                if grade.cell.cell_type == "code":
                    grade.auto_score = 0.0
                    grade.needs_manual_grade = False
                else:
                    grade.auto_score = None
                    grade.needs_manual_grade = grade.manual_score is None
                continue
            grade.auto_score = info["auto_score"]
            grade.needs_manual_grade = info["needs_manual_grade"] and grade.manual_score is None
        for comment in notebook.comments:
            comment.auto_comment = result["comments"].get(comment.name)
    gb.db.commit()


def grade(course_root: Path, lesson_id: str, *, jobs: int | None = None, db: str | None = None,
          timeout: int = 300, memory_mb: int = 2048, learners: list[str] | None = None, quiet: bool = False,
          fork_kernels: bool = True) -> dict:
    """Autograde the lesson's collected submissions; returns {learner: status entry} (also in grade.json)."""
    course.quiet_nbgrader_warnings()
    from nbgrader.api import Gradebook

    common.lesson_entry(course_root, lesson_id)
    course_root = Path(course_root).resolve()
    url = common.db_url(course_root, db)
    work = common.work_dir(course_root, lesson_id)
    todo = learners or submissions(course_root, lesson_id)
    if not todo:
        raise ValueError(f"grading/submitted/ 中没有课程 {lesson_id} 的作业，请先运行 scjg collect")
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
            except Exception:  # noqa: BLE001 - MissingEntry: first grading
                continue
            manual[learner] = {g.name: g.manual_score for n in sub.notebooks for g in n.grades if g.manual_score is not None}
            comments[learner] = {c.name: c.manual_comment for n in sub.notebooks for c in n.comments if c.manual_comment}
    setup = {"course": str(course_root), "lesson": lesson_id, "template_db": str(template), "released": str(released),
             "timeout": int(timeout), "memory_mb": int(memory_mb), "fork_kernels": bool(fork_kernels)}
    status_path = work / "grade.json"
    status = common.read_json(status_path, {})
    done = 0
    start = time.perf_counter()
    with Gradebook(url) as gb:
        def on_result(result: dict) -> None:
            nonlocal done
            _merge(gb, lesson_id, result, roster, course_root)
            done += 1
            status[result["learner"]] = {"status": result["status"], "notes": result["notes"],
                                         "seconds": round(result["seconds"], 2)}
            if not quiet:
                mark = "✓" if result["status"] == "ok" and not result["notes"] else "!"
                score = sum((g["auto_score"] or 0) for g in result["grades"].values())
                extra = f"：{'；'.join(result['notes'])}" if result["notes"] else ""
                print(f"  [{done}/{len(todo)}] {mark} {result['learner']} 自动评分 {score:g} 分{extra}", flush=True)
        pool = _Pool(jobs, setup, work / "grade.log", deadline=timeout + 30)
        try:
            _check_answer_key(pool, course_root, lesson_id, work)
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
    common.add_course_option(parser)


def run(args) -> int:
    root = common.course_root(args.course)
    try:
        if args.feedback_only:
            common.lesson_entry(root, args.lesson)
            return regenerate_feedback(root, args.lesson, args.db, release_answers=args.release_answers)
        grade(root, args.lesson, jobs=args.jobs, db=args.db, timeout=args.timeout, memory_mb=args.memory_mb,
              fork_kernels=not args.cold_kernels,
              learners=args.learner)
        if args.release_answers and regenerate_feedback(root, args.lesson, args.db, release_answers=True):
            return 1
    except (ValueError, RuntimeError) as err:
        print(f"评分失败：{err}")
        return 1
    print(f"反馈：{root / 'feedback'}；下一步：在 JupyterLab 的 Formgrader 中批改说理题，然后 scjg report {args.lesson}")
    return 0
