"""裁量小助手：一步步走过《行政处罚法》的时效、年龄、精神状态、不予处罚与从轻减轻，再看是否达到刑法的移送门槛。

控件都是属性，可以直接赋值（测试和讲师演示都这样用）；decision 和 referral 是最近一次的判断结果，
输入有误时为 None，error 中是中文说明（不会抛出异常）。
"""
from __future__ import annotations

import html

from scjg import laws
from scjg.discretion import HARM, MENTAL, MITIGATING, PRICE_AGGRAVATING, Decision, decide
from scjg.referral import FACT_KEYWORDS, ITEM_LISTS, Referral, assess

_cn = laws.cn_number

#: 可判断的刑法条文：(条, 之X) → 下拉框中的说明
CRIMES = {
    (134, 1): "第一百三十四条之一 危险作业（特种设备拒不停止使用等）",
    (140, 0): "第一百四十条 生产、销售伪劣产品",
    (141, 0): "第一百四十一条 生产、销售假药",
    (142, 0): "第一百四十二条 生产、销售劣药",
    (142, 1): "第一百四十二条之一 妨害药品管理",
    (143, 0): "第一百四十三条 不符合安全标准的食品",
    (144, 0): "第一百四十四条 有毒、有害食品",
    (145, 0): "第一百四十五条 不符合标准的医用器材",
    (146, 0): "第一百四十六条 不符合安全标准的产品",
    (149, 0): "第一百四十九条 销售金额五万元以上的兜底",
}


def _item_options(key) -> list[tuple[str, int | None]]:
    if key not in ITEM_LISTS:
        return [("（无）", None)]
    law, number, paragraph = ITEM_LISTS[key]
    art = laws.article(law, number)
    where = art.label if law != "刑法" else ""
    return [("不属于所列情形", None)] + [(f"{where}{i.text[:40]}", i.number) for i in art.paragraph(paragraph).items]


class DiscretionHelper:
    """裁量小助手：第一步 时效，第二步 当事人（年龄、精神状态），第三步 情节（第三十三条、第三十二条），
    第四步 是否涉嫌犯罪（刑法门槛）。"""

    def __init__(self):
        import ipywidgets as W

        self._W, self._style = W, {"description_width": "11em"}
        self.output, self.referral_output = W.HTML(), W.HTML()
        self.decision: Decision | None = None
        self.referral: Referral | None = None
        self.error = ""
        step = lambda t: W.HTML(f"<b style='color:#2f6f9f'>{html.escape(t)}</b>")  # noqa: E731
        self.widget = W.VBox([
            W.HTML("<h4 style='margin:0.2em 0'>裁量小助手</h4><div style='color:#555'>按步骤填写案件情节，"
                   "看《行政处罚法》给出的方向和是否达到移送门槛。结果只是法律条文的方向，最终还须依照裁量基准和全案证据。</div>"),
            step("第一步 时效（第三十六条）"), *self._time_controls(),
            step("第二步 当事人（第三十条、第三十一条）"), *self._party_controls(),
            step("第三步 情节（第三十三条、第三十二条）"), *self._fact_controls(), self.output,
            step("第四步 是否涉嫌犯罪（行政处罚法第二十七条、刑法）"), *self._crime_controls(), self.referral_output,
        ])
        self.crime.observe(lambda _c: self._crime_changed(), names="value")
        for w in (self.act_date, self.act_ended, self.discovered, self.life_health_or_finance, self.age, self.mental,
                  self.first_offense, self.rectified, self.minor, self.no_fault, self.harm, self.mitigating,
                  self.domain, self.aggravating, *self._crime_facts.values()):
            w.observe(lambda _c: self.update(), names="value")
        self._crime_changed()

    def _time_controls(self) -> list:
        W, text = self._W, dict(style=self._style, layout=self._W.Layout(width="24em"))
        self.act_date = W.Text(description="违法行为发生之日", placeholder="2022-09-30", **text)
        self.act_ended = W.Text(description="连续/继续行为终了之日", placeholder="没有连续或者继续状态的不填", **text)
        self.discovered = W.Text(description="发现之日", placeholder="2025-03-15", **text)
        self.life_health_or_finance = W.Checkbox(value=False, description="涉及公民生命健康安全、金融安全", indent=False)
        return [self.act_date, self.act_ended, self.discovered, self.life_health_or_finance]

    def _party_controls(self) -> list:
        W = self._W
        self.age = W.Text(description="违法时的周岁", placeholder="单位或成年人不填", style=self._style,
                          layout=W.Layout(width="24em"))
        self.mental = W.Dropdown(options=[("正常", None)] + [(v, k) for k, v in MENTAL.items()], value=None,
                                 description="精神状态", style=self._style)
        return [self.age, self.mental]

    def _fact_controls(self) -> list:
        W, style = self._W, self._style
        self.first_offense = W.Checkbox(value=False, description="初次违法", indent=False)
        self.rectified = W.Checkbox(value=False, description="及时改正", indent=False)
        self.minor = W.Checkbox(value=False, description="违法行为轻微", indent=False)
        self.no_fault = W.Checkbox(value=False, description="有证据证明没有主观过错", indent=False)
        self.harm = W.Dropdown(options=[(v, k) for k, v in HARM.items()], value="actual", description="危害后果",
                               style=style)
        self.mitigating = W.SelectMultiple(options=[(f"第（{_cn(k)}）项 {v}", k) for k, v in MITIGATING.items()],
                                           value=(), description="第三十二条情形", style=style,
                                           layout=W.Layout(width="46em", height="7.5em"))
        self.domain = W.Dropdown(options=[("一般（行政处罚法）", None), ("食品经营者", "food"), ("产品销售者", "product"),
                                          ("价格违法的经营者", "price")],
                                 value=None, description="另有规定的领域", style=style)
        self.aggravating = W.SelectMultiple(
            options=[(f"第（{_cn(k)}）项 {v}", k) for k, v in PRICE_AGGRAVATING.items()], value=(),
            description="价格规定第十七条第二款（从重）", style=style, layout=W.Layout(width="46em", height="7.5em",
                                                                                    display="none"))
        self.domain.observe(lambda c: setattr(self.aggravating.layout, "display", None if c["new"] == "price" else "none"),
                            names="value")
        return [W.HBox([self.first_offense, self.rectified, self.minor, self.no_fault]), self.harm, self.mitigating,
                self.domain, self.aggravating]

    def _crime_controls(self) -> list:
        W, style, wide = self._W, self._style, self._W.Layout(width="46em")
        self.crime = W.Dropdown(options=[("不涉及", None)] + [(v, k) for k, v in CRIMES.items()], value=None,
                                description="可能涉及的刑法条文", style=style, layout=wide)
        self.sales_amount = W.BoundedFloatText(value=0, min=0, max=1e12, description="销售金额（元）", style=style)
        self.item = W.Dropdown(options=[("（无）", None)], value=None, description="所列情形", style=style, layout=wide)
        self.serious_harm = W.Checkbox(value=False, description="对人体健康造成严重危害（或造成严重后果）", indent=False)
        self.sufficient_danger = W.Checkbox(value=False, description="足以造成严重危害", indent=False)
        self.real_danger = W.Checkbox(value=False, description="具有发生重大伤亡事故等的现实危险", indent=False)
        self.knowing = W.Checkbox(value=True, description="有证据证明明知", indent=False)
        self._crime_facts = {"sales_amount": self.sales_amount, "item": self.item, "serious_harm": self.serious_harm,
                             "sufficient_danger": self.sufficient_danger, "real_danger": self.real_danger,
                             "knowing": self.knowing}
        return [self.crime, *self._crime_facts.values()]

    def _crime_changed(self):
        key = self.crime.value
        wanted = FACT_KEYWORDS.get(key, set())
        for name, w in self._crime_facts.items():
            w.layout.display = None if name in wanted else "none"
        self.item.options = _item_options(key)
        self.item.value = None
        self.update()

    def _age(self) -> int | None:
        s = self.age.value.strip()
        if not s:
            return None
        if not s.isdigit():
            raise ValueError(f"周岁请填整数（例如 16），而不是 {s!r}。")
        return int(s)

    def _decide(self) -> Decision:
        dates = {k: (getattr(self, k).value.strip() or None) for k in ("act_date", "act_ended", "discovered")}
        return decide(first_offense=self.first_offense.value, harm=self.harm.value, rectified=self.rectified.value,
                      minor=self.minor.value, no_fault=self.no_fault.value, mitigating=tuple(self.mitigating.value),
                      aggravating=tuple(self.aggravating.value) if self.domain.value == "price" else (),
                      domain=self.domain.value, age=self._age(), mental=self.mental.value,
                      life_health_or_finance=self.life_health_or_finance.value, **dates)

    def _assess(self) -> Referral | None:
        key = self.crime.value
        if key is None:
            return None
        wanted = FACT_KEYWORDS[key]
        facts = {n: w.value for n, w in self._crime_facts.items() if n in wanted}
        if "knowing" in facts:
            facts["knowing"] = None if facts["knowing"] else False
        return assess(key, **facts)

    def update(self) -> Decision | None:
        """重新判断；输入有误时 decision 为 None，输出框显示中文说明。"""
        self.error = ""
        try:
            self.decision = self._decide()
            self.output.value = self.decision._repr_html_() + self._limit_line()
        except ValueError as e:
            self.decision, self.error = None, str(e)
            self.output.value = f"<div style='color:#b00020'>请检查输入：{html.escape(self.error)}</div>"
        try:
            self.referral = self._assess()
            self.referral_output.value = self.referral._repr_html_() if self.referral else ""
        except ValueError as e:
            self.referral, self.error = None, str(e)
            self.referral_output.value = f"<div style='color:#b00020'>请检查输入：{html.escape(self.error)}</div>"
        return self.decision

    def _limit_line(self) -> str:
        d = self.decision
        if d is None or d.limitation_end is None or d.article == 36:
            return ""
        return f"<div style='color:#555'>追责时效：{d.limitation_end.isoformat()} 以前（含当日）发现的，仍可处罚。</div>"

    def _ipython_display_(self):
        from IPython.display import display

        display(self.widget)
