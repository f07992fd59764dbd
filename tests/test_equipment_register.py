"""The equipment register the special-equipment lesson builds from the case data (scjg.equipment_register)."""
from __future__ import annotations

import datetime as dt
import re

import pandas as pd

from scjg import cases, equipment_register


def add_months(day: dt.date, months: int) -> dt.date:
    """Calendar month arithmetic written independently of pandas (a day past the month's end is clamped)."""
    import calendar
    y, m = divmod(day.month - 1 + months, 12)
    year, month = day.year + y, m + 1
    return dt.date(year, month, min(day.day, calendar.monthrange(year, month)[1]))


def test_register_lists_inspected_equipment_of_users_only():
    """Does the register hold one row per 使用单位 case with an inspection, dates as ISO text, and plain ids?"""
    se = cases.load("special_equipment")
    reg = equipment_register.build()
    wanted = se[(se["se_party_role"] == "使用单位") & (se["inspection_status"] != "never")]
    assert len(reg) == len(wanted) > 50
    assert list(reg.columns) == ["登记编号", "使用单位", "区县", "设备种类", "台数", "上次检验日期", "检验周期（月）"]
    assert all(re.fullmatch(r"\d{4}-\d\d-\d\d", d) for d in reg["上次检验日期"])
    assert all(re.fullmatch(r"DJ-\d{4}", i) for i in reg["登记编号"])
    assert not reg["区县"].str.startswith("某省").any()
    assert set(reg["检验周期（月）"]) <= {12, 24, 36}


def test_overdue_equipment_falls_due_when_the_cases_say():
    """Is every equipment the cases list as overdue by N days due N days (month-end clamp: up to 3 more) before
    the export date, and every in-date one due after it?"""
    se = cases.load("special_equipment").sort_values("case_id")
    used = se[(se["se_party_role"] == "使用单位") & (se["inspection_status"] != "never")].reset_index(drop=True)
    reg = equipment_register.build()
    export = dt.date(2025, 6, 30)
    for (_, case), (_, row) in zip(used.iterrows(), reg.iterrows()):
        due = add_months(dt.date.fromisoformat(row["上次检验日期"]), int(row["检验周期（月）"]))
        late = (export - due).days
        if case["inspection_status"] == "overdue":
            assert 0 <= late - int(case["overdue_days"]) <= 3, (case["case_id"], late)
        else:
            assert late < 0, case["case_id"]


def test_csv_round_trip(tmp_path):
    """Does the CSV written for learners read back (utf-8 with BOM) to the same table?"""
    path = equipment_register.write_csv(tmp_path / "设备登记表.csv")
    assert path.read_bytes().startswith("\ufeff".encode("utf-8"))
    back = pd.read_csv(path, encoding="utf-8-sig", dtype={"上次检验日期": str})
    pd.testing.assert_frame_equal(back, equipment_register.build())
