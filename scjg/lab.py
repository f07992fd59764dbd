"""`scjg lab`: JupyterLab in Chinese on a workspace's learner notebooks; `--trainer` adds nbgrader's trainer tools.

The settings come from kit-owned folders passed to this server only (scjg/labconfig/<learner|trainer>/ as
JupyterLab's app settings dir, and for learners also as a Jupyter config dir); nothing is written into
the Python environment or the user's Jupyter configuration:
- both: the UI in 简体中文 (overrides.json) and no news fetching (offices are often offline);
- learner: nbgrader's Create Assignment panel, Formgrader and Course List are disabled (page_config.json)
  and so are the formgrader and course-list server extensions; the server's root is notebooks/, so the
  lesson sources (with the answer key) and grading/ are out of reach;
- trainer: everything, with the workspace (lessons/, notebooks/, grading/) as the root.
"""
from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

from .grading import common

LABCONFIG = Path(__file__).resolve().parent / "labconfig"
LOCALE_PLUGIN = "@jupyterlab/translation-extension:plugin"
TRAINER_PLUGINS = ("@jupyter/nbgrader:create-assignment", "@jupyter/nbgrader:formgrader", "@jupyter/nbgrader:course-list")


def settings_dir(trainer: bool = False) -> Path:
    """The kit-owned JupyterLab settings of a learner's or a trainer's lab."""
    return LABCONFIG / ("trainer" if trainer else "learner")


def overrides_path() -> Path:
    """JupyterLab's settings overrides file of this Python environment."""
    return Path(sys.prefix) / "share" / "jupyter" / "lab" / "settings" / "overrides.json"


def set_chinese_ui() -> bool:
    """Give this environment's JupyterLab the kit's UI settings (简体中文, no news), for servers not started by
    `scjg lab` (an installed bundle's launcher, a hub); True if the file changed. `scjg lab` does not need it."""
    path = overrides_path()
    try:
        data = json.loads(path.read_text(encoding="utf-8") or "{}") if path.exists() else {}
    except json.JSONDecodeError:
        data = {}
    wanted = json.loads((settings_dir() / "overrides.json").read_text(encoding="utf-8"))
    if all(data.get(plugin, {}).get(k) == v for plugin, values in wanted.items() for k, v in values.items()):
        return False
    for plugin, values in wanted.items():
        data.setdefault(plugin, {}).update(values)
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(json.dumps(data, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
    return True


def prepare_course(course_root: Path | None = None) -> None:
    """Create the course's nbgrader exchange folder if missing (nbgrader never creates it itself)."""
    from .grading.course import ensure_exchange, load_config
    ensure_exchange(load_config(common.course_root(course_root)))


def lab_environment(course_root: Path | None = None, trainer: bool = False) -> dict[str, str]:
    """Environment for the server: nbgrader finds the course's nbgrader_config.py, learners get the
    kit's learner config (trainer server extensions off), kernels the kit's kernelspec (the answer magics
    load at start, scjg/labconfig/kernels), the venv's tools come first."""
    env = dict(os.environ)
    dirs = [str(common.course_root(course_root))] + ([] if trainer else [str(settings_dir(False))])
    env["JUPYTER_CONFIG_PATH"] = os.pathsep.join(dirs + [p for p in env.get("JUPYTER_CONFIG_PATH", "").split(os.pathsep) if p])
    env["JUPYTER_PATH"] = os.pathsep.join([str(LABCONFIG)] + [p for p in env.get("JUPYTER_PATH", "").split(os.pathsep) if p])
    env["PATH"] = os.pathsep.join([str(Path(sys.executable).parent), env.get("PATH", "")])
    env.setdefault("PYTHONIOENCODING", "utf-8")
    return env


def lab_command(extra: list[str] | None = None, course_root: Path | None = None, trainer: bool = False) -> list[str]:
    """The jupyter lab command line: the workspace (trainer) or its notebooks/ (learner) as the server root."""
    workspace = common.kit_root(common.course_root(course_root))
    notebooks = workspace / "notebooks"
    where = ([f"--ServerApp.root_dir={workspace}", f"--ServerApp.preferred_dir={notebooks}",
              "--LabApp.default_url=/lab/tree/notebooks"] if trainer else [f"--ServerApp.root_dir={notebooks}"])
    return [
        sys.executable, "-m", "jupyter", "lab", *where,
        f"--LabApp.app_settings_dir={settings_dir(trainer)}",
        *(["--allow-root"] if hasattr(os, "geteuid") and os.geteuid() == 0 else []),
        *(extra or []),
    ]


def add_arguments(parser) -> None:
    parser.add_argument("--trainer", action="store_true",
                        help="教员模式：显示 nbgrader 的“创建作业”面板、Formgrader 和课程列表，并可看到 lessons/ 与 grading/")
    parser.add_argument("--no-browser", action="store_true", help="不自动打开浏览器（在服务器上运行时使用）")
    parser.add_argument("--port", type=int, default=None, help="端口（默认 8888）")
    common.add_course_option(parser)


def run(args) -> int:
    prepare_course(args.course)
    extra = ["--no-browser"] if args.no_browser else []
    extra += [f"--port={args.port}"] if args.port else []
    workspace = common.kit_root(common.course_root(args.course))
    print(f"正在启动 JupyterLab（{'教员模式' if args.trainer else '学员模式'}，工作区 {workspace}）……（按 Ctrl+C 两次可停止）")
    try:
        return subprocess.call(lab_command(extra, args.course, args.trainer),
                               env=lab_environment(args.course, args.trainer), cwd=str(workspace))
    except KeyboardInterrupt:
        return 0
