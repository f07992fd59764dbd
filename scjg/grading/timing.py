"""Where the time of one submission goes: nbgrader's own work, the kernel, the cells, the trusted verdict,
the gradebook and feedback. A worker measures each submission; `scjg grade --timing` prints the averages."""
from __future__ import annotations

import time

from nbgrader.preprocessors import NbGraderPreprocessor

# phase → what the trainer reads, in the order a submission passes through them
PHASES = {
    "prepare": "读取、检查与复制作业",
    "nbgrader": "nbgrader 自身处理（清理、覆盖单元格、写成绩）",
    "kernel": "内核启动与关闭",
    "cells": "单元格执行",
    "verdict": "可信判分（在学员内核之外）",
    "gradebook": "写入临时成绩库",
    "feedback": "生成反馈",
    "copy": "复制结果到课程文件夹",
}

_marks: dict[str, float] = {}


def _mark(name: str) -> None:
    _marks[name] = time.perf_counter()


def on_notebook_start(**_kwargs) -> None:
    """nbclient hook: the kernel is up and the first cell is about to run."""
    _mark("ready")


def on_cell_complete(**_kwargs) -> None:
    """nbclient hook: a cell finished (the last call marks the end of cell execution)."""
    _mark("cells_done")


class ExecuteStarts(NbGraderPreprocessor):
    """Placed just before nbgrader's Execute: marks when execution (kernel start included) begins."""

    def preprocess(self, nb, resources):
        _marks.clear()
        _mark("execute_start")
        return nb, resources


class ExecuteEnds(NbGraderPreprocessor):
    """Placed just after nbgrader's Execute: marks when the kernel has been shut down."""

    def preprocess(self, nb, resources):
        _mark("execute_end")
        return nb, resources


def configure(config) -> None:
    """The autograde pipeline of `config`: nbgrader's, with the grading Execute step between two time marks."""
    from nbgrader.converters.autograde import Autograde
    from nbgrader.preprocessors import Execute

    from .kernels import GradingExecute
    steps = list(Autograde.class_traits()["autograde_preprocessors"].default())
    at = steps.index(Execute)
    config.Autograde.autograde_preprocessors = [*steps[:at], ExecuteStarts, GradingExecute, ExecuteEnds,
                                                *steps[at + 1:]]
    config.Execute.on_notebook_start = on_notebook_start
    config.Execute.on_cell_complete = on_cell_complete


class Clock:
    """Seconds per phase of one submission: `lap(name)` books the time since the previous lap."""

    def __init__(self):
        self.seconds: dict[str, float] = {}
        self._last = time.perf_counter()

    def lap(self, name: str) -> None:
        now = time.perf_counter()
        self.seconds[name] = self.seconds.get(name, 0.0) + now - self._last
        self._last = now

    def split_autograde(self) -> None:
        """Split the time booked as "nbgrader" (one autograde call) into kernel, cells and nbgrader's own work."""
        m = _marks
        if not {"execute_start", "ready", "execute_end"} <= set(m):
            return
        cells = max(0.0, m.get("cells_done", m["ready"]) - m["ready"])
        kernel = max(0.0, (m["execute_end"] - m["execute_start"]) - cells)
        own = max(0.0, self.seconds.get("nbgrader", 0.0) - cells - kernel)
        self.seconds.update(nbgrader=own, kernel=self.seconds.get("kernel", 0.0) + kernel,
                            cells=self.seconds.get("cells", 0.0) + cells)
        _marks.clear()


def summary(results: list[dict]) -> list[str]:
    """Chinese lines: the mean seconds per submission of each phase, over the results that carry phases."""
    timed = [r["phases"] for r in results if r.get("phases")]
    if not timed:
        return []
    total = sum(sum(p.values()) for p in timed) / len(timed)
    lines = [f"每份作业平均用时 {total:.2f} 秒（{len(timed)} 份，单个评分进程内计时），其中："]
    for key, label in PHASES.items():
        mean = sum(p.get(key, 0.0) for p in timed) / len(timed)
        share = mean / total * 100 if total else 0.0
        lines.append(f"  {label}：{mean:.3f} 秒（{share:.0f}%）")
    return lines
