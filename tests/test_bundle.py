"""The offline bundle for Linux: built here, installed and used in a network namespace with no route.

Cost (measured on the shared 2-core machine): building the bundle about 50-70 s with a warm pip cache
(cold, ~190 MB of wheels come from PyPI first), the offline install 2-4 min, lesson, server and update
checks under a minute; about 6 min in all. The tests run as root (CI does): `unshare -n` needs it.
"""
from __future__ import annotations

import hashlib
import json
import shutil
import subprocess
import sys
import zipfile
from pathlib import Path

import nbformat
import pytest

from scjg.bundle import manifest
from scjg.bundle.build import build
from scjg.bundle.targets import PLATFORMS, Target
from scjg.paths import KIT

LESSON = "00-getting-started"
BASE_PYTHON = Path(sys.base_prefix) / "bin" / f"python{sys.version_info[0]}.{sys.version_info[1]}"
LAB_PROBE = r'''
"""Start the installed kit's start.sh, read what JupyterLab serves, stop it (runs inside the namespace)."""
import json, os, signal, subprocess, sys, time, urllib.request
target, port = sys.argv[1], sys.argv[2]
server = subprocess.Popen(["sh", f"{target}/start.sh", "--no-browser", "--port", port],
                          env=dict(os.environ, JUPYTER_TOKEN="probe"), stdout=subprocess.DEVNULL,
                          stderr=subprocess.DEVNULL, start_new_session=True)
def get(path):
    with urllib.request.urlopen(f"http://127.0.0.1:{port}{path}?token=probe", timeout=10) as response:
        return response.read().decode("utf-8")
try:
    for _ in range(240):
        try:
            translations = json.loads(get("/lab/api/translations/zh_CN"))
            break
        except OSError:
            time.sleep(0.5)
    settings = json.loads(get("/lab/api/settings/@jupyterlab/translation-extension:plugin"))
    print(json.dumps({"translations": translations["data"]["jupyterlab"], "page": get("/lab/tree/notebooks"),
                      "locale": settings["schema"]["properties"]["locale"]["default"]}))
finally:
    os.killpg(server.pid, signal.SIGTERM)
    server.wait(timeout=60)
'''
RUN_LESSON = r'''
"""Execute every notebook of a lesson with nbclient in this venv; print the problems found as JSON."""
import json, sys
from pathlib import Path
from scjg.execute import run_notebook
problems = {}
for path in sorted(Path(sys.argv[1]).glob("*.ipynb")):
    result = run_notebook(path)
    problems[path.name] = result.errors + result.stderr
print(json.dumps(problems, ensure_ascii=False))
'''


def clean_env(home: Path) -> dict[str, str]:
    """An office PC's environment: no pip settings or find-links, no proxy, no virtualenv, a HOME of its own."""
    home.mkdir(parents=True, exist_ok=True)
    return {"PATH": "/usr/sbin:/usr/bin:/sbin:/bin", "HOME": str(home), "LANG": "C.UTF-8",
            "PYTHON": str(BASE_PYTHON)}


def offline(cmd: list, env: dict, timeout: int = 900) -> subprocess.CompletedProcess:
    """Run `cmd` in a new network namespace (`unshare -n`) in which only loopback is up."""
    script = 'ip link set lo up && exec "$@"'
    return subprocess.run(["unshare", "-n", "sh", "-c", script, "sh", *map(str, cmd)], env=env,
                          capture_output=True, text=True, timeout=timeout)


@pytest.fixture(scope="module")
def bundle(tmp_path_factory) -> Path:
    """A Linux bundle for this machine (manylinux_x86_64, this Python), with its zip."""
    out = tmp_path_factory.mktemp("dist")
    python = f"{sys.version_info[0]}.{sys.version_info[1]}"
    return build(KIT, out, [Target(PLATFORMS["manylinux_x86_64"], python)], log=lambda _msg: None)


@pytest.fixture(scope="module")
def installed(bundle, tmp_path_factory):
    """The bundle installed by install.sh with the network cut: (target folder, environment, install output)."""
    root = tmp_path_factory.mktemp("office")
    env = clean_env(root / "home")
    target = root / "scjg"
    proc = offline(["sh", bundle / "install.sh", target], env)
    assert proc.returncode == 0, proc.stdout + proc.stderr
    return target, env, proc.stdout


def test_namespace_has_no_route(tmp_path):
    """Is the namespace the install runs in really cut off: no route at all, loopback the only link?"""
    proc = offline(["sh", "-c", "ip route show; ip -6 route show; echo LINKS; ip -o link show"], clean_env(tmp_path))
    routes, links = proc.stdout.split("LINKS")
    assert proc.returncode == 0 and routes.strip() == ""
    assert [line.split(":")[1].strip() for line in links.strip().splitlines()] == ["lo"]


def test_bundle_records_every_file_with_its_checksum(bundle):
    """Does manifest.json list every file with a correct sha256, does `sha256sum -c SHA256SUMS` pass, and
    does the zip hold the same files?"""
    data = json.loads((bundle / "manifest.json").read_text(encoding="utf-8"))
    on_disk = {p.relative_to(bundle).as_posix() for p in bundle.rglob("*") if p.is_file()}
    assert set(data["files"]) == on_disk - {"manifest.json", "SHA256SUMS"}
    some = "kit/notebooks/00-getting-started/00-getting-started.ipynb"
    assert data["files"][some] == hashlib.sha256((bundle / some).read_bytes()).hexdigest()
    assert subprocess.run(["sha256sum", "--quiet", "-c", "SHA256SUMS"], cwd=bundle).returncode == 0
    with zipfile.ZipFile(bundle.parent / f"{bundle.name}.zip") as archive:
        names = {n.split("/", 1)[1] for n in archive.namelist()}
    assert names == on_disk


def test_bundle_holds_the_kit_and_a_licensed_font(bundle):
    """Are lessons, released notebooks, law texts, the package wheel, jieba built as a wheel, and a CJK font
    with its licence in the bundle, and no cohort's working files?"""
    assert (bundle / "kit/lessons/00-getting-started/00-getting-started.ipynb").is_file()
    assert (bundle / "kit/notebooks/02-food-safety/02-food-safety.ipynb").is_file()
    assert (bundle / "kit/datasets/laws/texts/food_safety_law.md").read_bytes() == \
        (KIT / "datasets/laws/texts/food_safety_law.md").read_bytes()
    assert (bundle / "kit/grading/nbgrader_config.py").is_file()
    assert not (bundle / "kit/grading/gradebook.db").exists()
    common = {p.name for p in (bundle / "wheels/common").iterdir()}
    assert "scjg-0.1.0-py3-none-any.whl" in common
    assert "jieba-0.42.1-py3-none-any.whl" in common
    assert "scjg==0.1.0 --hash=sha256:" in (bundle / "requirements/scjg.txt").read_text()
    font = json.loads((bundle / "manifest.json").read_text(encoding="utf-8"))["font"]
    assert font["licence"] in ("SIL Open Font License 1.1", "Apache License 2.0 或 GPLv3（附字体例外）")
    licence = next((bundle / "fonts").glob("*-LICENSE.txt")).read_text(encoding="utf-8", errors="replace")
    assert "License" in licence or "LICENSE" in licence


def test_install_scripts_and_readme_are_for_an_office(bundle):
    """Is install.bat GBK with CRLF (cmd on Chinese Windows) and complete, and does the README say which Python
    installer to bring and how to update?"""
    bat = (bundle / "install.bat").read_bytes()
    assert b"\r\n" in bat and b"\n" not in bat.replace(b"\r\n", b"")
    text = bat.decode("gbk")
    assert "@TAGS@" not in text and "--no-index" in text and "--require-hashes" in text and "安装" in text
    readme = (bundle / "README.md").read_text(encoding="utf-8")
    for words in ("python-3.11.9-amd64.exe", "install.bat --update", "不会被覆盖", "微软雅黑", "sha256sum -c"):
        assert words in readme


def test_offline_install_sets_chinese_ui_and_points_at_the_kit(installed):
    """After the offline install, is the UI Chinese with news off, and does the venv's Python find the kit?"""
    target, env, output = installed
    overrides = json.loads((target / ".venv/share/jupyter/lab/settings/overrides.json").read_text(encoding="utf-8"))
    assert overrides["@jupyterlab/translation-extension:plugin"]["locale"] == "zh_CN"
    assert overrides["@jupyterlab/apputils-extension:notification"]["fetchNews"] == "false"
    probe = "import scjg.paths as p; print(p.ROOT); print(p.LAWS_DIR)"
    proc = offline([target / ".venv/bin/python", "-c", probe], env)
    assert proc.stdout.split() == [str(target), str(target / "datasets" / "laws")]
    released = "、".join(sorted(p.name for p in (KIT / "notebooks").iterdir() if p.is_dir()))
    assert f"新课程：{released}" in output


def test_lesson00_runs_offline(installed):
    """Does every notebook of lesson 00 run in the installed kit with the network cut, without errors or stderr?"""
    target, env, _output = installed
    script = target.parent / "run_lesson.py"
    script.write_text(RUN_LESSON, encoding="utf-8")
    proc = offline([target / ".venv/bin/python", script, target / "notebooks" / LESSON], env)
    assert proc.returncode == 0, proc.stderr
    problems = json.loads(proc.stdout)
    assert f"{LESSON}.ipynb" in problems
    assert problems == {name: [] for name in problems}


def test_lab_serves_chinese_offline_without_cdn(installed):
    """Does start.sh serve JupyterLab in Chinese with the network cut, with the extension manager (which would
    search PyPI) read-only, and does the page load nothing from outside? (The one outside address in its
    config is MathJax 2's, whose extension JupyterLab 4 ships disabled.)"""
    target, env, _output = installed
    script = target.parent / "lab_probe.py"
    script.write_text(LAB_PROBE, encoding="utf-8")
    proc = offline([target / ".venv/bin/python", script, target, "18931"], env, timeout=300)
    assert proc.returncode == 0, proc.stderr
    served = json.loads(proc.stdout)
    assert served["locale"] == "zh_CN"
    assert "\n已连接: %1" in served["translations"]["\nConnected: %1"]
    config_tag = served["page"].split('id="jupyter-config-data"', 1)[1]
    page_config = json.loads(config_tag.split(">", 1)[1].split("</script>", 1)[0])
    outside = [key for key, value in page_config.items()
               if isinstance(value, str) and value.startswith(("http://", "https://"))]
    assert outside == ["fullMathjaxUrl"]
    assert "@jupyterlab/mathjax2-extension:plugin" in page_config["disabledExtensions"]
    assert page_config["extensionManager"]["can_install"] is False
    assert "src=\"http" not in served["page"] and "href=\"http" not in served["page"]


def test_update_keeps_answered_notebook_and_brings_new_lessons(installed, bundle, tmp_path):
    """With a newer bundle (on a stick whose path has a space), does install.sh --update keep a learner's
    answered notebook, add a new lesson, replace an unchanged law text, and leave installed packages alone?"""
    target, env, _output = installed
    answered = target / "notebooks" / LESSON / f"{LESSON}.ipynb"
    nb = nbformat.read(answered, as_version=4)
    answer = next(c for c in nb.cells if c.source.startswith("%%answer q1"))
    answer.source = "%%answer q1\n5万元"
    nbformat.write(nb, answered)
    learner_bytes = answered.read_bytes()
    numpy_init = next((target / ".venv/lib").glob("python*/site-packages/numpy/__init__.py"))
    installed_at = numpy_init.stat().st_mtime_ns

    newer = tmp_path / "U 盘" / bundle.name   # a USB stick's folder name with a space and Chinese
    shutil.copytree(bundle, newer, symlinks=True)
    law = newer / "kit/datasets/laws/texts/price_law.md"
    law.write_text(law.read_text(encoding="utf-8") + "\n（新版安装包附注）\n", encoding="utf-8")
    shutil.copytree(newer / f"kit/notebooks/{LESSON}", newer / "kit/notebooks/09-new-lesson")
    released = newer / f"kit/notebooks/{LESSON}/{LESSON}.ipynb"
    released.write_text(released.read_text(encoding="utf-8").replace("熟悉答题方式", "熟悉答题方式（新版）"), encoding="utf-8")
    data = manifest.read(bundle)
    manifest.write(newer, {key: value for key, value in data.items() if key != "files"} | {"built": "2030-01-01T00:00:00Z"})

    proc = offline(["sh", newer / "install.sh", "--update", target], env)
    assert proc.returncode == 0, proc.stdout + proc.stderr
    assert answered.read_bytes() == learner_bytes
    kept_copy = target / ".scjg/updates/2030-01-01T000000Z/notebooks" / LESSON / f"{LESSON}.ipynb"
    assert "熟悉答题方式（新版）" in kept_copy.read_text(encoding="utf-8")
    assert f"notebooks/{LESSON}/{LESSON}.ipynb" in proc.stdout and "保留不动" in proc.stdout
    assert (target / "notebooks/09-new-lesson" / f"{LESSON}.ipynb").is_file()
    assert "（新版安装包附注）" in (target / "datasets/laws/texts/price_law.md").read_text(encoding="utf-8")
    assert numpy_init.stat().st_mtime_ns == installed_at


def test_update_without_an_installation_is_refused(bundle, tmp_path):
    """Does install.sh --update into an empty folder stop with a Chinese message and create nothing?"""
    proc = offline(["sh", bundle / "install.sh", "--update", tmp_path / "none"], clean_env(tmp_path / "home"))
    assert proc.returncode == 1
    assert "没有已安装的工具包" in proc.stderr
    assert not (tmp_path / "none").exists()
