"""Amounts in yuan written the way officers read them: 5万元, 3200元, 12345.50元."""
from __future__ import annotations


def yuan(x: float | None, *, grouped: bool = False, unlimited: str = "不设上限") -> str:
    """Whole thousands from 1万 up in 万元 (50000 → 5万元, 1500000 → 150万元), otherwise in 元.

    `grouped` puts thousands separators in plain amounts (3,200元) for tables and messages;
    legal sentences use none (3200元). None means no upper amount: `unlimited`.
    """
    if x is None:
        return unlimited
    x = float(x)
    if x >= 10000 and x % 1000 == 0:
        return f"{x / 10000:.1f}".rstrip("0").rstrip(".") + "万元"
    digits = ",.0f" if grouped else ".0f"
    if not x.is_integer():
        digits = ",.2f" if grouped else ".2f"
    return f"{x:{digits}}元"
