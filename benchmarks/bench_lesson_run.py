"""Benchmark (not a test): how long each lesson's graded notebook takes to run top to bottom, as a learner runs it.

    .venv/bin/python benchmarks/bench_lesson_run.py [LESSON ...] [--repeat 3]

For each lesson (default: every available one) runs the released learner version and the trainer's source
(with the key) in a fresh kernel, `--repeat` times, and prints the fastest and slowest wall-clock seconds
(kernel start included). The goal for a lesson's assignment is at most 10 s.
"""
from __future__ import annotations

import argparse
import time

from scjg import catalog
from scjg.execute import run_notebook
from scjg.paths import LESSONS, NOTEBOOKS


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("lessons", nargs="*", default=catalog.ids())
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    for lesson_id in args.lessons:
        for kind, root in (("release", NOTEBOOKS), ("source", LESSONS)):
            times = []
            for _ in range(args.repeat):
                start = time.perf_counter()
                result = run_notebook(root / lesson_id / f"{lesson_id}.ipynb")
                times.append(time.perf_counter() - start)
                if result.errors:
                    raise SystemExit(f"{lesson_id} {kind}: {result.errors}")
            print(f"{lesson_id:22s} {kind:8s} fastest {min(times):5.1f} s, slowest {max(times):5.1f} s")


if __name__ == "__main__":
    main()
