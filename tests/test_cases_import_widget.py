"""Tests for trainers' case import and the CaseExplorer widget."""
from __future__ import annotations

import warnings

import pandas as pd
import pytest

from scjg import cases
from scjg.paths import CASES_DIR


@pytest.fixture(scope="module")
def base() -> pd.DataFrame:
    return cases.load_all()


def _trainer_rows() -> pd.DataFrame:
    """Six rows from the food file, renumbered as a trainer's own cases, with Chinese headers."""
    raw = pd.read_csv(CASES_DIR / "food.csv", dtype=str).head(6).copy()
    raw["case_id"] = [f"own-{i:04d}" for i in range(1, 7)]
    return raw


def test_import_reports_every_bad_row(tmp_path, base, capsys):
    """Does import keep good rows, and report each bad row with a Chinese reason, dropping nothing silently?"""
    raw = _trainer_rows()
    raw.loc[1, "fine_amount"] = "一万"                          # 类型错
    raw.loc[2, "violation_type"] = "F77"                        # 未知代码
    raw.loc[3, "fine_amount"] = str(float(raw.loc[3, "statutory_max"]) + 1)  # 超过法定上限
    raw.loc[4, "case_id"] = "food-0001"                         # 与内置编号重复
    raw.loc[5, "legal_rep"] = "王小明"                           # 全名
    zh = raw.rename(columns=cases.labels())
    path = tmp_path / "培训师案例.csv"
    zh.to_csv(path, index=False, encoding="gbk")
    res = cases.import_cases(path, merge_with=base)
    out = capsys.readouterr().out
    assert "通过 1 行" in out and "有问题 5 行" in out
    assert list(res.good["case_id"]) == ["own-0001"]
    assert len(res.merged) == len(base) + 1
    assert sorted(res.report["行号"].unique()) == [3, 4, 5, 6, 7]
    reasons = res.report.groupby("行号")["原因"].agg("；".join).to_dict()
    assert "数字" in reasons[3] and "类别代码" in reasons[4] and "上限" in reasons[5]
    assert "重复" in reasons[6] and "某" in reasons[7]
    assert len(res.good) + res.report["行号"].nunique() == len(raw)


def test_import_excel_english_headers(tmp_path, base):
    """Does an Excel file with English headers import cleanly?"""
    path = tmp_path / "own.xlsx"
    _trainer_rows().to_excel(path, index=False)
    res = cases.import_cases(path, merge_with=base, show=False)
    assert len(res.good) == 6 and res.report.empty
    merged, report = res
    assert len(merged) == len(base) + 6


def test_import_missing_column(tmp_path, base):
    """Is a file missing a required column rejected row by row with the column named?"""
    path = tmp_path / "bad.csv"
    _trainer_rows().drop(columns=["fine_amount"]).to_csv(path, index=False)
    res = cases.import_cases(path, merge_with=base, show=False)
    assert res.good.empty and res.report["行号"].nunique() == 6
    assert res.report["原因"].str.contains("罚款金额").any()


def test_widget_filters_and_updates(base):
    """Do the explorer's filters change the table, the case narrative and the chart?"""
    from scjg.widgets.case_explorer import CaseExplorer

    with warnings.catch_warnings():
        warnings.simplefilter("error")
        w = CaseExplorer(base)
        assert len(w.filtered) == len(base)
        png0 = w.chart.value
        w.domain.value = "drug"
        assert set(w.filtered["domain"]) == {"drug"}
        assert all(c.startswith("D") for _, c in w.category.options[1:] if c)
        w.category.value = "D01"
        assert set(w.filtered["violation_type"]) == {"D01"}
        w.discretion.value = "mitigated"
        assert (w.filtered["fine_amount"] < w.filtered["statutory_min"]).all()
        assert w.case.value in set(w.filtered["case_id"])
        assert "违法事实" in w.narrative.value and "第三十二条" in w.narrative.value
        assert w.chart.value != png0 and w.chart.value[:4] == b"\x89PNG"
        w.year.value = w.year.options[-1][1]
        w.discretion.value = "referred"
        assert len(w.filtered) == 0 and "没有符合条件" in w.narrative.value
