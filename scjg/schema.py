"""案例记录的模式与法律逻辑：列、裁量情形、罚款档，以及由一行案例算出的法定后果。

生成器（scjg.casegen）与读取校验（scjg.cases）都从这里取，读取方不依赖生成器。

    >>> from scjg.schema import case_range, recorded_sanctions
    >>> r = case_range(row)                         # 按罚则编号与事实算出的法定后果（FineRange）
    >>> recorded_sanctions(r, row["discretion"], domain="food")   # 这类案例应当记录的处罚种类等
"""
from __future__ import annotations

import math
from dataclasses import dataclass

from scjg import penalties

DOMAINS = ("food", "drug", "special_equipment", "price")
DOMAIN_NAMES = {"food": "食品安全", "drug": "药品", "special_equipment": "特种设备", "price": "价格"}

# ------------------------------------------------------------------ 列
COMMON_COLUMNS = [
    "case_id", "domain", "decision_no", "procedure", "party_name", "party_category", "entity_form",
    "legal_rep", "region", "business_format", "case_source", "filing_date", "decision_date", "year",
    "violation_type", "violation_name", "violation_facts", "evidence", "violated_provision",
    "penalty_rule_id", "penalty_basis", "channel", "serious", "condition_met", "discretion",
    "discretion_basis", "penalty_types", "order_correct", "goods_value", "illegal_income",
    "sales_amount", "fine_amount", "confiscated_income", "confiscated_goods", "license_action",
    "optional_sanctions", "statutory_min", "statutory_max", "referred_to_police", "referral_basis", "first_offense",
    "rectified", "harm", "fine_band", "authority", "is_synthetic",
]
DOMAIN_COLUMNS = {
    "food": ["food_category", "nonconforming_item", "standard_ref"],
    "drug": ["drug_category", "rx_class", "drug_party_role"],
    "special_equipment": ["equipment_type", "equipment_subtype", "equipment_count", "se_party_role",
                          "inspection_status", "overdue_days", "accident"],
    "price": ["price_violation_type", "pricing_regime", "overcharge_amount", "refunded", "sales_channel"],
}
COLUMNS = COMMON_COLUMNS + [c for d in DOMAINS for c in DOMAIN_COLUMNS[d]]

# ------------------------------------------------------------------ 违法行为类型（类别代码 → 中文名称；生成器模板和读取校验共用）
CATEGORIES = {
    "F01": "经营超过保质期的食品",
    "F02": "超范围、超限量使用食品添加剂",
    "F03": "使用超过保质期的食品原料、食品添加剂",
    "F04": "农药兽药残留、污染物超标的食品",
    "F05": "添加非食用物质（“一非”）",
    "F06": "生产经营添加药品的食品",
    "F07": "未取得许可从事食品生产经营",
    "F08": "经营腐败变质、霉变或者掺假掺杂的食品",
    "F09": "未履行进货查验记录义务",
    "F10": "安排未取得健康证明的人员从事接触直接入口食品的工作",
    "F11": "餐具未洗净消毒或设施未按规定维护",
    "F12": "无标签或者标签不符合规定的预包装食品",
    "F13": "未按要求贮存食品",
    "F14": "经营病死或者未经检疫的肉类",
    "D01": "销售超过有效期的药品（劣药）",
    "D02": "诊所、卫生室使用过期药品",
    "D03": "销售假药（以非药品冒充药品）",
    "D04": "未凭处方销售处方药",
    "D05": "执业药师不在岗仍销售处方药",
    "D06": "从非法渠道购进药品",
    "D07": "未取得药品经营许可证销售药品",
    "D08": "药品储存不符合经营质量管理规范",
    "D09": "购销记录不真实、不完整",
    "D10": "未按规定建立实施药品追溯制度",
    "D11": "出租、出借药品经营许可证",
    "D12": "中药饮片不符合药品标准（不影响安全有效）",
    "D13": "销售未取得药品批准证明文件的药品",
    "S01": "使用未经定期检验的特种设备",
    "S02": "使用未办理使用登记的特种设备",
    "S03": "未按规定申报定期检验",
    "S04": "使用未取得资格的作业人员",
    "S05": "未配备专职安全管理人员",
    "S06": "电梯维护保养未执行安全技术规范",
    "S07": "未取得许可从事电梯维护保养",
    "S08": "未建立安全技术档案或未设置登记、检验标志",
    "S09": "未进行经常性维护保养和定期自行检查",
    "S10": "应报废未报废的特种设备继续使用",
    "S11": "使用“三无”小型锅炉",
    "S12": "为不符合安全技术规范的气瓶充装",
    "S13": "大型游乐设施未进行试运行和例行安全检查",
    "S14": "设备故障未全面检查即继续使用",
    "P01": "不标明价格",
    "P02": "不按规定的内容和方式明码标价",
    "P03": "标价之外加价或收取未标明的费用",
    "P04": "结算时反向抹零",
    "P05": "虚构原价、虚假折价",
    "P06": "低价招揽、高价结算",
    "P07": "使用误导性价格标示",
    "P08": "不履行价格承诺",
    "P09": "网络交易首页价格与详情页不一致",
    "P10": "哄抬价格",
    "P11": "不执行政府指导价、政府定价",
    "P12": "谎称政府定价",
}

# ------------------------------------------------------------------ 裁量
DISCRETIONS = {
    "no_penalty_minor": "不予处罚（轻微并及时改正）",
    "no_penalty_first": "不予处罚（首违不罚）",
    "no_penalty_no_fault": "不予处罚（无主观过错；食品为免予处罚并没收）",
    "mitigated": "减轻处罚",
    "lenient": "从轻处罚",
    "normal": "一般",
    "aggravated": "从重处罚",
    "referred": "移送司法机关",
}
NO_PENALTY = ("no_penalty_minor", "no_penalty_first", "no_penalty_no_fault")
# 幅度内的位置：从轻在下部 30%，一般在中部，从重在上部 30%（本教材的裁量约定，见 README）
SHARES = {"lenient": (0.0, 0.3), "normal": (0.3, 0.7), "aggravated": (0.7, 1.0)}
MITIGATED_SHARE = (0.2, 0.9)  # 减轻：法定下限的 20%–90%

# 罚款档（k-匿名的准标识之一）：左闭右开
BANDS = [
    (0, 0, "未罚款"),
    (0.01, 10000, "不足1万元"),
    (10000, 50000, "1万至不足5万元"),
    (50000, 100000, "5万至不足10万元"),
    (100000, 500000, "10万至不足50万元"),
    (500000, math.inf, "50万元以上"),
]
BAND_LABELS = [b[2] for b in BANDS]


def fine_band(fine: float) -> str:
    """罚款金额所在的档。"""
    if fine == 0:
        return BANDS[0][2]
    for lo, hi, label in BANDS[1:]:
        if lo <= fine < hi:
            return label
    raise ValueError(f"罚款金额 {fine} 不在任何档内。")


def band_interval(label: str) -> tuple[float, float]:
    for lo, hi, lab in BANDS:
        if lab == label:
            return lo, hi
    raise ValueError(label)


def discretion_interval(disc: str, lo: float, hi: float) -> tuple[float, float] | None:
    """某一裁量情形下罚款可取的区间（闭区间）；不可能时返回 None。"""
    if disc in NO_PENALTY or disc == "referred":
        return (0.0, 0.0)
    if lo is None:
        return None  # 数额由未收录的文件规定（FineRange.min 为 None）
    if disc == "mitigated":
        if lo <= 0:
            return None
        return (lo * MITIGATED_SHARE[0], lo * MITIGATED_SHARE[1])
    a, b = SHARES[disc]
    w = hi - lo
    return (lo + a * w, lo + b * w)


def fine_allowed(disc: str, fine: float, lo: float | None, hi: float | None, mandatory: bool) -> str | None:
    """罚款与裁量情形、法定幅度是否相符；相符（或本工具无从核对）返回 None，否则返回中文原因。

    lo 为 None：数额由本工具未收录的文件规定（食品安全法第一百二十七条的省级办法等），罚款只能对照该文件核对，这里不报问题；
    不予处罚、移送的罚款仍须为 0。"""
    if disc in NO_PENALTY or disc == "referred":
        return None if fine == 0 else f"{DISCRETIONS[disc]}的案例罚款应为 0，实为 {fine:,.2f} 元"
    if lo is None:
        return None
    if hi is None:
        return "法定幅度无上限，本教材案例不使用此类规则"
    if fine > hi + 1e-6:
        return f"罚款 {fine:,.2f} 元超过法定上限 {hi:,.2f} 元"
    if disc == "mitigated":
        if not (0 < fine < lo):
            return f"减轻处罚的罚款应低于法定下限 {lo:,.2f} 元且大于 0，实为 {fine:,.2f} 元"
        return None
    if fine == 0 and (not mandatory or hi == 0):
        return None  # 可以处罚款而未处，或本档不设罚款（如未逾期改正时只警告）
    a, b = discretion_interval(disc, lo, hi)
    if not (a - 0.01 <= fine <= b + 0.01):
        return (f"{DISCRETIONS[disc]}的罚款应在 {a:,.2f} 至 {b:,.2f} 元之间"
                f"（法定幅度 {lo:,.2f} 至 {hi:,.2f} 元），实为 {fine:,.2f} 元")
    return None


# ------------------------------------------------------------------ 一行案例 → 法定后果
def _value(row, key):
    get = row.get if hasattr(row, "get") else (lambda k, d=None: getattr(row, k, d))
    v = get(key, None)
    try:
        if v is None or v != v or str(v).strip() in ("", "nan", "None", "<NA>"):
            return None
    except (TypeError, ValueError):  # pd.NA 的比较
        return None
    return v


NO_APPROVAL_ROLES = ("零售药店", "诊所/卫生室", "无证个人")  # drug_party_role 中不持有药品批准证明文件的


def row_facts(row, rule: penalties.Rule) -> dict:
    """一行案例中 fine_range 需要的事实：金额、经营环节、情节严重、前提、已退还的多收价款。"""
    facts = {k: float(_value(row, k)) for k in ("goods_value", "illegal_income", "sales_amount")
             if _value(row, k) is not None}
    if _value(row, "channel"):
        facts["channel"] = str(_value(row, "channel"))
    if _value(row, "serious") is not None:  # 案例认定了情节严重与否：未认定的以情节严重为前提的处罚不列出
        facts["serious"] = _value(row, "serious") in (True, "True", "true")
    conditional = bool(rule.fine and rule.fine.conditions)
    met = _value(row, "condition_met")
    if conditional and met is not None:
        facts["conditions_met"] = met in (True, "True", "true")
    if _value(row, "drug_party_role") in NO_APPROVAL_ROLES:  # 药店、诊所不持有药品批准证明文件，无从吊销
        facts["holds_approval"] = False
    if _value(row, "refunded") in (True, "True", "true") and facts.get("illegal_income"):
        facts["refunded"] = facts["illegal_income"]
    return facts


def case_range(row) -> penalties.FineRange:
    """按行中的罚则编号与事实算出法定后果（全包只此一处：生成器、读取校验、课程工具都用它）。"""
    rule = penalties.get_rule(str(_value(row, "penalty_rule_id")))
    return penalties.compute(rule, **row_facts(row, rule))


@dataclass(frozen=True)
class Recorded:
    """一件案例应当记录的处罚：处罚种类（行政处罚法第九条）、没收违法所得数额、许可证件处理，以及本案适用的选择性处罚
    （规则写“可以……”的，optional 为其 kind）。"""

    types: tuple[str, ...]
    confiscated_income: float
    license_action: str | None
    confiscates_goods: bool
    optional: tuple[str, ...] = ()


OPTIONAL_SEP = "；"  # optional_sanctions 列中各项的分隔符（处罚名称本身含顿号）


def optional_kinds(value) -> tuple[str, ...]:
    """optional_sanctions 列的取值 → 处罚名称的元组（空值为空元组）。"""
    if value is None or not isinstance(value, str) or not value.strip():
        return ()
    return tuple(k.strip() for k in value.split(OPTIONAL_SEP) if k.strip())


def recorded_sanctions(r: penalties.FineRange, disc: str, *, fine: float, domain: str = "",
                       optional: tuple[str, ...] = ()) -> Recorded:
    """法定后果 r 在裁量情形 disc、罚款 fine 之下应当记录的处罚：规则写明且前提具备的必处项，加上本案适用的选择性处罚
    optional（须是规则写“可以……”且前提具备的项，否则抛出中文 ValueError：行政处罚法第三十八条）。处罚到人的不计入；
    “责令停产停业，直至吊销许可证”“停业整顿或者吊销营业执照”这类选择、递进的处罚记第一项，即最轻的一项。

    不予处罚、移送司法机关：不作处罚（移送时罚款由司法程序之后决定，行政处罚法第二十七条）。
    食品无主观过错（食品安全法第一百三十六条）：免予罚款，但应当依法没收不符合食品安全标准的食品。
    """
    allowed = {s.kind: s for s in r.sanctions if not s.mandatory and s.applies is True and s.types}
    wrong = [k for k in optional if k not in allowed]
    if wrong:
        raise ValueError("“" + "、".join(wrong) + "”不是本案罚则规定的、前提具备的选择性处罚（规则写“可以……”的项）："
                         "没有依据的处罚无效（行政处罚法第三十八条）。")
    if disc == "referred" or (disc in NO_PENALTY and not (disc == "no_penalty_no_fault" and domain == "food")):
        if optional:
            raise ValueError("不予处罚或移送司法机关的案例不能记录选择性处罚。")
        return Recorded(("无",), 0.0, None, False)
    if disc == "no_penalty_no_fault":
        return Recorded(("没收非法财物",), 0.0, None, True)
    chosen = [s for s in r.sanctions if (s.mandatory and s.applies is True and s.types) or s.kind in optional]
    types: list[str] = []
    income = 0.0
    licence = []
    for s in chosen:
        if "没收违法所得" in s.types:
            if s.amount:
                income = s.amount
                types.append("没收违法所得")
        types += [t for t in s.types if t != "没收违法所得"]
        if {"吊销许可证件", "责令停产停业"} & set(s.types):
            licence.append(s.first_step)
    if fine > 0:
        types.append("罚款")
    order = penalties.PENALTY_TYPES
    out = tuple(sorted(set(types), key=order.index)) or ("无",)
    return Recorded(out, round(income, 2), "；".join(dict.fromkeys(licence)) or None, "没收非法财物" in out,
                    tuple(k for k in allowed if k in optional))
