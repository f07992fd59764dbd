"""按一条规则和案件事实算出法定后果：罚款幅度、情节严重与否、罚款以外的处罚（fine_range 的主体）。"""
from __future__ import annotations

from dataclasses import replace

from scjg import laws
from scjg.penalties.facts import CHANNELS, FACTS, check_facts, is_unknown
from scjg.penalties.loading import get_rule, same_act_groups, select, serious_definition_for
from scjg.penalties.model import FineRange, Rule, Sanction, Tier
from scjg.penalties.words import cn, floor_words, mult_words, range_sentence, yuan

_PRICE_LAWS = ("价格法", "价格违法行为行政处罚规定", "明码标价和禁止价格欺诈规定")
_AFTER_ORDER = ("逾期未改正", "逾期不改正", "拒不改正", "拒不停止经营或者改正")


def fine_range(law: str, article, paragraph: int | None = None, item: int | None = None, *,
               rule_id: str | None = None, **facts) -> FineRange:
    """某一违法行为的法定后果：罚款幅度（元）和其他处罚。事实见 scjg.penalties.FACTS。"""
    facts = check_facts(facts)
    for name, v in (("paragraph", paragraph), ("item", item)):
        if v is not None and (isinstance(v, bool) or not isinstance(v, int) or v < 1):
            raise ValueError(f"{'款' if name == 'paragraph' else '项'}号（{name}）应为正整数，而不是 {v!r}。")
    return compute(select(law, article, paragraph, item, facts.get("channel"), rule_id), **facts)


def compute(rule: Rule, **facts) -> FineRange:
    """按一条规则和事实计算法定后果（fine_range 选定规则后调用它）。"""
    facts = check_facts(facts)
    channel = facts.get("channel")
    if channel and rule.channels and channel not in rule.channels:
        raise ValueError(f"{rule.citation}只适用于" + "、".join(CHANNELS[c] for c in rule.channels)
                         + f"环节，不适用于{CHANNELS[channel]}。")
    if rule.fine_from:
        target = get_rule(rule.fine_from)
        r = compute(target, **facts)
        return replace(r, rule_id=rule.id, basis=f"依照{rule.citation}的规定，按《{target.law}》"
                       f"第{cn(target.article)}条第{cn(target.paragraph)}款处罚。"
                       + r.basis)
    serious, serious_words = _serious(rule, facts)
    common = dict(rule_id=rule.id, law=rule.law, article=rule.article, paragraph=rule.paragraph,
                  items=rule.items, version=laws.law_info(rule.law).version_date,
                  sanctions=resolve_sanctions(rule, facts, serious), serious=serious is True)
    tail = serious_words + refund_words(rule, facts) + _notes(rule)
    if rule.governed_by:
        why = f"罚款数额依照{rule.governed_by}，本工具未收录，请查当地规定。"
        return FineRange(None, None, False, f"依照{rule.citation}：{why}{tail}", rule.quote, [], no_amount=why, **common)
    if rule.fine is None:
        extra = ""
        if rule.see_also:
            extra = "罚款依照相关规定：" + "、".join(_cite_id(i) for i in rule.see_also) + "。"
        why = rule.excludes_fine or f"{rule.citation}本身不设罚款数额。"
        return FineRange(0, 0, False, f"{why}{extra}{tail}", rule.quote, [], **common)
    return _fine(rule, facts, serious, tail, common)


# ---------------------------------------------------------------- 情节严重
def _serious(rule: Rule, facts: dict) -> tuple[bool | str, str]:
    """情节严重与否（True、False 或“较重”）及说明；法规定义了情节严重的，由事实判断。"""
    given = facts.get("serious", False)
    d = serious_definition_for(rule)
    if d is None:
        return given, ""
    met = d.met(facts)
    if met:
        g = met[0]
        return True, (f"依照{d.citation}第（{cn(g.item)}）项（“{g.quote}”），本案属于{rule.law}"
                      f"第{cn(rule.article)}条规定的情节严重情形；“{d.effect_quote}”")
    if given:
        return True, f"情节严重（{d.citation}所列情形之一）；“{d.effect_quote}”"
    measurable = "、".join(g.quote for g in d.grounds if g.fact)
    return False, f"是否情节严重依照{d.citation}判断：{measurable}等情形属于情节严重。" if measurable else ""


# ---------------------------------------------------------------- 其他处罚
HOLDS_APPROVAL = "药品上市许可持有人"  # 药品批准证明文件由药品上市许可持有人持有


def _condition_met(cond: str | None, facts: dict, serious) -> bool | None:
    if not cond:
        return True
    income = facts.get("illegal_income")
    if cond in ("情节严重", "情节较重"):  # 未给出 serious 的：前提未能判断（列出，applies=None）
        if serious is True or (cond == "情节较重" and serious == "较重"):
            return True
        return False if "serious" in facts else None
    if cond in _AFTER_ORDER:
        return facts.get("conditions_met")
    if cond == HOLDS_APPROVAL:  # 吊销药品批准证明文件：只对持有者（本工具的读法：药店、诊所不持有，无从吊销）
        return facts.get("holds_approval")
    if cond in ("有违法所得", "没有违法所得") and isinstance(income, float):
        return (income > 0) == (cond == "有违法所得")
    return None


def resolve_sanctions(rule: Rule, facts: dict, serious=False) -> tuple[Sanction, ...]:
    """事实之下本规则的其他处罚：前提明显不具备的不列出；没收违法所得按退还后的数额，全部退还的不列出
    （fine_range 的 basis 中说明“违法所得已全部退还，无可没收”）。"""
    out = []
    income = facts.get("illegal_income")
    for s in rule.sanctions:
        applies = _condition_met(s.condition, facts, serious)
        if applies is False:
            continue
        amount, note = None, s.note
        if "没收违法所得" in s.types and isinstance(income, float):
            amount = _left_to_confiscate(facts)
            if amount == 0 and s.types == ("没收违法所得",):
                continue  # 没有违法所得，或已全部退还：无可没收
            if facts.get("refunded"):
                note = refund_words(rule, facts)
        out.append(replace(s, applies=applies, amount=amount, note=note))
    return tuple(out)


def _left_to_confiscate(facts: dict) -> float:
    """应没收的违法所得：违法所得减去已退还的多收价款（不少于 0）。"""
    return round(max(facts["illegal_income"] - (facts.get("refunded") or 0.0), 0.0), 2)


_REFUND_28 = "当事人有违法所得，除依法应当退赔的外，应当予以没收"
_REFUND_16 = "由政府价格主管部门予以没收"


def refund_words(rule: Rule, facts: dict) -> str:
    """退还与没收的说明（行政处罚法第二十八条第二款；价格类另引价格违法行为行政处罚规定第十六条）；未退还时为空。"""
    income, refunded = facts.get("illegal_income"), facts.get("refunded")
    if not refunded or not isinstance(income, float) or not any("没收违法所得" in s.types for s in rule.sanctions):
        return ""
    why = f"（《行政处罚法》第二十八条第二款：“{_REFUND_28}”"
    if rule.law in _PRICE_LAWS:
        why += ("；《价格违法行为行政处罚规定》第十六条：多付价款责令限期退还，拒不退还或者期限届满没有退还的，"
                f"才“{_REFUND_16}”")
    why += "）"
    left = _left_to_confiscate(facts)
    if left == 0:
        return f"违法所得{yuan(income)}已全部退还（已退还{yuan(refunded)}），无可没收{why}。"
    return f"应没收的违法所得为{yuan(left)}：违法所得{yuan(income)}减去已退还的{yuan(refunded)}{why}。"


# ---------------------------------------------------------------- 罚款
def _base(rule: Rule, facts: dict) -> tuple[float | None, str]:
    """计算基数及说明；金额无法查清或无法确定时按法律或本工具的理解取基数。"""
    fine = rule.fine
    name = FACTS.get(fine.depends_on, "")
    if fine.depends_on == "none":
        return None, ""
    base = facts.get(fine.depends_on)
    if is_unknown(base):
        if fine.depends_on == "illegal_income" and rule.law in _PRICE_LAWS:
            return 0.0, (f"{name}{base}：依照价格违法行为行政处罚规定第十八条（“违法所得无法确定时，"
                         f"按照没有违法所得的规定处罚”），按没有违法所得处罚；")
        floors = [f.amount for f in fine.floors if not f.channels or facts.get("channel") in f.channels]
        if floors or any(t.amount is not None and (t.below is not None or t.none) for t in fine.tiers):
            return 0.0, (f"{name}{base}：本工具按事实可以确认的较低一档计算（本工具的理解，"
                         f"以证据能够证明的数额为准）；")
        return None, f"{name}{base}：罚款按{name}的倍数计算，数额无法确定时无法算出幅度；"
    if base is None and any(t.needs_base() for t in fine.tiers):
        raise ValueError(f"计算{rule.citation}的罚款需要{name}（{fine.depends_on}=...，单位：元）。")
    return base, (f"{name}为{yuan(base)}；" if base is not None else "")


def _floor(rule: Rule, base: float | None, channel: str | None) -> tuple[float | None, str]:
    fine = rule.fine
    name = FACTS.get(fine.depends_on, "")
    if base is None or not fine.floors:
        return base, ""
    if channel is None and any(f.channels for f in fine.floors) and base < max(f.amount for f in fine.floors):
        raise ValueError(f"{rule.citation}按经营环节规定了不同的计算下限（"
                         + "；".join(floor_words(f.amount, f.channels, name) for f in fine.floors)
                         + "），请给出 channel（production 生产、wholesale 批发、retail 零售、use 使用）。")
    floors = [f for f in fine.floors if not f.channels or channel in f.channels]
    if not floors:
        return base, ""
    top = max(floors, key=lambda f: f.amount)
    if base < top.amount:
        shown = "无法查清，" if base == 0 else f"{yuan(base)}不足{yuan(top.amount)}，"
        return top.amount, f"{name}{shown}按{yuan(top.amount)}计算；"
    return base, ""


def _tiers(rule: Rule, facts: dict, serious) -> tuple[list[Tier], set[int], list[str]]:
    """可选的档位（情节严重档在前）、其中属于情节严重档的、以及适用的前提。"""
    fine, sp = rule.fine, rule.serious
    conds = list(fine.conditions)
    if sp and (serious is True or (serious == "较重" and sp.label == "情节较重")):
        own = list(sp.conditions) if sp.conditions is not None else conds
        if sp.conditions is not None and not own:
            return list(sp.tiers), {id(t) for t in sp.tiers}, own
        return list(sp.tiers) + list(fine.tiers), {id(t) for t in sp.tiers}, conds
    return list(fine.tiers), set(), conds


def _fine(rule: Rule, facts: dict, serious, tail: str, common: dict) -> FineRange:
    fine = rule.fine
    name = FACTS.get(fine.depends_on, "")
    tiers, from_serious, conds = _tiers(rule, facts, serious)
    if facts.get("conditions_met") is False and conds:
        return FineRange(0, 0, False, f"{rule.citation}的罚款以“{'、'.join(conds)}”为前提；前提不具备，不处罚款。{tail}",
                         fine.quote, conds, **common)
    base, base_words = _base(rule, facts)
    if base is None and fine.depends_on != "none" and base_words:
        why = base_words.rstrip("；") + "。"
        return FineRange(None, None, fine.mandatory, f"依照{rule.citation}：{why}{tail}", fine.quote,
                         conds, no_amount=why, **common)
    used, floor_note = _floor(rule, base, facts.get("channel"))
    tier = next((t for t in tiers if t.matches(used)), None)
    if tier is None:
        raise ValueError(f"{rule.citation}的罚则数据没有覆盖{name}为{yuan(used)}的情形，请检查 {rule.source_file}。")
    if tier.amount is not None:
        lo, hi = tier.amount
    else:
        lo = tier.multiple[0] * used
        hi = None if tier.multiple[1] is None else tier.multiple[1] * used
    in_serious = id(tier) in from_serious
    mandatory, quote = fine.mandatory, fine.quote
    if in_serious:
        quote = rule.serious.quote
        if rule.serious.mandatory is not None:
            mandatory = rule.serious.mandatory
    words = [base_words, floor_note, _tier_words(rule, tier, used, in_serious, name, bool(floor_note))]
    words.append(f"{'应当' if mandatory else '可以'}处罚款，法律未规定数额。" if hi is None and not lo
                 else f"{'应当' if mandatory else '可以'}处{range_sentence(lo, hi)}的罚款。")
    if serious and not rule.serious:
        words.append("本条对情节严重未另设罚款幅度。")
    elif serious == "较重" and rule.serious and rule.serious.label != "情节较重":
        words.append(f"本条只规定了“{rule.serious.label}”档，“情节较重”不适用该档。")
    elif serious and rule.serious and not in_serious:
        words.append(f"本条的“{rule.serious.label}”档只改变{_serious_scope(rule)}，本案不适用。")
    if conds:
        words.append(f"前提：{'、'.join(conds)}"
                     + ("（已具备）" if facts.get("conditions_met") else "（仅在该前提具备时适用）") + "。")
    basis = f"依照{rule.citation}：" + "".join(words) + tail
    return FineRange(lo, hi, mandatory, basis, quote, conds, **common)


def _tier_words(rule, tier: Tier, used, in_serious: bool, name: str, floored: bool) -> str:
    cond = tier.condition_words(name)
    out = ""
    if cond:
        at_floor = tier.from_ is not None and used == tier.from_
        out = f"属于“{cond}”一档" + ("（“以上”含本数）" if at_floor else "") \
            + (f"（{rule.serious.label}）" if in_serious else "") + "，"
    elif in_serious:
        out = f"{rule.serious.label}，"
    if tier.multiple is not None:
        out += f"罚款为{'计算基数' if floored else name}{yuan(used)}的{mult_words(tier.multiple)}，即"
    return out


def _serious_scope(rule: Rule) -> str:
    name = FACTS.get(rule.fine.depends_on, "")
    return "、".join(t.condition_words(name) or "其余情形" for t in rule.serious.tiers) + "的罚款"


def _notes(rule: Rule) -> str:
    out = rule.note
    if rule.see_also and rule.fine is not None:
        out += "另见：" + "、".join(_cite_id(i) for i in rule.see_also) + "。"
    for g in same_act_groups():
        if rule.id in g.chain[1:]:  # 细化的规定指回法律；法律一方已由 see_also 列出
            others = [_cite_id(i) for i in g.chain if i != rule.id and get_rule(i).law != rule.law]
            out += (f"属于{g.act}的，同时适用" + "、".join(dict.fromkeys(others)) + "：同时引用，只罚一次款"
                    "（行政处罚法第二十九条）。")
    info = laws.law_info(rule.law)
    if info.version_note:
        out += f"版本提示：本工具依据{info.version_label}文本；{info.version_note}"
    return out


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
