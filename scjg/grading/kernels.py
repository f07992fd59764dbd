"""The grading kernel: its private kernelspec (limits, answer recording, confinement) and the fork server
that pre-warms it; nbgrader's autograde sanitizers with the hidden tests kept out of the kernel."""
from __future__ import annotations

import json
import os
import sys
import time
from pathlib import Path

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
