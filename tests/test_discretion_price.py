"""scjg.discretion for 价格违法行为行政处罚规定 第十七条 (从轻/减轻 and 从重; legal review §7 “规定 §17”)."""
from __future__ import annotations

import pytest

from scjg import laws
from scjg.discretion import decide

PRICE = "价格违法行为行政处罚规定"


def test_17_1_refund_is_a_mandatory_mitigation_with_the_old_numbering_explained():
    """Does a price case with 行政处罚法§32(一) give 应当依法从轻或者减轻 under 规定§17① quoted verbatim, and explain 第二十七条?"""
    d = decide(mitigating=(1,), domain="price")
    assert (d.law, d.article, d.paragraph, d.item, d.must) == (PRICE, 17, 1, None, True)
    assert d.kind == "应当从轻或者减轻"
    assert d.quote == "经营者有《中华人民共和国行政处罚法》第二十七条所列情形的，应当依法从轻或者减轻处罚"
    assert laws.is_verbatim(PRICE, 17, d.quote)
    assert d.citation == "《价格违法行为行政处罚规定》第十七条第一款"
    assert "现为第三十二条" in d.notes[0] and "移送司法机关" in d.notes[0]
    assert "主动消除或者减轻违法行为危害后果的" in d.notes[1]


@pytest.mark.parametrize("item,quote", [
    (1, "(一)价格违法行为严重或者社会影响较大的"),
    (2, "(二)屡查屡犯的"),
    (5, "(五)经营者拒不按照本规定第十六条第一款规定退还消费者或者其他经营者多付价款的"),
])
def test_17_2_aggravating_grounds(item, quote):
    """Is each 规定§17② ground 应当从重处罚, citing its item verbatim?"""
    d = decide(aggravating=(item,), domain="price")
    assert (d.outcome, d.law, d.article, d.paragraph, d.item, d.must) == ("aggravated", PRICE, 17, 2, item, True)
    assert d.quote == quote and laws.is_verbatim(PRICE, 17, d.quote)
    assert d.kind == "处罚" and d.label == "应当从重处罚"
    assert d.citation == f"《价格违法行为行政处罚规定》第十七条第二款第（{'一二三四五六'[item - 1]}）项"


def test_mitigation_and_aggravation_together_are_weighed():
    """With both a §32 ground and a §17② ground, is the answer the mandatory mitigation with the 从重 ground noted?"""
    d = decide(mitigating=(1,), aggravating=(3,), domain="price")
    assert d.article == 17 and d.paragraph == 1
    assert any("伪造、涂改或者转移、销毁证据" in n and "综合考虑" in n for n in d.notes)


def test_no_penalty_still_comes_first_and_age_still_overrides():
    """Does 行政处罚法§33 still decide a minor, rectified price case, and §30 a 16-year-old's?"""
    assert decide(minor=True, rectified=True, harm="none", domain="price", aggravating=(1,)).kind == "不予处罚"
    assert decide(age=16, domain="price", aggravating=(4,)).article == 30


def test_price_grounds_are_refused_outside_the_price_domain_and_when_contradictory():
    """Are aggravating= without domain="price", an unknown item, and 屡查屡犯 with first_offense refused in Chinese?"""
    with pytest.raises(ValueError, match="domain=\"price\""):
        decide(aggravating=(2,))
    with pytest.raises(ValueError, match="第（一）至（六）项"):
        decide(aggravating=(7,), domain="price")
    with pytest.raises(ValueError, match="屡查屡犯"):
        decide(aggravating=(2,), first_offense=True, domain="price")


def test_other_domains_are_unchanged():
    """Without domain="price", is a §32 ground still decided under 行政处罚法§32?"""
    d = decide(mitigating=(1,))
    assert (d.law, d.article, d.item) == ("行政处罚法", 32, 1)


def test_the_discretion_helper_offers_the_price_grounds():
    """Does the 裁量小助手 show 规定§17② only for the price domain and answer 应当从重处罚 for 屡查屡犯?"""
    from scjg.widgets.discretion_helper import DiscretionHelper

    h = DiscretionHelper()
    assert h.aggravating.layout.display == "none"
    h.domain.value = "price"
    assert h.aggravating.layout.display is None
    h.aggravating.value = (2,)
    assert h.decision.label == "应当从重处罚" and "屡查屡犯" in h.output.value
    h.mitigating.value = (1,)
    assert h.decision.citation == "《价格违法行为行政处罚规定》第十七条第一款"
    h.domain.value = None  # the price grounds no longer count outside the price domain
    assert h.decision.citation == "《行政处罚法》第三十二条第一款第（一）项" and h.error == ""
