"""典型案例数据：读取 datasets/cases/*.csv，按模式（pandera）和罚则引擎逐行校验。

    >>> from scjg import cases
    >>> df = cases.load("food")                 # 英文列名
    >>> df = cases.load("food", chinese=True)   # 中文列名
    >>> allc = cases.load_all()
    >>> merged, report = cases.import_cases("我的案例.xlsx")   # 培训师自己的案例

数据是合成的（见 datasets/cases/README.md）。错误信息为中文，指明行号、案例编号和列。
"""
from __future__ import annotations

import math
from dataclasses import dataclass
from pathlib import Path

import pandas as pd
import pandera.pandas as pa

from scjg import penalties
from scjg.schema import (BAND_LABELS, CATEGORIES, COLUMNS, DISCRETIONS, DOMAIN_NAMES, DOMAINS, NO_PENALTY,
                         case_range, fine_allowed, fine_band, optional_kinds, recorded_sanctions)
from scjg.paths import CASES_DIR

# ------------------------------------------------------------------ 列说明（数据字典的唯一来源）
ENUMS: dict[str, dict[str, str]] = {
    "domain": DOMAIN_NAMES,
    "procedure": {"ordinary": "普通程序", "summary": "简易程序（当场）", "not_punished": "不予处罚决定",
                  "transferred": "移送司法机关"},
    "party_category": {"legal_entity": "法人及非法人组织", "individual_business": "个体工商户",
                       "natural_person": "自然人"},
    "discretion": DISCRETIONS,
    "harm": {"none": "无危害后果", "minor": "危害后果轻微", "actual": "造成危害后果"},
    "channel": {"": "不区分", **penalties.CHANNELS},
}
LISTS: dict[str, list[str]] = {
    "entity_form": ["有限责任公司", "股份有限公司", "个人独资企业", "合伙企业", "个体工商户", "农民专业合作社",
                    "事业单位", "医疗机构", "自然人", "其他"],
    "business_format": ["食品生产", "食品销售", "餐饮服务", "单位食堂", "食用农产品", "小作坊/摊贩", "网络销售",
                        "药品零售", "药品零售连锁门店", "药品批发", "诊所/卫生室", "物业/商场", "住宅小区", "工业企业", "物流/仓储",
                        "游乐场所", "充装站", "维保单位", "酒店/景区/停车场", "教育培训", "其他"],
    "case_source": ["日常检查", "双随机抽查", "监督抽检", "投诉举报", "上级交办/移送", "网络监测", "专项行动"],
    "fine_band": BAND_LABELS,
    "penalty_types": ["无", "警告", "通报批评", "罚款", "没收违法所得", "没收非法财物", "暂扣许可证件", "降低资质等级",
                      "吊销许可证件", "限制开展生产经营活动", "责令停产停业", "责令关闭", "限制从业", "其他"],
}

# 列：(中文名, 类型, 可空, 说明)
SPEC: dict[str, tuple[str, str, bool, str]] = {
    "case_id": ("案例编号", "str", False, "{领域}-{四位序号}，如 food-0001；唯一"),
    "domain": ("领域", "enum", False, "food 食品安全 / drug 药品 / special_equipment 特种设备 / price 价格"),
    "decision_no": ("行政处罚决定书文号", "str", False, "虚构文号，如 乙市监处罚〔2023〕F001号；不是真实文号"),
    "procedure": ("程序", "enum", False, "ordinary 普通程序 / summary 简易程序 / not_punished 不予处罚决定 / transferred 移送"),
    "party_name": ("当事人名称", "str", False, "化名，须含“某”，如 乙县某某便利店、某某商贸有限公司、张某"),
    "party_category": ("行政相对人类别", "enum", False, "legal_entity / individual_business / natural_person"),
    "entity_form": ("主体类型", "enum", False, "有限责任公司、个体工商户、自然人等"),
    "legal_rep": ("法定代表人/负责人/经营者", "str", False, "姓＋某或某某，如 张某；不得出现全名"),
    "region": ("地区", "str", False, "虚构的县级地区，如 某省甲市乙县；不含街道门牌"),
    "business_format": ("业态", "enum", False, "见允许值"),
    "case_source": ("案件来源", "enum", False, "日常检查、双随机抽查、监督抽检、投诉举报等"),
    "filing_date": ("立案日期", "date", False, "ISO 8601（YYYY-MM-DD）"),
    "decision_date": ("处罚决定日期", "date", False, "ISO 8601；不早于立案日期"),
    "year": ("年份", "int", False, "处罚决定日期的年份"),
    "violation_type": ("违法行为类型", "enum", False, "类别代码 F01–F14、D01–D13、S01–S14、P01–P12"),
    "violation_name": ("违法行为名称", "str", False, "类别的中文名称"),
    "violation_facts": ("违法事实", "str", False, "决定书摘要式叙述，150–420 字，已匿名"),
    "evidence": ("证据", "str", True, "以顿号分隔的证据种类"),
    "violated_provision": ("违反条款", "str", False, "如《食品安全法》第三十四条第（十）项"),
    "penalty_rule_id": ("罚则编号", "str", True, "scjg.penalties 中的规则编号；法规库未收录罚则时为空"),
    "penalty_basis": ("处罚依据", "str", False, "法律＋条款项＋罚则编号"),
    "channel": ("经营环节", "enum", True, "production 生产 / wholesale 批发 / retail 零售 / use 使用；空为不区分"),
    "serious": ("情节严重", "bool", False, "由罚则引擎按事实判断（食品安全法实施条例第六十七条）或由案情认定；True 时适用情节严重档"),
    "condition_met": ("罚款前提已具备", "bool", True, "规则以“拒不改正/逾期未改正”为前提时填写；其他为空"),
    "discretion": ("裁量情形", "enum", False, "见允许值"),
    "discretion_basis": ("裁量依据", "str", False, "减轻须引《行政处罚法》第三十二条；不予处罚须引第三十三条；移送须引第二十七条"),
    "penalty_types": ("处罚种类", "list", False, "以顿号分隔，取自《行政处罚法》第九条；未处罚为“无”"),
    "order_correct": ("责令改正", "bool", False, "不是行政处罚"),
    "goods_value": ("货值金额（元）", "float", True, "含已售出部分"),
    "illegal_income": ("违法所得（元）", "float", True, ""),
    "sales_amount": ("销售金额（元）", "float", True, ""),
    "fine_amount": ("罚款金额（元）", "float", False, "未罚款为 0"),
    "confiscated_income": ("没收违法所得（元）", "float", False, ""),
    "confiscated_goods": ("没收非法财物", "str", True, "物品类别，不含批号"),
    "license_action": ("许可证件处理", "str", True, "只写证件种类，不写编号"),
    "optional_sanctions": ("已适用的选择性处罚", "str", True,
                           "罚则写“可以……”、本案决定适用的处罚（原文归纳的名称，多项以“；”分隔）；未适用为空。"
                           "须是该罚则规定的（行政处罚法第三十八条）"),
    "statutory_min": ("法定罚款下限（元）", "float", True, "由 scjg.penalties.fine_range 按处罚依据和事实算出"),
    "statutory_max": ("法定罚款上限（元）", "float", True, "同上；罚款不得超过"),
    "referred_to_police": ("移送公安/司法机关", "bool", False, ""),
    "referral_basis": ("移送依据", "str", True, "涉嫌的《刑法》条文及司法解释"),
    "first_offense": ("首次违法", "bool", False, ""),
    "rectified": ("及时改正", "bool", False, ""),
    "harm": ("危害后果", "enum", False, "none 无 / minor 轻微 / actual 造成危害后果"),
    "fine_band": ("罚款档", "enum", False, "未罚款、不足1万元、1万至不足5万元、5万至不足10万元、10万至不足50万元、50万元以上"),
    "authority": ("处罚机关", "str", False, "如 乙县市场监督管理局（虚构）"),
    "is_synthetic": ("是否合成", "bool", False, "本数据集全部为 True"),
    # 领域列
    "food_category": ("食品类别", "str", True, "食品安全案例"),
    "nonconforming_item": ("不合格项目", "str", True, "食品安全案例"),
    "standard_ref": ("判定标准", "str", True, "食品安全案例，如 GB 2760"),
    "drug_category": ("药品质量类别", "str", True, "药品案例：假药、劣药、其他"),
    "rx_class": ("药品分类", "str", True, "药品案例：处方药、甲类OTC、乙类OTC、中药饮片等"),
    "drug_party_role": ("药品主体角色", "str", True, "药品案例：零售药店、诊所/卫生室、无证个人等"),
    "equipment_type": ("特种设备种类", "str", True, "特种设备案例：电梯、起重机械、场（厂）内专用机动车辆等"),
    "equipment_subtype": ("设备品种", "str", True, "特种设备案例：曳引电梯、叉车等"),
    "equipment_count": ("涉案台数", "float", True, "特种设备案例"),
    "se_party_role": ("特种设备主体角色", "str", True, "特种设备案例：使用单位、维保单位、充装单位等"),
    "inspection_status": ("检验状态", "str", True, "特种设备案例：in_date/overdue/failed/never"),
    "overdue_days": ("超期天数", "float", True, "特种设备案例"),
    "accident": ("是否发生事故", "bool", True, "特种设备案例"),
    "price_violation_type": ("价格违法类型", "str", True, "价格案例"),
    "pricing_regime": ("定价形式", "str", True, "价格案例：市场调节价、政府指导价、政府定价"),
    "overcharge_amount": ("多收价款（元）", "float", True, "价格案例"),
    "refunded": ("是否退还", "bool", True, "价格案例"),
    "sales_channel": ("渠道", "str", True, "价格案例：offline 线下 / online 线上"),
}
if list(SPEC) != COLUMNS:  # pragma: no cover - 数据字典与模式须一一对应
    raise RuntimeError("scjg.cases.SPEC 与 scjg.schema.COLUMNS 不一致")

OPTIONAL_COLUMNS = {"optional_sanctions"}  # 培训师的表可以没有这些列（视为空）
NO_RULE_CODES = {"D04"}  # 罚则在法规库未收录的文件中（药品经营和使用质量监督管理办法），只收不予处罚案例


def labels() -> dict[str, str]:
    """英文列名 → 中文列名。"""
    return {c: s[0] for c, s in SPEC.items()}


def codes(domain: str | None = None) -> dict[str, str]:
    """违法行为类型代码 → 中文名称（scjg.schema.CATEGORIES；代码首字母 F/D/S/P 对应四个领域）。"""
    prefix = {"food": "F", "drug": "D", "special_equipment": "S", "price": "P"}
    if domain is not None and domain not in prefix:
        raise ValueError(f"未知领域 {domain!r}，可选：{'、'.join(DOMAINS)}")
    return {c: n for c, n in sorted(CATEGORIES.items()) if domain is None or c.startswith(prefix[domain])}


class CaseDataError(ValueError):
    """案例数据不符合模式或法律；message 为中文，report 为逐条问题表。"""

    def __init__(self, message: str, report: pd.DataFrame):
        super().__init__(message)
        self.report = report


# ------------------------------------------------------------------ 模式
_DTYPES = {"str": "string", "enum": "string", "list": "string", "date": "string", "int": "Int64",
           "float": "Float64", "bool": "boolean"}


def _schema(domain: str | None) -> pa.DataFrameSchema:
    cols = {}
    all_codes = codes(domain)
    for c, (zh, typ, nullable, _) in SPEC.items():
        checks = []
        if c in ENUMS:
            checks.append(pa.Check.isin(list(ENUMS[c]), error=f"取值应为：{'、'.join(k or '（空）' for k in ENUMS[c])}"))
        elif c in LISTS and typ != "list":
            checks.append(pa.Check.isin(LISTS[c], error=f"取值应为：{'、'.join(LISTS[c])}"))
        if c == "violation_type":
            checks.append(pa.Check.isin(list(all_codes), error=f"未知的类别代码；可用：{'、'.join(all_codes)}"))
        if c == "domain" and domain:
            checks.append(pa.Check.eq(domain, error=f"本文件只收{DOMAIN_NAMES[domain]}（{domain}）案例"))
        if typ == "date":
            checks.append(pa.Check.str_matches(r"^\d{4}-\d{2}-\d{2}$", error="日期应写成 YYYY-MM-DD"))
        if typ == "float" and c not in ("equipment_count", "overdue_days"):
            checks.append(pa.Check.ge(0, error="金额不能为负数"))
        if c == "legal_rep":
            checks.append(pa.Check.str_matches(r"^[\u4e00-\u9fff]{1,2}某{1,2}$", error="只能写成“姓＋某/某某”，如 张某"))
        if c == "party_name":
            checks.append(pa.Check.str_contains("某", error="当事人名称须为化名（含“某”）"))
        if c == "violation_facts":
            checks.append(pa.Check.str_length(150, 400, error="违法事实应为 150–400 字"))
        cols[c] = pa.Column(_DTYPES[typ], checks=checks, nullable=nullable or c in ("channel",), coerce=False,
                            required=True, title=zh)
    return pa.DataFrameSchema(cols, strict=False, ordered=False, unique=["case_id"])


# ------------------------------------------------------------------ 类型转换
_TRUE = {"true", "1", "是", "t", "yes", "y"}
_FALSE = {"false", "0", "否", "f", "no", "n"}


def _coerce(df: pd.DataFrame) -> tuple[pd.DataFrame, list[dict]]:
    """把读入的原始表转成规定类型；转不了的单元格记入问题清单并置空。"""
    out = pd.DataFrame(index=df.index)
    problems = []
    for c, (zh, typ, nullable, _) in SPEC.items():
        if c not in df:
            if c not in OPTIONAL_COLUMNS:
                problems.append(dict(row=None, column=c, value=None, reason=f"缺少“{zh}”（{c}）列"))
            out[c] = pd.Series(pd.NA, index=df.index, dtype=_DTYPES[typ])
            continue
        s = df[c]
        if typ in ("str", "enum", "list", "date"):
            s2 = s.astype("string").str.strip()
            if typ == "date":
                parsed = pd.to_datetime(s2, errors="coerce", format="mixed")
                bad = s2.notna() & parsed.isna()
                for i in s2[bad].index:
                    problems.append(dict(row=i, column=c, value=s2[i], reason="不是有效日期（应为 YYYY-MM-DD）"))
                s2 = parsed.dt.strftime("%Y-%m-%d").astype("string")
            if c == "channel":
                s2 = s2.fillna("")
            out[c] = s2.replace("", pd.NA) if c != "channel" else s2
        elif typ in ("int", "float"):
            num = pd.to_numeric(s.astype("string").str.replace(",", "", regex=False).str.strip(), errors="coerce")
            bad = s.notna() & (s.astype("string").str.strip() != "") & num.isna()
            for i in s[bad].index:
                problems.append(dict(row=i, column=c, value=s[i], reason="应为数字"))
            if typ == "int":
                frac = num.notna() & (num % 1 != 0)
                for i in num[frac].index:
                    problems.append(dict(row=i, column=c, value=s[i], reason="应为整数"))
                num = num.where(~frac)
            out[c] = num.astype(_DTYPES[typ])
        elif typ == "bool":
            low = s.astype("string").str.strip().str.lower()
            val = pd.Series(pd.NA, index=df.index, dtype="boolean")
            val[low.isin(_TRUE)] = True
            val[low.isin(_FALSE)] = False
            bad = low.notna() & (low != "") & ~low.isin(_TRUE | _FALSE)
            for i in low[bad].index:
                problems.append(dict(row=i, column=c, value=s[i], reason="应为 True/False（或 是/否）"))
            out[c] = val
    return out, problems


# ------------------------------------------------------------------ 法律一致性
def _num(v) -> float | None:
    if v is None or v is pd.NA or (isinstance(v, float) and math.isnan(v)):
        return None
    return float(v)


def _rule_problems(row, disc: str, fine: float) -> list[tuple[str, str]]:
    """罚则编号、处罚依据、法定幅度与罚款是否与罚则引擎一致。"""
    P = []
    rid = row["penalty_rule_id"]
    if not isinstance(rid, str) or not rid:
        if row["violation_type"] not in NO_RULE_CODES:
            P.append(("penalty_rule_id", "缺少罚则编号"))
        elif disc not in NO_PENALTY or fine != 0:
            P.append(("discretion", "法规库未收录该类别的罚则，只能是不予处罚且罚款为 0"))
        return P
    try:
        rule = penalties.get_rule(rid)
    except ValueError as e:
        return [("penalty_rule_id", str(e))]
    if rule.citation not in str(row["penalty_basis"]) or rid not in str(row["penalty_basis"]):
        P.append(("penalty_basis", f"处罚依据应写明{rule.citation}及罚则编号 {rid}"))
    try:
        r = case_range(row)
    except ValueError as e:
        return P + [("penalty_rule_id", f"按处罚依据无法计算法定幅度：{e}")]
    for col, v in (("statutory_min", r.min), ("statutory_max", r.max)):
        have = _num(row[col])
        if (v is None) != (have is None) or (v is not None and abs(v - have) > 0.01):
            P.append((col, f"与罚则引擎不符：按{rule.citation}和案件事实应为 {v if v is not None else '无上限'}"))
    why = fine_allowed(disc, fine, r.min, r.max, r.mandatory)
    if why:
        P.append(("fine_amount", why))
    try:
        recorded_sanctions(r, disc, fine=fine, domain=str(row["domain"]), optional=optional_kinds(row["optional_sanctions"]))
    except ValueError as e:
        P.append(("optional_sanctions", str(e)))
    if rule.fine and rule.fine.conditions and r.max and r.max > 0 and row["condition_met"] is pd.NA:
        P.append(("condition_met", f"该罚则以“{'、'.join(rule.fine.conditions)}”为前提，须说明前提是否具备"))
    return P


def legal_problems(row) -> list[tuple[str, str]]:
    """一行案例与罚则引擎、裁量规则是否一致：返回 [(列, 中文原因)]，空表示一致。"""
    disc, fine = row["discretion"], _num(row["fine_amount"])
    if disc is pd.NA or fine is None:
        return []
    basis = row["discretion_basis"] if isinstance(row["discretion_basis"], str) else ""
    P = _rule_problems(row, disc, fine)
    if disc == "mitigated" and "第三十二条" not in basis:
        P.append(("discretion_basis", "减轻处罚须以《行政处罚法》第三十二条为依据"))
    if disc in NO_PENALTY and "第三十三条" not in basis:
        P.append(("discretion_basis", "不予处罚须以《行政处罚法》第三十三条为依据"))
    if disc == "referred" and "第二十七条" not in basis:
        P.append(("discretion_basis", "移送司法机关须以《行政处罚法》第二十七条为依据"))
    if (disc == "referred") != bool(row["referred_to_police"]):
        P.append(("referred_to_police", "移送与裁量情形不一致（裁量情形为“移送司法机关”时才为 True）"))
    types = str(row["penalty_types"]).split("、") if isinstance(row["penalty_types"], str) else []
    bad_types = [t for t in types if t not in LISTS["penalty_types"]]
    if bad_types:
        P.append(("penalty_types", f"不认识的处罚种类：{'、'.join(bad_types)}"))
    if (fine > 0) != ("罚款" in types):
        P.append(("penalty_types", "罚款金额大于 0 时处罚种类须含“罚款”，反之不含"))
    band = row["fine_band"]
    if isinstance(band, str) and band != fine_band(fine):
        P.append(("fine_band", f"罚款档应为“{fine_band(fine)}”"))
    if isinstance(row["filing_date"], str) and isinstance(row["decision_date"], str):
        if row["decision_date"] < row["filing_date"]:
            P.append(("decision_date", "处罚决定日期早于立案日期"))
        if row["year"] is not pd.NA and int(row["decision_date"][:4]) != int(row["year"]):
            P.append(("year", "年份应与处罚决定日期一致"))
    return P


# ------------------------------------------------------------------ 校验
REPORT_COLUMNS = ["行号", "案例编号", "列", "列名", "值", "原因"]


def check(df: pd.DataFrame, domain: str | None = None, first_line: int = 2) -> tuple[pd.DataFrame, pd.DataFrame]:
    """校验原始表：返回（转换类型后的表, 问题表）。问题表列：行号（文件中的行，表头为第 1 行）、案例编号、列、列名、值、原因。"""
    df = df.reset_index(drop=True)
    typed, probs = _coerce(df)
    coerced = {(p["row"], p["column"]) for p in probs}
    try:
        _schema(domain).validate(typed, lazy=True)
    except pa.errors.SchemaErrors as e:
        fc = e.failure_cases
        for _, f in fc.iterrows():
            col = f["column"]
            idx = f["index"]
            check_name = str(f["check"])
            if check_name == "not_nullable":
                reason = "不能为空"
            elif "unique" in check_name or check_name == "field_uniqueness":
                reason = "案例编号重复"
                col = "case_id"
            elif check_name.startswith("dtype"):
                reason = "类型不符"
            else:
                reason = check_name
            row_i = None if pd.isna(idx) else int(idx)
            if (row_i, col) in coerced or (None, col) in coerced:
                continue  # 类型转换时已报告
            probs.append(dict(row=row_i, column=col, value=f["failure_case"], reason=reason))
    bad_cells = {(p["row"], p["column"]) for p in probs}
    for i, row in typed.iterrows():
        if any(r == i for r, _ in bad_cells):
            continue  # 类型或取值已错，法律核对无意义
        for col, why in legal_problems(row):
            probs.append(dict(row=i, column=col, value=row[col], reason=why))
    rep = pd.DataFrame([{
        "行号": None if p["row"] is None else int(p["row"]) + first_line,
        "案例编号": None if p["row"] is None or p["row"] not in typed.index else typed.at[p["row"], "case_id"],
        "列": p["column"], "列名": SPEC.get(p["column"], (p["column"],))[0],
        "值": None if p["value"] is None or p["value"] is pd.NA else str(p["value"]), "原因": p["reason"],
    } for p in probs], columns=REPORT_COLUMNS)
    rep = rep.drop_duplicates().reset_index(drop=True)
    return typed, rep


def _message(rep: pd.DataFrame, where: str, limit: int = 10) -> str:
    lines = [f"{where}有 {len(rep)} 处问题："]
    for _, r in rep.head(limit).iterrows():
        at = f"第{r['行号']}行" if pd.notna(r["行号"]) else "整表"
        cid = f"（{r['案例编号']}）" if isinstance(r["案例编号"], str) else ""
        val = f"（值：{r['值']}）" if isinstance(r["值"], str) else ""
        lines.append(f"  {at}{cid}“{r['列名']}”列：{r['原因']}{val}")
    if len(rep) > limit:
        lines.append(f"  ……另有 {len(rep) - limit} 处，见异常的 report 属性。")
    return "\n".join(lines)


def _read_csv(path: Path) -> pd.DataFrame:
    for enc in ("utf-8-sig", "gb18030"):
        try:
            return pd.read_csv(path, dtype=str, keep_default_na=False, na_values=[""], encoding=enc)
        except UnicodeDecodeError:
            continue
    raise CaseDataError(f"无法读取 {path.name}：请保存为 UTF-8 或 GBK 编码的 CSV。", pd.DataFrame(columns=REPORT_COLUMNS))


def load(domain: str, chinese: bool = False, path: Path | None = None) -> pd.DataFrame:
    """读取一个领域的案例并校验；不符合模式或法律时抛出 CaseDataError（中文，指明行和列）。"""
    if domain not in DOMAINS:
        raise ValueError(f"未知领域 {domain!r}，可选：" + "、".join(f"{k}（{v}）" for k, v in DOMAIN_NAMES.items()))
    path = Path(path) if path else CASES_DIR / f"{domain}.csv"
    if not path.exists():
        raise FileNotFoundError(f"找不到案例文件 {path}；请运行 python -m scjg.casegen 生成。")
    typed = _validated(path, domain).copy()  # a copy: a notebook may change its frame freely
    return typed.rename(columns=labels()) if chinese else typed


_VALIDATED: dict[tuple, pd.DataFrame] = {}


def _validated(path: Path, domain: str) -> pd.DataFrame:
    """The checked frame of one case file, validated once per version of the file (path, size, mtime)."""
    stat = path.stat()
    key = (str(path.resolve()), stat.st_size, stat.st_mtime_ns, domain)
    if key not in _VALIDATED:
        typed, rep = check(_read_csv(path), domain)
        if len(rep):
            raise CaseDataError(_message(rep, f"案例文件 {path.name} "), rep)
        _VALIDATED[key] = typed
    return _VALIDATED[key]


def load_all(chinese: bool = False) -> pd.DataFrame:
    """四个领域的案例合为一张表。"""
    return pd.concat([load(d, chinese=chinese) for d in DOMAINS], ignore_index=True)


# ------------------------------------------------------------------ 培训师导入
@dataclass
class ImportResult:
    """导入结果：merged 为内置案例＋通过校验的导入案例，good 为通过的导入行，report 为问题表。"""

    merged: pd.DataFrame
    good: pd.DataFrame
    report: pd.DataFrame

    def summary(self) -> str:
        n_bad = self.report["行号"].nunique() if len(self.report) else 0
        s = f"导入 {len(self.good) + n_bad} 行：通过 {len(self.good)} 行，有问题 {n_bad} 行（{len(self.report)} 处）。"
        if len(self.report):
            s += "\n" + _message(self.report, "问题明细：", limit=20)
        return s

    def __iter__(self):  # good, report = import_cases(...)
        return iter((self.merged, self.report))


_ZH2EN = {v[0]: k for k, v in SPEC.items()}
_DOMAIN_ZH = {v: k for k, v in DOMAIN_NAMES.items()}


def import_cases(path, *, merge_with: pd.DataFrame | None = None, show: bool = True) -> ImportResult:
    """导入培训师自己的案例（CSV：UTF-8 或 GBK；Excel .xlsx），表头可中文或英文。

    逐行校验；有问题的行在 report 中逐条说明原因（中文），不会静默丢弃；通过的行并入内置案例。
    """
    path = Path(path)
    if path.suffix.lower() in (".xlsx", ".xlsm", ".xls"):
        raw = pd.read_excel(path, dtype=str)
    else:
        raw = _read_csv(path)
    raw = raw.rename(columns=lambda c: _ZH2EN.get(str(c).strip(), str(c).strip()))
    if "domain" in raw:
        raw["domain"] = raw["domain"].map(lambda v: _DOMAIN_ZH.get(v, v) if isinstance(v, str) else v)
    base = load_all() if merge_with is None else merge_with
    typed, rep = check(raw)
    dup = typed["case_id"].isin(set(base["case_id"]))
    extra = [{"行号": int(i) + 2, "案例编号": typed.at[i, "case_id"], "列": "case_id", "列名": "案例编号",
              "值": typed.at[i, "case_id"], "原因": "与内置案例编号重复"} for i in typed.index[dup]]
    if extra:
        rep = pd.concat([rep, pd.DataFrame(extra, columns=REPORT_COLUMNS)], ignore_index=True)
    bad_lines = set(rep["行号"].dropna().astype(int))
    if rep["行号"].isna().any():  # 整表问题（如缺列）：所有行都不能导入
        bad_lines = set(range(2, len(typed) + 2))
        missing = rep[rep["行号"].isna()]
        rows = [{**m, "行号": ln, "案例编号": typed.at[ln - 2, "case_id"]}
                for ln in sorted(bad_lines) for m in missing.to_dict("records")]
        rep = pd.concat([rep[rep["行号"].notna()], pd.DataFrame(rows, columns=REPORT_COLUMNS)], ignore_index=True)
    rep = rep.sort_values(["行号", "列"], kind="stable").reset_index(drop=True)
    keep = [i for i in typed.index if i + 2 not in bad_lines]
    good = typed.loc[keep].reset_index(drop=True)
    merged = pd.concat([base, good], ignore_index=True) if len(good) else base.copy()
    res = ImportResult(merged=merged, good=good, report=rep)
    if show:
        print(res.summary())
    return res
