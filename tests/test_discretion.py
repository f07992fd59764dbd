"""scjg.discretion against the legal review (M2, M3, M7): special rules displace 行政处罚法§33②."""
from __future__ import annotations

import pytest

from scjg import laws
from scjg.discretion import DiscretionHelper, decide


def test_no_fault_in_general_is_33_2_and_names_the_exceptions():
    """Without a domain, is no-fault 应当不予处罚 under §33② with a note that 食品安全法§136 and 产品质量法§55 displace it?"""
    d = decide(no_fault=True)
    assert (d.law, d.article, d.paragraph, d.must) == ("行政处罚法", 33, 2, True)
    assert "第一百三十六条" in d.notes[0] and "第五十五条" in d.notes[0] and "从其规定" in d.notes[0]


def test_no_fault_for_a_food_business_is_136_with_confiscation():
    """For a 食品经营者, is no-fault 可以免予处罚 but 应当没收 (食品安全法§136; M2)?"""
    d = decide(no_fault=True, domain="food")
    assert (d.law, d.article, d.must) == ("食品安全法", 136, False)
    assert "可以免予处罚，但应当依法没收其不符合食品安全标准的食品" in d.quote
    assert laws.is_verbatim("食品安全法", 136, d.quote)
    assert d.citation == "《食品安全法》第一百三十六条"


def test_no_fault_for_a_product_seller_is_only_lenient():
    """For a seller under 产品质量法, is no-fault only 可以从轻或者减轻 (§55; M2)?"""
    d = decide(no_fault=True, domain="product")
    assert d.outcome == "mitigated_or_lenient" and d.must is False
    assert d.quote.endswith("可以从轻或者减轻处罚") and laws.is_verbatim("产品质量法", 55, d.quote)


def test_unknown_domain_is_refused():
    """Is an unknown domain refused with a Chinese message naming the choices?"""
    with pytest.raises(ValueError, match="food"):
        decide(no_fault=True, domain="tobacco")


def test_first_offense_note_says_the_law_does_not_define_it():
    """Does 首违不罚 say that 行政处罚法 does not define 初次违法 (M7a)?"""
    d = decide(first_offense=True, harm="minor", rectified=True)
    assert any("没有定义“初次违法”" in n for n in d.notes)


def test_cooperation_alone_is_not_a_statutory_ground():
    """Does the normal outcome say cooperation is not a §32 ground but a local-benchmark factor (M3)?"""
    d = decide(harm="actual", rectified=True)
    assert any("立功表现" in n and "本地裁量基准" in n for n in d.notes)


def test_the_helper_widget_passes_the_domain():
    """Does choosing 食品经营者 in the helper switch the no-fault answer to §136?"""
    h = DiscretionHelper()
    h.no_fault.value = True
    h.domain.value = "food"
    assert h.decision.article == 136 and "第一百三十六条" in h.output.value
