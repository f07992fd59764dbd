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
    # the forms officers write (teaching review §3.4)
    ("食品安全法第三十四条第十项", ArticleRef(34, None, 10)),
    ("中华人民共和国食品安全法第一百二十四条第一款第五项", ArticleRef(124, 1, 5)),
    ("食品安全法实施条例第六十七条", ArticleRef(67)),
    ("第一百二十四条第一款（五）", ArticleRef(124, 1, 5)),
    ("第124条第1款(5)", ArticleRef(124, 1, 5)),
    ("《食品安全法》第124条", ArticleRef(124)),
    ("124条1款5项", ArticleRef(124, 1, 5)),
    ("依据《中华人民共和国食品安全法》第一百二十四条第一款第（五）项的规定。", ArticleRef(124, 1, 5)),
    ("违反了食品安全法第三十四条第（十）项的规定", ArticleRef(34, None, 10)),
    ("“第三十四条第（十）项”", ArticleRef(34, None, 10)),
    ('"第124条"', ArticleRef(124)),
])
def test_article_forms(text, ref):
    """Are the usual ways of writing a provision read as the same reference?"""
    assert answers.article_ref(text) == ref


@pytest.mark.parametrize("text, value", [
    ("5万元", 50000), ("50,000", 50000), ("伍万元", 50000), ("5.5万", 55000), ("１２３", 123),
    ("人民币5万元", 50000), (50000, 50000), ("十万元", 100000), ("3200元", 3200), ("0", 0),
    ("100,000", 100000), ("10 万元", 100000), ("壹拾万元整", 100000), ("￥100,000.00", 100000), ('"5万元"', 50000),
])
def test_amount_forms(text, value):
    """Are amounts in digits, 万, Chinese and financial numerals read in yuan?"""
    assert answers.amount(text) == value


@pytest.mark.parametrize("bad", [..., None, "abc", "第x条", "-5", object(), [124], True,
                                 0, "0", "零", "第0条", "第零条", "第124条第0款", 0.0])
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
    assert format_message("第1题", ..., "amount") == (False, "⏳ 第1题：金额尚未作答：请在答题单元格第一行（%%answer 题号）下面另起一行写答案，然后按 Shift + Enter 运行该单元格。")
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


@pytest.mark.parametrize("text, value", [
    ("不对", False), ("不正确", False), ("错的", False), ("不是", False), ("对的", True), ("正确。", True),
    ("应当移送公安机关", True), ("应当依法移送公安机关。", True), ("移送公安机关", True),
    ("不应当移送公安机关", False), ("不需要移送公安", False), ("答：是", True),
])
def test_yes_no_forms_officers_write(text, value):
    """Are 不对, 对的 and 应当移送公安机关 read as the decision they state?"""
    assert answers.yes_no(text) is value


@pytest.mark.parametrize("text", ["也许", "看情况", "应当罚款", "是否"])
def test_yes_no_keeps_refusing_what_decides_nothing(text):
    """Is an answer that states no decision still refused, with a Chinese hint?"""
    with pytest.raises(ValueError, match="无法识别"):
        answers.yes_no(text)


@pytest.mark.parametrize("text, chosen", [("选A", "A"), ("A项", "A"), ("答案是B", "B"), ('"D"', "D"), ("“c”", "C")])
def test_choice_forms(text, chosen):
    """Are 选A, A项 and a quoted letter read as that choice?"""
    assert answers.choice(text) == chosen


def test_python_assignment_in_an_answer_cell_gets_a_hint():
    """Does `q1 = "第124条"` typed into a %%answer cell say to write the answer alone?"""
    with pytest.raises(ValueError, match="直接写答案") as err:
        answers.article_ref('q1 = "第124条"')
    assert "q1" in str(err.value)


def test_comma_in_a_python_amount_gets_the_comma_hint():
    """Does `q3_min = 100,000` (the tuple (100, 0)) say not to put a comma in a number, not show an article example?"""
    ok, msg = format_message("第3题 最低额", (100, 0), "amount")
    assert not ok and "不要加逗号" in msg and "100000" in msg
    assert "第一百二十四条" not in msg
    ok, msg = format_message("第7题", ("A", "B"), "multi")
    assert not ok and "\"AB\"" in msg


# Near misses (code review W4): a wrong answer close to the key must fail.

@pytest.mark.parametrize("value", [50001, 49999, "5.1万", "5.1万元", "50001元", 50000.6, "4.99万"])
def test_amount_near_misses_fail(value):
    """Is an amount off by one yuan, or 5.1万 for 50000, marked wrong?"""
    with pytest.raises(AssertionError, match="金额不正确"):
        expect_amount(value, 50000)


@pytest.mark.parametrize("value", [50000, "5万元", 50000.4, 49999.6, "50,000"])
def test_amount_rounding_allowance(value):
    """Is an amount within half a yuan of the key (expect_amount's rounding allowance) accepted?"""
    expect_amount(value, 50000)


@pytest.mark.parametrize("value", ["ABCD", "AB", "ABDE", "BD"])
def test_multi_choice_near_misses_fail(value):
    """Is a superset or a subset of the right choices marked wrong?"""
    with pytest.raises(AssertionError):
        expect_choices(value, "ABD")


@pytest.mark.parametrize("value", [0, "0", "零", "第0条"])
def test_zero_is_no_article(value):
    """Is 0 (or 零, 第0条) refused as an article, so the check never says 系统读作：第零条?"""
    with pytest.raises(AssertionError, match="无法识别"):
        expect_article(value, 124)
    ok, msg = format_message("第1题", value, "article")
    assert not ok and "第零条" not in msg


def test_article_near_misses_fail():
    """Does the right article with the wrong item, or a neighbouring article, fail?"""
    with pytest.raises(AssertionError, match="项"):
        expect_article("第一百二十四条第一款（六）", 124, 1, 5)
    with pytest.raises(AssertionError, match="条号"):
        expect_article("食品安全法第一百二十五条第一款第五项", 124, 1, 5)
    expect_article("食品安全法第一百二十四条第一款（五）", 124, 1, 5)


@pytest.mark.parametrize("typed", ["...", "……", "  ", '""'])
def test_placeholder_text_is_not_answered(typed):
    """Is `...` typed as text (or nothing inside quotes) reported as 尚未作答, not as a wrong format?"""
    ok, msg = format_message("第1题", typed, "article")
    assert not ok and "尚未作答" in msg
