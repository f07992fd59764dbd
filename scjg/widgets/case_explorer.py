"""案例浏览器：按领域、类别、年份、裁量情形筛选典型案例，显示表格、单个案例的违法事实和统计图。

    from scjg.widgets.case_explorer import CaseExplorer
    CaseExplorer()            # 在 Notebook 中显示
"""
from __future__ import annotations

import html
import io

import ipywidgets as W
import pandas as pd

from scjg import cases
from scjg.schema import DISCRETIONS, DOMAIN_NAMES
from scjg.teaching import RULE_ID

ALL = "（全部）"
TABLE_COLUMNS = ["case_id", "violation_type", "violation_name", "business_format", "year", "discretion",
                 "goods_value", "fine_amount", "statutory_min", "statutory_max"]


def chart_png(df: pd.DataFrame, width: float = 7.0, height: float = 3.4) -> bytes:
    """筛选结果的统计图：各裁量情形的案例数（左）和罚款金额中位数（右）；返回 PNG 字节。"""
    from matplotlib.figure import Figure

    from scjg.plotting import setup_cjk_font

    setup_cjk_font(quiet=True)
    fig = Figure(figsize=(width, height), dpi=100)
    ax1, ax2 = fig.subplots(1, 2)
    order = [d for d in DISCRETIONS if d in set(df["discretion"])]
    names = [DISCRETIONS[d].replace("（", "\n（") for d in order]
    counts = [int((df["discretion"] == d).sum()) for d in order]
    med = [float(df.loc[df["discretion"] == d, "fine_amount"].median()) / 10000 for d in order]
    ax1.bar(range(len(order)), counts, color="#2f6f9f")
    ax1.set_title("案例数（按裁量情形）")
    ax1.set_ylabel("件")
    ax2.bar(range(len(order)), med, color="#c0504d")
    ax2.set_title("罚款中位数（万元）")
    for ax in (ax1, ax2):
        ax.set_xticks(range(len(order)), names, fontsize=7, rotation=30, ha="right")
    if not order:
        ax1.set_title("没有符合条件的案例")
    fig.tight_layout()
    buf = io.BytesIO()
    fig.savefig(buf, format="png")
    return buf.getvalue()


class CaseExplorer(W.VBox):
    """典型案例浏览器（ipywidgets）。属性 domain、category、year、discretion 为筛选控件，filtered 为当前结果。"""

    def __init__(self, data: pd.DataFrame | None = None):
        self.data = cases.load_all() if data is None else data.reset_index(drop=True)
        self.domain = W.Dropdown(description="领域", options=[(ALL, None)] + [(v, k) for k, v in DOMAIN_NAMES.items()])
        self.category = W.Dropdown(description="类别")
        self.year = W.Dropdown(description="年份",
                               options=[(ALL, None)] + [(str(y), int(y)) for y in sorted(self.data["year"].unique())])
        self.discretion = W.Dropdown(description="裁量",
                                     options=[(ALL, None)] + [(v, k) for k, v in DISCRETIONS.items()])
        self.case = W.Dropdown(description="案例", layout=W.Layout(width="420px"))
        self.count = W.HTML()
        self.table = W.HTML()
        self.narrative = W.HTML()
        self.chart = W.Image(format="png")
        self.filtered = self.data
        self._set_categories()
        for w in (self.domain, self.category, self.year, self.discretion):
            w.observe(self._on_filter, names="value")
        self.case.observe(lambda _: self._show_case(), names="value")
        super().__init__([
            W.HBox([self.domain, self.category]), W.HBox([self.year, self.discretion]), self.count,
            W.HTML("<b>案例列表</b>（最多显示 20 行）"), self.table, self.case, self.narrative, self.chart,
        ])
        self.update()

    # ---------------------------------------------------------------- 逻辑
    def _set_categories(self):
        d = self.domain.value
        sub = self.data if d is None else self.data[self.data["domain"] == d]
        pairs = sub[["violation_type", "violation_name"]].drop_duplicates().sort_values("violation_type")
        self.category.options = [(ALL, None)] + [(f"{c} {n}", c) for c, n in pairs.itertuples(index=False)]
        self.category.value = None

    def _on_filter(self, change):
        if change["owner"] is self.domain:
            self._set_categories()
        self.update()

    def update(self):
        """按当前筛选条件刷新表格、案例选择、违法事实和统计图。"""
        df = self.data
        for col, w in (("domain", self.domain), ("violation_type", self.category), ("year", self.year),
                       ("discretion", self.discretion)):
            if w.value is not None:
                df = df[df[col] == w.value]
        self.filtered = df
        self.count.value = f"共 <b>{len(df)}</b> 件案例（合成数据，仅供教学）"
        show = df[TABLE_COLUMNS].head(20).copy()
        show["discretion"] = show["discretion"].map(DISCRETIONS)
        self.table.value = show.rename(columns=cases.labels()).to_html(index=False, na_rep="—", float_format="{:,.2f}".format)
        self.case.options = [(f"{r.case_id} {r.violation_name}", r.case_id) for r in df.head(200).itertuples()]
        self.case.value = self.case.options[0][1] if self.case.options else None
        self._show_case()
        self.chart.value = chart_png(df)

    def _show_case(self):
        cid = self.case.value
        if cid is None:
            self.narrative.value = "<i>没有符合条件的案例。</i>"
            return
        r = self.data[self.data["case_id"] == cid].iloc[0]
        hi = "—" if pd.isna(r["statutory_max"]) else f"{r['statutory_max']:,.2f}"
        lo = "—" if pd.isna(r["statutory_min"]) else f"{r['statutory_min']:,.2f}"
        e = html.escape
        self.narrative.value = (
            f"<div style='border:1px solid #ccc;padding:8px'><b>{e(r['decision_no'])}</b>　{e(r['party_name'])}<br>"
            f"<b>违法事实：</b>{e(r['violation_facts'])}<br><b>违反条款：</b>{e(r['violated_provision'])}<br>"
            f"<b>处罚依据：</b>{e(RULE_ID.sub('', str(r['penalty_basis'])))}<br><b>法定幅度：</b>{lo} 至 {hi} 元　"
            f"<b>罚款：</b>{r['fine_amount']:,.2f} 元　<b>裁量：</b>{e(DISCRETIONS[r['discretion']])}<br>"
            f"<b>裁量依据：</b>{e(r['discretion_basis'])}</div>")
