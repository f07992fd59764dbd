"""行政处罚法 第二十九条 as data: one fine for one act, and which rule's amount applies (issue 10, item 3).

Expected amounts are read from the statute texts: 价格违法行为行政处罚规定 第七条 “没有违法所得的，处5万元以上50万元以下的罚款”,
第十三条 “可以并处5000元以下的罚款”, 明码标价和禁止价格欺诈规定 第二十四条 “可以处三万元以下罚款”.
"""
from __future__ import annotations

import pytest

from scjg import laws, penalties
from scjg.penalties import same_act

ART_29 = ("对当事人的同一个违法行为，不得给予两次以上罚款的行政处罚。同一个违法行为违反多个法律规范应当给予罚款处罚的，"
          "按照罚款数额高的规定处罚。")


def test_article_29_is_quoted_verbatim():
    """Is the answer's quote 行政处罚法§29 word for word?"""
    a = same_act("price-law-40-unfair-pricing", "price-regs-7-fraud", illegal_income=0)
    assert a.quote == ART_29 and laws.is_verbatim("行政处罚法", 29, a.quote)


def test_price_fraud_applies_the_regulation_and_names_the_laws_outside_the_corpus():
    """Does 价格欺诈 under 价格法§40 and 规定§7 apply 规定§7 (5万–50万 without income), once, and name 反不正当竞争法/电子商务法?"""
    a = same_act("price-law-40-unfair-pricing", "price-regs-7-fraud", illegal_income=0)
    assert a.applies == "price-regs-7-fraud" and a.group.id == "price-fraud"
    assert (a.ranges["price-regs-7-fraud"].min, a.ranges["price-regs-7-fraud"].max) == (50000, 500000)
    assert "5万元以上50万元以下" in a.reason and "只罚一次" in a.reason
    assert "《反不正当竞争法》、《电子商务法》（本工具未收录）" in a.reason and "按照罚款数额高的规定处罚" in a.reason
    assert "同一法律规范及其细化" in a.reason


def test_price_tag_chain_covers_every_item_of_regulation_13():
    """Do 价格法§42 and any item of 规定§13 form one act, fined under §13 (5000元以下)?"""
    for rid in ("price-regs-13-1-no-price", "price-regs-13-3-surcharge"):
        a = same_act("price-law-42-price-tag", rid)
        assert a.applies == rid and "（5000元以下）" in a.reason


def test_two_rules_outside_a_chain_take_the_higher_fine():
    """For two norms not in a chain, is the rule with the higher maximum (明码标价规定§24: 3万元以下 > 5000元以下) chosen?"""
    a = same_act("price-regs-13-1-no-price", "price-tag-24-marketplace")
    assert a.applies == "price-tag-24-marketplace" and a.group is None
    assert "3万元以下" in a.reason and "5000元以下" in a.reason and "罚款数额高" in a.reason


def test_an_amount_set_elsewhere_cannot_be_compared():
    """With 食品安全法§127 (provincial measures) in the pair, is no rule chosen and the reason given in Chinese?"""
    a = same_act("food-127-workshop-vendor", "food-124-1-overdue", goods_value=3000)
    assert a.applies == "" and "无法比较数额" in a.reason and "省、自治区、直辖市" in a.reason


def test_same_act_needs_two_rules_and_real_ids():
    """Are one rule id, or an unknown id, refused with a Chinese message?"""
    with pytest.raises(ValueError, match="至少两条"):
        same_act("price-regs-7-fraud")
    with pytest.raises(ValueError, match="没有编号"):
        same_act("price-regs-7-fraud", "no-such-rule", illegal_income=0)


def test_every_group_is_verbatim_and_its_rules_exist():
    """Is each same_act group's quote verbatim in its article, its made_under verbatim in the regulation's 第一条?"""
    groups = penalties.same_act_groups()
    assert {g.id for g in groups} == {"price-fraud", "price-tag", "price-dumping-discrimination", "price-collusion",
                                      "price-gouging", "price-grade", "price-profiteering", "price-government-pricing",
                                      "price-refuse-documents"}
    for g in groups:
        assert laws.is_verbatim(g.law, g.article, g.quote)
        last = penalties.get_rule(g.chain[-1])
        assert laws.is_verbatim(last.law, 1, g.made_under)
        assert all(x in g.quote for x in g.outside)


def test_fine_range_points_to_the_other_rule_of_the_same_act():
    """Does 规定§13's basis say that a 明码标价违法行为 is also under 价格法§42, fined once (§29)?"""
    b = penalties.fine_range("价格违法行为行政处罚规定", 13, 1, 1, illegal_income=100).basis
    assert "属于明码标价违法行为的，同时适用《价格法》第四十二条第一款：同时引用，只罚一次款（行政处罚法第二十九条）" in b


def test_every_price_law_rule_pointing_to_the_regulation_is_in_a_group():
    """Is each 价格违法行为行政处罚规定 rule named in a 价格法 rule's see_also part of a same_act chain with that rule?"""
    missing = []
    for r in penalties.list_rules("价格法"):
        for rid in r.see_also:
            if penalties.get_rule(rid).law == "价格违法行为行政处罚规定" and penalties.concurrence.group_of((r.id, rid)) is None:
                missing.append((r.id, rid))
    assert missing == []


def test_government_pricing_applies_the_regulation_amount():
    """Does 价格法§39 with 规定§9(一) and no 违法所得 apply §9 (5万–50万元: “没有违法所得的，处5万元以上50万元以下的罚款”)?"""
    a = same_act("price-law-39-government-pricing", "price-regs-9-1", illegal_income=0)
    assert a.applies == "price-regs-9-1" and a.group.id == "price-government-pricing"
    assert (a.ranges["price-regs-9-1"].min, a.ranges["price-regs-9-1"].max) == (50000, 500000)
