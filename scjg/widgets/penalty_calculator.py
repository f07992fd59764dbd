"""罚款计算器控件：选领域 → 选条款 → 填事实 → 显示法定罚款幅度、计算说明、法条原文和幅度图。

    from scjg.widgets.penalty_calculator import PenaltyCalculator
    PenaltyCalculator()          # 在 Notebook 中显示
"""
from __future__ import annotations

import html
import io
import math
import warnings

import ipywidgets as W

from scjg import laws, penalties

# 领域 -> 法律简称（只显示已有罚则的法律）
DOMAINS: dict[str, list[str]] = {
    "食品安全": ["食品安全法", "食品安全法实施条例", "食品生产经营监督检查管理办法"],
    "药品": ["药品管理法"],
    "特种设备": ["特种设备安全法", "特种设备安全监督检查办法"],
    "价格": ["价格法", "价格违法行为行政处罚规定", "明码标价和禁止价格欺诈规定"],
}
CHANNEL_OPTIONS = [("（不区分）", None)] + [(f"{v}（{k}）", k) for k, v in penalties.CHANNELS.items()]
CONDITION_OPTIONS = [("未说明", None), ("具备", True), ("不具备", False)]
SERIOUS_OPTIONS = [("一般", False), ("情节较重（价格违法行为行政处罚规定）", "较重"), ("情节严重", True)]


def _setup_font() -> str | None:
    try:
        from scjg.plotting import setup_cjk_font
    except ImportError:  # pragma: no cover - plotting 由另一模块提供
        return None
    return setup_cjk_font(quiet=True)


def _curve(rule: penalties.Rule, facts: dict, base_key: str, xs: list[float]) -> tuple[list, list, bool]:
    """各计算基数下罚款的最低、最高额（万元）及是否有“未规定上限”的点；算不出数额的点为 nan（图上留空）。"""
    lows, highs, hi_missing = [], [], False
    other = {k: v for k, v in facts.items() if k != base_key}
    for x in xs:
        args = dict(other)
        if base_key != "none":
            args[base_key] = max(x, 0.0)
        r = penalties.compute(rule, **args)
        if r.min is None:
            lows.append(math.nan)
            highs.append(math.nan)
            continue
        lows.append(r.min / 10000)
        hi_missing = hi_missing or r.max is None
        highs.append((r.min if r.max is None else r.max) / 10000)
    return lows, highs, hi_missing


def fine_chart_png(rule: penalties.Rule, facts: dict, width: float = 7.0, height: float = 3.6) -> bytes:
    """画出罚款幅度随计算基数（货值金额等）变化的图，标出档位分界；返回 PNG 字节。"""
    from matplotlib.figure import Figure

    _setup_font()
    fig = Figure(figsize=(width, height), dpi=100)
    ax = fig.add_subplot(1, 1, 1)
    fine = rule.fine
    base_key = fine.depends_on if fine else "none"
    base_name = penalties.FACTS.get(base_key, "")
    marks = chart_marks(rule, facts.get("channel"))
    current = facts.get(base_key) if base_key != "none" else None
    top = max([m for m, _ in marks] + [current or 0, 10000]) * 2.5
    xs = sorted({0.0, top, *(m for m, _ in marks), *(m - 1e-6 for m, _ in marks if m > 0)}
                | {top * i / 200 for i in range(201)})
    lows, highs, hi_missing = _curve(rule, facts, base_key, xs)
    xw = [x / 10000 for x in xs]
    ax.fill_between(xw, lows, highs, color="#9ecae1", alpha=0.6, label="罚款幅度")
    ax.plot(xw, lows, color="#3182bd", lw=1.2, label="最低罚款")
    ax.plot(xw, highs, color="#08519c", lw=1.2, label="最高罚款")
    for m, label in marks:
        ax.axvline(m / 10000, color="#d62728", ls="--", lw=1)
        top_y = max((h for h in highs if h == h), default=0) * 0.95  # nan（算不出数额的点）不计
        ax.annotate(label, (m / 10000, top_y), rotation=90, va="top", ha="right", fontsize=8, color="#d62728")
    r = penalties.compute(rule, **facts) if current is not None else None
    if r is not None and r.known:
        ax.plot([current / 10000] * 2, [r.min / 10000, (r.max if r.max is not None else r.min) / 10000],
                color="#e6550d", lw=4, label="本案")
    ax.set_xlabel(f"{base_name}（万元）" if base_key != "none" else "（本条罚款不随金额变化）")
    ax.set_ylabel("罚款（万元）")
    title = f"{rule.citation} 罚款幅度"
    if hi_missing:
        title += "（法律未规定上限）"
    ax.set_title(title, fontsize=10)
    ax.grid(alpha=0.3)
    ax.legend(fontsize=8, loc="upper left")
    fig.tight_layout()
    buf = io.BytesIO()
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        fig.savefig(buf, format="png")
    return buf.getvalue()


def chart_marks(rule: penalties.Rule, channel: str | None = None) -> list[tuple[float, str]]:
    """The boundaries to mark on the chart: a floor set for other channels (劣药 零售一万元 on a 批发 chart) is left out."""
    floors = rule.fine.floors if rule.fine else ()
    other = {f.amount for f in floors if channel and f.channels and channel not in f.channels}
    return [(m, label) for m, label in penalties.boundaries(rule) if not (m in other and label.startswith("计算下限"))]


class PenaltyCalculator:
    """罚款计算器。属性 domain / provision / goods_value / illegal_income / sales_amount / channel /
    serious（一般 / 较重 / 情节严重）/ conditions_met / unknown（金额无法查清）是可直接操作的控件；
    result 是最近一次计算结果（FineRange 或 None）。"""

    def __init__(self, domain: str | None = None):
        self.domains = {d: [l for l in ls if penalties.list_rules(l)] for d, ls in DOMAINS.items()}
        self.domains = {d: ls for d, ls in self.domains.items() if ls}
        style = {"description_width": "8em"}
        layout = W.Layout(width="34em")
        self.domain = W.Dropdown(options=list(self.domains), description="执法领域", style=style, layout=layout)
        self.provision = W.Dropdown(options=[], description="违法行为", style=style, layout=W.Layout(width="60em"))
        self.goods_value = W.BoundedFloatText(value=0, min=0, max=1e12, step=100, description="货值金额（元）", style=style)
        self.illegal_income = W.BoundedFloatText(value=0, min=0, max=1e12, step=100, description="违法所得（元）", style=style)
        self.sales_amount = W.BoundedFloatText(value=0, min=0, max=1e12, step=100, description="销售金额（元）", style=style)
        self.channel = W.Dropdown(options=CHANNEL_OPTIONS, value=None, description="经营环节", style=style)
        self.serious = W.Dropdown(options=SERIOUS_OPTIONS, value=False, description="情节", style=style)
        self.unknown = W.Checkbox(value=False, description="金额无法查清/无法确定", indent=False)
        self.conditions_met = W.Dropdown(options=CONDITION_OPTIONS, value=None, description="前提是否具备", style=style)
        self.output = W.HTML()
        self.chart = W.Image(format="png", layout=W.Layout(max_width="720px"))
        self.result: penalties.FineRange | None = None
        self.error: str = ""
        self._fact_widgets = {"goods_value": self.goods_value, "illegal_income": self.illegal_income,
                              "sales_amount": self.sales_amount}
        self.widget = W.VBox([
            W.HTML("<h4 style='margin:0.2em 0'>罚款幅度计算器</h4>"
                   "<div style='color:#555'>选择领域和违法行为，填写案件事实，即可看到法定罚款幅度及其依据。"
                   "结果只是法定幅度，具体罚款数额还须依照裁量基准确定。</div>"),
            self.domain, self.provision,
            W.HBox([self.goods_value, self.illegal_income, self.sales_amount]),
            W.HBox([self.channel, self.serious, self.conditions_met, self.unknown]),
            self.output, self.chart,
        ])
        self.domain.observe(self._on_domain, names="value")
        for w in (self.provision, self.goods_value, self.illegal_income, self.sales_amount, self.channel,
                  self.serious, self.conditions_met, self.unknown):
            w.observe(lambda _change: self.update(), names="value")
        if domain is not None:
            if domain not in self.domains:
                raise ValueError(f"没有“{domain}”这个领域；可选：{'、'.join(self.domains)}。")
            self.domain.value = domain
        self._on_domain()

    # ------------------------------------------------------------ behaviour
    def _on_domain(self, _change=None):
        rules = [r for law in self.domains.get(self.domain.value, []) for r in penalties.list_rules(law)]
        options = [(f"{r.law} {r.provision}：{_short(r.violation)}", r.id) for r in rules]
        self.provision.options = options
        if options:
            self.provision.value = options[0][1]
        self.update()

    @property
    def rule(self) -> penalties.Rule | None:
        return penalties.get_rule(self.provision.value) if self.provision.value else None

    @property
    def fine_rule(self) -> penalties.Rule | None:
        """罚款所在的规则：本条“依照某条处罚”（fine_from）时为所指规则。"""
        rule = self.rule
        return penalties.get_rule(rule.fine_from) if rule and rule.fine_from else rule

    def facts(self) -> dict:
        """当前控件里的事实（只取所选规则用得到的）。"""
        rule = self.fine_rule
        facts: dict = {"serious": self.serious.value}
        if rule and rule.fine and rule.fine.depends_on in self._fact_widgets:
            key = rule.fine.depends_on
            facts[key] = penalties.UNKNOWN[key] if self.unknown.value else float(self._fact_widgets[key].value)
        if self.channel.value is not None:
            facts["channel"] = self.channel.value
        if self.conditions_met.value is not None:
            facts["conditions_met"] = self.conditions_met.value
        return facts

    def update(self) -> penalties.FineRange | None:
        """按当前选择重新计算并刷新显示；返回结果（出错时返回 None，错误说明显示在控件中）。"""
        rule = self.rule
        self._show_relevant(rule)
        if rule is None:
            self.result, self.error = None, "本领域还没有罚则数据。"
            self.output.value = f"<div style='color:#a33'>{self.error}</div>"
            self.chart.value = b""
            return None
        try:
            facts = self.facts()
            self.result = penalties.compute(rule, **facts)
            self.error = ""
        except ValueError as e:
            self.result, self.error = None, str(e)
            self.output.value = f"<div style='color:#a33'>无法计算：{html.escape(self.error)}</div>"
            self.chart.value = b""
            return None
        self.output.value = self._result_html(rule, self.result)
        fine_rule = self.fine_rule
        known = not any(penalties.UNKNOWN.get(k) == v for k, v in facts.items())
        self.chart.value = fine_chart_png(fine_rule, facts) if fine_rule.fine and known and self.result.min is not None else b""
        return self.result

    def _show_relevant(self, rule):
        rule = penalties.get_rule(rule.fine_from) if rule and rule.fine_from else rule
        need = rule.fine.depends_on if rule and rule.fine else "none"
        for key, w in self._fact_widgets.items():
            w.layout.display = None if key == need else "none"
        needs_channel = bool(rule and (rule.channels or (rule.fine and any(f.channels for f in rule.fine.floors))))
        self.channel.layout.display = None if needs_channel else "none"
        self.serious.layout.display = None if rule and rule.fine else "none"
        self.unknown.layout.display = None if need in penalties.UNKNOWN else "none"
        self.conditions_met.layout.display = None if rule and rule.fine and rule.fine.conditions else "none"

    def _result_html(self, rule, r) -> str:
        e = html.escape
        if r.min is None:
            head = f"罚款数额：{r.range_words}"
        elif r.min or r.max:
            hi = "法律未规定上限" if r.max is None else penalties.yuan(r.max)
            must = "应当处罚款" if r.mandatory else "可以处罚款"
            if r.conditions and self.conditions_met.value is None:
                must = f"仅在“{'、'.join(r.conditions)}”时{must}"
            head = f"罚款幅度：{penalties.yuan(r.min)} 至 {hi}（{must}）"
        else:
            head = "不处罚款"
        cond = f"<div>适用前提：{e('、'.join(r.conditions))}</div>" if r.conditions else ""
        other = "".join(f"<li>{e(_sanction_words(s))}</li>" for s in r.sanctions)
        other = f"<div>其他处罚和措施：<ul style='margin:0'>{other}</ul></div>" if other else ""
        info = laws.law_info(rule.law)
        note = f"<div style='color:#a33'>版本提示：{e(info.version_note)}</div>" if info.version_note else ""
        return (f"<div style='line-height:1.7'><div style='font-size:1.15em'><b>{e(head)}</b></div>"
                f"<div>计算说明：{e(r.basis)}</div>{cond}{other}"
                f"<div style='color:#444'>法条原文：“{e(r.quote)}”</div>"
                f"<div style='color:#666;font-size:0.9em'>出处：{e(info.version_stamp)} {e(rule.provision)}</div>{note}</div>")

    def _ipython_display_(self):
        from IPython.display import display

        display(self.widget)


def _short(text: str, n: int = 40) -> str:
    return text if len(text) <= n else text[: n - 1] + "…"


def _sanction_words(s: penalties.Sanction) -> str:
    """一项其他处罚的说明：必处或可以，前提是否已由事实确认。"""
    tail = "（必处）" if s.mandatory else "（可以）"
    if s.condition and s.applies is None:
        tail += "——前提须另行查明"
    amount = f"，应没收{penalties.yuan(s.amount)}" if s.amount is not None else ""
    return s.words() + amount + tail + (f"。{s.note}" if s.note else "")
