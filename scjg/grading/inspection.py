"""How a submission departs from the release (deleted or edited cells) and code that looks like tampering with
the checks: Chinese notes for the trainer. The score does not depend on it (scjg.grading.verdict decides)."""
from __future__ import annotations

import re

from . import common

SUSPICIOUS = [
    (re.compile(r"\b(scjg\.)?(checks|answers)\s*\.\s*\w+\s*=(?!=)"), "给评分检查函数重新赋值"),
    (re.compile(r"\bexpect_\w+\s*=(?!=)"), "给评分检查函数重新赋值"),
    (re.compile(r"sys\s*\.\s*modules"), "修改 sys.modules（替换评分模块）"),
    (re.compile(r"\b__builtins__\b|\bimport\s+builtins\b|\bbuiltins\s*\."), "修改 Python 内置函数"),
    (re.compile(r"\bsetattr\s*\(|__dict__|__class__\s*=(?!=)"), "用 setattr/__dict__ 修改对象或模块"),
    (re.compile(r"\bimportlib\b|\bctypes\b|\bgc\s*\.\s*get_referr"), "使用 importlib/ctypes/gc 等底层手段"),
    (re.compile(r"\bAssertionError\s*=(?!=)"), "替换 AssertionError"),
    (re.compile(r"__(code|defaults|kwdefaults|globals|closure)__"), "改写函数的代码或默认值（__code__ 等）"),
    (re.compile(r"\b_READERS\b|\b(checks|answers)\s*\.\s*_\w+\s*\["), "改写评分模块内部的表（_READERS 等）"),
]




def inspect_submission(nb, released) -> tuple[list[str], bool]:
    """Chinese notes on how a submission departs from the release, and whether the check helpers were tampered with."""
    want = common.grade_layout(released)
    have = common.grade_layout(nb)
    notes: list[str] = []
    for gid, info in want.items():
        label = common.question_label(gid)
        if gid not in have:
            if info["kind"] == "test":
                notes.append(f"{label}的测试单元格（{gid}）被删除：已按原题补回后评分")
            elif info["kind"] == "answer":
                notes.append(f"{label}的答题单元格（{gid}）被删除：该题按未作答计")
            elif info["kind"] == "written":
                notes.append(f"{label}的作答单元格（{gid}）被删除：已补回空白单元格")
            else:
                notes.append(f"只读单元格（{gid}）被删除：已按原题补回")
        elif info["kind"] in ("test", "locked") and have[gid]["source"].strip() != info["source"].strip():
            notes.append(f"{label}的只读单元格（{gid}）被修改：评分时已恢复原题")
    tampered = False
    for cell in nb.cells:
        meta = cell.get("metadata", {}).get("nbgrader", {})
        if cell.cell_type != "code" or (meta.get("locked") and meta.get("grade_id") in want):
            continue
        for pattern, what in SUSPICIOUS:
            match = pattern.search(cell.source)
            if match:
                notes.append(f"疑似篡改评分：{what}（“{match.group(0).strip()}”）；自动评分由评分系统复核，请教员核查")
                tampered = True
                break
    return notes, tampered
