"""A 特种设备使用登记台账 built from the special-equipment case data, for the lessons' data exercises.

    >>> from scjg import equipment_register
    >>> reg = equipment_register.build()          # one row per 使用单位 case whose equipment was inspected
    >>> equipment_register.write_csv("设备登记表.csv")

Dates are ISO text, as a register exported to CSV gives them (the learner converts them with pandas).
The dates are derived from the cases: an equipment the case data lists as overdue by N days falls due
N days before EXPORT_DATE; one in date falls due after it. 检验周期 is a column of the (synthetic) register,
not a statement of the 安全技术规范. Equipment never inspected has no 上次检验日期 and is left out.
"""
from __future__ import annotations

from pathlib import Path

import pandas as pd

EXPORT_DATE = "2025-06-30"  # 台账导出日期
CYCLE_MONTHS = {"起重机械": 24, "压力容器": 36}  # other kinds: 12 months (register data, not a legal rule)
COLUMNS = ["登记编号", "使用单位", "区县", "设备种类", "台数", "上次检验日期", "检验周期（月）"]


def build(cases_df: pd.DataFrame | None = None) -> pd.DataFrame:
    """The register: 登记编号, 使用单位, 区县, 设备种类, 台数, 上次检验日期 (ISO text), 检验周期（月）."""
    if cases_df is None:
        from scjg import cases
        cases_df = cases.load("special_equipment")
    used = cases_df[(cases_df["se_party_role"] == "使用单位") & (cases_df["inspection_status"] != "never")]
    export = pd.Timestamp(EXPORT_DATE)
    rows = []
    for n, (_, case) in enumerate(used.sort_values("case_id").iterrows(), start=1):
        months = CYCLE_MONTHS.get(case["equipment_type"], 12)
        if case["inspection_status"] == "overdue":
            due = export - pd.Timedelta(days=int(case["overdue_days"]))
        else:  # in date: due between 5 and 334 days after the export, spread by the case number
            due = export + pd.Timedelta(days=5 + (n * 53) % 330)
        last = due - pd.DateOffset(months=months)
        rows.append({"登记编号": f"DJ-{n:04d}", "使用单位": case["party_name"],
                     "区县": str(case["region"]).removeprefix("某省"), "设备种类": case["equipment_type"],
                     "台数": int(case["equipment_count"]), "上次检验日期": last.strftime("%Y-%m-%d"),
                     "检验周期（月）": months})
    return pd.DataFrame(rows, columns=COLUMNS)


def write_csv(path, cases_df: pd.DataFrame | None = None) -> Path:
    """Write the register as UTF-8 CSV with a BOM (opens in Excel and WPS without garbled Chinese)."""
    path = Path(path)
    build(cases_df).to_csv(path, index=False, encoding="utf-8-sig")
    return path
