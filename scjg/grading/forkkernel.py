"""The grading kernelspec's launcher: ask the fork server for a kernel, stand in for it until it ends.

The kernel manager sees this small process as the kernel: signals sent to it (interrupt) are
passed on to the real kernel, and killing it makes the kernel exit (the kernel watches it).
Without a fork server ($SCJG_FORKSERVER unset or not answering) it starts the sandbox kernel
the ordinary way, so grading never depends on the speed-up.
"""
from __future__ import annotations

import json
import os
import signal
import socket
import sys
import time

from .forkserver import alive, read_line


def _fallback() -> None:
    os.execv(sys.executable, [sys.executable, "-m", "scjg.grading.sandbox", *sys.argv[1:]])


def main() -> None:
    path = os.environ.get("SCJG_FORKSERVER")
    if not path or "-f" not in sys.argv:
        _fallback()
    request = {"connection_file": os.path.abspath(sys.argv[sys.argv.index("-f") + 1]), "cwd": os.getcwd(),
               "env": dict(os.environ), "launcher_pid": os.getpid()}
    try:
        with socket.socket(socket.AF_UNIX, socket.SOCK_STREAM) as client:
            client.settimeout(10.0)
            client.connect(path)
            client.sendall(json.dumps(request).encode() + b"\n")
            kernel = int(read_line(client))
    except (OSError, ValueError):
        _fallback()
        return

    def relay(signum, _frame):
        try:
            os.kill(kernel, signum)
        except OSError:
            pass
        if signum in (signal.SIGTERM, signal.SIGHUP):
            sys.exit(0)

    for sig in (signal.SIGINT, signal.SIGTERM, signal.SIGHUP, signal.SIGQUIT, signal.SIGUSR1, signal.SIGUSR2):
        signal.signal(sig, relay)
    while alive(kernel):
        time.sleep(0.05)


if __name__ == "__main__":
    main()
