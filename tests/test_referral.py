"""scjg.referral.assess against 刑法 and the 2021 两高 food interpretation: every threshold, literal expectations."""
from __future__ import annotations

import pytest

from scjg import laws
from scjg.referral import FOOD_JI, assess

ART_140_FIRST = ("生产者、销售者在产品中掺杂、掺假，以假充真，以次充好或者以不合格产品冒充合格产品，销售金额五万元以上"
                 "不满二十万元的，处二年以下有期徒刑或者拘役，并处或者单处销售金额百分之五十以上二倍以下罚金")
ART_149 = ("生产、销售本节第一百四十一条至第一百四十八条所列产品，不构成各该条规定的犯罪，但是销售金额在五万元以上的，"
           "依照本节第一百四十条的规定定罪处罚")


def verbatim(r):
    return laws.is_verbatim(r.law, r.article, r.quote)


@pytest.mark.parametrize("sales, refer", [(0, False), (49999.99, False), (50000, True), (50000.01, True)])
def test_article_140_five_wan_included(sales, refer):
    """Is 五万元 itself a 第一百四十条 case (以上包括本数, 刑法第九十九条) and 49,999.99元 not?"""
    r = assess(140, sales_amount=sales)
    assert (r.refer, r.law, r.article) == (refer, "刑法", "第一百四十条")
    assert r.quote == ART_140_FIRST and verbatim(r)
    assert r.threshold == "销售金额五万元以上（含本数，刑法第九十九条）"


@pytest.mark.parametrize("sales, tier_start", [
    (199999.99, "生产者、销售者"), (200000, "销售金额二十万元以上不满五十万元"), (499999, "销售金额二十万元以上不满五十万元"),
    (500000, "销售金额五十万元以上不满二百万元"), (1999999.99, "销售金额五十万元以上不满二百万元"),
    (2000000, "销售金额二百万元以上"),
])
def test_article_140_sentencing_tiers(sales, tier_start):
    """Does the note name the 第一百四十条 tier at 二十万, 五十万 and 二百万元 exactly (each included)?"""
    tier = [n for n in assess(140, sales_amount=sales).notes if n.startswith("量刑档")]
    assert len(tier) == 1 and tier[0].startswith("量刑档：“" + tier_start)


def test_article_forms_are_equivalent():
    """Are 134之一 given as "134之一" and "第一百三十四条之一" the same article, and 140 as int or text?"""
    a = assess("134之一", item=2, real_danger=True)
    b = assess("第一百三十四条之一", item=2, real_danger=True)
    assert a == b and a.article == "第一百三十四条之一"
    assert assess("第一百四十条", sales_amount=1) == assess(140, sales_amount=1)


def test_134_1_special_equipment_refusing_an_order_to_stop():
    """Is refusing an order to stop using equipment (item 2) with a real danger a referral, with no accident needed?"""
    r = assess("134之一", item=2, real_danger=True)
    assert (r.refer, r.article, r.item) == (True, "第一百三十四条之一", 2)
    assert r.citation == "《刑法》第一百三十四条之一第（二）项"
    assert r.quote == ("在生产、作业中违反有关安全管理的规定，有下列情形之一，具有发生重大伤亡事故或者其他严重后果的"
                       "现实危险的，处一年以下有期徒刑、拘役或者管制") and verbatim(r)
    assert "不要求已经发生事故" in r.threshold and "不在本教材的法律文本库中" in r.threshold
    assert "停止使用有关设备、设施、场所" in r.reasons[0]


def test_134_1_needs_both_the_item_and_the_danger():
    """Is item 2 without a real danger, or a danger without an item, not a referral?"""
    assert assess("134之一", item=2).refer is False
    assert assess("134之一", real_danger=True).refer is False


def test_fake_drugs_have_no_threshold():
    """Is any production or sale of 假药 a referral under 第一百四十一条, quoted verbatim?"""
    r = assess(141)
    assert (r.refer, r.article, r.quote) == (True, "第一百四十一条", "生产、销售假药的，处三年以下有期徒刑或者拘役，并处罚金")
    assert verbatim(r) and r.threshold.startswith("没有数额或者后果门槛")


@pytest.mark.parametrize("sales, refer", [(49999, False), (50000, True)])
def test_substandard_drugs_follow_142_149_140(sales, refer):
    """Without serious harm, does 劣药 follow 第一百四十二条 → 第一百四十九条 → 第一百四十条 at 五万元?"""
    r = assess(142, sales_amount=sales)
    assert (r.refer, r.article) == (refer, "第一百四十九条")
    assert r.path == ("第一百四十二条", "第一百四十九条", "第一百四十条")
    assert r.quote == ART_149 and verbatim(r)


def test_substandard_drugs_with_serious_harm_are_142():
    """With serious harm to health, is 劣药 a 第一百四十二条 referral whatever the amount?"""
    r = assess(142, serious_harm=True, sales_amount=100)
    assert (r.refer, r.article, r.path) == (True, "第一百四十二条", ("第一百四十二条",))
    assert r.quote == "生产、销售劣药，对人体健康造成严重危害的，处三年以上十年以下有期徒刑，并处罚金" and verbatim(r)
    assert "不在本教材的法律文本库中" in r.threshold


def test_142_1_items_and_danger():
    """Is 第一百四十二条之一 a referral only with one of its items and 足以严重危害人体健康?"""
    assert assess("142之一", item=2, sufficient_danger=True).refer is True
    r = assess("142之一", item=2, sales_amount=10)
    assert (r.refer, r.article) == (False, "第一百四十九条")
    assert assess("142之一", item=4, sufficient_danger=True).article == "第一百四十二条之一"


def test_143_by_the_interpretation_item():
    """Is 病死畜禽肉 (解释第一条第（二）项) a 第一百四十三条 referral, quoted from the interpretation?"""
    r = assess(143, item=2)
    assert (r.refer, r.law, r.article, r.item) == (True, FOOD_JI, "第一条", 2)
    assert r.quote == "（二）属于病死、死因不明或者检验检疫不合格的畜、禽、兽、水产动物肉类及其制品的" and verbatim(r)
    assert r.path == ("第一百四十三条",)


def test_143_without_danger_falls_to_149():
    """Without proof of 足以造成严重食物中毒, is 不符合食品安全标准的食品 judged by 第一百四十九条 (解释第十三条第二款)?"""
    r = assess(143, sales_amount=50000)
    assert (r.refer, r.article) == (True, "第一百四十九条")
    assert any("第十三条第二款" in n for n in r.notes)
    assert assess(143, sales_amount=49999.99).refer is False
    assert assess(143, serious_harm=True).article == "第一百四十三条"


def test_144_has_no_amount_threshold():
    """Is adding a listed substance (解释第九条第（二）项) a 第一百四十四条 referral at any amount, but not for an unknowing seller?"""
    r = assess(144, item=2, sales_amount=1)
    assert (r.refer, r.article) == (True, "第一百四十四条") and verbatim(r)
    assert "《保健食品中可能非法添加的物质名单》" in r.reasons[0]
    assert assess(144, item=2, knowing=False, sales_amount=1).refer is False


@pytest.mark.parametrize("article", [140, 141, 142, "142之一", 143, 144, 145, 146, 149])
def test_unknowing_is_not_referred(article):
    """Where 明知 cannot be proved, is there no referral even at 五万元, citing 刑法第十四条 and 第十五条第二款?"""
    r = assess(article, knowing=False, sales_amount=50000)
    assert (r.refer, r.article) == (False, "第十四条") and verbatim(r)
    assert r.quote == "明知自己的行为会发生危害社会的结果，并且希望或者放任这种结果发生，因而构成犯罪的，是故意犯罪"
    assert "过失犯罪，法律有规定的才负刑事责任" in r.notes[0]


@pytest.mark.parametrize("article, kwargs, refer", [
    (145, dict(sufficient_danger=True), True), (145, dict(), False),
    (146, dict(serious_harm=True), True), (146, dict(sales_amount=49999), False), (146, dict(sales_amount=50000), True),
])
def test_145_and_146(article, kwargs, refer):
    """Are 医疗器械 (足以严重危害) and 不合格产品 (造成严重后果) referred only when their condition or 149 is met?"""
    r = assess(article, **kwargs)
    assert r.refer is refer and verbatim(r)


def test_149_directly():
    """Is 第一百四十九条 itself at 五万元 a referral with the 第一百四十条 path?"""
    r = assess(149, sales_amount=50000)
    assert (r.refer, r.path) == (True, ("第一百四十九条", "第一百四十条"))


@pytest.mark.parametrize("args, kwargs, message", [
    ((150,), {}, "暂不支持刑法第一百五十条"),
    (("一百四十条之九",), {}, "暂不支持"),
    (("abc",), {}, "看不懂条号"),
    ((140,), dict(sales_amount=-1), "销售金额（sales_amount）应为不小于 0"),
    ((140,), dict(sales_amount="五万"), "销售金额（sales_amount）应为"),
    ((140,), dict(real_danger=True), "第一百四十条的门槛与“现实危险”"),
    (("134之一",), dict(item=4), "只有第（一）至（三）项"),
    ((143,), dict(item=6), "第一条只有第（一）至（五）项"),
    ((141,), dict(item=1), "无关"),
])
def test_bad_input_is_refused_in_chinese(args, kwargs, message):
    """Are unsupported articles, negative amounts, unrelated facts and unknown items refused in Chinese?"""
    with pytest.raises(ValueError, match=message):
        assess(*args, **kwargs)
