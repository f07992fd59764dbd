"""The Windows bundle's dependency set: resolved for Windows (not for this Linux machine), complete, and
downloadable as Windows wheels. Downloads the full win_amd64 set (~160 MB from PyPI when the pip cache is
cold; under a minute when warm)."""
from __future__ import annotations

import pytest
from packaging.utils import parse_wheel_filename

from scjg.bundle import resolve, wheels
from scjg.bundle.targets import PLATFORMS, Target

WINDOWS = Target(PLATFORMS["win_amd64"], "3.11")
LINUX = Target(PLATFORMS["manylinux_x86_64"], "3.11")
# Needed only on Windows: the terminal (pywinpty, via terminado) and coloured output (colorama, via ipython
# and others); needed only elsewhere: pexpect and ptyprocess (ipython's terminal on POSIX).
WINDOWS_ONLY = {"pywinpty", "colorama"}
POSIX_ONLY = {"pexpect", "ptyprocess"}


@pytest.fixture(scope="module")
def pins(tmp_path_factory):
    work = tmp_path_factory.mktemp("resolve")
    requirements = resolve.kit_requirements()
    return {t.tag: resolve.pin(t, requirements, work / t.tag) for t in (WINDOWS, LINUX)}


def test_windows_resolution_has_windows_only_dependencies(pins):
    """Does the Windows resolution include pywinpty and colorama, which resolving for Linux leaves out (and
    leave out Linux's pexpect)?"""
    windows, linux = pins[WINDOWS.tag], pins[LINUX.tag]
    assert WINDOWS_ONLY <= set(windows) and not WINDOWS_ONLY & set(linux)
    assert POSIX_ONLY <= set(linux) and not POSIX_ONLY & set(windows)
    assert {"jupyterlab", "nbgrader", "pandas", "jieba", "pyzmq", "terminado"} <= set(windows)
    assert windows["nbgrader"] == "0.9.6" and windows["jupyterlab"] == "4.6.6"


def test_windows_wheels_are_complete(pins, tmp_path):
    """Is there a wheel for every Windows pin, every compiled one built for win_amd64 and CPython 3.11,
    jieba as a pure wheel, and a hash line for each in the requirements?"""
    common, own = tmp_path / "common", tmp_path / WINDOWS.tag
    found = wheels.fetch(WINDOWS, pins[WINDOWS.tag], common, own, log=lambda _msg: None)
    assert set(found) == set(pins[WINDOWS.tag])
    for path in own.iterdir():
        tags = parse_wheel_filename(path.name)[3]
        assert {t.platform for t in tags} == {"win_amd64"}, path.name
        assert {t.interpreter for t in tags} <= {"cp311", "cp310", "cp39", "cp38", "cp37", "cp36", "cp32"}, path.name
    assert found["pywinpty"].parent == own
    assert found["jieba"].name == "jieba-0.42.1-py3-none-any.whl" and found["jieba"].parent == common
    lines = wheels.requirements_lines(found)
    assert len(lines) == len(found) and all("--hash=sha256:" in line for line in lines)
