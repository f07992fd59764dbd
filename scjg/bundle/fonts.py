"""The CJK font a Linux bundle may carry: only fonts whose licence allows redistribution, with that licence.

Windows has 微软雅黑 and macOS 苹方 built in; their licences forbid copying them, so no bundle ships
them. Linux office PCs (统信 UOS, 麒麟) usually have a Chinese font; the bundle carries one for those that
do not, taken from the build machine's system fonts together with the distribution's licence file.
"""
from __future__ import annotations

import shutil
from pathlib import Path

# (family, font file name, licence, where the build machine keeps the licence text)
SHIPPABLE = [
    ("Noto Sans CJK SC", "NotoSansCJK-Regular.ttc", "SIL Open Font License 1.1",
     ("/usr/share/doc/fonts-noto-cjk/copyright", "/usr/share/licenses/google-noto-sans-cjk-fonts/LICENSE")),
    ("WenQuanYi Micro Hei", "wqy-microhei.ttc", "Apache License 2.0 或 GPLv3（附字体例外）",
     ("/usr/share/doc/fonts-wqy-microhei/copyright",)),
]
FONT_DIRS = ("/usr/share/fonts", "/usr/local/share/fonts")


def bundled_font(dest: Path) -> dict | None:
    """Copy the first shippable font found (and its licence) into `dest`; its description, or None."""
    for family, file_name, licence, licence_paths in SHIPPABLE:
        font = next((p for d in FONT_DIRS if Path(d).is_dir() for p in Path(d).rglob(file_name)), None)
        licence_file = next((Path(p) for p in licence_paths if Path(p).is_file()), None)
        if font and licence_file:
            dest.mkdir(parents=True, exist_ok=True)
            shutil.copy2(font, dest / file_name)
            shutil.copy2(licence_file, dest / f"{Path(file_name).stem}-LICENSE.txt")
            return {"family": family, "file": f"fonts/{file_name}", "licence": licence}
    return None
