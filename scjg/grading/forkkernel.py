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

from .forkserver import read_line


def _fallback() -> None:
    """A cold sandbox kernel, confined like the forked ones when the kernelspec asks for it."""
    argv = [sys.executable, "-m", "scjg.grading.sandbox", *sys.argv[1:]]
    if os.environ.get("SCJG_CONFINE_SHARED"):
        from pathlib import Path

        from .confine import wrap
        argv = wrap(argv, shared=Path(os.environ["SCJG_CONFINE_SHARED"]), course=Path(os.environ["SCJG_CONFINE_COURSE"]))
        os.execvp(argv[0], argv)
    os.execv(sys.executable, argv)


def main() -> None:
    path = os.environ.get("SCJG_FORKSERVER")
    if not path or "-f" not in sys.argv:
        _fallback()
    request = {"connection_file": os.path.abspath(sys.argv[sys.argv.index("-f") + 1]), "cwd": os.getcwd(),
               "env": dict(os.environ)}
    client = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
    try:
        client.settimeout(10.0)
        client.connect(path)
        client.sendall(json.dumps(request).encode() + b"\n")
        kernel = int(read_line(client))
    except (OSError, ValueError):
        client.close()
        _fallback()
        return
    # A confined kernel's pid is in the sandbox's pid namespace: it is interrupted by message, not signal.
    relay_signals = not os.environ.get("SCJG_CONFINE_SHARED")

    def relay(signum, _frame):
        if relay_signals:
            try:
                os.kill(kernel, signum)
            except OSError:
                pass
        if signum in (signal.SIGTERM, signal.SIGHUP):
            sys.exit(0)

    for sig in (signal.SIGINT, signal.SIGTERM, signal.SIGHUP, signal.SIGQUIT, signal.SIGUSR1, signal.SIGUSR2):
        signal.signal(sig, relay)
    client.settimeout(None)
    while True:  # until the kernel's end of the connection closes
        try:
            if not client.recv(64):
                break
        except InterruptedError:
            continue
        except OSError:
            break


if __name__ == "__main__":
    main()
