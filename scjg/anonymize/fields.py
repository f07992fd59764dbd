"""Values of labelled fields (经营者：…, 被询问人：…, 使用单位：…) and informal mentions (老王, 王姐)."""
from __future__ import annotations

import re
from typing import Iterable, Iterator

from . import entities
from .labels import NOT_NAMES, ORG_FIELDS, PERSON_FIELDS
from .rules import Span

_HAN = entities._HAN
_LABEL_RE = re.compile(
    r"(" + "|".join(sorted(set(PERSON_FIELDS + ORG_FIELDS), key=len, reverse=True)) + r")"
    r"(?:[(（](?:签名|签字|盖章|签名或盖章|签章)[)）])?[ \t]*[:：][ \t\u3000]*")
# A field's value ends at a space, punctuation, a digit or a Latin letter.
_VALUE_RE = re.compile(r"[" + _HAN + r"·•・]{2,30}")
_PRONOUNS = set("我你他她它们的了在是请说")  # 那日苏, 阿不都热西提, 李和平 hold 那, 都, 和
_ORG_END = re.compile("(?:" + "|".join(entities.ORG_SUFFIXES) + ")$")
_AUTHORITY = re.compile(r"局|政府|法院|检察院|委员会|派出所|中队|大队|支队|机关|部门")
# Words that start like a name but are ordinary (a label's value may be 本店, 个体工商户)
_COMMON_FREQ = 1000


def _label_ok(text: str, m: re.Match, person: bool) -> bool:
    """Is this label a field of its own (line start, after a space or punctuation), not the end of another word?"""
    start = m.start(1)
    if start == 0 or not ("\u4e00" <= text[start - 1] <= "\u9fff"):
        return True
    if not person:
        return False
    # 使用单位负责人（签名）：, 被检查人签名：, 企业负责人：: a short head before a personal label
    head = re.search(r"[" + _HAN + r"]{1,6}$", text[:start])
    return head is not None and not re.search(r"[名称号码证期址话]$", head.group())


def _person_ok(ctx: entities._Ctx, start: int, value: str) -> bool:
    """Could the value of a personal field be a name (not 匿名, 本人, 我在店里)?"""
    if value in NOT_NAMES or "某" in value or value.startswith(("本", "该")) or any(c in _PRONOUNS for c in value):
        return False
    if any(d in value for d in "·•・"):
        return True
    sur = entities.surname_of(value) if value[:2] in entities.COMPOUND_SURNAMES or value[0] in entities.SURNAMES else ""
    if sur and len(value) - len(sur) in (1, 2):
        return True
    if len(value) > 6:
        return False
    freq = entities._tokenizer().tokenizer.FREQ
    for t in ctx.toks[ctx.index_at(start) or 0:]:
        if t.start >= start + len(value):
            break
        if len(t.word) > 1 and not t.flag.startswith("nr") and (freq.get(t.word) or 0) >= _COMMON_FREQ:
            return False
    return True


def field_spans(ctx: entities._Ctx) -> Iterator[Span]:
    """The value after each field label: a unit when it ends like one, else a name (a list split at 、)."""
    text = ctx.text
    person_fields = set(PERSON_FIELDS)
    for m in _LABEL_RE.finditer(text):
        label = m.group(1)
        is_person = label in person_fields
        if not _label_ok(text, m, is_person):
            continue
        pos = m.end()
        while (v := _VALUE_RE.match(text, pos)):
            value = v.group()
            if _ORG_END.search(value) and not _AUTHORITY.search(value) and len(value) >= 4 and "某" not in value:
                yield Span(pos, v.end(), "ORG")
            elif label not in ORG_FIELDS or len(value) <= 4:
                if _person_ok(ctx, pos, value):
                    yield Span(pos, v.end(), "PERSON")
            if text[v.end():v.end() + 1] != "、" or not is_person:
                break
            pos = v.end() + 1


_NICK_BEFORE = ("老", "小", "阿")
_NICK_AFTER = ("大姐", "大哥", "师傅", "老板", "阿姨", "姐", "哥", "总", "叔", "姨", "婶", "嫂", "工", "经理", "主任")
_NICK_WORDS = frozenset(
    "老师 老公 老路 老房 老农 老汤 老白 老区 老干 老伍 老成 老练 老牛 老江 小时 小区 小于 小包 小车 小米 小龙 "
    "小康 小麦 小计 小路 小方 小苗 小牛 小花 小满 小农 小金 小田 小石 小童 小白 小商 小柴 小平 小吃 小卖 小型 "
    "小组 小学 小说 小孩 小姐 师姐 师哥 师傅 阿姨 阿哥 阿姐".split())


def nickname_spans(ctx: entities._Ctx, surnames: Iterable[str]) -> Iterator[Span]:
    """老王, 小李, 王姐, 张师傅: a surname with a familiar prefix or suffix, when a person of that surname
    is named in the text or a word such as 叫/称 introduces it."""
    text = ctx.text
    known = set(surnames)
    sur_alt = "|".join(sorted(entities.COMPOUND_SURNAMES, key=len, reverse=True)) + "|[" + "".join(sorted(entities.SURNAMES)) + "]"
    rx = re.compile(r"(?:(" + "|".join(_NICK_BEFORE) + r")(" + sur_alt + r"))|(?:(" + sur_alt + r")(" + "|".join(_NICK_AFTER) + r"))")
    for m in rx.finditer(text):
        sur = m.group(2) or m.group(3)
        word = m.group()
        introduced = re.search(r"(?:叫|称|喊|找|问|跟|给|让|由|和|是)(?:他|她)?$", text[max(0, m.start() - 3):m.start()])
        if (word in _NICK_WORDS and not introduced) or (m.start() and text[m.start() - 1] in "的之老小大"):
            continue
        k = ctx.index_at(m.start())
        tok = ctx.toks[k] if k is not None else None
        if tok is None or tok.start != m.start() and not m.group(3):
            continue
        if tok.end > m.end() and len(tok.word) > len(word):
            continue  # 小龙虾, 老陈醋, 小时候: a longer word
        after = text[m.end():m.end() + 1]
        if after and "\u4e00" <= after <= "\u9fff" and ctx.by_start.get(m.end()) is None:
            continue  # the next character belongs to the same word
        if sur in known or introduced:
            yield Span(m.start(), m.end(), "PERSON")


def nickname_surname(value: str) -> str | None:
    """The surname in 老王, 小李, 王姐, 张师傅; None for anything else."""
    for p in _NICK_BEFORE:
        if value.startswith(p) and value not in _NICK_WORDS:
            rest = value[len(p):]
            if rest in entities.COMPOUND_SURNAMES or (len(rest) == 1 and rest in entities.SURNAMES):
                return rest
    for s in _NICK_AFTER:
        if value.endswith(s) and value not in _NICK_WORDS:
            rest = value[:-len(s)]
            if rest in entities.COMPOUND_SURNAMES or (len(rest) == 1 and rest in entities.SURNAMES):
                return rest
    return None
