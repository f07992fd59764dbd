"""A real browser: JupyterLab on 127.0.0.1 with a token, driven in Debian's chromium by Playwright."""
from __future__ import annotations

import secrets
import shutil
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from pathlib import Path

import pytest

from scjg.lab import TRAINER_PLUGINS, lab_environment, settings_dir
from scjg.paths import NOTEBOOKS

pytestmark = pytest.mark.browser

CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"
LAUNCH_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
               "--disable-component-update", "--disable-sync", "--disable-dev-shm-usage"]


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.fixture(scope="module")
def lab(tmp_path_factory):
    """JupyterLab serving a throwaway copy of notebooks/ (running cells must not touch the committed files)."""
    root = tmp_path_factory.mktemp("labroot")
    for folder in NOTEBOOKS.iterdir():
        if folder.is_dir():
            shutil.copytree(folder, root / folder.name)
    port, token = free_port(), secrets.token_hex(16)
    env = lab_environment()
    env["JUPYTER_RUNTIME_DIR"] = str(root / ".runtime")
    log = open(root / "lab.log", "w")
    proc = subprocess.Popen(
        [sys.executable, "-m", "jupyter", "lab", "--no-browser", "--allow-root", f"--port={port}",
         "--ServerApp.ip=127.0.0.1", f"--IdentityProvider.token={token}", f"--ServerApp.root_dir={root}",
         f"--LabApp.workspaces_dir={root / '.workspaces'}", f"--LabApp.app_settings_dir={settings_dir()}"],
        env=env, stdout=log, stderr=subprocess.STDOUT)
    base = f"http://127.0.0.1:{port}"
    deadline = time.time() + 90
    while time.time() < deadline:
        try:
            urllib.request.urlopen(f"{base}/api/status?token={token}", timeout=2)
            break
        except OSError:
            if proc.poll() is not None:
                pytest.fail("JupyterLab 未能启动：\n" + (root / "lab.log").read_text())
            time.sleep(0.5)
    else:
        proc.terminate()
        pytest.fail("JupyterLab 90 秒内未响应")
    yield base, token, root
    proc.terminate()
    proc.wait(timeout=20)
    log.close()


@pytest.fixture(scope="module")
def browser():
    from playwright.sync_api import sync_playwright
    with sync_playwright() as p:
        b = p.chromium.launch(executable_path=CHROMIUM, args=LAUNCH_ARGS)
        yield b
        b.close()


def test_lesson00_runs_in_chinese_lab(lab, browser):
    """Does lesson 00's lecture open in a Chinese JupyterLab, run all cells, render the widget and a chart, with no
    error, and present as RISE slides showing none of the assignment's answers?"""
    base, token, root = lab
    page = browser.new_page(viewport={"width": 1400, "height": 900})
    try:
        page.goto(f"{base}/lab/workspaces/intro/tree/00-getting-started/lecture.ipynb?reset&token={token}")
        page.wait_for_selector(".jp-Notebook .jp-Cell", timeout=90_000)
        menus = [e.inner_text() for e in page.query_selector_all(".lm-MenuBar-itemLabel")]
        assert "文件" in menus and "内核" in menus, menus
        page.wait_for_selector(".jp-Notebook-ExecutionIndicator[data-status='idle'], .jp-DebuggerBugButton", timeout=60_000)

        page.click(".lm-MenuBar-itemLabel:text-is('运行')")
        page.click(".lm-Menu-itemLabel:text-is('运行所有单元格')")
        # the practice check answers when everything above it has run (the practice cell is left empty)
        page.wait_for_selector("text=练习：金额尚未作答", timeout=120_000)

        # the quiz widget rendered and answers a click
        page.wait_for_selector(".widget-radio-box", timeout=30_000)
        page.click("label:has-text('B. Shift + Enter')")
        page.click("button:has-text('检查')")
        page.wait_for_selector("text=回答正确", timeout=15_000)

        # a matplotlib figure was drawn
        image = page.wait_for_selector(".jp-OutputArea-output[data-mime-type='image/png'] img", timeout=30_000)
        assert page.evaluate("img => img.naturalWidth > 100 && img.naturalHeight > 100", image)

        text = page.inner_text(".jp-Notebook")
        assert "Traceback" not in text
        assert "未找到中文字体" not in text, "图表未使用中文字体"
        assert page.query_selector_all(".jp-OutputArea-output[data-mime-type='application/vnd.jupyter.stderr']") == []
        assert "Glyph" not in text
        page.screenshot(path=str(root / "lesson00.png"), full_page=False)

        # the same notebook is the lecture deck: RISE renders it as reveal.js slides
        page.click(".jp-NotebookPanel .jp-Cell")
        page.keyboard.press("Alt+r")
        frame = page.wait_for_selector("iframe", timeout=60_000).content_frame()
        frame.wait_for_selector(".reveal .slides section", timeout=60_000)
        titles = frame.inner_text(".reveal .slides")
        assert "第0课 入门" in titles
        assert len(frame.query_selector_all(".reveal .slides > section")) >= 6
        assert "参考答案" not in titles and "BEGIN SOLUTION" not in titles and "expect_" not in titles
        page.screenshot(path=str(root / "lesson00-slides.png"))
    finally:
        page.close()


def saved_notebook(base, token, path):
    """The notebook as the server has it on disk (outputs included once the browser saved it)."""
    import json
    with urllib.request.urlopen(f"{base}/api/contents/{path}?content=1&token={token}", timeout=10) as resp:
        return json.loads(resp.read())["content"]


def run_all_in_browser(page, base, token, lesson_id, name=None):
    """Open a released lesson notebook (the graded one, or `name`) in its own workspace, run all cells, save;
    return the saved notebook.

    JupyterLab renders only the cells in view, so the outputs are read from the saved file, not the page.
    """
    path = f"{lesson_id}/{name or lesson_id + '.ipynb'}"
    page.goto(f"{base}/lab/workspaces/w{lesson_id[:2]}{(name or 'g')[0]}/tree/{path}?reset&token={token}")
    page.wait_for_selector(".jp-NotebookPanel .jp-Cell", timeout=90_000)
    page.wait_for_selector(".jp-Notebook-ExecutionIndicator[data-status='idle'], .jp-DebuggerBugButton", timeout=60_000)
    run_all = lambda: (page.click(".lm-MenuBar-itemLabel:text-is('运行')"),  # noqa: E731
                       page.click(".lm-Menu-itemLabel:text-is('运行所有单元格')"))
    run_all()
    started, deadline = time.time(), time.time() + 240
    while True:
        time.sleep(2)
        dismiss_dialog(page)
        page.click(".lm-MenuBar-itemLabel:text-is('文件')")
        page.click(".lm-Menu-itemLabel:text-is('保存 Notebook')")
        try:
            nb = saved_notebook(base, token, path)
        except urllib.error.HTTPError:  # read while the server was still writing a large notebook: try again
            nb = None
        counts = [c.get("execution_count") for c in nb["cells"] if c["cell_type"] == "code"] if nb else [None]
        if all(counts):
            return nb
        if nb and not any(counts) and time.time() - started > 20:
            run_all()  # a run-all clicked while the kernel was still starting on a loaded machine can be lost
            started = time.time()
        if time.time() > deadline:
            page.screenshot(path=f"/tmp/browser-fail-{lesson_id}.png")
            pytest.fail(f"{lesson_id}：240 秒内未运行完所有单元格")


def dismiss_dialog(page):
    """Close a JupyterLab dialog left by an overlapping save on a loaded machine (the next save repeats it)."""
    button = page.query_selector(".jp-Dialog .jp-Dialog-button")
    if button:
        button.click()


def outputs_of(cell) -> str:
    parts = []
    for out in cell.get("outputs", []):
        parts.append(out.get("text", "") if isinstance(out.get("text"), str) else "".join(out.get("text", [])))
        for mime, data in out.get("data", {}).items():
            if mime.startswith("text/"):
                parts.append(data if isinstance(data, str) else "".join(data))
    return "\n".join(parts)


@pytest.mark.parametrize("lesson_id", __import__("scjg.catalog", fromlist=["ids"]).ids())
@pytest.mark.parametrize("name", ["graded", "lecture.ipynb"])
def test_every_lesson_renders_and_runs(lab, browser, lesson_id, name):
    """Does each released lesson (graded notebook and lecture) run all cells in the browser, with widgets and
    charts, no error, no stderr, and every check of the blank assignment saying 尚未作答?"""
    base, token, root = lab
    page = browser.new_page(viewport={"width": 1400, "height": 900})
    try:
        nb = run_all_in_browser(page, base, token, lesson_id, None if name == "graded" else name)
        outputs = [out for c in nb["cells"] for out in c.get("outputs", [])]
        assert [o for o in outputs if o["output_type"] == "error"] == []
        assert [o for o in outputs if o.get("name") == "stderr"] == []
        checks = [c for c in nb["cells"] if c["cell_type"] == "code" and c["metadata"].get("nbgrader", {}).get("grade")]
        if name == "graded":
            assert checks and all("尚未作答" in outputs_of(c) for c in checks)
            info = next(c for c in nb["cells"] if c["metadata"].get("scjg", {}).get("role") == "learner-info")
            assert "请在冒号后填写学员编号和姓名" in outputs_of(info)
        source = "\n".join("".join(c["source"]) for c in nb["cells"])
        mimes = {mime for o in outputs for mime in o.get("data", {})}
        if "scjg.widgets" in source:
            assert "application/vnd.jupyter.widget-view+json" in mimes, "小工具未显示"
            page.wait_for_selector(".jp-OutputArea-output .jupyter-widgets", timeout=30_000)
        if "plotting" in source or "Explorer" in source or "Calculator" in source:
            assert "image/png" in mimes or page.query_selector(".jupyter-widgets img"), "图表未显示"
        assert "未找到中文字体" not in "\n".join(outputs_of(c) for c in nb["cells"])
        page.screenshot(path=str(root / f"{lesson_id}-{name}.png"), full_page=False)
    finally:
        page.close()


_LABS: list[subprocess.Popen] = []


@pytest.fixture(autouse=True)
def _stop_labs():
    yield
    while _LABS:
        proc = _LABS.pop()
        proc.terminate()
        proc.wait(timeout=20)


def lab_as_scjg_starts_it(workspace: Path, trainer: bool) -> tuple[str, str]:
    """Start JupyterLab on `workspace` exactly as `scjg lab [--trainer]` does (plus a port, 127.0.0.1 and a token);
    return its address and token once it answers. Stopped after the test."""
    import os
    code = ("import os, sys; from scjg.lab import lab_command, lab_environment, prepare_course; "
            f"prepare_course(); cmd = lab_command(sys.argv[1:], trainer={trainer}); "
            f"os.execve(cmd[0], cmd, lab_environment(trainer={trainer}))")
    port, token = free_port(), secrets.token_hex(16)
    env = {**os.environ, "SCJG_ROOT": str(workspace), "JUPYTER_RUNTIME_DIR": str(workspace / f".runtime-{port}")}
    _LABS.append(subprocess.Popen([sys.executable, "-c", code, "--no-browser", f"--port={port}", "--ServerApp.ip=127.0.0.1",
                                   f"--IdentityProvider.token={token}"], cwd=workspace, env=env,
                                  stdout=open(workspace / f"lab-{port}.log", "w"), stderr=subprocess.STDOUT))
    base = f"http://127.0.0.1:{port}"
    for _ in range(180):
        try:
            urllib.request.urlopen(f"{base}/api/status?token={token}", timeout=2)
            return base, token
        except OSError:
            time.sleep(0.5)
    pytest.fail("JupyterLab 90 秒内未响应：\n" + (workspace / f"lab-{port}.log").read_text())


def _workspace(tmp_path: Path) -> Path:
    (tmp_path / "grading").mkdir()
    shutil.copy(NOTEBOOKS.parent / "grading" / "nbgrader_config.py", tmp_path / "grading")
    for name in ("lessons", "notebooks"):
        shutil.copytree(NOTEBOOKS.parent / name, tmp_path / name, ignore=shutil.ignore_patterns(".ipynb_checkpoints"))
    return tmp_path


def _nbgrader_menu(page) -> list[str]:
    page.click(".lm-MenuBar-itemLabel:text-is('Nbgrader')")
    items = [e.inner_text().strip() for e in page.query_selector_all(".lm-Menu-content .lm-Menu-itemLabel")]
    page.keyboard.press("Escape")
    return [i for i in items if i]


@pytest.mark.parametrize("trainer", [False, True], ids=["learner", "trainer"])
def test_lab_shows_trainer_tools_only_to_trainers(tmp_path, browser, trainer):
    """Does `scjg lab` hide Create Assignment, Formgrader and Course List from learners, and `--trainer` show them?"""
    base, token = lab_as_scjg_starts_it(_workspace(tmp_path), trainer)
    page = browser.new_page(viewport={"width": 1400, "height": 900})
    try:
        lesson = "00-getting-started/00-getting-started.ipynb"
        page.goto(f"{base}/lab/tree/{'notebooks/' if trainer else ''}{lesson}?reset&token={token}")
        page.wait_for_selector(".jp-Notebook .jp-Cell", timeout=90_000)
        config = page.evaluate("JSON.parse(document.getElementById('jupyter-config-data').textContent)")
        disabled = set(config.get("disabledExtensions", []))
        menu = _nbgrader_menu(page)
        sidebar = {e.get_attribute("title") or "" for e in page.query_selector_all(".jp-SideBar .lm-TabBar-tab")}
        with urllib.request.urlopen(f"{base}/api/contents/?token={token}") as resp:
            top = {item["name"] for item in __import__("json").loads(resp.read())["content"]}
        try:
            status = urllib.request.urlopen(f"{base}/formgrader?token={token}").status
        except urllib.error.HTTPError as err:
            status = err.code
        if trainer:
            assert not disabled & set(TRAINER_PLUGINS)
            assert "Formgrader" in menu and "Course List" in menu, menu
            assert any("Create Assignment" in t for t in sidebar), sidebar
            assert status == 200 and {"lessons", "grading", "notebooks"} <= top
        else:
            assert set(TRAINER_PLUGINS) <= disabled
            assert "Formgrader" not in menu and "Course List" not in menu and "Assignment List" in menu, menu
            assert not any("Create Assignment" in t for t in sidebar), sidebar
            assert status == 404 and "lessons" not in top and "grading" not in top
        page.screenshot(path=str(tmp_path / "lab.png"))
    finally:
        page.close()


def test_formgrader_lists_the_graded_cohort(tmp_path, monkeypatch, browser):
    """Started as `scjg lab --trainer` starts it, does formgrader find the course and list the collected submissions?"""
    from scjg.cli import main as scjg

    _workspace(tmp_path)
    monkeypatch.setenv("SCJG_ROOT", str(tmp_path))
    assert scjg(["demo", "00-getting-started", "--learners", "4", "--out", str(tmp_path / "cohort.zip")]) == 0
    assert scjg(["collect", "00-getting-started", str(tmp_path / "cohort.zip")]) == 0
    assert scjg(["grade", "00-getting-started", "--jobs", "2"]) == 0
    submitted = len(list((tmp_path / "grading" / "submitted").iterdir()))

    page = browser.new_page()
    try:
        base, token = lab_as_scjg_starts_it(tmp_path, trainer=True)
        page.goto(f"{base}/formgrader?token={token}")
        page.wait_for_selector("tr:has-text('00-getting-started')", timeout=60_000)
        headers = [h.inner_text().strip() for h in page.query_selector_all("table thead th")]
        column = next(i for i, h in enumerate(headers) if "Submissions" in h or "提交" in h)
        row = page.query_selector("tr:has-text('00-getting-started')")
        assert row.query_selector_all("td")[column].inner_text().strip() == str(submitted), headers
        assert "does not exist and could not be created" not in page.inner_text("body")
    finally:
        page.close()
