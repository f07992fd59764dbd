"""罚款幅度引擎 scjg.penalties 与罚则数据（datasets/laws/rules/*.yaml）的测试。"""
from __future__ import annotations

import pytest
import yaml
from hypothesis import given, settings
from hypothesis import strategies as st

from scjg import laws, penalties
from scjg.penalties import fine_range, find_rules, list_rules

RULES = penalties.list_rules()
EXPECTED_FILES = {"food_safety.yaml", "price_law.yaml", "price_penalty_regs.yaml", "price_tag_rules.yaml",
                  "drug.yaml", "special_equipment.yaml"}


def test_every_expected_rule_file_exists_and_loads():
    """Are all six rule files there, and does each load with at least one rule?"""
    names = {p.name for p in penalties.rule_files()}
    assert EXPECTED_FILES <= names
    for p in penalties.rule_files():
        assert penalties.load_rule_file(p), p.name


def test_rule_ids_unique_and_ascii():
    """Is every rule id ASCII and unique across all files?"""
    ids = [r.id for r in RULES]
    assert len(ids) == len(set(ids))
    assert all(i.isascii() for i in ids)


@pytest.mark.parametrize("rule", RULES, ids=[r.id for r in RULES])
def test_every_quote_is_verbatim_and_every_amount_is_in_its_quote(rule):
    """Is each quote of the rule a verbatim piece of its article, and does each amount appear in its quote?"""
    assert penalties.verify_rule(rule) == []


def test_verify_catches_a_wrong_amount_and_a_wrong_quote():
    """Would the verification notice an amount or a quote that is not in the statute?"""
    r = penalties.get_rule("food-124-1-overdue")
    bad_tier = penalties.Tier(below=10000, amount=(50000, 150000))
    bad = penalties.Rule(**{**r.__dict__, "fine": penalties.FineSpec(**{**r.fine.__dict__, "tiers": (bad_tier,)})})
    assert any("150000" in p for p in penalties.verify_rule(bad))
    bad2 = penalties.Rule(**{**r.__dict__, "quote": r.quote.replace("保质期", "有效期")})
    assert any("quote" in p for p in penalties.verify_rule(bad2))


def test_numbers_in_reads_chinese_and_arabic_amounts():
    """Are 五万元, 10万元, 二千元, 5倍 and 百分之三十 read as numbers?"""
    nums = penalties.numbers_in("并处五万元以上十万元以下罚款；处10万元以上；二千元以下；5倍以下；百分之三十以上")
    assert {50000, 100000, 2000, 5, 0.3} <= nums


def test_rules_cover_requested_food_and_price_articles():
    """Do the rules cover 食品安全法 §122–§127, §130, §132–§134, 条例 §68–§74 (fining or routing), 价格法 §39–§43,
    规定 §4–§15, 明码标价 §22–§26 and 特种设备安全监督检查办法 §35–§36?"""
    arts = lambda law: {r.article for r in list_rules(law)}
    assert arts("食品安全法") == {122, 123, 124, 125, 126, 127, 128, 130, 131, 132, 133, 134}
    assert arts("食品生产经营监督检查管理办法") == {48}
    assert arts("食品安全法实施条例") == {68, 69, 70, 72, 74, 76}
    assert arts("价格法") == {39, 40, 41, 42, 43, 44}
    assert arts("价格违法行为行政处罚规定") == set(range(4, 16))
    assert arts("明码标价和禁止价格欺诈规定") == {21, 22, 23, 24, 25, 26}
    assert arts("特种设备安全监督检查办法") == {35, 36}
    assert {118, 131, 133, 135, 137} <= arts("药品管理法")
    food_items = {(r.article, r.paragraph, i) for r in list_rules("食品安全法") for i in r.items}
    for art, n_items in ((123, 6), (124, 9), (125, 4), (126, 13)):
        assert {(art, 1, i) for i in range(1, n_items + 1)} <= food_items


def test_see_also_points_to_existing_rules():
    """Does every see_also name an existing rule id?"""
    ids = {r.id for r in RULES}
    for r in RULES:
        assert set(r.see_also) <= ids, r.id


# ------------------------------------------------------------ boundaries
def test_goods_value_exactly_10000_is_in_the_10000_and_above_tier():
    """Is goods value of exactly 10000 yuan in the 一万元以上 tier?"""
    r = fine_range("食品安全法", 124, paragraph=1, item=5, goods_value=10000)
    assert (r.min, r.max) == (100000, 200000)
    assert "含本数" in r.basis


def test_goods_value_just_below_10000_is_in_the_fixed_tier():
    """Is goods value of 9999.99 yuan still in the 不足一万元 tier?"""
    r = fine_range("食品安全法", 124, paragraph=1, item=5, goods_value=9999.99)
    assert (r.min, r.max) == (50000, 100000)


def test_contract_example_124_1_5():
    """Does the design.md example (124-1-5, goods value 3200) give 5万 to 10万, mandatory, with the verbatim quote?"""
    r = fine_range("食品安全法", 124, paragraph=1, item=5, goods_value=3200)
    assert (r.min, r.max, r.mandatory, r.conditions) == (50000, 100000, True, [])
    assert laws.is_verbatim("食品安全法", 124, r.quote) and "五万元以上十万元以下" in r.quote
    assert "3200元" in r.basis and "不足1万元" in r.basis


def test_123_multiples():
    """Is 食品安全法 §123 with goods value 20000 fined 15 to 30 times, i.e. 30万 to 60万?"""
    r = fine_range("食品安全法", 123, paragraph=1, item=3, goods_value=20000)
    assert (r.min, r.max) == (300000, 600000)


def test_drug_117_retail_and_wholesale_floors():
    """Is 劣药 worth 3000 yuan computed on 1万 when retailed and on 10万 when wholesaled (药品管理法 §117)?"""
    retail = fine_range("药品管理法", 117, paragraph=1, goods_value=3000, channel="retail")
    wholesale = fine_range("药品管理法", 117, paragraph=1, goods_value=3000, channel="wholesale")
    assert (retail.min, retail.max) == (100000, 200000)
    assert (wholesale.min, wholesale.max) == (1000000, 2000000)
    big = fine_range("药品管理法", 117, paragraph=1, goods_value=200000, channel="retail")
    assert (big.min, big.max) == (2000000, 4000000)


def test_drug_117_without_channel_below_floor_asks_for_channel():
    """Does 劣药 below the floor without a channel raise a Chinese error asking for channel?"""
    with pytest.raises(ValueError, match="channel"):
        fine_range("药品管理法", 117, paragraph=1, goods_value=3000)
    r = fine_range("药品管理法", 117, paragraph=1, goods_value=500000)
    assert (r.min, r.max) == (5000000, 10000000)


def test_no_illegal_income_selects_the_fixed_tier():
    """With no illegal income, is 价格欺诈 (规定 §7) fined 5万 to 50万, and with income 2000 up to 5 times?"""
    none = fine_range("价格违法行为行政处罚规定", 7, illegal_income=0)
    assert (none.min, none.max, none.mandatory) == (50000, 500000, True)
    some = fine_range("价格违法行为行政处罚规定", 7, illegal_income=2000)
    assert (some.min, some.max) == (0, 10000)


def test_serious_tier_only_changes_the_no_income_case():
    """Does 情节较重 raise §5's no-income fine to 100万–500万 but leave the income-based fine at 5 times?"""
    r = fine_range("价格违法行为行政处罚规定", 5, paragraph=1, illegal_income=0, serious=True)
    assert (r.min, r.max) == (1000000, 5000000)
    assert r.quote == "情节较重的处100万元以上500万元以下的罚款"
    r2 = fine_range("价格违法行为行政处罚规定", 5, paragraph=1, illegal_income=1000, serious=True)
    assert (r2.min, r2.max) == (0, 5000)


def test_price_law_no_income_has_no_upper_amount():
    """Does 价格法 §39 without illegal income give an optional fine with no upper amount (max None)?"""
    r = fine_range("价格法", 39, illegal_income=0)
    assert r.max is None and r.mandatory is False and "未规定" in r.basis


def test_preconditions_met_and_not_met():
    """Is the §126 fine conditional on 拒不改正, and zero when that precondition is not met?"""
    r = fine_range("食品安全法", 126, paragraph=1, item=6)
    assert r.conditions == ["拒不改正"] and (r.min, r.max) == (5000, 50000)
    met = fine_range("食品安全法", 126, paragraph=1, item=6, conditions_met=True)
    assert (met.min, met.max) == (5000, 50000) and "已具备" in met.basis
    not_met = fine_range("食品安全法", 126, paragraph=1, item=6, conditions_met=False)
    assert (not_met.min, not_met.max) == (0, 0) and "不具备" in not_met.basis


def test_optional_fines():
    """Are 可以处 fines marked optional and 并处 fines mandatory?"""
    assert fine_range("价格法", 42).mandatory is False
    assert fine_range("价格法", 42).max == 5000
    assert fine_range("明码标价和禁止价格欺诈规定", 25).mandatory is False
    serious = fine_range("明码标价和禁止价格欺诈规定", 25, serious=True)
    assert serious.mandatory is True and (serious.min, serious.max) == (30000, 100000)
    assert fine_range("食品安全法", 122, paragraph=2).mandatory is True


def test_provision_without_fine_gives_zero():
    """Does a recorded provision without a fine (价格法 §41) give 0 to 0 with an explanation?"""
    r = fine_range("价格法", 41)
    assert (r.min, r.max, r.mandatory) == (0, 0, False) and "不设罚款" in r.basis


def test_identical_fines_are_not_ambiguous():
    """Is 食品安全法 §124 without paragraph and item accepted, since every provision of it has the same fine?"""
    r = fine_range("食品安全法", 124, goods_value=3200)
    assert (r.min, r.max) == (50000, 100000)


def test_item_of_a_whole_paragraph_rule():
    """Does asking for an item of a paragraph recorded as a whole (规定 §4 is per item; §13 per item) find it?"""
    assert fine_range("价格违法行为行政处罚规定", 13, paragraph=1, item=3).max == 5000


# ------------------------------------------------------------ bad input
@pytest.mark.parametrize("args,kwargs,needle", [
    (("食品法", 124), {"goods_value": 1}, "未找到法律"),
    (("行政处罚法", 1), {}, "还没有收录《行政处罚法》的罚则"),
    (("食品安全法", 1), {}, "第一条没有罚款规则"),
    (("食品安全法", 999), {}, "没有第九百九十九条"),
    (("食品安全法", 124, 1, 5), {"goods_value": -1}, "货值金额.*不能为负数"),
    (("食品安全法", 124, 1, 5), {"goods_value": "3200"}, "货值金额.*数字"),
    (("食品安全法", 124, 1, 5), {}, "需要货值金额"),
    (("价格违法行为行政处罚规定", 7), {}, "需要违法所得"),
    (("食品安全法", 124, 1, 5), {"goods_vaule": 3200}, "不认识的事实参数：goods_vaule"),
    (("食品安全法", 123), {"goods_value": 3200}, "有多条罚则"),
    (("价格违法行为行政处罚规定", 5), {"illegal_income": 0}, "请用 paragraph=、item="),
    (("食品安全法", 124, 5), {"goods_value": 1}, "第五款没有罚款规则"),
    (("食品安全法", 124, 1, 12), {"goods_value": 1}, "没有第（十二）项"),
    (("药品管理法", 117, 1), {"goods_value": 1, "channel": "shop"}, "channel"),
    (("食品安全法", 124, 1, 5), {"goods_value": 1, "serious": "是"}, "True 或 False"),
])
def test_bad_input_raises_chinese_value_error(args, kwargs, needle):
    """Does bad input raise ValueError with a Chinese message naming what is wrong?"""
    with pytest.raises(ValueError, match=needle):
        fine_range(*args, **kwargs)


def test_rule_id_resolves_ambiguity():
    """Can rule_id pick one of several rules under the same provision (药品管理法 §119)?"""
    with pytest.raises(ValueError, match="rule_id"):
        fine_range("药品管理法", 119, goods_value=3000, channel="use")
    r = fine_range("药品管理法", 119, goods_value=3000, channel="use", rule_id="drug-119-use-substandard")
    assert (r.min, r.max) == (100000, 200000)


# ------------------------------------------------------------ listing
def test_list_rules_and_table():
    """Does list_rules return all rules and rules_table a Chinese-column DataFrame of the same length?"""
    df = penalties.rules_table()
    assert len(df) == len(RULES)
    assert list(df.columns) == ["编号", "法律", "条款项", "违法行为", "罚款幅度", "前提", "是否必处", "其他处罚", "原文"]
    assert all(r.law == "价格法" for r in list_rules("价格法"))


def test_find_rules_by_keyword():
    """Does find_rules('保质期') find the overdue-food rule and several words narrow it down?"""
    ids = {r.id for r in find_rules("保质期")}
    assert "food-124-1-overdue" in ids
    assert {r.id for r in find_rules("保质期 生产日期")} <= ids
    with pytest.raises(ValueError):
        find_rules("  ")


def test_review_file_is_in_sync_with_rules():
    """Is datasets/laws/penalty_rules.md exactly what `python -m scjg.penalties --review` would write now?"""
    assert penalties.REVIEW_FILE.read_text(encoding="utf-8") == penalties.review_markdown(), \
        "罚则汇总表与规则文件不一致：请运行 python -m scjg.penalties --review"
    text = penalties.review_markdown()
    for r in RULES:
        assert f"| {r.id} |" in text
    assert "2025年9月12日" in text


# ------------------------------------------------------------ properties
GOODS_RULES = [r for r in RULES if r.fine and r.fine.depends_on == "goods_value"]
values = st.floats(min_value=0, max_value=1e8, allow_nan=False, allow_infinity=False)


def _facts(rule, value, channel):
    facts = {"goods_value": value}
    if rule.channels and channel not in rule.channels:
        channel = rule.channels[0]
    if any(f.channels for f in rule.fine.floors) or rule.channels:
        facts["channel"] = channel
    return facts


@settings(max_examples=300, deadline=None)
@given(rule=st.sampled_from(GOODS_RULES), a=values, b=values, channel=st.sampled_from(list(penalties.CHANNELS)),
       serious=st.booleans())
def test_bounds_never_decrease_as_goods_value_grows(rule, a, b, channel, serious):
    """Within a rule, do the lower and upper bounds never decrease as goods value grows?"""
    lo_v, hi_v = sorted((a, b))
    r1 = penalties.compute(rule, serious=serious, **_facts(rule, lo_v, channel))
    r2 = penalties.compute(rule, serious=serious, **_facts(rule, hi_v, channel))
    assert r1.min <= r2.min + 1e-6
    if r1.max is not None and r2.max is not None:
        assert r1.max <= r2.max + 1e-6


@settings(max_examples=300, deadline=None)
@given(rule=st.sampled_from(RULES), v=values, channel=st.sampled_from(list(penalties.CHANNELS)),
       serious=st.booleans())
def test_min_never_exceeds_max(rule, v, channel, serious):
    """For every rule and any facts, is min ≤ max?"""
    facts = {"goods_value": v, "illegal_income": v, "sales_amount": v, "related_value": v, "serious": serious}
    if rule.fine and (any(f.channels for f in rule.fine.floors) or rule.channels):
        facts["channel"] = channel if not rule.channels or channel in rule.channels else rule.channels[0]
    r = penalties.compute(rule, **facts)
    if rule.governed_by:  # 数额由其他文件规定（食品安全法第一百二十七条）
        assert r.min is None and r.max is None
        return
    assert r.min >= 0
    assert r.max is None or r.min <= r.max
    assert r.quote and laws.normalize(r.quote)
