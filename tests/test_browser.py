"""A real browser: JupyterLab on 127.0.0.1 with a token, driven in Debian's chromium by Playwright."""
from __future__ import annotations

import secrets
import shutil
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import pytest

from scjg.lab import lab_environment, set_chinese_ui
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
    set_chinese_ui()
    port, token = free_port(), secrets.token_hex(16)
    env = lab_environment()
    env["JUPYTER_RUNTIME_DIR"] = str(root / ".runtime")
    log = open(root / "lab.log", "w")
    proc = subprocess.Popen(
        [sys.executable, "-m", "jupyter", "lab", "--no-browser", "--allow-root", f"--port={port}",
         "--ServerApp.ip=127.0.0.1", f"--IdentityProvider.token={token}", f"--ServerApp.root_dir={root}"],
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
    """Does lesson 00 open in a Chinese JupyterLab, run all cells, render the widget and a chart, with no error?"""
    base, token, root = lab
    page = browser.new_page(viewport={"width": 1400, "height": 900})
    try:
        page.goto(f"{base}/lab/tree/00-getting-started/00-getting-started.ipynb?token={token}")
        page.wait_for_selector(".jp-Notebook .jp-Cell", timeout=90_000)
        menus = [e.inner_text() for e in page.query_selector_all(".lm-MenuBar-itemLabel")]
        assert "文件" in menus and "内核" in menus, menus
        page.wait_for_selector(".jp-Notebook-ExecutionIndicator[data-status='idle'], .jp-DebuggerBugButton", timeout=60_000)

        page.click(".lm-MenuBar-itemLabel:text-is('运行')")
        page.click(".lm-Menu-itemLabel:text-is('运行所有单元格')")
        # the last check cell answers when everything above it has run
        page.wait_for_selector("text=第2题：选项尚未作答", timeout=120_000)

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
    finally:
        page.close()
