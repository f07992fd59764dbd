"""`scjg anonymize FILE... [--columns COL...] [--out DIR]`: anonymized copies plus review reports."""
from __future__ import annotations

import argparse
from collections import Counter
from pathlib import Path

from .core import TYPE_LABELS
from .files import AnonymizeError, EmptyFileError, process_batch


def add_arguments(parser: argparse.ArgumentParser) -> None:
    """The verb's options."""
    parser.add_argument("files", nargs="+", metavar="文件", help="要脱敏的案件材料：.docx、.txt、.md 或 .csv")
    parser.add_argument("--columns", nargs="+", metavar="列名", help="CSV 文件中要脱敏的列（默认全部列）")
    parser.add_argument("--out", metavar="目录", type=Path,
                        help="脱敏副本和核对报告的保存目录（默认与原文件同一目录）；原文件不会被修改")


def run(args: argparse.Namespace) -> int:
    """Anonymize the files together (one name, one stand-in in all); 0 if every file was handled, 1 if not."""
    failed = 0
    written = 0
    paths = [Path(name) for name in args.files]
    for path, result in zip(paths, process_batch(paths, args.out, args.columns)):
        if isinstance(result, EmptyFileError):
            print(f"提示：{result}")
            continue
        if isinstance(result, AnonymizeError):
            print(f"错误：{result}")
            failed += 1
            continue
        written += 1
        counts = Counter(r.type for _, r in result.replacements)
        detail = "、".join(f"{TYPE_LABELS[t]} {n} 处" for t, n in counts.most_common())
        print(f"已脱敏：{path} → {result.output}")
        print(f"  替换 {len(result.replacements)} 处" + (f"（{detail}）" if detail else "（未发现需要隐去的信息，请人工通读确认）"))
        for notice in result.notices:
            print(f"  注意：{notice}")
        if result.encoding not in ("utf-8", "utf-8-sig", "docx"):
            print(f"  原文件编码为 {result.encoding}，副本已保存为 UTF-8 编码。")
        print(f"  核对报告：{result.report}")
    if written:
        print("请逐条核对报告后再分享副本；核对报告含有原始信息，仅供教员本人使用，请勿外传。"
              "自动脱敏可能有遗漏（如未加提示词的姓名、绰号、店招），分享前请通读一遍。")
    return 1 if failed else 0
