"""合成典型案例的生成器：每个领域一个模板模块，`python -m scjg.casegen` 重新生成 datasets/cases/*.csv。

    >>> from scjg.casegen import generate
    >>> df = generate("food")          # 相同种子，逐字节相同
"""
from __future__ import annotations

import importlib
from pathlib import Path

import pandas as pd

from scjg.casegen.core import SEED, generate_domain, write_csv
from scjg.schema import COLUMNS, DOMAINS
from scjg.paths import CASES_DIR

__all__ = ["generate", "write_all", "templates", "COLUMNS", "DOMAINS", "SEED"]


def templates(domain: str):
    """某领域的违法类别模板列表。"""
    if domain not in DOMAINS:
        raise ValueError(f"未知领域 {domain!r}，可选：{'、'.join(DOMAINS)}")
    return importlib.import_module(f"scjg.casegen.{domain}").TEMPLATES


def generate(domain: str, seed: int = SEED) -> pd.DataFrame:
    """生成一个领域的合成案例。"""
    return generate_domain(domain, templates(domain), seed)


def write_all(out_dir: Path = CASES_DIR, seed: int = SEED, domains=DOMAINS) -> list[Path]:
    """生成并写出各领域 CSV，返回文件路径。"""
    return [write_csv(generate(d, seed), Path(out_dir) / f"{d}.csv") for d in domains]
