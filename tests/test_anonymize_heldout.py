"""Recall of scjg.anonymize on the held-out corpus (tests/anonymize_heldout.py), per type and per hard variant."""
from __future__ import annotations

import re

import pytest
from stdnum import luhn
from stdnum.cn import ric, uscc

from tests import anonymize_heldout
from tests.anonymize_scoring import score

# The targets of issue 17; ORG and ADDRESS are reported and held near their measured values.
TARGETS = {"ID_CARD": 1.0, "PHONE": 1.0, "USCC": 1.0, "BANK_CARD": 1.0, "PERSON": 0.97, "LICENSE_NO": 0.95,
           "ORG": 0.95, "ADDRESS": 0.95}
MAX_DECOYS_TOUCHED = 0.01
# Hard variants of names named in the issue: each must reach the person target on its own.
PERSON_VARIANTS = ("label_word_given", "label_compound", "label_minority", "repeat", "signature", "nickname")


@pytest.fixture(scope="module")
def corpus():
    return anonymize_heldout.build()


@pytest.fixture(scope="module")
def scores(corpus):
    result = score(corpus)
    print(result.summary("脱敏检测评测（留出语料，独立编写的 7 类文书）", len(corpus)))
    return result


@pytest.mark.parametrize("typ", sorted(TARGETS))
def test_heldout_recall_meets_target(scores, typ):
    """Does recall of each type reach the issue's target on documents the detector was not tuned on?"""
    assert scores.total[typ] >= 40, f"留出语料中 {typ} 只有 {scores.total[typ]} 项"
    assert scores.recall(typ) >= TARGETS[typ], [m for m in scores.misses if m[0] == typ][:8]


@pytest.mark.parametrize("variant", PERSON_VARIANTS)
def test_heldout_hard_person_variants(scores, variant):
    """Does each hard kind of name (word-like given names, 复姓, minority names, repeats, signatures, 老王) reach 97%?"""
    key = ("PERSON", variant)
    assert scores.variant_total[key] >= 15, scores.variant_total[key]
    assert scores.variant_recall(key) >= 0.97, [m for m in scores.misses if m[:2] == key][:8]


@pytest.mark.parametrize("variant", ["device_code", "use_reg", "reg15", "wechat", "qq", "device", "device_filing",
                                     "clinic", "drug_trade", "drug_mfg", "food_jy", "food_sc", "pharmacist"])
def test_heldout_identifier_variants(scores, variant):
    """Is every kind of equipment, registration, account and licence number found (95% each)?"""
    key = ("LICENSE_NO", variant)
    assert scores.variant_total[key] >= 5, scores.variant_total[key]
    assert scores.variant_recall(key) >= 0.95, [m for m in scores.misses if m[:2] == key][:8]


def test_heldout_old_id_numbers(scores):
    """Are old 15-digit ID numbers after an ID label found?"""
    key = ("ID_CARD", "id15")
    assert scores.variant_total[key] >= 5 and scores.variant_recall(key) == 1.0


def test_heldout_decoys_untouched(scores):
    """Are at most 1% of non-personal items (authorities, 文书号, standards, amounts, dates, articles, 匿名/拒绝签名) touched?"""
    assert scores.n_keep >= 500
    assert scores.decoy_share <= MAX_DECOYS_TOUCHED, scores.hits[:10]


def test_heldout_checksums_are_real(corpus):
    """Do the held-out corpus's own check digits agree with python-stdnum (an independent implementation)?"""
    seen = {"ID_CARD": 0, "USCC": 0, "BANK_CARD": 0}
    for doc in corpus:
        for s, e, t, variant in doc.gold:
            value = doc.text[s:e]
            if variant == "id15":
                assert re.fullmatch(r"\d{15}", value)
            elif t == "ID_CARD":
                assert ric.calc_check_digit(value) == value[-1] and ric.get_birth_date(value), value
            elif t == "USCC":
                assert uscc.is_valid(value), value
            elif t == "BANK_CARD":
                assert luhn.is_valid(value), value
            else:
                continue
            seen[t] += 1
    assert min(seen.values()) >= 40, seen


def test_heldout_registration_check_digit():
    """Does each old registration number pass the MOD 11,10 validation rule ((p + last digit) mod 10 == 1)?"""
    m = anonymize_heldout.Maker(3)
    for _ in range(200):
        number = m.reg15("330302")
        p = 10
        for d in number[:-1]:
            p = ((p + int(d)) % 10 or 10) * 2 % 11
        assert (p + int(number[-1])) % 10 == 1, number
