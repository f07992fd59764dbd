"""One grading worker process: a private temporary course, nbgrader autograde of one submission at a time,
the trusted verdict, feedback, and the copy of the results into the course folder."""
from __future__ import annotations

import os
import shutil
import tempfile
import traceback
from pathlib import Path

from . import common, course, timing
from .inspection import inspect_submission
from .kernels import kernelspec, sanitizers, start_forkserver


def kernel_died(text: str) -> bool:
    """Does nbgrader's log or error text say the kernel died?"""
    return any(word in (text or "") for word in ("DeadKernel", "Kernel died", "kernel died"))


def failure_reason(log: str) -> str:
    text = log or ""
    if kernel_died(text):
        return "运行中内核意外退出（可能是内存或运行时间超限，或代码调用了退出）：本次按 0 分计，请教员核查"
    if "Timeout" in text or "timed out" in text:
        return "运行超时：本次按 0 分计，请教员核查"
    last = [line for line in text.strip().splitlines() if line.strip()][-1:] or ["未知错误"]
    return f"自动评分失败（{last[0][:200]}）：本次按 0 分计，请教员核查"


class Worker:
    """State of one worker process: a private temporary course and an NbGraderAPI on it."""

    def __init__(self, setup: dict):
        from nbgrader.api import Gradebook  # noqa: F401 - imported before fork in the parent

        self.setup = setup
        course.share_gradebook_engines()
        self.lesson = setup["lesson"]
        self.main = Path(setup["course"])
        self.tmp = Path(tempfile.mkdtemp(prefix="scjg-worker-"))
        self.root = self.tmp / "course"
        self.root.mkdir()
        self.db = self.root / "gradebook.db"
        shutil.copy(setup["template_db"], self.db)
        self.confine_in = None
        if setup.get("confined"):
            shared = self.tmp / "box"
            (shared / "runtime").mkdir(parents=True)
            self.confine_in = {"shared": str(shared), "course": str(self.main)}
            os.environ["JUPYTER_RUNTIME_DIR"] = str(shared / "runtime")
        self.forkserver, self.socket_path = (None, None)
        self.restart_forkserver()
        jupyter = self.tmp / "jupyter"
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
        if self.confine_in:  # ZeroMQ over Unix sockets in the shared folder: the sandbox has no network
            config.KernelManager.transport = "ipc"
            config.KernelManager.ip = str(Path(self.confine_in["shared"]) / "runtime" / "kernel")
            config.KernelManager.connection_file = str(Path(self.confine_in["shared"]) / "runtime" / "kernel.json")
        config.OverwriteCells.add_missing_cells = True
        config.Autograde.sanitize_preprocessors = sanitizers()
        self.source = nbformat.read(str(common.kit_root(self.main) / "lessons" / self.lesson / f"{self.lesson}.ipynb"),
                                    as_version=4)
        from . import feedback
        feedback.configure(config, self.main)
        timing.configure(config)
        self.api = course.api_with(config, self.root)

    def restart_forkserver(self) -> None:
        """(Re)start the fork server (a kernel may have killed it) and point the kernelspec at it."""
        if self.forkserver is not None:
            self.forkserver.kill()
            self.forkserver.wait()
        self.forkserver, self.socket_path = (None, None)
        if self.setup.get("fork_kernels", True) and os.name == "posix":
            self.forkserver, self.socket_path = start_forkserver(self.tmp, confine_in=self.confine_in)
        self._use_kernels(forked=True)

    def _use_kernels(self, forked: bool) -> None:
        """Point the private kernelspec at the fork server (forked) or at a cold sandbox kernel."""
        kernelspec(self.tmp, self.setup["memory_mb"], self.setup["timeout"] + 5,
                    self.socket_path if forked else None, self.confine_in)

    def _verdicts(self, learner: str) -> dict:
        """The trusted verdict on the executed notebook (scjg.grading.verdict), written back into it."""
        import nbformat

        from . import verdict
        path = self.root / "autograded" / learner / self.lesson / f"{self.lesson}.ipynb"
        if not path.is_file():
            return {}
        executed = nbformat.read(str(path), as_version=4)
        verdicts = verdict.rescore(self.source, executed)
        verdict.mark_notebook(executed, self.source, verdicts)
        os.chmod(path, 0o644)
        nbformat.write(executed, str(path))
        return verdicts

    def grade(self, task: dict) -> dict:
        """Grade one submission: read and inspect, nbgrader autograde, trusted verdict, gradebook, feedback, copy."""
        from .timing import Clock

        learner = task["learner"]
        clock = Clock()
        result = {"learner": learner, "status": "ok", "notes": [], "grades": {}, "comments": {},
                  "timestamp": None, "seconds": 0.0, "phases": clock.seconds}
        canary = bool(task.get("canary"))
        src = Path(task["source"]) if canary else self.main / "submitted" / learner / self.lesson
        if self._prepare(src, learner, canary, result):
            clock.lap("prepare")
            self._autograde(learner, result)
            clock.lap("nbgrader")
            clock.split_autograde()
            verdicts = self._verdicts(learner) if result["status"] == "ok" else {}
            for verdict in verdicts.values():
                result["notes"] += [f"疑似篡改评分：{note}；请教员核查" for note in verdict.notes]
            clock.lap("verdict")
            self._record(learner, task, verdicts, result)
            clock.lap("gradebook")
            if canary:
                result["notes"] += _first_errors(self.root / "autograded" / learner / self.lesson / f"{self.lesson}.ipynb")
            else:
                self._feedback(learner, result)
                clock.lap("feedback")
                self._copy_back(learner)
                clock.lap("copy")
        else:
            clock.lap("prepare")
        result["seconds"] = sum(clock.seconds.values())
        return result

    def _prepare(self, src: Path, learner: str, canary: bool, result: dict) -> bool:
        """Read and inspect the submission and copy it into the private course; False if it cannot be read."""
        import nbformat

        data = (src / f"{self.lesson}.ipynb").read_bytes()
        try:
            nb = nbformat.reads(data.decode("utf-8"), as_version=4)
            nbformat.validate(nb)
        except Exception:  # noqa: BLE001 - a broken file is a result, not a crash
            result["status"] = "failed"
            result["notes"].append("文件损坏，无法读取（不是有效的 notebook）：本次按 0 分计，请学员重新提交")
            return False
        notes, _tampered = ([], False) if canary else inspect_submission(nb, self.released)
        result["notes"] += notes
        for sub in ("submitted", "autograded", "feedback"):
            shutil.rmtree(self.root / sub / learner, ignore_errors=True)
        shutil.copytree(src, self.root / "submitted" / learner / self.lesson)
        return True

    def _autograde(self, learner: str, result: dict) -> None:
        """nbgrader autograde in the private course; a forked kernel that dies is retried once on a cold one."""
        if self.forkserver is not None and self.forkserver.poll() is not None:
            self.restart_forkserver()  # the previous submission killed it
        outcome = self.api.autograde(self.lesson, learner, force=True, create=True)
        if not outcome.get("success") and self.forkserver is not None and kernel_died(
                (outcome.get("log") or "") + (outcome.get("error") or "")):
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
            result["notes"].append(failure_reason(outcome.get("log", "") + (outcome.get("error") or "")))

    def _record(self, learner: str, task: dict, verdicts: dict, result: dict) -> None:
        """Trusted scores (and the trainer's manual scores and comments) into the private gradebook and `result`."""
        from nbgrader.api import Gradebook, MissingEntry

        with Gradebook(f"sqlite:///{self.db}") as gb:
            try:
                submission = gb.find_submission(self.lesson, learner)
            except MissingEntry:  # autograde stopped before the gradebook
                return
            result["timestamp"] = submission.timestamp.isoformat() if submission.timestamp else None
            for notebook in submission.notebooks:
                for grade in notebook.grades:
                    if grade.name in verdicts:
                        grade.auto_score = verdicts[grade.name].score
                    if grade.cell.cell_type == "code" and result["status"] == "failed":
                        grade.auto_score = 0.0
                    manual = task.get("manual", {}).get(grade.name)
                    if manual is not None:
                        grade.manual_score = manual
                        grade.needs_manual_grade = False
                    result["grades"][grade.name] = {
                        "auto_score": grade.auto_score, "max_score": grade.max_score,
                        "needs_manual_grade": bool(grade.needs_manual_grade) and manual is None,
                        "cell_type": grade.cell.cell_type}
                for comment in notebook.comments:
                    if comment.auto_comment:
                        result["comments"][comment.name] = comment.auto_comment
                    if task.get("comments", {}).get(comment.name):
                        comment.manual_comment = task["comments"][comment.name]
            gb.db.commit()

    def _feedback(self, learner: str, result: dict) -> None:
        if result["status"] == "ok" or (self.root / "autograded" / learner / self.lesson).exists():
            outcome = self.api.generate_feedback(self.lesson, learner, force=True)
            if not outcome.get("success"):  # otherwise silent: the learner would just get no feedback
                os.write(2, f"[scjg grade] {learner}: feedback failed\n{outcome.get('log')}\n"
                            f"{outcome.get('error')}\n".encode())

    def _copy_back(self, learner: str) -> None:
        """The autograded notebook and the feedback into the course folder (replacing an earlier grading)."""
        for sub in ("autograded", "feedback"):
            made = self.root / sub / learner / self.lesson
            target = self.main / sub / learner / self.lesson
            if target.exists():
                _rmtree(target)
            if made.exists():
                target.parent.mkdir(parents=True, exist_ok=True)
                shutil.copytree(made, target)


def _first_errors(path: Path, limit: int = 2) -> list[str]:
    """The first errors recorded in a graded notebook, as 'Name: message' lines."""
    import nbformat
    try:
        nb = nbformat.read(str(path), as_version=4)
    except (OSError, ValueError):
        return []
    found = [f"{o.ename}: {o.evalue}" for c in nb.cells for o in c.get("outputs", []) if o.output_type == "error"]
    return list(dict.fromkeys(found))[:limit]


def _rmtree(path: Path) -> None:
    """Remove a folder nbgrader made read-only (444 files)."""
    def fix(func, p, _exc):
        os.chmod(p, 0o755)
        func(p)
    shutil.rmtree(path, onerror=fix)


def worker_main(conn, log_path: str) -> None:
    """Entry of a worker process: setup message, then one task per message until None."""
    fd = os.open(log_path, os.O_WRONLY | os.O_CREAT | os.O_APPEND, 0o644)
    os.dup2(fd, 1)  # kernel and nbgrader noise goes to the log, not the trainer's terminal
    os.dup2(fd, 2)
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
                worker = Worker(payload)
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
