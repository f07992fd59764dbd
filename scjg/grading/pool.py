"""The parent's pool of grading workers: a per-task deadline; a worker that overruns or dies is killed with its
kernels and replaced, and its submission marked in Chinese."""
from __future__ import annotations

import multiprocessing
import time
from multiprocessing.connection import wait
from pathlib import Path

from .worker import worker_main


def kill_tree(pid: int) -> None:
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


class Pool:
    """N workers with a per-task deadline; a worker that overruns or dies is killed and replaced."""

    def __init__(self, jobs: int, setup: dict, log_path: Path, deadline: float):
        import nbgrader.apps  # noqa: F401 - imported once here, inherited by forked workers

        methods = multiprocessing.get_all_start_methods()
        self.ctx = multiprocessing.get_context("fork" if "fork" in methods else "spawn")
        self.setup, self.log_path, self.deadline = setup, str(log_path), deadline
        self.workers = [self._start() for _ in range(jobs)]

    def _start(self) -> dict:
        parent, child = self.ctx.Pipe()
        proc = self.ctx.Process(target=worker_main, args=(child, self.log_path), daemon=True)
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
                        on_result(failed(w["task"], "评分程序出错：" + payload["trace"].strip().splitlines()[-1]))
                        w["task"] = None
                        continue
                overdue = w["task"] is not None and time.monotonic() - w["since"] > self.deadline
                dead = not w["proc"].is_alive()
                if overdue or dead:
                    if w["task"] is not None:
                        reason = (f"运行超过 {int(self.deadline)} 秒仍未结束（可能是死循环），已强制终止：本次按 0 分计"
                                  if overdue else "评分进程意外退出（可能是内存耗尽）：本次按 0 分计")
                        on_result(failed(w["task"], reason))
                    elif dead:
                        raise RuntimeError("评分进程无法启动，请查看日志 " + self.log_path)
                    kill_tree(w["proc"].pid)
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
                kill_tree(w["proc"].pid)


def failed(task: dict, reason: str) -> dict:
    return {"learner": task["learner"], "status": "failed", "notes": [reason], "grades": {}, "comments": {},
            "timestamp": None, "seconds": 0.0}
