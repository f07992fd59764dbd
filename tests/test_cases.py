"""Tests for datasets/cases, scjg.cases and scjg.casegen."""
from __future__ import annotations

import re
from pathlib import Path

import pandas as pd
import pytest
from stdnum.cn import ric, uscc

from scjg import cases, laws, penalties, schema
from scjg.casegen import DOMAINS, write_all
from scjg.schema import BANDS, NO_PENALTY
from scjg.paths import CASES_DIR, DATASETS

QI = ["region", "business_format", "year", "violation_type", "fine_band"]
CATEGORIES = {
    "food": [f"F{i:02d}" for i in range(1, 15)],
    "drug": [f"D{i:02d}" for i in range(1, 14)],
    "special_equipment": [f"S{i:02d}" for i in range(1, 15)],
    "price": [f"P{i:02d}" for i in range(1, 13)],
}


@pytest.fixture(scope="module")
def all_cases() -> pd.DataFrame:
    return cases.load_all()


@pytest.mark.parametrize("domain", DOMAINS)
def test_domain_size_and_categories(domain):
    """Does each domain have at least 150 cases covering every category of the reference table?"""
    df = cases.load(domain)
    assert len(df) >= 150
    assert set(CATEGORIES[domain]) <= set(df["violation_type"])


def test_schema_types(all_cases):
    """Do the loaded columns have the documented types and Chinese labels?"""
    assert all_cases["fine_amount"].dtype == "Float64"
    assert all_cases["referred_to_police"].dtype == "boolean"
    assert all_cases["year"].dtype == "Int64"
    assert all_cases["case_id"].is_unique
    zh = cases.load("food", chinese=True)
    assert "罚款金额（元）" in zh.columns and "违法行为类型" in zh.columns
    assert set(cases.labels()) == set(cases.SPEC)


def test_every_row_matches_engine(all_cases):
    """Does recomputing fine_range from each row's rule and facts give its statutory min and max?"""
    checked = 0
    for _, row in all_cases.iterrows():
        rid = row["penalty_rule_id"]
        if rid is pd.NA:
            assert row["violation_type"] == "D04" and row["discretion"] in NO_PENALTY
            continue
        rule = penalties.get_rule(rid)
        assert rule.citation in row["penalty_basis"]
        r = schema.case_range(row)
        assert r.min == pytest.approx(float(row["statutory_min"]))
        assert r.max is not None and r.max == pytest.approx(float(row["statutory_max"]))
        assert float(row["fine_amount"]) <= r.max + 1e-6
        checked += 1
    assert checked > 600


def test_fine_agrees_with_discretion(all_cases):
    """Is each fine where its discretion outcome puts it (0 for 不予/移送, below the floor only for 减轻)?"""
    for _, row in all_cases.iterrows():
        fine, lo, hi, d = float(row["fine_amount"]), row["statutory_min"], row["statutory_max"], row["discretion"]
        if d in NO_PENALTY:
            assert fine == 0 and "第三十三条" in row["discretion_basis"]
        elif d == "referred":
            assert fine == 0 and row["referred_to_police"] and "第二十七条" in row["discretion_basis"]
        elif d == "mitigated":
            assert 0 < fine < lo and "第三十二条" in row["discretion_basis"]
        else:
            assert lo - 0.01 <= fine <= hi + 0.01 or (fine == 0 and "警告" in row["penalty_types"])
            if fine > 0 and hi > lo:
                share = (fine - lo) / (hi - lo)
                assert {"lenient": share <= 0.3 + 1e-6, "normal": 0.3 - 1e-6 <= share <= 0.7 + 1e-6,
                        "aggravated": share >= 0.7 - 1e-6}[d]


def test_conditions_are_stated(all_cases):
    """Where a fine needs 拒不改正/逾期未改正, do the facts say so, or is the outcome a warning?"""
    for _, row in all_cases[all_cases["condition_met"].notna()].iterrows():
        if row["condition_met"]:
            assert "逾期未改正" in row["violation_facts"] or "拒不改正" in row["violation_facts"]
        else:
            assert float(row["fine_amount"]) == 0


def test_referrals_follow_criminal_law(all_cases):
    """Are referrals limited to the categories and thresholds the criminal-law texts support?"""
    ref = all_cases[all_cases["referred_to_police"]]
    assert set(ref["violation_type"]) <= {"F05", "F06", "F08", "F14", "D03", "D13"}
    for _, row in ref.iterrows():
        assert "《刑法》" in row["referral_basis"]
        if row["violation_type"] == "F08":
            assert float(row["sales_amount"]) >= 50000  # 刑法第一百四十条：销售金额五万元以上
    assert "五万元以上" in laws.article("刑法", 140).paragraphs[0].full_text
    f08 = all_cases[(all_cases["violation_type"] == "F08") & all_cases["sales_amount"].notna()]
    adulterated = f08[f08["nonconforming_item"] == "掺假掺杂"]
    assert ((adulterated["sales_amount"] >= 50000) == adulterated["referred_to_police"]).all()


def test_provisions_exist(all_cases):
    """Does every violated provision cite an article, paragraph and item present in the statute corpus?"""
    pat = re.compile(r"《(.+?)》(第[^第条]+条)(?:第([^第款]+)款)?(?:第（(.+?)）项)?")
    for prov in all_cases["violated_provision"].unique():
        assert pat.search(prov), f"违反条款无法识别：{prov}"
        for m in pat.finditer(prov):
            art = laws.article(m.group(1), m.group(2))
            par = art.paragraph(laws._to_int(m.group(3))) if m.group(3) else art.paragraphs[0]
            if m.group(4):
                par.item(laws._to_int(m.group(4)))


def test_mix_of_outcomes(all_cases):
    """Does the data hold every discretion outcome, with 不予处罚 and 移送 a minority?"""
    share = all_cases["discretion"].value_counts(normalize=True)
    assert set(share.index) >= {"no_penalty_first", "no_penalty_minor", "mitigated", "lenient", "normal",
                                "aggravated", "referred"}
    assert share.reindex(list(NO_PENALTY), fill_value=0).sum() < 0.2
    assert share["referred"] < 0.1


def _values():
    for p in sorted(DATASETS.rglob("*")):
        if p.is_file() and p.suffix in (".csv", ".md", ".yaml", ".json", ".txt"):
            yield p, p.read_text(encoding="utf-8")


def _folded(text: str) -> str:
    """Separators between digits and capital letters removed, so 139-1234-5678 and 9144 0106 … are seen whole."""
    return re.sub(r"(?<=[0-9A-Za-z])[ \-－—·.]+(?=[0-9A-Za-z])", "", text)


def test_no_real_identifiers():
    """Does any value in datasets/, separators folded, pass an ID-card or credit-code checksum or look like a mobile number?"""
    for path, raw in _values():
        text = _folded(raw)
        for tok in re.findall(r"[0-9A-Za-z]{18}", text):
            assert not ric.is_valid(tok.upper()), f"{path}: {tok}"
            assert not uscc.is_valid(tok.upper()), f"{path}: {tok}"
        for tok in re.findall(r"(?<![0-9])[0-9]{15}(?![0-9])", text):
            assert not ric.is_valid(tok), f"{path}: {tok}"
        assert not re.search(r"(?<!\d)1[3-9]\d{9}(?!\d)", text), path


def test_the_anonymizer_finds_no_identifier_in_the_case_data():
    """Does scjg.anonymize.detect find no ID card, phone, credit code or bank card in the case texts (W7)?"""
    from scjg.anonymize import detect

    found = []
    for path in [CASES_DIR / "README.md", *sorted(CASES_DIR.glob("*.csv"))]:
        if path.suffix == ".csv":
            df = pd.read_csv(path, dtype=str, keep_default_na=False)
            text = "\n".join(sorted({v for c in df.columns for v in df[c].unique()}))
        else:
            text = path.read_text(encoding="utf-8")
        for t in (text, _folded(text)):
            found += [(path.name, s.type, t[s.start:s.end]) for s in detect(t)
                      if s.type in ("ID_CARD", "PHONE", "USCC", "BANK_CARD")]
    assert found == []


def test_the_privacy_checks_catch_separated_identifiers():
    """Would a phone, ID number or credit code written with separators be caught (the W7 mutant D1)?"""
    from stdnum.cn import ric as ric_, uscc as uscc_

    body = "44010619850312123"
    rid = body + ric_.calc_check_digit(body)
    code = "91440106MA59C3XK1"
    code += uscc_.calc_check_digit(code)
    text = f"电话 139-1234-5678，身份证号 {rid[:6]} {rid[6:14]} {rid[14:]}，代码 {code[:4]} {code[4:8]} {code[8:12]} {code[12:]}"
    folded = _folded(text)
    assert re.search(r"(?<!\d)1[3-9]\d{9}(?!\d)", folded)
    assert ric.is_valid(rid) and uscc.is_valid(code) and rid in folded and code in folded


def test_persons_are_pseudonyms(all_cases):
    """Are legal representatives and natural-person parties written only as 姓+某?"""
    assert all_cases["legal_rep"].str.fullmatch(r"[\u4e00-\u9fff]某{1,2}").all()
    assert all_cases["party_name"].str.contains("某").all()
    people = all_cases[all_cases["party_category"] == "natural_person"]
    assert people["party_name"].str.fullmatch(r"[\u4e00-\u9fff]某{1,2}").all()


def test_k_anonymity(all_cases):
    """Is every combination of region, format, year, category and fine band shared by at least 5 cases?"""
    sizes = all_cases.groupby(QI, observed=True).size()
    assert sizes.min() >= 5, sizes[sizes < 5]
    assert set(all_cases["fine_band"]) <= {b[2] for b in BANDS}


def test_generator_is_deterministic(tmp_path: Path):
    """Does re-running the generator reproduce the committed files byte for byte?"""
    a, b = tmp_path / "a", tmp_path / "b"
    write_all(a)
    write_all(b)
    for d in DOMAINS:
        assert (a / f"{d}.csv").read_bytes() == (b / f"{d}.csv").read_bytes()
        assert (a / f"{d}.csv").read_bytes() == (CASES_DIR / f"{d}.csv").read_bytes()


def test_load_rejects_bad_file(tmp_path: Path):
    """Does load name the row and column (in Chinese) when a type, code or fine is wrong?"""
    raw = pd.read_csv(CASES_DIR / "food.csv", dtype=str)
    raw.loc[0, "fine_amount"] = "很多"
    raw.loc[1, "violation_type"] = "F99"
    hi = float(raw.loc[2, "statutory_max"])
    raw.loc[2, "fine_amount"] = str(hi + 1000)
    p = tmp_path / "food.csv"
    raw.to_csv(p, index=False)
    with pytest.raises(cases.CaseDataError) as e:
        cases.load("food", path=p)
    msg = str(e.value)
    assert "第2行" in msg and "罚款金额" in msg and "应为数字" in msg
    assert "第3行" in msg and "违法行为类型" in msg
    assert "第4行" in msg and "超过法定上限" in msg
    with pytest.raises(ValueError, match="未知领域"):
        cases.load("tobacco")


def test_readme_documents_every_column():
    """Does the Chinese data dictionary list every column and every category code?"""
    text = (CASES_DIR / "README.md").read_text(encoding="utf-8")
    for col, (zh, *_rest) in cases.SPEC.items():
        assert f"`{col}` | {zh}" in text
    for code in cases.codes():
        assert f"| {code} |" in text
    assert "合成" in text


def test_categories_and_templates_agree():
    """Is every generator template's category in scjg.schema.CATEGORIES with the same name, and every category used?"""
    from scjg.casegen import templates
    from scjg.schema import CATEGORIES

    used = {t.code: t.name for d in DOMAINS for t in templates(d)}
    assert used == CATEGORIES
    assert set(cases.codes("food")) == {c for c in CATEGORIES if c.startswith("F")}


def _food_row(case_id: str) -> dict:
    df = pd.read_csv(CASES_DIR / "food.csv", dtype=str, keep_default_na=False)
    return df[df.case_id == case_id].iloc[0].to_dict()


def test_an_optional_sanction_the_rule_lacks_is_rejected():
    """Is an optional sanction the case's rule does not give (吊销 as 可以…) reported in Chinese (行政处罚法§38)?"""
    row = _food_row("food-0031")  # F02, 食品安全法§124: 可以没收工具、设备、原料 applied
    assert row["optional_sanctions"] == "没收用于违法生产经营的工具、设备、原料等物品"
    row["optional_sanctions"] = "没收用于违法生产经营的工具、设备、原料等物品；吊销许可证"
    _, rep = cases.check(pd.DataFrame([row]), "food")
    assert list(rep["列"]) == ["optional_sanctions"]
    assert "吊销许可证" in rep["原因"][0] and "第三十八条" in rep["原因"][0]


def test_a_file_without_the_optional_column_still_loads(tmp_path: Path):
    """Does a trainer's file written before optional_sanctions existed still validate (the column counts as empty)?"""
    df = pd.read_csv(CASES_DIR / "drug.csv", dtype=str, keep_default_na=False).drop(columns=["optional_sanctions"])
    path = tmp_path / "drug.csv"
    df.to_csv(path, index=False)
    assert len(cases.load("drug", path=path)) == len(df)
