"""python -m scjg.casegen [--out 目录] [--seed N] [领域 ...]"""
from __future__ import annotations

import argparse
import sys
from pathlib import Path

from scjg.casegen import DOMAINS, SEED, write_all
from scjg.paths import CASES_DIR


def main(argv=None) -> int:
    p = argparse.ArgumentParser(prog="python -m scjg.casegen", description="生成合成典型案例 CSV")
    p.add_argument("domains", nargs="*", help="领域：" + "、".join(DOMAINS) + "（默认全部）")
    p.add_argument("--out", type=Path, default=CASES_DIR)
    p.add_argument("--seed", type=int, default=SEED)
    a = p.parse_args(argv)
    bad = [d for d in a.domains if d not in DOMAINS]
    if bad:
        p.error(f"未知领域：{'、'.join(bad)}；可选：{'、'.join(DOMAINS)}")
    for path in write_all(a.out, a.seed, a.domains or DOMAINS):
        print(f"已写入 {path}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
