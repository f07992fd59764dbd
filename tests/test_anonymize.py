"""Tests of scjg.anonymize on a synthetic corpus built at run time (tests/anonymize_corpus.py)."""
from __future__ import annotations

from collections import Counter

import pytest

from scjg.anonymize import anonymize, detect
from tests import anonymize_corpus

TARGETS = {"ID_CARD": 1.0, "PHONE": 1.0, "USCC": 1.0, "BANK_CARD": 1.0, "PERSON": 0.95, "ORG": 0.95, "ADDRESS": 0.95}
MAX_DECOYS_TOUCHED = 0.02


def measure(docs):
    """Per-type recall (a gold item fully covered by a span of its type), exact-boundary share, decoys touched."""
    found, exact, total = Counter(), Counter(), Counter()
    touched, misses, hits = 0, [], []
    n_keep = 0
    for doc in docs:
        spans = detect(doc.text)
        for s, e, t in doc.gold:
            total[t] += 1
            if any(x.type == t and x.start <= s and x.end >= e for x in spans):
                found[t] += 1
                exact[t] += any(x.type == t and x.start == s and x.end == e for x in spans)
            else:
                misses.append((t, doc.text[s:e], doc.text[max(0, s - 12):e + 12].replace("\n", " ")))
        for s, e, label in doc.keep:
            n_keep += 1
            if any(x.start < e and x.end > s for x in spans):
                touched += 1
                hits.append((label, doc.text[s:e]))
    recall = {t: found[t] / total[t] for t in total}
    exact_share = {t: exact[t] / total[t] for t in total}
    return recall, exact_share, total, touched / n_keep, n_keep, misses, hits


@pytest.fixture(scope="module")
def corpus():
    return anonymize_corpus.build()


def summary(title, docs, result) -> str:
    recall, exact_share, total, decoy_share, n_keep, misses, hits = result
    lines = ["", f"{title}：{len(docs)} 份合成文书，{sum(total.values())} 个标注项，{n_keep} 个应保留项"]
    for t in sorted(total, key=lambda t: -total[t]):
        lines.append(f"  {t:<14} 召回率 {recall[t]:6.1%}  边界完全一致 {exact_share[t]:6.1%}  （{total[t]} 项）")
    lines.append(f"  应保留项被改动比例 {decoy_share:.2%}")
    for t, value, ctx in misses[:25]:
        lines.append(f"  漏检 {t}: {value!r}  …{ctx}…")
    for label, value in hits[:15]:
        lines.append(f"  误改 {label}: {value!r}")
    return "\n".join(lines)


@pytest.fixture(scope="module")
def scores(corpus):
    result = measure(corpus)
    print(summary("脱敏检测评测（调参语料，5 类文书）", corpus, result))
    return result


@pytest.fixture(scope="module")
def holdout_scores():
    docs = anonymize_corpus.build_holdout()
    result = measure(docs)
    print(summary("脱敏检测评测（留出语料，3 类未用于调参的文书）", docs, result))
    return result


@pytest.mark.parametrize("typ", sorted(TARGETS))
def test_recall_meets_target(scores, typ):
    """Does recall of each type reach its target on the synthetic corpus?"""
    recall = scores[0]
    assert recall[typ] >= TARGETS[typ], f"{typ} recall {recall[typ]:.1%}; misses: {[m for m in scores[5] if m[0] == typ][:5]}"


@pytest.mark.parametrize("typ", sorted(TARGETS))
def test_holdout_recall_meets_target(holdout_scores, typ):
    """Does recall reach its target on held-out document kinds as well?"""
    recall = holdout_scores[0]
    if typ in recall:
        assert recall[typ] >= TARGETS[typ], [m for m in holdout_scores[5] if m[0] == typ][:5]
    else:
        assert typ in ("USCC",), f"留出语料缺少 {typ}"


def test_holdout_decoys_mostly_untouched(holdout_scores):
    """Are at most 2% of must-stay items touched in the held-out documents?"""
    assert holdout_scores[3] <= MAX_DECOYS_TOUCHED, holdout_scores[6][:10]


def test_decoys_mostly_untouched(scores):
    """Are at most 2% of must-stay items (authorities, laws, standards, 文书号, amounts, dates) touched?"""
    assert scores[3] <= MAX_DECOYS_TOUCHED, scores[6][:10]


def test_corpus_is_varied(corpus):
    """Does the corpus cover all five document kinds and every type?"""
    kinds = {d.kind for d in corpus}
    assert kinds == {"行政处罚决定书", "现场检查笔录", "询问笔录", "投诉举报记录", "案件调查终结报告"}
    types = {t for d in corpus for _, _, t in d.gold}
    assert types == {"PERSON", "ORG", "ID_CARD", "PHONE", "USCC", "ADDRESS", "PLATE", "BANK_CARD", "EMAIL",
                     "LICENSE_NO", "DATE_OF_BIRTH"}


def test_corpus_checksums_are_real(corpus):
    """Do the corpus's ID card, credit-code and bank-card numbers really pass their checksums?"""
    from stdnum import luhn
    from stdnum.cn import ric, uscc

    from scjg.anonymize.rules import fold

    seen = Counter()
    for doc in corpus:
        for s, e, t in doc.gold:
            raw = fold(doc.text[s:e]).replace(" ", "").replace("-", "").upper()
            if t == "ID_CARD":
                assert ric.calc_check_digit(raw) == raw[-1] and ric.get_birth_date(raw), raw
            elif t == "USCC":
                assert uscc.is_valid(raw), raw
            elif t == "BANK_CARD":
                assert luhn.is_valid(raw), raw
            else:
                continue
            seen[t] += 1
    assert min(seen.values()) >= 40 and len(seen) == 3
