"""`scjg doctor`: check this machine for what the kit needs, and say in Chinese how to fix what is missing."""
from __future__ import annotations

import json
import sys
from dataclasses import dataclass
from importlib import metadata
from pathlib import Path

from packaging.requirements import Requirement


@dataclass
class Finding:
    """One check: what was checked, whether it passed, and what to do if not."""

    name: str
    ok: bool
    detail: str
    fix: str = ""


def check_python() -> Finding:
    version = ".".join(map(str, sys.version_info[:3]))
    ok = sys.version_info >= (3, 11)
    return Finding("Python 版本", ok, version, "" if ok else "需要 Python 3.11 或更高版本：请安装新版 Python 或用 conda 创建环境（见 README）。")


def check_packages() -> list[Finding]:
    """Every pinned dependency of scjg is installed at its pinned version."""
    try:
        requires = metadata.requires("scjg") or []
    except metadata.PackageNotFoundError:
        return [Finding("scjg 工具包", False, "未安装", "请在项目文件夹运行 make lab（或 pip install -e .）。")]
    findings = []
    for line in requires:
        req = Requirement(line)
        if req.marker is not None:
            continue  # the test extra
        try:
            installed = metadata.version(req.name)
        except metadata.PackageNotFoundError:
            findings.append(Finding(req.name, False, "未安装", "请在项目文件夹运行 make lab 重新安装依赖。"))
            continue
        ok = req.specifier.contains(installed, prereleases=True)
        findings.append(Finding(req.name, ok, installed, "" if ok else f"版本应为 {req.specifier}：请运行 make lab 重新安装。"))
    return findings


def check_font() -> Finding:
    from .plotting import find_cjk_font, install_hint
    font = find_cjk_font()
    return Finding("中文字体", font is not None, font or "未找到", "" if font else install_hint())


def check_language() -> Finding:
    from .lab import LOCALE_PLUGIN, settings_dir
    try:
        metadata.version("jupyterlab-language-pack-zh-CN")
        pack = True
    except metadata.PackageNotFoundError:
        pack = False
    try:
        overrides = json.loads((settings_dir() / "overrides.json").read_text(encoding="utf-8"))
        locale = overrides.get(LOCALE_PLUGIN, {}).get("locale")
    except (OSError, json.JSONDecodeError):
        locale = None
    ok = pack and locale == "zh_CN"
    detail = f"语言包{'已' if pack else '未'}安装；scjg lab 的界面语言：{locale or '未设置'}"
    return Finding("JupyterLab 中文界面", ok, detail, "" if ok else "请在项目文件夹运行 make lab 重新安装（语言包与工具包自带的界面设置）。")


def check_nbgrader() -> Finding:
    prefix = Path(sys.prefix)
    server = prefix / "etc" / "jupyter" / "jupyter_server_config.d" / "nbgrader.json"
    lab_ext = prefix / "share" / "jupyter" / "labextensions" / "@jupyter" / "nbgrader"
    enabled = False
    if server.exists():
        exts = json.loads(server.read_text(encoding="utf-8")).get("ServerApp", {}).get("jpserver_extensions", {})
        enabled = bool(exts.get("nbgrader.server_extensions.formgrader")) and bool(exts.get("nbgrader.server_extensions.assignment_list"))
    ok = enabled and lab_ext.is_dir()
    detail = f"服务端扩展{'已' if enabled else '未'}启用；界面扩展{'已' if lab_ext.is_dir() else '未'}安装"
    fix = "" if ok else "请运行：jupyter server extension enable --sys-prefix nbgrader.server_extensions.formgrader（或重新运行 make lab）。"
    return Finding("nbgrader 扩展", ok, detail, fix)


def findings() -> list[Finding]:
    return [check_python(), *check_packages(), check_font(), check_language(), check_nbgrader()]


def add_arguments(parser) -> None:
    parser.add_argument("--quiet", action="store_true", help="只显示有问题的项目")


def run(args) -> int:
    results = findings()
    for f in results:
        if args.quiet and f.ok:
            continue
        print(f"{'✅' if f.ok else '❌'} {f.name}：{f.detail}")
        if not f.ok and f.fix:
            print(f"   修复方法：{f.fix}")
    bad = [f for f in results if not f.ok]
    print("检查完毕：一切正常。" if not bad else f"检查完毕：{len(bad)} 项需要处理。")
    return 0 if not bad else 1
