"""Practice items of a lecture (not graded): the learner types an answer after `%%answer p1`, and
`check_practice` says at once whether it is right, with the 解析 citing the article.

Choice practice uses `scjg.widgets.Quiz`; this is for answers typed as text (条款、金额、对错).
"""
from __future__ import annotations

from . import checks


def verdict(label: str, value, kind: str, *, answer, explain: str, **options) -> str:
    """The Chinese verdict for a practice answer: ⏳ not answered, ⚠️ unreadable, ✅ right or ❌ wrong with 解析."""
    if not explain.strip():
        raise ValueError(f"练习“{label}”缺少解析")
    readable, message = checks.format_message(label, value, kind, **options)
    if not readable:
        return message
    expected = checks.read(kind, answer, **options)
    got = checks.read(kind, value, **options)
    if got == expected:
        return f"✅ {label}：回答正确。解析：{explain}"
    return f"❌ {label}：不对，正确答案是 {_shown(kind, expected)}。解析：{explain}"


def _shown(kind: str, value) -> str:
    if kind == "amount":
        from .money import yuan
        return yuan(value)
    if kind == "multi":
        return "、".join(sorted(value))
    if kind == "yes_no":
        return "对" if value else "错"
    return str(value)


def check_practice(label: str, value, kind: str, *, answer, explain: str, **options) -> None:
    """Print the verdict for a practice answer (never raises on what the learner typed)."""
    print(verdict(label, value, kind, answer=answer, explain=explain, **options))
