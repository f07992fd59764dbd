"""`scjg lab`: JupyterLab in Chinese on the learner notebooks, with nbgrader's course config.

The UI language is set for this Python environment only, through JupyterLab's
settings overrides in `<env>/share/jupyter/lab/settings/overrides.json`; a user's
own JupyterLab elsewhere is not touched.
"""
from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

from .paths import GRADING, NOTEBOOKS, ROOT

LOCALE_PLUGIN = "@jupyterlab/translation-extension:plugin"
# Offices are often offline: do not ask learners about fetching Jupyter news.
NEWS_PLUGIN = "@jupyterlab/apputils-extension:notification"


def overrides_path() -> Path:
    """JupyterLab's settings overrides file of this environment."""
    return Path(sys.prefix) / "share" / "jupyter" / "lab" / "settings" / "overrides.json"


def set_chinese_ui() -> bool:
    """Make zh_CN the default UI language of this environment; True if the file changed."""
    path = overrides_path()
    data = {}
    if path.exists():
        try:
            data = json.loads(path.read_text(encoding="utf-8") or "{}")
        except json.JSONDecodeError:
            data = {}
    if data.get(LOCALE_PLUGIN, {}).get("locale") == "zh_CN" and NEWS_PLUGIN in data:
        return False
    data.setdefault(LOCALE_PLUGIN, {})["locale"] = "zh_CN"
    data.setdefault(NEWS_PLUGIN, {})["fetchNews"] = "false"
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(json.dumps(data, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
    return True


def prepare_course() -> None:
    """Create the course's nbgrader exchange folder if missing (nbgrader never creates it itself)."""
    from .grading.course import ensure_exchange, load_config
    ensure_exchange(load_config())


def lab_environment() -> dict[str, str]:
    """Environment for the server: nbgrader finds grading/nbgrader_config.py, the venv's tools come first."""
    env = dict(os.environ)
    config_path = [str(GRADING)] + [p for p in env.get("JUPYTER_CONFIG_PATH", "").split(os.pathsep) if p]
    env["JUPYTER_CONFIG_PATH"] = os.pathsep.join(config_path)
    env["PATH"] = os.pathsep.join([str(Path(sys.executable).parent), env.get("PATH", "")])
    env.setdefault("PYTHONIOENCODING", "utf-8")
    return env


def lab_command(extra: list[str] | None = None) -> list[str]:
    """The jupyter lab command line: the repo root as the server root, notebooks/ opened first."""
    return [
        sys.executable, "-m", "jupyter", "lab",
        f"--ServerApp.root_dir={ROOT}",
        f"--ServerApp.preferred_dir={NOTEBOOKS}",
        "--LabApp.default_url=/lab/tree/notebooks",
        *(["--allow-root"] if hasattr(os, "geteuid") and os.geteuid() == 0 else []),
        *(extra or []),
    ]


def add_arguments(parser) -> None:
    parser.add_argument("--no-browser", action="store_true", help="不自动打开浏览器（在服务器上运行时使用）")
    parser.add_argument("--port", type=int, default=None, help="端口（默认 8888）")


def run(args) -> int:
    if set_chinese_ui():
        print("已将本环境的 JupyterLab 界面语言设为简体中文。")
    prepare_course()
    extra = []
    if args.no_browser:
        extra.append("--no-browser")
    if args.port:
        extra.append(f"--port={args.port}")
    print("正在启动 JupyterLab……（按 Ctrl+C 两次可停止）")
    try:
        return subprocess.call(lab_command(extra), env=lab_environment(), cwd=str(ROOT))
    except KeyboardInterrupt:
        return 0
