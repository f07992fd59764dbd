"""Pin the kit's full dependency set for one target with uv, resolving for that target's platform.

Resolving on the build machine for another platform silently drops the dependencies that exist only
there (pywinpty, colorama on Windows; appnope on macOS); `uv pip compile --python-platform` evaluates
every environment marker for the target instead.
"""
from __future__ import annotations

import os
import shutil
import subprocess
from importlib import metadata
from pathlib import Path

from packaging.requirements import Requirement

from .targets import MACOSX_DEPLOYMENT_TARGET, Target


class BundleError(RuntimeError):
    """A failure the trainer can act on; the message is Chinese."""


def kit_requirements() -> list[str]:
    """The kit's own pinned dependencies (no extras), as installed with the scjg package."""
    try:
        lines = metadata.requires("scjg") or []
    except metadata.PackageNotFoundError as exc:  # pragma: no cover - the CLI runs from the package
        raise BundleError("未安装 scjg 工具包：请在项目文件夹运行 make install 后再打包。") from exc
    return [line for line in lines if Requirement(line).marker is None]


def uv_binary() -> str:
    """The uv executable: the one the `bundle` extra installs, else one on PATH."""
    try:
        from uv import find_uv_bin
        return find_uv_bin()
    except (ImportError, FileNotFoundError):
        found = shutil.which("uv")
        if found:
            return found
    raise BundleError("打包需要 uv：请运行 .venv/bin/pip install -e '.[bundle]'（或 make bundle）。")


def pin(target: Target, requirements: list[str], workdir: Path) -> dict[str, str]:
    """{normalised name: version} of every package the kit needs on `target`."""
    workdir.mkdir(parents=True, exist_ok=True)
    source = workdir / "kit.in"
    source.write_text("\n".join(requirements) + "\n", encoding="utf-8")
    output = workdir / f"{target.tag}.txt"
    env = dict(os.environ, MACOSX_DEPLOYMENT_TARGET=MACOSX_DEPLOYMENT_TARGET)
    cmd = [uv_binary(), "pip", "compile", str(source), "-o", str(output), "--quiet", "--no-header",
           "--no-annotate", "--python-platform", target.platform.uv_platform,
           "--python-version", target.python]
    proc = subprocess.run(cmd, capture_output=True, text=True, env=env)
    if proc.returncode != 0:
        raise BundleError(f"无法为 {target.platform.label}、Python {target.python} 解析依赖：\n{proc.stderr.strip()}")
    return read_pins(output)


def read_pins(path: Path) -> dict[str, str]:
    """The `name==version` lines of a compiled requirements file."""
    pins = {}
    for line in path.read_text(encoding="utf-8").splitlines():
        line = line.split("#", 1)[0].strip()
        if line:
            req = Requirement(line)
            pins[canonical(req.name)] = str(req.specifier).removeprefix("==")
    return pins


def canonical(name: str) -> str:
    from packaging.utils import canonicalize_name
    return str(canonicalize_name(name))
