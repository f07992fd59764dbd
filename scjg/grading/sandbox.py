"""The kernel `scjg grade` runs submissions in: resource limits and read-only check helpers, then ipykernel.

Started through a private "python3" kernelspec (see grade._kernelspec). Limits come from the
environment: SCJG_KERNEL_MEMORY_MB (address space) and SCJG_KERNEL_CPU_SECONDS (CPU time; the
kernel is killed by SIGXCPU past it, so a loop that swallows interrupts still ends).
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


def freeze_checks() -> None:
    for name in FROZEN:
        importlib.import_module(name).__class__ = ReadOnlyModule


def main() -> None:
    apply_limits()
    freeze_checks()
    from ipykernel import kernelapp
    kernelapp.launch_new_instance()


if __name__ == "__main__":
    main()
