"""Exercise checks: the visible format checks (0 points) and the hidden expectations.

`check(...)` is what a learner sees under an answer cell: it reads the answer
with scjg.answers and prints a Chinese message; it never raises, so a blank
notebook shows friendly notices, not tracebacks.

`expect_*` are used by hidden tests: they raise AssertionError (a Chinese
message) when the answer is wrong or unreadable, which nbgrader records as a
failed test.
"""
from __future__ import annotations

from . import answers

_READERS = {
    "article": answers.article_ref,
    "amount": answers.amount,
    "choice": answers.choice,
    "multi": lambda v, **kw: answers.choice(v, multiple=True, **kw),
    "yes_no": answers.yes_no,
    "text": answers.text_answer,
    "number": answers.number,
    "date": answers.date_answer,
}


def _describe(kind: str, value) -> str:
    if kind == "amount":
        from .plotting import yuan
        return yuan(value)
    if kind == "multi":
        return "、".join(sorted(value))
    if kind == "yes_no":
        return "是" if value else "否"
    if kind == "text":
        return f"{len(value)}字"
    if kind == "number":
        return f"{value:g}"
    if kind == "date":
        return f"{value.year}年{value.month}月{value.day}日"
    return str(value)


def read(kind: str, value, **options):
    """Read an answer of `kind` (article, amount, number, choice, multi, yes_no, text, date); ValueError if unreadable."""
    if kind not in _READERS:
        raise ValueError(f"未知的题型：{kind}")
    return _READERS[kind](value, **options)


def format_message(label: str, value, kind: str, **options) -> tuple[bool, str]:
    """(readable?, the Chinese message a learner sees) for the answer to `label`."""
    try:
        parsed = read(kind, value, **options)
    except ValueError as err:
        mark = "⏳" if value is ... else "⚠️"
        return False, f"{mark} {label}：{err}"
    return True, f"✅ {label}：格式正确（系统读作：{_describe(kind, parsed)}）。是否答对由评分系统判定。"


def check(label: str, value, kind: str, **options) -> None:
    """Print whether the answer to `label` is in a readable form. Never raises, returns nothing
    (so a check cell shows only the message)."""
    print(format_message(label, value, kind, **options)[1])


def _fail(message: str):
    raise AssertionError(message)


def _read_or_fail(kind: str, value, **options):
    try:
        return read(kind, value, **options)
    except ValueError as err:
        _fail(f"答案无法识别：{err}")


def expect_article(value, article: int, paragraph: int | None = None, item: int | None = None,
                   *, require_detail: bool = True) -> None:
    """Is `value` the provision 第article条[第paragraph款][第item项]?

    With require_detail, a paragraph or item the key has must be given by the learner too.
    """
    ref = _read_or_fail("article", value)
    if ref.article != article:
        _fail("条号不正确。")
    if paragraph is not None and (ref.paragraph is not None or require_detail) and ref.paragraph != paragraph:
        _fail("条号正确，但款不正确或未写明款。")
    if item is not None and (ref.item is not None or require_detail) and ref.item != item:
        _fail("条、款正确，但项不正确或未写明项。")


def expect_amount(value, expected: float, *, tolerance: float = 0.5) -> None:
    """Is `value` the amount `expected` (yuan, within `tolerance`)?"""
    got = _read_or_fail("amount", value)
    if abs(got - float(expected)) > tolerance:
        _fail("金额不正确。")


def expect_choice(value, correct: str, *, options: str = "ABCD") -> None:
    """Is `value` the single choice `correct`?"""
    got = _read_or_fail("choice", value, options=options)
    if got != correct:
        _fail("选项不正确。")


def expect_choices(value, correct: str, *, options: str = "ABCD") -> None:
    """Is `value` exactly the set of choices in `correct` (多选: no more, no fewer)?"""
    got = _read_or_fail("multi", value, options=options)
    if got != frozenset(correct):
        _fail("选项不完全正确（多选题须全部选对，不多选、不漏选）。")


def expect_yes_no(value, correct: bool) -> None:
    """Is the 判断 answer `value` equal to `correct`?"""
    got = _read_or_fail("yes_no", value)
    if got is not bool(correct):
        _fail("判断不正确。")


def expect_number(value, expected: float, *, tolerance: float = 1e-6) -> None:
    """Is `value` the number `expected` (a count or mean from the case data, within `tolerance`)?"""
    import numbers
    got = _read_or_fail("number", value)
    if not isinstance(expected, numbers.Real) or abs(got - float(expected)) > tolerance:
        _fail("数值不正确。")


def expect_date(value, year: int, month: int, day: int) -> None:
    """Is `value` the date year-month-day (2024年3月15日, 2024-03-15, ...)?"""
    from datetime import date

    if _read_or_fail("date", value) != date(year, month, day):
        _fail("日期不正确。")
