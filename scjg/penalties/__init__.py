"""罚则：由 datasets/laws/rules/*.yaml（罚则数据）按案件事实算出法定后果——罚款幅度和其他处罚。

    >>> r = fine_range("食品安全法", 124, paragraph=1, item=5, goods_value=3200)
    >>> r.min, r.max, r.mandatory      # (50000, 100000, True)
    >>> [s.kind for s in r.sanctions]  # 没收违法所得……、可以没收工具设备……
    >>> print(r.basis)
    >>> same_act("price-law-40-unfair-pricing", "price-regs-7-fraud", illegal_income=0).reason  # 行政处罚法第二十九条

与 design.md 约定的扩展（本包的约定，设计文档只读）：
- ``r.min`` 可以为 ``None``（``r.max`` 随之为 ``None``）：本工具算不出罚款数额。两种情形：数额由未收录的文件规定
  （食品安全法第一百二十七条 → 省、自治区、直辖市制定的具体管理办法），或罚款按倍数计算而计算基数“无法查清/无法确定”。
  此时 ``r.known`` 为 False，``r.no_amount`` 与 ``r.basis`` 用中文说明原因，``r.range_words`` 给出可直接显示的一句，
  ``r.allows(罚款)`` 返回 None（无法核对）；调用方不得拿 ``r.min`` 做算术。``r.max`` 为 None 而 ``r.min`` 不为 None：
  法律未规定上限（原约定）。
- ``serious`` 不给出时（既非 True 也非 False），以情节严重为前提的处罚仍在 ``.sanctions`` 中，``applies`` 为 None
  （前提未判断）；``serious=False`` 表示已认定不属于，这些处罚不列出。罚款档位仍按原约定：不给出即普通档。
- ``refunded=``（已退还的多收价款，可多于违法所得）：应没收的违法所得为两者之差；全部退还的，``.sanctions`` 中不再列
  “没收违法所得”，``basis`` 写明“违法所得……已全部退还，无可没收”（行政处罚法第二十八条第二款）。

边界按原文：“一万元以上”含一万元本数（刑法第九十九条“以上、以下、以内，包括本数”及立法通例；“不足”不含）；
“不足十万元的，按十万元计算”把计算基数抬到十万元。情节严重由法规定义的（食品安全法实施条例第六十七条），
由事实判断。字段含义见 datasets/laws/rules/README.md。生成汇总表：python -m scjg.penalties --review

分工：facts（事实参数）、words（中文写法）、model（数据模型）、loading（读取与查找）、compute（计算）、
concurrence（同一违法行为涉及几条罚则：行政处罚法第二十九条）、verify（与原文核对）、review（汇总表与命令行）。
"""
from scjg.penalties.compute import boundaries, compute, fine_range, resolve_sanctions
from scjg.penalties.concurrence import SameActAnswer, same_act
from scjg.penalties.facts import CHANNELS, FACTS, UNKNOWN
from scjg.penalties.loading import (RULES_DIR, find_rules, get_rule, list_rules, load_rule_file, rule_files,
                                    same_act_groups, select, serious_definition_for, serious_definitions)
from scjg.penalties.model import (PENALTY_TYPES, FineRange, FineSpec, Floor, Rule, SameAct, Sanction,
                                  SeriousDefinition, SeriousSpec, Tier)
from scjg.penalties.review import REVIEW_FILE, main, review_markdown, rules_table, write_review
from scjg.penalties.verify import numbers_in, rule_amounts, verify_rule
from scjg.penalties.words import yuan

__all__ = ["CHANNELS", "FACTS", "PENALTY_TYPES", "REVIEW_FILE", "RULES_DIR", "UNKNOWN", "FineRange", "FineSpec",
           "Floor", "Rule", "Sanction", "SeriousDefinition", "SeriousSpec", "Tier", "boundaries", "compute",
           "find_rules", "fine_range", "get_rule", "list_rules", "load_rule_file", "main", "numbers_in",
           "resolve_sanctions", "review_markdown", "rule_amounts", "rule_files", "rules_table", "SameAct", "SameActAnswer",
           "same_act", "same_act_groups", "select",
           "serious_definition_for", "serious_definitions", "verify_rule", "write_review", "yuan"]
