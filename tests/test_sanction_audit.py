"""An audit of every rule's other sanctions against the statute text (issue 10, item 1).

The oracle reads the article text itself: every 吊销 / 停产停业 / 停业整顿 / 没收 / 警告 / 撤销登记 / 取缔 / 责令关闭
phrase in the penalty sentence of a rule's paragraph (and of the article its fine is quoted from) must be a sanction of
that rule, with mandatory=False exactly where its clause says 可以; a phrase in a clause about another act of the same
paragraph may instead be carried by a sibling rule. Conversely, no rule carries a sanction from a paragraph or article
its text does not point to (行政处罚法 第三十八条).
"""
from __future__ import annotations

import re

import pytest

from scjg import laws, penalties

N = laws.normalize
WORDS = re.compile(r"吊销|停产停业|停业整顿|没收|警告|撤销登记|取缔|责令关闭")
RULES = penalties.list_rules()
SIBLINGS: dict[tuple, list] = {}
for _r in RULES:
    SIBLINGS.setdefault((_r.law, _r.article, _r.paragraph), []).append(_r)


def phrases(text: str):
    """(；-unit, 。-unit, comma clause, sanction word) for every sanction word of a penalty text (“……以外处罚” is a
    condition, not a sanction)."""
    for full in re.split(r"[。:：]", N(text)):
        for part in full.split("；"):
            for clause in re.split(r"[，,]", part):
                for m in WORDS.finditer(clause):
                    if "以外" not in clause[m.end():]:
                        yield part, full, clause, m.group(0)


def own_text(rule) -> str:
    return N(rule.fine.quote if rule.fine else rule.quote).rstrip("；。")


def others_act(rule, part: str, full: str, clause: str, word: str) -> bool:
    """Is the clause about another act of the paragraph: a sibling rule carries it, and the ；-unit (else the 。-unit)
    holding it contains that sibling's own penalty text but not this rule's?"""
    for o in SIBLINGS[(rule.law, rule.article, rule.paragraph)]:
        if o is rule or not any(carries(s, clause, word) for s in o.sanctions):
            continue
        for unit in (part, full):
            if own_text(o) in unit and own_text(rule) not in unit:
                return True
    return False


# clauses the audit cannot attribute from the text's shape alone, read by hand:
NOT_THIS_RULE = {
    ("drug-124-2-sell", "还应当吊销执业证书"): "“药品使用单位的……有医疗卫生人员执业证书的”：只对使用单位（drug-124-2-use）",
}


def carries(s: penalties.Sanction, clause: str, word: str) -> bool:
    """Is this clause's sanction the sanction s (same word, quoted, and the rest of the kind matches the clause)?"""
    if word not in s.kind or clause not in N(s.quote):
        return False
    a, b = clause[clause.index(word) + len(word):], s.kind[s.kind.index(word) + len(word):]
    return a.startswith(b) or b.startswith(a)


def audit(rule: penalties.Rule) -> list[str]:
    """Problems of one rule: a sanction phrase of its text missing, or its 可以 wrong."""
    texts = [laws.article(rule.law, rule.article).paragraph(rule.paragraph).text]
    if rule.fine and rule.fine.quote_article:
        texts.append(rule.fine.quote)
    out = []
    for text in texts:
        for part, full, clause, word in phrases(text):
            mine = [s for s in rule.sanctions if carries(s, clause, word)]
            out += [f"{rule.id}：“{clause}”应为 mandatory={'可以' not in clause}，实为“{s.kind}” mandatory={s.mandatory}"
                    for s in mine if s.mandatory == ("可以" in clause)]
            if (rule.id, clause) in NOT_THIS_RULE or others_act(rule, part, full, clause, word):
                continue
            if not mine:
                out.append(f"{rule.id}：原文“{clause}”不在其 sanctions 中")
            elif word == "没收":  # 没收甲和乙以及丙：每一样物品都要有
                objects = [o for o in re.split(r"和|以及|及", clause[clause.index(word) + 2:]) if o.strip()]
                out += [f"{rule.id}：原文“{clause}”中没收的“{o}”不在其 sanctions 中" for o in objects
                        if not any(o.strip() in s.kind for s in rule.sanctions)]
    return out


def test_every_sanction_phrase_of_every_rule_is_a_sanction_with_the_right_mandatory_flag():
    """Does every rule carry each 吊销/停产停业/没收/警告 phrase of its penalty sentence, 可以 → optional?"""
    assert [p for r in RULES for p in audit(r)] == []


# articles that name the acts they punish themselves: 药品管理法 第一百一十八条 “生产、销售假药，或者生产、销售劣药且情节严重的”
OWN_ACTS = {("药品管理法", 118): ("假药", "劣药")}


def test_no_sanction_comes_from_a_paragraph_the_rule_does_not_point_to():
    """Is every same-law sanction quoted from the rule's paragraph, a paragraph it refers to, or its fine's article?"""
    wrong = []
    for r in RULES:
        para = N(laws.article(r.law, r.article).paragraph(r.paragraph).text)
        for s in r.sanctions:
            if s.law != r.law or (r.fine and s.article == r.fine.quote_article):
                continue
            if s.article == r.article and (N(s.quote) in para or re.search(r"前款|前两款|第[一二三四五六七八九十]+款", para)):
                continue
            if s.article != r.article and f"第{laws.cn_number(s.article)}条" in para + r.note:
                continue
            act = OWN_ACTS.get((s.law, s.article))
            if act and any(w in r.violation for w in act):
                continue  # the other article names the act itself
            wrong.append((r.id, s.kind, s.article))
    assert wrong == []


@pytest.mark.parametrize("rule_id,kind,mandatory,condition", [
    ("se-85-1-1-filling-checks", "吊销充装许可证", True, "情节严重"),
    ("se-85-1-2-filling-nonconforming", "吊销充装许可证", True, "情节严重"),
    ("food-128-incident-no-report", "警告", True, None),
    ("food-124-1-overdue", "没收用于违法生产经营的工具、设备、原料等物品", False, None),
    ("price-regs-4-1-dumping", "责令停业整顿或者吊销营业执照", True, "情节严重"),
])
def test_named_sanctions_from_the_statute(rule_id, kind, mandatory, condition):
    """Do the sanctions read by hand from the statute (e.g. 特种设备安全法§85 “情节严重的，吊销充装许可证”) exist as data?"""
    s = next((s for s in penalties.get_rule(rule_id).sanctions if s.kind == kind), None)
    assert s is not None and (s.mandatory, s.condition) == (mandatory, condition)


def test_the_audit_catches_a_dropped_licence_revocation():
    """Would the audit report 特种设备安全法§85's 吊销充装许可证 if it were dropped, and a wrong 可以?"""
    import dataclasses

    rule = penalties.get_rule("se-85-1-1-filling-checks")
    dropped = dataclasses.replace(rule, sanctions=tuple(s for s in rule.sanctions if "吊销" not in s.kind))
    assert any("情节严重的" in p or "吊销充装许可证" in p for p in audit(dropped))
    food = penalties.get_rule("food-124-1-overdue")
    flipped = dataclasses.replace(food, sanctions=tuple(
        dataclasses.replace(s, mandatory=True) if s.kind.startswith("没收用于") else s for s in food.sanctions))
    assert any("mandatory=False" in p for p in audit(flipped))
    goods = dataclasses.replace(food, sanctions=tuple(s for s in food.sanctions if s.kind != "没收违法生产经营的食品、食品添加剂"))
    assert any("违法生产经营的食品" in p for p in audit(goods))


# sanctions quoted from another instrument, and the law whose violations that provision reaches (read by hand):
# 食品安全法实施条例 第七十五条 “食品生产经营企业等单位有食品安全法规定的违法情形……”
OTHER_LAW = {("食品安全法实施条例", 75): "食品安全法"}


def test_a_sanction_from_another_instrument_only_where_that_instrument_reaches():
    """Is every sanction quoted from another instrument (条例§75 处罚到人) carried only by rules of the law it names?"""
    wrong = [(r.id, s.law, s.article) for r in RULES for s in r.sanctions
             if s.law != r.law and OTHER_LAW.get((s.law, s.article)) != r.law]
    assert wrong == []
    assert laws.is_verbatim("食品安全法实施条例", 75, "食品生产经营企业等单位有食品安全法规定的违法情形")
