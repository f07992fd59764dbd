"""The platforms a bundle can serve, named as a trainer types them, with each tool's spelling of them."""
from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Platform:
    """One operating system and CPU: its name in the bundle, uv's target triple, pip's wheel tags."""

    name: str             # the folder name in the bundle: win_amd64, manylinux_x86_64, macosx_arm64
    label: str            # Chinese, for messages and the README
    uv_platform: str      # `uv pip compile --python-platform`
    pip_platforms: tuple[str, ...]  # `pip download --platform`, each tag accepted for this target


# Linux: glibc 2.28 or later (统信 UOS、银河麒麟 V10、CentOS/RHEL 8, Debian 10, Ubuntu 20.04 and newer).
_MANYLINUX = tuple(f"manylinux_2_{minor}_x86_64" for minor in range(28, 16, -1)) + ("manylinux2014_x86_64",)
# macOS 12 or later on Apple silicon; pip widens macosx_12_0 to 11.0 itself.
_MACOS = ("macosx_12_0_arm64",)

PLATFORMS: dict[str, Platform] = {
    "win_amd64": Platform("win_amd64", "Windows（64 位）", "x86_64-pc-windows-msvc", ("win_amd64",)),
    "manylinux_x86_64": Platform("manylinux_x86_64", "Linux（x86_64，glibc 2.28 及以上）",
                                 "x86_64-manylinux_2_28", _MANYLINUX),
    "macosx_arm64": Platform("macosx_arm64", "macOS（Apple 芯片，12 及以上）", "aarch64-apple-darwin", _MACOS),
}
MACOSX_DEPLOYMENT_TARGET = "12.0"


@dataclass(frozen=True)
class Target:
    """One platform and one Python version: one set of wheels in the bundle."""

    platform: Platform
    python: str   # "3.11"

    @property
    def tag(self) -> str:
        """The folder name of this target's wheels and requirements: win_amd64-cp311."""
        return f"{self.platform.name}-cp{self.python.replace('.', '')}"


def targets(platforms: list[str], pythons: list[str]) -> list[Target]:
    """Every platform × Python version asked for; ValueError in Chinese for an unknown one."""
    unknown = [p for p in platforms if p not in PLATFORMS]
    if unknown:
        raise ValueError(f"不认识的平台：{'、'.join(unknown)}。可选：{'、'.join(PLATFORMS)}")
    for version in pythons:
        parts = version.split(".")
        if len(parts) != 2 or not all(p.isdigit() for p in parts) or (int(parts[0]), int(parts[1])) < (3, 11):
            raise ValueError(f"Python 版本“{version}”不对：请写成 3.11 这样的形式，且不低于 3.11。")
    return [Target(PLATFORMS[p], v) for p in dict.fromkeys(platforms) for v in dict.fromkeys(pythons)]


def this_machine() -> str | None:
    """The bundle platform of the running machine, or None where the kit offers none."""
    import platform
    import sys

    machine = platform.machine().lower()
    if sys.platform == "win32" and machine in ("amd64", "x86_64"):
        return "win_amd64"
    if sys.platform.startswith("linux") and machine == "x86_64":
        return "manylinux_x86_64"
    if sys.platform == "darwin" and machine == "arm64":
        return "macosx_arm64"
    return None
