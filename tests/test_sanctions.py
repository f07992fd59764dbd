"""罚款以外的处罚（contract 4）、情节严重的法定定义、无法查清的事实、其他文件规定数额的条款。

Expected values are literals read from the statute texts in datasets/laws/texts, not from the engine.
"""
from __future__ import annotations

import dataclasses

import pytest

from scjg import laws, penalties
from scjg.penalties import fine_range

RULES = penalties.list_rules()
SANCTIONS = [(r, s) for r in RULES for s in r.sanctions]


def kinds(r) -> set[str]:
    return {s.kind for s in r.sanctions}


@pytest.mark.parametrize("rule,s", SANCTIONS, ids=[f"{r.id}:{s.kind[:12]}" for r, s in SANCTIONS])
def test_every_sanction_quote_is_verbatim(rule, s):
    """Is every sanction's quote a verbatim passage of the article it names?"""
    assert laws.is_verbatim(s.law, s.article, s.quote), (rule.id, s.kind, s.quote)


def test_every_rule_verifies_including_its_sanctions():
    """Does verify_rule find no problem in any rule, sanctions included?"""
    assert [p for r in RULES for p in penalties.verify_rule(r)] == []


def test_verify_catches_a_sanction_marked_mandatory_where_the_text_says_可以():
    """Is a 可以没收 sanction recorded as mandatory reported by the checker?"""
    rule = penalties.get_rule("food-124-1-overdue")
    tools = next(s for s in rule.sanctions if s.kind.startswith("没收用于"))
    assert tools.mandatory is False
    bad = dataclasses.replace(rule, sanctions=(dataclasses.replace(tools, mandatory=True),))
    assert any("mandatory" in p for p in penalties.verify_rule(bad))


def test_verify_catches_a_sanction_quote_that_is_not_in_the_article():
    """Is a sanction quote that the article does not contain reported?"""
    rule = penalties.get_rule("se-83-1-1-no-registration")
    fake = penalties.Sanction(kind="警告", mandatory=True, condition=None, quote="给予警告", law=rule.law, article=83)
    assert penalties.verify_rule(dataclasses.replace(rule, sanctions=(fake,)))


def test_sanctions_of_124_for_a_small_case():
    """Does 食品安全法§124(1)(5) at 3200元 give the mandatory 没收 and the optional tools confiscation, 吊销 only as
    undecided (条例§67 has grounds besides the amount) and none once the case is found not serious?"""
    r = fine_range("食品安全法", 124, 1, 5, goods_value=3200)
    by_kind = {s.kind: s for s in r.sanctions}
    assert by_kind["没收违法所得"].mandatory is True
    assert by_kind["没收违法生产经营的食品、食品添加剂"].mandatory is True
    assert by_kind["没收用于违法生产经营的工具、设备、原料等物品"].mandatory is False
    assert (by_kind["吊销许可证"].condition, by_kind["吊销许可证"].applies) == ("情节严重", None)
    assert r.serious is False
    found = fine_range("食品安全法", 124, 1, 5, goods_value=3200, serious=False)
    assert "吊销许可证" not in {s.kind for s in found.sanctions}


def test_regulation_67_makes_20000_yuan_serious():
    """Does 货值金额 20,000元 make a §124 case 情节严重 by 条例§67(一), with 吊销许可证 mandatory and 从重从严 said?"""
    r = fine_range("食品安全法", 124, 1, 5, goods_value=20000, serious=False)
    assert r.serious is True
    assert (r.min, r.max) == (200000, 400000)
    assert "第六十七条第（一）项" in r.basis and "从重从严" in r.basis
    revoke = [s for s in r.sanctions if s.kind == "吊销许可证"]
    assert revoke and revoke[0].mandatory and revoke[0].condition == "情节严重"


def test_just_below_20000_is_not_serious_by_definition():
    """Is 19,999.99元 short of the §67 threshold, so no 吊销 comes from the facts?"""
    r = fine_range("食品安全法", 124, 1, 5, goods_value=19999.99)
    assert r.serious is False
    assert all(s.applies is None for s in r.sanctions if s.kind == "吊销许可证")


def test_three_months_duration_is_serious():
    """Does a violation lasting 3 months make a §126 case 情节严重 (条例§67(一) 后段)?"""
    r = fine_range("食品安全法", 126, 1, 3, duration_months=3)
    assert r.serious is True
    assert "违法行为持续时间3个月以上" in r.basis
    assert "责令停产停业直至吊销许可证" in {s.kind for s in r.sanctions}


def test_132_refusal_brings_suspension():
    """Does §132 拒不改正 give 责令停产停业 and the 1万–5万 fine (H5b)?"""
    r = fine_range("食品安全法", 132, conditions_met=True)
    assert (r.min, r.max) == (10000, 50000)
    assert any(s.kind == "责令停产停业" and s.mandatory for s in r.sanctions)


def test_no_warning_where_the_law_gives_none():
    """Does 特种设备安全法§83 and §87 never produce 警告 (H6a; 行政处罚法§38)?"""
    for rule in penalties.list_rules("特种设备安全法"):
        if rule.article in (83, 87):
            r = penalties.compute(rule, conditions_met=False)
            assert all("警告" not in s.kind for s in r.sanctions), rule.id


def test_the_engine_never_produces_a_sanction_the_rule_lacks():
    """Is every sanction fine_range returns one of its rule's own sanctions, for a spread of facts?"""
    facts = [dict(), dict(serious=True, conditions_met=True, illegal_income=100.0)]
    for rule in RULES:
        own = {(s.kind, s.quote) for s in rule.sanctions}
        if rule.fine_from:
            own |= {(s.kind, s.quote) for s in penalties.get_rule(rule.fine_from).sanctions}
        for f in facts:
            try:
                r = penalties.compute(rule, **f)
            except ValueError:
                continue
            assert {(s.kind, s.quote) for s in r.sanctions} <= own, rule.id


def test_drug_126_serious_tier_needs_no_failed_order():
    """Does 药品管理法§126 情节严重 give 50万–200万 even where 逾期不改正 is not met (M1)?"""
    r = fine_range("药品管理法", 126, 1, serious=True, conditions_met=False)
    assert (r.min, r.max) == (500000, 2000000)
    assert "前提：逾期不改正" not in r.basis
    plain = fine_range("药品管理法", 126, 1, conditions_met=False)
    assert (plain.min, plain.max) == (0, 0)


def test_drug_119_use_of_substandard_confiscates_income():
    """Does §119 (use of 劣药) confiscate the 违法所得 via §117 (H5a)?"""
    r = fine_range("药品管理法", 119, rule_id="drug-119-use-substandard", goods_value=500, illegal_income=30)
    conf = [s for s in r.sanctions if s.kind == "没收违法所得"]
    assert conf and conf[0].amount == 30 and conf[0].article == 117


def test_drug_fake_reaches_the_persons_under_118():
    """Does 假药 (§116) carry §118's personal sanctions, and 劣药 only when 情节严重?"""
    fake = fine_range("药品管理法", 116, goods_value=1000)
    assert any(s.personal and s.article == 118 and s.mandatory for s in fake.sanctions)
    bad = fine_range("药品管理法", 117, 1, goods_value=1000, channel="retail", serious=False)
    assert not any(s.article == 118 for s in bad.sanctions)
    undecided = fine_range("药品管理法", 117, 1, goods_value=1000, channel="retail")
    assert all(s.applies is None for s in undecided.sanctions if s.article == 118)
    bad2 = fine_range("药品管理法", 117, 1, goods_value=1000, channel="retail", serious=True)
    assert any(s.article == 118 for s in bad2.sanctions)


def test_food_regulation_75_reaches_the_persons():
    """Does a food-law rule carry 条例§75 (1–10倍 of last year's income) with its condition undecided by the facts?"""
    r = fine_range("食品安全法", 124, 1, 5, goods_value=100)
    s = next(s for s in r.sanctions if s.article == 75)
    assert s.law == "食品安全法实施条例" and s.applies is None and s.personal
    assert "1倍以上10倍以下" in s.quote


def test_refund_reduces_what_is_confiscated():
    """Is only the unrefunded part of the 违法所得 confiscated (行政处罚法§28②, 价格规定§16; H3), and said so?"""
    part = fine_range("价格违法行为行政处罚规定", 7, illegal_income=1000, refunded=400)
    conf = next(s for s in part.sanctions if s.kind == "没收违法所得")
    assert conf.amount == 600 and conf.mandatory
    assert "应没收的违法所得为600元：违法所得1000元减去已退还的400元" in part.basis
    assert "除依法应当退赔的外" in conf.note and "第十六条" in conf.note


@pytest.mark.parametrize("income,refunded", [(5840.40, 5840.40), (100, 200)])
def test_a_full_refund_leaves_nothing_to_confiscate(income, refunded):
    """Is a fully refunded (or over-refunded) overcharge not listed as a mandatory 没收违法所得, and is that said in Chinese?"""
    r = fine_range("价格违法行为行政处罚规定", 7, illegal_income=income, refunded=refunded)
    assert not any("没收违法所得" in s.types for s in r.sanctions)
    assert "已全部退还" in r.basis and "无可没收" in r.basis and "第二十八条第二款" in r.basis
    assert (r.min, r.max) == (0, income * 5)


def test_a_full_refund_under_the_price_law_names_the_refund_rule():
    """Does 价格法§39 with 违法所得3000元 fully refunded confiscate nothing and cite 行政处罚法§28②?"""
    r = fine_range("价格法", 39, illegal_income=3000, refunded=3000, serious=False)
    assert [s.kind for s in r.sanctions] == ["责令改正"]
    assert "违法所得3000元已全部退还（已退还3000元），无可没收" in r.basis


def test_no_refund_no_refund_sentence():
    """Without a refund, is the whole 违法所得 confiscated and no refund sentence added?"""
    r = fine_range("价格违法行为行政处罚规定", 7, illegal_income=1000)
    assert next(s for s in r.sanctions if s.kind == "没收违法所得").amount == 1000
    assert "退还" not in r.basis


def test_income_that_cannot_be_fixed_is_treated_as_none():
    """Does 违法所得无法确定 take the no-income tier (价格规定§18) and say why?"""
    r = fine_range("价格违法行为行政处罚规定", 7, illegal_income="无法确定")
    assert (r.min, r.max) == (50000, 500000)
    assert "第十八条" in r.basis and "违法所得无法确定时，按照没有违法所得的规定处罚" in r.basis


def test_goods_value_that_cannot_be_fixed_takes_the_lower_tier():
    """Does 货值金额无法查清 take the lower tier of §124 (5万–10万), stated as the kit's reading?"""
    r = fine_range("食品安全法", 124, 1, 5, goods_value="无法查清")
    assert (r.min, r.max) == (50000, 100000)
    assert "无法查清" in r.basis and "本工具的理解" in r.basis


def test_unknown_goods_value_with_a_floor_uses_the_floor():
    """Does 劣药 retail with 货值金额无法查清 count at the 1万 floor (10万–20万)?"""
    r = fine_range("药品管理法", 117, 1, goods_value="无法查清", channel="retail")
    assert (r.min, r.max) == (100000, 200000)


def test_a_wrong_unknown_word_is_refused():
    """Is a misspelt unknown amount refused with the accepted word named?"""
    with pytest.raises(ValueError, match="无法查清"):
        fine_range("食品安全法", 124, 1, 5, goods_value="不清楚")


def test_price_tag_26_2_answers_zero_with_reason():
    """Does 明码标价规定§26② answer 0–0 with the reason instead of raising?"""
    r = fine_range("明码标价和禁止价格欺诈规定", 26, 2)
    assert (r.min, r.max) == (0, 0)
    assert "未实际损害消费者" in r.basis and "不予处罚" in r.basis


def test_food_127_names_the_provincial_measures_and_no_amount():
    """Does 食品安全法§127 answer with no amount and name the provincial measures (H2)?"""
    r = fine_range("食品安全法", 127)
    assert r.min is None and r.max is None
    assert "省、自治区、直辖市制定的具体管理办法" in r.basis


def test_price_regs_11_is_linked_from_the_rules_it_modifies():
    """Do 价格规定§4、§7–§10 point to §11 for individual operators (M4)?"""
    for rid, target in (("price-regs-7-fraud", "第十一条第一款"), ("price-regs-10-1", "第十一条第二款"),
                        ("price-regs-4-1-dumping", "第十一条第一款")):
        r = penalties.compute(penalties.get_rule(rid), illegal_income=0)
        assert target in r.basis and "个人" in r.basis, rid


def test_price_regs_5_keeps_较重_and_严重_apart():
    """Does 情节较重 raise the no-income fine of 价格规定§5 without bringing 停业整顿, while 情节严重 brings it?"""
    heavier = fine_range("价格违法行为行政处罚规定", 5, 1, illegal_income=0, serious="较重")
    assert (heavier.min, heavier.max) == (1000000, 5000000)
    assert not any("停业整顿" in s.kind for s in heavier.sanctions)
    grave = fine_range("价格违法行为行政处罚规定", 5, 1, illegal_income=0, serious=True)
    assert any("停业整顿" in s.kind for s in grave.sanctions)


def test_serious_with_income_says_the_tier_does_not_apply():
    """With 违法所得 > 0, does serious=True on 价格规定§5 say the 情节较重 tier does not apply (N6)?"""
    r = fine_range("价格违法行为行政处罚规定", 5, 1, illegal_income=100, serious=True)
    assert (r.min, r.max) == (0, 500)
    assert "只改变没有违法所得的罚款" in r.basis


def test_basis_carries_the_version_warning_for_amended_laws():
    """Does the basis of a 食品安全法 rule carry the 2025 amendment warning, and the touched rules a note (M9)?"""
    r = fine_range("食品安全法", 132, conditions_met=True)
    assert "2025年9月12日" in r.basis and "可能受2025年9月12日修改影响" in r.basis
    assert "2025" not in fine_range("特种设备安全法", 84, 1, 1).basis


def test_new_coverage_amounts():
    """Do the added provisions give the amounts their texts set (食品安全法§130/§133, 条例§72/§74, 检查办法§35/§36, 价格法§43)?"""
    assert (fine_range("食品安全法", 130, 1).min, fine_range("食品安全法", 130, 1).max) == (50000, 200000)
    r = fine_range("食品安全法", 133, 1)
    assert (r.min, r.max) == (2000, 50000) and any(s.kind == "责令停产停业" for s in r.sanctions)
    assert (fine_range("食品安全法实施条例", 72, conditions_met=True).max) == 50000
    assert (fine_range("食品安全法实施条例", 72, serious=True).min) == 50000
    r74 = fine_range("食品安全法实施条例", 74, goods_value=20000, conditions_met=True)
    assert (r74.min, r74.max) == (100000, 200000)
    assert (fine_range("特种设备安全监督检查办法", 35, 1, conditions_met=True).max) == 30000
    assert (fine_range("特种设备安全监督检查办法", 35, 2, conditions_met=True).min) == 10000
    assert (fine_range("特种设备安全监督检查办法", 36, serious=True).max) == 200000
    r43 = fine_range("价格法", 43, related_value=1000)
    assert (r43.min, r43.max) == (1000, 3000)


def test_134_is_suspension_without_a_fine():
    """Does 食品安全法§134 answer 0–0 and give 责令停产停业直至吊销许可证 with its condition?"""
    r = fine_range("食品安全法", 134)
    assert (r.min, r.max) == (0, 0)
    assert [s.kind for s in r.sanctions] == ["责令停产停业直至吊销许可证"]


def test_regulation_69_3_follows_126():
    """Does 条例§69(三) (expired food not segregated) take §126①'s 5000–5万 range?"""
    r = fine_range("食品安全法实施条例", 69, 1, 3, conditions_met=True)
    assert (r.min, r.max) == (5000, 50000)
    assert "第一百二十六条第一款" in r.basis


def test_sanction_types_follow_article_9():
    """Are the 行政处罚法§9 types of sanctions read right (没收 goods vs income, 吊销, 停产停业)?"""
    rule = penalties.get_rule("drug-124-2-sell")
    types = {s.kind: s.types for s in rule.sanctions}
    assert types["没收违法生产、进口、销售的药品和违法所得"] == ("没收违法所得", "没收非法财物")
    assert types["责令停产停业整顿"] == ("责令停产停业",)
    warn = penalties.get_rule("food-126-1-item1").sanctions
    assert {s.kind: s.types for s in warn}["责令改正"] == ()


def test_more_food_coverage():
    """Do 食品安全法§128 (事故证据 10万–50万), §131 (平台 5万–20万) and 检查办法§48 (可以并处 5000–5万 after 拒不改正) hold?"""
    r128 = fine_range("食品安全法", 128, rule_id="food-128-incident-evidence")
    assert (r128.min, r128.max) == (100000, 500000) and any(s.kind == "责令停产停业" for s in r128.sanctions)
    warned = fine_range("食品安全法", 128, rule_id="food-128-incident-no-report")
    assert (warned.min, warned.max) == (0, 0)
    assert [(s.kind, s.applies) for s in warned.sanctions] == [("责令改正", True), ("警告", True), ("吊销许可证", None)]
    with pytest.raises(ValueError, match="多条罚则"):
        fine_range("食品安全法", 128)
    r131 = fine_range("食品安全法", 131, 1)
    assert (r131.min, r131.max) == (50000, 200000)
    r48 = fine_range("食品生产经营监督检查管理办法", 48, conditions_met=True)
    assert (r48.min, r48.max, r48.mandatory) == (5000, 50000, False)
    assert any(s.kind == "警告" and s.applies for s in r48.sanctions)
    assert not any(s.kind == "警告" for s in fine_range("食品生产经营监督检查管理办法", 48, conditions_met=False).sanctions)


def test_drug_124_3_small_imports_are_noted():
    """Does §124's selling rule mention 第三款 (少量境外已合法上市的药品，可以减轻或者免予处罚)?"""
    r = fine_range("药品管理法", 124, 2, rule_id="drug-124-2-sell", goods_value=1000)
    assert "可以依法减轻或者免予处罚" in r.basis


def test_drug_131_133_135():
    """Do 药品管理法§131 (20万–200万; 情节严重 200万–500万), §133 (2–5倍, floor 5万) and §135 (5–10倍, floor 10万; 10万–50万) hold?"""
    assert fine_range("药品管理法", 131).max == 2000000
    assert (fine_range("药品管理法", 131, serious=True).min) == 2000000
    r = fine_range("药品管理法", 133, goods_value=1000)
    assert (r.min, r.max) == (100000, 250000) and "不足5万元，按5万元计算" in r.basis
    assert fine_range("药品管理法", 133, goods_value=1000, serious=True).max == 750000
    holder = fine_range("药品管理法", 135, rule_id="drug-135-refuse-recall-holder", goods_value=1000)
    assert (holder.min, holder.max) == (500000, 1000000)
    assert fine_range("药品管理法", 135, rule_id="drug-135-refuse-cooperate").min == 100000
    with pytest.raises(ValueError, match="有多条罚则"):
        fine_range("药品管理法", 135, goods_value=1000)


def test_regulation_76_is_a_mitigation_ground_without_a_fine():
    """Does 条例§76 answer 0–0 and say it is a ground for 从轻或者减轻?"""
    r = fine_range("食品安全法实施条例", 76)
    assert (r.min, r.max) == (0, 0) and "可以从轻或者减轻处罚" in r.basis


def test_price_law_44_and_price_tag_21():
    """Does 价格法§44 give 警告 and an unquantified 可以 fine after 逾期不改正, and 明码标价规定§21 answer 0–0 (不属于价格欺诈)?"""
    r = fine_range("价格法", 44, conditions_met=True)
    assert (r.min, r.max, r.mandatory) == (0, None, False) and "第十四条" in r.basis
    assert any(s.kind == "警告" for s in r.sanctions)
    t = fine_range("明码标价和禁止价格欺诈规定", 21)
    assert (t.min, t.max) == (0, 0) and "不属于第十九条规定的价格欺诈行为" in t.basis


def test_a_serious_condition_not_given_is_listed_as_undecided():
    """Is 特种设备安全法§85 “情节严重的，吊销充装许可证” listed (前提未判断) when serious is not given, and dropped for serious=False?"""
    r = fine_range("特种设备安全法", 85, 1, item=1)
    assert [(s.kind, s.condition, s.applies) for s in r.sanctions] == [
        ("责令改正", None, True), ("吊销充装许可证", "情节严重", None)]
    assert [s.kind for s in fine_range("特种设备安全法", 85, 1, item=1, serious=False).sanctions] == ["责令改正"]
    assert fine_range("特种设备安全法", 85, 1, item=1, serious=True).sanctions[1].applies is True


def test_较重_does_not_select_a_情节严重_tier():
    """Does serious="较重" leave a rule whose tier is for 情节严重 (明码标价规定§25) at its ordinary range?"""
    r = fine_range("明码标价和禁止价格欺诈规定", 25, serious="较重")
    assert (r.min, r.max) == (0, 30000) and "“情节较重”不适用" in r.basis
