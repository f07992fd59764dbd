"""Read what a learner typed: article references, amounts, choices and yes/no.

Every hidden check normalises the learner's value here first, so that 第124条,
"一百二十四" and 124 are the same answer, and the forms officers write are read too
(食品安全法第三十四条第十项 without 书名号, 第一百二十四条第一款（五）, 不对, 应当移送公安机关).
Surrounding quotes are dropped, so Python habits in a `%%answer` cell do no harm. Anything that cannot be read raises
ValueError with a Chinese hint on the expected form. Only plain str, int and
float values are accepted: an object that fakes equality is not an answer.
"""
from __future__ import annotations

import math
import re
import unicodedata
from dataclasses import dataclass

import cn2an

_NUM = r"[0-9零〇一二两三四五六七八九十百千万壹贰叁肆伍陆柒捌玖拾佰仟]+"


@dataclass(frozen=True)
class ArticleRef:
    """条、款、项 (paragraph and item None when not given)."""

    article: int
    paragraph: int | None = None
    item: int | None = None

    def __str__(self) -> str:
        text = f"第{cn2an.an2cn(self.article)}条"
        if self.paragraph:
            text += f"第{cn2an.an2cn(self.paragraph)}款"
        if self.item:
            text += f"第（{cn2an.an2cn(self.item)}）项"
        return text


class AnswerFormatError(ValueError):
    """A learner's answer that cannot be read; the message is a Chinese hint."""


_EXAMPLE = {"条款": "第一百二十四条", "金额": "5万元", "选项": "B", "判断": "是"}
_UNANSWERED = "尚未作答：请在答题单元格第一行（%%answer 题号）下面另起一行写答案，然后按 Shift + Enter 运行该单元格。"
_QUOTES = ('""', "''", "“”", "‘’", "「」", "『』")


def _plain(value, what: str) -> str:
    """The value as normalised text without spaces or surrounding quotes; reject anything but str, int, float."""
    if value is ... or value is None:
        raise AnswerFormatError(f"{what}{_UNANSWERED}")
    if type(value) is bool:
        raise AnswerFormatError(f"{what}不应是 True/False，请按提示的格式填写。")
    if type(value) is tuple:
        raise AnswerFormatError(_tuple_hint(value, what))
    if type(value) not in (str, int, float):
        raise AnswerFormatError(f"{what}的格式无法识别：请直接写答案，例如 {_EXAMPLE.get(what, '第一百二十四条')}。")
    text = re.sub(r"\s+", "", unicodedata.normalize("NFKC", str(value)))
    if re.match(r"^[A-Za-z_]\w*=", text):
        raise AnswerFormatError(f"答题单元格里直接写答案即可，不要写“{text.split('=')[0]} =”，也不用加引号。"
                                f"例如：第一行 %%answer 题号，第二行 {_EXAMPLE.get(what, '第一百二十四条')}。")
    while len(text) >= 2 and text[0] + text[-1] in _QUOTES:
        text = text[1:-1]
    if text in ("", "...", "......"):  # after NFKC, … is ...
        raise AnswerFormatError(f"{what}{_UNANSWERED}")
    return text


def _tuple_hint(value: tuple, what: str) -> str:
    """What a comma did to a Python answer: `100,000` is the pair (100, 0), `"A","B"` two answers."""
    if what == "金额" and all(type(v) is int for v in value):
        return "金额里不要加逗号：Python 把 100,000 读成了两个数。请写成 100000，或写成 \"10万元\"。"
    return f"答案被英文逗号分成了 {len(value)} 部分。请只写一个答案；多选题的字母连着写，例如 \"AB\"。"


def cn_int(token: str) -> int:
    """A number written in digits (also full-width) or Chinese numerals: "124", "１２４", "一百二十四" → 124."""
    token = unicodedata.normalize("NFKC", token).strip()
    if token.isdigit():
        return int(token)
    return int(cn2an.cn2an(token, "smart"))


_REF_CN = re.compile(
    rf"^第?(?P<a>{_NUM})条"
    rf"(?:第?(?P<p>{_NUM})款)?"
    rf"(?:第?[(（]?(?P<i>{_NUM})[)）]?项|[(（](?P<i2>{_NUM})[)）])?$"
)
# A law's name in front: 《食品安全法》, or without 书名号 食品安全法 / 中华人民共和国食品安全法 / …实施条例.
_LAW_NAME = re.compile(r"^(?:《[^》]*》|[\u4e00-\u9fff]{1,30}?(?:法|条例|规定|办法|解释|细则)(?=第|\d))")
_REF_PAREN = re.compile(r"^§?(?P<a>\d+)(?:[(（](?P<p>\d+)[)）])?(?:[(（](?P<i>\d+)[)）])?$")


def article_ref(value) -> ArticleRef:
    """`第一百二十四条第一款第五项`, `第124条第1款第(5)项`, `§124(1)(5)`, `124` → ArticleRef."""
    text = _plain(value, "条款")
    if isinstance(value, float):
        if not value.is_integer():
            raise AnswerFormatError("条款号应为整数，例如 124。")
        text = str(int(value))
    text = text.rstrip("。.")
    for prefix in ("依据", "依照", "根据", "违反了", "违反"):
        text = text.removeprefix(prefix)
    for suffix in ("的规定", "之规定", "规定"):
        text = text.removesuffix(suffix)
    text = _LAW_NAME.sub("", text)  # the law's name is not part of the reference
    ref = _read_ref(text)
    if ref is not None:
        return ref
    raise AnswerFormatError(
        f"无法识别条款“{value}”。请写成 \"第一百二十四条第一款第五项\"、\"第124条第1款第5项\" 或只写条号 124。"
    )


def _read_ref(text: str) -> ArticleRef | None:
    """条、款、项 from normalised text, or None; 0 (零, 第0条) is no article."""
    if re.fullmatch(_NUM, text):
        numbers = [text, None, None]
    else:
        m = _REF_PAREN.match(text) or _REF_CN.match(text)
        if not m:
            return None
        groups = m.groupdict()
        numbers = [groups["a"], groups.get("p"), groups.get("i") or groups.get("i2")]
    try:
        a, p, i = (cn_int(n) if n else None for n in numbers)
    except (ValueError, KeyError):
        return None
    if any(n is not None and n <= 0 for n in (a, p, i)):
        return None
    return ArticleRef(a, p, i)


_UNIT = {"万": 10000, "千": 1000, "百": 100, "亿": 100000000}


def amount(value) -> float:
    """`5万元`, `50,000`, `伍万元`, `5.5万`, `１２３`, `人民币5万元` → yuan as float."""
    text = _plain(value, "金额")
    if isinstance(value, (int, float)):
        number = float(value)
    else:
        text = text.removeprefix("人民币").removeprefix("¥").removeprefix("￥")
        text = text.removesuffix("元整").removesuffix("元").removesuffix("块")
        text = text.replace(",", "").replace("，", "")
        m = re.fullmatch(r"(\d+(?:\.\d+)?)([万千百亿]?)", text)
        if m:
            number = float(m[1]) * _UNIT.get(m[2], 1)
        else:
            try:
                number = float(cn2an.cn2an(text, "smart"))
            except (ValueError, KeyError, TypeError, IndexError):
                raise AnswerFormatError(
                    f"无法识别金额“{value}”。请写成数字（单位：元），例如 50000、\"5万元\" 或 \"五万元\"。"
                ) from None
    if number < 0:
        raise AnswerFormatError("金额不能为负数。")
    return number


def choice(value, options: str = "ABCD", multiple: bool = False) -> frozenset[str] | str:
    """`"A"`, `"a"`, `"Ａ"`; for 多选 `"A、C"`, `"AC"`, `"A,C"` → "A" or frozenset({"A","C"})."""
    text = _plain(value, "选项").upper()
    letters = re.sub(r"答案是|答案|选项|[,，、;；:：/和及选项答。.]", "", text)
    bad = [ch for ch in letters if ch not in options]
    if not letters or bad:
        allowed = "、".join(options)
        raise AnswerFormatError(f"选项“{value}”无法识别：请填写 {allowed} 中的字母" + ("（可多选，如 AC）。" if multiple else "（只选一个）。"))
    chosen = frozenset(letters)
    if multiple:
        return chosen
    if len(chosen) != 1:
        raise AnswerFormatError("本题为单选题，请只填写一个字母。")
    return next(iter(chosen))


_YES = {"是", "对", "正确", "没错", "√", "✓", "Y", "YES", "TRUE", "可以", "应当", "应该", "需要", "要", "移送",
        "应当移送", "应该移送", "需要移送", "应移送", "要移送", "予以移送"}
_NO = {"否", "不", "不是", "错", "不对", "错误", "不正确", "×", "✗", "X", "N", "NO", "FALSE", "不可以", "不能",
       "不应当", "不应该", "不应", "不需要", "不要", "无需", "不必", "不移送", "不应当移送", "不应该移送",
       "不需要移送", "不应移送", "无需移送", "不予移送"}


def _yes_no_words(text: str) -> str:
    """The decision words of a 判断 answer: 应当依法移送公安机关。 → 应当移送, 对的 → 对."""
    text = re.sub(r"^答案?是?[:：]?", "", text.rstrip("。.!！"))
    text = re.sub(r"(?:到|给|至)?(?:公安机关|公安局|公安|司法机关)$", "", text)
    text = text.replace("依法", "").replace("及时", "")
    return text.removesuffix("的") if len(text) > 1 else text


def yes_no(value) -> bool:
    """判断题: 是/否, 对/错, 不对, √/×, 应当移送公安机关, True/False → bool."""
    if value is True or value is False:
        return bool(value)
    text = _yes_no_words(_plain(value, "判断").upper())
    if text in _YES:
        return True
    if text in _NO:
        return False
    raise AnswerFormatError(f"判断题答案“{value}”无法识别：请填写“是”或“否”（也可写“对”“不对”，移送题可写“应当移送”“不移送”）。")


def text_answer(value, min_chars: int = 10) -> str:
    """A written answer (说理); must be a str of at least `min_chars` characters."""
    if value is ... or value is None:
        raise AnswerFormatError("尚未作答：请写下你的理由。")
    if type(value) is not str:
        raise AnswerFormatError("说理题请用文字作答。")
    cleaned = value.strip()
    if len(cleaned) < min_chars:
        raise AnswerFormatError(f"说理过短（{len(cleaned)}字）：请至少写 {min_chars} 个字。")
    return cleaned


def number(value) -> float:
    """A count or other plain number (进阶 questions): int, float, numeric text, or a numpy scalar
    computed with pandas. Only those exact types: an object that fakes equality is not an answer."""
    if value is ... or value is None:
        raise AnswerFormatError("尚未作答：请把 ... 改成你的答案（数字，或算出数字的代码）。")
    try:
        import numpy as np
        if type(value) in (np.int8, np.int16, np.int32, np.int64, np.uint8, np.uint16, np.uint32, np.uint64,
                           np.float16, np.float32, np.float64):
            value = value.item()
    except ImportError:  # pragma: no cover - numpy comes with pandas
        pass
    if type(value) is bool:
        raise AnswerFormatError("答案应是数字，而不是 True/False。")
    if type(value) in (int, float):
        result = float(value)
    elif type(value) is str:
        text = unicodedata.normalize("NFKC", value).strip().replace(",", "").removesuffix("件").removesuffix("元")
        try:
            result = float(text)
        except ValueError:
            raise AnswerFormatError(f"无法识别“{value}”：请填写一个数字，例如 12 或 3.5。") from None
    else:
        raise AnswerFormatError("答案应是一个数字（int 或 float）。如果是用 pandas 算出来的，请确认结果是单个数字，"
                                "而不是一张表或一列。")
    if math.isnan(result) or math.isinf(result):
        raise AnswerFormatError("答案不是有效的数字（NaN 或无穷大）。")
    return result


_DATE = re.compile(rf"^(?P<y>{_NUM})[年\-/.](?P<m>{_NUM})[月\-/.](?P<d>{_NUM})日?$")


def date_answer(value):
    """A date as a learner writes it: `2024年3月15日`, `2024-03-15`, `2024/3/15`, `2024.3.15`,
    `二〇二四年三月十五日` → datetime.date; an impossible date (2月30日) is refused in Chinese."""
    from datetime import date

    text = _plain(value, "日期")
    m = _DATE.match(text)
    if not m:
        raise AnswerFormatError(f"日期“{value}”无法识别：请写成 2024年3月15日 或 2024-03-15。")
    year = m.group("y")
    if not year.isdigit():  # 二〇二四 is read digit by digit
        year = "".join(str("〇一二三四五六七八九".index(c)) if c in "〇一二三四五六七八九" else c
                       for c in year.replace("零", "〇"))
    try:
        return date(cn_int(year), cn_int(m.group("m")), cn_int(m.group("d")))
    except ValueError:
        raise AnswerFormatError(f"“{value}”不是日历上存在的日期，请核对年、月、日。") from None
