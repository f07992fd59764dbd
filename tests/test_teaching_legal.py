"""The legal helpers of scjg.teaching: the comparison table's sample columns and the range from a case row."""
from __future__ import annotations

import pytest

from scjg import teaching


def test_compare_rules_sample_columns_are_the_tiers_at_each_sample():
    """Does each sample column show the tier at that goods value (800元 → 5万–10万, 2万元 → 20万–40万; T1/W2)?"""
    t = teaching.compare_rules("食品安全法", [(122, 1, None), (124, 1, 5), (126, 1, 3)], samples=(800, 20000))
    assert t.loc[0, "货值金额800元时"] == "5万元–10万元"
    assert t.loc[0, "货值金额2万元时"] == "20万元–40万元"
    assert t.loc[1, "货值金额2万元时"] == "20万元–40万元"
    assert t.loc[2, "货值金额800元时"] == t.loc[2, "货值金额2万元时"] == "5000元–5万元"
    assert "情节严重的，吊销许可证" in t.loc[1, "其他处罚"]


def test_compare_rules_reports_an_ambiguous_provision():
    """Is a provision with several different rules reported instead of silently taking the first (§3.5)?"""
    with pytest.raises(ValueError, match="有多条罚则"):
        teaching.compare_rules("药品管理法", [(119, None, None)])


def test_compare_rules_takes_a_rule_id_and_the_channel_of_a_row():
    """Can a row name its rule by id (§119 has two) or carry a channel, so §117's retail and wholesale floors show
    side by side (60元: 10万–20万 and 100万–200万; §119 use of 劣药 as retail)?"""
    t = teaching.compare_rules("药品管理法", [(117, 1, {"channel": "retail"}), (117, 1, {"channel": "wholesale"}),
                                         "drug-119-use-substandard"], samples=(60,))
    assert list(t["条款"]) == ["第一百一十七条第一款（零售）", "第一百一十七条第一款（批发）", "第一百一十九条第一款"]
    assert list(t["货值金额60元时"]) == ["10万元–20万元", "100万元–200万元", "10万元–20万元"]
    with pytest.raises(ValueError, match="channel"):
        teaching.compare_rules("药品管理法", [(117, 1)], samples=(60,))


def test_case_chart_is_the_calculators_chart_for_the_row():
    """Is a case's chart the calculator's PNG for its rule and facts (a retail 劣药 row differs from the same row
    in the wholesale channel)?"""
    from scjg.widgets.penalty_calculator import fine_chart_png

    row = {"penalty_rule_id": "drug-117-1-substandard", "goods_value": 60.0, "channel": "retail", "serious": False}
    png = teaching.case_chart(row).data
    assert png.startswith(b"\x89PNG")
    rule = teaching.penalties.get_rule("drug-117-1-substandard")
    assert png == fine_chart_png(rule, {"goods_value": 60.0, "channel": "retail"}, width=6.5, height=3.0)
    assert png != teaching.case_chart({**row, "channel": "wholesale"}).data


def test_statutory_range_of_a_case_row():
    """Does statutory_range recompute a row's range from its rule and facts (one function with the reader)?"""
    row = {"penalty_rule_id": "food-124-1-overdue", "goods_value": 179.2, "channel": "", "serious": False}
    r = teaching.statutory_range(row)
    assert (r.min, r.max) == (50000, 100000)
    big = teaching.statutory_range({**row, "goods_value": 20680})
    assert (big.min, big.max) == (206800, 413600) and big.serious
