"""The grading kernel: its private kernelspec (limits, answer recording, confinement) and the fork server
that pre-warms it; nbgrader's autograde sanitizers with the hidden tests kept out of the kernel."""
from __future__ import annotations

import json
import os
import queue
import sys
import time
from pathlib import Path

from jupyter_client.asynchronous import AsyncKernelClient
from jupyter_client.manager import AsyncKernelManager
from nbgrader.preprocessors import Execute

FILE_MB = 256       # largest file a submission may write
PROCESSES = 256     # processes (and threads) a confined submission may run at once


def start_forkserver(base: Path, timeout: float = 30.0, confine_in: dict | None = None):
    """Start a pre-warmed kernel factory (scjg.grading.forkserver), inside bubblewrap when `confine_in`
    ({"shared", "course"}) is given; (process, socket) or (None, None)."""
    import subprocess
    path = Path(confine_in["shared"]) / "kernels.sock" if confine_in else base / "kernels.sock"
    path.unlink(missing_ok=True)
    argv = [sys.executable, "-m", "scjg.grading.forkserver", str(path)]
    if confine_in:
        from . import confine
        argv = confine.wrap(argv, shared=Path(confine_in["shared"]), course=Path(confine_in["course"]))
    proc = subprocess.Popen(argv, stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL)
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline and proc.poll() is None:
        if path.exists():
            return proc, path
        time.sleep(0.05)
    proc.kill()
    return None, None


def kernelspec(base: Path, memory_mb: int, cpu_seconds: int, forkserver: Path | None = None,
                confine_in: dict | None = None) -> Path:
    """A private "python3" kernelspec: the sandboxed kernel with the limits, forked from `forkserver` if given,
    and confined with bubblewrap when `confine_in` ({"shared", "course"}) is given."""
    folder = base / "jupyter" / "kernels" / "python3"
    folder.mkdir(parents=True, exist_ok=True)
    module = "scjg.grading.forkkernel" if forkserver else "scjg.grading.sandbox"
    env = {"SCJG_KERNEL_MEMORY_MB": str(memory_mb), "SCJG_KERNEL_CPU_SECONDS": str(cpu_seconds),
           "SCJG_KERNEL_FILE_MB": str(FILE_MB), "SCJG_KERNEL_PROCESSES": str(PROCESSES),
           "PYTHONWARNINGS": "ignore", "SCJG_RECORD_ANSWERS": "1",
           **({"SCJG_FORKSERVER": str(forkserver)} if forkserver else {}),
           **({"SCJG_CONFINE_SHARED": confine_in["shared"], "SCJG_CONFINE_COURSE": confine_in["course"]}
              if confine_in else {})}
    argv = [sys.executable, "-m", module, "-f", "{connection_file}"]
    if confine_in and not forkserver:
        from . import confine
        argv = confine.wrap(argv, shared=Path(confine_in["shared"]), course=Path(confine_in["course"]),
                            env={**os.environ, **env})
    spec = {"argv": argv, "display_name": "Python 3 (ipykernel)", "language": "python",
            "metadata": {"debugger": False}, "interrupt_mode": "message" if confine_in else "signal", "env": env}
    (folder / "kernel.json").write_text(json.dumps(spec), encoding="utf-8")
    return base / "jupyter"


def sanitizers() -> list:
    """nbgrader's autograde sanitizers with ClearHiddenTests after OverwriteCells: the learner's kernel never
    sees the hidden tests (they hold the answers); scjg.grading.verdict runs them outside it."""
    from nbgrader.converters.autograde import Autograde
    from nbgrader.preprocessors import ClearHiddenTests, OverwriteCells

    steps = list(Autograde.class_traits()["sanitize_preprocessors"].default())
    steps.insert(steps.index(OverwriteCells) + 1, ClearHiddenTests)
    return steps



class GradingKernelClient(AsyncKernelClient):
    """Waits for a fresh kernel in short steps: jupyter_client's own wait listens 0.2 s on IOPub after the first
    kernel_info reply, which every kernel that answers before the IOPub subscription lands costs in full."""

    async def wait_for_ready(self, timeout: float | None = None) -> None:
        deadline = time.monotonic() + (60.0 if timeout is None else timeout)
        while time.monotonic() < deadline:
            self.kernel_info()
            try:
                reply = await self.shell_channel.get_msg(timeout=0.5)
            except queue.Empty:
                reply = None
            if reply is not None and reply["msg_type"] == "kernel_info_reply":
                try:
                    await self.iopub_channel.get_msg(timeout=0.02)
                except queue.Empty:  # IOPub not subscribed yet: ask again
                    continue
                self._handle_kernel_info_reply(reply)
                return
            if not await self.is_alive():
                raise RuntimeError("Kernel died before replying to kernel_info")
        raise RuntimeError(f"Kernel didn't respond in {timeout} seconds")


class GradingKernelManager(AsyncKernelManager):
    """Its clients wait in short steps, and a kill returns as soon as the kernel's launcher is gone
    (jupyter_client polls every 0.1 s)."""

    def __init__(self, **kwargs):
        super().__init__(**kwargs)
        self.client_factory = GradingKernelClient

    async def _async_wait(self, pollinterval: float = 0.1) -> None:
        await super()._async_wait(pollinterval=min(pollinterval, 0.005))


class GradingExecute(Execute):
    """nbgrader's Execute step on the grading kernel manager (nbgrader passes its own manager class to the
    executor, so configuration cannot change it)."""

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("kernel_manager_class", GradingKernelManager)
        super().__init__(*args, **kwargs)
