"""罚则的读取与查找：datasets/laws/rules/*.yaml → Rule，按法律、条、款、项或编号选出一条规则。"""
from __future__ import annotations

from functools import lru_cache
from numbers import Real
from pathlib import Path

import yaml

from scjg import laws
from scjg.paths import LAWS_DIR
from scjg.penalties.facts import CHANNELS
from scjg.penalties.model import (Floor, FineSpec, Ground, Rule, SameAct, Sanction, SeriousDefinition,
                                  SeriousSpec, Tier)
from scjg.penalties.words import cn

RULES_DIR = LAWS_DIR / "rules"
BASES = {"goods_value", "illegal_income", "sales_amount", "related_value", "none"}
_TIER_KEYS = {"below", "from", "none", "amount", "multiple"}
_SANCTION_KEYS = {"kind", "mandatory", "condition", "quote", "quote_article", "quote_law", "note"}


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


def _fine(f: dict, path, rid) -> FineSpec:
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
    return FineSpec(mandatory=bool(f["mandatory"]), depends_on=dep, tiers=_tiers(f.get("tiers"), path, rid),
                    quote=f["quote"], conditions=tuple(f.get("conditions") or ()), floors=floors,
                    quote_article=f.get("quote_article"))


def _serious(s: dict, path, rid) -> SeriousSpec:
    conds = s.get("conditions")
    return SeriousSpec(tiers=_tiers(s.get("tiers"), path, rid), quote=s.get("quote", ""),
                       mandatory=s.get("mandatory"), quote_article=s.get("quote_article"),
                       conditions=None if conds is None else tuple(conds), label=s.get("label", "情节严重"))


def _sanctions(raw, law: str, article: int, path, rid) -> tuple[Sanction, ...]:
    out = []
    for s in raw or ():
        unknown = set(s) - _SANCTION_KEYS
        if unknown or "kind" not in s or "quote" not in s:
            raise _err(path, rid, f"sanctions 每项须有 kind、quote（可有 mandatory、condition、quote_article、"
                                  f"quote_law、note）：{s!r}")
        out.append(Sanction(kind=str(s["kind"]), mandatory=bool(s.get("mandatory", True)),
                            condition=s.get("condition"), quote=str(s["quote"]),
                            law=laws.resolve_law(s["quote_law"]) if s.get("quote_law") else law,
                            article=int(s.get("quote_article") or article), note=str(s.get("note") or "")))
    return tuple(out)


def _parse_rule(r: dict, law: str, path: Path) -> Rule:
    rid = r.get("id", "?")
    for key in ("id", "article", "paragraph", "violation", "quote"):
        if key not in r:
            raise _err(path, rid, f"缺少字段 {key}")
    if "other_sanctions" in r:
        raise _err(path, rid, "other_sanctions 已改为 sanctions（每项写明 kind、mandatory、condition、quote）")
    fine = _fine(r["fine"], path, rid) if r.get("fine") else None
    serious = _serious(r["serious"], path, rid) if fine and r.get("serious") else None
    channels = tuple(r.get("channels") or ())
    bad = set(channels) - set(CHANNELS)
    if bad:
        raise _err(path, rid, f"channels 中有不认识的渠道 {sorted(bad)}")
    return Rule(
        id=str(r["id"]), law=law, article=int(r["article"]), paragraph=int(r["paragraph"]),
        items=tuple(int(i) for i in (r.get("items") or ())), violation=str(r["violation"]).strip(),
        quote=str(r["quote"]), keywords=tuple(str(k) for k in (r.get("keywords") or ())), channels=channels,
        fine=fine, serious=serious, sanctions=_sanctions(r.get("sanctions"), law, int(r["article"]), path, rid),
        note=str(r.get("note") or "").strip(), see_also=tuple(r.get("see_also") or ()), source_file=path.name,
        governed_by=str(r.get("governed_by") or ""), excludes_fine=str(r.get("excludes_fine") or "").strip(),
        fine_from=str(r.get("fine_from") or ""),
    )


def _definition(d: dict, law: str, path: Path) -> SeriousDefinition:
    did = d.get("id", "?")
    try:
        grounds = tuple(Ground(item=int(g["item"]), quote=str(g["quote"]), fact=g.get("fact"),
                               from_=None if g.get("from") is None else float(g["from"])) for g in d["grounds"])
        return SeriousDefinition(id=str(did), law=law, article=int(d["article"]),
                                 applies_law=laws.resolve_law(d["applies_to"]["law"]),
                                 applies_articles=tuple(int(a) for a in d["applies_to"]["articles"]),
                                 grounds=grounds, effect_quote=str(d["effect_quote"]), lead_quote=str(d["lead_quote"]))
    except (KeyError, TypeError) as e:
        raise _err(path, did, f"情节严重定义缺少字段 {e}") from None


def _same_act(d: dict, law: str, path: Path) -> SameAct:
    try:
        return SameAct(id=str(d["id"]), law=law, article=int(d["article"]), act=str(d["act"]), quote=str(d["quote"]),
                       chain=tuple(d["chain"]), outside=tuple(d.get("outside") or ()),
                       made_under=str(d.get("made_under") or ""))
    except (KeyError, TypeError) as e:
        raise _err(path, d.get("id", "?"), f"same_act 缺少字段 {e}") from None


def _load(path: Path) -> tuple[list[Rule], list[SeriousDefinition], list[SameAct]]:
    data = yaml.safe_load(Path(path).read_text(encoding="utf-8"))
    if not isinstance(data, dict) or "law" not in data or "rules" not in data:
        raise ValueError(f"罚则文件 {Path(path).name} 须有 law 和 rules 两个字段。")
    law = laws.resolve_law(data["law"])
    return ([_parse_rule(r, law, Path(path)) for r in data["rules"] or ()],
            [_definition(d, law, Path(path)) for d in data.get("serious_definitions") or ()],
            [_same_act(d, law, Path(path)) for d in data.get("same_act") or ()])


def load_rule_file(path: Path) -> list[Rule]:
    """读一个罚则 YAML 文件（不做原文核对，核对见 verify_rule）。"""
    return _load(path)[0]


def rule_files() -> list[Path]:
    return sorted(RULES_DIR.glob("*.yaml"))


@lru_cache(maxsize=1)
def _corpus() -> tuple[tuple[Rule, ...], tuple[SeriousDefinition, ...], tuple[SameAct, ...]]:
    rules: list[Rule] = []
    defs: list[SeriousDefinition] = []
    groups: list[SameAct] = []
    for p in rule_files():
        r, d, g = _load(p)
        rules += r
        defs += d
        groups += g
    seen: set[str] = set()
    for r in rules:
        if r.id in seen:
            raise ValueError(f"罚则编号 {r.id} 重复（{r.source_file}）。")
        seen.add(r.id)
    for g in groups:
        missing = [rid for rid in g.chain if rid not in seen]
        if missing:
            raise ValueError(f"same_act {g.id} 中的罚则编号不存在：{'、'.join(missing)}。")
    return tuple(rules), tuple(defs), tuple(groups)


def same_act_groups() -> list[SameAct]:
    """数据中“同一违法行为涉及几条罚则”的组（行政处罚法第二十九条；见 scjg.penalties.same_act）。"""
    return list(_corpus()[2])


def list_rules(law: str | None = None) -> list[Rule]:
    """全部罚则（可只取一部法律的）。"""
    rules = _corpus()[0]
    if law is None:
        return list(rules)
    short = laws.resolve_law(law)
    return [r for r in rules if r.law == short]


def serious_definitions() -> list[SeriousDefinition]:
    """法规中对“情节严重”的定义（例如食品安全法实施条例第六十七条）。"""
    return list(_corpus()[1])


def serious_definition_for(rule: Rule) -> SeriousDefinition | None:
    """适用于该规则的情节严重定义；没有则为 None。"""
    return next((d for d in _corpus()[1] if d.applies_law == rule.law and rule.article in d.applies_articles), None)


def get_rule(rule_id: str) -> Rule:
    for r in _corpus()[0]:
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


def select(law: str, article, paragraph=None, item=None, channel=None, rule_id=None) -> Rule:
    """按法律、条、款、项（及经营环节）或规则编号选出一条规则；不唯一或不存在时抛出中文 ValueError。"""
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
                         f"已收录罚则的条文：" + "、".join(f"第{cn(a)}条" for a in have) + "。")
    if paragraph is not None:
        sel = [r for r in cands if r.paragraph == paragraph]
        if not sel:
            raise ValueError(f"《{short}》{art.label}第{cn(paragraph)}款没有罚款规则；有罚则的款："
                             + "、".join(f"第{cn(p)}款" for p in sorted({r.paragraph for r in cands})) + "。")
        cands = sel
    if item is not None:
        sel = [r for r in cands if item in r.items]
        if not sel:
            sel = [r for r in cands if not r.items and any(
                it.number == item for it in art.paragraph(r.paragraph).items)]
        if not sel:
            raise ValueError(f"《{short}》{art.label}" + (f"第{cn(paragraph)}款" if paragraph else "")
                             + f"没有第（{cn(item)}）项的罚款规则。")
        cands = sel
    if channel is not None:
        sel = [r for r in cands if not r.channels or channel in r.channels]
        if not sel:
            who = "、".join(CHANNELS[c] for r in cands for c in r.channels)
            raise ValueError(f"《{short}》{art.label}的罚则只适用于{who}环节，不适用于{CHANNELS[channel]}（channel={channel!r}）。")
        cands = sel
    distinct = {(r.fine, r.serious, r.sanctions) for r in cands}
    if len(distinct) > 1:
        listing = "；".join(f"{r.provision}（{r.id}）：{r.violation}" for r in cands)
        raise ValueError(f"《{short}》{art.label}有多条罚则，处罚不同，请用 paragraph=、item= 指明款、项"
                         f"（或用 rule_id= 指明规则）：{listing}。")
    return cands[0]
