"""scjg.answers reads what learners type; scjg.checks turns it into messages and verdicts."""
from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from scjg import answers
from scjg.answers import ArticleRef
from scjg.checks import expect_amount, expect_article, expect_choices, expect_yes_no, format_message


@pytest.mark.parametrize("text, ref", [
    ("第一百二十四条第一款第五项", ArticleRef(124, 1, 5)),
    ("124", ArticleRef(124)),
    (124, ArticleRef(124)),
    ("第124条", ArticleRef(124)),
    ("第124条第1款第（5）项", ArticleRef(124, 1, 5)),
    ("《食品安全法》第一百二十四条第一款", ArticleRef(124, 1)),
    ("§124(1)(5)", ArticleRef(124, 1, 5)),
    ("一百二十四", ArticleRef(124)),
    ("第１２４条", ArticleRef(124)),
    (" 第 三十四 条 ", ArticleRef(34)),
])
def test_article_forms(text, ref):
    """Are the usual ways of writing a provision read as the same reference?"""
    assert answers.article_ref(text) == ref


@pytest.mark.parametrize("text, value", [
    ("5万元", 50000), ("50,000", 50000), ("伍万元", 50000), ("5.5万", 55000), ("１２３", 123),
    ("人民币5万元", 50000), (50000, 50000), ("十万元", 100000), ("3200元", 3200), ("0", 0),
])
def test_amount_forms(text, value):
    """Are amounts in digits, 万, Chinese and financial numerals read in yuan?"""
    assert answers.amount(text) == value


@pytest.mark.parametrize("bad", [..., None, "abc", "第x条", "-5", object(), [124], True])
def test_unreadable_article_gives_chinese_hint(bad):
    """Does an unreadable provision raise ValueError with a Chinese hint?"""
    with pytest.raises(ValueError) as err:
        answers.article_ref(bad)
    assert any("\u4e00" <= ch <= "\u9fff" for ch in str(err.value))


def test_negative_amount_rejected():
    """Is a negative amount refused with a Chinese message?"""
    with pytest.raises(ValueError, match="负数"):
        answers.amount(-1)


@given(st.integers(min_value=1, max_value=99999))
def test_any_article_number_round_trips(n):
    """Does every article number survive being written in Chinese numerals and read back?"""
    ref = ArticleRef(n)
    assert answers.article_ref(str(ref)) == ref


def test_choices_and_yes_no():
    """Are 多选 answers order-free and 判断 answers read from 是/否?"""
    assert answers.choice("c、a", multiple=True) == frozenset("AC")
    assert answers.choice("ｂ") == "B"
    with pytest.raises(ValueError, match="单选"):
        answers.choice("AB")
    assert answers.yes_no("是") is True and answers.yes_no("否") is False
    assert answers.yes_no("不对") is False and answers.yes_no("不正确") is False  # as the lesson plans promise


class Liar:
    def __eq__(self, other):
        return True

    def __hash__(self):
        return 0


@pytest.mark.parametrize("check, args", [
    (expect_article, (124,)), (expect_amount, (50000,)), (expect_choices, ("AC",)), (expect_yes_no, (True,)),
])
def test_fake_equality_is_not_an_answer(check, args):
    """Does an object that claims to equal everything fail every hidden check?"""
    with pytest.raises(AssertionError):
        check(Liar(), *args)


def test_expect_article_requires_the_detail_asked():
    """Does citing only the article fail when the key names paragraph and item?"""
    expect_article("第一百二十四条第一款第五项", 124, 1, 5)
    with pytest.raises(AssertionError, match="款"):
        expect_article("124", 124, 1, 5)
    with pytest.raises(AssertionError, match="条号"):
        expect_article("第三十四条", 124)


def test_format_messages():
    """Does the visible check say 'not answered', 'wrong format' or 'readable' in Chinese?"""
    assert format_message("第1题", ..., "amount") == (False, "⏳ 第1题：金额尚未作答：请把 ... 改成你的答案。")
    ok, msg = format_message("第1题", "5万", "amount")
    assert ok and "5万元" in msg
    ok, msg = format_message("第2题", "E", "choice")
    assert not ok and msg.startswith("⚠️")


@pytest.mark.parametrize("text, value", [("应当移送", True), ("需要移送", True), ("不应移送", False), ("无需移送", False)])
def test_referral_phrases(text, value):
    """Are the natural phrases for a referral decision read as yes or no?"""
    assert answers.yes_no(text) is value


def test_number_kind_accepts_pandas_results():
    """Does a 进阶 numeric answer accept ints, numeric text and numpy scalars, and refuse a table?"""
    import numpy as np
    import pandas as pd
    from scjg.checks import expect_number

    assert answers.number(np.int64(6)) == 6 and answers.number("12件") == 12 and answers.number(3.5) == 3.5
    expect_number(np.int64(6), 6)
    with pytest.raises(AssertionError, match="数值不正确"):
        expect_number(7, 6)
    with pytest.raises(ValueError, match="单个数字"):
        answers.number(pd.Series([1, 2]))
    ok, msg = format_message("第12题", np.float64(2.5), "number")
    assert ok and "2.5" in msg
