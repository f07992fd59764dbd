"""Confine grading kernels with bubblewrap (Debian package `bubblewrap`): what a submission can see and do.

Each grading worker runs its fork server (and so every kernel forked from it) or, with --cold-kernels or
as a fallback, each kernel in a bwrap sandbox:
- its own network namespace (no network at all; the kernel talks to the grader over Unix sockets in a
  small shared folder: the fork server's socket, the connection file and the ZeroMQ ipc sockets);
- an empty root with, read-only, the system (/usr, /etc, ...), Python and the venv, the kit's package
  and datasets and the course catalog; nothing else of the course (no lessons/, no grading/, no other
  learner's files, not the trainer's home);
- a throwaway working folder WORK (size-limited tmpfs) as cwd and HOME, and a private /tmp;
- its own pid, ipc and uts namespaces, no capabilities, killed with its parent.
The fork server resets the sandbox between two kernels (scjg.grading.forkserver.reset): every other
process is killed and WORK and /tmp are emptied, so nothing of one learner reaches the next.

Where bwrap cannot run (Windows, no bwrap, no namespaces) `unavailable()` says why in Chinese and
grading runs unconfined ($SCJG_NO_SANDBOX=1 forces that, for comparison).
"""
from __future__ import annotations

import functools
import os
import shutil
import subprocess
import sys
from pathlib import Path

WORK = "/scjg-work"
MPL_CACHE = "/scjg-mpl-cache"
WORK_MB = 512
ENV_KEEP = ("PATH", "LANG", "LANGUAGE", "LC_ALL", "LC_CTYPE", "TZ", "MPLBACKEND", "PYTHONWARNINGS",
            "PYTHONHASHSEED", "OPENBLAS_NUM_THREADS", "OMP_NUM_THREADS", "MKL_NUM_THREADS", "JPY_PARENT_PID")


@functools.lru_cache(maxsize=1)
def unavailable() -> str | None:
    """None if kernels can be confined here, else the Chinese reason."""
    if os.environ.get("SCJG_NO_SANDBOX"):
        return "已设置 SCJG_NO_SANDBOX"
    if os.name != "posix" or not sys.platform.startswith("linux"):
        return "本系统不是 Linux（bubblewrap 只支持 Linux）"
    if not shutil.which("bwrap"):
        return "未安装 bubblewrap（Debian/Ubuntu：sudo apt-get install bubblewrap）"
    try:
        probe = subprocess.run(wrap(["true"], shared=None, course=None), capture_output=True, timeout=20)
    except (OSError, subprocess.SubprocessError) as err:
        return f"bubblewrap 无法运行（{err}）"
    if probe.returncode != 0:
        reason = probe.stderr.decode(errors="replace").strip().splitlines()[-1:] or ["未知原因"]
        return f"本机不允许创建隔离环境（{reason[0][:200]}），例如容器中禁用了用户命名空间"
    return None


def warning(reason: str) -> str:
    """What the trainer is told once when kernels run unconfined."""
    return (f"注意：本次评分未能隔离学员代码（{reason}）。学员 notebook 中的代码将以您的账户权限运行："
            "可以联网、读写您能读写的任何文件（包括课程源文件与标准答案、成绩库、其他学员的作业）。"
            "评分结果仍由评分系统在学员内核之外判定，改动评分函数不能得分；但请只评阅可信的作业，"
            "或在安装了 bubblewrap 的 Linux 上评分。异常提交表会列出这些作业。")


def _system_mounts() -> list[str]:
    args: list[str] = []
    for top in ("/usr", "/etc", "/bin", "/sbin", "/lib", "/lib32", "/lib64", "/libx32", "/opt"):
        path = Path(top)
        if path.is_symlink():
            args += ["--symlink", os.readlink(path), top]
        elif path.is_dir():
            args += ["--ro-bind", top, top]
    return args


def _python_mounts() -> list[str]:
    """Python, the venv and the kit package (an editable install points into the kit folder)."""
    from ..paths import DATASETS, KIT
    places = {Path(sys.base_prefix), Path(sys.prefix), Path(sys.executable).parent, KIT / "scjg", DATASETS}
    args: list[str] = []
    for place in sorted(places):
        real = place.resolve()
        if any(str(real).startswith(top) for top in ("/usr/", "/etc/")) or not real.exists():
            continue
        args += ["--ro-bind", str(real), str(real)]
        if str(place) != str(real):
            args += ["--ro-bind", str(real), str(place)]
    return args


def _course_mounts(course: Path | None) -> list[str]:
    """The course catalog only (lesson titles and points), not the lessons nor the grading folder."""
    if course is None:
        return []
    from . import common
    catalog = common.kit_root(course) / "lessons" / "catalog.yaml"
    args = ["--ro-bind", str(catalog), str(catalog)] if catalog.is_file() else []
    try:
        import matplotlib
        cache = Path(matplotlib.get_cachedir())
        if cache.is_dir():
            args += ["--ro-bind", str(cache), MPL_CACHE]
    except Exception:  # noqa: BLE001 - without the font cache matplotlib rebuilds it (slower)
        pass
    return args


def seed_home() -> None:
    """Inside the sandbox: give the fresh HOME the trainer's matplotlib font cache (read-only copy), so fonts are
    not scanned again for every kernel."""
    target = Path(os.environ.get("MPLCONFIGDIR", f"{WORK}/.matplotlib"))
    target.mkdir(parents=True, exist_ok=True)
    source = Path(MPL_CACHE)
    if source.is_dir():
        for item in source.glob("fontlist-*.json"):
            shutil.copy(item, target / item.name)


def environment(base: dict) -> dict:
    """The environment a confined kernel gets: only harmless variables of `base`, the kit's, and HOME=WORK."""
    env = {k: v for k, v in base.items() if k in ENV_KEEP or k.startswith(("SCJG_", "LC_"))}
    env.update(HOME=WORK, TMPDIR="/tmp", MPLCONFIGDIR=f"{WORK}/.matplotlib", IPYTHONDIR=f"{WORK}/.ipython",
               SCJG_CONFINED="1")
    return env


def wrap(argv: list[str], *, shared: Path | None, course: Path | None, work_mb: int = WORK_MB,
         env: dict | None = None) -> list[str]:
    """The bwrap command line running `argv` confined (environment: `env` or this process's, filtered);
    `shared` (connection files, sockets) is the one host folder it can write to."""
    args = ["bwrap", "--unshare-all", "--die-with-parent", "--new-session", "--cap-drop", "ALL",
            "--proc", "/proc", "--dev", "/dev", "--tmpfs", "/tmp", "--size", str(work_mb * 2**20), "--tmpfs", WORK,
            *_system_mounts(), *_python_mounts(), *_course_mounts(course)]  # binds after /tmp: they may lie in it
    env = environment(dict(os.environ if env is None else env))
    if course is not None:  # the kernel reads the catalog of this course's workspace, whatever its cwd
        from . import common
        env["SCJG_ROOT"] = str(common.kit_root(course))
    if shared is not None:
        args += ["--bind", str(shared), str(shared)]
        env["SCJG_CONFINE_SHARED"] = str(shared)
    args += ["--clearenv", *[part for key, value in sorted(env.items()) for part in ("--setenv", key, value)]]
    return [*args, "--chdir", WORK, "--", *argv]
