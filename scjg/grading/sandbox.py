"""The kernel `scjg grade` runs submissions in: resource limits and read-only check helpers, then ipykernel.

Started through a private "python3" kernelspec (see scjg.grading.kernels). Limits come from the
environment: SCJG_KERNEL_MEMORY_MB (address space), SCJG_KERNEL_CPU_SECONDS (CPU time; the
kernel is killed by SIGXCPU past it, so a loop that swallows interrupts still ends), SCJG_KERNEL_FILE_MB
(largest file it may write) and, confined (scjg.grading.confine; the limit then counts the sandbox's
own processes only), SCJG_KERNEL_PROCESSES.
"""
from __future__ import annotations

import importlib
import os
import types

FROZEN = ("scjg.checks", "scjg.answers")


class ReadOnlyModule(types.ModuleType):
    """A module whose attributes cannot be reassigned or deleted from notebook code."""

    def __setattr__(self, name, value):
        raise AttributeError(f"评分用的检查函数不允许修改（{self.__name__}.{name} 为只读）")

    def __delattr__(self, name):
        raise AttributeError(f"评分用的检查函数不允许删除（{self.__name__}.{name} 为只读）")


def apply_limits() -> None:
    try:
        import resource
    except ImportError:  # Windows: the parent's wall-clock limit still applies
        return
    memory = int(os.environ.get("SCJG_KERNEL_MEMORY_MB", "0") or 0)
    cpu = int(os.environ.get("SCJG_KERNEL_CPU_SECONDS", "0") or 0)
    if memory:
        resource.setrlimit(resource.RLIMIT_AS, (memory * 2**20, memory * 2**20))
    if cpu:
        resource.setrlimit(resource.RLIMIT_CPU, (cpu, cpu + 5))
    files = int(os.environ.get("SCJG_KERNEL_FILE_MB", "0") or 0)
    if files:
        import signal
        signal.signal(signal.SIGXFSZ, signal.SIG_IGN)  # a too-large write is an OSError in its cell
        resource.setrlimit(resource.RLIMIT_FSIZE, (files * 2**20, files * 2**20))
    processes = int(os.environ.get("SCJG_KERNEL_PROCESSES", "0") or 0)
    if processes and os.environ.get("SCJG_CONFINED") == "1":
        resource.setrlimit(resource.RLIMIT_NPROC, (processes, processes))


OUTPUT_LIMIT = 2**20  # characters one cell of a graded kernel may print; the rest is dropped with a notice


def limit_output(limit: int = OUTPUT_LIMIT) -> None:
    """Cap what each cell prints (a runaway print loop must not flood the grader). The learner's own code
    could lift the cap: it protects against accidents, not against a deliberate flood."""
    from ipykernel.iostream import OutStream

    original = OutStream.write
    state = {"cell": None, "left": limit}

    def write(self, text):
        header = getattr(self, "parent_header", None) or {}
        cell = header.get("msg_id") or header.get("header", {}).get("msg_id")
        if cell != state["cell"]:
            state.update(cell=cell, left=limit)
        if not isinstance(text, str) or state["left"] <= 0:
            return len(text) if isinstance(text, str) else original(self, text)
        if len(text) > state["left"]:
            text, state["left"] = text[:state["left"]] + "\n（输出过多，其余输出已省略）\n", 0
        else:
            state["left"] -= len(text)
        return original(self, text)

    OutStream.write = write


def freeze_checks() -> None:
    for name in FROZEN:
        importlib.import_module(name).__class__ = ReadOnlyModule


def main() -> None:
    if os.environ.get("SCJG_CONFINED") == "1":
        from .confine import seed_home
        seed_home()
    apply_limits()
    freeze_checks()
    limit_output()
    from ipykernel import kernelapp
    kernelapp.launch_new_instance()


if __name__ == "__main__":
    main()
