"""Near misses: answer checking is exact where it should be (choices, amounts within the stated rounding allowance)."""
from __future__ import annotations

import pytest

from scjg.checks import expect_amount, expect_choice, expect_choices


@pytest.mark.parametrize("answer", ["ABCD", "AB", "ABC", "D", "ABDC"])
def test_multi_choice_must_be_the_exact_set(answer):
    """Does a superset, a subset or a neighbour of the choices 'ABD' fail?"""
    with pytest.raises(AssertionError):
        expect_choices(answer, "ABD")


@pytest.mark.parametrize("answer", ["ABD", "DBA", "A、B、D", "a,b,d", "ＡＢＤ"])
def test_multi_choice_in_any_order_or_form_passes(answer):
    """Is the exact set 'ABD' accepted in any order and separator?"""
    expect_choices(answer, "ABD")


def test_single_choice_rejects_two_letters():
    """Does a single-choice answer 'AB' fail when the key is 'A'?"""
    with pytest.raises(AssertionError):
        expect_choice("AB", "A")


@pytest.mark.parametrize("answer", [50001, 49999, "5.1万", "5.01万元", 50000.51, 49999.49, "50,001"])
def test_amount_off_by_more_than_rounding_fails(answer):
    """Does an amount off by a yuan or more (or by more than 0.5 yuan) fail for the key 50000?"""
    with pytest.raises(AssertionError):
        expect_amount(answer, 50000)


@pytest.mark.parametrize("answer", [50000, "5万元", 50000.4, 49999.6, 50000.5, "伍万元", "50,000"])
def test_amount_within_rounding_allowance_passes(answer):
    """Is an amount within 0.5 yuan of 50000 (the documented rounding allowance, inclusive) accepted?"""
    expect_amount(answer, 50000)


@pytest.mark.parametrize("answer", [100999, 100001, 99000])
def test_a_few_hundred_yuan_off_fails(answer):
    """Is 100999 (or 100001) for a 100000-yuan key wrong, as mutant C2 needed?"""
    with pytest.raises(AssertionError):
        expect_amount(answer, 100000)
