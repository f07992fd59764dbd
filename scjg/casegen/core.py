"""案例生成的公共部分：裁量依据、分组（k-匿名）、一件案例的生成与写出（列与裁量规则见 scjg.schema）。

每个领域模块（food、drug、special_equipment、price）给出一组 `Template`（违法类别模板）；
本模块据此生成案例：法定后果（罚款幅度、情节严重、其他处罚）一律由 scjg.schema.case_range（即罚则引擎）
按案件事实算出，罚款按裁量情形落在幅度的相应部分，记录的处罚种类取自引擎给出的必处项（recorded_sanctions），
事实支持时再按种子加上选择性处罚（“可以没收……”，见 _apply_optional）。
"""
from __future__ import annotations

import datetime as dt
import math
import random
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable

import pandas as pd

from scjg import penalties
from scjg.casegen import outcome
from scjg.schema import (BANDS, COLUMNS, DOMAIN_COLUMNS, NO_PENALTY, Recorded, band_interval, case_range,
                         discretion_interval, fine_allowed, fine_band, recorded_sanctions)

SEED = 20240915
YEARS = (2023, 2024)

# 虚构的地区（县级），每个案例只记到县级
REGIONS = ("某省甲市乙县", "某省甲市丙县", "某省丁市戊区")
SURNAMES = "张王李赵刘陈杨黄周吴徐孙马朱胡郭何林罗高"


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
    optional_goods: Callable[[dict], str | None] = lambda row: None  # 事实支持“可以没收”时被没收的物品（按业态等）
    leads: tuple = ()                  # 可选：各组的主导裁量情形（按组序），保证教学需要的情形出现
    tag_rules: bool = False            # 违反明码标价和禁止价格欺诈规定（退还多收价款的依第二十六条第一款从轻或者减轻）
    domain: str = ""                   # 由 generate_domain 填写

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


def _pick(weights: dict[str, float], rng: random.Random) -> str:
    keys = sorted(weights)
    return rng.choices(keys, weights=[weights[k] for k in keys])[0]


def generate_domain(domain: str, templates: list[Template], seed: int = SEED) -> pd.DataFrame:
    """按模板生成一个领域的案例（DataFrame，列为 COLUMNS）。相同 seed 结果相同。"""
    rows: list[dict] = []
    counter = {y: 0 for y in YEARS}
    for t in templates:
        t.domain = domain
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
    by_code = {t.code: t for t in templates}
    for r in rows:
        _apply_optional(by_code[r["violation_type"]], r, seed)
    df = pd.DataFrame(rows)
    for c in COLUMNS:
        if c not in df:
            df[c] = None
    return df[COLUMNS]


OPTIONAL_SHARE = 0.4                               # 事实支持时适用选择性处罚的案例比例（按案例编号取种子）
OPTIONAL_DISCRETIONS = ("lenient", "normal", "aggravated")


def _apply_optional(t: Template, row: dict, seed: int) -> None:
    """选择性处罚（罚则写“可以没收……”）：事实支持时（模板给出可没收的物品）按种子在约四成案例中适用，
    记入 optional_sanctions，并相应记录处罚种类和没收的物品。用单独的种子，不改变其他案例和其他列。"""
    goods = t.optional_goods(row)
    if not goods or row["discretion"] not in OPTIONAL_DISCRETIONS or not row["penalty_rule_id"]:
        return
    if random.Random(f"{seed}:{row['case_id']}:optional").random() >= OPTIONAL_SHARE:
        return
    fr = case_range(row)
    kinds = tuple(s.kind for s in fr.sanctions if not s.mandatory and s.applies is True and "没收非法财物" in s.types)
    if not kinds:
        return
    rec = recorded_sanctions(fr, row["discretion"], fine=row["fine_amount"], domain=row["domain"], optional=kinds)
    row["penalty_types"] = "、".join(rec.types)
    row["optional_sanctions"] = "；".join(rec.optional)
    row["confiscated_goods"] = "；".join(g for g in (row["confiscated_goods"], goods) if g)


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
    """一件案例：案情 → 法定后果（引擎）→ 裁量情形 → 罚款 → 应记录的处罚 → 叙述与一行数据；不合组时返回 None。"""
    facts = t.facts(rng, variant)
    facts["format"] = fmt
    rid = t.rule_for(variant)
    rule = penalties.get_rule(rid) if rid else None
    conditional = bool(rule and rule.fine and rule.fine.conditions)
    warns = bool(rule and any(s.kind == "警告" for s in rule.sanctions))
    condition_met = (rng.random() < 0.45 or not warns) if conditional else None
    referral = t.referral(facts, variant)
    fr = _range(t, rid, facts, condition_met) if rule else None
    options = outcome.allowed(t, rule, fr, facts, variant, referral, condition_met, disc_weights)
    if not options:
        return None
    disc = _pick(options, rng)
    if conditional and disc in NO_PENALTY:
        condition_met = False
    warning_only = conditional and not condition_met and disc not in NO_PENALTY
    if warning_only:
        disc = "normal"  # 前提不具备：只警告，按一般情形
    if rule is None and disc not in NO_PENALTY:
        return None  # 罚则不在法规库中：只收不予处罚案例，不写金额
    if rule is not None:
        fr = _range(t, rid, facts, condition_met)
        if not fr.known or fr.max is None:
            return None  # 数额由未收录的文件规定或无上限：本教材的案例不用
    fine = _fine(disc, fr, band, rng)
    if fine is None:
        return None
    rec = recorded_sanctions(fr, disc, fine=fine, domain=domain) if fr else Recorded(("无",), 0.0, None, False)
    return _row(domain, t, rng, variant, region, fmt, year, facts, rule, fr, disc, fine, rec,
                condition_met, referral, warning_only)


def _range(t: Template, rid: str, facts: dict, condition_met) -> penalties.FineRange:
    """按与读取校验相同的方式（scjg.schema.case_range）算出法定后果。"""
    row = {k: facts.get(k) for k in ("goods_value", "illegal_income", "sales_amount", "refunded")}
    row.update(penalty_rule_id=rid, channel=t.channel or "", serious=bool(facts.get("serious")),
               condition_met=condition_met)
    return case_range(row)


def _fine(disc: str, fr: penalties.FineRange | None, band: str | None, rng) -> float | None:
    """裁量情形下的罚款（与本组罚款档一致）；取不到时返回 None。"""
    if fr is None or disc in NO_PENALTY or disc == "referred":
        return 0.0 if band in (None, BANDS[0][2]) else None
    lo, hi = fr.min, fr.max
    iv = discretion_interval(disc, lo, hi)
    if iv is None:
        return None
    a, b = iv
    if band is not None:
        blo, bhi = band_interval(band)
        a, b = max(a, blo), min(b, bhi - 0.01 if math.isfinite(bhi) else b)
    if a == b == 0:
        return 0.0 if band in (None, BANDS[0][2]) else None
    if not fr.mandatory and lo == 0 and a == 0:
        a = min(b, max(a, 200.0))  # 可以处罚款时，本教材的从轻案例仍处少量罚款
    fine = _round_in(max(a, 0.01), b, rng)
    if fine is None or fine_allowed(disc, fine, lo, hi, fr.mandatory):
        return None
    return fine


def _narrative(t: Template, rng, fmt, filing, source, facts, disc, fr, conditional, condition_met, referral,
               warning_only, rec: Recorded) -> str:
    body = facts["text"]
    if conditional:
        if condition_met:
            body += "执法人员当场责令其限期改正；期满复查时，当事人仍未改正，属于拒不改正（逾期未改正）。"
        elif disc not in NO_PENALTY:
            body += "执法人员当场责令其改正，当事人已按要求改正。"
    end = outcome.closing(disc, t, fr, facts, referral, warning_only, rec.license_action)
    text = (f"{cn_date(filing)}，本局执法人员{SOURCE_PHRASE[source]}，对当事人的经营场所（{fmt}）依法开展检查。{body}"
            f"上述事实有{t.evidence}等证据证实。{end}").replace("。。", "。")
    if len(text) < 150:
        text = text.replace(f"上述事实有{t.evidence}", f"当事人对上述事实无异议，未提出陈述、申辩意见。上述事实有{t.evidence}")
    if not 150 <= len(text) <= 420:
        raise ValueError(f"{t.code} 的违法事实长度 {len(text)} 不在 150–420 字之间：{text}")
    return text


def _row(domain, t: Template, rng, variant, region, fmt, year, facts, rule, fr, disc, fine, rec: Recorded,
         condition_met, referral, warning_only) -> dict:
    """一行案例数据（列见 scjg.schema.COLUMNS）。"""
    conditional = bool(rule and rule.fine and rule.fine.conditions)
    first, rectified, harm = _flags(disc, rng, condition_met)
    if disc == "aggravated":
        first = False
    filing = dt.date(year, 1, 5) + dt.timedelta(days=rng.randint(0, 250))
    decision = filing + dt.timedelta(days=(rng.randint(1, 10) if disc in ("no_penalty_minor", "no_penalty_first")
                                           else rng.randint(20, 85)))
    source = rng.choice(t.sources)
    cat, form, pname = _party(t, rng, region)
    narrative = _narrative(t, rng, fmt, filing, source, facts, disc, fr, conditional, condition_met, referral,
                           warning_only, rec)
    goods = t.confiscated_goods(facts) if rec.confiscates_goods else None
    procedure = ("transferred" if disc == "referred"
                 else "not_punished" if rec.types == ("无",) and disc in NO_PENALTY
                 else "summary" if fine == 0 and rec.types == ("警告",) else "ordinary")
    row = {
        "domain": domain, "procedure": procedure, "party_name": pname, "party_category": cat,
        "entity_form": form, "legal_rep": f"{rng.choice(SURNAMES)}{rng.choice(['某', '某某'])}",
        "region": region, "business_format": fmt, "case_source": source,
        "filing_date": filing.isoformat(), "decision_date": decision.isoformat(), "year": decision.year,
        "violation_type": t.code, "violation_name": t.name, "violation_facts": narrative,
        "evidence": t.evidence, "violated_provision": t.violated_for(variant),
        "penalty_rule_id": rule.id if rule else "",
        "penalty_basis": f"{rule.citation}（罚则编号 {rule.id}）" if rule else facts.get("basis_text", ""),
        "channel": t.channel or "", "serious": bool(fr.serious) if fr else False,
        "condition_met": condition_met,
        "discretion": disc, "discretion_basis": outcome.basis(disc, t, rule, fr, facts, warning_only),
        "penalty_types": "、".join(rec.types),
        "order_correct": disc != "referred",
        "goods_value": facts.get("goods_value"), "illegal_income": facts.get("illegal_income"),
        "sales_amount": facts.get("sales_amount"), "fine_amount": fine,
        "confiscated_income": rec.confiscated_income, "confiscated_goods": goods or ("涉案物品" if rec.confiscates_goods else None),
        "license_action": rec.license_action,
        "statutory_min": fr.min if fr else None, "statutory_max": fr.max if fr else None,
        "referred_to_police": disc == "referred",
        "referral_basis": referral or "", "first_offense": first, "rectified": rectified, "harm": harm,
        "fine_band": fine_band(fine), "authority": _authority(region), "is_synthetic": True,
    }
    for c in DOMAIN_COLUMNS[domain]:
        row[c] = facts.get(c)
    return row


def write_csv(df: pd.DataFrame, path: Path) -> Path:
    """写出 UTF-8 CSV（无 BOM、LF 换行），逐字节可复现。"""
    path.parent.mkdir(parents=True, exist_ok=True)
    df.to_csv(path, index=False, encoding="utf-8", lineterminator="\n", float_format="%.2f")
    return path
