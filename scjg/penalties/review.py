"""给法律人员核对的汇总：罚则总表（pandas）、生成 datasets/laws/penalty_rules.md，以及命令行。"""
from __future__ import annotations

import argparse

from scjg import laws
from scjg.paths import LAWS_DIR
from scjg.penalties.loading import list_rules, same_act_groups, serious_definitions
from scjg.penalties.model import Rule
from scjg.penalties.verify import verify_rule
from scjg.penalties.words import cn

REVIEW_FILE = LAWS_DIR / "penalty_rules.md"
_COLUMNS = ["编号", "法律", "条款项", "违法行为", "罚款幅度", "前提", "是否必处", "其他处罚", "原文"]


def mandatory_words(r: Rule) -> str:
    if r.fine is None:
        return "—"
    s = "必处（处/并处）" if r.fine.mandatory else "可处（可以处/可以并处）"
    if r.serious and r.serious.mandatory is not None and r.serious.mandatory != r.fine.mandatory:
        s += f"；{r.serious.label}的" + ("必处" if r.serious.mandatory else "可处")
    return s


def _range_cell(r: Rule) -> str:
    if r.governed_by:
        return f"依照{r.governed_by}（未收录）"
    if r.fine is None and r.excludes_fine:
        return "不予处罚：" + r.excludes_fine
    return r.range_words()


def _row(r: Rule) -> dict:
    return {"编号": r.id, "法律": r.law, "条款项": r.provision, "违法行为": r.violation,
            "罚款幅度": _range_cell(r), "前提": "、".join(r.fine.conditions) if r.fine else "",
            "是否必处": mandatory_words(r), "其他处罚": "；".join(r.other_sanctions) or "—", "原文": r.quote}


def rules_table(law: str | None = None):
    """全部罚则的 pandas 表格（中文列名），便于在 Notebook 中浏览。"""
    import pandas as pd

    return pd.DataFrame([_row(r) for r in list_rules(law)], columns=_COLUMNS)


def review_markdown() -> str:
    """生成 datasets/laws/penalty_rules.md 的内容：全部罚则一张表，便于法律人员逐条核对。"""
    lines = [
        "# 罚则汇总表（自动生成，请勿手改）",
        "",
        "本表由 `python -m scjg.penalties --review` 从 `datasets/laws/rules/*.yaml` 生成；测试核对本表与规则文件一致。",
        "“以上”“以下”含本数，“不足”不含本数（刑法第九十九条：“本法所称以上、以下、以内，包括本数”；"
        "立法通例。特种设备安全监察条例第七十一条的事故分级例外：“以下”不包括本数）。原文一栏为该规则对应的法条原文（逐字）。",
        "",
        "罚款幅度一栏写“依照……（未收录）”的，数额由本工具未收录的文件规定：`fine_range` 的 `min`、`max` 均为 None，"
        "计算说明写明依照的文件（对 design.md 约定的扩展，见 `scjg/penalties/__init__.py`）；按倍数计算而金额无法查清时同样如此。",
        "",
    ]
    for d in serious_definitions():
        lines += [f"**情节严重的法定定义**：{d.citation}适用于《{d.applies_law}》"
                  + "、".join(f"第{cn(a)}条" for a in d.applies_articles) + "："
                  + "；".join(f"（{cn(g.item)}）{g.quote}" for g in d.grounds) + f"。“{d.effect_quote}”", ""]
    for g in same_act_groups():
        lines += [f"**同一违法行为（行政处罚法第二十九条）**：{g.act}——" + "、".join(g.chain)
                  + "（法律与依其制定的行政法规，同时引用，按后者的数额，只罚一次：本工具的理解）"
                  + (f"；《{g.law}》第{cn(g.article)}条还列出" + "、".join(f"《{x}》" for x in g.outside)
                     + "（未收录），同一行为也违反的，按照罚款数额高的规定处罚" if g.outside else "") + "。", ""]
    by_law: dict[str, list[Rule]] = {name: [] for name in laws.law_names()}
    for r in list_rules():
        by_law.setdefault(r.law, []).append(r)
    for law, rules in by_law.items():
        if rules:
            lines += _law_section(law, rules)
    return "\n".join(lines)


def _law_section(law: str, rules: list[Rule]) -> list[str]:
    info = laws.law_info(law)
    lines = [f"## {info.version_stamp}", ""]
    if info.version_note:
        lines += [f"> 版本提示：{info.version_note}", ""]
    lines += ["| " + " | ".join(_COLUMNS[:1] + _COLUMNS[1:]) + " |", "|" + "---|" * len(_COLUMNS)]
    for r in rules:
        row = _row(r)
        if r.fine and laws.normalize(r.fine.quote) not in laws.normalize(r.quote):
            src = f"（第{cn(r.fine.quote_article)}条）" if r.fine.quote_article else ""
            row["原文"] += f"<br>罚款{src}：“{r.fine.quote}”"
        if r.note:
            row["违法行为"] += f"<br>注：{r.note}"
        lines.append("| " + " | ".join(str(row[c]).replace("|", "｜").replace("\n", " ") for c in _COLUMNS) + " |")
    return lines + [""]


def write_review(path=REVIEW_FILE):
    path.write_text(review_markdown(), encoding="utf-8")
    return path


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m scjg.penalties", description="罚则数据工具")
    parser.add_argument("--review", action="store_true", help="重新生成 datasets/laws/penalty_rules.md")
    parser.add_argument("--check", action="store_true", help="核对全部规则的引文与数额")
    args = parser.parse_args(argv)
    status = 0
    if args.check or not args.review:
        problems = [p for r in list_rules() for p in verify_rule(r)]
        for p in problems:
            print(p)
        print(f"共 {len(list_rules())} 条罚则，发现 {len(problems)} 个问题。")
        status = 1 if problems else 0
    if args.review:
        print(f"已写入 {write_review()}")
    return status
