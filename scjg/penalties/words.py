"""罚则的中文写法：序号、金额、幅度和档位的句子。"""
from __future__ import annotations

from scjg import money
from scjg.laws import cn_number as cn
from scjg.penalties.facts import CHANNELS

__all__ = ["cn", "yuan", "num", "bounds_words", "floor_words", "mult_words", "range_sentence"]


def num(x: float) -> str:
    return f"{x:g}" if float(x) != int(x) else str(int(x))


yuan = money.yuan  # 金额的中文写法（全包只此一处）：50000 → 5万元，3200 → 3200元，None → 不设上限


def bounds_words(lo: str | None, hi: str | None) -> str:
    if lo and hi:
        return f"{lo}以上{hi}以下"
    if hi:
        return f"{hi}以下"
    if lo:
        return f"{lo}以上（不设上限）"
    return "数额未规定"


def floor_words(amount: float, channels: tuple[str, ...], base: str) -> str:
    who = "、".join(CHANNELS.get(c, c) for c in channels)
    return f"{who + '的' if who else ''}{base}不足{yuan(amount)}的按{yuan(amount)}计算"


def mult_words(m) -> str:
    lo, hi = m
    if lo and hi is not None:
        return f"{num(lo)}倍以上{num(hi)}倍以下"
    return f"{num(hi)}倍以下" if hi is not None else f"{num(lo)}倍以上"


def range_sentence(lo, hi) -> str:
    if hi is None:
        return f"{yuan(lo)}以上（法律未规定上限）" if lo else "数额未规定"
    if lo == hi:
        return yuan(lo)
    return f"{yuan(lo)}以上{yuan(hi)}以下" if lo else f"{yuan(hi)}以下"
