"""The package helpers lesson 02 introduced (scjg.discretion, scjg.teaching), reused by later domain lessons."""
from __future__ import annotations

import re

import numpy as np
import pytest

from scjg import laws
from scjg.discretion import decide, ladder_rows
from scjg.teaching import compare_rules, expect_number, read_number, statutory_range


def test_decide_follows_articles_32_and_33():
    """Does decide() give 首违不罚 (33(1) second sentence, 'may'), 不予 for minor cases, and 'must' 从轻/减轻 under 32?"""
    first = decide(first_offense=True, harm="minor", rectified=True)
    assert (first.outcome, first.must, first.article, first.paragraph) == ("no_penalty_first", False, 33, 1)
    minor = decide(minor=True, harm="none", rectified=True)
    assert (minor.outcome, minor.must) == ("no_penalty_minor", True)
    mit = decide(harm="actual", rectified=True, mitigating=(1, 3))
    assert (mit.outcome, mit.article, mit.item) == ("mitigated_or_lenient", 32, 1)
    assert decide(harm="actual").outcome == "normal"
    assert decide(first_offense=True, harm="actual", rectified=True).outcome == "normal"


def test_quotes_are_verbatim():
    """Is every quotation decide() and the ladder show a verbatim piece of the statute?"""
    for d in (decide(first_offense=True, harm="none", rectified=True), decide(minor=True, harm="none", rectified=True),
              decide(no_fault=True), decide(mitigating=(2,)), decide()):
        assert laws.is_verbatim(d.law, d.article, d.quote), d
    for row in ladder_rows():
        number = re.search(r"第([一二三四五六七八九十百]+)条", row["条文"]).group(1)
        assert laws.is_verbatim("行政处罚法", f"第{number}条", row["原文"]), row


def test_decide_rejects_bad_facts():
    """Does decide() refuse an unknown harm value or a 第三十二条 item that does not exist, in Chinese?"""
    with pytest.raises(ValueError, match="危害后果"):
        decide(harm="big")
    with pytest.raises(ValueError, match="第三十二条"):
        decide(mitigating=(6,))


def test_compare_rules_uses_the_engine():
    """Does the comparison table show the tier the engine computes at 800 and 20000 yuan?"""
    table = compare_rules("食品安全法", [(124, 1, 5), (126, 1, 6)], samples=(800, 20000))
    assert list(table["条款"]) == ["第一百二十四条第一款第（五）项", "第一百二十六条第一款第（六）项"]
    assert table.loc[1, "罚款前提"] == "拒不改正"


def test_statutory_range_matches_every_food_case():
    """Does recomputing each food case's range from its rule and facts give its statutory_min/max?"""
    from scjg import cases

    for _, row in cases.load("food").iterrows():
        r = statutory_range(row)
        assert r.min == pytest.approx(float(row["statutory_min"]))
        if r.max is not None:
            assert r.max == pytest.approx(float(row["statutory_max"]))


def test_read_number_accepts_numpy_and_rejects_fakes():
    """Are numpy counts and number strings read, while fake-equality objects and bools are refused?"""
    assert read_number(np.int64(6)) == 6 and read_number("6件") == 6 and read_number(2.5) == 2.5
    fake_int = type("I", (int,), {"__eq__": lambda s, o: True, "__hash__": lambda s: 0})(1)
    fake = type("Any", (), {"__eq__": lambda s, o: True})()
    for bad in (fake_int, fake, True, ..., None, "很多", float("nan")):
        with pytest.raises(ValueError):
            read_number(bad)
    expect_number(np.int64(6), 6)
    with pytest.raises(AssertionError):
        expect_number(7, 6)
