"""Structured identifiers: regular expressions plus checksums (python-stdnum)."""
from __future__ import annotations

import datetime
import re
from typing import Iterator, NamedTuple

from stdnum import luhn
from stdnum.cn import ric, uscc
from stdnum.exceptions import ValidationError


class Span(NamedTuple):
    """One detected item: Python string offsets [start, end) and its type."""

    start: int
    end: int
    type: str


TYPES = (
    "PERSON", "ORG", "ID_CARD", "PHONE", "USCC", "ADDRESS", "PLATE",
    "BANK_CARD", "EMAIL", "LICENSE_NO", "DATE_OF_BIRTH",
)
# Validated by a checksum or a strict format: these win any overlap.
STRUCTURED = ("EMAIL", "ID_CARD", "USCC", "BANK_CARD", "LICENSE_NO", "PHONE", "PLATE", "DATE_OF_BIRTH")

_FOLD = {c: c - 0xFEE0 for c in range(0xFF01, 0xFF5F)}
_FOLD.update({0x3000: 0x20, 0xA0: 0x20, 0x2010: 0x2D, 0x2011: 0x2D, 0x2012: 0x2D,
              0x2013: 0x2D, 0x2014: 0x2D, 0x2212: 0x2D, 0x30FC: 0x2D})


def fold(text: str) -> str:
    """Full-width letters, digits and punctuation to ASCII, dashes to '-'; same length."""
    return text.translate(_FOLD)


PROVINCES = "京津沪渝冀豫云辽黑湘皖鲁新苏浙赣鄂桂甘晋蒙陕吉闽贵粤青藏川宁琼"
_SEP = r"[ \-]?"
_NB = r"(?<![0-9A-Za-z])"   # not inside a longer alphanumeric run
_NA = r"(?![0-9A-Za-z])"


def _overlapping(pattern: str, flags: int = 0) -> re.Pattern:
    """Match at every start position (lookahead), so a failed checksum hides nothing."""
    return re.compile(_NB + r"(?=(" + pattern + r")" + _NA + ")", flags)


_ID_RE = _overlapping(r"\d(?:" + _SEP + r"\d){16}" + _SEP + r"[0-9Xx]")
_USCC_RE = _overlapping(r"[0-9A-Za-z](?:" + _SEP + r"[0-9A-Za-z]){17}")
_BANK_RE = _overlapping(r"\d(?:" + _SEP + r"\d){15,18}")
_MOBILE_RE = re.compile(
    _NB + r"(?:[(]?(?:\+|00)?86[)]?[ \-]?)?1[3-9]\d(?:" + _SEP + r"\d){8}" + _NA)
_LANDLINE_RE = re.compile(
    _NB + r"(?:[(]0(?:10|2\d|[3-9]\d{2})[)]|0(?:10|2\d|[3-9]\d{2}))[ \-]?[2-9]\d{2,3}[ \-]?\d{4}"
    r"(?:(?:-|转)\d{1,5})?" + _NA)
_PHONE_CUE_RE = re.compile(
    r"(?:电话|手机|座机|联系方式|传真|Tel|TEL|tel)(?:号码|号)?[:： ]*([2-9]\d{6,7})" + _NA)
_EMAIL_RE = re.compile(r"[A-Za-z0-9._%+\-]+@[A-Za-z0-9\-]+(?:\.[A-Za-z0-9\-]+)*\.[A-Za-z]{2,}")
_PLATE_RE = re.compile(
    r"[" + PROVINCES + r"][A-HJ-NP-Z][ ·•・\-]?(?:[A-HJ-NP-Z0-9]{5,6}|[A-HJ-NP-Z0-9]{4}[挂学警港澳])" + _NA)
_LICENSE_RES = [
    # 食品经营许可证 JY + 14 digits, 食品生产许可证 SC + 14 digits
    re.compile(_NB + r"(?:JY|SC)" + _SEP + r"[1-4](?:" + _SEP + r"\d){13}" + _NA, re.I),
    # 药品经营许可证 e.g. 浙AA5710001
    re.compile(r"[" + PROVINCES + r"][A-Z]{2}\d{7}" + _NA),
    # 特种设备使用登记证 e.g. 梯11浙A01234(18)
    re.compile(r"[锅容管梯起索游车瓶氧][0-9A-Z]{1,3}[" + PROVINCES + r"][A-Z0-9]{4,8}(?:[(（]\d{2}[)）])?"),
]
_LICENSE_CUE_RE = re.compile(
    r"(?:许可证|登记证|执法证|执法证件|作业人员证|资格证|执业证|注册证|证书|备案凭证|工作证|证号|注册号|登记号|"
    r"设备代码|设备编码|设备注册代码)"
    r"(?:编号|号码|号)?(?:[(（][^)）]{0,8}[)）])?[:： 为是]*(?:编号|证号|号码|登记号)?[:： ]*"
    r"((?:[" + PROVINCES + r"][A-Z]{0,2})?[A-Za-z0-9][A-Za-z0-9\-()（）]{3,30})")

# 医疗器械经营许可证/备案凭证 浙杭食药监械经营许20150001号, 注册证 国械注准20193140123
_DEVICE_LICENCE_RE = re.compile(
    r"[" + PROVINCES + r"][\u4e00-\u9fff]{0,3}?(?:食药监|药监|市监|市场监管)械(?:经营|生产|网络销售)?(?:许|备)"
    r"\d{8}号|[国" + PROVINCES + r"]械(?:注|备)[准进许]?\d{8,11}")
_ACCOUNT_CUE_RE = re.compile(
    r"(?:微信号?|微信账号|QQ号码|QQ号?|qq号?)[:： ]*([A-Za-z][A-Za-z0-9_\-]{5,19}|[1-9]\d{4,11})" + _NA)
_ID15_CUE_RE = re.compile(r"(?:身份证|身份号码|证件号)[^\d\n]{0,8}?(?<!\d)(\d{15})(?!\d)")
_LICENSE_MORE_RE = re.compile(r"[、,，和及] ?([A-Za-z0-9][A-Za-z0-9\-]{3,30})" + _NA)
_DATE = (r"(?:(?:19|20)\d{2} ?(?:年 ?\d{1,2} ?月(?: ?\d{1,2} ?日)?|[\-./]\d{1,2}(?:[\-./]\d{1,2})?)"
         r"|[〇零一二三四五六七八九]{4}年[一二三四五六七八九十]{1,3}月(?:[一二三四五六七八九十]{1,3}日)?)")
_DOB_CUE_RE = re.compile(r"(?:出生日期|出生年月日|出生年月|出生时间|生日|出生于|生于)[:： 为是]*(" + _DATE + ")")
_DOB_AFTER_RE = re.compile(r"(" + _DATE + r") ?(?:出生|生)(?=[,，。;； )）、]|$)")
_BANK_CUES = ("卡号", "账号", "帐号", "银行卡", "账户", "帐户", "开户", "银行", "储蓄卡", "信用卡", "借记卡")


def _compact(s: str) -> str:
    return re.sub(r"[ \-]", "", s)


def ric_ok(number: str) -> bool:
    """Check digit and birth date of an 18-digit resident ID (the place code is not required)."""
    number = number.upper()
    if not re.fullmatch(r"\d{17}[\dX]", number):
        return False
    try:
        born = ric.get_birth_date(number)
    except ValidationError:
        return False
    if not datetime.date(1900, 1, 1) <= born <= datetime.date.today():
        return False
    return ric.calc_check_digit(number) == number[-1]


def old_ric_ok(number: str) -> bool:
    """A plausible 15-digit resident ID of the 1980s-90s: place code, then YYMMDD of a 19xx birth date."""
    if not re.fullmatch(r"[1-8]\d{14}", number):
        return False
    try:
        datetime.date(1900 + int(number[6:8]), int(number[8:10]), int(number[10:12]))
    except ValueError:
        return False
    return True


def uscc_ok(number: str, before: str) -> bool:
    """GB 32100 check digit; an all-digit code also needs a 信用代码 cue before it."""
    if not uscc.is_valid(number.upper()):
        return False
    return not number.isdigit() or "信用代码" in before or "社会信用" in before


def bank_ok(number: str, before: str) -> bool:
    """Luhn-valid 16-19 digits, with a bank cue nearby or a card-network prefix."""
    if not (16 <= len(number) <= 19 and luhn.is_valid(number)):
        return False
    return any(cue in before for cue in _BANK_CUES) or number[:2] == "62" or number[0] in "45"


def structured_spans(folded: str) -> Iterator[Span]:
    """Every structured identifier in an already folded text."""
    for m in _EMAIL_RE.finditer(folded):
        yield Span(m.start(), m.end(), "EMAIL")
    for m in _ID_RE.finditer(folded):
        if ric_ok(_compact(m.group(1))):
            yield Span(m.start(1), m.end(1), "ID_CARD")
    for m in _USCC_RE.finditer(folded):
        raw = _compact(m.group(1))
        if uscc_ok(raw, folded[max(0, m.start(1) - 20):m.start(1)]):
            yield Span(m.start(1), m.end(1), "USCC")
    for m in _BANK_RE.finditer(folded):
        if bank_ok(_compact(m.group(1)), folded[max(0, m.start(1) - 20):m.start(1)]):
            yield Span(m.start(1), m.end(1), "BANK_CARD")
    for m in _ID15_CUE_RE.finditer(folded):
        if old_ric_ok(m.group(1)):
            yield Span(m.start(1), m.end(1), "ID_CARD")
    for m in _ACCOUNT_CUE_RE.finditer(folded):
        yield Span(m.start(1), m.end(1), "LICENSE_NO")
    for m in _DEVICE_LICENCE_RE.finditer(folded):
        yield Span(m.start(), m.end(), "LICENSE_NO")
    for rx in (_MOBILE_RE, _LANDLINE_RE):
        for m in rx.finditer(folded):
            yield Span(m.start(), m.end(), "PHONE")
    for m in _PHONE_CUE_RE.finditer(folded):
        yield Span(m.start(1), m.end(1), "PHONE")
    for m in _PLATE_RE.finditer(folded):
        if sum(c.isdigit() for c in m.group()) >= 3:
            yield Span(m.start(), m.end(), "PLATE")
    for rx in _LICENSE_RES:
        for m in rx.finditer(folded):
            yield Span(m.start(), m.end(), "LICENSE_NO")
    for m in _LICENSE_CUE_RE.finditer(folded):
        token = m.group(1).rstrip("(（")
        if not re.search(r"[(（]", token):
            token = token.rstrip(")）")
        if sum(c.isdigit() for c in token) >= 4:
            yield Span(m.start(1), m.start(1) + len(token), "LICENSE_NO")
            # a list of numbers after one cue: 执法证号：A、B
            pos = m.start(1) + len(token)
            while (more := _LICENSE_MORE_RE.match(folded, pos)) and sum(c.isdigit() for c in more.group(1)) >= 4:
                yield Span(more.start(1), more.end(1), "LICENSE_NO")
                pos = more.end(1)
    for rx in (_DOB_CUE_RE, _DOB_AFTER_RE):
        for m in rx.finditer(folded):
            yield Span(m.start(1), m.end(1), "DATE_OF_BIRTH")
