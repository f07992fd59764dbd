"""Load benchmark (not a test): N learners on one loopback hub, each runs lesson 02 and submits; then grading.

    sudo .venv/bin/python benchmarks/bench_hub.py [--learners 10] [--parallel 4] [--jobs 2]

Starts (all on 127.0.0.1, everything stopped at the end, also on error or Ctrl-C): a private PostgreSQL,
N+1 real Linux accounts (removed after), deploy/jupyterhub/jupyterhub_config.py with the dummy
authenticator and local spawner, and configurable-http-proxy (`make proxy`). The trainer releases lesson
02; every learner's server is started at once, then `--parallel` learners at a time fetch it with the
kit's panel, run it cell by cell in a kernel through the proxy, save and submit. The trainer collects
and grades the cohort on PostgreSQL. Prints time to a ready server, each learner's memory (server +
kernel), the hub's and the proxy's memory, and the grading time. N is bounded (10..60).
"""
from __future__ import annotations

import argparse
import collections
import concurrent.futures
import importlib.util
import os
import shutil
import statistics
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
LESSON = "02-food-safety"
COHORT = "bench"


def _loopback():
    spec = importlib.util.spec_from_file_location("loopback", REPO / "deploy" / "jupyterhub" / "loopback.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def mib(n: float) -> str:
    return f"{n / 2**20:.0f} MiB"


def learner_session(lb, hub, name: str) -> dict:
    """One learner: fetch with the panel's API, run the lesson in a kernel, save, submit; their memory."""
    start = time.monotonic()
    panel = hub.kernel(name)
    panel.value(f"from scjg.widgets.assignments import LearnerExchange\nimport json\nex = LearnerExchange()\n"
                f"ex.fetch({LESSON!r}); print(json.dumps(1))")
    path = f"/api/contents/{LESSON}/{LESSON}.ipynb"
    nb = lb.answered(REPO, LESSON, hub.server(name, "GET", path).json()["content"])
    study = hub.kernel(name)
    errors = lb.run_cells(study, nb)
    pid = hub.server_pids()[name]
    memory = lb.tree_rss(pid)  # server + panel kernel + lesson kernel, lesson loaded
    saved = hub.server(name, "PUT", path, json={"type": "notebook", "format": "json", "content": nb})
    assert saved.status_code == 200, saved.text
    panel.value(f"ex.submit({LESSON!r}); print(json.dumps(1))")
    study.close()
    panel.close()
    return {"name": name, "memory": memory, "seconds": time.monotonic() - start, "errors": errors}


def main() -> int:
    parser = argparse.ArgumentParser(description="JupyterHub 负载基准：N 名学员同时学习第2课并提交，然后评分")
    parser.add_argument("--learners", type=int, default=10)
    parser.add_argument("--parallel", type=int, default=4, help="同时做题的学员数（默认 4）")
    parser.add_argument("--jobs", type=int, default=2, help="评分进程数（默认 2）")
    args = parser.parse_args()
    if os.geteuid() != 0:
        print("需要 root：基准为每名学员建立真实的系统账号。")
        return 1
    n = max(10, min(args.learners, 60))
    lb = _loopback()
    suffix = os.getpid() % 10000
    trainer, learners = f"bt{suffix}", [f"bl{suffix}x{i:02d}" for i in range(1, n + 1)]
    base = Path(tempfile.mkdtemp(prefix="scjg-bench-hub-"))
    made: list[str] = []
    pg = hub = None
    try:
        pg = lb.PostgresServer().start()
        for name in [trainer, *learners]:
            lb.system_user(name)
            made.append(name)
        user_bin = lb.python_for_all(base)
        hub = lb.LoopbackHub(base, db_url=pg.url, extra_env={"SCJG_HUB_USER_BIN": str(user_bin),
                                                              "SCJG_HUB_USER_LIB": str(user_bin.parent / "lib")})
        course = lb.cohort_workspace(hub, COHORT, trainer, REPO) / "grading"
        hub.start()
        idle_hub = lb.tree_rss(hub.process.pid)
        hub.add_user(trainer, ("trainers", f"formgrade-{COHORT}"))
        for name in learners:
            hub.add_user(name, ("learners", f"nbgrader-{COHORT}"))
        hub.spawn(trainer)
        desk = hub.kernel(trainer)
        lb.in_kernel(desk, "nbgrader", "release_assignment", LESSON, cwd=str(course))
        desk.close()

        print(f"启动 {n} 名学员的服务器（同时）……", flush=True)
        with concurrent.futures.ThreadPoolExecutor(max_workers=n) as pool:
            spawn = list(pool.map(hub.spawn, learners))
        idle = [lb.tree_rss(pid) for name, pid in hub.server_pids().items() if name in learners]
        print(f"学习第2课并提交（每次 {args.parallel} 人）……", flush=True)
        t0 = time.monotonic()
        with concurrent.futures.ThreadPoolExecutor(max_workers=args.parallel) as pool:
            sessions = list(pool.map(lambda name: learner_session(lb, hub, name), learners))
        study_seconds = time.monotonic() - t0
        hub_rss = lb.tree_rss(hub.process.pid) - sum(lb.tree_rss(p) for p in hub.server_pids().values())
        proxy_rss = lb.tree_rss(int((hub.state / "jupyterhub-proxy.pid").read_text().strip()))
        memory = [s["memory"] for s in sessions]
        print(f"\n机器：{os.cpu_count()} 核（与其他任务共用），学员 {n} 人，同时做题 {args.parallel} 人")
        print(f"服务器就绪时间（{n} 人同时启动）：中位数 {statistics.median(spawn):.1f} 秒，最长 {max(spawn):.1f} 秒")
        print(f"每名学员空闲服务器内存：中位数 {mib(statistics.median(idle))}")
        print(f"每名学员做题时内存（服务器+2 个内核）：中位数 {mib(statistics.median(memory))}，最大 {mib(max(memory))}")
        print(f"每名学员做完第2课：中位数 {statistics.median(s['seconds'] for s in sessions):.1f} 秒；"
              f"全部 {n} 人共 {study_seconds:.1f} 秒；出错单元格 {sum(len(s['errors']) for s in sessions)} 个"
              f"（{dict(collections.Counter(e for s in sessions for e in s['errors']))}）")
        print(f"JupyterHub 内存：空闲 {mib(idle_hub)}，{n} 人在线 {mib(hub_rss)}；configurable-http-proxy：{mib(proxy_rss)}",
              flush=True)

        desk = hub.kernel(trainer)  # a fresh kernel: an idle websocket may have been closed meanwhile
        lb.in_kernel(desk, "nbgrader", "collect", LESSON, cwd=str(course))
        t0 = time.monotonic()
        graded = lb.in_kernel(desk, "env", "SCJG_NO_SANDBOX=1", "scjg", "grade", LESSON, "--jobs", str(args.jobs),
                              cwd=str(course))  # see tests/test_hub_e2e.py: the copied Python cannot be confined
        grade_seconds = time.monotonic() - t0
        desk.close()
        print(f"评分 {n} 份（{args.jobs} 个进程，PostgreSQL 成绩库，含启动与自检）：{grade_seconds:.1f} 秒")
        print([line for line in graded.strip().splitlines() if "评分完成" in line][-1])
        return 0
    finally:
        if hub is not None:
            hub.stop()
        for name in made:
            lb.remove_system_user(name)
        if pg is not None:
            pg.stop()
        shutil.rmtree(base, ignore_errors=True)


if __name__ == "__main__":
    sys.exit(main())
