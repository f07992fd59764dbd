"""The case data against the legal review's findings (../shared/reference/legal-review.md): one test per finding
class, so none can come back, and the recorded sanctions of every case against the model's answer for its facts."""
from __future__ import annotations

import pandas as pd
import pytest

from scjg import cases, penalties, schema
from scjg.paths import CASES_DIR


@pytest.fixture(scope="module")
def rows():
    out = []
    for d in schema.DOMAINS:
        for _, r in cases.load(d).iterrows():
            out.append(r)
    return out


def _v(r, k):
    return schema._value(r, k)


def _ruled(rows):
    for r in rows:
        if _v(r, "penalty_rule_id"):
            yield r, penalties.get_rule(r["penalty_rule_id"])


def _recorded(r):
    return (tuple(str(r["penalty_types"]).split("、")), round(float(r["confiscated_income"]), 2), _v(r, "license_action"))


def test_every_mandatory_sanction_is_recorded(rows):
    """Does every case record each mandatory sanction the rules give for its facts and outcome (处罚种类, 没收, 许可证件)?"""
    wrong = []
    for r, rule in _ruled(rows):
        fr = schema.case_range(r)
        need = schema.recorded_sanctions(fr, r["discretion"], fine=float(r["fine_amount"]), domain=r["domain"])
        types, income, licence = _recorded(r)
        if not (set(need.types) - {"无"} <= set(types) and income == need.confiscated_income
                and (need.license_action or "") in (licence or "")):
            wrong.append(r["case_id"])
    assert wrong == []


def test_every_recorded_sanction_is_one_the_rule_gives(rows):
    """Is every recorded sanction the model's answer for the facts plus only the optional ones the case says it applied
    (可以没收…), and is none of them one the rule does not provide (行政处罚法§38)?"""
    wrong = []
    for r, rule in _ruled(rows):
        fr = schema.case_range(r)
        optional = schema.optional_kinds(_v(r, "optional_sanctions"))
        given = {s.kind for s in rule.sanctions if not s.mandatory}
        rec = schema.recorded_sanctions(fr, r["discretion"], fine=float(r["fine_amount"]), domain=r["domain"],
                                        optional=optional)
        if _recorded(r) != (rec.types, rec.confiscated_income, rec.license_action) or not set(optional) <= given:
            wrong.append(r["case_id"])
    assert wrong == []


def test_optional_sanctions_are_recorded_in_a_share_of_the_cases_whose_facts_support_them(rows):
    """Are 可以没收工具、设备、原料 recorded in some but not all food cases made on the party's own premises, and never
    in a retail case, a 不予处罚 or a referred case?"""
    tools = "没收用于违法生产经营的工具、设备、原料等物品"
    eligible = [r for r in rows if r["domain"] == "food" and r["discretion"] in ("lenient", "normal", "aggravated")
                and r["violation_type"] in ("F02", "F03", "F05", "F08")
                and r["business_format"] in ("食品生产", "餐饮服务", "单位食堂")]
    applied = [r for r in eligible if schema.optional_kinds(_v(r, "optional_sanctions")) == (tools,)]
    assert 0.2 * len(eligible) <= len(applied) <= 0.7 * len(eligible), (len(applied), len(eligible))
    for r in applied:
        assert "；" in r["confiscated_goods"] and "没收非法财物" in r["penalty_types"]
    ok = {r["case_id"] for r in eligible}
    assert [r["case_id"] for r in rows if r["case_id"] not in ok and schema.optional_kinds(_v(r, "optional_sanctions"))] == []


def test_h1_regulation_67_serious_cases(rows):
    """H1: is every food case with 货值金额 ≥ 2万元 under §123–§126/§132 情节严重, 从重 or referred, with 吊销/停产停业?"""
    seen = 0
    for r, rule in _ruled(rows):
        if r["domain"] != "food" or rule.article not in (123, 124, 125, 126, 132) or (_v(r, "goods_value") or 0) < 20000:
            continue
        seen += 1
        assert r["serious"] is True and r["discretion"] in ("aggravated", "referred"), r["case_id"]
        if r["discretion"] == "aggravated":
            assert "第六十七条" in r["discretion_basis"] and "从重从严" in r["discretion_basis"]
            assert ("吊销许可证件" if rule.article in (123, 124, 132) else "责令停产停业") in r["penalty_types"]
    assert seen >= 10


def test_h2_no_workshop_or_vendor_fined_under_food_law_amounts(rows):
    """H2: does no 小作坊/摊贩 case carry 食品安全法 §122–§126 amounts (§127: provincial measures)?"""
    for r, rule in _ruled(rows):
        if rule.law == "食品安全法" and 122 <= rule.article <= 126:
            assert r["business_format"] != "小作坊/摊贩", r["case_id"]


def test_h3_refunds_are_not_confiscated_and_mitigate(rows):
    """H3: is a refunded overcharge never confiscated, and is every refunded case 从轻/减轻 on a statutory ground?"""
    refunded = [r for r in rows if r["domain"] == "price" and _v(r, "refunded") is True]
    assert len(refunded) >= 20
    for r in refunded:
        assert float(r["confiscated_income"]) == 0, r["case_id"]
        if r["discretion"] in schema.NO_PENALTY:
            continue
        assert r["discretion"] in ("lenient", "mitigated"), r["case_id"]
        assert "第二十六条第一款" in r["discretion_basis"] or "第三十二条第（一）项" in r["discretion_basis"]
        assert "无法定从轻" not in r["violation_facts"]


def test_h4_price_no_penalty_only_without_damage(rows):
    """H4: is a price case 不予处罚 only where nothing was overcharged or all was refunded, and never for 谎称政府定价?"""
    for r in rows:
        if r["domain"] == "price" and r["discretion"] in schema.NO_PENALTY:
            assert r["violation_type"] != "P12"
            assert not (_v(r, "illegal_income") or 0) or _v(r, "refunded") is True, r["case_id"]


def test_h5_mandatory_confiscation_and_suspension_recorded(rows):
    """H5: do D02/D13 confiscate the 违法所得 and do fined §132 cases carry 责令停产停业?"""
    d02 = [r for r in rows if r["violation_type"] in ("D02", "D13") and (_v(r, "illegal_income") or 0) > 0
           and r["discretion"] not in schema.NO_PENALTY + ("referred",)]
    assert d02 and all(float(r["confiscated_income"]) == float(r["illegal_income"]) for r in d02)
    f132 = [r for r in rows if _v(r, "penalty_rule_id") == "food-132-storage-transport" and float(r["fine_amount"]) > 0]
    assert f132 and all("责令停产停业" in r["penalty_types"] for r in f132)


def test_h6_no_sanction_without_a_legal_basis(rows):
    """H6: is 警告, 吊销 or 停产停业 recorded only where the case's rule provides it (行政处罚法§38)?"""
    for r, rule in _ruled(rows):
        types = set(str(r["penalty_types"]).split("、"))
        provided = {t for s in rule.sanctions for t in s.types}
        assert types - {"罚款", "无"} <= provided, (r["case_id"], types - provided)


def test_m2_food_no_fault_is_136_with_confiscation(rows):
    """M2: are food no-fault cases decided under 食品安全法§136 (免予罚款, 应当没收), not as a plain 不予处罚?"""
    f = [r for r in rows if r["domain"] == "food" and r["discretion"] == "no_penalty_no_fault"]
    assert f
    for r in f:
        assert "第一百三十六条" in r["discretion_basis"] and "从其规定" in r["discretion_basis"]
        assert r["penalty_types"] == "没收非法财物" and r["procedure"] == "ordinary"


def test_m3_lenient_cites_a_ground_the_facts_meet(rows):
    """M3: does 从轻 cite 行政处罚法§32(一) only where the facts show a refund, and the local benchmark otherwise?"""
    for r in rows:
        if r["discretion"] != "lenient":
            continue
        if _v(r, "refunded") is True:
            assert "退还" in r["violation_facts"]
        else:
            assert "第三十二条第（一）项" not in r["discretion_basis"], r["case_id"]
            assert "本地行政处罚裁量基准" in r["discretion_basis"]


def test_m8_referrals_cite_article_27(rows):
    """M8: do referred cases cite 行政处罚法§27 and never §35 (which applies only after a criminal fine)?"""
    ref = [r for r in rows if r["discretion"] == "referred"]
    assert ref and all("第二十七条" in r["discretion_basis"] and "第三十五条" not in r["discretion_basis"] for r in ref)
    readme = (CASES_DIR / "README.md").read_text(encoding="utf-8")
    assert "第三十五条第二款" not in readme and "第二十七条" in readme


def test_n4_purchase_records_bind_food_business_enterprises(rows):
    """N4: do F09 cases cite §53 ¶2 and concern 食品经营企业 (not 个体工商户)?"""
    f09 = [r for r in rows if r["violation_type"] == "F09"]
    assert f09 and all("第二款" in r["violated_provision"] and r["party_category"] == "legal_entity" for r in f09)


def test_n10_drug_aggravation_cites_article_137(rows):
    """N10: does 从重 for 假药/劣药 cite 药品管理法§137 rather than only the local benchmark?"""
    agg = [r for r in rows if r["discretion"] == "aggravated" and _v(r, "penalty_rule_id") in
           ("drug-116-fake", "drug-117-1-substandard", "drug-119-use-fake", "drug-119-use-substandard")]
    assert agg and all("第一百三十七条" in r["discretion_basis"] for r in agg)


def test_n11_marks_cite_their_duties(rows):
    """N11: do S08 cases cite §33 (登记标志) and §40② (检验标志) as well as §35?"""
    s08 = [r for r in rows if r["violation_type"] == "S08"]
    assert s08 and all("第三十三条" in r["violated_provision"] and "第四十条第二款" in r["violated_provision"] for r in s08)


# ------------------------------------------------------------ hand-computed rows (W10)
# Each expected range is worked out from the statute text, not from the engine.
HAND = {
    # 食品安全法§124①: 货值金额不足一万元的，并处五万元以上十万元以下罚款 (179.2元)
    "food-0002": (50000, 100000),
    # §124①: 货值金额一万元以上的，并处货值金额十倍以上二十倍以下罚款: 20680×10, ×20
    "food-0176": (206800, 413600),
    # 药品管理法§117①: 零售 劣药, 货值金额不足一万元的按一万元计算, 十倍以上二十倍以下: 10万–20万
    "drug-0011": (100000, 200000),
    # 特种设备安全法§84①: 处三万元以上三十万元以下罚款
    "special_equipment-0023": (30000, 300000),
    # 价格违法行为行政处罚规定§9: 违法所得5倍以下: 3213.2×5
    "price-0007": (0, 16066),
}


@pytest.mark.parametrize("case_id,expected", sorted(HAND.items()))
def test_hand_computed_ranges(case_id, expected):
    """Does the recorded statutory range of a sample case equal the one computed by hand from the statute?"""
    domain = case_id.rsplit("-", 1)[0]
    df = pd.read_csv(CASES_DIR / f"{domain}.csv")
    row = df[df["case_id"] == case_id].iloc[0]
    assert (row["statutory_min"], row["statutory_max"]) == expected


def test_the_serious_hand_row_records_revocation():
    """Does food-0176 (货值 20,680元, the former 典型案例一) record 吊销许可证 and 从重 (条例§67; H1)?"""
    df = pd.read_csv(CASES_DIR / "food.csv")
    row = df[df["case_id"] == "food-0176"].iloc[0]
    assert row["goods_value"] == 20680 and row["discretion"] == "aggravated" and row["license_action"] == "吊销许可证"


def test_readme_counts_match_the_data():
    """Does the README's overview table give each domain's case count and outcome counts as in the CSVs?"""
    text = (CASES_DIR / "README.md").read_text(encoding="utf-8")
    for d in schema.DOMAINS:
        vc = pd.read_csv(CASES_DIR / f"{d}.csv")["discretion"].value_counts()
        line = f"| {d} | {int(vc.sum())} | " + " | ".join(str(int(vc.get(k, 0))) for k in schema.DISCRETIONS) + " |"
        assert line in text, line


def test_price_aggravation_cites_regs_17():
    """Does 从重 in a price case cite 价格违法行为行政处罚规定§17②(二) (屡查屡犯) rather than only the local benchmark?"""
    agg = [r for r in cases.load("price").itertuples() if r.discretion == "aggravated"]
    assert agg and all("第十七条第二款第（二）项" in r.discretion_basis for r in agg)


def test_price_regulation_cases_mitigated_on_article_32_also_cite_regulation_17_1(rows):
    """Does every 价格违法行为行政处罚规定 case 从轻/减轻 under 行政处罚法§32(一) also cite 规定§17① (应当依法从轻或者减轻)?"""
    hits = [r for r in rows if str(_v(r, "penalty_rule_id") or "").startswith("price-regs")
            and "第三十二条第（一）项" in r["discretion_basis"]]
    assert len(hits) >= 10
    for r in hits:
        assert "《价格违法行为行政处罚规定》第十七条第一款：应当依法从轻或者减轻处罚" in r["discretion_basis"], r["case_id"]


def test_no_pharmacy_or_clinic_loses_an_approval_document_it_does_not_hold():
    """药品管理法第一百一十六条的“吊销药品批准证明文件”只对持有者有意义：是否没有哪件药店、诊所或无证经营者的
    案例记录了吊销药品批准证明文件，而引擎在不知道当事人是否持有时把它列为待定（applies=None）？"""
    from scjg import cases, penalties

    drug = cases.load("drug")
    assert not drug["license_action"].fillna("").str.contains("吊销药品批准证明文件").any()
    kinds = lambda r: {s.kind: s.applies for s in r.sanctions}  # noqa: E731
    assert kinds(penalties.fine_range("药品管理法", 116, goods_value=500.0))["吊销药品批准证明文件"] is None
    assert "吊销药品批准证明文件" not in kinds(penalties.fine_range("药品管理法", 116, goods_value=500.0,
                                                                 holds_approval=False))
    assert kinds(penalties.fine_range("药品管理法", 116, goods_value=500.0, holds_approval=True))["吊销药品批准证明文件"] is True


def test_expired_drugs_are_called_substandard_in_current_words():
    """2019 年修订后没有“按劣药论处”：过期药品的案情是否都写“为劣药”（第九十八条第三款第（五）项）？"""
    from scjg import cases

    facts = cases.load("drug")["violation_facts"]
    assert not facts.str.contains("论处").any()
    assert facts[facts.str.contains("已超过有效期仍在销售")].str.contains("为劣药").all()


def test_a_pharmacy_is_not_recorded_as_a_wholesaler():
    """药店（零售环节）的案例是否没有记成“药品批发”业态？"""
    from scjg import cases

    drug = cases.load("drug")
    retail = drug[drug["drug_party_role"] == "零售药店"]
    assert not (retail["business_format"] == "药品批发").any()
