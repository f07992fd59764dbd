"""Fetch one target's wheels (pip download, exact pins, no dependency resolution of pip's own) and
build a wheel once for each package published only as source (jieba)."""
from __future__ import annotations

import hashlib
import os
import re
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

from packaging.utils import parse_wheel_filename

from .resolve import BundleError, canonical
from .targets import Target

PIP = [sys.executable, "-m", "pip"]
_UNSATISFIED = re.compile(r"satisf(?:y|ies) the requirement ([A-Za-z0-9._-]+)")


def cache_dir() -> Path:
    """Where wheels built from source are kept between builds (built once, reused by every bundle)."""
    base = os.environ.get("XDG_CACHE_HOME") or str(Path.home() / ".cache")
    return Path(base) / "scjg" / "built-wheels"


def sha256(path: Path) -> str:
    digest = hashlib.sha256()
    with open(path, "rb") as f:
        for block in iter(lambda: f.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


def download(target: Target, pins: dict[str, str], dest: Path) -> list[str]:
    """Download the wheel of every pin for `target` into `dest`; return the names that have no wheel."""
    dest.mkdir(parents=True, exist_ok=True)
    without_wheel: list[str] = []
    while True:
        wanted = [f"{name}=={version}" for name, version in pins.items() if name not in without_wheel]
        with tempfile.NamedTemporaryFile("w", suffix=".txt", delete=False, encoding="utf-8") as reqs:
            reqs.write("\n".join(wanted) + "\n")
        platforms = [arg for tag in target.platform.pip_platforms for arg in ("--platform", tag)]
        cmd = [*PIP, "download", "--quiet", "--no-deps", "--only-binary=:all:", *platforms,
               "--python-version", target.python, "--implementation", "cp", "-d", str(dest), "-r", reqs.name]
        proc = subprocess.run(cmd, capture_output=True, text=True)
        os.unlink(reqs.name)
        if proc.returncode == 0:
            return without_wheel
        match = _UNSATISFIED.search(proc.stderr)
        name = canonical(match.group(1).split("==")[0]) if match else None
        if name is None or name not in pins or name in without_wheel:
            raise BundleError(f"下载 {target.tag} 的软件包失败：\n{proc.stderr.strip()[-2000:]}")
        without_wheel.append(name)


def build_from_source(name: str, version: str) -> Path:
    """A pure-Python wheel of `name==version` built from its sdist, cached; BundleError if not pure."""
    cache = cache_dir()
    for found in sorted(cache.glob("*.whl")) if cache.is_dir() else []:
        wheel_name, wheel_version, _build, _tags = parse_wheel_filename(found.name)
        if wheel_name == name and str(wheel_version) == version:
            return found
    cache.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory() as tmp:
        cmd = [*PIP, "wheel", "--quiet", "--no-deps", f"--no-binary={name}", f"{name}=={version}", "-w", tmp]
        proc = subprocess.run(cmd, capture_output=True, text=True)
        built = list(Path(tmp).glob("*.whl"))
        if proc.returncode != 0 or not built:
            raise BundleError(f"无法由源码构建 {name} {version} 的安装包：\n{proc.stderr.strip()[-2000:]}")
        if not is_pure(built[0]):
            raise BundleError(f"{name} {version} 没有适用于目标平台的预编译包，且不是纯 Python 包，无法在本机代为构建。")
        return Path(shutil.copy2(built[0], cache / built[0].name))


def is_pure(wheel: Path) -> bool:
    """Does the wheel install on every platform (py3-none-any and the like)?"""
    _name, _version, _build, tags = parse_wheel_filename(wheel.name)
    return all(tag.abi == "none" and tag.platform == "any" for tag in tags)


def build_kit_wheel(kit: Path, dest: Path) -> Path:
    """The scjg package as a wheel, built from a clean copy of the source (no build/ left in the kit)."""
    dest.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory() as tmp:
        src = Path(tmp) / "src"
        src.mkdir()
        for name in ("pyproject.toml", "README.md"):
            shutil.copy2(kit / name, src / name)
        shutil.copytree(kit / "scjg", src / "scjg", ignore=shutil.ignore_patterns("__pycache__", "*.pyc"))
        proc = subprocess.run([*PIP, "wheel", "--quiet", "--no-deps", "-w", tmp, str(src)],
                              capture_output=True, text=True)
        built = list(Path(tmp).glob("scjg-*.whl"))
        if proc.returncode != 0 or not built:
            raise BundleError(f"无法构建 scjg 工具包本身的安装包：\n{proc.stderr.strip()[-2000:]}")
        return Path(shutil.move(str(built[0]), dest / built[0].name))


def fetch(target: Target, pins: dict[str, str], common: Path, own: Path, log) -> dict[str, Path]:
    """All wheels of `target`: pure ones into `common` (shared by every target), the rest into `own`.

    Returns {name: wheel path} for every pin."""
    with tempfile.TemporaryDirectory() as tmp:
        staging = Path(tmp)
        for name in download(target, pins, staging):
            log(f"  {name} {pins[name]} 只有源码包：用由源码构建的通用 wheel（只构建一次，之后取自缓存）")
            shutil.copy2(build_from_source(name, pins[name]), staging)
        wheels = {}
        for wheel in sorted(staging.glob("*.whl")):
            dest = (common if is_pure(wheel) else own) / wheel.name
            dest.parent.mkdir(parents=True, exist_ok=True)
            if not dest.exists():  # a pure wheel another target already brought is the same file
                shutil.move(str(wheel), dest)
            wheels[str(parse_wheel_filename(wheel.name)[0])] = dest
    missing = sorted(set(pins) - set(wheels))
    if missing:
        raise BundleError(f"{target.tag} 缺少这些软件包的 wheel：{'、'.join(missing)}")
    return wheels


def requirements_lines(wheels: dict[str, Path]) -> list[str]:
    """`name==version --hash=sha256:…` for each wheel: pip --require-hashes checks every file it installs."""
    lines = []
    for name in sorted(wheels):
        _n, version, _b, _t = parse_wheel_filename(wheels[name].name)
        lines.append(f"{name}=={version} --hash=sha256:{sha256(wheels[name])}")
    return lines
