"""Assemble the offline bundle: wheels per target, the kit's files, install scripts, README, manifest, zip.

Layout of OUT/scjg-offline-<version>/:
    README.md                 Chinese: the 内网 path, step by step
    install.bat, install.sh   offline install / --update
    requirements/<tag>.txt    exact pins with sha256 per target; requirements/scjg.txt: the kit itself
    wheels/common/            pure-Python wheels shared by every target (and the scjg wheel)
    wheels/<tag>/             the target's compiled wheels (win_amd64-cp311, ...)
    kit/                      lessons, notebooks, datasets, grading: copied into the trainer's folder
    fonts/                    a CJK font for Linux targets, with its licence (only where it may be shipped)
    manifest.json, SHA256SUMS what the bundle holds, with checksums
"""
from __future__ import annotations

import shutil
import zipfile
from datetime import datetime, timezone
from importlib import metadata
from importlib.resources import files
from pathlib import Path

from . import manifest, resolve, wheels
from .fonts import bundled_font
from .resolve import BundleError
from .targets import Target

# The kit's folders a trainer's installation needs; working folders of a cohort are never shipped.
KIT_DIRS = ("lessons", "notebooks", "datasets", "grading")
NOT_SHIPPED = shutil.ignore_patterns(
    "__pycache__", "*.pyc", ".ipynb_checkpoints", "gradebook.db", ".nbgrader.log", "submitted", "autograded",
    "feedback", "reports", "exchange", "collect_reports", ".work", "release", "kernel-*")


def build(source: Path, out: Path, targets: list[Target], *, log=print, make_zip: bool = True) -> Path:
    """Build the bundle for `targets` from the kit in `source` into `out`; returns the bundle folder."""
    version = metadata.version("scjg")
    folder = out / f"scjg-offline-{version}"
    if folder.exists():
        if not (folder / manifest.MANIFEST).exists():
            raise BundleError(f"{folder} 已存在且不是安装包，为免误删请换一个输出文件夹。")
        shutil.rmtree(folder)
    folder.mkdir(parents=True)
    common = folder / "wheels" / "common"
    log("构建工具包本身的 wheel……")
    kit_wheel = wheels.build_kit_wheel(source, common)
    write_requirements(folder, "scjg", wheels.requirements_lines({"scjg": kit_wheel}))
    requirements = resolve.kit_requirements()
    for target in targets:
        log(f"解析并下载 {target.platform.label}、Python {target.python} 的全部依赖……")
        pins = resolve.pin(target, requirements, folder / ".resolve")
        found = wheels.fetch(target, pins, common, folder / "wheels" / target.tag, log)
        write_requirements(folder, target.tag, wheels.requirements_lines(found))
        log(f"  {len(found)} 个软件包")
    shutil.rmtree(folder / ".resolve", ignore_errors=True)
    write_kit(source, folder)
    linux = any(t.platform.name == "manylinux_x86_64" for t in targets)
    font = bundled_font(folder / "fonts") if linux else None
    write_scripts(folder, targets, version, font)
    manifest.write(folder, {
        "format": 1, "kit_version": version,
        "built": datetime.now(timezone.utc).strftime("%Y-%m-%dT%H:%M:%SZ"),
        "targets": [t.tag for t in targets], "font": font,
    })
    if make_zip:
        log(f"打包为 zip：{zip_folder(folder)}")
    return folder


def write_requirements(folder: Path, name: str, lines: list[str]) -> None:
    path = folder / "requirements" / f"{name}.txt"
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")


def write_kit(source: Path, folder: Path) -> None:
    """The kit's folders under kit/, without any cohort's working files."""
    for name in KIT_DIRS:
        if (source / name).is_dir():
            shutil.copytree(source / name, folder / "kit" / name, ignore=NOT_SHIPPED)


def write_scripts(folder: Path, targets: list[Target], version: str, font: dict | None) -> None:
    """install.sh, install.bat (GBK with CRLF: cmd on Chinese Windows reads it so) and README.md."""
    templates = files("scjg.bundle") / "templates"
    tags = " ".join(t.tag for t in targets)
    versions = " ".join(dict.fromkeys(t.python for t in targets if t.platform.name == "win_amd64"))
    sh = templates.joinpath("install.sh").read_text(encoding="utf-8").replace("@TAGS@", tags)
    (folder / "install.sh").write_text(sh, encoding="utf-8")
    (folder / "install.sh").chmod(0o755)
    bat = templates.joinpath("install.bat").read_text(encoding="utf-8")
    bat = bat.replace("@TAGS@", tags).replace("@VERSIONS@", versions or "3.11")
    (folder / "install.bat").write_bytes(bat.replace("\n", "\r\n").encode("gbk"))
    listing = "\n".join(f"| {t.platform.label} | Python {t.python} | `wheels/{t.tag}/` |" for t in targets)
    font_note = (f"Linux 上若没有中文字体，安装时自动装入本包 `fonts/` 中的 {font['family']}"
                 f"（{font['licence']}，允许随软件分发，许可证见 `fonts/`）。" if font else
                 "本包不带字体。")
    readme = templates.joinpath("README.md").read_text(encoding="utf-8")
    readme = readme.replace("@VERSION@", version).replace("@TARGETS@", listing).replace("@FONT@", font_note)
    for path in (folder / "README.md", folder / "kit" / "README.md"):
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(readme, encoding="utf-8")


def zip_folder(folder: Path) -> Path:
    """folder.zip beside it, the folder inside; wheels are stored (already compressed), text deflated."""
    target = folder.parent / f"{folder.name}.zip"
    with zipfile.ZipFile(target, "w") as archive:
        for path in sorted(folder.rglob("*")):
            if path.is_file():
                kind = zipfile.ZIP_STORED if path.suffix in (".whl", ".ttc", ".otf") else zipfile.ZIP_DEFLATED
                archive.write(path, Path(folder.name) / path.relative_to(folder), compress_type=kind)
    return target
