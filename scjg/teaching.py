"""课程笔记本共用的展示和检查工具：法律版本表、罚则对比表、案例卡片、按条件选案例、数字答案（进阶题）。

各领域课程（食品、药品、特种设备、价格）都用得到，放在包里，笔记本只写一行调用：

    >>> from scjg.teaching import law_versions, compare_rules, case_card, pick_cases
    >>> law_versions(["食品安全法", "行政处罚法"])              # 本课依据的法律及版本（取自清单）
    >>> compare_rules("食品安全法", [(122, 1, None), (124, 1, 5)], samples=(800, 20000))
    >>> pick_cases(df, violation_type="F01", discretion="normal")   # 按条件选，不按行号
    >>> case_card(row)                                           # 一个案例的卡片
"""
from __future__ import annotations

import html
import math
import re

from scjg import laws, money, penalties
from scjg.answers import number as read_number  # 进阶题的数字答案：读法与检查在 scjg.answers / scjg.checks
from scjg.checks import expect_number
from scjg.discretion import DISCRETION_LABELS
from scjg.schema import case_range, row_facts

__all__ = ["law_versions", "later_amendments", "show_articles", "compare_rules", "pick_cases", "statutory_range",
           "case_chart", "case_card", "read_number", "expect_number"]

_e = html.escape


# ---------------------------------------------------------------- 法律版本
def law_versions(names: list[str]):
    """本课依据的法律、版本和施行日期（取自 datasets/laws/manifest.yaml），并提示之后的修改。

    这张表就是本课的版本提示：之后显示这些法律的条文时，不再在每条下面重复。"""
    from IPython.display import HTML

    rows = []
    for name in names:
        info = laws.law_info(name)
        laws.mark_version_noted(name)
        later = "；".join(f"{a['date']}：{a['summary']}" for a in info.later_amendments) or "—"
        rows.append(f"<tr><td style='text-align:left'>《{_e(info.title)}》</td><td>{_e(info.kind)}</td>"
                    f"<td style='text-align:left'>{_e(info.version_label)}</td><td>{_e(info.effective_date)}</td>"
                    f"<td style='text-align:left;color:{'#a33' if info.later_amendments else '#555'}'>{_e(later)}</td></tr>")
    return HTML("<table><thead><tr><th>法律文件</th><th>类别</th><th>本课所用版本</th><th>施行日期</th>"
                "<th>本版本之后的修改</th></tr></thead><tbody>" + "".join(rows) + "</tbody></table>")


def later_amendments(name: str) -> list[dict]:
    """某部法律在本课文本之后的修改（日期、摘要）；没有则为空列表。"""
    return [dict(a) for a in laws.law_info(name).later_amendments]


# ---------------------------------------------------------------- 条文
def show_articles(law: str, numbers_: list, highlight: dict | None = None):
    """连续显示几条法条（原文取自法律文本库），highlight 为 {条号: 要标黄的句子或句子列表}。"""
    from IPython.display import HTML

    highlight = highlight or {}
    return HTML("".join(laws.article_html(law, n, highlight.get(n)) for n in numbers_))


# ---------------------------------------------------------------- 罚则对比
def _range_words(r: penalties.FineRange) -> str:
    if r.min is None:
        return "数额见其他规定"
    if not r.min and not r.max:
        return "不处罚款"
    hi = "不设上限" if r.max is None else money.yuan(r.max)
    lo = money.yuan(r.min) if r.min else "0"
    return f"{lo}–{hi}"


def compare_rules(law: str, provisions: list[tuple], samples: tuple[float, ...] = (800, 20000), base: str = "goods_value"):
    """罚则对比表（pandas DataFrame）：每行一个条款，列出违法行为、是否先警告/改正、幅度说明，
    以及 samples 中每个货值金额（或其他计算基数）下由 scjg.penalties 算出的法定幅度。

    provisions 的每一项是 (条, 款, 项)，或一条规则的编号（同一条款下有几条规则时，如第一百一十九条）；
    元组最后可以带一个事实字典，例如 (117, 1, {"channel": "retail"})：按经营环节计算，条款后注明环节。"""
    import pandas as pd

    name = penalties.FACTS.get(base, base)
    rows = []
    for prov in provisions:
        rule, extra = _compared_rule(law, prov)
        where = f"（{penalties.CHANNELS[extra['channel']]}）" if "channel" in extra else ""
        row = {"条款": rule.provision + where, "违法行为": rule.violation,
               "罚款前提": "、".join(rule.fine.conditions) if rule.fine and rule.fine.conditions else "—",
               "幅度（原文归纳）": rule.range_words()}
        for v in samples:
            facts = {base: v} if rule.fine and rule.fine.depends_on == base else {}
            row[f"{name}{money.yuan(v)}时"] = _range_words(penalties.compute(rule, **facts, **extra))
        row["其他处罚"] = "；".join(rule.other_sanctions) or "—"
        rows.append(row)
    return pd.DataFrame(rows)


def _compared_rule(law: str, prov) -> tuple[penalties.Rule, dict]:
    """A row of compare_rules: the rule of (条, 款, 项[, 事实]) or of a rule id, and the extra facts."""
    if isinstance(prov, str):
        return penalties.select(law, None, rule_id=prov), {}
    prov = tuple(prov)
    extra = prov[-1] if prov and isinstance(prov[-1], dict) else {}
    article, paragraph, item = (prov[:len(prov) - bool(extra)] + (None, None))[:3]
    return penalties.select(law, article, paragraph, item), dict(extra)


# ---------------------------------------------------------------- 案例
def pick_cases(df, *, sort_by: str = "case_id", **criteria):
    """按条件选案例（不按行号）：pick_cases(df, violation_type="F01", discretion=["mitigated", "lenient"])。
    值可以是单个值、列表或一个判断函数。结果按 sort_by 排序。"""
    mask = None
    for column, wanted in criteria.items():
        if column not in df.columns:
            raise ValueError(f"案例数据中没有“{column}”这一列。可用的列：{'、'.join(map(str, df.columns))}。")
        if callable(wanted):
            m = df[column].map(wanted).astype(bool)
        elif isinstance(wanted, (list, tuple, set, frozenset)):
            m = df[column].isin(list(wanted))
        else:
            m = df[column] == wanted
        mask = m if mask is None else (mask & m)
    out = df if mask is None else df[mask]
    if sort_by in out.columns:
        out = out.sort_values(sort_by, kind="stable")
    return out


def _missing(v) -> bool:
    try:
        return v is None or (isinstance(v, float) and math.isnan(v)) or str(v).strip() in ("", "nan", "None", "<NA>")
    except (TypeError, ValueError):
        return False


def statutory_range(row) -> penalties.FineRange:
    """由案例的罚则编号（penalty_rule_id）和事实（货值金额等）重新计算法定后果，用来复核数据（同 scjg.schema.case_range）。"""
    return case_range(row)


def case_chart(row, width: float = 6.5, height: float = 3.0):
    """The penalty calculator's chart for one case: its rule's range over the calculation base (货值金额 …), the
    floors of the case's channel and the case itself marked; an IPython Image."""
    from IPython.display import Image

    from scjg.widgets.penalty_calculator import fine_chart_png

    rule = penalties.get_rule(str(row["penalty_rule_id"]))
    return Image(fine_chart_png(rule, row_facts(row, rule), width=width, height=height))


def _money(v) -> str:
    try:
        if v is None or (isinstance(v, float) and math.isnan(v)):
            return "—"
        return money.yuan(float(v))
    except (TypeError, ValueError):
        return str(v)


def _plain(v) -> str:
    if v is None or (isinstance(v, float) and math.isnan(v)):
        return "—"
    if isinstance(v, (list, tuple)):
        return "、".join(map(str, v))
    if isinstance(v, bool) or type(v).__name__ in ("bool_", "bool"):
        return "是" if v else "否"
    return str(v)


CARD_FIELDS = [  # 列名 → 显示名（案例数据中没有的列不显示）
    ("violation_name", "违法行为类型"), ("business_format", "业态"), ("case_source", "案件来源"), ("violated_provision", "违反条款"),
    ("penalty_basis", "处罚依据"), ("goods_value", "货值金额"), ("illegal_income", "违法所得"),
    ("statutory_min", "法定罚款下限"), ("statutory_max", "法定罚款上限"), ("fine_amount", "实际罚款"),
    ("penalty_types", "处罚种类"), ("confiscated_income", "没收违法所得"), ("confiscated_goods", "没收非法财物"),
    ("license_action", "许可证件处理"), ("serious", "情节严重"),
    ("discretion", "裁量情形"), ("discretion_basis", "裁量依据"), ("referred_to_police", "移送公安"),
    ("referral_basis", "移送依据"),
]
RULE_ID = re.compile(r"（罚则编号[^）]*）")  # internal ids stay out of what a learner reads
_MONEY = {"goods_value", "illegal_income", "statutory_min", "statutory_max", "fine_amount", "confiscated_income"}


def case_card(row, title: str | None = None):
    """一个案例的卡片：违法事实原文（取自案例数据）和主要字段。row 为 DataFrame 的一行（Series）或 dict。"""
    from IPython.display import HTML

    get = row.get if hasattr(row, "get") else (lambda k, d=None: getattr(row, k, d))
    items = []
    for key, label in CARD_FIELDS:
        value = get(key, None)
        if _missing(value):
            continue
        if key in _MONEY:
            shown = _money(value)
        elif key == "discretion":
            shown = DISCRETION_LABELS.get(str(value), str(value))
        else:
            shown = RULE_ID.sub("", _plain(value))
        items.append(f"<tr><th style='text-align:left;white-space:nowrap'>{_e(label)}</th>"
                     f"<td style='text-align:left'>{_e(shown)}</td></tr>")
    no_amount = _no_amount(row)
    if no_amount:
        items.append(f"<tr><th style='text-align:left;white-space:nowrap'>法定罚款幅度</th>"
                     f"<td style='text-align:left'>{_e(no_amount)}</td></tr>")
    head = title or f"案例 {get('case_id', '')}"
    facts = _e(str(get("violation_facts", "") or ""))
    return HTML(f"<div style='border:1px solid #cfd8e3;border-radius:6px;padding:0.5em 1em;margin:0.4em 0'>"
                f"<div style='font-weight:bold;color:#2f6f9f'>{_e(head)}</div>"
                f"<p style='line-height:1.7'>{facts}</p><table>{''.join(items)}</table>"
                f"<div style='color:#888;font-size:0.85em'>案例为教学用合成数据。</div></div>")


def _no_amount(row) -> str:
    """法定幅度列为空而罚则编号在时（数额由未收录的文件规定），说明原因的一句中文；其他情形为空。"""
    get = row.get if hasattr(row, "get") else (lambda k, d=None: getattr(row, k, d))
    if not _missing(get("statutory_min", None)) or _missing(get("penalty_rule_id", None)):
        return ""
    try:
        r = case_range(row)
    except ValueError as e:
        return f"无法计算：{e}"
    return "" if r.known else r.range_words


def case_facts(row, title: str | None = None):
    """练习用的案情：只显示违法事实原文（取自案例数据），不显示违反条款、处罚依据和罚款（那是要学员答的）。"""
    from IPython.display import HTML

    get = row.get if hasattr(row, "get") else (lambda k, d=None: getattr(row, k, d))
    facts = _e(str(get("violation_facts", "") or ""))
    return HTML(f"<div style='border:1px solid #cfd8e3;border-radius:6px;padding:0.5em 1em;margin:0.4em 0'>"
                f"<div style='font-weight:bold;color:#2f6f9f'>{_e(title or '案情')}</div>"
                f"<p style='line-height:1.7'>{facts}</p>"
                f"<div style='color:#888;font-size:0.85em'>案例为教学用合成数据。</div></div>")
