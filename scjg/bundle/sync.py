"""Install or update the kit's files from a bundle into a trainer's folder, never overwriting work.

Run by install.sh / install.bat with the freshly installed venv's Python:
    python -m scjg.bundle.sync BUNDLE TARGET [--learner]
A learner's PC (--learner, remembered for later updates) gets no trainer sources from lessons/: the graded
source notebooks hold the solutions and hidden tests, plan.md the answer key; only the course index stays.
A file is replaced only if it is still exactly what an earlier bundle installed; a file someone changed
(an answered notebook, a trainer's edited lesson) stays, and the new version is put beside the
installation in .scjg/updates/<bundle>/ instead. Files an earlier bundle installed are never deleted.
"""
from __future__ import annotations

import json
import os
import shutil
import sys
import sysconfig
from dataclasses import dataclass, field
from pathlib import Path

from . import manifest
from .wheels import sha256

KIT = "kit/"
STATE = Path(".scjg") / "installed.json"
PTH = "scjg_kit.pth"


@dataclass
class SyncReport:
    """What one install or update did to the kit's files (paths relative to the target)."""

    added: list[str] = field(default_factory=list)
    updated: list[str] = field(default_factory=list)
    unchanged: list[str] = field(default_factory=list)
    kept: list[str] = field(default_factory=list)      # changed by someone: left alone
    updates_dir: Path | None = None                    # where the new versions of `kept` went


def for_learners(rel: str) -> bool:
    """Does a learner's PC get this kit file? Everything but the trainer's lesson sources."""
    return not rel.startswith("lessons/") or rel == "lessons/catalog.yaml"


def sync_kit(bundle: Path, target: Path, learner: bool = False) -> SyncReport:
    """Copy the bundle's kit/ into `target` by the rule above; ValueError in Chinese if the bundle is damaged.

    `learner` (or an earlier learner install of `target`) leaves out the trainer's lesson sources."""
    data = manifest.read(bundle)
    bad = manifest.damaged(bundle, data, KIT)
    if bad:
        raise ValueError("安装包中这些文件已损坏或缺失，请重新拷贝整个安装包：\n  " + "\n  ".join(bad[:20]))
    state_path = target / STATE
    previous = json.loads(state_path.read_text(encoding="utf-8")) if state_path.exists() else {}
    installed = previous.get("files", {})
    learner = learner or previous.get("learner", False)
    report = SyncReport()
    recorded = dict(installed)
    for name, digest in data["files"].items():
        if not name.startswith(KIT):
            continue
        rel = name[len(KIT):]
        if learner and not for_learners(rel):
            continue
        source, dest = bundle / name, target / rel
        if not dest.exists():
            report.added.append(rel)
        elif sha256(dest) == digest:
            report.unchanged.append(rel)
            recorded[rel] = digest
            continue
        elif installed.get(rel) == sha256(dest):
            report.updated.append(rel)
        else:
            report.kept.append(rel)
            report.updates_dir = target / ".scjg" / "updates" / data["built"].replace(":", "")
            _copy(source, report.updates_dir / rel)
            continue
        _copy(source, dest)
        recorded[rel] = digest
    state_path.parent.mkdir(parents=True, exist_ok=True)
    state = {"kit_version": data["kit_version"], "built": data["built"], "learner": learner, "files": recorded}
    state_path.write_text(json.dumps(state, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    return report


def _copy(source: Path, dest: Path) -> None:
    dest.parent.mkdir(parents=True, exist_ok=True)
    shutil.copy2(source, dest)


def point_venv_at_kit(target: Path) -> Path:
    """A .pth file in this venv so every Python of it (CLI, JupyterLab, kernels) finds the kit's folders.

    The paths are written as ASCII escapes: Python reads .pth files in the locale's encoding (GBK on
    Chinese Windows), and a user folder may have a Chinese name."""
    site = Path(sysconfig.get_paths()["purelib"])
    root, datasets = ascii(str(target.resolve())), ascii(str((target / "datasets").resolve()))
    line = (f"import os; os.environ.setdefault('SCJG_ROOT', {root}); "
            f"os.environ.setdefault('SCJG_DATASETS', {datasets})\n")
    path = site / PTH
    path.write_text(line, encoding="ascii")
    return path


def disable_online_features() -> Path:
    """This venv's JupyterLab config: the extension manager read-only (it would search PyPI)."""
    path = Path(sys.prefix) / "etc" / "jupyter" / "jupyter_lab_config.json"
    config = json.loads(path.read_text(encoding="utf-8")) if path.exists() else {}
    config.setdefault("LabApp", {})["extension_manager"] = "readonly"
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(json.dumps(config, indent=1) + "\n", encoding="utf-8")
    return path


def write_launchers(target: Path) -> Path:
    """start.bat (Windows, GBK so cmd reads it on Chinese Windows) or start.sh: opens the Chinese JupyterLab."""
    if sys.platform == "win32":
        path = target / "start.bat"
        text = ("@echo off\r\nrem 启动市场监管大讲堂（中文 JupyterLab）。关闭本窗口即停止。\r\n"
                "\"%~dp0.venv\\Scripts\\scjg.exe\" lab %*\r\npause\r\n")
        path.write_bytes(text.encode("gbk"))
    else:
        path = target / "start.sh"
        path.write_text("#!/bin/sh\n# 启动市场监管大讲堂（中文 JupyterLab）。按 Ctrl+C 两次停止。\n"
                        "exec \"$(dirname \"$0\")/.venv/bin/scjg\" lab \"$@\"\n", encoding="utf-8")
        path.chmod(0o755)
    return path


def install_font(bundle: Path) -> str | None:
    """On Linux without a CJK font, the bundle's font into ~/.local/share/fonts; returns what was done."""
    from ..plotting import find_cjk_font

    fonts = bundle / "fonts"
    if not sys.platform.startswith("linux") or not fonts.is_dir() or find_cjk_font():
        return None
    dest = Path(os.environ.get("XDG_DATA_HOME") or Path.home() / ".local" / "share") / "fonts" / "scjg"
    dest.mkdir(parents=True, exist_ok=True)
    for path in fonts.iterdir():
        shutil.copy2(path, dest / path.name)
    return f"已安装中文字体到 {dest}"


def print_report(report: SyncReport, target: Path, data: dict) -> None:
    print(f"市场监管大讲堂 {data['kit_version']}（安装包生成于 {data['built']}）已装到：{target}")
    print(f"  课程与数据文件：新增 {len(report.added)} 个，更新 {len(report.updated)} 个，"
          f"未变 {len(report.unchanged)} 个。")
    if report.kept:
        print(f"  以下 {len(report.kept)} 个文件已被修改过（如学员作答的笔记本），保留不动；新版本另存在 {report.updates_dir}：")
        for rel in report.kept:
            print(f"    {rel}")
    new_lessons = sorted({rel.split("/")[1] for rel in report.added if rel.startswith("notebooks/")})
    if new_lessons:
        print(f"  新课程：{'、'.join(new_lessons)}")


def main(argv: list[str] | None = None) -> int:
    import argparse

    parser = argparse.ArgumentParser(prog="python -m scjg.bundle.sync", description="由安装包安装或更新工具包文件")
    parser.add_argument("bundle", help="安装包文件夹")
    parser.add_argument("target", help="目标文件夹")
    parser.add_argument("--learner", action="store_true", help="学员电脑：不装教员版课程源文件（含答案）")
    args = parser.parse_args(sys.argv[1:] if argv is None else argv)
    bundle, target = Path(args.bundle).resolve(), Path(args.target).resolve()
    try:
        data = manifest.read(bundle)
        report = sync_kit(bundle, target, learner=args.learner)
    except (ValueError, OSError) as exc:
        print(f"安装未完成：{exc}")
        return 1
    from ..lab import set_chinese_ui

    point_venv_at_kit(target)
    set_chinese_ui()
    disable_online_features()
    launcher = write_launchers(target)
    font = install_font(bundle)
    print_report(report, target, data)
    if font:
        print(f"  {font}")
    print(f"启动：{'双击 ' + str(launcher) if sys.platform == 'win32' else 'sh ' + str(launcher)}"
          "（界面为简体中文，不需要网络）。")
    return 0


if __name__ == "__main__":
    sys.exit(main())
