"""罚款幅度：由 datasets/laws/rules/*.yaml（罚则数据）按案件事实算出法定罚款幅度。

    >>> r = fine_range("食品安全法", 124, paragraph=1, item=5, goods_value=3200)
    >>> r.min, r.max, r.mandatory      # (50000, 100000, True)
    >>> print(r.basis)

边界按原文：“一万元以上”含一万元本数（行政处罚法、刑法的通常理解：“以上”“以下”含本数，“不足”不含）；
“不足十万元的，按十万元计算”把计算基数抬到十万元。字段含义见 datasets/laws/rules/README.md。
生成汇总表：python -m scjg.penalties --review
"""
from __future__ import annotations

import argparse
import math
import re
import sys
import unicodedata
from dataclasses import dataclass, field
from functools import lru_cache
from numbers import Real
from pathlib import Path

import cn2an
import yaml

from scjg import laws
from scjg import money
from scjg.paths import LAWS_DIR

RULES_DIR = LAWS_DIR / "rules"
REVIEW_FILE = LAWS_DIR / "penalty_rules.md"

FACTS = {
    "goods_value": "货值金额",
    "illegal_income": "违法所得",
    "sales_amount": "销售金额",
    "channel": "经营环节（channel）",
    "serious": "是否情节严重/较重（serious）",
    "conditions_met": "适用前提是否具备（conditions_met）",
}
CHANNELS = {"production": "生产", "wholesale": "批发", "retail": "零售", "use": "使用"}
BASES = {"goods_value", "illegal_income", "sales_amount", "none"}
_TIER_KEYS = {"below", "from", "none", "amount", "multiple"}


# ---------------------------------------------------------------- data types
@dataclass(frozen=True)
class Tier:
    """一档：below/from 为基数区间（from 含本数、below 不含），none 表示基数为 0；amount 或 multiple 给出幅度。"""

    amount: tuple[float, float | None] | None = None
    multiple: tuple[float, float | None] | None = None
    below: float | None = None
    from_: float | None = None
    none: bool = False

    def matches(self, base: float | None) -> bool:
        if self.none:
            return base == 0
        if base is None:
            return self.below is None and self.from_ is None
        if self.from_ is not None and base < self.from_:
            return False
        if self.below is not None and base >= self.below:
            return False
        return True

    def needs_base(self) -> bool:
        return self.none or self.below is not None or self.from_ is not None or self.multiple is not None

    def describe(self, base_name: str) -> str:
        """本档的中文说明，例如“货值金额1万元以上：货值金额10倍以上20倍以下”。"""
        cond = ""
        if self.none:
            cond = f"没有{base_name}"
        elif self.from_ is not None and self.below is not None:
            cond = f"{base_name}{yuan(self.from_)}以上不足{yuan(self.below)}"
        elif self.from_ is not None:
            cond = f"{base_name}{yuan(self.from_)}以上"
        elif self.below is not None:
            cond = f"{base_name}不足{yuan(self.below)}"
        return (cond + "：" if cond else "") + self.range_words(base_name)

    def range_words(self, base_name: str) -> str:
        if self.amount is not None:
            lo, hi = self.amount
            return _bounds_words(yuan(lo) if lo else None, yuan(hi) if hi is not None else None)
        lo, hi = self.multiple
        if lo and hi is not None:
            return f"{base_name}{_num(lo)}倍以上{_num(hi)}倍以下"
        return _bounds_words(f"{base_name}{_num(lo)}倍" if lo else None,
                             f"{base_name}{_num(hi)}倍" if hi is not None else None)


@dataclass(frozen=True)
class Floor:
    amount: float
    channels: tuple[str, ...] = ()


@dataclass(frozen=True)
class FineSpec:
    mandatory: bool
    depends_on: str
    tiers: tuple[Tier, ...]
    quote: str
    conditions: tuple[str, ...] = ()
    floors: tuple[Floor, ...] = ()
    quote_article: int | None = None


@dataclass(frozen=True)
class SeriousSpec:
    tiers: tuple[Tier, ...]
    quote: str
    mandatory: bool | None = None
    quote_article: int | None = None


@dataclass(frozen=True)
class Rule:
    """一条罚则（YAML 中的一项）。"""

    id: str
    law: str
    article: int
    paragraph: int
    items: tuple[int, ...]
    violation: str
    quote: str
    keywords: tuple[str, ...] = ()
    channels: tuple[str, ...] = ()
    fine: FineSpec | None = None
    serious: SeriousSpec | None = None
    other_sanctions: tuple[str, ...] = ()
    note: str = ""
    see_also: tuple[str, ...] = ()
    source_file: str = ""

    @property
    def provision(self) -> str:
        """条款项的中文写法，例如“第一百二十四条第一款第（五）项”。"""
        s = f"第{_cn(self.article)}条第{_cn(self.paragraph)}款"
        if self.items:
            s += "、".join(f"第（{_cn(i)}）项" for i in self.items)
        return s

    @property
    def citation(self) -> str:
        return f"《{self.law}》{self.provision}"

    def range_words(self) -> str:
        """罚款幅度的中文说明（汇总表、控件用）。"""
        if self.fine is None:
            return "不设罚款"
        base = FACTS.get(self.fine.depends_on, "")
        parts = [t.describe(base) for t in self.fine.tiers]
        s = "；".join(parts)
        if self.fine.floors:
            s += "（" + "，".join(_floor_words(f, base) for f in self.fine.floors) + "）"
        if self.serious:
            s += "；情节严重/较重的：" + "；".join(t.describe(base) for t in self.serious.tiers)
        return s


@dataclass(frozen=True)
class FineRange:
    """fine_range 的结果：min/max 为罚款幅度（元），max 为 None 表示法律未规定上限。"""

    min: float
    max: float | None
    mandatory: bool
    basis: str
    quote: str
    conditions: list[str] = field(default_factory=list)
    rule_id: str = ""
    law: str = ""
    article: int = 0
    paragraph: int = 0
    items: tuple[int, ...] = ()
    version: str = ""

    def _repr_html_(self) -> str:
        import html
        hi = "不设上限" if self.max is None else yuan(self.max)
        return (f"<div><b>罚款幅度：{html.escape(yuan(self.min))} 至 {html.escape(hi)}</b>"
                f"（{'必须处罚款' if self.mandatory else '可以处罚款'}）<br>{html.escape(self.basis)}"
                f"<br><span style='color:#555'>原文：“{html.escape(self.quote)}”</span></div>")


# ---------------------------------------------------------------- words
def _cn(n: int) -> str:
    return cn2an.an2cn(int(n))


def _num(x: float) -> str:
    return f"{x:g}" if float(x) != int(x) else str(int(x))


def yuan(x: float | None) -> str:
    """金额的中文写法：50000 → 5万元，3200 → 3200元，None → 不设上限。"""
    return money.yuan(x)


def _bounds_words(lo: str | None, hi: str | None) -> str:
    if lo and hi:
        return f"{lo}以上{hi}以下"
    if hi:
        return f"{hi}以下"
    if lo:
        return f"{lo}以上（不设上限）"
    return "数额未规定"


def _floor_words(f: Floor, base: str) -> str:
    who = "、".join(CHANNELS.get(c, c) for c in f.channels)
    return f"{who + '的' if who else ''}{base}不足{yuan(f.amount)}的按{yuan(f.amount)}计算"


# ---------------------------------------------------------------- loading
def _err(path: Path, rid: str, msg: str) -> ValueError:
    return ValueError(f"罚则文件 {path.name} 中规则 {rid} 有误：{msg}")


def _pair(v, path, rid, what) -> tuple[float, float | None]:
    if not isinstance(v, (list, tuple)) or len(v) != 2:
        raise _err(path, rid, f"{what} 应写成 [最低, 最高]，而不是 {v!r}")
    lo, hi = v
    if not isinstance(lo, Real) or (hi is not None and not isinstance(hi, Real)):
        raise _err(path, rid, f"{what} 中的数值有误：{v!r}")
    if hi is not None and hi < lo:
        raise _err(path, rid, f"{what} 的最低值大于最高值：{v!r}")
    return float(lo), (None if hi is None else float(hi))


def _tiers(raw, path, rid) -> tuple[Tier, ...]:
    if not raw:
        raise _err(path, rid, "缺少 tiers")
    out = []
    for t in raw:
        unknown = set(t) - _TIER_KEYS
        if unknown:
            raise _err(path, rid, f"档位中有不认识的字段 {sorted(unknown)}")
        if ("amount" in t) == ("multiple" in t):
            raise _err(path, rid, f"每一档须有 amount 或 multiple 之一：{t!r}")
        out.append(Tier(
            amount=_pair(t["amount"], path, rid, "amount") if "amount" in t else None,
            multiple=_pair(t["multiple"], path, rid, "multiple") if "multiple" in t else None,
            below=t.get("below"), from_=t.get("from"), none=bool(t.get("none", False)),
        ))
    return tuple(out)


def _parse_rule(r: dict, law: str, path: Path) -> Rule:
    rid = r.get("id", "?")
    for key in ("id", "article", "paragraph", "violation", "quote"):
        if key not in r:
            raise _err(path, rid, f"缺少字段 {key}")
    fine = serious = None
    if r.get("fine"):
        f = r["fine"]
        dep = f.get("depends_on", "none")
        if dep not in BASES:
            raise _err(path, rid, f"depends_on 只能是 {sorted(BASES)}，而不是 {dep!r}")
        floors = tuple(Floor(float(x["amount"]), tuple(x.get("channels") or ())) for x in (f.get("floors") or ()))
        for fl in floors:
            bad = set(fl.channels) - set(CHANNELS)
            if bad:
                raise _err(path, rid, f"floors 中有不认识的渠道 {sorted(bad)}")
        if "mandatory" not in f or "quote" not in f:
            raise _err(path, rid, "fine 须有 mandatory 和 quote")
        fine = FineSpec(mandatory=bool(f["mandatory"]), depends_on=dep, tiers=_tiers(f.get("tiers"), path, rid),
                        quote=f["quote"], conditions=tuple(f.get("conditions") or ()), floors=floors,
                        quote_article=f.get("quote_article"))
        if r.get("serious"):
            s = r["serious"]
            serious = SeriousSpec(tiers=_tiers(s.get("tiers"), path, rid), quote=s.get("quote", ""),
                                  mandatory=s.get("mandatory"), quote_article=s.get("quote_article"))
    channels = tuple(r.get("channels") or ())
    bad = set(channels) - set(CHANNELS)
    if bad:
        raise _err(path, rid, f"channels 中有不认识的渠道 {sorted(bad)}")
    return Rule(
        id=str(r["id"]), law=law, article=int(r["article"]), paragraph=int(r["paragraph"]),
        items=tuple(int(i) for i in (r.get("items") or ())), violation=str(r["violation"]).strip(),
        quote=str(r["quote"]), keywords=tuple(str(k) for k in (r.get("keywords") or ())), channels=channels,
        fine=fine, serious=serious, other_sanctions=tuple(str(s) for s in (r.get("other_sanctions") or ())),
        note=str(r.get("note") or ""), see_also=tuple(r.get("see_also") or ()), source_file=path.name,
    )


def load_rule_file(path: Path) -> list[Rule]:
    """读一个罚则 YAML 文件（不做原文核对，核对见 verify_rule）。"""
    data = yaml.safe_load(Path(path).read_text(encoding="utf-8"))
    if not isinstance(data, dict) or "law" not in data or "rules" not in data:
        raise ValueError(f"罚则文件 {Path(path).name} 须有 law 和 rules 两个字段。")
    law = laws.resolve_law(data["law"])
    return [_parse_rule(r, law, Path(path)) for r in data["rules"]]


def rule_files() -> list[Path]:
    return sorted(RULES_DIR.glob("*.yaml"))


@lru_cache(maxsize=1)
def _all_rules() -> tuple[Rule, ...]:
    out: list[Rule] = []
    for p in rule_files():
        out.extend(load_rule_file(p))
    seen: set[str] = set()
    for r in out:
        if r.id in seen:
            raise ValueError(f"罚则编号 {r.id} 重复（{r.source_file}）。")
        seen.add(r.id)
    return tuple(out)


def reload() -> None:
    """罚则文件改动后重新读取。"""
    _all_rules.cache_clear()


def list_rules(law: str | None = None) -> list[Rule]:
    """全部罚则（可只取一部法律的）。"""
    rules = _all_rules()
    if law is None:
        return list(rules)
    short = laws.resolve_law(law)
    return [r for r in rules if r.law == short]


def get_rule(rule_id: str) -> Rule:
    for r in _all_rules():
        if r.id == rule_id:
            return r
    raise ValueError(f"没有编号为“{rule_id}”的罚则。")


def find_rules(keyword: str, law: str | None = None) -> list[Rule]:
    """按关键词找罚则：在违法行为、关键词、原文中查找；多个词用空格分开，须同时出现。"""
    words = [w for w in (keyword or "").split() if w]
    if not words:
        raise ValueError("请给出关键词，例如 find_rules(\"保质期\")。")
    out = []
    for r in list_rules(law):
        hay = " ".join([r.law, r.violation, r.quote, " ".join(r.keywords), r.note])
        if all(w in hay for w in words):
            out.append(r)
    return out


def rules_table(law: str | None = None):
    """全部罚则的 pandas 表格（中文列名），便于在 Notebook 中浏览。"""
    import pandas as pd

    rows = [{
        "编号": r.id, "法律": r.law, "条款项": r.provision, "违法行为": r.violation,
        "罚款幅度": r.range_words(), "前提": "、".join(r.fine.conditions) if r.fine else "",
        "是否必处": _mandatory_words(r), "原文": r.quote,
    } for r in list_rules(law)]
    return pd.DataFrame(rows, columns=["编号", "法律", "条款项", "违法行为", "罚款幅度", "前提", "是否必处", "原文"])


def _mandatory_words(r: Rule) -> str:
    if r.fine is None:
        return "—"
    s = "必处（处/并处）" if r.fine.mandatory else "可处（可以处/可以并处）"
    if r.serious and r.serious.mandatory is not None and r.serious.mandatory != r.fine.mandatory:
        s += "；情节严重的" + ("必处" if r.serious.mandatory else "可处")
    return s


# ---------------------------------------------------------------- verification
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


def verify_rule(rule: Rule) -> list[str]:
    """核对一条规则：引文逐字、数额都在原文中。返回问题清单（中文），空表示无误。"""
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
            problems.append(f"{rule.id} 的 {what} 数值 {_num(v)} 在原文“{quote}”中找不到。")
    return problems


# ---------------------------------------------------------------- computing
def _check_facts(facts: dict) -> dict:
    unknown = set(facts) - set(FACTS)
    if unknown:
        raise ValueError(f"不认识的事实参数：{'、'.join(sorted(unknown))}。可用的有："
                         + "、".join(f"{k}（{v}）" for k, v in FACTS.items()) + "。")
    clean = {}
    for k, v in facts.items():
        if v is None:
            continue
        if k in ("goods_value", "illegal_income", "sales_amount"):
            if isinstance(v, bool) or not isinstance(v, Real) or math.isnan(v) or math.isinf(v):
                raise ValueError(f"{FACTS[k]}（{k}）应为以元为单位的数字，而不是 {v!r}。")
            if v < 0:
                raise ValueError(f"{FACTS[k]}（{k}）不能为负数：{v}。")
            clean[k] = float(v)
        elif k == "channel":
            if v not in CHANNELS:
                raise ValueError(f"经营环节（channel）只能是 "
                                 + "、".join(f"{c}（{n}）" for c, n in CHANNELS.items()) + f"，而不是 {v!r}。")
            clean[k] = v
        else:
            if not isinstance(v, bool):
                raise ValueError(f"{FACTS[k]} 应为 True 或 False，而不是 {v!r}。")
            clean[k] = v
    return clean


def _select(law: str, article, paragraph, item, channel, rule_id) -> Rule:
    short = laws.resolve_law(law)
    if rule_id is not None:
        r = get_rule(rule_id)
        if r.law != short:
            raise ValueError(f"罚则 {rule_id} 属于《{r.law}》，不是《{short}》。")
        return r
    rules = list_rules(short)
    if not rules:
        raise ValueError(f"还没有收录《{short}》的罚则（datasets/laws/rules/ 中没有该法律的规则文件）。")
    num, sub = laws.parse_article_number(article)
    art = laws.article(short, (num, sub))  # 条文不存在时报错
    cands = [r for r in rules if r.article == num and not sub]
    if not cands:
        have = sorted({r.article for r in rules})
        raise ValueError(f"《{short}》{art.label}没有罚款规则（本条不设罚款，或尚未收录）。"
                         f"已收录罚则的条文：" + "、".join(f"第{_cn(a)}条" for a in have) + "。")
    if paragraph is not None:
        sel = [r for r in cands if r.paragraph == paragraph]
        if not sel:
            raise ValueError(f"《{short}》{art.label}第{_cn(paragraph)}款没有罚款规则；有罚则的款："
                             + "、".join(f"第{_cn(p)}款" for p in sorted({r.paragraph for r in cands})) + "。")
        cands = sel
    if item is not None:
        sel = [r for r in cands if item in r.items]
        if not sel:
            sel = [r for r in cands if not r.items and any(
                it.number == item for it in art.paragraph(r.paragraph).items)]
        if not sel:
            raise ValueError(f"《{short}》{art.label}" + (f"第{_cn(paragraph)}款" if paragraph else "")
                             + f"没有第（{_cn(item)}）项的罚款规则。")
        cands = sel
    if channel is not None:
        sel = [r for r in cands if not r.channels or channel in r.channels]
        if not sel:
            who = "、".join(CHANNELS[c] for r in cands for c in r.channels)
            raise ValueError(f"《{short}》{art.label}的罚则只适用于{who}环节，不适用于{CHANNELS[channel]}（channel={channel!r}）。")
        cands = sel
    distinct = {(r.fine, r.serious) for r in cands}
    if len(distinct) > 1:
        listing = "；".join(f"{r.provision}（{r.id}）：{r.violation}" for r in cands)
        raise ValueError(f"《{short}》{art.label}有多条罚则，罚款不同，请用 paragraph=、item= 指明款、项"
                         f"（或用 rule_id= 指明规则）：{listing}。")
    return cands[0]


def _base_needed(fine: FineSpec) -> bool:
    return fine.depends_on != "none" and any(t.needs_base() for t in fine.tiers)


def fine_range(law: str, article, paragraph: int | None = None, item: int | None = None, *,
               rule_id: str | None = None, **facts) -> FineRange:
    """某一违法行为的法定罚款幅度（元）。事实：goods_value、illegal_income、sales_amount、channel、serious、conditions_met。"""
    facts = _check_facts(facts)
    for name, v in (("paragraph", paragraph), ("item", item)):
        if v is not None and (isinstance(v, bool) or not isinstance(v, int) or v < 1):
            raise ValueError(f"{'款' if name == 'paragraph' else '项'}号（{name}）应为正整数，而不是 {v!r}。")
    rule = _select(law, article, paragraph, item, facts.get("channel"), rule_id)
    return compute(rule, **facts)


def compute(rule: Rule, **facts) -> FineRange:
    """按一条规则和事实计算罚款幅度（fine_range 选定规则后调用它）。"""
    facts = _check_facts(facts)
    common = dict(rule_id=rule.id, law=rule.law, article=rule.article, paragraph=rule.paragraph,
                  items=rule.items, version=laws.law_info(rule.law).version_date)
    cite = rule.citation
    channel = facts.get("channel")
    if channel and rule.channels and channel not in rule.channels:
        raise ValueError(f"{cite}只适用于" + "、".join(CHANNELS[c] for c in rule.channels)
                         + f"环节，不适用于{CHANNELS[channel]}。")
    if rule.fine is None:
        extra = ""
        if rule.see_also:
            extra = "罚款依照相关规定：" + "、".join(_cite_id(i) for i in rule.see_also) + "。"
        return FineRange(0, 0, False, f"{cite}本身不设罚款数额。{extra}", rule.quote, [], **common)
    fine = rule.fine
    conds = list(fine.conditions)
    if facts.get("conditions_met") is False and conds:
        return FineRange(0, 0, False, f"{cite}的罚款以“{'、'.join(conds)}”为前提；前提不具备，不处罚款。",
                         fine.quote, conds, **common)
    base_name = FACTS.get(fine.depends_on, "")
    base = None
    if fine.depends_on != "none":
        base = facts.get(fine.depends_on)
        if base is None and _base_needed(fine):
            raise ValueError(f"计算{cite}的罚款需要{base_name}（{fine.depends_on}=...，单位：元）。")
    used = base
    floor_note = ""
    if base is not None and fine.floors:
        floors = [f for f in fine.floors if not f.channels or (channel in f.channels)]
        if channel is None and any(f.channels for f in fine.floors) and base < max(f.amount for f in fine.floors):
            raise ValueError(f"{cite}按经营环节规定了不同的计算下限（{'；'.join(_floor_words(f, base_name) for f in fine.floors)}），"
                             f"请给出 channel（production 生产、wholesale 批发、retail 零售、use 使用）。")
        if floors:
            top = max(floors, key=lambda f: f.amount)
            if base < top.amount:
                used = top.amount
                floor_note = f"{base_name}{yuan(base)}不足{yuan(top.amount)}，按{yuan(top.amount)}计算；"
    serious = facts.get("serious", False)
    tiers = list(fine.tiers)
    from_serious = set()
    if serious and rule.serious:
        from_serious = {id(t) for t in rule.serious.tiers}
        tiers = list(rule.serious.tiers) + tiers
    tier = next((t for t in tiers if t.matches(used)), None)
    if tier is None:
        raise ValueError(f"{cite}的罚则数据没有覆盖{base_name}为{yuan(used)}的情形，请检查 {rule.source_file}。")
    if tier.amount is not None:
        lo, hi = tier.amount
    else:
        lo = tier.multiple[0] * used
        hi = None if tier.multiple[1] is None else tier.multiple[1] * used
    in_serious = id(tier) in from_serious
    mandatory = fine.mandatory
    quote = fine.quote
    if in_serious:
        quote = rule.serious.quote
        if rule.serious.mandatory is not None:
            mandatory = rule.serious.mandatory
    # 说明
    parts = []
    if base is not None and fine.depends_on != "none":
        parts.append(f"{base_name}为{yuan(base)}；")
    parts.append(floor_note)
    if tier.describe(base_name).find("：") >= 0 and (tier.none or tier.below is not None or tier.from_ is not None):
        parts.append(f"属于“{tier.describe(base_name).split('：')[0]}”一档"
                     + ("（“以上”含本数）" if tier.from_ is not None and used == tier.from_ else "")
                     + ("（情节严重/较重）" if in_serious else "") + "，")
    elif in_serious:
        parts.append("情节严重/较重，")
    if tier.multiple is not None:
        parts.append(f"罚款为{'计算基数' if floor_note else base_name}{yuan(used)}的{_mult_words(tier.multiple)}，即")
    if hi is None and not lo:
        parts.append(f"{'应当' if mandatory else '可以'}处罚款，法律未规定数额。")
    else:
        parts.append(f"{'应当' if mandatory else '可以'}处{_range_sentence(lo, hi)}的罚款。")
    if serious and not rule.serious:
        parts.append("本条对情节严重未另设罚款幅度。")
    if conds:
        parts.append(f"前提：{'、'.join(conds)}" + ("（已具备）" if facts.get("conditions_met") else "（仅在该前提具备时适用）") + "。")
    if rule.note:
        parts.append(rule.note)
    basis = f"依照{cite}：" + "".join(parts)
    return FineRange(lo, hi, mandatory, basis, quote, conds, **common)


def _mult_words(m) -> str:
    lo, hi = m
    if lo and hi is not None:
        return f"{_num(lo)}倍以上{_num(hi)}倍以下"
    return f"{_num(hi)}倍以下" if hi is not None else f"{_num(lo)}倍以上"


def _range_sentence(lo, hi) -> str:
    if hi is None:
        return f"{yuan(lo)}以上（法律未规定上限）" if lo else "数额未规定"
    if lo == hi:
        return yuan(lo)
    return f"{yuan(lo)}以上{yuan(hi)}以下" if lo else f"{yuan(hi)}以下"


def _cite_id(rule_id: str) -> str:
    try:
        return get_rule(rule_id).citation
    except ValueError:
        return rule_id


def boundaries(rule: Rule) -> list[tuple[float, str]]:
    """图上要标出的分界点：(基数, 中文说明)。"""
    if rule.fine is None:
        return []
    base = FACTS.get(rule.fine.depends_on, "")
    marks = {}
    for t in list(rule.fine.tiers) + (list(rule.serious.tiers) if rule.serious else []):
        for v in (t.below, t.from_):
            if v:
                marks[v] = f"{base}{yuan(v)}"
    for f in rule.fine.floors:
        marks.setdefault(f.amount, f"计算下限{yuan(f.amount)}")
    return sorted(marks.items())


# ---------------------------------------------------------------- review file
def review_markdown() -> str:
    """生成 datasets/laws/penalty_rules.md 的内容：全部罚则一张表，便于法律人员逐条核对。"""
    lines = [
        "# 罚则汇总表（自动生成，请勿手改）",
        "",
        "本表由 `python -m scjg.penalties --review` 从 `datasets/laws/rules/*.yaml` 生成；测试核对本表与规则文件一致。",
        "“以上”“以下”含本数，“不足”不含本数。原文一栏为该规则对应的法条原文（逐字）。",
        "",
    ]
    by_law: dict[str, list[Rule]] = {name: [] for name in laws.law_names()}
    for r in list_rules():
        by_law.setdefault(r.law, []).append(r)
    for law, rules in by_law.items():
        if not rules:
            continue
        info = laws.law_info(law)
        lines.append(f"## {info.version_stamp}")
        lines.append("")
        if info.version_note:
            lines.append(f"> 版本提示：{info.version_note}")
            lines.append("")
        lines.append("| 编号 | 法律 | 条款项 | 违法行为 | 罚款幅度 | 前提 | 是否必处 | 原文 |")
        lines.append("|---|---|---|---|---|---|---|---|")
        for r in rules:
            fine_q = ""
            if r.fine and _norm(r.fine.quote) not in _norm(r.quote):
                src = f"（第{_cn(r.fine.quote_article)}条）" if r.fine.quote_article else ""
                fine_q = f"<br>罚款{src}：“{r.fine.quote}”"
            viol = r.violation + (f"<br>注：{r.note}" if r.note else "")
            cells = [r.id, r.law, r.provision, viol, r.range_words(),
                     "、".join(r.fine.conditions) if r.fine else "", _mandatory_words(r), r.quote + fine_q]
            lines.append("| " + " | ".join(c.replace("|", "｜").replace("\n", " ") for c in cells) + " |")
        lines.append("")
    return "\n".join(lines)


def _norm(s: str) -> str:
    return laws.normalize(s)


def write_review(path: Path = REVIEW_FILE) -> Path:
    path.write_text(review_markdown(), encoding="utf-8")
    return path


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m scjg.penalties", description="罚则数据工具")
    parser.add_argument("--review", action="store_true", help="重新生成 datasets/laws/penalty_rules.md")
    parser.add_argument("--check", action="store_true", help="核对全部规则的引文与数额")
    args = parser.parse_args(argv)
    status = 0
    if args.check or not args.review:
        problems = [p for r in list_rules() for p in verify_rule(r)]
        for p in problems:
            print(p)
        print(f"共 {len(list_rules())} 条罚则，发现 {len(problems)} 个问题。")
        status = 1 if problems else 0
    if args.review:
        print(f"已写入 {write_review()}")
    return status


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
