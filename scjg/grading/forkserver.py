"""A pre-warmed kernel factory for `scjg grade`: fork grading kernels instead of starting them cold.

Starting an ipykernel and importing pandas, matplotlib and the kit costs about 1.5 s of CPU per
notebook, most of a grading run. A fork server imports all of that once, then forks one child per
notebook; the child applies the sandbox (limits, read-only checks) and becomes the kernel.

    python -m scjg.grading.forkserver SOCKET      # started by each grading worker

Protocol: a client (scjg.grading.forkkernel, the kernelspec's launcher) connects to the Unix
socket and sends one JSON request {"connection_file", "cwd", "env"}; the server answers with the
kernel's pid and the kernel keeps the connection. The server exits when its parent (the worker) is
gone; a kernel exits when its launcher hangs up (the kernel manager kills the launcher to stop a
kernel), and the launcher exits when the kernel's end of the connection closes.

Confined (started inside bubblewrap by scjg.grading.confine, $SCJG_CONFINED=1) the server is the
sandbox's only long-lived process: before each kernel it kills every other process of the sandbox and
empties the working folder and /tmp (`reset`), and every kernel gets the sandbox's environment and
working folder whatever the launcher asked for. The server is not dumpable, so a kernel cannot ptrace
it or write its memory to reach the next learner's kernel.
"""
from __future__ import annotations

import json
import os
import signal
import socket
import sys
import threading
import time

# Imported once here, inherited by every kernel. Only imports: no threads, loops or sockets
# may exist before fork.
PRELOAD = [
    "ipykernel.kernelapp", "ipykernel.ipkernel", "ipykernel.zmqshell", "ipykernel.debugger", "IPython", "IPython.display",
    "matplotlib", "matplotlib.pyplot", "matplotlib_inline.backend_inline", "numpy", "pandas", "ipywidgets",
    "yaml", "cn2an", "scjg.lesson", "scjg.checks", "scjg.answers", "scjg.plotting", "scjg.hints",
    "scjg.catalog", "scjg.widgets", "scjg.widgets.quiz", "scjg.laws", "scjg.penalties", "scjg.cases",
    "scjg.teaching", "scjg.discretion", "scjg.widgets.penalty_calculator", "scjg.widgets.case_explorer",
]


def warm() -> None:
    """Fill the kit's caches (statutes parsed, penalty rules, validated case files) once, for every kernel."""
    from scjg import cases, laws, penalties
    for name in laws.law_names():
        laws.articles(name)
    penalties.list_rules()
    for domain in cases.DOMAINS:
        cases.load(domain)


def preload() -> list[str]:
    """Import PRELOAD and warm the caches; return what could not be loaded (it loads in the kernel instead)."""
    import importlib
    import warnings
    os.environ.setdefault("MPLBACKEND", "module://matplotlib_inline.backend_inline")
    os.environ.setdefault("PYDEVD_DISABLE_FILE_VALIDATION", "1")  # debugpy's import-time note about frozen modules
    for var in ("OPENBLAS_NUM_THREADS", "OMP_NUM_THREADS", "MKL_NUM_THREADS"):
        os.environ.setdefault(var, "1")  # no BLAS thread pool may exist before fork
    missing = []
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        for name in PRELOAD:
            try:
                importlib.import_module(name)
            except Exception:  # noqa: BLE001 - a failed preload only costs speed
                missing.append(name)
        try:
            warm()
        except Exception:  # noqa: BLE001 - the kernel then loads (and reports) the data itself
            missing.append("datasets")
    return missing


def read_line(conn: socket.socket, chunk: int = 65536) -> bytes:
    """Read from `conn` up to and including a newline (or until the peer closes)."""
    data = b""
    while not data.endswith(b"\n"):
        part = conn.recv(chunk)
        if not part:
            break
        data += part
    return data


def alive(pid: int) -> bool:
    """Is process `pid` running (not gone, not a zombie)? Without /proc (macOS), os.kill(pid, 0) decides."""
    if os.path.isdir("/proc/self"):
        try:
            with open(f"/proc/{pid}/stat", encoding="ascii") as fh:
                return fh.read().rsplit(")", 1)[1].split()[0] != "Z"
        except FileNotFoundError:
            return False
        except OSError:
            pass
    try:
        os.kill(pid, 0)
        return True
    except PermissionError:
        return True
    except OSError:
        return False


def confined() -> bool:
    """Is this the confined fork server: in its own sandbox and pid namespace (bwrap makes it pid 2)?"""
    return os.environ.get("SCJG_CONFINED") == "1" and os.getpid() == 2


def reset() -> None:
    """Confined only: kill every other process of the sandbox, empty the working folder and /tmp."""
    from .confine import WORK
    for _attempt in range(100):
        try:
            os.kill(-1, signal.SIGKILL)  # in a pid namespace: all its processes but pid 1 and this one
        except ProcessLookupError:
            break
        time.sleep(0.01)
        _reap()
    keep = os.environ.get("SCJG_CONFINE_SHARED", "")
    for folder in (WORK, "/tmp"):
        _empty(folder, keep)


def _empty(folder: str, keep: str) -> None:
    """Remove everything in `folder` except the way to `keep` (the shared host folder bound inside)."""
    import shutil
    for entry in os.scandir(folder):
        if keep and (keep == entry.path or keep.startswith(entry.path + os.sep)):
            if keep != entry.path:
                _empty(entry.path, keep)
        elif entry.is_dir(follow_symlinks=False):
            shutil.rmtree(entry.path, ignore_errors=True)
        else:
            try:
                os.unlink(entry.path)
            except OSError:
                pass


def _watch(conn: socket.socket) -> None:
    """In a kernel: exit at once when the launcher hangs up (the kernel manager killed it). The open
    connection is the link both ways: a confined kernel cannot see the launcher's pid."""
    conn.settimeout(None)
    try:
        while conn.recv(64):
            pass
    except OSError:
        pass
    os._exit(1)


def _become_kernel(request: dict, conn: socket.socket) -> None:
    """In the forked child: adopt the launcher's cwd and environment, apply the sandbox, run ipykernel."""
    for sig in (signal.SIGCHLD, signal.SIGTERM, signal.SIGHUP):
        signal.signal(sig, signal.SIG_DFL)
    signal.signal(signal.SIGINT, signal.default_int_handler)
    try:  # Linux: die with the fork server
        import ctypes
        ctypes.CDLL(None).prctl(1, signal.SIGKILL)  # PR_SET_PDEATHSIG
    except (OSError, AttributeError):
        pass
    env, cwd = request["env"], request["cwd"]
    if os.environ.get("SCJG_CONFINED") == "1":
        from . import confine
        env, cwd = confine.environment(env), confine.WORK
        os.makedirs(env["MPLCONFIGDIR"], exist_ok=True)
    os.chdir(cwd)
    os.environ.clear()
    os.environ.update(env)
    sys.path.insert(0, cwd)
    from . import sandbox
    sandbox.apply_limits()
    sandbox.freeze_checks()
    sandbox.limit_output()
    threading.Thread(target=_watch, args=(conn,), daemon=True).start()
    sys.argv = [sys.executable, "-f", request["connection_file"]]
    from ipykernel import kernelapp
    kernelapp.launch_new_instance()


def _reap(_signum=None, _frame=None) -> None:
    while True:
        try:
            pid, _status = os.waitpid(-1, os.WNOHANG)
        except ChildProcessError:
            return
        if pid == 0:
            return


def serve(path: str) -> None:
    """Preload, listen on `path`, fork a kernel per request until the parent process is gone."""
    if os.environ.get("SCJG_CONFINED") == "1":
        from .confine import seed_home
        seed_home()
    preload()
    sandboxed = confined()
    if sandboxed:
        try:
            import ctypes
            ctypes.CDLL(None).prctl(4, 0)  # PR_SET_DUMPABLE 0: kernels cannot ptrace the server
        except (OSError, AttributeError):
            pass
    parent = os.getppid()
    signal.signal(signal.SIGCHLD, _reap)
    server = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
    tmp = f"{path}.tmp"
    server.bind(tmp)
    server.listen(16)
    os.replace(tmp, path)  # the socket appears only once everything is imported
    server.settimeout(1.0)
    while os.getppid() == parent:
        try:
            conn, _addr = server.accept()
        except (socket.timeout, InterruptedError):
            continue
        with conn:
            conn.settimeout(5.0)
            try:
                request = json.loads(read_line(conn))
            except (OSError, ValueError):  # a client that hung up or sent garbage: its launcher falls back
                continue
            if sandboxed:
                reset()
            pid = os.fork()
            if pid == 0:
                server.close()
                try:
                    _become_kernel(request, conn)
                finally:
                    os._exit(0)
            try:
                conn.sendall(f"{pid}\n".encode())
            except OSError:
                os.kill(pid, signal.SIGKILL)  # nobody is waiting for this kernel
    server.close()


if __name__ == "__main__":
    serve(sys.argv[1])
