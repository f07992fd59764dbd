"""FineRange.min is None (the amount is set elsewhere, or a multiple of an amount the evidence cannot fix): every
consumer answers with a Chinese sentence, never a crash or arithmetic on None (issue 10, item 6)."""
from __future__ import annotations

from scjg import cases, penalties, schema, teaching
from scjg.penalties import fine_range


def test_127_has_no_amount_and_says_which_instrument_governs():
    """Does 食品安全法§127 give min=max=None, known=False, and a sentence naming the provincial measures?"""
    r = fine_range("食品安全法", 127)
    assert (r.min, r.max, r.known) == (None, None, False)
    assert r.range_words == "罚款数额依照省、自治区、直辖市制定的具体管理办法，本工具未收录，请查当地规定。"
    assert r.allows(3000) is None
    assert "依照省、自治区、直辖市制定的具体管理办法" in r._repr_html_()


def test_a_multiple_of_an_unknown_goods_value_has_no_amount():
    """Does 药品管理法§117 (10–20倍 of 货值) with 货值金额无法查清 and no channel say it cannot compute, not crash?"""
    r = fine_range("药品管理法", 117, 1, goods_value="无法查清")
    assert r.min is None and not r.known
    assert r.range_words == "货值金额无法查清：罚款按货值金额的倍数计算，数额无法确定时无法算出幅度。"


def test_known_ranges_still_check_fines():
    """Is a fine inside 5万–10万 allowed, one above 10万 not, and an unlimited range open above?"""
    r = fine_range("食品安全法", 124, 1, 5, goods_value=3200)
    assert r.known and r.range_words == "5万元以上10万元以下"
    assert r.allows(50000) is True and r.allows(100000) is True and r.allows(100001) is False
    assert fine_range("价格法", 39, illegal_income=0).allows(10 ** 7) is True


def test_schema_does_not_compute_with_a_missing_minimum():
    """Do the case schema's discretion helpers accept min=None without arithmetic (no TypeError)?"""
    assert schema.discretion_interval("lenient", None, None) is None
    assert schema.discretion_interval("mitigated", None, None) is None
    assert schema.fine_allowed("normal", 3000, None, None, False) is None
    assert schema.fine_allowed("no_penalty_minor", 3000, None, None, False) == "不予处罚（轻微并及时改正）的案例罚款应为 0，实为 3,000.00 元"


def _workshop_row(**over) -> dict:
    row = cases.load("food").iloc[0].to_dict()
    row.update(penalty_rule_id="food-127-workshop-vendor", penalty_basis="《食品安全法》第一百二十七条第一款（罚则编号 food-127-workshop-vendor）",
               statutory_min=None, statutory_max=None, goods_value=None, illegal_income=None, serious=False,
               condition_met=None, business_format="小作坊/摊贩")
    row.update(over)
    return row


def test_case_card_explains_a_range_set_elsewhere():
    """Does the case card of a 小作坊 case under §127 show 法定罚款幅度 as a sentence about the provincial measures?"""
    html = teaching.case_card(_workshop_row()).data
    assert "法定罚款幅度" in html and "省、自治区、直辖市制定的具体管理办法" in html


def test_the_case_checker_reports_no_crash_for_a_range_set_elsewhere():
    """Does the legal check of a §127 row with empty statutory columns report nothing about those columns?"""
    row = _workshop_row()
    typed, _ = cases.check(__import__("pandas").DataFrame([row]))
    cols = [c for c, _ in cases.legal_problems(typed.iloc[0])]
    assert "statutory_min" not in cols and "statutory_max" not in cols and "fine_amount" not in cols


def test_calculator_chart_skips_points_without_an_amount():
    """Does the calculator's chart draw 药品管理法§117 without crashing, and its head for §127 carry the sentence?"""
    from scjg.widgets.penalty_calculator import PenaltyCalculator, fine_chart_png

    png = fine_chart_png(penalties.get_rule("drug-117-1-substandard"), {"goods_value": 50000, "channel": "retail"})
    assert png[:4] == b"\x89PNG"
    c = PenaltyCalculator("食品安全")
    c.provision.value = "food-127-workshop-vendor"
    assert "罚款数额依照省、自治区、直辖市制定的具体管理办法" in c.output.value and c.chart.value == b""


def test_compare_table_says_set_elsewhere():
    """Does the lessons' compare table show 数额见其他规定 for §127 instead of failing?"""
    df = teaching.compare_rules("食品安全法", [(127,)], samples=(800,))
    assert df.iloc[0]["货值金额800元时"] == "数额见其他规定"


def test_calculator_says_why_a_multiple_of_an_unknown_value_has_no_amount():
    """With 货值金额无法查清 under 药品管理法§117 (no channel), does the calculator say why, with no chart?"""
    from scjg.widgets.penalty_calculator import PenaltyCalculator

    c = PenaltyCalculator("药品")
    c.provision.value = "drug-117-1-substandard"
    c.unknown.value = True
    assert c.result is not None and not c.result.known
    assert "罚款数额：货值金额无法查清：罚款按货值金额的倍数计算" in c.output.value and c.chart.value == b""
    assert "无法算出幅度。" in c.result.basis and "幅度；" not in c.result.basis
