"""案例生成的公共部分：列、裁量规则、罚款档、分组（k-匿名）与写出。

每个领域模块（food、drug、special_equipment、price）给出一组 `Template`（违法类别模板）；
本模块据此生成案例：法定幅度一律由 `scjg.penalties.fine_range` 计算，罚款按裁量情形落在幅度的相应部分。
"""
from __future__ import annotations

import datetime as dt
import math
import random
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable

import pandas as pd

from scjg import laws, penalties

DOMAINS = ("food", "drug", "special_equipment", "price")
DOMAIN_NAMES = {"food": "食品安全", "drug": "药品", "special_equipment": "特种设备", "price": "价格"}
SEED = 20240915
YEARS = (2023, 2024)

# 虚构的地区（县级），每个案例只记到县级
REGIONS = ("某省甲市乙县", "某省甲市丙县", "某省丁市戊区")
SURNAMES = "张王李赵刘陈杨黄周吴徐孙马朱胡郭何林罗高"

# ------------------------------------------------------------------ 列
COMMON_COLUMNS = [
    "case_id", "domain", "decision_no", "procedure", "party_name", "party_category", "entity_form",
    "legal_rep", "region", "business_format", "case_source", "filing_date", "decision_date", "year",
    "violation_type", "violation_name", "violation_facts", "evidence", "violated_provision",
    "penalty_rule_id", "penalty_basis", "channel", "serious", "condition_met", "discretion",
    "discretion_basis", "penalty_types", "order_correct", "goods_value", "illegal_income",
    "sales_amount", "fine_amount", "confiscated_income", "confiscated_goods", "license_action",
    "statutory_min", "statutory_max", "referred_to_police", "referral_basis", "first_offense",
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

# ------------------------------------------------------------------ 裁量
DISCRETIONS = {
    "no_penalty_minor": "不予处罚（轻微并及时改正）",
    "no_penalty_first": "不予处罚（首违不罚）",
    "no_penalty_no_fault": "不予处罚（无主观过错）",
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
    if disc == "mitigated":
        if lo <= 0:
            return None
        return (lo * MITIGATED_SHARE[0], lo * MITIGATED_SHARE[1])
    a, b = SHARES[disc]
    w = hi - lo
    return (lo + a * w, lo + b * w)


def fine_allowed(disc: str, fine: float, lo: float, hi: float | None, mandatory: bool) -> str | None:
    """罚款与裁量情形、法定幅度是否相符；相符返回 None，否则返回中文原因。"""
    if hi is None:
        return "法定幅度无上限，本教材案例不使用此类规则"
    if fine > hi + 1e-6:
        return f"罚款 {fine:,.2f} 元超过法定上限 {hi:,.2f} 元"
    if disc in NO_PENALTY or disc == "referred":
        return None if fine == 0 else f"{DISCRETIONS[disc]}的案例罚款应为 0，实为 {fine:,.2f} 元"
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


def _verbatim(law: str, art: int, frag: str) -> str:
    if not laws.is_verbatim(law, art, frag):  # pragma: no cover - 数据校对
        raise ValueError(f"《{law}》第{art}条中找不到“{frag}”")
    return frag


def discretion_basis(disc: str, *, extra: str = "") -> str:
    """裁量依据（中文）；引用的法条片段在生成时逐字核对。"""
    L = "行政处罚法"
    if disc == "no_penalty_minor":
        s = f"《行政处罚法》第三十三条第一款：{_verbatim(L, 33, '违法行为轻微并及时改正，没有造成危害后果的，不予行政处罚')}"
    elif disc == "no_penalty_first":
        s = (f"《行政处罚法》第三十三条第一款：{_verbatim(L, 33, '初次违法且危害后果轻微并及时改正的，可以不予行政处罚')}"
             "；参照本地首违不罚清单")
    elif disc == "no_penalty_no_fault":
        s = f"《行政处罚法》第三十三条第二款：{_verbatim(L, 33, '当事人有证据足以证明没有主观过错的，不予行政处罚')}"
    elif disc == "mitigated":
        s = f"《行政处罚法》第三十二条第（一）项：{_verbatim(L, 32, '主动消除或者减轻违法行为危害后果的')}，依法减轻处罚"
    elif disc == "lenient":
        s = f"《行政处罚法》第三十二条第（一）项：{_verbatim(L, 32, '主动消除或者减轻违法行为危害后果的')}，依法从轻处罚"
    elif disc == "normal":
        s = "无法定从轻、减轻或者从重情节，依照本地行政处罚裁量基准按一般情形处罚"
    elif disc == "aggravated":
        s = "依照本地行政处罚裁量基准从重处罚（二年内再次实施同类违法行为或者造成危害后果）"
    elif disc == "referred":
        s = f"《行政处罚法》第二十七条第一款：{_verbatim(L, 27, '违法行为涉嫌犯罪的，行政机关应当及时将案件移送司法机关')}"
    else:
        raise ValueError(disc)
    return s + (f"；{extra}" if extra else "")


# ------------------------------------------------------------------ 模板
@dataclass
class Template:
    """一个违法类别的模板：法律逻辑（违反条款、罚则编号）与案情生成。

    facts(rng, variant) 返回案情字典：goods_value / illegal_income / sales_amount（元或 None）、
    serious、text（违法事实主体，不含裁量与结尾）、以及领域列（键名同列名）。
    """

    code: str
    name: str
    violated: str | dict               # 违反条款，如“《食品安全法》第三十四条第（十）项”；dict 表示按 variant 取
    rule_id: str | dict | None         # 罚则编号；dict 表示按 variant 取
    formats: list[str]
    parties: list[tuple[str, str, str]]  # (party_category, entity_form, 名称后缀)
    facts: Callable[[random.Random, str], dict]
    weights: dict[str, float]          # 裁量情形的权重
    variants: dict[str, float] = field(default_factory=lambda: {"": 1.0})
    groups: int = 2                    # 分组数（每组 5–7 件，同地区、业态、年份、类别、罚款档）
    channel: str | None = None
    sources: list[str] = field(default_factory=lambda: ["日常检查", "双随机抽查"])
    evidence: str = "现场笔录、询问笔录、现场照片"
    referral: Callable[[dict, str], str | None] = lambda facts, variant: None
    allowed: Callable[[str, dict, str], bool] = lambda disc, facts, variant: True
    confiscated_goods: Callable[[dict], str | None] = lambda facts: None
    license_action: str | None = None  # 从重时附加的许可处理（类型，不含编号）
    leads: tuple = ()                  # 可选：各组的主导裁量情形（按组序），保证教学需要的情形出现

    def violated_for(self, variant: str) -> str:
        return self.violated.get(variant) if isinstance(self.violated, dict) else self.violated

    def rule_for(self, variant: str) -> str | None:
        return self.rule_id.get(variant) if isinstance(self.rule_id, dict) else self.rule_id


SOURCE_PHRASE = {
    "日常检查": "在日常监督检查中",
    "双随机抽查": "在“双随机、一公开”抽查中",
    "监督抽检": "根据监督抽检结果",
    "投诉举报": "根据消费者投诉举报",
    "上级交办/移送": "根据上级部门交办线索",
    "网络监测": "在网络交易监测中",
    "专项行动": "在专项整治行动中",
}


def cn_date(d: dt.date) -> str:
    return f"{d.year}年{d.month}月{d.day}日"


def money(x: float) -> str:
    """叙述中的金额：整数不带小数。"""
    return f"{x:.0f}" if float(x) == int(x) else f"{x:.2f}"


def lot(rng: random.Random, price: tuple[float, float], qty: tuple[int, int], sold: tuple[float, float],
        margin: tuple[float, float]) -> tuple[float, int, float, int, float]:
    """一批货：单价、数量、货值、已售数量、违法所得（已售部分的进销差价）。"""
    p = round(rng.uniform(*price), 1)
    q = rng.randint(*qty)
    s = int(q * rng.uniform(*sold))
    return p, q, round(p * q, 2), s, round(s * p * rng.uniform(*margin), 2)


def amounts_text(goods: float, income: float) -> str:
    """案情中的金额句：货值金额，及违法所得或“尚未售出”。"""
    return f"货值金额{money(goods)}元" + (f"，违法所得{money(income)}元。" if income else "，尚未售出，无违法所得。")


def _round_in(a: float, b: float, rng: random.Random) -> float | None:
    """在 [a, b] 中取一个“好看”的金额（按 1000/100/10/1 元取整），取不到返回 None。"""
    if b < a:
        return None
    for step in (1000, 100, 10, 1, 0.01):
        lo, hi = math.ceil(a / step - 1e-9), math.floor(b / step + 1e-9)
        if lo <= hi and (hi - lo >= 3 or step == 0.01 or (lo <= hi and step <= 10)):
            return round(rng.randint(lo, hi) * step, 2)
    return None


# ------------------------------------------------------------------ 生成
CLOSING = {
    "no_penalty_minor": "当事人违法行为轻微，已及时改正，没有造成危害后果。本局决定不予行政处罚，并对当事人进行了教育。",
    "no_penalty_first": "当事人系初次违法，危害后果轻微，已及时改正。本局决定不予行政处罚，并对当事人进行了教育。",
    "no_penalty_no_fault": "当事人提供了合法进货来源和查验记录等证据，足以证明其没有主观过错。本局决定不予行政处罚，并对当事人进行了教育。",
    "mitigated": "案发后当事人主动下架、召回涉案产品，主动消除违法行为危害后果，本局依法减轻处罚。",
    "lenient": "当事人积极配合调查，主动改正，本局依法从轻处罚。",
    "normal": "当事人对违法事实无异议，无法定从轻、减轻或者从重情节，本局按一般情形处罚。",
    "aggravated": "经查当事人二年内曾因同类违法行为受过行政处罚，本局依法从重处罚。",
    "referred": "当事人的行为涉嫌犯罪，本局依法将案件移送公安机关。",
}


def _flags(disc: str, rng: random.Random, conditional_met: bool | None) -> tuple[bool, bool, str]:
    """首次违法、及时改正、危害后果：由裁量情形决定，保持与第三十二条、第三十三条的逻辑一致。"""
    if disc == "no_penalty_minor":
        return rng.random() < 0.7, True, "none"
    if disc == "no_penalty_first":
        return True, True, "minor"
    if disc == "no_penalty_no_fault":
        return True, True, "none"
    if disc == "aggravated":
        return False, conditional_met is not True and rng.random() < 0.3, rng.choice(["minor", "actual"])
    if disc == "referred":
        return rng.random() < 0.6, False, rng.choice(["minor", "actual"])
    rectified = conditional_met is not True and (disc in ("mitigated", "lenient") or rng.random() < 0.7)
    return rng.random() < 0.85, rectified, "none" if disc in ("mitigated", "lenient") else rng.choice(["none", "minor"])


def _party(t: Template, rng: random.Random, region: str) -> tuple[str, str, str]:
    cat, form, suffix = rng.choice(t.parties)
    county = region.split("市")[-1]
    if cat == "natural_person":
        return cat, form, f"{rng.choice(SURNAMES)}某"
    if cat == "individual_business":
        return cat, form, f"{county}某某{suffix}"
    return cat, form, f"某某{suffix}"


def _authority(region: str) -> str:
    return region.split("市")[-1] + "市场监督管理局"


def _short(region: str) -> str:
    return region.split("市")[-1][0]


@dataclass
class _Group:
    region: str
    fmt: str
    year: int
    variant: str
    band: str


def _case_range(t: Template, variant: str, facts: dict, condition_met: bool | None) -> penalties.FineRange:
    rid = t.rule_for(variant)
    rule = penalties.get_rule(rid)
    kw = {k: facts[k] for k in ("goods_value", "illegal_income", "sales_amount") if facts.get(k) is not None}
    if t.channel:
        kw["channel"] = t.channel
    if facts.get("serious"):
        kw["serious"] = True
    if rule.fine and rule.fine.conditions:
        kw["conditions_met"] = bool(condition_met)
    item = rule.items[0] if rule.items else None
    return penalties.fine_range(rule.law, rule.article, rule.paragraph, item, rule_id=rid, **kw)


def _pick(weights: dict[str, float], rng: random.Random) -> str:
    keys = sorted(weights)
    return rng.choices(keys, weights=[weights[k] for k in keys])[0]


def generate_domain(domain: str, templates: list[Template], seed: int = SEED) -> pd.DataFrame:
    """按模板生成一个领域的案例（DataFrame，列为 COLUMNS）。相同 seed 结果相同。"""
    rng = random.Random(f"{seed}:{domain}")
    rows: list[dict] = []
    counter = {y: 0 for y in YEARS}
    for t in templates:
        for g in range(t.groups):
            grp_rng = random.Random(f"{seed}:{domain}:{t.code}:{g}")
            rows.extend(_make_group(domain, t, grp_rng, counter, t.leads[g] if g < len(t.leads) else None))
    # 编号与文书号按决定日期排序后分配
    rows.sort(key=lambda r: (r["decision_date"], r["violation_type"], r["violation_facts"]))
    prefix = {"food": "F", "drug": "D", "special_equipment": "S", "price": "P"}[domain]
    for i, r in enumerate(rows, 1):
        r["case_id"] = f"{domain}-{i:04d}"
        y = r["year"]
        counter[y] += 1
        kind = {"ordinary": "处罚", "summary": "当罚", "not_punished": "不罚", "transferred": "移"}[r["procedure"]]
        r["decision_no"] = f"{_short(r['region'])}市监{kind}〔{y}〕{prefix}{counter[y]:03d}号"
    df = pd.DataFrame(rows)
    for c in COLUMNS:
        if c not in df:
            df[c] = None
    return df[COLUMNS]


def _make_group(domain: str, t: Template, rng: random.Random, counter, lead0: str | None = None) -> list[dict]:
    for _ in range(200):
        variant = _pick(t.variants, rng)
        lead = lead0 or _pick({d: w for d, w in t.weights.items()}, rng)
        region, fmt, year = rng.choice(REGIONS), rng.choice(t.formats), rng.choice(YEARS)
        size = rng.randint(5, 7)
        cases = []
        band = None
        tries = 0
        while len(cases) < size and tries < 400:
            tries += 1
            if band is None:  # 第一件按本组的主导裁量情形生成，决定本组罚款档
                disc_weights = {lead: 1.0}
            else:
                disc_weights = dict(t.weights)
                disc_weights[lead] = disc_weights.get(lead, 0) * 2 + 1e-9
            c = _make_case(domain, t, rng, variant, region, fmt, year, disc_weights, band)
            if c is None:
                continue
            if band is None:
                band = c["fine_band"]
            cases.append(c)
        if len(cases) >= 5:
            return cases
    raise RuntimeError(f"{t.code} 无法生成满足 k-匿名的案例组")  # pragma: no cover


def _make_case(domain, t: Template, rng, variant, region, fmt, year, disc_weights, band) -> dict | None:
    facts = t.facts(rng, variant)
    facts["format"] = fmt
    referral = t.referral(facts, variant)
    rid0 = t.rule_for(variant)
    rule0 = penalties.get_rule(rid0) if rid0 else None
    conditional = bool(rule0 and rule0.fine and rule0.fine.conditions)
    condition_met = None
    if conditional:
        condition_met = rng.random() < 0.45
    # 可选的裁量情形
    options = {}
    for disc, w in disc_weights.items():
        if w <= 0:
            continue
        if referral and disc != "referred":
            continue
        if not referral and disc == "referred":
            continue
        if disc in NO_PENALTY and condition_met:
            continue
        if not t.allowed(disc, facts, variant):
            continue
        options[disc] = w
    if not options:
        return None
    disc = _pick(options, rng)
    if conditional and disc in NO_PENALTY:
        condition_met = False
    if conditional and not condition_met and disc not in NO_PENALTY:
        disc = "normal"  # 前提不具备：只警告，按一般情形
    if rid0 is None:  # 罚则不在法规库中：只收不予处罚案例，不写金额
        if disc not in NO_PENALTY:
            return None
        rng_ = penalties.FineRange(0, 0, False, "", "")
        lo = hi = None
    else:
        rng_ = _case_range(t, variant, facts, condition_met)
        lo, hi = rng_.min, rng_.max
    if hi is None and rid0 is not None:
        return None
    iv = (0.0, 0.0) if rid0 is None else discretion_interval(disc, lo, hi)
    if iv is None:
        return None
    a, b = iv
    if band is not None:
        blo, bhi = band_interval(band)
        a, b = max(a, blo), min(b, bhi - 0.01 if math.isfinite(bhi) else b)
    if disc in NO_PENALTY or disc == "referred":
        fine = 0.0
        if band is not None and band != BANDS[0][2]:
            return None
    elif a == b == 0:
        fine = 0.0
        if band is not None and band != BANDS[0][2]:
            return None
    else:
        if not rng_.mandatory and lo == 0 and a == 0:
            a = min(b, max(a, 200.0))  # 可以处罚款时，本教材的从轻案例仍处少量罚款
        fine = _round_in(max(a, 0.01), b, rng)
        if fine is None:
            return None
    problem = None if rid0 is None else fine_allowed(disc, fine, lo, hi, rng_.mandatory)
    if problem:
        return None
    first, rectified, harm = _flags(disc, rng, condition_met)
    # 日期
    start = dt.date(year, 1, 5) + dt.timedelta(days=rng.randint(0, 250))
    filing = start
    decision = filing + dt.timedelta(days=(rng.randint(1, 10) if disc in ("no_penalty_minor", "no_penalty_first")
                                           else rng.randint(20, 85)))
    source = rng.choice(t.sources)
    cat, form, pname = _party(t, rng, region)
    rid = t.rule_for(variant)
    rule = penalties.get_rule(rid) if rid else None
    body = facts["text"]
    if conditional:
        if condition_met:
            body += "执法人员当场责令其限期改正；期满复查时，当事人仍未改正，属于拒不改正（逾期未改正）。"
        elif disc not in NO_PENALTY:
            body += "执法人员当场责令其改正，当事人已按要求改正。"
    closing = CLOSING[disc]
    if conditional and not condition_met and disc not in NO_PENALTY:
        closing = "当事人经责令已改正，不具备罚款的前提条件，本局依法给予警告。"
    elif disc == "referred" and referral:
        closing = f"当事人的行为涉嫌违反{referral}，本局依法将案件移送公安机关。"
    elif disc == "aggravated":
        first = False
    narrative = (f"{cn_date(filing)}，本局执法人员{SOURCE_PHRASE[source]}，对当事人的经营场所（{fmt}）依法开展检查。{body}"
                 f"上述事实有{t.evidence}等证据证实。{closing}")
    narrative = narrative.replace("。。", "。")
    if len(narrative) < 150:
        narrative = narrative.replace(f"上述事实有{t.evidence}", f"当事人对上述事实无异议，未提出陈述、申辩意见。上述事实有{t.evidence}")
    penalty_types = []
    if fine == 0 and conditional and not condition_met and disc not in NO_PENALTY:
        penalty_types.append("警告")
    elif fine == 0 and disc in ("lenient", "normal", "aggravated"):
        penalty_types.append("警告")
    elif disc == "normal" and rule and rule.fine is None:
        penalty_types.append("警告")
    conf_income = 0.0
    income = facts.get("illegal_income") or 0.0
    if disc not in NO_PENALTY and disc != "referred" and income > 0 and rule and any(
            "没收违法所得" in s for s in rule.other_sanctions):
        penalty_types.append("没收违法所得")
        conf_income = income
    goods = t.confiscated_goods(facts)
    if goods and (disc not in NO_PENALTY or disc == "no_penalty_no_fault") and disc != "referred":
        penalty_types.append("没收非法财物")
    if fine > 0:
        penalty_types.append("罚款")
    lic = None
    if disc == "aggravated" and t.license_action:
        lic = t.license_action
        penalty_types.append("责令停产停业" if "停" in lic else "吊销许可证件")
    if not penalty_types:
        penalty_types = ["无"]
    procedure = ("not_punished" if disc in NO_PENALTY else "transferred" if disc == "referred"
                 else "summary" if fine == 0 and penalty_types == ["警告"] else "ordinary")
    extra = ""
    if disc == "no_penalty_no_fault" and domain == "food":
        extra = "《食品安全法》第一百三十六条（履行进货查验义务、如实说明进货来源的，可以免予处罚）"
    if disc == "mitigated" and domain == "price":
        extra = "《明码标价和禁止价格欺诈规定》第二十六条第一款"
    if disc in ("no_penalty_minor", "no_penalty_first") and domain == "price":
        extra = "《明码标价和禁止价格欺诈规定》第二十六条第二款"
    if conditional and not condition_met and disc not in NO_PENALTY:
        dbasis = f"{rule.citation}：罚款以“{'、'.join(rule.fine.conditions)}”为前提，当事人已改正，依法给予警告"
    else:
        dbasis = discretion_basis(disc, extra=extra)
    row = {
        "domain": domain, "procedure": procedure, "party_name": pname, "party_category": cat,
        "entity_form": form, "legal_rep": f"{rng.choice(SURNAMES)}{rng.choice(['某', '某某'])}",
        "region": region, "business_format": fmt, "case_source": source,
        "filing_date": filing.isoformat(), "decision_date": decision.isoformat(), "year": decision.year,
        "violation_type": t.code, "violation_name": t.name, "violation_facts": narrative,
        "evidence": t.evidence, "violated_provision": t.violated_for(variant),
        "penalty_rule_id": rid or "",
        "penalty_basis": f"{rule.citation}（罚则编号 {rid}）" if rule else facts.get("basis_text", ""),
        "channel": t.channel or "", "serious": bool(facts.get("serious", False)),
        "condition_met": condition_met,
        "discretion": disc, "discretion_basis": dbasis, "penalty_types": "、".join(penalty_types),
        "order_correct": disc != "referred",
        "goods_value": facts.get("goods_value"), "illegal_income": facts.get("illegal_income"),
        "sales_amount": facts.get("sales_amount"), "fine_amount": fine,
        "confiscated_income": conf_income, "confiscated_goods": goods if "没收非法财物" in penalty_types else None,
        "license_action": lic,
        "statutory_min": lo, "statutory_max": hi, "referred_to_police": disc == "referred",
        "referral_basis": referral or "", "first_offense": first, "rectified": rectified, "harm": harm,
        "fine_band": fine_band(fine), "authority": _authority(region), "is_synthetic": True,
    }
    for c in DOMAIN_COLUMNS[domain]:
        row[c] = facts.get(c)
    n = len(narrative)
    if not 150 <= n <= 400:
        raise ValueError(f"{t.code} 的违法事实长度 {n} 不在 150–400 字之间：{narrative}")
    return row


def write_csv(df: pd.DataFrame, path: Path) -> Path:
    """写出 UTF-8 CSV（无 BOM、LF 换行），逐字节可复现。"""
    path.parent.mkdir(parents=True, exist_ok=True)
    df.to_csv(path, index=False, encoding="utf-8", lineterminator="\n", float_format="%.2f")
    return path
