"""核对罚则数据与法条原文：引文逐字、每个数额都出现在原文中、其他处罚的写法与原文一致。"""
from __future__ import annotations

import re
import unicodedata

import cn2an

from scjg import laws
from scjg.penalties.model import Rule, Sanction
from scjg.penalties.words import num

_NUM_RE = re.compile(r"百分之[零〇一二三四五六七八九十百]+|[0-9.]+万|[0-9.]+|[零〇一二三四五六七八九十百千万两]+")


def numbers_in(text: str) -> set[float]:
    """原文中出现的数（中文数字或阿拉伯数字，“百分之三十”记为 0.3）。"""
    text = unicodedata.normalize("NFKC", text)
    out: set[float] = set()
    for tok in _NUM_RE.findall(text):
        try:
            if tok.startswith("百分之"):
                out.add(float(cn2an.cn2an(tok[3:], "smart")) / 100)
            else:
                out.add(float(cn2an.cn2an(tok, "smart")))
        except (ValueError, KeyError, TypeError):
            continue
    return out


def rule_amounts(rule: Rule) -> list[tuple[str, float, str]]:
    """规则中写出的每个数（金额、倍数、下限、档位边界）及其须出现的原文：(说明, 数, 原文)。"""
    out = []
    if rule.fine is None:
        return out
    groups = [(rule.fine.tiers, rule.fine.quote)]
    if rule.serious:
        groups.append((rule.serious.tiers, rule.serious.quote))
    for tiers, quote in groups:
        for t in tiers:
            for what, pair in (("amount", t.amount), ("multiple", t.multiple)):
                if pair:
                    out += [(what, v, quote) for v in pair if v]
            out += [(k, v, quote) for k, v in (("below", t.below), ("from", t.from_)) if v]
    out += [("floor", f.amount, rule.fine.quote) for f in rule.fine.floors]
    return out


def sanction_problems(rule: Rule, s: Sanction) -> list[str]:
    """一项其他处罚的问题：引文不逐字，“可以”与 mandatory 不符，前提不在原文中。"""
    where = f"{rule.id} 的其他处罚“{s.kind}”"
    res = laws.check_quote(s.law, s.article, s.quote)
    if not res.ok:
        return [f"{where}：{res.message}"]
    q = laws.normalize(s.quote)
    out = []
    clause = _clause_of(q, s)
    if clause is None:
        out.append(f"{where}：原文“{s.quote}”中找不到“{s.kind[:4]}”。")
    elif ("可以" in clause) == s.mandatory:
        out.append(f"{where}：mandatory={s.mandatory}，但原文为“{clause}”。")
    text = laws.normalize(laws.article(s.law, s.article).text)
    missing = [w for w in re.split(r"、|或者|，", s.condition or "") if w and w not in text]
    if missing:
        out.append(f"{where}：前提“{s.condition}”中的“{'、'.join(missing)}”不在原文中。")
    return out


def _clause_of(quote: str, s: Sanction) -> str | None:
    """原文中写这项处罚的分句（按逗号切分，取含其关键词的第一个）。"""
    keys = [s.kind[:4], s.kind[:2], s.kind.lstrip("对")[:2]]
    clauses = re.split(r"[，,：:]", quote)
    for key in keys:
        for c in clauses:
            if key and key in c:
                return c
    return None


def verify_rule(rule: Rule) -> list[str]:
    """核对一条规则：引文逐字、数额都在原文中、其他处罚与原文一致。返回问题清单（中文），空表示无误。"""
    problems = []
    checks = [("quote", rule.article, rule.quote)]
    if rule.fine:
        checks.append(("fine.quote", rule.fine.quote_article or rule.article, rule.fine.quote))
    if rule.serious:
        checks.append(("serious.quote", rule.serious.quote_article or rule.fine.quote_article or rule.article,
                       rule.serious.quote))
    for what, art, q in checks:
        res = laws.check_quote(rule.law, art, q)
        if not res.ok:
            problems.append(f"{rule.id} 的 {what}：{res.message}")
    try:
        art = laws.article(rule.law, rule.article)
        p = art.paragraph(rule.paragraph)
        for i in rule.items:
            p.item(i)
    except ValueError as e:
        problems.append(f"{rule.id} 的条款项：{e}")
    for what, v, quote in rule_amounts(rule):
        if v not in numbers_in(quote):
            problems.append(f"{rule.id} 的 {what} 数值 {num(v)} 在原文“{quote}”中找不到。")
    for s in rule.sanctions:
        problems += sanction_problems(rule, s)
    return problems
