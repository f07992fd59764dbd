"""同一违法行为涉及几条罚则时只罚一次款，以及罚哪一条（行政处罚法第二十九条）。

    >>> r = same_act("price-law-40-unfair-pricing", "price-regs-7-fraud", illegal_income=0)
    >>> r.applies, r.reason          # 'price-regs-7-fraud'，为什么（价格法与依其制定的规定：同时引用，按规定的数额）

数据：罚则文件顶层的 ``same_act``（见 datasets/laws/rules/price_tag_rules.yaml）：``chain`` 为一部法律与依其制定的
行政法规的对应罚则（同一法律规范及其细化），``outside`` 为条文还列出、文本库未收录的法律。
"""
from __future__ import annotations

from dataclasses import dataclass

from scjg import laws
from scjg.penalties.compute import compute
from scjg.penalties.loading import get_rule, same_act_groups
from scjg.penalties.model import FineRange, SameAct

LAW = "行政处罚法"
ONE_FINE = "对当事人的同一个违法行为，不得给予两次以上罚款的行政处罚"
HIGHER = "同一个违法行为违反多个法律规范应当给予罚款处罚的，按照罚款数额高的规定处罚"


@dataclass(frozen=True)
class SameActAnswer:
    """same_act 的结果：applies 为适用其罚款的规则编号（无法判断时为空），reason 为中文理由，ranges 为各规则的法定后果。"""

    applies: str
    reason: str
    ranges: dict[str, FineRange]
    quote: str
    group: SameAct | None = None


def group_of(rule_ids) -> SameAct | None:
    """数据中与这几条规则对应的“同一违法行为”组（chain 恰好包含它们）；没有则 None。"""
    want = set(rule_ids)
    return next((g for g in same_act_groups() if want <= set(g.chain)), None)


def same_act(*rule_ids: str, **facts) -> SameActAnswer:
    """同一违法行为涉及的几条罚则（规则编号）中，罚款适用哪一条、为什么；事实参数同 fine_range。"""
    if len(rule_ids) < 2:
        raise ValueError("请给出同一违法行为涉及的至少两条罚则的编号，例如 same_act(\"price-law-40-unfair-pricing\", "
                         "\"price-regs-7-fraud\", illegal_income=0)。")
    ranges = {rid: compute(get_rule(rid), **facts) for rid in rule_ids}
    g = group_of(rule_ids)
    if g is not None:
        return _chain(g, ranges)
    return _higher(ranges)


def _chain(g: SameAct, ranges: dict[str, FineRange]) -> SameActAnswer:
    """一部法律与依其制定的行政法规：同一法律规范及其细化，按细化的规定处罚（本工具的理解）。"""
    rules = [get_rule(rid) for rid in g.chain if rid in ranges]
    law_rule, detail = rules[0], rules[-1]
    r = ranges[detail.id]
    reason = (f"《{law_rule.law}》与《{detail.law}》对{g.act}的规定是同一法律规范及其细化（《{detail.law}》第一条："
              f"“{_v(detail.law, 1, g.made_under)}”；本工具的理解），"
              f"同时引用{law_rule.citation}和{detail.citation}，罚款数额按{detail.citation}（{r.range_words}），"
              f"只罚一次（《行政处罚法》第二十九条：“{ONE_FINE}”）。")
    if g.outside:
        reason += (f"《{g.law}》第{laws.cn_number(g.article)}条还列出" + "、".join(f"《{x}》" for x in g.outside)
                   + f"（本工具未收录）：同一行为也违反这些法律而应当罚款的，“{HIGHER}”，须对照其原文比较数额。")
    return SameActAnswer(detail.id, reason, ranges, _quote(), g)


def _higher(ranges: dict[str, FineRange]) -> SameActAnswer:
    """违反多个法律规范：按照罚款数额高的规定处罚（比较本案事实下的法定最高额，相同再比最低额：本工具的理解）。"""
    unknown = [rid for rid, r in ranges.items() if not r.known or r.max is None]
    if unknown:
        why = "；".join(f"{get_rule(rid).citation}：{ranges[rid].range_words}" for rid in unknown)
        return SameActAnswer("", f"“{HIGHER}”（《行政处罚法》第二十九条）；但{why}，本工具无法比较数额，请对照原文判断。",
                             ranges, _quote())
    best = max(ranges, key=lambda rid: (ranges[rid].max, ranges[rid].min))
    words = "；".join(f"{get_rule(rid).citation}为{r.range_words}" for rid, r in ranges.items())
    return SameActAnswer(best, f"同一违法行为违反多个法律规范：{words}。依照《行政处罚法》第二十九条“{HIGHER}”，"
                               f"按{get_rule(best).citation}处罚（比较本案事实下的法定最高额，相同再比最低额：本工具的理解），"
                               f"只罚一次（“{ONE_FINE}”）。", ranges, _quote())


def _quote() -> str:
    return laws.article(LAW, 29).paragraph(1).text


def _v(law: str, article: int, frag: str) -> str:
    if not laws.is_verbatim(law, article, frag):  # pragma: no cover - 数据校对
        raise ValueError(f"《{law}》第{article}条中找不到“{frag}”")
    return frag
