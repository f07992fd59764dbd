"""Exercise checks: the visible format checks (0 points) and the hidden expectations.

`check(...)` is what a learner sees under an answer cell: it reads the answer
with scjg.answers and prints a Chinese message; it never raises, so a blank
notebook shows friendly notices, not tracebacks.

`expect_*` are used by hidden tests: they raise AssertionError (a Chinese
message) when the answer is wrong or unreadable, which nbgrader records as a
failed test.

When `scjg grade` runs a submission ($SCJG_RECORD_ANSWERS set by its kernelspec), `check(...)` also
records the learner's plain value in the cell's output (a display_data of type RECORD_MIME). The
verdict is not taken in the learner's kernel: the grader re-runs the hidden tests of the trusted
source notebook on these recorded values in its own process (scjg.grading.verdict).
"""
from __future__ import annotations

import os

from . import answers

RECORD_MIME = "application/vnd.scjg.answer+json"
RECORD_LIMIT = 100_000  # characters of one recorded text value; longer is recorded as unreadable

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
    (so a check cell shows only the message). While graded, also records the value (see above)."""
    message = format_message(label, value, kind, **options)[1]
    print(message)
    if os.environ.get("SCJG_RECORD_ANSWERS"):
        from IPython.display import publish_display_data
        publish_display_data({RECORD_MIME: {"label": str(label), "kind": str(kind), "value": encode(value),
                                            "message": message}})


def encode(value):
    """A learner's value as JSON the grader can trust to decode: plain str/int/float/bool, None, `...`
    and lists of them keep their type; numpy scalars become Python numbers; anything else is recorded
    only by its type name (it is not an answer)."""
    if value is ... or value is None:
        return {"t": "ellipsis" if value is ... else "none"}
    if type(value) is bool:
        return {"t": "bool", "v": bool(value)}
    if type(value) is int:
        return {"t": "int", "v": str(value)}
    if type(value) is float:
        return {"t": "float", "v": repr(value)}
    if type(value) is str:
        return {"t": "str", "v": value} if len(value) <= RECORD_LIMIT else {"t": "other", "v": "str (too long)"}
    if type(value) in (list, tuple) and len(value) <= 100:
        return {"t": "list", "v": [encode(v) for v in value]}
    item = getattr(type(value), "item", None)
    if type(value).__module__ == "numpy" and callable(item) and getattr(value, "ndim", 1) == 0:
        return encode(item(value))
    return {"t": "other", "v": type(value).__name__[:100]}


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


AMOUNT_TOLERANCE = 0.5  # yuan: the rounding allowance of an amount answer


def expect_amount(value, expected: float, *, tolerance: float = AMOUNT_TOLERANCE) -> None:
    """Is `value` the amount `expected` (yuan)? The only allowance is rounding to the yuan (`tolerance`, 0.5 yuan
    either side, inclusive): 50000.4 is 50000, 50001 or "5.1万" is not."""
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
