"""一件案例的法律结论：可选的裁量情形、裁量依据和决定书结尾句，均与事实和罚则引擎的结论一致。

规则（行政处罚法与各领域法律；见 datasets/cases/README.md）：
- 情节严重由法规定义的（食品安全法实施条例第六十七条），罚款“应当依法从重从严”：只能从重或移送。
- 从轻：配合调查、主动改正不是行政处罚法第三十二条的法定情节，依据写“依照本地行政处罚裁量基准”；
  减轻：案情写明主动消除或者减轻危害后果，引第三十二条第（一）项。
- 价格：已退还多收价款的应当从轻或者减轻——违反明码标价和禁止价格欺诈规定的依该规定第二十六条第一款，
  其他（哄抬价格、不执行政府指导价）依行政处罚法第三十二条第（一）项及价格违法行为行政处罚规定第十七条第一款；
  不予处罚只在没有多收或已全部退还时（第二十六条第二款“未实际损害”），价格欺诈（谎称政府定价）不适用。
- 食品经营者无主观过错：食品安全法第一百三十六条（可以免予处罚，但应当依法没收），不是行政处罚法第三十三条第二款的“不予处罚”。
- 从重：假药、劣药引药品管理法第一百三十七条第（五）项，价格引价格违法行为行政处罚规定第十七条第二款第（二）项（屡查屡犯），
  其他依本地裁量基准。
- 移送：行政处罚法第二十七条第一款。
"""
from __future__ import annotations

from scjg import laws, penalties
from scjg.laws import cn_number as cn
from scjg.schema import NO_PENALTY

L = "行政处罚法"
_PRICE_REGS = "价格违法行为行政处罚规定"
_DRUG_137 = ("drug-116-fake", "drug-117-1-substandard", "drug-119-use-fake", "drug-119-use-substandard")


def _v(law: str, art: int, frag: str) -> str:
    if not laws.is_verbatim(law, art, frag):  # pragma: no cover - 数据校对
        raise ValueError(f"《{law}》第{art}条中找不到“{frag}”")
    return frag


def _ground(rule, facts: dict):
    """事实满足的法定情节严重情形：(定义, 该项)；没有则 None。"""
    d = penalties.serious_definition_for(rule) if rule is not None else None
    met = d.met({k: float(v) for k, v in facts.items() if k in ("goods_value", "duration_months") and v is not None}) \
        if d else []
    return (d, met[0]) if met else None


def refund_mitigates(t, facts: dict) -> bool:
    """已退还多收价款、且违反明码标价和禁止价格欺诈规定（第二十六条第一款：依法从轻或者减轻）。"""
    return bool(facts.get("refunded")) and t.tag_rules


def allowed(t, rule, fr, facts: dict, variant: str, referral, condition_met, weights: dict) -> dict[str, float]:
    """本案可选的裁量情形及权重。"""
    out = {}
    income = facts.get("illegal_income") or 0
    for disc, w in weights.items():
        if w <= 0 or (disc == "referred") != bool(referral):
            continue
        if disc in NO_PENALTY and condition_met:
            continue
        if fr is not None and fr.serious and disc not in ("aggravated", "referred"):
            continue  # 条例第六十七条：情节严重的，应当依法从重从严
        if t.domain == "price" and disc in NO_PENALTY and (t.code == "P12" or (income and not facts.get("refunded"))):
            continue  # 明码标价规定第二十六条第二款：未实际损害消费者
        if facts.get("refunded") and disc not in ("lenient", "mitigated"):
            continue  # 已退还：明码标价规定第二十六条第一款、行政处罚法第三十二条第（一）项，应当从轻或者减轻
        if not t.allowed(disc, facts, variant):
            continue
        out[disc] = w
    if fr is not None and fr.serious and not referral and not out and t.allowed("aggravated", facts, variant):
        out["aggravated"] = 1.0
    if facts.get("refunded") and "mitigated" not in out and fr is not None and fr.min:
        out["mitigated"] = 1.0
    return out


def basis(disc: str, t, rule, fr, facts: dict, conditional_warning: bool) -> str:
    """裁量依据（中文）；引用的法条片段逐字核对。"""
    if conditional_warning:
        return f"{rule.citation}：罚款以“{'、'.join(rule.fine.conditions)}”为前提，当事人已改正，依法给予警告"
    if disc == "no_penalty_minor":
        s = f"《行政处罚法》第三十三条第一款：{_v(L, 33, '违法行为轻微并及时改正，没有造成危害后果的，不予行政处罚')}"
    elif disc == "no_penalty_first":
        s = (f"《行政处罚法》第三十三条第一款：{_v(L, 33, '初次违法且危害后果轻微并及时改正的，可以不予行政处罚')}"
             "；参照本地首违不罚清单")
    elif disc == "no_penalty_no_fault" and t.domain == "food":
        s = (f"《行政处罚法》第三十三条第二款：{_v(L, 33, '法律、行政法规另有规定的，从其规定')}；《食品安全法》第一百三十六条："
             f"{_v('食品安全法', 136, '可以免予处罚，但应当依法没收其不符合食品安全标准的食品')}")
    elif disc == "no_penalty_no_fault":
        s = f"《行政处罚法》第三十三条第二款：{_v(L, 33, '当事人有证据足以证明没有主观过错的，不予行政处罚')}"
    elif disc in ("mitigated", "lenient") and refund_mitigates(t, facts):
        s = (f"《明码标价和禁止价格欺诈规定》第二十六条第一款："
             f"{_v('明码标价和禁止价格欺诈规定', 26, '及时退还消费者或者其他经营者多付价款的，依法从轻或者减轻处罚')}"
             f"，依法{'减轻' if disc == 'mitigated' else '从轻'}处罚")
    elif disc == "mitigated" or (disc == "lenient" and facts.get("refunded")):
        s = (f"《行政处罚法》第三十二条第（一）项：{_v(L, 32, '主动消除或者减轻违法行为危害后果的')}，"
             f"依法{'减轻' if disc == 'mitigated' else '从轻'}处罚")
        if rule is not None and rule.law == _PRICE_REGS:
            s += (f"；《价格违法行为行政处罚规定》第十七条第一款：{_v(_PRICE_REGS, 17, '应当依法从轻或者减轻处罚')}"
                  "（该款所引“行政处罚法第二十七条”为修订前的条文序号，即现行第三十二条）")
    elif disc == "lenient":
        s = "依照本地行政处罚裁量基准从轻处罚（积极配合调查、主动改正是裁量基准中的从轻情节，不是《行政处罚法》第三十二条的法定情节）"
    elif disc == "normal":
        s = "无法定从轻、减轻或者从重情节，依照本地行政处罚裁量基准按一般情形处罚"
    elif disc == "aggravated" and fr is not None and fr.serious and _ground(rule, facts):
        d, g = _ground(rule, facts)
        s = f"{d.citation}第（{cn(g.item)}）项：{_v(d.law, d.article, g.quote)}，属于情节严重；“{_v(d.law, d.article, d.effect_quote)}”"
    elif disc == "aggravated" and rule is not None and rule.id in _DRUG_137:
        s = (f"《药品管理法》第一百三十七条第（五）项：{_v('药品管理法', 137, '生产、销售假药、劣药，经处理后再犯')}，"
             "在本法规定的处罚幅度内从重处罚")
    elif disc == "aggravated" and rule is not None and rule.law == "价格违法行为行政处罚规定":
        s = (f"《价格违法行为行政处罚规定》第十七条第二款第（二）项：{_v(rule.law, 17, '屡查屡犯的')}，应当从重处罚"
             "（二年内曾因同类违法行为受过行政处罚）")
    elif disc == "aggravated":
        s = "依照本地行政处罚裁量基准从重处罚（二年内再次实施同类违法行为或者造成危害后果）"
    elif disc == "referred":
        s = f"《行政处罚法》第二十七条第一款：{_v(L, 27, '违法行为涉嫌犯罪的，行政机关应当及时将案件移送司法机关')}"
    else:
        raise ValueError(disc)
    if t.domain == "price" and disc in ("no_penalty_minor", "no_penalty_first"):
        s += "；《明码标价和禁止价格欺诈规定》第二十六条第二款"
    return s


_MITIGATED = {
    "food": "案发后当事人主动下架、召回涉案产品，主动消除违法行为危害后果，本局依法减轻处罚。",
    "drug": "案发后当事人主动下架、召回涉案药品，主动消除违法行为危害后果，本局依法减轻处罚。",
    "special_equipment": "案发后当事人立即停止使用涉案设备并完成整改，主动消除违法行为危害后果，本局依法减轻处罚。",
    "price": "当事人已及时退还消费者多付价款，主动消除违法行为危害后果，本局依法减轻处罚。",
}
CLOSING = {
    "no_penalty_minor": "当事人违法行为轻微，已及时改正，没有造成危害后果。本局决定不予行政处罚，并对当事人进行了教育。",
    "no_penalty_first": "当事人系初次违法，危害后果轻微，已及时改正。本局决定不予行政处罚，并对当事人进行了教育。",
    "no_penalty_no_fault": "当事人提供了合法进货来源和查验记录等证据，足以证明其没有主观过错。本局决定不予行政处罚，并对当事人进行了教育。",
    "lenient": "当事人积极配合调查，主动改正，本局依照本地行政处罚裁量基准从轻处罚。",
    "normal": "当事人对违法事实无异议，无法定从轻、减轻或者从重情节，本局按一般情形处罚。",
    "aggravated": "经查当事人二年内曾因同类违法行为受过行政处罚，本局依法从重处罚。",
    "referred": "当事人的行为涉嫌犯罪，本局依法将案件移送公安机关。",
}


def closing(disc: str, t, fr, facts: dict, referral, conditional_warning: bool, licence: str | None) -> str:
    """决定书摘要的结尾句。"""
    if conditional_warning:
        return "当事人经责令已改正，不具备罚款的前提条件，本局依法给予警告。"
    if disc == "referred" and referral:
        return f"当事人的行为涉嫌违反{referral}，本局依法将案件移送公安机关。"
    if disc == "no_penalty_no_fault" and t.domain == "food":
        return ("当事人履行了进货查验义务，有充分证据证明其不知道所采购的食品不符合食品安全标准，并如实说明了进货来源。"
                "本局依照《食品安全法》第一百三十六条决定免予罚款，依法没收不符合食品安全标准的食品。")
    if disc == "mitigated":
        return _MITIGATED[t.domain]
    if disc == "lenient" and facts.get("refunded"):
        return "当事人已及时退还消费者多付价款，本局依法从轻处罚。"
    ground = _ground(penalties.get_rule(fr.rule_id), facts) if fr is not None and fr.serious else None
    if disc == "aggravated" and ground:
        g = ground[1]
        return f"{g.quote}，属于情节严重，本局依法从重从严处罚" + (f"，并{licence}" if licence else "") + "。"
    text = CLOSING[disc]
    if disc in NO_PENALTY and t.domain == "price" and facts.get("illegal_income"):
        text = text.replace("本局决定", "当事人已退还多收价款。本局决定")
    return text
