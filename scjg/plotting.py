"""Chinese text in matplotlib: find a CJK font, register it, and the kit's standard charts.

Installing a font is not enough: matplotlib keeps a font cache built when it
first ran, so a font installed later stays invisible. `setup_cjk_font` looks on
disk itself and registers the file with matplotlib's font manager.
"""
from __future__ import annotations

import platform
import sys
from pathlib import Path

import matplotlib

# Family names in order of preference, with file-name fragments to find them on disk.
CJK_FAMILIES: list[tuple[str, tuple[str, ...]]] = [
    ("Noto Sans CJK SC", ("NotoSansCJK", "NotoSansSC")),
    ("Source Han Sans SC", ("SourceHanSans",)),
    ("WenQuanYi Micro Hei", ("wqy-microhei",)),
    ("WenQuanYi Zen Hei", ("wqy-zenhei",)),
    ("Microsoft YaHei", ("msyh",)),
    ("SimHei", ("simhei",)),
    ("PingFang SC", ("PingFang",)),
    ("Heiti SC", ("STHeiti",)),
    ("Hiragino Sans GB", ("Hiragino Sans GB",)),
    ("Noto Sans SC", ("NotoSansSC",)),
    # A .ttc registered from disk exposes its first face; these still carry every Chinese glyph.
    ("Noto Sans CJK JP", ("NotoSansCJK",)),
    ("Noto Sans CJK TC", ("NotoSansCJK",)),
]

_FONT_DIRS = [
    "/usr/share/fonts", "/usr/local/share/fonts", str(Path.home() / ".fonts"),
    str(Path.home() / ".local/share/fonts"), "C:/Windows/Fonts", "/System/Library/Fonts",
    "/Library/Fonts", str(Path.home() / "Library/Fonts"),
]

_chosen: str | None = None
_done = False


def install_hint() -> str:
    """The Chinese message, with the install command for this platform, shown when no CJK font exists."""
    system = platform.system()
    if system == "Linux":
        cmd = "sudo apt-get install fonts-noto-cjk（Debian/Ubuntu）或 sudo dnf install google-noto-sans-cjk-fonts（Fedora/麒麟等）"
    elif system == "Windows":
        cmd = "Windows 自带“微软雅黑”；若缺失，请在“设置→个性化→字体”中安装中文字体，或 conda install -c conda-forge font-ttf-noto-cjk"
    elif system == "Darwin":
        cmd = "macOS 自带“苹方”；若缺失，请 brew install --cask font-noto-sans-cjk-sc"
    else:
        cmd = "请安装任一中文字体（如 Noto Sans CJK SC、文泉驿微米黑）"
    return (
        "提示：本机未找到中文字体，图表中的汉字将无法显示。"
        f"安装方法：{cmd}。安装后请重新启动内核（菜单“内核 → 重启内核…”）。"
    )


def _registered_families() -> set[str]:
    from matplotlib import font_manager
    return {f.name for f in font_manager.fontManager.ttflist}


def _register_from_disk() -> None:
    """Add CJK font files found on disk to matplotlib's font manager (fixes a stale cache)."""
    from matplotlib import font_manager
    fragments = [frag.lower() for _fam, frags in CJK_FAMILIES for frag in frags]
    for folder in _FONT_DIRS:
        base = Path(folder)
        if not base.is_dir():
            continue
        for path in base.rglob("*"):
            name = path.name.lower()
            if path.suffix.lower() not in (".ttf", ".ttc", ".otf"):
                continue
            if any(frag in name for frag in fragments):
                try:
                    font_manager.fontManager.addfont(str(path))
                except (OSError, RuntimeError, ValueError):
                    continue


def find_cjk_font() -> str | None:
    """The family name of an installed CJK font matplotlib can use, or None."""
    families = _registered_families()
    for family, _frags in CJK_FAMILIES:
        if family in families:
            return family
    _register_from_disk()
    families = _registered_families()
    for family, _frags in CJK_FAMILIES:
        if family in families:
            return family
    return None


def setup_cjk_font(quiet: bool = False) -> str | None:
    """Make matplotlib draw Chinese; return the font family used, or None (then print how to install one).

    Safe to call many times. The message goes to stdout: a notebook cell must never write to stderr.
    """
    global _chosen, _done
    if _done:
        return _chosen
    _chosen = find_cjk_font()
    _done = True
    if _chosen:
        current = [f for f in matplotlib.rcParams["font.sans-serif"] if f != _chosen]
        matplotlib.rcParams["font.sans-serif"] = [_chosen, *current]
        matplotlib.rcParams["font.family"] = "sans-serif"
        matplotlib.rcParams["axes.unicode_minus"] = False
    elif not quiet:
        print(install_hint(), file=sys.stdout)
    return _chosen


def reset() -> None:
    """Forget the chosen font (for tests)."""
    global _chosen, _done
    _chosen, _done = None, False


def bar_chart(labels, values, *, title: str, xlabel: str = "", ylabel: str = "", ax=None, color="#2f6f9f"):
    """A horizontal bar chart with Chinese labels; returns the Axes."""
    import matplotlib.pyplot as plt
    setup_cjk_font()
    if ax is None:
        _fig, ax = plt.subplots(figsize=(7, max(2.5, 0.4 * len(labels) + 1)))
    ax.barh(list(labels), list(values), color=color)
    ax.set_title(title)
    ax.set_xlabel(xlabel)
    ax.set_ylabel(ylabel)
    ax.invert_yaxis()
    return ax


def yuan(x: float | None) -> str:
    """Format an amount for tables and messages: 5万元, 3,200元; None → 无上限."""
    from .money import yuan as _yuan
    return _yuan(x, grouped=True, unlimited="无上限")
