"""`scjg bundle`: one offline installer for government intranets (内网), built where PyPI is reachable.

    scjg bundle [--platform win_amd64 ...] [--python 3.11 ...] OUT

Each target's dependency set is resolved for that platform (uv), downloaded as wheels (pip), and
installed on the office PC with `pip install --no-index` by install.bat / install.sh; see build.py.
"""
from __future__ import annotations

from pathlib import Path

from .targets import PLATFORMS


def add_arguments(parser) -> None:
    parser.add_argument("out", metavar="输出文件夹", help="安装包写到这里（文件夹和同名 zip）")
    parser.add_argument("--platform", action="append", metavar="平台",
                        help=f"目标平台，可重复：{'、'.join(PLATFORMS)}（默认 win_amd64）")
    parser.add_argument("--python", action="append", metavar="版本", help="目标 Python 版本，可重复（默认 3.11）")
    parser.add_argument("--no-zip", action="store_true", help="只生成文件夹，不生成 zip")


def run(args) -> int:
    from ..paths import KIT
    from .build import build
    from .resolve import BundleError
    from .targets import targets

    try:
        chosen = targets(args.platform or ["win_amd64"], args.python or ["3.11"])
        if not (KIT / "pyproject.toml").is_file():
            raise BundleError("打包需要工具包的源码文件夹（含 pyproject.toml）：请在项目文件夹中运行。")
        folder = build(KIT, Path(args.out).resolve(), chosen, make_zip=not args.no_zip)
    except (ValueError, BundleError) as exc:
        print(f"打包未完成：{exc}")
        return 1
    print(f"安装包已生成：{folder}（说明见其中的 README.md）")
    return 0
