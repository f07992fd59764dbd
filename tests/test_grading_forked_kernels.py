"""Forked (pre-warmed) grading kernels: same scores as cold ones, and no kernel left behind."""
from __future__ import annotations

import json
import os
import time

import pytest

from tests.grading_helpers import LESSON, cli, make_kit, scores

pytestmark = pytest.mark.slow


def test_forked_and_cold_kernels_agree(tmp_path, monkeypatch):
    """Does a cohort graded with forked kernels get exactly the scores of cold-started kernels?"""
    course = make_kit(tmp_path, monkeypatch)
    assert cli("demo", LESSON, "--learners", "8", "--seed", "3", "--out", str(tmp_path / "cohort.zip")) == 0
    assert cli("collect", LESSON, str(tmp_path / "cohort.zip")) == 0
    assert cli("grade", LESSON, "--jobs", "2", "--cold-kernels") == 0
    cold = scores(course)
    assert cli("grade", LESSON, "--jobs", "2") == 0
    forked = scores(course)
    assert forked == cold
    assert len(cold) >= 7 and any(sum(v or 0 for v in s.values()) > 0 for s in cold.values())


def test_fork_server_serves_a_kernel_and_cleans_up(tmp_path):
    """Does the fork server hand out a working kernel that exits when its launcher is killed?"""
    from jupyter_client import KernelManager
    from scjg.grading.forkserver import alive
    from scjg.grading.kernels import kernelspec as _kernelspec, start_forkserver as _start_forkserver

    server, socket_path = _start_forkserver(tmp_path)
    assert server is not None and socket_path.exists()
    try:
        spec_dir = _kernelspec(tmp_path, 1024, 30, socket_path)
        spec = json.loads((spec_dir / "kernels" / "python3" / "kernel.json").read_text())
        km = KernelManager(kernel_name="python3")
        km.kernel_spec_manager.kernel_dirs.insert(0, str(spec_dir / "kernels"))
        km.start_kernel(env={**os.environ, **spec["env"]}, cwd=str(tmp_path))
        client = km.client()
        client.start_channels()
        client.wait_for_ready(timeout=30)
        reply = client.execute_interactive("import os, scjg.checks; print(os.getpid(), os.getcwd())", timeout=30)
        assert reply["content"]["status"] == "ok"
        kernels = [p for p in _children(server.pid)]
        assert kernels, "内核应由预热进程派生"
        client.stop_channels()
        km.shutdown_kernel(now=True)
        deadline = time.time() + 5
        while time.time() < deadline and any(alive(p) for p in kernels):
            time.sleep(0.1)
        assert not any(alive(p) for p in kernels), "启动器被终止后内核应随之退出"
    finally:
        server.kill()
        server.wait()


def _children(pid: int) -> list[int]:
    import psutil
    return [child.pid for child in psutil.Process(pid).children()]


def test_a_forked_kernel_that_dies_is_graded_again_cold(tmp_path, monkeypatch):
    """If a kernel dies only because it was forked (an infrastructure hiccup), does the learner still get the
    right score from a cold kernel, with no failure noted against them?"""
    import nbformat

    from scjg.grading.fill import fill_answers
    from tests.grading_helpers import auto_scores
    from tests.roundtrip import submit

    course = make_kit(tmp_path, monkeypatch)
    released = nbformat.read(str(tmp_path / "notebooks" / LESSON / f"{LESSON}.ipynb"), as_version=4)
    # dies in a forked kernel only: SCJG_FORKSERVER is set there and not in a cold kernel
    flaky = "50000\nimport os\nif os.environ.get('SCJG_FORKSERVER'):\n    os._exit(1)"
    submit(course, LESSON, "flaky", fill_answers(released, {"q1": flaky, "q2": '"B"'}))
    assert cli("grade", LESSON, "--jobs", "1") == 0
    status = json.loads((course / ".work" / LESSON / "grade.json").read_text(encoding="utf-8"))
    assert status["flaky"]["status"] == "ok" and status["flaky"]["notes"] == []
    assert auto_scores(course, "flaky") == {"q1-test": 1.0, "q2-test": 2.0}
    assert "grading again with a cold kernel" in (course / ".work" / LESSON / "grade.log").read_text()
